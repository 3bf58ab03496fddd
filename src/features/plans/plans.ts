import { errorCard, notAllowedCard } from '../../cards/common';
import type { AdaptiveCardJson } from '../../cards/render';
import { authorize } from '../../domain/access';
import { isIsoDate, localDate } from '../../domain/organisation';
import {
  applyChange,
  isPlanDocument,
  newActivityId,
  ownerKind,
  parseStatus,
  planOf,
  plansOf,
  type ActivityChange,
} from '../../domain/plans/plans';
import type { PlanStore } from '../../storage/plans';
import { gateText, type GateDeps } from '../consent/gate';
import { inTenantOf } from '../shared/organisation';
import type { BotServices } from '../shared/services';
import type { Turn } from '../shared/turn';
import { actionPlanCard } from './cards';
import { schedulePlanReminders } from './reminders';

/**
 * Action plans as a user sees them (`plan`): the plans of the groups they
 * convene or oversee, with their activities; and `plan.update`, which adds,
 * changes and closes an activity, its text through the consent gate.
 */

export type PlansDeps = Pick<BotServices, 'organisation' | 'now' | 'logger'> & {
  plans: PlanStore;
  /** Plans the reminder of an activity given a date (none in use-case tests without a scheduler). */
  scheduler?: BotServices['scheduler'];
};

const tenantOf = (deps: Pick<PlansDeps, 'organisation'>) => deps.organisation.tenantId ?? '';

/** The plans this user answers for, as the `action-plan` card; `notice` heads it. */
export async function planView(deps: PlansDeps, turn: Turn, notice?: string): Promise<AdaptiveCardJson> {
  const org = deps.organisation;
  const docs = org.documents.filter((d) => isPlanDocument(d) && authorize(org, turn.actor, 'plan.view', { documentId: d.id }).allowed);
  if (docs.length === 0) {
    const decision = authorize(org, turn.actor, 'plan.view', {});
    if (!decision.allowed) return notAllowedCard(turn.locale, decision.reason, decision.whoMay);
  }
  const stored = docs.length ? await deps.plans.all(tenantOf(deps)) : [];
  const plans = plansOf({ documents: docs }, stored).map((p) => ({
    ...p,
    canEdit: authorize(org, turn.actor, 'plan.update', { documentId: p.document.id }).allowed,
  }));
  return actionPlanCard(turn.locale, org, plans, localDate(deps.now(), org.timeZone), notice);
}

export interface PlanUpdate {
  documentId: string;
  /** Empty: add a new activity. */
  activityId: string;
  status: string;
  due: string;
  owner: string;
  text: string;
}

/** `plan.update`: adds, changes or closes an activity; answers with the plan card, a problem named on it. */
export async function updatePlan(deps: PlansDeps & GateDeps, turn: Turn, u: PlanUpdate): Promise<AdaptiveCardJson> {
  const org = deps.organisation;
  const doc = org.documents.find((d) => d.id === u.documentId && isPlanDocument(d));
  if (!doc || !inTenantOf(org, turn.info.tenantId)) return errorCard(turn.locale, 'error.badData', { problems: 'documentId' });
  const decision = authorize(org, turn.actor, 'plan.update', { documentId: doc.id });
  if (!decision.allowed) return notAllowedCard(turn.locale, decision.reason, decision.whoMay);

  const change: ActivityChange = {};
  const status = u.status.trim();
  if (status) {
    const parsed = parseStatus(status);
    if (!parsed) return gatedNotice(deps, turn, 'plans.notices.badStatus', status);
    change.status = parsed;
  }
  const due = u.due.trim();
  if (due) {
    if (!isIsoDate(due)) return gatedNotice(deps, turn, 'plans.notices.badDue', due);
    change.due = due;
  }
  const owner = u.owner.trim();
  if (owner) {
    if (!ownerKind(org, owner)) return gatedNotice(deps, turn, 'plans.notices.badOwner', owner);
    change.owner = owner;
  }
  if (u.text.trim()) {
    const gate = await gateText(deps, turn, u.text);
    if (!gate.allowed) return gate.card;
    change.what = gate.text;
  }

  const tenant = tenantOf(deps);
  const plan = planOf(doc, await deps.plans.forDocument(tenant, doc.id));
  const adding = !u.activityId.trim();
  if (adding && !change.what) return planView(deps, turn, turn.t('plans.notices.noText'));
  const activityId = adding ? newActivityId(doc.id, change.what!) : u.activityId.trim();
  const current = plan.activities.find((a) => a.id === activityId);
  if (!adding && !current) return planView(deps, turn, turn.t('plans.notices.unknownActivity'));
  const result = applyChange(doc.id, activityId, current, change, doc.ownerGroup);
  if (!result.ok) return planView(deps, turn, turn.t('plans.notices.noText'));
  await deps.plans.put(tenant, {
    ...result.activity,
    updatedAt: deps.now().toISOString(),
    updatedBy: turn.info.aadObjectId ?? turn.info.userId,
  });
  // Its owner is reminded on the due date (a resent change plans nothing twice; a moved date's old reminder skips itself).
  if (deps.scheduler && result.activity.due)
    await schedulePlanReminders({ ...deps, scheduler: deps.scheduler }, [
      { documentId: doc.id, id: activityId, due: result.activity.due, status: result.activity.status },
    ]);
  deps.logger.info(
    {
      event: adding && !current ? 'planActivityAdded' : 'planActivityUpdated',
      documentId: doc.id,
      activityId,
      status: result.activity.status,
    },
    'plan activity',
  );
  const notice =
    adding && !current
      ? turn.t('plans.notices.added', { title: doc.title })
      : change.status === 'done' && Object.keys(change).length === 1
        ? turn.t('plans.notices.closed')
        : turn.t('plans.notices.updated');
  return planView(deps, turn, notice);
}

/** A bad value named back on the card: it passes the gate first, as every text the bot shows does. */
async function gatedNotice(deps: PlansDeps & GateDeps, turn: Turn, key: string, value: string): Promise<AdaptiveCardJson> {
  const gate = await gateText(deps, turn, value.slice(0, 40));
  if (!gate.allowed) return gate.card;
  return planView(deps, turn, turn.t(key, { value: gate.text }));
}
