import { randomBytes } from 'node:crypto';
import type { TableClient } from '@azure/data-tables';
import type { Consent } from '../domain/consent/consent';
import {
  adjacentTerms,
  type BackfillSummary,
  type ConsentFact,
  emptySnapshot,
  type FigureEvent,
  type Figures,
  type FigureSnapshot,
  isoWeekOf,
  type CachedLine,
  type LinesCache,
  type LinesCacheStore,
  type MeetingFact,
  monthOf,
  periodsFor,
  REFUSAL_DAYS,
  termOf,
} from '../domain/digest/figures';
import type { Meeting } from '../domain/meetings/meeting';
import { localDate } from '../domain/organisation';
import type { ConsentStore } from './consents';
import type { MinutesStore } from './agendas';
import type { MeetingStore } from './meetings';
import type { ReviewStore } from './reviews';
import type { StoredReviews } from '../domain/reviews/reviews';
import { byGroupPartition } from './audit';
import { decodeKey, encodeKey, NO_TENANT, tenantKey } from './keys';
import { deleteIfExists, getIfExists, odata, replaceOrCreate, withEtagRetry } from './tables';

/**
 * The digest's figures (src/domain/digest/figures.ts), kept in one table:
 *
 * | partition | row | holds |
 * | --- | --- | --- |
 * | `m|<tenant>|<year>-<term>` | group | its meetings of the term: start, end, length, cancelled, minutes final |
 * | `a|<tenant>` | group | its open tasks' due dates |
 * | `r|<tenant>|<iso week>` | group | the audit keys of its refusals that week (each key starts with its time) |
 * | `c|<tenant>|<yyyy-mm>` | case reference | a consent expiring that month: groups, validity, withdrawn |
 * | `l|<tenant>` | `h`, `c000`… | the lines cache: every group's digest line as last computed (a header and chunks of one write) |
 * | `x|<tenant>|<yyyy-mm-dd>` | group | its change mark of the (UTC) day, replaced by every event that moves its figures (the ETag is what counts) |
 * | `v|<tenant>` | group | the reviews recorded of the governing documents it owns: date and decision, by document |
 * | `b|<tenant>` | `consents` | the backfill has indexed every consent in force (from then on each change indexes its own) |
 *
 * Every write is a read-change-write under the row's ETag that sets facts by
 * their id, so a resent event changes nothing twice. The digest reads a
 * handful of partitions (the year's terms, the tasks, two weeks, two months)
 * whatever the number of meetings, consents or refusals stored.
 */

type Row = Record<string, unknown> & { partitionKey?: string; rowKey?: string; etag?: string };
type Data = Record<string, unknown>;

/** A property holds at most 64 KiB (32 K UTF-16 characters): large maps are split over d0, d1, … */
const CHUNK = 30_000;
/** The lines cache's rows hold this many characters each (12 properties of CHUNK, about 720 KB as UTF-16). */
const LINES_ROW = 12 * CHUNK;

function toProps(data: unknown): Record<string, string> {
  const s = JSON.stringify(data);
  const out: Record<string, string> = {};
  for (let i = 0, n = 0; i < s.length || n === 0; i += CHUNK, n++) out[`d${n}`] = s.slice(i, i + CHUNK);
  return out;
}

function fromProps<T>(e: Row | undefined, fallback: T): T {
  if (!e) return fallback;
  let s = '';
  for (let n = 0; typeof e[`d${n}`] === 'string'; n++) s += e[`d${n}`] as string;
  if (!s) return fallback;
  try {
    return JSON.parse(s) as T;
  } catch {
    return fallback;
  }
}

type MeetingTuple = [start: string, end: string, minutes: number, cancelled: 0 | 1, final: 0 | 1];
const tuple = (f: MeetingFact): MeetingTuple => [f.start, f.end, f.durationMinutes, f.cancelled ? 1 : 0, f.minutesFinal ? 1 : 0];
const fact = (t: MeetingTuple): MeetingFact => ({
  start: t[0],
  end: t[1],
  durationMinutes: t[2],
  cancelled: t[3] === 1,
  minutesFinal: t[4] === 1,
});

