import { createHash, randomBytes } from 'node:crypto';
import type { TableClient } from '@azure/data-tables';
import { encodeKey, NO_TENANT } from './keys';
import { isConflict, odata } from './tables';

export type AuditEvent = 'refusal' | 'allowedUnderConsent' | 'consentRecorded' | 'consentListed' | 'consentWithdrawn';
export const AUDIT_EVENTS: readonly AuditEvent[] = [
  'refusal',
  'allowedUnderConsent',
  'consentRecorded',
  'consentListed',
  'consentWithdrawn',
];

/** One audit row. Never message text, never an identifier: categories and pseudonymous references only. */
export interface AuditEntry {
  time: Date;
  tenantId: string;
  /** The linked group, or empty for an unlinked conversation. */
  groupId: string;
  /** The actor's Entra object id. */
  userId: string;
  event: AuditEvent;
  categories?: string[];
  caseRef?: string;
  reason?: string;
  /** The same key (and time) writes the same row once: an activity resent by Teams is recorded once. */
  onceKey?: string;
}

const month = (d: Date) => d.toISOString().slice(0, 7);
const pk = (tenantId: string, m: string) => encodeKey(`${tenantId || NO_TENANT}_${m}`);
/** A group's partition of a month in the group index: `<tenant>_<month>|<group>`. */
export const byGroupPartition = (tenantId: string, m: string, groupId: string) => `${pk(tenantId, m)}|${encodeKey(groupId || '~')}`;

/**
 * The key of the row an entry with a onceKey is written under (its time, then
 * a hash of the key): known before the row is written, so what counts it (the
 * digest's figures) can be written beside it.
 */
export function auditRowKey(e: Pick<AuditEntry, 'time'> & { onceKey: string }): string {
  return `${e.time.toISOString()}_${letterHex(createHash('sha256').update(e.onceKey).digest('hex').slice(0, 12))}`;
}

/**
 * Hex written in the letters a–p (0–9 as a–j, a–f as k–p): the same bits, and no digit. A key's hash part in hex
 * held ten decimal digits in a row about once in forty keys, and such a run passes a personnummer's date and check
 * digit about once in 150: the privacy scan of one full protocol run found "a valid personnummer" in the audit rows
 * (the key is copied to AuditByGroup and Figures). No stored key should read as one.
 */
export function letterHex(hex: string): string {
  let out = '';
  for (let k = 0; k < hex.length; k++) {
    const c = hex.charCodeAt(k);
    out += String.fromCharCode(c <= 57 ? c - 48 + 97 : c - 97 + 107);
  }
  return out;
}

/**
 * The append-only audit log: rows are only ever created (partition per tenant
 * and month, row key sortable by time), so nothing in this class updates or
 * deletes.
 */
export class AuditLog {
  /**
   * `byGroup`: the group index (table AuditByGroup), a copy of each row's
   * event in the partition of its tenant, month and group, so a group's
   * counts are one partition range; without it (older wiring) `countsFor`
   * filters the tenant's month by group.
   */
  constructor(
    private readonly table: TableClient,
    private readonly byGroup?: TableClient,
  ) {}

  /** The key an entry with a onceKey is written under (auditRowKey). */
  keyOf(e: Pick<AuditEntry, 'time'> & { onceKey: string }): string {
    return auditRowKey(e);
  }

  /**
   * Appends the row; answers its key (time first), which the digest's figures
   * count it by. With a onceKey, the row and its copy in the group index are
   * written side by side (one round trip, not two): a failure of either fails
   * the append, and the retry under the same key writes what is missing.
   * Without one, the copy follows the row, so no copy is left without its row.
   */
  async append(e: AuditEntry): Promise<string> {
    const key = e.onceKey
      ? auditRowKey(e as AuditEntry & { onceKey: string })
      : `${e.time.toISOString()}_${letterHex(randomBytes(4).toString('hex'))}`;
    const row = () =>
      this.create(e, key).catch((err: unknown) => {
        if (!(e.onceKey && isConflict(err))) throw err;
      });
    const copy = async () => {
      if (!this.byGroup) return;
      try {
        await this.byGroup.createEntity({
          partitionKey: byGroupPartition(e.tenantId, month(e.time), e.groupId),
          rowKey: key,
          event: e.event,
        });
      } catch (err) {
        if (!isConflict(err)) throw err;
      }
    };
    if (!e.onceKey) {
      await row();
      await copy();
      return key;
    }
    const failed = (await Promise.allSettled([row(), copy()])).find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
    return key;
  }

  private async create(e: AuditEntry, key: string): Promise<void> {
    await this.table.createEntity({
      partitionKey: pk(e.tenantId, month(e.time)),
      rowKey: key,
      time: e.time.toISOString(),
      tenant: e.tenantId,
      groupId: e.groupId,
      userId: e.userId,
      event: e.event,
      categories: (e.categories ?? []).join(','),
      caseRef: e.caseRef ?? '',
      reason: e.reason ?? '',
    });
  }

  /** How many of each event a group had since an instant (for its conveners). */
  async countsFor(tenantId: string, groupId: string, since: Date, until: Date = new Date()): Promise<Record<AuditEvent, number>> {
    const counts = Object.fromEntries(AUDIT_EVENTS.map((e) => [e, 0])) as Record<AuditEvent, number>;
    const from = since.toISOString();
    for (const m of monthsBetween(since, until)) {
      if (this.byGroup) {
        const rows = this.byGroup.listEntities<{ event: AuditEvent }>({
          queryOptions: {
            filter: odata`PartitionKey eq ${byGroupPartition(tenantId, m, groupId)} and RowKey ge ${from}`,
            select: ['event'],
          },
        });
        for await (const row of rows) if (row.event in counts) counts[row.event]++;
        continue;
      }
      const iter = this.table.listEntities<{ event: AuditEvent }>({
        queryOptions: {
          filter: odata`PartitionKey eq ${pk(tenantId, m)} and RowKey ge ${from} and groupId eq ${groupId}`,
          select: ['event'],
        },
      });
      for await (const row of iter) if (row.event in counts) counts[row.event]++;
    }
    return counts;
  }
}

function monthsBetween(since: Date, until: Date): string[] {
  const out: string[] = [];
  let y = since.getUTCFullYear();
  let m = since.getUTCMonth();
  const end = until.getUTCFullYear() * 12 + until.getUTCMonth();
  while (y * 12 + m <= end && out.length < 240) {
    out.push(`${y}-${String(m + 1).padStart(2, '0')}`);
    m++;
    if (m === 12) {
      m = 0;
      y++;
    }
  }
  return out;
}
