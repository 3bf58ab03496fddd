import type { Routes } from '../shared/feature';
import type { CheckedText } from '../../domain/consent';
import { errorCard, notAllowedCard } from '../../cards/common';
import type { AdaptiveCardJson } from '../../cards/render';
import { reviewListCard, reviewReminderCard } from './cards';
import { authorize } from '../../domain/access';
import { findGroup, isIsoDate, localDate, type GoverningDocument } from '../../domain/organisation';
import {
  byUrgency,
  nextOverdueReminder,
  plannedReviewReminders,
  reviewRow,
  type ReviewRow,
  type StoredReviews,
} from '../../domain/reviews/reviews';
import { t, type Locale } from '../../i18n';
import type { JobContext } from '../../scheduler';
import { actorOf } from '../shared/access';
import { gateText } from '../consent/gate';
import { inTenantOf } from '../shared/organisation';
import { messageKey } from '../shared/channel';
import type { BotServices } from '../shared/services';
import type { TurnInfo } from '../../bot/turn';

/**
 * Governing documents' reviews at the edge (SPEC section 8): the list for
 * conveners and managers, recording a review (which moves the next date on),
 * and the reminders — 60, 30 and 7 days before, weekly while overdue — as
 * scheduled jobs in the `reviews` family. Reviews are kept per organisation
 * (its tenant, or none when the file names none).
 */

export const REVIEW_KIND = 'reviews.reminder';

interface ReminderPayload {
  documentId: string;
  dueDate: string;
  step: string;
}

function orgTenant(services: BotServices): string {
  return services.organisation.tenantId ?? '';
}

function ownerName(services: BotServices, doc: GoverningDocument): string {
  return findGroup(services.organisation, doc.ownerGroup)?.name ?? doc.ownerGroup;
}

async function rowsFor(services: BotServices, docs: GoverningDocument[]): Promise<ReviewRow[]> {
  const stored = await services.reviews.all(orgTenant(services));
  const now = services.now();
  return docs.map((d) => reviewRow(d, stored.get(d.id), now, services.organisation.timeZone));
}

export async function reviewView(services: BotServices, info: TurnInfo, notice?: string): Promise<AdaptiveCardJson> {
  const org = services.organisation;
  const actor = actorOf(info);
  const docs = org.documents.filter((d) => authorize(org, actor, 'review.view', { documentId: d.id }).allowed);
  if (docs.length === 0) {
    const decision = authorize(org, actor, 'review.view', {});
    if (!decision.allowed) return notAllowedCard(info.locale, decision.reason, decision.whoMay);
  }
  const rows = (await rowsFor(services, docs)).sort(byUrgency);
  const today = localDate(services.now(), org.timeZone);
  return reviewListCard(
    info.locale,
    rows.map((r) => ({
      ...r,
      ownerName: ownerName(services, r.document),
      canComplete: authorize(org, actor, 'review.complete', { documentId: r.document.id }).allowed,
    })),
    today,
    notice,
  );
}

/** `review.complete`: records the review, moves the next date on and plans its reminders. */
export async function completeReview(
  services: BotServices,
  info: TurnInfo,
  data: { documentId: string; date: string; decisionRef?: string; fromReminder: boolean },
): Promise<AdaptiveCardJson> {
  const org = services.organisation;
  const doc = org.documents.find((d) => d.id === data.documentId);
  if (!doc || !inTenantOf(org, info.tenantId)) return errorCard(info.locale, 'error.badData', { problems: 'documentId' });
  const decision = authorize(org, actorOf(info), 'review.complete', { documentId: doc.id });
  if (!decision.allowed) return notAllowedCard(info.locale, decision.reason, decision.whoMay);
  const today = localDate(services.now(), org.timeZone);
  if (!isIsoDate(data.date)) {
    // The bad date is named back: it passes the gate first, as the decision reference does.
    const gate = await gateText(services, info, String(data.date));
    if (!gate.allowed) return gate.card;
    return reviewView(services, info, t(info.locale, 'documents.notices.badDate', { value: gate.text.slice(0, 20) }));
  }
  if (data.date > today) return reviewView(services, info, t(info.locale, 'documents.notices.future'));
  let decisionRef: CheckedText | undefined;
  if (data.decisionRef?.trim()) {
    const gate = await gateText(services, info, data.decisionRef);
    if (!gate.allowed) return gate.card;
    decisionRef = gate.text || undefined;
  }
  const stored = await services.reviews.add(orgTenant(services), doc.id, {
    date: data.date,
    decisionRef,
    recordedBy: info.aadObjectId ?? info.userId,
    recordedAt: services.now().toISOString(),
  });
  const row = reviewRow(doc, stored, services.now(), org.timeZone);
  await scheduleReviewReminders(services, [doc]);
  services.logger.info({ event: 'reviewRecorded', documentId: doc.id, nextDue: row.next.dueDate }, 'review recorded');
  const notice = row.next.dueDate
    ? t(info.locale, 'documents.notices.recorded', { title: doc.title, next: row.next.dueDate })
    : t(info.locale, 'documents.notices.recordedNoDate', { title: doc.title });
  if (data.fromReminder)
    return reviewReminderCard(info.locale, { ...row, ownerName: ownerName(services, doc) }, today, { notice, open: false });
  return reviewView(services, info, notice);
}