type ConsentRow = Omit<ConsentFact, 'caseRef'>;

/** A group's line as the lines cache stores it: a tuple, a fifth of the object's size. */
type LineTuple = [
  groupId: string,
  held: number,
  expectedSoFar: number,
  expectedYear: number | null,
  onTrack: 0 | 1,
  coming: string[],
  minutesMissing: number,
  overdueActions: number,
  consentsExpiring: number,
  refusals: number,
  next: [start: string, end: string, minutes: number] | 0,
  validUntil: number,
  seen: string,
];
type StoredLines = Omit<LinesCache, 'lines'> & { lines: LineTuple[] };
const lineTuple = (l: CachedLine): LineTuple => {
  const g = l.group;
  return [
    g.groupId,
    g.cadence.held,
    g.cadence.expectedSoFar,
    g.cadence.expectedYear,
    g.cadence.onTrack ? 1 : 0,
    g.coming,
    g.minutesMissing,
    g.overdueActions,
    g.consentsExpiring,
    g.refusalsLastWeek,
    l.next ? [l.next.start, l.next.end, l.next.durationMinutes] : 0,
    l.validUntil,
    l.seen ?? '',
  ];
};
type MeetingRef = Pick<Meeting, 'tenantId' | 'groupId' | 'id' | 'start' | 'end' | 'durationMinutes' | 'status'>;

/** Where the backfill reads the raw rows from. */
export interface FigureSources {
  meetings: Pick<MeetingStore, 'listGroup'>;
  minutes: Pick<MinutesStore, 'listGroup' | 'actionsOf'>;
  consents: Pick<ConsentStore, 'listForGroups'>;
  /** The audit table itself: the backfill reads its refusals' row keys. */
  auditTable: TableClient;
  /** The reviews recorded in Teams (one partition read). */
  reviews?: Pick<ReviewStore, 'all'>;
  /** The audit log's group index (AuditByGroup, src/storage/audit.ts): the backfill copies the audit rows written before it into it. */
  auditByGroup?: TableClient;
}

/** How many months back the backfill indexes the audit log by group: the audit rows the default policy keeps (five years) and this month. */
export const AUDIT_INDEX_MONTHS = 61;

/** The months from `back` months before `at` (UTC) to its own, oldest first: `2026-03`. */
function monthsBack(at: Date, back: number): string[] {
  const out: string[] = [];
  const end = at.getUTCFullYear() * 12 + at.getUTCMonth();
  for (let n = end - back; n <= end; n++) out.push(`${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`);
  return out;
}

/** The figures in Table Storage: the `Figures` port of BotServices. */
export class FiguresStore implements Figures, LinesCacheStore {
  /**
   * The lines cache as this process last read or wrote it, by tenant: a
   * reader whose head row names the same generation takes these instead of
   * reading the chunks again (about 100 KB at 1,000 groups) and parsing them.
   */
  private readonly linesKept = new Map<string, { generation: string; cache: LinesCache }>();

  constructor(
    private readonly table: TableClient,
    /** The organisation's zone: terms, weeks and days are local. */
    private readonly timeZone: string,
    private readonly sources?: FigureSources,
  ) {}

  // ---- writing

  /** Applies one event to the figures it moves, idempotently, and marks the groups it changed for the lines cache. */
  async record(e: FigureEvent): Promise<void> {
    await this.apply(e);
    await this.mark(e);
  }

