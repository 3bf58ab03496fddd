import { DateTime } from 'luxon';
import { findGroup } from '../../domain/organisation';
import { followUpReminderDay, type Sip } from '../../domain/sip/sip';
import { t } from '../../i18n';
import type { JobContext } from '../../scheduler';
import type { Routes } from '../shared/feature';
import { sipPlanCard } from './cards';
import { coordinatorOf, today, viewOf, type SipDeps } from './sip';

/**
 * The coordinator's reminder before a SIP's follow-up date (family
 * `reminders`, so `/api/jobs/run {"job":"reminders"}` runs it): a week
 * before, at 08:00 local time, in the coordinator's personal chat when the
 * plan names a member of the group, else the initiator's. The job id names
 * the SIP and the date, so saving the plan again plans nothing twice; a job
 * for a date the plan no longer has, or for a closed SIP, does nothing.
 */

export const SIP_FOLLOW_UP_KIND = 'reminders.sipFollowUp';

export interface FollowUpPayload {
  tenantId: string;
  groupId: string;
  sipId: string;
  followUpDate: string;
}

export async function scheduleFollowUpReminder(deps: Pick<SipDeps, 'scheduler' | 'organisation' | 'now'>, sip: Sip): Promise<void> {
  const date = sip.plan?.followUpDate;
  if (!date || sip.status === 'closed') return;
  const day = followUpReminderDay(date, today(deps));
  if (!day) return;
  const at = DateTime.fromISO(day, { zone: deps.organisation.timeZone }).set({ hour: 8 }).toJSDate();
  const now = deps.now();
  await deps.scheduler.schedule({
    id: `sipfu:${sip.id}:${date}`,
    kind: SIP_FOLLOW_UP_KIND,
    dueAt: at.getTime() > now.getTime() ? at : now,
    payload: { tenantId: sip.tenantId, groupId: sip.groupId, sipId: sip.id, followUpDate: date } satisfies FollowUpPayload,
  });
}

export async function sendFollowUpReminder(deps: SipDeps, ctx: JobContext<FollowUpPayload>): Promise<void | 'skipped'> {
  const p = ctx.payload;
  const group = findGroup(deps.organisation, p.groupId);
  const sip = group ? await deps.sips.get(p.tenantId, p.groupId, p.sipId) : undefined;
  if (!group || !sip || sip.status === 'closed' || sip.plan?.followUpDate !== p.followUpDate) return 'skipped';
  const view = await viewOf(deps, sip);
  const coordinator = coordinatorOf(deps, group, sip.plan.coordinator);
  const sent = await deps.channel.tellPerson(
    p.tenantId,
    coordinator ? { personId: coordinator } : { aadObjectId: sip.createdBy },
    (locale) =>
      sipPlanCard(locale, sip, view, { notice: t(locale, 'sip.notices.reminder', { caseRef: sip.caseRef, date: p.followUpDate }) }),
    ctx.idempotencyKey,
  );
  deps.logger.info(
    { event: 'sipFollowUpReminder', groupId: p.groupId, sipId: p.sipId, sent, toCoordinator: !!coordinator },
    'SIP reminder',
  );
  return sent ? undefined : 'skipped';
}

export function registerSipJobs(routes: Routes, deps: SipDeps): void {
  routes.job<FollowUpPayload>(SIP_FOLLOW_UP_KIND, (ctx) => sendFollowUpReminder(deps, ctx));
}
