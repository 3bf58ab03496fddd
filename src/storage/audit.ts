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

  /** Appends the row; answers its key (time first), which the digest's figures count it by. */
  async append(e: AuditEntry): Promise<string> {
    const iso = e.time.toISOString();
    const suffix = e.onceKey ? createHash('sha256').update(e.onceKey).digest('hex').slice(0, 12) : randomBytes(4).toString('hex');
    try {
      await this.create(e, iso, suffix);
    } catch (err) {
      if (!(e.onceKey && isConflict(err))) throw err;
    }
    if (this.byGroup) {
      try {
        await this.byGroup.createEntity({
          partitionKey: byGroupPartition(e.tenantId, month(e.time), e.groupId),
          rowKey: `${iso}_${suffix}`,
          event: e.event,
        });
      } catch (err) {
        if (!isConflict(err)) throw err;
      }
    }
    return `${iso}_${suffix}`;
  }

  private async create(e: AuditEntry, iso: string, suffix: string): Promise<void> {
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