  /** A change mark per group the event moved (one small row each, replaced: a new ETag tells the lines cache to recompute the group). */
  private async mark(e: FigureEvent): Promise<void> {
    const marks = new Set<string>();
    const add = (tenantId: string, groupId: string) => marks.add(`${tenantKey(tenantId)}\u0000${groupId}`);
    if (e.kind === 'meetings') for (const m of e.meetings) add(m.tenantId, m.groupId);
    else if (e.kind === 'minutesFinal') add(e.meeting.tenantId, e.meeting.groupId);
    else if (e.kind === 'tasks' || e.kind === 'refusal') add(e.tenantId, e.groupId);
    else if (e.kind === 'consent') for (const g of e.consent.scope.groupIds) add(e.consent.tenantId, g);
    await Promise.all(
      [...marks].map((k) => {
        const [t, groupId] = k.split('\u0000') as [string, string];
        const at = new Date().toISOString();
        return this.table.upsertEntity({ partitionKey: `x|${t}|${at.slice(0, 10)}`, rowKey: encodeKey(groupId), at }, 'Replace');
      }),
    );
  }

  private async apply(e: FigureEvent): Promise<void> {
    switch (e.kind) {
      case 'meetings':
        return this.meetings(e.meetings, e.moved ?? false);
      case 'minutesFinal':
        return this.minutesFinal(e.meeting);
      case 'tasks':
        return this.tasks(e.tenantId, e.groupId, e.saved, e.done);
      case 'refusal':
        return this.refusal(e.tenantId, e.groupId, [e.id]);
      case 'consent':
        return this.consent(e.consent);
      case 'review':
        return this.review(e.tenantId, e.groupId, e.stored);
    }
  }

  private async change(partitionKey: string, rowKey: string, f: (cur: Data) => Data | undefined): Promise<void> {
    await withEtagRetry<{ data: Data; etag?: string }>(
      async () => {
        const e = await getIfExists<Row>(this.table, partitionKey, rowKey);
        return e ? { data: fromProps<Data>(e, {}), etag: e.etag } : undefined;
      },
      (next, etag) => replaceOrCreate(this.table, { partitionKey, rowKey, ...toProps(next.data) }, etag),
      (cur) => {
        const data = f(structuredClone(cur?.data ?? {}));
        return data && JSON.stringify(data) !== JSON.stringify(cur?.data ?? {}) ? { data } : undefined;
      },
      { attempts: 12 },
    );
  }

  private meetingPk(tenantId: string, term: string): string {
    return `m|${tenantKey(tenantId)}|${term}`;
  }

  private async meetings(meetings: MeetingRef[], moved: boolean, finals: ReadonlySet<string> = new Set()): Promise<void> {
    // One write per (group, term) row, however many meetings a series books into it.
    const rows = new Map<string, typeof meetings>();
    for (const m of meetings) {
      const key = `${m.tenantId}\u0000${m.groupId}\u0000${termOf(m.start, this.timeZone)}`;
      rows.set(key, [...(rows.get(key) ?? []), m]);
    }
    for (const [key, ms] of rows) {
      const [tenantId, groupId, term] = key.split('\u0000') as [string, string, string];
      let carried = new Set<string>();
      if (moved) carried = await this.removeFrom(tenantId, groupId, adjacentTerms(term), new Set(ms.map((m) => m.id)));
      await this.change(this.meetingPk(tenantId, term), encodeKey(groupId), (cur) => {
        for (const m of ms) {
          const was = cur[m.id] as MeetingTuple | undefined;
          cur[m.id] = tuple({
            start: m.start,
            end: m.end,
            durationMinutes: m.durationMinutes,
            cancelled: m.status === 'cancelled',
            minutesFinal: was?.[4] === 1 || carried.has(m.id) || finals.has(m.id),
          });
        }
        return cur;
      });
    }
  }

  /** Takes meetings out of other terms' rows (a meeting moved across a term's end); answers those whose minutes were final. */
  private async removeFrom(tenantId: string, groupId: string, terms: string[], ids: Set<string>): Promise<Set<string>> {
    const final = new Set<string>();
    for (const term of terms) {
      await this.change(this.meetingPk(tenantId, term), encodeKey(groupId), (cur) => {
        let changed = false;
        for (const id of ids) {
          if (!(id in cur)) continue;
          if ((cur[id] as MeetingTuple)[4] === 1) final.add(id);
          delete cur[id];
          changed = true;
        }
        return changed ? cur : undefined;
      });
    }
    return final;
  }

