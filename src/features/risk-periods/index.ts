import { renderCard, type AdaptiveCardJson } from '../../cards/render';
import { userText } from '../../cards/user-text';
import { daysLeft } from '../../domain/consent/expiry';
import { addDays, findGroup, localDate, type RiskPeriod } from '../../domain/organisation';
import { MAX_ITEM_CHARS, propose, type Agenda } from '../../domain/agenda/agenda';
import { configuredText } from '../../domain/consent';
import type { Meeting } from '../../domain/meetings/meeting';
import type { Group } from '../../domain/organisation';
import { meetingInTime, plannedRiskPeriod, riskChecklistItems } from '../../domain/risk-periods/risk-periods';
import { ensureAgenda, proposalMeeting, type AgendaDeps } from '../agenda/group-meeting';
import { refreshAgendaCard, resyncAgendaStatus, setAgendaStatus } from '../agenda/posted-cards';
import { meetingWhen } from '../meetings/cards';
import { t, type Locale } from '../../i18n';
import type { JobContext } from '../../scheduler';
import type { Feature } from '../shared/feature';
import type { BotServices } from '../shared/services';

/**
 * Risk periods (issue 18 item 4): the organisation file's recurring periods
 * (Valborg, skolavslutning, lov) and the groups that plan for them; each
 * group's channel gets the `risk-period` card `daysBefore` days before, with
 * the checklist. A scheduler job per group and day; the post carries the
 * job's idempotency key, and a failed post is retried by the scheduler.
 */

export const RISK_PERIOD_KIND = 'reminders.risk-period';

export type RiskPeriodDeps = Pick<BotServices, 'organisation' | 'scheduler' | 'channel' | 'now' | 'logger'> & AgendaDeps;

interface RiskPayload {
  periodId: string;
  date: string;
  groupId: string;
}

const tenantOf = (deps: Pick<RiskPeriodDeps, 'organisation'>) => deps.organisation.tenantId ?? '';

/** Plans each period's next cards (idempotent: ids name the period, its day and the group). */
export async function scheduleRiskPeriods(
  deps: Pick<RiskPeriodDeps, 'organisation' | 'scheduler' | 'now'>,
  from?: string,
): Promise<number> {
  const org = deps.organisation;
  const now = deps.now();
  const today = from ?? localDate(now, org.timeZone);
  const requests = (org.riskPeriods ?? []).flatMap((p) =>
    plannedRiskPeriod(tenantOf(deps) || 'org', p, today, now, org.timeZone).map((r) => ({
      id: r.jobId,
      kind: RISK_PERIOD_KIND,
      dueAt: r.dueAt,
      payload: { periodId: p.id, date: r.date, groupId: r.groupId } satisfies RiskPayload,
    })),
  );
  return requests.length ? deps.scheduler.scheduleAll(requests) : 0;
}

/** Where the checklist went: the meeting whose agenda has it, or none in time (then the card asks for one). */
export type AgendaPlacement = { meeting: Pick<Meeting, 'start' | 'end' | 'timeZone' | 'durationMinutes'> } | { meeting?: undefined };

export function riskPeriodCard(
  locale: Locale,
  period: RiskPeriod,
  o: { date: string; today: string; groupName: string; agenda?: AgendaPlacement },
): AdaptiveCardJson {
  const name = userText(period.name);
  const days = daysLeft(o.today, o.date);
  return renderCard('risk-period', {
    headline: t(locale, 'riskPeriod.headline', { name, days, count: days }),
    subtitle: t(locale, 'riskPeriod.subtitle', { date: o.date, group: userText(o.groupName) }),
    intro: t(locale, period.checklist.length ? 'riskPeriod.intro' : 'riskPeriod.introNoChecklist', { name }),
    checklist: period.checklist.map((c) => `- ${userText(c)}`).join('\n'),
    agendaLine:
      !o.agenda || !period.checklist.length
        ? ''
        : o.agenda.meeting
          ? t(locale, 'riskPeriod.onAgenda', { when: meetingWhen(o.agenda.meeting, locale).when })
          : t(locale, 'riskPeriod.noMeeting', { date: o.date }),
    footer: t(locale, 'riskPeriod.footer'),
  });
}

/**
 * The checklist onto the agenda of the group's next meeting that has not
 * started, when it comes on or before the period's day: one item a line,
 * ids made of the period, its day and the line, so a retried job (or the
 * same list planned twice) adds each once. The posted agenda and meeting
 * cards follow.
 */
export async function placeOnAgenda(deps: RiskPeriodDeps, period: RiskPeriod, date: string, group: Group): Promise<AgendaPlacement> {
  if (!period.checklist.length) return {};
  const tenantId = tenantOf(deps);
  const m = await proposalMeeting(deps, tenantId, group.id);
  if (!m || !meetingInTime(localDate(new Date(m.start), m.timeZone), date)) return {};
  const agenda = await ensureAgenda(deps, m, group);
  const items = riskChecklistItems(period, date, MAX_ITEM_CHARS);
  let added = 0;
  const updated = await deps.agendas.update(m.tenantId, m.groupId, m.id, (cur) => {
    let next: Agenda = cur ?? agenda;
    added = 0;
    for (const item of items) {
      const outcome = propose(next, { id: item.id, kind: 'proposed', text: configuredText(item.text), proposer: period.name }, deps.now());
      if (outcome.ok && outcome.added) {
        next = outcome.agenda;
        added++;
      }
    }
    return added ? next : undefined;
  });
  deps.logger.info(
    { event: 'riskPeriodAgenda', periodId: period.id, groupId: group.id, meetingId: m.id, added },
    'risk period checklist on agenda',
  );
  await (added ? setAgendaStatus : resyncAgendaStatus)(deps, m, 'draft');
  await refreshAgendaCard(deps, m, updated ?? (await deps.agendas.get(m.tenantId, m.groupId, m.id)) ?? agenda);
  return { meeting: m };
}

/** One group's card; skipped when the period or group is gone from the file, or the group has no channel. Plans the following occurrence. */
export async function sendRiskPeriod(deps: RiskPeriodDeps, ctx: JobContext<RiskPayload>): Promise<void | 'skipped'> {
  const org = deps.organisation;
  const { periodId, date, groupId } = ctx.payload;
  const period = (org.riskPeriods ?? []).find((p) => p.id === periodId);
  const group = findGroup(org, groupId);
  if (!period || !group || !period.groups.includes(groupId)) return 'skipped';
  // The next year's (or date's) cards, planned before this one goes: a crash after the post loses nothing.
  await scheduleRiskPeriods({ ...deps, now: () => ctx.now }, addDays(date, 1));
  const today = localDate(ctx.now, org.timeZone);
  // The checklist on the next agenda first: it stands also where the group has no channel to post in.
  const agenda = await placeOnAgenda({ ...deps, now: () => ctx.now }, period, date, group);
  const posted = await deps.channel.post(
    tenantOf(deps),
    groupId,
    (locale) => riskPeriodCard(locale, period, { date, today, groupName: group.name, agenda }),
    ctx.idempotencyKey,
  );
  deps.logger.info({ event: 'riskPeriodCard', periodId, groupId, posted: !!posted }, 'risk period card');
  return posted ? undefined : 'skipped';
}

export const riskPeriodsFeature: Feature = {
  name: 'risk-periods',
  register(routes, services) {
    routes.job<RiskPayload>(RISK_PERIOD_KIND, (ctx) => sendRiskPeriod(services, ctx));
  },
  start: (services) => scheduleRiskPeriods(services).then(() => undefined),
};
