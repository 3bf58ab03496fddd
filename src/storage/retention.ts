import type { TableClient } from '@azure/data-tables';
import { registerKeys, registerPartitions } from './consent-register';
import { removeFromSubject } from './consent-subjects';
import { decodeKey, encodeKey, NO_TENANT, tenantKey } from './keys';
import { JOBS_TABLE, idPartition } from './job-rows';
import { pool } from './jobs';
import { deleteIfExists, getIfExists, isNotFound, odata } from './tables';

/**
 * Erasing what the retention policy no longer keeps
 * (organisation file `retention:`, domain/organisation/model.ts): ended
 * consents with their hashes and index rows, old audit rows, old outbox rows,
 * and job rows with their per-day job tables. Minutes and reviews are never
 * touched. Every step deletes by key what a query found, so running it twice
 * erases nothing more and fails on nothing already gone; each step does at
 * most `budget` deletions and says whether more remain, so one run stays
 * short and the daily job runs again soon when there is a backlog.
 */

export interface RetentionTables {
  consents: TableClient;
  consentIndex: TableClient;
  audit: TableClient;
  /** The audit log's group index (storage/audit.ts): each audit row's copy goes with it. */
  auditByGroup?: TableClient;
  /** The digest's figures (storage/figures.ts): an erased consent's row in its expiry month's index goes with it. */
  figures?: TableClient;
  outbox: TableClient;
  jobIds: TableClient;
  jobState: TableClient;
  /** A per-day job table by its name (`Jobs<yyyymmdd>`), as the job store names it. */
  jobTable: (name: string) => TableClient;
}

export interface StepResult {
  erased: number;
  /** Whether the step stopped at its budget with more to erase. */
  more: boolean;
}

const DAY_MS = 86_400_000;
const CONCURRENCY = 8;
const day = (at: Date | number) => new Date(at).toISOString().slice(0, 10);

/** The day a consent ended: the day it was withdrawn, or its last valid day, whichever came first. */
export function consentEnd(row: { withdrawnAt?: string; validUntil?: string }): string | undefined {
  const withdrawn = row.withdrawnAt ? row.withdrawnAt.slice(0, 10) : undefined;
  const until = row.validUntil || undefined;
  if (withdrawn && until) return withdrawn < until ? withdrawn : until;
  return withdrawn ?? until;
}

export class RetentionStore {
  constructor(private readonly t: RetentionTables) {}

  /**
   * Erases the tenant's consents that ended before `cutoffDay` (YYYY-MM-DD):
   * first their index rows (keyed hashes: each off its subject's row), their rows in the register by
   * group, and their row in the figures'
   * consents-by-expiry index, then the consent row with its hashes. A crash in between leaves the consent, which the next run erases.
   */
  async eraseConsents(tenantId: string, cutoffDay: string, budget: number): Promise<StepResult> {
    const pk = tenantKey(tenantId);
    const ended: Array<{ rowKey: string; hashes: string[]; validUntil?: string; groupIds: string[]; recordedAt: string }> = [];
    let more = false;
    const iter = this.t.consents.listEntities<Record<string, string>>({
      queryOptions: {
        filter: odata`PartitionKey eq ${pk}`,
        select: ['RowKey', 'withdrawnAt', 'validUntil', 'subjectPersonnummerHash', 'subjectNameHash', 'groupIds', 'recordedAt'],
      },
    });
    for await (const e of iter) {
      const end = consentEnd(e as { withdrawnAt?: string; validUntil?: string });
      if (!end || end >= cutoffDay) continue;
      if (ended.length >= budget) {
        more = true;
        break;
      }
      ended.push({
        rowKey: e.rowKey!,
        hashes: [e.subjectPersonnummerHash, e.subjectNameHash].filter((h): h is string => !!h),
        validUntil: e.validUntil || undefined,
        groupIds: (e.groupIds ?? '').split(',').filter(Boolean),
        recordedAt: e.recordedAt ?? '',
      });
    }
    await pool(ended, CONCURRENCY, async (c) => {
      const caseRef = decodeKey(c.rowKey);
      for (const hash of c.hashes) {
        // Off its subject's row in the gate's index (the row goes, hash and all, with the subject's last consent), and the older index row.
        await removeFromSubject(this.t.consentIndex, tenantId, hash, caseRef);
        await deleteIfExists(this.t.consentIndex, pk, `${hash}_${caseRef}`);
      }
      // Its rows in the register by group and the tenant's (consent-register.ts), in either segment.
      for (const partition of registerPartitions(tenantId, c.groupIds))
        for (const key of registerKeys({ caseRef, recordedAt: c.recordedAt })) await deleteIfExists(this.t.consentIndex, partition, key);
      // The figures' row of its expiry month (`c|<tenant>|<yyyy-mm>`, keyed by case reference), before the consent that finds it.
      if (this.t.figures && c.validUntil) await deleteIfExists(this.t.figures, `c|${pk}|${c.validUntil.slice(0, 7)}`, c.rowKey);
      await deleteIfExists(this.t.consents, pk, c.rowKey);
    });
    return { erased: ended.length, more };
  }