/** Plans the reminders of each document's next due date (idempotent: job ids name the document, the date and the step). */
export async function scheduleReviewReminders(
  services: BotServices,
  docs: GoverningDocument[] = services.organisation.documents,
): Promise<number> {
  const now = services.now();
  const rows = await rowsFor(services, docs);
  const requests = rows.flatMap((r) => {
    const due = r.next.dueDate;
    if (!due) return [];
    return plannedReviewReminders(orgTenant(services) || 'org', r.document.id, due, now, services.organisation.timeZone).map((p) => ({
      id: p.jobId,
      kind: REVIEW_KIND,
      dueAt: p.dueAt,
      payload: { documentId: r.document.id, dueDate: due, step: p.step } satisfies ReminderPayload,
    }));
  });
  if (requests.length) await services.scheduler.scheduleAll(requests);
  return requests.length;
}

async function sendReminder(services: BotServices, ctx: JobContext<ReminderPayload>): Promise<void | 'skipped'> {
  const org = services.organisation;
  const { documentId, dueDate, step } = ctx.payload;
  const doc = org.documents.find((d) => d.id === documentId);
  if (!doc) return 'skipped';
  const stored: StoredReviews | undefined = await services.reviews.get(orgTenant(services), doc.id);
  const row = reviewRow(doc, stored, ctx.now, org.timeZone);
  // Reviewed since, or the date moved on (a cycle that rolls over when never reviewed): this
  // reminder is for a date that no longer applies; plan the new date's reminders instead.
  if (row.next.dueDate !== dueDate) {
    await scheduleReviewReminders(services, [doc]);
    return 'skipped';
  }
  if (step.startsWith('overdue-')) {
    const next = nextOverdueReminder(orgTenant(services) || 'org', doc.id, dueDate, Number(step.slice(8)), org.timeZone);
    await services.scheduler.schedule({
      id: next.jobId,
      kind: REVIEW_KIND,
      dueAt: next.dueAt,
      payload: { documentId, dueDate, step: next.step },
    });
  }
  const group = findGroup(org, doc.ownerGroup);
  const today = localDate(ctx.now, org.timeZone);
  let sent = 0;
  for (const personId of group?.conveners ?? []) {
    const aad = org.people.find((p) => p.id === personId)?.aadObjectId;
    const conv = aad ? await services.proactive.personal(orgTenant(services), aad) : undefined;
    if (!conv) continue;
    await services.proactive.sendCard(
      conv.reference,
      reviewReminderCard(conv.locale as Locale, { ...row, ownerName: group?.name ?? doc.ownerGroup }, today),
      {
        idempotencyKey: messageKey(ctx.idempotencyKey, personId),
      },
    );
    sent += 1;
  }
  services.logger.info({ event: 'reviewReminder', documentId, step, sent }, 'review reminder');
  return sent ? undefined : 'skipped';
}

export function registerReviewJobs(routes: Routes, services: BotServices): void {
  routes.job<ReminderPayload>(REVIEW_KIND, (ctx) => sendReminder(services, ctx));
}
