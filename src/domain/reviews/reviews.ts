import { DateTime } from 'luxon';
import { completeReview, nextReview, type NextReview } from '../organisation/review-cycles';
import { addDays, daysBetween, localDate, type IsoDate } from '../organisation/dates';
import type { CheckedText } from '../consent/checked-text';
import type { GoverningDocument, Organisation, ReviewRecord } from '../organisation/model';

/**
 * Governing documents' reviews over time: the organisation file says how a
 * document was adopted and reviewed; reviews recorded in Teams
 * (`review.complete`) are kept in storage and laid over it. From the result
 * come the next due date, the status and the reminder plan: 60, 30 and 7
 * days before, then weekly while overdue.
 */

export const REMINDER_OFFSETS = [60, 30, 7] as const;
export const OVERDUE_EVERY_DAYS = 7;
export const REVIEW_REMINDER_HOUR = 9;

/** Reviews recorded in Teams for one document. */
export interface StoredReviews {
  documentId: string;
  /** The decision reference is a user's text, kept as the gate checked it. */
  reviews: Array<Omit<ReviewRecord, 'decisionRef'> & { decisionRef?: CheckedText; recordedBy?: string; recordedAt?: string }>;
}

/** The document as it stands: the file's version with the reviews recorded since. */
export function effectiveDocument(doc: GoverningDocument, stored?: StoredReviews): GoverningDocument {
  let out = doc;
  for (const r of [...(stored?.reviews ?? [])].sort((a, b) => a.date.localeCompare(b.date))) {
    // A fixed-validity document is renewed by its review: the new period runs as long as the old one did.
    const renewal =
      doc.reviewCycle.kind === 'fixedValidity' && out.validFrom && out.validUntil && r.date > (out.validFrom ?? '')
        ? { validFrom: r.date, validUntil: addDays(r.date, daysBetween(out.validFrom, out.validUntil)) }
        : undefined;
    out = completeReview(out, r.date, r.decisionRef, renewal);
  }
  return out;
}

export interface ReviewRow {
  document: GoverningDocument;
  next: NextReview;
  lastReviewed?: IsoDate;
}

export function reviewRow(doc: GoverningDocument, stored: StoredReviews | undefined, now: Date, tz: string): ReviewRow {
  const eff = effectiveDocument(doc, stored);
  const dates = [...(eff.reviews ?? []).map((r) => r.date), ...(eff.lastReviewed ? [eff.lastReviewed] : [])].sort();
  return { document: eff, next: nextReview(eff, now, tz), lastReviewed: dates.at(-1) };
}

/** Documents in the order a convener wants them: what is most urgent first. */
export function byUrgency(a: ReviewRow, b: ReviewRow): number {
  const rank = (r: ReviewRow) => ({ expired: 0, overdue: 1, dueSoon: 2, ok: 3, noDate: 4 })[r.next.status];
  return (
    rank(a) - rank(b) ||
    (a.next.dueDate ?? '9999').localeCompare(b.next.dueDate ?? '9999') ||
    a.document.title.localeCompare(b.document.title, 'sv')
  );
}

export interface PlannedReviewReminder {
  /** "60", "30", "7" days before, or "overdue-<n>" for the n-th week overdue. */
  step: string;
  dueAt: Date;
  jobId: string;
}

export function reviewJobId(tenantKey: string, documentId: string, dueDate: IsoDate, step: string): string {
  return `reviews.reminder:${tenantKey}:${documentId}:${dueDate}:${step}`;
}

/**
 * The reminders of one due date still ahead of `now` (09:00 local), and the
 * first `overdueWeeks` weekly reminders after it. A reminder day already
 * passed is dropped, except that the latest missed one before the due date
 * is sent at once, so a document added 20 days before its date still gets
 * its "30 days" warning today.
 */
export function plannedReviewReminders(
  tenantKey: string,
  documentId: string,
  dueDate: IsoDate,
  now: Date,
  tz: string,
  overdueWeeks = 4,
): PlannedReviewReminder[] {
  const at = (date: IsoDate) => DateTime.fromISO(date, { zone: tz }).set({ hour: REVIEW_REMINDER_HOUR }).toJSDate();
  const today = localDate(now, tz);
  const out: PlannedReviewReminder[] = [];
  let missed: PlannedReviewReminder | undefined;
  for (const days of REMINDER_OFFSETS) {
    const r = { step: String(days), dueAt: at(addDays(dueDate, -days)), jobId: reviewJobId(tenantKey, documentId, dueDate, String(days)) };
    if (r.dueAt.getTime() > now.getTime()) out.push(r);
    else if (today <= dueDate) missed = r;
  }
  if (missed) out.unshift({ ...missed, dueAt: now });
  // Weekly after the due date; when planning a date long past, from the coming week on.
  const firstWeek = Math.max(1, Math.ceil(daysBetween(dueDate, today) / OVERDUE_EVERY_DAYS));
  for (let week = firstWeek; week < firstWeek + overdueWeeks; week++) {
    const r = {
      step: `overdue-${week}`,
      dueAt: at(addDays(dueDate, week * OVERDUE_EVERY_DAYS)),
      jobId: reviewJobId(tenantKey, documentId, dueDate, `overdue-${week}`),
    };
    if (r.dueAt.getTime() > now.getTime()) out.push(r);
  }
  return out;
}

/** The next weekly overdue reminder after the n-th (each one schedules the next while the review is still not done). */
export function nextOverdueReminder(
  tenantKey: string,
  documentId: string,
  dueDate: IsoDate,
  week: number,
  tz: string,
): PlannedReviewReminder {
  const date = addDays(dueDate, (week + 1) * OVERDUE_EVERY_DAYS);
  return {
    step: `overdue-${week + 1}`,
    dueAt: DateTime.fromISO(date, { zone: tz }).set({ hour: REVIEW_REMINDER_HOUR }).toJSDate(),
    jobId: reviewJobId(tenantKey, documentId, dueDate, `overdue-${week + 1}`),
  };
}

/** The documents a user may see: those owned by groups they convene, and those of groups they oversee as a manager. */
export function documentsFor(org: Organisation, groupIds: Set<string>): GoverningDocument[] {
  return org.documents.filter((d) => groupIds.has(d.ownerGroup));
}