  /**
   * Erases the tenant's audit rows from before `cutoff`: the month partitions
   * wholly before it (back `lookbackMonths` on the first run, then from the
   * month after the last one wholly erased, kept as a row in the job state
   * table), and the rows of its own month whose time-first RowKey is earlier.
   * Audit rows are written at the time they tell, so a month wholly before
   * the cutoff gets no new rows once it is erased; a daily run reads one or two
   * partitions instead of 121.
   */
  async eraseAudit(tenantId: string, cutoff: Date, budget: number, lookbackMonths = 120): Promise<StepResult> {
    const from = cutoff.toISOString();
    const markKey = `audit|${encodeKey(tenantId || NO_TENANT)}`;
    const mark = await getIfExists<{ through?: string }>(this.t.jobState, 'retention', markKey);
    const months = monthsBack(cutoff, lookbackMonths).filter((m) => !mark?.through || m > mark.through);
    const cutoffMonth = from.slice(0, 7);
    let done = mark?.through;
    const keepMark = async () => {
      if (done && done !== mark?.through)
        await this.t.jobState.upsertEntity({ partitionKey: 'retention', rowKey: markKey, through: done }, 'Replace');
    };
    let erased = 0;
    for (const m of months) {
      const filter = odata`PartitionKey eq ${auditPartition(tenantId, m)} and RowKey lt ${from}`;
      const keys: Array<[string, string]> = [];
      const copies: Array<[string, string]> = [];
      const erase = async () => {
        // The group index's copies first: a crash in between leaves the audit row, which the next run finds again.
        if (this.t.auditByGroup) await deleteAll(this.t.auditByGroup, copies);
        await deleteAll(this.t.audit, keys);
      };
      for await (const e of this.t.audit.listEntities<{ groupId?: string }>({
        queryOptions: { filter, select: ['PartitionKey', 'RowKey', 'groupId'] },
      })) {
        if (erased + keys.length >= budget) {
          await erase();
          await keepMark();
          return { erased: erased + keys.length, more: true };
        }
        keys.push([e.partitionKey!, e.rowKey!]);
        copies.push([byGroupPartition(tenantId, m, e.groupId ?? ''), e.rowKey!]);
      }
      await erase();
      erased += keys.length;
      // A month wholly before the cutoff's is done for good: the next run starts after it.
      if (m < cutoffMonth) done = m;
    }
    await keepMark();
    return { erased, more: false };
  }

  /** Erases outbox rows last written before `cutoff` (their Timestamp; one scan of the outbox, by the daily job only). */
  async eraseOutbox(cutoff: Date, budget: number): Promise<StepResult> {
    const keys: Array<[string, string]> = [];
    let more = false;
    const filter = odata`Timestamp lt ${cutoff}`;
    for await (const e of this.t.outbox.listEntities({ queryOptions: { filter, select: ['PartitionKey', 'RowKey'] } })) {
      if (keys.length >= budget) {
        more = true;
        break;
      }
      keys.push([e.partitionKey!, e.rowKey!]);
    }
    await deleteAll(this.t.outbox, keys);
    return { erased: keys.length, more };
  }

