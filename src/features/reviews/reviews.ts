import { errorCard, notAllowedCard } from '../../cards/common';
import type { AdaptiveCardJson } from '../../cards/render';
import type { CheckedText } from '../../domain/consent';
import { authorize } from '../../domain/access';
import { isIsoDate, localDate } from '../../domain/organisation';
import { byUrgency, reviewRow } from '../../domain/reviews/reviews';
import { gateText, type GateDeps } from '../consent/gate';
import { inTenantOf } from '../shared/organisation';
import type { FiguresDeps } from '../shared/services';
import type { Turn } from '../shared/turn';
import { reviewListCard, reviewReminderCard } from './cards';
import { scheduleReviewReminders } from './jobs';
import { orgTenant, ownerName, rowsFor, type ReviewsDeps } from './rows';

/**
 * The governing documents' reviews as a user sees them: the list for
 * conveners of the owning groups and for managers, and recording a review,
 * which moves the next due date on and plans its reminders.
 */

/** The documents this user may see, most urgent first; `notice` heads the list. */
export async function reviewView(
  deps: Pick<ReviewsDeps, 'organisation' | 'reviews' | 'now'>,
  turn: Turn,
  notice?: string,
): Promise<AdaptiveCardJson> {
  const org = deps.organisation;
  const docs = org.documents.filter((d) => authorize(org, turn.actor, 'review.view', { documentId: d.id }).allowed);
  if (docs.length === 0) {
    const decision = authorize(org, turn.actor, 'review.view', {});
    if (!decision.allowed) return notAllowedCard(turn.locale, decision.reason, decision.whoMay);
  }
  const rows = (await rowsFor(deps, docs)).sort(byUrgency);
  return reviewListCard(
    turn.locale,
    rows.map((r) => ({
      ...r,
      ownerName: ownerName(deps, r.document),
      canComplete: authorize(org, turn.actor, 'review.complete', { documentId: r.document.id }).allowed,
    })),
    localDate(deps.now(), org.timeZone),
    notice,
  );
}

export interface CompletedReview {
  documentId: string;
  date: string;
  decisionRef?: string;
  /** Sent from a reminder card: answered with that card, closed; otherwise with the list. */
  fromReminder: boolean;
}

/** `review.complete`: records the review, moves the next date on and plans its reminders; the texts it stores or names back pass the consent gate first. */
export async function completeReview(
  deps: ReviewsDeps & GateDeps & FiguresDeps,
  turn: Turn,
  data: CompletedReview,
): Promise<AdaptiveCardJson> {
  const org = deps.organisation;
  const doc = org.documents.find((d) => d.id === data.documentId);
  if (!doc || !inTenantOf(org, turn.info.tenantId)) return errorCard(turn.locale, 'error.badData', { problems: 'documentId' });
  const decision = authorize(org, turn.actor, 'review.complete', { documentId: doc.id });
  if (!decision.allowed) return notAllowedCard(turn.locale, decision.reason, decision.whoMay);
  const today = localDate(deps.now(), org.timeZone);
  if (!isIsoDate(data.date)) {
    // The bad date is named back: it passes the gate first, as the decision reference does.
    const gate = await gateText(deps, turn, String(data.date));
    if (!gate.allowed) return gate.card;
    return reviewView(deps, turn, turn.t('documents.notices.badDate', { value: gate.text.slice(0, 20) }));
  }
  if (data.date > today) return reviewView(deps, turn, turn.t('documents.notices.future'));
  let decisionRef: CheckedText | undefined;
  if (data.decisionRef?.trim()) {
    const gate = await gateText(deps, turn, data.decisionRef);
    if (!gate.allowed) return gate.card;
    decisionRef = gate.text || undefined;
  }
  const stored = await deps.reviews.add(orgTenant(deps), doc.id, {
    date: data.date,
    decisionRef,
    recordedBy: turn.info.aadObjectId ?? turn.info.userId,
    recordedAt: deps.now().toISOString(),
  });
  // The digest's figures keep the document's reviews under its owner group, in the same write path.
  await deps.figures?.record({ kind: 'review', tenantId: orgTenant(deps), groupId: doc.ownerGroup, stored });
  const row = reviewRow(doc, stored, deps.now(), org.timeZone);
  await scheduleReviewReminders(deps, [doc]);
  deps.logger.info({ event: 'reviewRecorded', documentId: doc.id, nextDue: row.next.dueDate }, 'review recorded');
  const notice = row.next.dueDate
    ? turn.t('documents.notices.recorded', { title: doc.title, next: row.next.dueDate })
    : turn.t('documents.notices.recordedNoDate', { title: doc.title });
  if (data.fromReminder)
    return reviewReminderCard(turn.locale, { ...row, ownerName: ownerName(deps, doc) }, today, { notice, open: false });
  return reviewView(deps, turn, notice);
}
