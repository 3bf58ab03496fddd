import { DateTime } from 'luxon';
import { status as consentStatus } from '../consent/consent';
import type { Consent } from '../consent/consent';
import type { Meeting } from '../meetings/meeting';
import { MINUTES_WORKING_DAYS, workingDaysAfter } from '../meetings/reminders';
import type { Task } from '../minutes/minutes';
import type { StoredReviews } from '../reviews/reviews';
import { addDays, type CadenceStatus, cadenceStatus, localDate, type Group } from '../organisation';
import type { DigestGroup } from './digest';

/**
 * The digest's figures, kept as things happen instead of recomputed from the
 * raw tables every week: per group and term, the facts of its meetings
 * (held, planned, cancelled, minutes final); per group, its open actions and
 * their due dates; per ISO week, the consent gate's refusals by group; per
 * month, the consents that expire in it. Each fact is keyed by the id of what
 * it is about (meeting, task, audit row, case reference), so an event sent
 * twice sets the same key twice and counts once. What depends on the day
 * (held or coming, overdue, expiring within 30 days) is counted when read.
 *
 * The period is the school term (vårtermin January–June, hösttermin
 * July–December): a municipality reports per term, the calendar year the
 * cadence is counted in is exactly two terms, and a term's row stays small
 * (a weekly group has about 26 meetings in it).
 */

/** A meeting as the figures keep it. */
export interface MeetingFact {
  start: string;
  end: string;
  durationMinutes: number;
  cancelled: boolean;
  minutesFinal: boolean;
}

type MeetingRef = Pick<Meeting, 'tenantId' | 'groupId' | 'id' | 'start' | 'end' | 'durationMinutes' | 'status'>;

/** What the use cases tell the figures, in the same write path as the event. */
export type FigureEvent =
  /** Meetings booked, moved (`moved`: its entry may sit in another term) or cancelled. */
  | { kind: 'meetings'; meetings: MeetingRef[]; moved?: boolean }
  /** A meeting's minutes made final. */
  | { kind: 'minutesFinal'; meeting: MeetingRef }
  /** Tasks recorded by final minutes, and earlier tasks they mark done (by id). */
  | { kind: 'tasks'; tenantId: string; groupId: string; saved: Task[]; done: string[] }
  /** A message the consent gate refused in a group: `id` is its audit row's key. */
  | { kind: 'refusal'; tenantId: string; groupId: string; id: string; time: string }
  /** A consent recorded, or withdrawn (withdrawnAt set). */
  | { kind: 'consent'; consent: Consent }
  /** A governing document's reviews as they stand after one was recorded: kept under the group that owns it. */
  | { kind: 'review'; tenantId: string; groupId: string; stored: StoredReviews };

/** A consent as its expiry month's index keeps it. */
export interface ConsentFact {
  caseRef: string;
  groupIds: string[];
  validFrom: string;
  validUntil: string;
  withdrawn: boolean;
}

/** What one read of the figures gives the digest: the tenant's, for the days around `now`. */
export interface FigureSnapshot {
  /** Per group: its meetings of this calendar year (and of the next term when the horizon reaches it), by id. */
  meetings: Map<string, Record<string, MeetingFact>>;
  /** Per group: its open tasks' due dates, by task id. */
  openTasks: Map<string, Record<string, string>>;
  /** Per group: the times of refusals in the weeks read (the last 7 days and a little more). */
  refusals: Map<string, string[]>;
  /** Consents that expire in the months read (today to today + 30 days). */
  consentsExpiring: ConsentFact[];
  /** The reviews recorded in Teams per governing document (each kept under its owner group), by document id. */
  reviews: Map<string, StoredReviews>;
}

/** What the one-off backfill found and wrote. */
export interface BackfillSummary {
  groups: number;
  meetings: number;
  openTasks: number;
  consents: number;
  refusals: number;
  /** Documents whose recorded reviews were copied into the figures. */
  reviews: number;
  /** Audit rows copied into the audit log's group index (each row once a run, whether it was there or not). */
  auditIndexed: number;
}

/**
 * The figures as the features use them (src/storage/figures.ts keeps them):
 * `record` in the write path of every event that moves one, `snapshot` for
 * the digest, `backfill` once from the rows stored before the figures were.
 */
export interface Figures extends Partial<LinesCacheStore> {
  record(e: FigureEvent): Promise<void>;
  snapshot(tenantId: string, now: Date): Promise<FigureSnapshot>;
  /** `documents`: the governing documents and the groups that own them, whose recorded reviews the figures keep. */
  backfill(
    tenantId: string,
    groupIds: string[],
    now: Date,
    documents?: ReadonlyArray<{ id: string; ownerGroup: string }>,
  ): Promise<BackfillSummary>;
  /** Whether the backfill has indexed every consent in force by the month it ends (see consentsExpiringIn). */
  consentIndexComplete?(tenantId: string): Promise<boolean>;
  /** The consents that end in these months (YYYY-MM), from the month index. */
  consentsExpiringIn?(tenantId: string, months: string[]): Promise<ConsentFact[]>;
}

