import { createHash } from 'node:crypto';
import { DateTime } from 'luxon';
import { localDate } from '../../domain/organisation';
import { isOpen, isPlanDocument, ownerKind, type PlanActivity, planOf } from '../../domain/plans/plans';
import { t, type Locale } from '../../i18n';
import type { JobContext } from '../../scheduler';
import { readPlans } from '../../storage/plans';
import type { BotServices } from '../shared/services';

/**
 * A plan activity's reminder on its due date (§11, issue 19: "Actions can be
 * owned by a group (a working group), whose conveners are reminded"): at
 * 09:00 local on the day, to the owner when a person (in their chat with the
 * bot), to the owning group's conveners when a group, else to the conveners
 * of the group whose plan it is. Planned for every open activity with a date
 * still to come when a process starts, and again when `plan.update` gives
 * one a date; a job whose activity has since been closed, cancelled or given
 * another date sends nothing.
 */

export const PLAN_ACTIVITY_KIND = 'reminders.plan-activity';

export interface PlanActivityPayload {
  documentId: string;
  activityId: string;
  due: string;
}

export type PlanReminderDeps = Pick<BotServices, 'organisation' | 'plans' | 'scheduler' | 'channel' | 'now'>;

const tenantOf = (deps: Pick<PlanReminderDeps, 'organisation'>) => deps.organisation.tenantId ?? '';

/** The job's id: from the tenant, plan, activity and date, so planning it again (every start) plans it once. */
function jobId(tenantId: string, a: PlanActivityPayload): string {
  const h = createHash('sha256').update(`${tenantId}\n${a.documentId}\n${a.activityId}\n${a.due}`, 'utf8').digest('base64url');
  return `plan-activity:${h.slice(0, 24)}`;
}

function request(deps: Pick<PlanReminderDeps, 'organisation'>, a: Pick<PlanActivity, 'documentId' | 'id' | 'due'>) {
  const payload: PlanActivityPayload = { documentId: a.documentId, activityId: a.id, due: a.due! };
  return {
    id: jobId(tenantOf(deps), payload),
    kind: PLAN_ACTIVITY_KIND,
    dueAt: DateTime.fromISO(`${a.due}T09:00`, { zone: deps.organisation.timeZone }).toJSDate(),
    payload,
  };
}

/** Plans the reminder of each given open activity whose date is still to come (all plans' when none are given); idempotent. */
export async function schedulePlanReminders(
  deps: Pick<PlanReminderDeps, 'organisation' | 'plans' | 'scheduler' | 'now'>,
  activities?: ReadonlyArray<Pick<PlanActivity, 'documentId' | 'id' | 'due' | 'status'>>,
): Promise<number> {
  const list = activities ?? (await readPlans(deps)).flatMap((p) => p.activities);
  const now = deps.now();
  const requests = list
    .filter((a) => isOpen(a) && !!a.due)
    .map((a) => request(deps, a))
    .filter((r) => r.dueAt > now);
  if (requests.length) await deps.scheduler.scheduleAll(requests);
  return requests.length;
}

/** The reminder: to whoever owns the activity as it stands now; skipped when it is closed or its date has moved. */
export async function sendPlanReminder(deps: PlanReminderDeps, ctx: JobContext<PlanActivityPayload>): Promise<void | 'skipped'> {
  const org = deps.organisation;
  const { documentId, activityId, due } = ctx.payload;
  const doc = org.documents.find((d) => d.id === documentId && isPlanDocument(d));
  if (!doc) return 'skipped';
  const tenantId = tenantOf(deps);
  const activity = planOf(doc, await deps.plans.forDocument(tenantId, doc.id)).activities.find((a) => a.id === activityId);
  if (!activity || !isOpen(activity) || activity.due !== due) return 'skipped';
  const text = (locale: Locale) =>
    t(locale, due < localDate(ctx.now, org.timeZone) ? 'plans.reminders.late' : 'plans.reminders.due', {
      what: activity.what,
      plan: doc.title,
      due,
    });
  const kind = ownerKind(org, activity.owner);
  if (kind === 'person' && (await deps.channel.tellPerson(tenantId, { personId: activity.owner }, text, ctx.idempotencyKey))) return;
  // A group (a working group) that owns it: its conveners; anyone else, or a person the bot cannot reach: the plan's group's.
  if (kind === 'group' && (await deps.channel.tellConveners(tenantId, activity.owner, text, ctx.idempotencyKey)) > 0) return;
  if (activity.owner === doc.ownerGroup && kind === 'group') return 'skipped';
  return (await deps.channel.tellConveners(tenantId, doc.ownerGroup, text, ctx.idempotencyKey)) > 0 ? undefined : 'skipped';
}