  private async minutesFinal(m: MeetingRef): Promise<void> {
    await this.change(this.meetingPk(m.tenantId, termOf(m.start, this.timeZone)), encodeKey(m.groupId), (cur) => {
      const was = cur[m.id] as MeetingTuple | undefined;
      cur[m.id] = was
        ? ([was[0], was[1], was[2], was[3], 1] as MeetingTuple)
        : tuple({
            start: m.start,
            end: m.end,
            durationMinutes: m.durationMinutes,
            cancelled: m.status === 'cancelled',
            minutesFinal: true,
          });
      return cur;
    });
  }

  private async tasks(
    tenantId: string,
    groupId: string,
    saved: Array<{ id: string; due: string; doneAt?: string }>,
    done: string[],
  ): Promise<void> {
    if (!saved.length && !done.length) return;
    await this.change(`a|${tenantKey(tenantId)}`, encodeKey(groupId), (cur) => {
      for (const t of saved) {
        if (t.doneAt) delete cur[t.id];
        else cur[t.id] = t.due;
      }
      for (const id of done) delete cur[id];
      return cur;
    });
  }

  private async refusal(tenantId: string, groupId: string, ids: string[]): Promise<void> {
    // An audit row's key begins with its ISO time: the week is read from it.
    const byWeek = new Map<string, string[]>();
    for (const id of ids) {
      const week = isoWeekOf(id.slice(0, 24), this.timeZone);
      byWeek.set(week, [...(byWeek.get(week) ?? []), id]);
    }
    for (const [week, some] of byWeek) {
      await this.change(`r|${tenantKey(tenantId)}|${week}`, encodeKey(groupId), (cur) => {
        const list = new Set((cur.ids as string[] | undefined) ?? []);
        const before = list.size;
        for (const id of some) list.add(id);
        return list.size === before ? undefined : { ids: [...list].sort() };
      });
    }
  }

  private async consent(c: Pick<Consent, 'tenantId' | 'caseRef' | 'scope' | 'validFrom' | 'validUntil' | 'withdrawnAt'>): Promise<void> {
    const pk = `c|${tenantKey(c.tenantId)}|${monthOf(c.validUntil)}`;
    // A withdrawn consent expires nothing: its row goes.
    if (c.withdrawnAt) return deleteIfExists(this.table, pk, encodeKey(c.caseRef));
    const row: ConsentRow = { groupIds: c.scope.groupIds, validFrom: c.validFrom, validUntil: c.validUntil, withdrawn: false };
    await this.table.upsertEntity({ partitionKey: pk, rowKey: encodeKey(c.caseRef), ...toProps(row) }, 'Replace');
  }

  /** A document's reviews as they stand, under the group that owns it (set by document id: the same list twice writes once). */
  private async review(tenantId: string, groupId: string, stored: StoredReviews): Promise<void> {
    const kept = stored.reviews.map((r) => (r.decisionRef ? { date: r.date, decisionRef: r.decisionRef } : { date: r.date }));
    await this.change(`v|${tenantKey(tenantId)}`, encodeKey(groupId), (cur) => {
      cur[stored.documentId] = kept;
      return cur;
    });
  }

  // ---- reading

  private async *partition(partitionKey: string): AsyncIterable<Row> {
    yield* this.table.listEntities<Row>({ queryOptions: { filter: odata`PartitionKey eq ${partitionKey}` } });
  }