export function emptySnapshot(): FigureSnapshot {
  return { meetings: new Map(), openTasks: new Map(), refusals: new Map(), consentsExpiring: [], reviews: new Map() };
}

/** The term of a local date: `2026-1` (January–June) or `2026-2` (July–December). */
export function termOf(instant: string | Date, tz: string): string {
  const d = typeof instant === 'string' ? DateTime.fromISO(instant, { zone: tz }) : DateTime.fromJSDate(instant, { zone: tz });
  return `${d.year}-${d.month <= 6 ? 1 : 2}`;
}

/** The terms before and after one. */
export function adjacentTerms(term: string): [string, string] {
  const [y, n] = term.split('-').map(Number) as [number, number];
  return n === 1 ? [`${y - 1}-2`, `${y}-2`] : [`${y}-1`, `${y + 1}-1`];
}

/** The ISO week of an instant in the zone: `2026-W49`. */
export function isoWeekOf(instant: string | Date, tz: string): string {
  const d = typeof instant === 'string' ? DateTime.fromISO(instant, { zone: tz }) : DateTime.fromJSDate(instant, { zone: tz });
  return `${d.weekYear}-W${String(d.weekNumber).padStart(2, '0')}`;
}

/** The month of a date (YYYY-MM-DD): `2026-12`. */
export const monthOf = (date: string): string => date.slice(0, 7);

export const HORIZON_DAYS = 14;
export const REFUSAL_DAYS = 7;
export const CONSENT_DAYS = 30;

/** Which partitions a read at `now` needs: the terms, weeks and months. */
export function periodsFor(now: Date, tz: string): { terms: string[]; weeks: string[]; months: string[] } {
  const local = DateTime.fromJSDate(now, { zone: tz });
  const terms = [`${local.year}-1`, `${local.year}-2`];
  const horizon = termOf(local.plus({ days: HORIZON_DAYS }).toJSDate(), tz);
  if (!terms.includes(horizon)) terms.push(horizon);
  const weeks = [...new Set([isoWeekOf(new Date(now.getTime() - REFUSAL_DAYS * 86_400_000), tz), isoWeekOf(now, tz)])];
  const today = localDate(now, tz);
  const months = [...new Set([monthOf(today), monthOf(addDays(today, CONSENT_DAYS))])];
  return { terms, weeks, months };
}

/** When a meeting's minutes are due (three working days after it), by its start: worked out once per start (a few ms each). */
const dueByStart = new Map<string, number>();
function minutesDue(start: string, tz: string): number {
  const key = `${start}|${tz}`;
  let due = dueByStart.get(key);
  if (due === undefined) {
    due = workingDaysAfter(DateTime.fromISO(start, { zone: tz }), MINUTES_WORKING_DAYS).toMillis();
    if (dueByStart.size > 100_000) dueByStart.clear();
    dueByStart.set(key, due);
  }
  return due;
}

/** What every group's line needs of the instant, worked out once (the zone's offsets are costly to compute). */
interface ReadContext {
  now: number;
  yearStart: number;
  horizon: number;
  today: string;
  soon: string;
  /** The next local midnight: what depends on the day (overdue, expiring, the year) changes then. */
  nextMidnight: number;
}
let lastContext: { key: string; value: ReadContext } | undefined;
function contextOf(now: Date, tz: string): ReadContext {
  const key = `${now.getTime()}|${tz}`;
  if (lastContext?.key === key) return lastContext.value;
  const local = DateTime.fromJSDate(now, { zone: tz });
  const today = localDate(now, tz);
  const value = {
    now: now.getTime(),
    yearStart: local.startOf('year').toMillis(),
    horizon: local.plus({ days: HORIZON_DAYS }).toMillis(),
    today,
    soon: addDays(today, CONSENT_DAYS),
    nextMidnight: local.startOf('day').plus({ days: 1 }).toMillis(),
  };
  lastContext = { key, value };
  return value;
}

/**
 * The cadence status of a group: what the cadence asks for this year is
 * worked out once per cadence and instant (it walks the calendar, about
 * 4 ms), the meetings held are counted per group, as cadenceStatus does.
 */
const expectations = new Map<string, { expectedSoFar: number; expectedYear: number | null }>();
function cadenceOf(g: Group, heldStarts: string[], now: Date, tz: string): CadenceStatus {
  const key = `${JSON.stringify(g.cadence)}|${now.getTime()}|${tz}`;
  let e = expectations.get(key);
  if (!e) {
    const { expectedSoFar, expectedYear } = cadenceStatus(g.cadence, [], now, tz);
    e = { expectedSoFar, expectedYear };
    if (expectations.size > 1000) expectations.clear();
    expectations.set(key, e);
  }
  // As cadenceStatus counts: held this year in the zone, not after now (as instants: the local year's start to now).
  const c = contextOf(now, tz);
  const held = heldStarts.filter((d) => {
    const t = Date.parse(d);
    return t >= c.yearStart && t <= c.now;
  }).length;
  let onTrack = held >= e.expectedSoFar;
  if (g.cadence.kind === 'times' && held > g.cadence.timesPerYear) onTrack = false;
  return { expectedSoFar: e.expectedSoFar, held, expectedYear: e.expectedYear, onTrack };
}

