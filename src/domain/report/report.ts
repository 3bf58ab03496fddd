import { DateTime } from 'luxon';
import { findCaseRefs } from '../consent/case-ref';
import { approvedIfNone, type CheckedText, screen } from '../consent/checked-text';
import type { Meeting } from '../meetings/meeting';
import type { Minutes, Task } from '../minutes/minutes';
import { expectedMeetingsInYear, expectedMeetingsSoFar, membersOf, type Group, type GroupLevel, type Organisation } from '../organisation';
import type { IsoDate } from '../organisation/dates';
import type { StoredReviews } from '../reviews/reviews';

/**
 * The yearly report to the boards (issue 19, SPEC §11): for a calendar year,
 * or its interim period (January–August, the municipal delårsrapport per
 * 31 August), per group the meetings held against the cadence, attendance,
 * decisions and actions; the governing documents' reviews with their
 * decision references; the consent gate's refusals and the consents
 * recorded, withdrawn and expired per month (counts only); and the sections
 * later features fill (plan activities, indicators, survey, broadcasts).
 *
 * Plain computation over what storage gives it. Nothing that identifies a
 * person reaches the result: groups by name, people only as counts, and
 * texts only as the consent gate checked them (`CheckedText`) — and no
 * decision texts of operative groups at all, where a case reference may
 * stand in a decision.
 */

export interface ReportPeriod {
  year: number;
  interim: boolean;
  /** First day, local. */
  from: IsoDate;
  /** Last day, local, inclusive. */
  to: IsoDate;
}

export const INTERIM_LAST_MONTH = 8;

export function reportPeriod(year: number, interim: boolean): ReportPeriod {
  return {
    year,
    interim,
    from: `${year}-01-01`,
    to: interim ? `${year}-${String(INTERIM_LAST_MONTH).padStart(2, '0')}-31` : `${year}-12-31`,
  };
}

/** The months of the period: `2026-01` … */
export function monthsOf(p: ReportPeriod): string[] {
  const last = p.interim ? INTERIM_LAST_MONTH : 12;
  return Array.from({ length: last }, (_, i) => `${p.year}-${String(i + 1).padStart(2, '0')}`);
}

/** The audit log's events the report counts. */
export type CountedEvent = 'refusal' | 'consentRecorded' | 'consentWithdrawn';

/** One audit row as the report reads it: its month (local), group and event, nothing else. */
export interface AuditCount {
  month: string;
  groupId: string;
  event: CountedEvent;
}

/** A consent as the figures keep it by its expiry month. */
export interface ConsentExpiry {
  groupIds: string[];
  validUntil: IsoDate;
  withdrawn: boolean;
}

/** A plan activity as the plans feature keeps it (empty until it exists). */
export interface ActivityInput {
  documentId: string;
  status: 'planned' | 'ongoing' | 'done' | 'cancelled';
  due?: IsoDate;
  /** A group id when a group owns it. */
  ownerGroupId?: string;
}

/** An indicator with its values per period (empty until the indicators feature stores them). */
export interface IndicatorInput {
  id: string;
  name: string;
  unit?: string;
  target?: number;
  better: 'higher' | 'lower';
  groupId?: string;
  values: Array<{ period: string; value: number }>;
}

/** A survey's results per statement, only where enough answered. */
export interface SurveyInput {
  /** How many answered (shown whatever the count: it is no figure of anyone's answer). */
  respondents?: number;
  statements: Array<{ text: string; answers: number; mean: number | null }>;
  /** Per group, the groups where at least 5 of its members answered: how many, and each statement's mean. */
  groups?: Array<{ groupId: string; name: string; respondents: number; means: Array<number | null> }>;
}

/** A broadcast and its readers per group. */
export interface BroadcastInput {
  title: CheckedText;
  sentAt: string;
  groups: Array<{ groupId: string; recipients: number; read: number }>;
}

export interface ReportInput {
  organisation: Pick<Organisation, 'name' | 'groups' | 'documents' | 'timeZone'>;
  period: ReportPeriod;
  now: Date;
  meetings: ReadonlyMap<string, ReadonlyArray<Pick<Meeting, 'id' | 'start' | 'end' | 'status'>>>;
  minutes: ReadonlyMap<string, ReadonlyArray<Pick<Minutes, 'meetingId' | 'status' | 'attendees' | 'decisions'>>>;
  tasks: ReadonlyMap<string, ReadonlyArray<Pick<Task, 'id' | 'due' | 'doneAt' | 'meetingId'>>>;
  reviews: ReadonlyMap<string, StoredReviews>;
  audit: ReadonlyArray<AuditCount>;
  consentExpiries: ReadonlyArray<ConsentExpiry>;
  activities?: ReadonlyArray<ActivityInput>;
  indicators?: ReadonlyArray<IndicatorInput>;
  survey?: SurveyInput;
  broadcasts?: ReadonlyArray<BroadcastInput>;
}