  /**
   * Removes the per-day job tables of days before `cutoffDay`, oldest first,
   * from where the last run stopped (a row in the job state table), back at
   * most `lookbackDays` on the first run: each table's job-id rows that still
   * point into it, then the table itself.
   */
  async eraseJobDays(cutoffDay: string, budget: number, lookbackDays = 400): Promise<StepResult & { tables: number }> {
    const mark = await getIfExists<{ through?: string }>(this.t.jobState, 'retention', 'jobDays');
    const start = mark?.through
      ? day(Date.parse(`${mark.through}T00:00:00Z`) + DAY_MS)
      : day(Date.parse(`${cutoffDay}T00:00:00Z`) - lookbackDays * DAY_MS);
    let erased = 0;
    let tables = 0;
    // The mark moves only over days wholly erased: a day still holding a job
    // that has not ended is kept, and looked at again by the next run.
    let contiguous = true;
    for (let d = start; d < cutoffDay; d = day(Date.parse(`${d}T00:00:00Z`) + DAY_MS)) {
      const table = this.t.jobTable(`${JOBS_TABLE}${d.replace(/-/g, '')}`);
      const rows: Array<[string, string]> = [];
      let unfinished = false;
      try {
        for await (const e of table.listEntities<{ status?: string }>({ queryOptions: { select: ['PartitionKey', 'RowKey', 'status'] } })) {
          rows.push([e.partitionKey!, e.rowKey!]);
          if (e.status === 'pending' || e.status === 'running') unfinished = true;
        }
      } catch (err) {
        if (!isNotFound(err)) throw err;
      }
      // A job still pending or running (a retry, a parked run, a scheduler
      // working through that day right now) keeps its day: erasing it would
      // lose the job and fail the scheduler's next write to it.
      if (unfinished) {
        contiguous = false;
        continue;
      }
      if (erased + rows.length > budget && erased > 0) return { erased, tables, more: true };
      await pool(rows, CONCURRENCY, async ([pk, rk]) => {
        const id = decodeKey(rk.slice(rk.indexOf('~') + 1));
        const ref = await getIfExists<{ jobPk?: string }>(this.t.jobIds, idPartition(id), encodeKey(id));
        if (ref?.jobPk === pk) await deleteIfExists(this.t.jobIds, idPartition(id), encodeKey(id));
      });
      try {
        await table.deleteTable();
        if (rows.length) tables += 1;
      } catch (err) {
        if (!isNotFound(err)) throw err;
      }
      erased += rows.length;
      if (contiguous) await this.t.jobState.upsertEntity({ partitionKey: 'retention', rowKey: 'jobDays', through: d }, 'Replace');
    }
    return { erased, tables, more: false };
  }
}

/** The audit log's partition of a tenant's month (as src/storage/audit.ts writes it). */
export function auditPartition(tenantId: string, month: string): string {
  return encodeKey(`${tenantId || NO_TENANT}_${month}`);
}

/** An audit row's copy in the group index (as src/storage/audit.ts writes it). */
function byGroupPartition(tenantId: string, month: string, groupId: string): string {
  return `${auditPartition(tenantId, month)}|${encodeKey(groupId || '~')}`;
}

/** The months from `lookback` months before `at` up to and including its own, oldest first: `2026-03`. */
function monthsBack(at: Date, lookback: number): string[] {
  const out: string[] = [];
  const end = at.getUTCFullYear() * 12 + at.getUTCMonth();
  for (let n = end - lookback; n <= end; n++) out.push(`${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`);
  return out;
}

/** Deletes rows by key, in entity-group transactions of up to 100 per partition; a batch that meets a row already gone is done row by row. */
async function deleteAll(table: TableClient, keys: Array<[string, string]>): Promise<void> {
  const byPartition = new Map<string, string[]>();
  for (const [pk, rk] of keys) byPartition.set(pk, [...(byPartition.get(pk) ?? []), rk]);
  const batches: Array<[string, string[]]> = [];
  for (const [pk, rks] of byPartition) for (let i = 0; i < rks.length; i += 100) batches.push([pk, rks.slice(i, i + 100)]);
  await pool(batches, CONCURRENCY, async ([pk, rks]) => {
    try {
      await table.submitTransaction(rks.map((rk) => ['delete', { partitionKey: pk, rowKey: rk }]));
    } catch (err) {
      if (!isNotFound(err) && (err as { statusCode?: number }).statusCode !== 400) throw err;
      for (const rk of rks) await deleteIfExists(table, pk, rk);
    }
  });
}
