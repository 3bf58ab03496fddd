import { addDays, addMonths, clampedDate, day, daysBetween, isIsoDate, localDate, type IsoDate } from './dates';
import { currentTerm, nextTerm } from './elections';
import type { GoverningDocument, ReviewCycle } from './model';

export { electionDate, isElectionYear, currentTerm, nextTerm, termStart, type TermOfOffice } from './elections';
export {
  schoolYearOf,
  isSchoolBreak,
  isInSchoolYear,
  isSchoolDay,
  schoolBreakOf,
  type SchoolYear,
  type SchoolBreak,
  type SchoolCalendarOptions,
} from './school-calendar';

/** Reviews due within this many days are "due soon" (the first reminder goes out 60 days before). */
export const DUE_SOON_DAYS = 60;
export const DEFAULT_RENEW_BEFORE_DAYS = 180;
export const DEFAULT_MONTHS_INTO_TERM = 12;

export type ReviewStatus = 'ok' | 'dueSoon' | 'overdue' | 'expired' | 'noDate';

export interface NextReview {
  /** The date the next review must be done by; null when nothing is due (until further notice, not requested). */
  dueDate: IsoDate | null;
  status: ReviewStatus;
  /** Days from today (in the organisation's zone) to dueDate, negative when past; null without a date. */
  daysLeft: number | null;
}

type DocumentForReview = Pick<
  GoverningDocument,
  'reviewCycle' | 'lastReviewed' | 'decidedOn' | 'validFrom' | 'validUntil' | 'reviewRequested' | 'reviews'
>;

/**
 * The yearly deadline of a calendar-bound cycle. Each review (or the
 * adoption, when there is no review yet) fulfils the deadline nearest to it,
 * so a review a few weeks late still counts for the deadline it missed;
 * a review that lands nearest an already fulfilled deadline counts for the
 * next one if it falls within the year before that one.
 */
function nextYearlyDeadline(month: number, dayOfMonth: number | undefined, reviewDates: IsoDate[], today: IsoDate): IsoDate {
  const deadline = (year: number): IsoDate => clampedDate(year, month, dayOfMonth);
  if (reviewDates.length === 0) {
    const thisYear = deadline(day(today).year);
    return thisYear >= today ? thisYear : deadline(day(today).year + 1);
  }
  let fulfilled = -Infinity;
  for (const date of [...reviewDates].sort()) {
    const y = day(date).year;
    const candidates = [y - 1, y, y + 1];
    let nearest = candidates[0]!;
    for (const c of candidates) {
      if (Math.abs(daysBetween(date, deadline(c))) <= Math.abs(daysBetween(date, deadline(nearest)))) nearest = c;
    }
    if (nearest <= fulfilled) {
      const next = fulfilled + 1;
      if (date > addMonths(deadline(next), -12)) nearest = next;
    }
    fulfilled = Math.max(fulfilled, nearest);
  }
  return deadline(fulfilled + 1);
}

function reviewDatesOf(doc: DocumentForReview): IsoDate[] {
  const dates = [...(doc.reviews ?? []).map((r) => r.date), ...(doc.lastReviewed ? [doc.lastReviewed] : [])];
  if (dates.length > 0) return [...new Set(dates)];
  // Never reviewed: the adoption (or the start of validity) stands for the first review.
  const adopted = doc.decidedOn ?? doc.validFrom;
  return adopted ? [adopted] : [];
}

function cycleDueDate(cycle: ReviewCycle, doc: DocumentForReview, today: IsoDate): IsoDate | null {
  switch (cycle.kind) {
    case 'yearly':
      return nextYearlyDeadline(cycle.month, cycle.day, reviewDatesOf(doc), today);
    case 'schoolYear':
      return nextYearlyDeadline(cycle.month ?? 6, cycle.day ?? 30, reviewDatesOf(doc), today);
    case 'termOfOffice': {
      const offset = cycle.monthsIntoTerm ?? DEFAULT_MONTHS_INTO_TERM;
      const term = currentTerm(today);
      const latest = reviewDatesOf(doc).sort().at(-1);
      const reviewedThisTerm = latest !== undefined && latest >= term.start;
      return addMonths(reviewedThisTerm ? nextTerm(today).start : term.start, offset);
    }
    case 'fixedValidity':
      return doc.validUntil ? addDays(doc.validUntil, -(cycle.daysBefore ?? DEFAULT_RENEW_BEFORE_DAYS)) : null;
    case 'untilFurtherNotice': {
      const latest = reviewDatesOf(doc).sort().at(-1);
      return cycle.nudgeMonths && latest ? addMonths(latest, cycle.nudgeMonths) : null;
    }
  }
}