export interface GroupReport {
  id: string;
  name: string;
  level: GroupLevel;
  /** Meetings the cadence asked for in the period (null: as needed). */
  expected: number | null;
  held: number;
  cancelled: number;
  /** Held meetings with final minutes. */
  withMinutes: number;
  /** Mean share of the group present at meetings with final minutes, in whole per cent; null without any. */
  attendancePercent: number | null;
  decisions: number;
  /** The decisions' texts as the gate checked them; always empty for operative groups. */
  decisionTexts: CheckedText[];
  actions: { recorded: number; done: number; overdue: number; open: number };
}

export interface MonthReport {
  month: string;
  refusals: number;
  consentsRecorded: number;
  consentsWithdrawn: number;
  consentsExpired: number;
}

export interface ReviewReport {
  documentId: string;
  title: string;
  ownerGroupName: string;
  date: IsoDate;
  /** As the gate checked it when recorded in Teams, or the organisation file's own. */
  decisionRef?: string;
}

export interface IndicatorReport {
  id: string;
  name: string;
  unit?: string;
  target?: number;
  better: 'higher' | 'lower';
  values: Array<{ period: string; value: number }>;
  /** The latest value against the target. */
  status: 'met' | 'notMet' | 'noTarget' | 'noValue';
}

export interface Report {
  organisationName: string;
  period: ReportPeriod;
  /** The last day counted: the period's end, or today while it runs. */
  asOf: IsoDate;
  groups: GroupReport[];
  months: MonthReport[];
  reviews: ReviewReport[];
  activities: {
    total: number;
    done: number;
    overdue: number;
    byDocument: Array<{ documentId: string; title: string; total: number; done: number; overdue: number }>;
  };
  indicators: IndicatorReport[];
  survey?: SurveyInput;
  /** Each broadcast's readers over its recipients, in all and per group. */
  broadcasts: Array<{
    title: CheckedText;
    sentAt: string;
    recipients: number;
    read: number;
    groups: Array<{ groupId: string; name: string; recipients: number; read: number }>;
  }>;
  totals: { held: number; expected: number; refusals: number; decisions: number; actionsOverdue: number };
}

/**
 * A decision text the report may print: one in which the detector finds no identifier at all and that names
 * no case. The gate let a decision through under a consent in force for its group; the report goes to the
 * boards, where that consent does not reach, so such a decision is counted and not quoted.
 */
function publishable(text: CheckedText): boolean {
  return findCaseRefs(text).length === 0 && approvedIfNone(screen(text)) !== undefined;
}

/** Most decision texts a group lists (the count is always whole). */
export const MAX_DECISION_TEXTS = 30;

const localDay = (iso: string, tz: string): IsoDate => DateTime.fromISO(iso, { zone: tz }).toISODate()!;

function expectedIn(group: Group, p: ReportPeriod, asOf: Date, tz: string): number | null {
  if (group.cadence.kind === 'asNeeded') return null;
  const endOfPeriod = DateTime.fromISO(p.to, { zone: tz }).endOf('day');
  const at = DateTime.fromJSDate(asOf, { zone: tz });
  const until = at < endOfPeriod ? at : endOfPeriod.plus({ milliseconds: 1 });
  if (!p.interim && until >= endOfPeriod) return expectedMeetingsInYear(group.cadence, p.year, tz);
  return expectedMeetingsSoFar(group.cadence, p.year, until.toJSDate(), tz);
}