  /**
   * The tenant's figures for the days around `now`: the year's terms (and the
   * next when the horizon reaches it), the open tasks, the weeks of the last
   * 7 days, the months of the next 30 days. A fixed number of partition
   * reads, each one page for up to 1,000 groups.
   */
  async snapshot(tenantId: string, now: Date): Promise<FigureSnapshot> {
    const s = emptySnapshot();
    const t = tenantKey(tenantId);
    const p = periodsFor(now, this.timeZone);
    const reads: Array<Promise<void>> = [];
    for (const term of p.terms)
      reads.push(
        (async () => {
          for await (const e of this.partition(`m|${t}|${term}`)) {
            const g = decodeKey(e.rowKey ?? '');
            const into = s.meetings.get(g) ?? {};
            for (const [id, tu] of Object.entries(fromProps<Record<string, MeetingTuple>>(e, {}))) into[id] = fact(tu);
            s.meetings.set(g, into);
          }
        })(),
      );
    reads.push(
      (async () => {
        for await (const e of this.partition(`a|${t}`))
          s.openTasks.set(decodeKey(e.rowKey ?? ''), fromProps<Record<string, string>>(e, {}));
      })(),
    );
    for (const week of p.weeks)
      reads.push(
        (async () => {
          for await (const e of this.partition(`r|${t}|${week}`)) {
            const g = decodeKey(e.rowKey ?? '');
            const times = (fromProps<{ ids?: string[] }>(e, {}).ids ?? []).map((id) => id.slice(0, 24));
            s.refusals.set(g, [...(s.refusals.get(g) ?? []), ...times]);
          }
        })(),
      );
    for (const month of p.months)
      reads.push(
        (async () => {
          for await (const e of this.partition(`c|${t}|${month}`))
            s.consentsExpiring.push({
              caseRef: decodeKey(e.rowKey ?? ''),
              ...fromProps<ConsentRow>(e, { groupIds: [], validFrom: '', validUntil: '', withdrawn: true }),
            });
        })(),
      );
    reads.push(
      (async () => {
        for await (const e of this.partition(`v|${t}`))
          for (const [documentId, reviews] of Object.entries(fromProps<Record<string, StoredReviews['reviews']>>(e, {})))
            s.reviews.set(documentId, { documentId, reviews });
      })(),
    );
    await Promise.all(reads);
    return s;
  }

  /** Whether the backfill has indexed every consent of the tenant by month (consentsExpiringIn then answers for the whole register). */
  async consentIndexComplete(tenantId: string): Promise<boolean> {
    return (await getIfExists(this.table, `b|${tenantKey(tenantId)}`, 'consents')) !== undefined;
  }

  /** The consents that expire in these months (YYYY-MM), withdrawn ones excluded: the yearly report's count of expired consents. */
  async consentsExpiringIn(tenantId: string, months: string[]): Promise<ConsentFact[]> {
    const t = tenantKey(tenantId);
    const out: ConsentFact[][] = await Promise.all(
      months.map(async (month) => {
        const rows: ConsentFact[] = [];
        for await (const e of this.partition(`c|${t}|${month}`))
          rows.push({
            caseRef: decodeKey(e.rowKey ?? ''),
            ...fromProps<ConsentRow>(e, { groupIds: [], validFrom: '', validUntil: '', withdrawn: true }),
          });
        return rows;
      }),
    );
    return out.flat();
  }

  // ---- the lines cache (src/domain/digest/figures.ts: LinesCache)

  async reviewsOf(tenantId: string): Promise<Map<string, StoredReviews>> {
    const out = new Map<string, StoredReviews>();
    for await (const e of this.partition(`v|${tenantKey(tenantId)}`))
      for (const [documentId, reviews] of Object.entries(fromProps<Record<string, StoredReviews['reviews']>>(e, {})))
        out.set(documentId, { documentId, reviews });
    return out;
  }

