import type { TableClient } from '@azure/data-tables';
import { decodeKey, encodeKey } from '../storage/keys';
import { isConflict, isNotFound, odata } from '../storage/tables';

/**
 * The outbox of one fan-out run (a week's digest): one row per recipient,
 * partitioned by run. A sender claims a row with an ETag-conditional lease,
 * sends, and marks it sent with the connector's activity id; a process that
 * dies leaves its leases to expire and another process (or itself after a
 * restart) carries on. Rows hold ids only, never message text.
 */

export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'blocked' | 'notInstalled';

export interface OutboxRow {
  runId: string;
  recipient: string;
  /** Where to send: the tenant and the recipient's Entra object id (the conversation is looked up when sending). */
  tenantId: string;
  aadObjectId: string;
  status: OutboxStatus;
  attempts: number;
  /** Not before this instant (ISO): retries with backoff. */
  notBefore: string;
  leaseOwner: string;
  leaseUntil: string;
  activityId: string;
  lastError: string;
  etag: string;
}

type Row = Record<string, unknown> & { partitionKey?: string; rowKey?: string; etag?: string };

function fromRow(e: Row): OutboxRow {
  const s = (k: string) => (typeof e[k] === 'string' ? (e[k] as string) : '');
  return {
    runId: decodeKey(e.partitionKey ?? ''),
    recipient: decodeKey(e.rowKey ?? ''),
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

export class OutboxStore {
  constructor(private readonly table: TableClient) {}

  /** Adds the run's rows; rows that already exist (a run enqueued twice) are left as they are. */
  async enqueue(runId: string, recipients: Array<{ recipient: string; tenantId: string; aadObjectId: string }>): Promise<number> {
    let created = 0;
    const pk = encodeKey(runId);
    // A run enqueued again (a restart, a second process) adds only the rows that are missing: one read of the partition's keys.
    const existing = new Set<string>();
    for await (const e of this.table.listEntities<Row>({ queryOptions: { filter: odata`PartitionKey eq ${pk}`, select: ['RowKey'] } }))
      existing.add(e.rowKey ?? '');
    const missing = recipients.filter((r) => !existing.has(encodeKey(r.recipient)));
    // Batches of 100 in one partition: all or nothing; fall back to one by one when some exist.
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
          ] as ['create', Record<string, unknown> & { partitionKey: string; rowKey: string }],
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

  /** Rows still to send: pending, or sending with a lease that has expired. */
  async *open(runId: string): AsyncIterable<OutboxRow> {
    const filter = odata`PartitionKey eq ${encodeKey(runId)} and (status eq ${'pending'} or status eq ${'sending'})`;
    for await (const e of this.table.listEntities<Row>({ queryOptions: { filter } })) yield fromRow(e);
  }

  async *withStatus(runId: string, status: OutboxStatus): AsyncIterable<OutboxRow> {
    const filter = odata`PartitionKey eq ${encodeKey(runId)} and status eq ${status}`;
    for await (const e of this.table.listEntities<Row>({ queryOptions: { filter } })) yield fromRow(e);
  }

  async counts(runId: string): Promise<Record<OutboxStatus, number>> {
    const out: Record<OutboxStatus, number> = { pending: 0, sending: 0, sent: 0, failed: 0, blocked: 0, notInstalled: 0 };
    for await (const e of this.table.listEntities<Row>({
      queryOptions: { filter: odata`PartitionKey eq ${encodeKey(runId)}`, select: ['status'] },
    })) {
      const s = (e.status as OutboxStatus) ?? 'pending';
      out[s] = (out[s] ?? 0) + 1;
    }
    return out;
  }

  async get(runId: string, recipient: string): Promise<OutboxRow | undefined> {
    try {
      return fromRow(await this.table.getEntity<Row>(encodeKey(runId), encodeKey(recipient)));
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  }

  /** ETag-conditional change; throws the 412 when another process changed the row first. */
  async update(row: OutboxRow, patch: Partial<Omit<OutboxRow, 'runId' | 'recipient' | 'etag'>>): Promise<OutboxRow> {
    const res = await this.table.updateEntity({ partitionKey: encodeKey(row.runId), rowKey: encodeKey(row.recipient), ...patch }, 'Merge', {
      etag: row.etag,
    });
    return { ...row, ...patch, etag: res.etag ?? row.etag };
  }

  /**
   * ETag-conditional changes of up to 100 rows of one run in one transaction:
   * all or nothing, one round trip instead of one per row. Throws the 412 when
   * any row was changed by another process first (the caller then changes
   * them one by one to learn which).
   */
  async updateMany(
    changes: Array<{ row: OutboxRow; patch: Partial<Omit<OutboxRow, 'runId' | 'recipient' | 'etag'>> }>,
  ): Promise<OutboxRow[]> {
    if (changes.length === 0) return [];
    if (changes.length === 1) return [await this.update(changes[0]!.row, changes[0]!.patch)];
    const pk = encodeKey(changes[0]!.row.runId);
    if (changes.length > 100 || changes.some((c) => c.row.runId !== changes[0]!.row.runId))
      throw new Error('updateMany: at most 100 rows of one run');
    const res = await this.table.submitTransaction(
      changes.map(
        ({ row, patch }) =>
          ['update', { partitionKey: pk, rowKey: encodeKey(row.recipient), ...patch }, 'Merge', { etag: row.etag }] as [
            'update',
            { partitionKey: string; rowKey: string },
            'Merge',
            { etag: string },
          ],
      ),
    );
    // The answers come in the order of the changes.
    return changes.map(({ row, patch }, i) => ({ ...row, ...patch, etag: res?.subResponses?.[i]?.etag?.trim() || row.etag }));
  }
}