/** Computes the report; pure. */
export function buildReport(input: ReportInput): Report {
  const { organisation: org, period: p, now } = input;
  const tz = org.timeZone;
  const today = DateTime.fromJSDate(now, { zone: tz }).toISODate()!;
  const asOf = today < p.to ? today : p.to;
  const inPeriod = (day: string) => day >= p.from && day <= asOf;
  const groups: GroupReport[] = org.groups.map((g) => {
    const meetings = (input.meetings.get(g.id) ?? []).filter((m) => inPeriod(localDay(m.start, tz)));
    const held = meetings.filter((m) => m.status !== 'cancelled' && new Date(m.end).getTime() <= now.getTime());
    const heldIds = new Set(held.map((m) => m.id));
    const periodIds = new Set(meetings.map((m) => m.id));
    const finals = (input.minutes.get(g.id) ?? []).filter((x) => x.status === 'final' && heldIds.has(x.meetingId));
    const size = membersOf(g).length;
    const attendance =
      finals.length && size
        ? Math.round((100 * finals.reduce((s, x) => s + Math.min(1, new Set(x.attendees).size / size), 0)) / finals.length)
        : null;
    const decisions = finals.flatMap((x) => x.decisions);
    const tasks = (input.tasks.get(g.id) ?? []).filter((t) => periodIds.has(t.meetingId));
    const done = tasks.filter((t) => t.doneAt && localDay(t.doneAt, tz) <= asOf).length;
    const overdue = tasks.filter((t) => !(t.doneAt && localDay(t.doneAt, tz) <= asOf) && t.due < asOf).length;
    return {
      id: g.id,
      name: g.name,
      level: g.level,
      expected: expectedIn(g, p, now, tz),
      held: held.length,
      cancelled: meetings.filter((m) => m.status === 'cancelled').length,
      withMinutes: finals.length,
      attendancePercent: attendance,
      decisions: decisions.length,
      decisionTexts: g.level === 'operative' ? [] : decisions.filter(publishable).slice(0, MAX_DECISION_TEXTS),
      actions: { recorded: tasks.length, done, overdue, open: tasks.length - done },
    };
  });

  const months: MonthReport[] = monthsOf(p).map((month) => ({
    month,
    refusals: 0,
    consentsRecorded: 0,
    consentsWithdrawn: 0,
    consentsExpired: 0,
  }));
  const byMonth = new Map(months.map((m) => [m.month, m]));
  for (const a of input.audit) {
    const m = byMonth.get(a.month);
    if (!m) continue;
    if (a.event === 'refusal') m.refusals++;
    else if (a.event === 'consentRecorded') m.consentsRecorded++;
    else m.consentsWithdrawn++;
  }
  for (const c of input.consentExpiries) {
    if (c.withdrawn || c.validUntil >= today) continue;
    const m = byMonth.get(c.validUntil.slice(0, 7));
    if (m && c.validUntil <= asOf) m.consentsExpired++;
  }

  const groupName = new Map(org.groups.map((g) => [g.id, g.name]));
  const reviews: ReviewReport[] = [];
  for (const doc of org.documents) {
    const seen = new Set<string>();
    const recorded = input.reviews.get(doc.id)?.reviews ?? [];
    const fromFile = (doc.reviews ?? []).map((r) => ({ date: r.date, decisionRef: r.decisionRef as string | undefined }));
    for (const r of [...recorded.map((x) => ({ date: x.date, decisionRef: x.decisionRef as string | undefined })), ...fromFile]) {
      if (!inPeriod(r.date) || seen.has(r.date)) continue;
      seen.add(r.date);
      reviews.push({
        documentId: doc.id,
        title: doc.title,
        ownerGroupName: groupName.get(doc.ownerGroup) ?? doc.ownerGroup,
        date: r.date,
        ...(r.decisionRef ? { decisionRef: r.decisionRef } : {}),
      });
    }
  }
  reviews.sort((a, b) => a.date.localeCompare(b.date) || a.title.localeCompare(b.title, 'sv'));

  const acts = input.activities ?? [];
  const isOverdue = (a: ActivityInput) => a.status !== 'done' && a.status !== 'cancelled' && !!a.due && a.due < asOf;
  const docTitle = new Map(org.documents.map((d) => [d.id, d.title]));
  const byDocument = [...new Set(acts.map((a) => a.documentId))].map((documentId) => {
    const mine = acts.filter((a) => a.documentId === documentId);
    return {
      documentId,
      title: docTitle.get(documentId) ?? documentId,
      total: mine.length,
      done: mine.filter((a) => a.status === 'done').length,
      overdue: mine.filter(isOverdue).length,
    };
  });

  const indicators: IndicatorReport[] = (input.indicators ?? []).map((i) => {
    // Periods in time order: a year, a month (2026-03) or a term (2026-VT before 2026-HT).
    const order = (p: string) => p.replace(/-VT$/, '-1').replace(/-HT$/, '-2');
    const values = [...i.values].sort((a, b) => order(a.period).localeCompare(order(b.period)));
    const last = values.at(-1)?.value;
    const status: IndicatorReport['status'] =
      last === undefined
        ? 'noValue'
        : i.target === undefined
          ? 'noTarget'
          : (i.better === 'higher' ? last >= i.target : last <= i.target)
            ? 'met'
            : 'notMet';
    return { id: i.id, name: i.name, unit: i.unit, target: i.target, better: i.better, values, status };
  });

  const broadcasts = (input.broadcasts ?? [])
    .filter((b) => inPeriod(localDay(b.sentAt, tz)))
    .map((b) => ({
      title: b.title,
      sentAt: localDay(b.sentAt, tz),
      recipients: b.groups.reduce((s, g) => s + g.recipients, 0),
      read: b.groups.reduce((s, g) => s + g.read, 0),
      groups: b.groups.map((g) => ({ ...g, name: groupName.get(g.groupId) ?? g.groupId })),
    }));

  return {
    organisationName: org.name,
    period: p,
    asOf,
    groups,
    months,
    reviews,
    activities: {
      total: acts.length,
      done: acts.filter((a) => a.status === 'done').length,
      overdue: acts.filter(isOverdue).length,
      byDocument,
    },
    indicators,
    ...(input.survey ? { survey: input.survey } : {}),
    broadcasts,
    totals: {
      held: groups.reduce((s, g) => s + g.held, 0),
      expected: groups.reduce((s, g) => s + (g.expected ?? 0), 0),
      refusals: months.reduce((s, m) => s + m.refusals, 0),
      decisions: groups.reduce((s, g) => s + g.decisions, 0),
      actionsOverdue: groups.reduce((s, g) => s + g.actions.overdue, 0),
    },
  };
}