  async readLines(tenantId: string): Promise<{ cache?: LinesCache; marks: Map<string, string> }> {
    const t = tenantKey(tenantId);
    const today = new Date().toISOString().slice(0, 10);
    const rows = new Map<string, Row>();
    const marks = new Map<string, string>();
    const readMarks = async () => {
      for await (const e of this.partition(`x|${t}|${today}`)) if (e.rowKey && e.etag) marks.set(decodeKey(e.rowKey), e.etag);
    };
    type Head = Row & { basis?: string; generation?: string; chunks?: number };
    const kept = this.linesKept.get(t);
    if (kept) {
      // The lines this process last read or wrote: their head's point read says whether they are still the stored ones.
      const [head] = await Promise.all([this.headOf(`l|${t}`), readMarks()]);
      if (head?.generation === kept.generation && head.basis === kept.cache.basis && head.basis.slice(0, 10) === today)
        return { cache: kept.cache, marks };
      for await (const e of this.partition(`l|${t}`)) rows.set(e.rowKey ?? '', e);
    } else {
      // Today's change marks (UTC day, by the writers' clocks) are read with the cache: one partition each.
      await Promise.all([
        (async () => {
          for await (const e of this.partition(`l|${t}`)) rows.set(e.rowKey ?? '', e);
        })(),
        readMarks(),
      ]);
    }
    const head = rows.get('h') as Head | undefined;
    // A cache of another day is not used: the marks it saw are in that day's partition.
    if (!head?.basis || !head.generation || head.basis.slice(0, 10) !== today) return { marks };
    let json = '';
    for (let i = 0; i < (head.chunks ?? 0); i++) {
      const c = rows.get(`c${String(i).padStart(3, '0')}`);
      // A chunk of another write (two processes saving at once): no cache, the caller computes afresh.
      if (!c || c.generation !== head.generation) return { marks };
      json += fromProps<string>(c, '');
    }
    try {
      const stored = JSON.parse(json) as StoredLines;
      const cache = { ...stored, lines: Object.fromEntries(stored.lines.map((l) => [l[0], this.lineOf(l)])) };
      return { cache: this.keepLines(t, head.generation, cache), marks };
    } catch {
      return { marks };
    }
  }

  /** The lines cache's head row, or undefined. */
  private headOf(partitionKey: string): Promise<(Row & { basis?: string; generation?: string }) | undefined> {
    return getIfExists<Row & { basis?: string; generation?: string }>(this.table, partitionKey, 'h');
  }

  /**
   * Keeps the lines as stored under `generation` (a copy of the caller's),
   * and answers the kept record: readers are handed this same record until
   * the lines change, and must not change it (they copy what they recompute).
   */
  private keepLines(t: string, generation: string, cache: LinesCache): LinesCache {
    const kept = { ...cache, lines: { ...cache.lines } };
    this.linesKept.set(t, { generation, cache: kept });
    return kept;
  }

  private lineOf(t: LineTuple): CachedLine {
    const [groupId, held, expectedSoFar, expectedYear, onTrack, coming, minutesMissing, overdueActions, consentsExpiring, refusals] = t;
    const [, , , , , , , , , , next, validUntil, seen] = t;
    return {
      // Name and level are the organisation file's: the reader puts them in.
      group: {
        groupId,
        name: groupId,
        level: 'operative',
        cadence: { held, expectedSoFar, expectedYear, onTrack: onTrack === 1 },
        coming,
        minutesMissing,
        overdueActions,
        consentsExpiring,
        refusalsLastWeek: refusals,
      },
      next: next ? { start: next[0], end: next[1], durationMinutes: next[2], timeZone: this.timeZone } : undefined,
      validUntil,
      seen: seen || undefined,
    };
  }

  async saveLines(tenantId: string, cache: LinesCache): Promise<void> {
    const pk = `l|${tenantKey(tenantId)}`;
    const generation = randomBytes(6).toString('hex');
    const stored: StoredLines = { ...cache, lines: Object.values(cache.lines).map(lineTuple) };
    const json = JSON.stringify(stored);
    // Each row holds at most LINES_ROW characters (as d0, d1, … of CHUNK), well within an entity's 1 MiB.
    const chunks: string[] = [];
    for (let i = 0; i < json.length || chunks.length === 0; i += LINES_ROW) chunks.push(json.slice(i, i + LINES_ROW));
    await Promise.all(
      chunks.map((c, i) =>
        this.table.upsertEntity({ partitionKey: pk, rowKey: `c${String(i).padStart(3, '0')}`, generation, ...toProps(c) }, 'Replace'),
      ),
    );
    await this.table.upsertEntity({ partitionKey: pk, rowKey: 'h', basis: cache.basis, generation, chunks: chunks.length }, 'Replace');
    this.keepLines(tenantKey(tenantId), generation, cache);
  }