/** A meeting's next-meeting details, as the digest shows them. */
export interface NextMeeting {
  start: string;
  end: string;
  timeZone: string;
  durationMinutes: number;
}

/**
 * One group's line of the digest from the figures, counted at `now`: the
 * same figures the raw tables give (meetings this year to the horizon, held
 * ones against the cadence, minutes missing three working days after, tasks
 * overdue, consents in force expiring within 30 days for operative groups,
 * refusals in the last 7 days).
 */
export function digestGroupOf(g: Group, s: FigureSnapshot, now: Date, tz: string): GroupLine {
  const c = contextOf(now, tz);
  const from = c.yearStart;
  const to = c.horizon;
  const nowMs = c.now;
  // The line holds until the first instant time alone changes it: the next midnight, a meeting starting or
  // ending, one entering the horizon, minutes falling due, a refusal leaving the last 7 days.
  let validUntil = c.nextMidnight;
  const until = (t: number) => {
    if (t > nowMs && t < validUntil) validUntil = t;
  };
  const all = Object.values(s.meetings.get(g.id) ?? {});
  for (const m of all) {
    if (m.cancelled) continue;
    const start = Date.parse(m.start);
    until(start);
    until(Date.parse(m.end));
    until(start - HORIZON_DAYS * 86_400_000);
  }
  const meetings = all
    .filter((m) => Date.parse(m.end) >= from && Date.parse(m.start) < to)
    .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  const held = meetings.filter((m) => !m.cancelled && Date.parse(m.end) <= nowMs);
  const coming = meetings.filter((m) => !m.cancelled && Date.parse(m.start) > nowMs);
  let minutesMissing = 0;
  for (const m of held) {
    if (m.minutesFinal) continue;
    const due = minutesDue(m.start, tz);
    if (due <= nowMs) minutesMissing += 1;
    else until(due);
  }
  const today = c.today;
  const overdueActions = Object.values(s.openTasks.get(g.id) ?? {}).filter((due) => due < today).length;
  let consentsExpiring = 0;
  if (g.level === 'operative') {
    const soon = c.soon;
    consentsExpiring = s.consentsExpiring.filter(
      (c) =>
        c.groupIds.includes(g.id) &&
        c.validUntil <= soon &&
        consentStatus(
          { validFrom: c.validFrom, validUntil: c.validUntil, withdrawnAt: c.withdrawn ? 'x' : undefined } as Consent,
          today,
        ) === 'inForce',
    ).length;
  }
  const since = new Date(nowMs - REFUSAL_DAYS * 86_400_000).toISOString();
  const nowIso = now.toISOString();
  const refused = (s.refusals.get(g.id) ?? []).filter((t) => t >= since && t <= nowIso);
  for (const t of refused) until(Date.parse(t) + REFUSAL_DAYS * 86_400_000);
  const refusalsLastWeek = refused.length;
  const first = coming[0];
  return {
    group: {
      groupId: g.id,
      name: g.name,
      level: g.level,
      cadence: cadenceOf(
        g,
        held.map((m) => m.start),
        now,
        tz,
      ),
      coming: coming.map((m) => m.start),
      minutesMissing,
      overdueActions,
      consentsExpiring,
      refusalsLastWeek,
    },
    next: first ? { start: first.start, end: first.end, timeZone: tz, durationMinutes: first.durationMinutes } : undefined,
    validUntil,
  };
}

/** One group's digest line, its next meeting, and until when (epoch ms) time alone leaves it as it is. */
export interface GroupLine {
  group: DigestGroup;
  next?: NextMeeting;
  validUntil: number;
}

/** A group's line as the lines cache keeps it: with the change mark it was computed after (the mark row's ETag). */
export interface CachedLine extends GroupLine {
  seen?: string;
}

/**
 * Every group's digest line, computed once from a full read of the figures
 * and kept, so an on-demand digest reads the lines and recomputes only the
 * groups changed since (a change mark per group, written with each event)
 * or whose line time has moved past (`validUntil`).
 */
export interface LinesCache {
  /** When (ISO, the computing process's clock) the lines were computed from a full read: a cache of an earlier day is not used. */
  basis: string;
  /** The latest instant (epoch ms) a line was computed for: a read at an earlier instant computes afresh. */
  computedFor: number;
  /** The organisation's groups and zone the lines were computed for. */
  fingerprint: string;
  lines: Record<string, CachedLine>;
}

/** What a store offers for the lines cache (src/storage/figures.ts). */
export interface LinesCacheStore {
  /** The cache of today, if any (the store's own record, to read and not to change), and the groups' change marks of today (group → mark), read before any figures. */
  readLines(tenantId: string): Promise<{ cache?: LinesCache; marks: Map<string, string> }>;
  saveLines(tenantId: string, cache: LinesCache): Promise<void>;
  /** The figures of some groups only (point reads of their rows, and the consents expiring soon). */
  groupsSnapshot(tenantId: string, groupIds: string[], now: Date): Promise<FigureSnapshot>;
  /** The reviews kept in the figures, by document (one partition). */
  reviewsOf(tenantId: string): Promise<Map<string, StoredReviews>>;
}
