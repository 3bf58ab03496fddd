import type { OutboxRow, OutboxStatus, OutboxStore } from '../../../src/delivery/outbox';
import { decodeKey, encodeKey } from '../../../src/storage/keys';
import { isConflict, isNotFound } from '../../../src/storage/tables';
import { type EntityIn, MemoryTable, type Props, type Public } from './table';

/**
 * OutboxStore (src/delivery/outbox.ts): one row per recipient, partition per
 * run; `enqueue` adds only missing rows (batches of 100, all or nothing,
 * one by one when a batch fails), lists in row-key order, `update` an
 * ETag-conditional merge that throws the 412 (404 when the row is gone).
 */

function fromRow(e: Props & { partitionKey: string; rowKey: string; etag?: string }): OutboxRow {
  const s = (k: string) => (typeof e[k] === 'string' ? (e[k] as string) : '');
  return {
    runId: decodeKey(e.partitionKey),
    recipient: decodeKey(e.rowKey),
    tenantId: s('tenantId'),
    aadObjectId: s('aadObjectId'),
    status: (s('status') || 'pending') as OutboxStatus,
    attempts: Number(e.attempts ?? 0),
    notBefore: s('notBefore'),
    leaseOwner: s('leaseOwner'),
    leaseUntil: s('leaseUntil'),
    activityId: s('activityId'),
    lastError: s('lastError'),
    etag: e.etag ?? '',
  };
}

export class MemoryOutboxStore implements Public<OutboxStore> {
  readonly table = new MemoryTable();

  async enqueue(runId: string, recipients: Array<{ recipient: string; tenantId: string; aadObjectId: string }>): Promise<number> {
    let created = 0;
    const pk = encodeKey(runId);
    const existing = new Set(this.table.listEntities((e) => e.partitionKey === pk).map((e) => e.rowKey));
    const missing = recipients.filter((r) => !existing.has(encodeKey(r.recipient)));
    for (let i = 0; i < missing.length; i += 100) {
      const chunk = missing.slice(i, i + 100);
      const actions = chunk.map(
        (r) =>
          [
            'create',
            {
              partitionKey: pk,
              rowKey: encodeKey(r.recipient),
              tenantId: r.tenantId,
              aadObjectId: r.aadObjectId,
              status: 'pending',
              attempts: 0,
              notBefore: '',
              leaseOwner: '',
              leaseUntil: '',
              activityId: '',
              lastError: '',
            },
          ] as ['create', EntityIn],
      );
      try {
        await this.table.submitTransaction(actions);
        created += chunk.length;
      } catch {
        for (const [, entity] of actions) {
          try {
            await this.table.createEntity(entity);
            created += 1;
          } catch (err) {
            if (!isConflict(err)) throw err;
          }
        }
      }
    }
    return created;
  }

  async *open(runId: string): AsyncIterable<OutboxRow> {
    const pk = encodeKey(runId);
    for (const e of this.table.listEntities((e) => e.partitionKey === pk && (e.status === 'pending' || e.status === 'sending')))
      yield fromRow(e);
  }

  async *withStatus(runId: string, status: OutboxStatus): AsyncIterable<OutboxRow> {
    const pk = encodeKey(runId);
    for (const e of this.table.listEntities((e) => e.partitionKey === pk && e.status === status)) yield fromRow(e);
  }

  async counts(runId: string): Promise<Record<OutboxStatus, number>> {
    const out: Record<OutboxStatus, number> = { pending: 0, sending: 0, sent: 0, failed: 0, blocked: 0, notInstalled: 0 };
    const pk = encodeKey(runId);
    for (const e of this.table.listEntities((e) => e.partitionKey === pk)) {
      const s = (e.status as OutboxStatus) ?? 'pending';
      out[s] = (out[s] ?? 0) + 1;
    }
    return out;
  }

  async get(runId: string, recipient: string): Promise<OutboxRow | undefined> {
    try {
      return fromRow(await this.table.getEntity(encodeKey(runId), encodeKey(recipient)));
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  }

  async update(row: OutboxRow, patch: Partial<Omit<OutboxRow, 'runId' | 'recipient' | 'etag'>>): Promise<OutboxRow> {
    const res = await this.table.updateEntity({ partitionKey: encodeKey(row.runId), rowKey: encodeKey(row.recipient), ...patch }, 'Merge', {
      etag: row.etag,
    });
    return { ...row, ...patch, etag: res.etag ?? row.etag };
  }
}