  async groupsSnapshot(tenantId: string, groupIds: string[], now: Date): Promise<FigureSnapshot> {
    const s = emptySnapshot();
    const t = tenantKey(tenantId);
    const p = periodsFor(now, this.timeZone);
    const reads: Array<Promise<void>> = [];
    for (const groupId of groupIds) {
      const rk = encodeKey(groupId);
      for (const term of p.terms)
        reads.push(
          getIfExists<Row>(this.table, `m|${t}|${term}`, rk).then((e) => {
            if (!e) return;
            const into = s.meetings.get(groupId) ?? {};
            for (const [id, tu] of Object.entries(fromProps<Record<string, MeetingTuple>>(e, {}))) into[id] = fact(tu);
            s.meetings.set(groupId, into);
          }),
        );
      reads.push(
        getIfExists<Row>(this.table, `a|${t}`, rk).then((e) => {
          if (e) s.openTasks.set(groupId, fromProps<Record<string, string>>(e, {}));
        }),
      );
      for (const week of p.weeks)
        reads.push(
          getIfExists<Row>(this.table, `r|${t}|${week}`, rk).then((e) => {
            if (!e) return;
            const times = (fromProps<{ ids?: string[] }>(e, {}).ids ?? []).map((id) => id.slice(0, 24));
            s.refusals.set(groupId, [...(s.refusals.get(groupId) ?? []), ...times]);
          }),
        );
    }
    const wanted = new Set(groupIds);
    for (const month of p.months)
      reads.push(
        (async () => {
          for await (const e of this.partition(`c|${t}|${month}`)) {
            const row = fromProps<ConsentRow>(e, { groupIds: [], validFrom: '', validUntil: '', withdrawn: true });
            if (row.groupIds.some((g) => wanted.has(g))) s.consentsExpiring.push({ caseRef: decodeKey(e.rowKey ?? ''), ...row });
          }
        })(),
      );
    await Promise.all(reads);
    return s;
  }

  // ---- the one-off backfill

