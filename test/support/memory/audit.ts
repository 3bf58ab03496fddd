import { createHash, randomBytes } from 'node:crypto';
import { AUDIT_EVENTS, type AuditEntry, type AuditEvent, type AuditLog } from '../../../src/storage/audit';
import { encodeKey } from '../../../src/storage/keys';
import { isConflict } from '../../../src/storage/tables';
import { MemoryTable, type Public, str } from './table';

/**
 * AuditLog (src/storage/audit.ts) over a memory table: append-only rows,
 * partition per tenant and month, row key `<ISO time>_<suffix>`; a row
 * with a `onceKey` is written once (the 409 of its second insert is
 * swallowed). `countsFor` reads the same months and row-key range.
 */

const NO_TENANT = '~none';
const month = (d: Date) => d.toISOString().slice(0, 7);
const pk = (tenantId: string, m: string) => encodeKey(`${tenantId || NO_TENANT}_${m}`);

export class MemoryAuditLog implements Public<AuditLog> {
  readonly table = new MemoryTable();

  /** `now` stands in for the real store's `new Date()` (the default end of `countsFor`). */
  constructor(private readonly now: () => Date = () => new Date()) {}

  async append(e: AuditEntry): Promise<void> {
    const iso = e.time.toISOString();
    const suffix = e.onceKey ? createHash('sha256').update(e.onceKey).digest('hex').slice(0, 12) : randomBytes(4).toString('hex');
    try {
      await this.table.createEntity({
        partitionKey: pk(e.tenantId, month(e.time)),
        rowKey: `${iso}_${suffix}`,
        time: iso,
        tenant: e.tenantId,
        groupId: e.groupId,
        userId: e.userId,
        event: e.event,
        categories: (e.categories ?? []).join(','),
        caseRef: e.caseRef ?? '',
        reason: e.reason ?? '',
      });
    } catch (err) {
      if (!(e.onceKey && isConflict(err))) throw err;
    }
  }

  async countsFor(tenantId: string, groupId: string, since: Date, until: Date = this.now()): Promise<Record<AuditEvent, number>> {
    const counts = Object.fromEntries(AUDIT_EVENTS.map((e) => [e, 0])) as Record<AuditEvent, number>;
    const from = since.toISOString();
    for (const m of monthsBetween(since, until)) {
      const p = pk(tenantId, m);
      for (const row of this.table.listEntities((e) => e.partitionKey === p && e.rowKey >= from && e.groupId === groupId)) {
        const event = row.event as AuditEvent;
        if (event in counts) counts[event]++;
      }
    }
    return counts;
  }

  /** Every row, oldest partition and time first (for tests: what was audited). */
  entries(): Array<Omit<AuditEntry, 'time' | 'onceKey' | 'categories'> & { time: string; categories: string[] }> {
    return this.table.listEntities().map((e) => ({
      time: str(e, 'time'),
      tenantId: str(e, 'tenant'),
      groupId: str(e, 'groupId'),
      userId: str(e, 'userId'),
      event: str(e, 'event') as AuditEvent,
      categories: str(e, 'categories') ? str(e, 'categories').split(',') : [],
      caseRef: str(e, 'caseRef') || undefined,
      reason: str(e, 'reason') || undefined,
    }));
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
