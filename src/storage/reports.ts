import { createHash, randomBytes } from 'node:crypto';
import type { TableClient } from '@azure/data-tables';
import { DateTime } from 'luxon';
import type { AuditCount, ConsentExpiry, CountedEvent } from '../domain/report/report';
import type { FiguresStore } from './figures';
import { encodeKey, NO_TENANT, tenantKey } from './keys';
import { getIfExists, isConflict, odata } from './tables';

type Row = Record<string, unknown> & { partitionKey?: string; rowKey?: string };

/** What a report link opens: the tenant's report for a year or its interim period. */
export interface ReportKey {
  tenantId: string;
  year: number;
  interim: boolean;
}

const COUNTED: ReadonlySet<string> = new Set<CountedEvent>(['refusal', 'consentRecorded', 'consentWithdrawn']);

/**
 * The report's links and its reading of the audit log.
 *
 * Links (table ReportTokens): one per tenant, year and period, made on the
 * first `rapport` and given again after, so a resent command or a second
 * convener gets the same link. The token is 256 random bits; the row that
 * resolves it is keyed by its SHA-256 (`t` partition), the row that keeps it
 * for the next asker by tenant and period (`k` partition), as the minutes'
 * printable pages do.
 *
 * The audit log (table Audit, one partition per tenant and UTC month) is read
 * one month at a time with only the row key, event and group selected: no
 * user id, category or case reference is read, let alone kept.
 */
export class ReportStore {
  constructor(
    private readonly tokens: TableClient,
    private readonly audit: TableClient,
    /** The digest's figures, which keep each consent under the month it expires in. */
    private readonly figures: Pick<FiguresStore, 'consentsExpiringIn'>,
  ) {}

  /** The consents that expire in these months (YYYY-MM), as the figures keep them: groups and dates only. */
  async consentExpiries(tenantId: string, months: string[]): Promise<ConsentExpiry[]> {
    return (await this.figures.consentsExpiringIn(tenantId, months)).map((c) => ({
      groupIds: c.groupIds,
      validUntil: c.validUntil,
      withdrawn: c.withdrawn,
    }));
  }

  static newToken(): string {
    return randomBytes(32).toString('base64url');
  }

  private static hash(token: string): string {
    return createHash('sha256').update(token, 'utf8').digest('hex');
  }

  private static periodKey(k: ReportKey): string {
    return encodeKey(`${tenantKey(k.tenantId)}|${k.year}|${k.interim ? 'interim' : 'year'}`);
  }

  /** The period's link token: the one made before, or a new one (two askers at once get the same). */
  async ensureToken(k: ReportKey): Promise<string> {
    const rowKey = ReportStore.periodKey(k);
    const existing = await getIfExists<Row>(this.tokens, 'k', rowKey);
    if (typeof existing?.token === 'string') {
      await this.index(existing.token, k);
      return existing.token;
    }
    const token = ReportStore.newToken();
    try {
      await this.tokens.createEntity({ partitionKey: 'k', rowKey, token });
    } catch (err) {
      if (!isConflict(err)) throw err;
      const won = await getIfExists<Row>(this.tokens, 'k', rowKey);
      if (typeof won?.token !== 'string') throw err;
      await this.index(won.token, k);
      return won.token;
    }
    await this.index(token, k);
    return token;
  }

  private async index(token: string, k: ReportKey): Promise<void> {
    await this.tokens.upsertEntity(
      { partitionKey: 't', rowKey: ReportStore.hash(token), tenantId: k.tenantId, year: k.year, interim: k.interim },
      'Replace',
    );
  }

  async resolveToken(token: string): Promise<ReportKey | undefined> {
    if (!/^[A-Za-z0-9_-]{32,64}$/.test(token)) return undefined;
    const e = await getIfExists<Row>(this.tokens, 't', ReportStore.hash(token));
    if (!e || typeof e.year !== 'number') return undefined;
    return { tenantId: String(e.tenantId ?? ''), year: e.year, interim: e.interim === true };
  }

  /**
   * The counted events of these local months (YYYY-MM, consecutive) in the
   * zone: the UTC month partitions that hold them (and the one before the
   * first, for its first local hours), one read each.
   */
  async auditCounts(tenantId: string, months: string[], timeZone: string): Promise<AuditCount[]> {
    if (months.length === 0) return [];
    const wanted = new Set(months);
    const before = DateTime.fromISO(`${months[0]}-01`, { zone: 'utc' }).minus({ months: 1 }).toFormat('yyyy-MM');
    const parts = await Promise.all(
      [before, ...months].map(async (utcMonth) => {
        const out: AuditCount[] = [];
        const pk = encodeKey(`${tenantId || NO_TENANT}_${utcMonth}`);
        const rows = this.audit.listEntities<{ rowKey?: string; event?: string; groupId?: string }>({
          queryOptions: { filter: odata`PartitionKey eq ${pk}`, select: ['RowKey', 'event', 'groupId'] },
        });
        for await (const r of rows) {
          if (!r.event || !COUNTED.has(r.event) || !r.rowKey) continue;
          // The row key starts with the row's ISO time.
          const month = DateTime.fromISO(r.rowKey.slice(0, 24), { zone: timeZone }).toFormat('yyyy-MM');
          if (wanted.has(month)) out.push({ month, groupId: r.groupId ?? '', event: r.event as CountedEvent });
        }
        return out;
      }),
    );
    return parts.flat();
  }
}