  /**
   * Fills the figures from the rows already stored: each group's meetings of
   * the year's terms (and the next), their minutes, its open tasks; the
   * tenant's consents in force; the refusals of the last two weeks. Sets
   * facts by id, so running it twice (or while events arrive) gives the same
   * figures as running it once.
   */
  async backfill(
    tenantId: string,
    groupIds: string[],
    now: Date,
    documents: ReadonlyArray<{ id: string; ownerGroup: string }> = [],
  ): Promise<BackfillSummary> {
    const src = this.sources;
    if (!src) throw new Error('FiguresStore: no sources to backfill from');
    const summary: BackfillSummary = {
      groups: groupIds.length,
      meetings: 0,
      openTasks: 0,
      consents: 0,
      refusals: 0,
      reviews: 0,
      auditIndexed: 0,
    };
    const { terms } = periodsFor(now, this.timeZone);
    const first = terms[0]!;
    const from = new Date(`${first.slice(0, 4)}-01-01T00:00:00Z`);
    from.setUTCDate(from.getUTCDate() - 1);
    for (const groupId of groupIds) {
      const [meetings, minutes, tasks] = await Promise.all([
        src.meetings.listGroup(tenantId, groupId, { from }),
        src.minutes.listGroup(tenantId, groupId),
        src.minutes.actionsOf(tenantId, groupId),
      ]);
      const finals = new Set(minutes.filter((m) => m.status === 'final').map((m) => m.meetingId));
      const wanted = meetings.filter((m) => terms.includes(termOf(m.start, this.timeZone)));
      await this.meetings(wanted, false, finals);
      summary.meetings += wanted.length;
      // Tasks set by id (open ones in, done ones out): a task written while the backfill runs stays.
      await this.tasks(tenantId, groupId, tasks, []);
      summary.openTasks += tasks.filter((x) => !x.doneAt).length;
    }
    const today = localDate(now, this.timeZone);
    for (const c of await src.consents.listForGroups(tenantId, groupIds)) {
      if (c.validUntil < today) continue;
      // A withdrawn one takes its row away, should an earlier run have written it.
      await this.consent(c);
      if (!c.withdrawnAt) summary.consents += 1;
    }
    // From here on the month index holds every consent in force: readers may take it for the register.
    await this.table.upsertEntity({ partitionKey: `b|${tenantKey(tenantId)}`, rowKey: 'consents', at: now.toISOString() }, 'Replace');
    if (src.reviews && documents.length) {
      // The reviews recorded so far, each document's under the group that owns it.
      const stored = await src.reviews.all(tenantId);
      for (const d of documents) {
        const r = stored.get(d.id);
        if (!r?.reviews.length) continue;
        await this.review(tenantId, d.ownerGroup, r);
        summary.reviews += 1;
      }
    }
    const since = new Date(now.getTime() - 2 * REFUSAL_DAYS * 86_400_000).toISOString();
    const byGroup = new Map<string, string[]>();
    // Each month's audit rows read once (by partition): the refusals of the
    // last two weeks for the figures, and every row copied into the group
    // index (by key, so a row indexed already is written the same again).
    const months = src.auditByGroup
      ? monthsBack(now, AUDIT_INDEX_MONTHS)
      : [...new Set([since.slice(0, 7), now.toISOString().slice(0, 7)])];
    for (const month of months) {
      // The audit log's partition (src/storage/audit.ts): tenant and UTC month.
      const pk = encodeKey(`${tenantId || NO_TENANT}_${month}`);
      const filter = src.auditByGroup ? odata`PartitionKey eq ${pk}` : odata`PartitionKey eq ${pk} and RowKey ge ${since}`;
      const iter = src.auditTable.listEntities<{ event?: string; groupId?: string }>({
        queryOptions: { filter, select: ['RowKey', 'event', 'groupId'] },
      });
      const copies = new Map<string, Array<{ rowKey: string; event: string }>>();
      for await (const e of iter) {
        if (!e.rowKey || !e.event) continue;
        if (src.auditByGroup) {
          const part = byGroupPartition(tenantId, month, e.groupId ?? '');
          copies.set(part, [...(copies.get(part) ?? []), { rowKey: e.rowKey, event: e.event }]);
        }
        if (e.event !== 'refusal' || !e.groupId || e.rowKey < since) continue;
        byGroup.set(e.groupId, [...(byGroup.get(e.groupId) ?? []), e.rowKey]);
      }
      if (src.auditByGroup) summary.auditIndexed += await upsertCopies(src.auditByGroup, copies);
    }
    for (const [groupId, ids] of byGroup) {
      await this.refusal(tenantId, groupId, ids);
      summary.refusals += ids.length;
    }
    return summary;
  }
}

/** Writes audit rows' copies into the group index, up to 100 a transaction per partition; a copy already there is written the same again. */
async function upsertCopies(table: TableClient, copies: Map<string, Array<{ rowKey: string; event: string }>>): Promise<number> {
  let n = 0;
  for (const [partitionKey, rows] of copies) {
    for (let i = 0; i < rows.length; i += 100) {
      const some = rows.slice(i, i + 100);
      await table.submitTransaction(some.map((r) => ['upsert', { partitionKey, rowKey: r.rowKey, event: r.event }, 'Replace']));
      n += some.length;
    }
  }
  return n;
}
