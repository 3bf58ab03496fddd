import type { GoverningDocument } from '../../domain/organisation';
import { localDate } from '../../domain/organisation';
import { nextOverdueReminder, plannedReviewReminders, reviewRow } from '../../domain/reviews/reviews';
import type { JobContext } from '../../scheduler';
import type { Routes } from '../shared/feature';
import { reviewReminderCard } from './cards';
import { orgTenant, ownerName, rowsFor, type ReviewsDeps } from './rows';

/**
 * The reminders of each document's next review — 60, 30 and 7 days before,
 * then weekly while overdue — as scheduled jobs, sent to the conveners of
 * the group that owns the document.
 */

export const REVIEW_KIND = 'reviews.reminder';

interface ReminderPayload {
  documentId: string;
  dueDate: string;
  step: string;
}

/** Plans the reminders of each document's next due date (idempotent: job ids name the document, the date and the step). */
export async function scheduleReviewReminders(
  deps: Pick<ReviewsDeps, 'organisation' | 'reviews' | 'scheduler' | 'now'>,
  docs: GoverningDocument[] = deps.organisation.documents,
): Promise<number> {
  const now = deps.now();
  const rows = await rowsFor(deps, docs);
  const requests = rows.flatMap((r) => {
    const due = r.next.dueDate;
    if (!due) return [];
    return plannedReviewReminders(orgTenant(deps) || 'org', r.document.id, due, now, deps.organisation.timeZone).map((p) => ({
      id: p.jobId,
      kind: REVIEW_KIND,
      dueAt: p.dueAt,
      payload: { documentId: r.document.id, dueDate: due, step: p.step } satisfies ReminderPayload,
    }));
  });
  if (requests.length) await deps.scheduler.scheduleAll(requests);
  return requests.length;
}

/**
 * One reminder: to each convener of the owning group, in their personal chat
 * and language, keyed by the job so a retry sends nothing twice. An overdue
 * reminder plans the next week's first.
 */
export async function sendReviewReminder(deps: ReviewsDeps, ctx: JobContext<ReminderPayload>): Promise<void | 'skipped'> {
  const org = deps.organisation;
  const { documentId, dueDate, step } = ctx.payload;
  const doc = org.documents.find((d) => d.id === documentId);
  if (!doc) return 'skipped';
  const row = reviewRow(doc, await deps.reviews.get(orgTenant(deps), doc.id), ctx.now, org.timeZone);
  // Reviewed since, or the date moved on (a cycle that rolls over when never reviewed): this
  // reminder names a date that is not the document's next due date; plan that date's reminders instead.
  if (row.next.dueDate !== dueDate) {
    await scheduleReviewReminders(deps, [doc]);
    return 'skipped';
  }
  if (step.startsWith('overdue-')) {
    const next = nextOverdueReminder(orgTenant(deps) || 'org', doc.id, dueDate, Number(step.slice(8)), org.timeZone);
    await deps.scheduler.schedule({
      id: next.jobId,
      kind: REVIEW_KIND,
      dueAt: next.dueAt,
      payload: { documentId, dueDate, step: next.step },
    });
  }
  const today = localDate(ctx.now, org.timeZone);
  const owned = { ...row, ownerName: ownerName(deps, doc) };
  const sent = await deps.channel.tellConveners(
    orgTenant(deps),
    doc.ownerGroup,
    (locale) => reviewReminderCard(locale, owned, today),
    ctx.idempotencyKey,
  );
  deps.logger.info({ event: 'reviewReminder', documentId, step, sent }, 'review reminder');
  return sent ? undefined : 'skipped';
}

export function registerReviewJobs(routes: Routes, deps: ReviewsDeps): void {
  routes.job<ReminderPayload>(REVIEW_KIND, (ctx) => sendReviewReminder(deps, ctx));
}