/** When the document must next be reviewed, and how that stands today in the zone. */
export function nextReview(document: DocumentForReview, now: Date, tz = 'Europe/Stockholm'): NextReview {
  const today = localDate(now, tz);
  let dueDate = cycleDueDate(document.reviewCycle, document, today);
  const requested = document.reviewRequested?.dueBy;
  if (requested && (dueDate === null || requested < dueDate)) dueDate = requested;
  if (dueDate === null) return { dueDate: null, status: 'noDate', daysLeft: null };
  const daysLeft = daysBetween(today, dueDate);
  let status: ReviewStatus = daysLeft < 0 ? 'overdue' : daysLeft <= DUE_SOON_DAYS ? 'dueSoon' : 'ok';
  if (document.reviewCycle.kind === 'fixedValidity' && document.validUntil && today > document.validUntil) status = 'expired';
  return { dueDate, status, daysLeft };
}

/**
 * Records a completed review (pure: returns a new document). The review is
 * added to `reviews`, `lastReviewed` becomes the latest review date and a
 * pending review request is cleared. A renewal (a new validity period, as
 * for an agreement with fixed validity) also replaces the decision and validity.
 */
export function completeReview<D extends GoverningDocument>(
  document: D,
  date: IsoDate,
  decisionRef?: string,
  renewal?: { validFrom?: IsoDate; validUntil?: IsoDate },
): D {
  if (!isIsoDate(date)) throw new RangeError(`bad review date "${date}" (expected YYYY-MM-DD)`);
  for (const d of [renewal?.validFrom, renewal?.validUntil])
    if (d !== undefined && !isIsoDate(d)) throw new RangeError(`bad date "${d}" (expected YYYY-MM-DD)`);
  const ref = decisionRef?.trim() || undefined;
  const record = ref ? { date, decisionRef: ref } : { date };
  const { reviewRequested: _cleared, ...rest } = document;
  const updated = {
    ...rest,
    lastReviewed: document.lastReviewed && document.lastReviewed > date ? document.lastReviewed : date,
    reviews: [...(document.reviews ?? []), record].sort((a, b) => a.date.localeCompare(b.date)),
  } as D;
  if (renewal) {
    if (renewal.validFrom) updated.validFrom = renewal.validFrom;
    if (renewal.validUntil) updated.validUntil = renewal.validUntil;
    updated.decidedOn = date;
    if (ref) updated.decisionRef = ref;
  }
  return updated;
}

const MONTHS_SV = [
  'januari',
  'februari',
  'mars',
  'april',
  'maj',
  'juni',
  'juli',
  'augusti',
  'september',
  'oktober',
  'november',
  'december',
];
const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** The review cycle in words, for cards. */
export function describeReviewCycle(cycle: ReviewCycle, locale: 'sv' | 'en'): string {
  const sv = locale === 'sv';
  const by = (month: number, d?: number) =>
    d
      ? sv
        ? `senast ${d} ${MONTHS_SV[month - 1]}`
        : `by ${d} ${MONTHS_EN[month - 1]}`
      : sv
        ? `i ${MONTHS_SV[month - 1]}`
        : `in ${MONTHS_EN[month - 1]}`;
  switch (cycle.kind) {
    case 'yearly':
      return sv ? `varje år, ${by(cycle.month, cycle.day)}` : `every year, ${by(cycle.month, cycle.day)}`;
    case 'schoolYear':
      return sv ? `varje läsår, ${by(cycle.month ?? 6, cycle.day ?? 30)}` : `every school year, ${by(cycle.month ?? 6, cycle.day ?? 30)}`;
    case 'termOfOffice': {
      const m = cycle.monthsIntoTerm ?? DEFAULT_MONTHS_INTO_TERM;
      return sv
        ? `en gång per mandatperiod, inom ${m} månader från periodens start`
        : `once per term of office, within ${m} months of its start`;
    }
    case 'fixedValidity': {
      const d = cycle.daysBefore ?? DEFAULT_RENEW_BEFORE_DAYS;
      return sv ? `förnyas senast ${d} dagar före giltighetstidens slut` : `renew at least ${d} days before validity ends`;
    }
    case 'untilFurtherNotice':
      if (cycle.nudgeMonths)
        return sv
          ? `tills vidare; ses över vid behov, påminnelse var ${cycle.nudgeMonths}:e månad`
          : `until further notice; reviewed when needed, reminder every ${cycle.nudgeMonths} months`;
      return sv ? 'tills vidare; ses över vid behov' : 'until further notice; reviewed when needed';
  }
}
