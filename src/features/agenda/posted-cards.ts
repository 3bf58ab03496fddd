import type { AdaptiveCardJson } from '../../cards/render';
import type { Agenda } from '../../domain/agenda/agenda';
import type { Meeting } from '../../domain/meetings/meeting';
import { findGroup } from '../../domain/organisation';
import { DELIVERY_FAMILY, deliverDurably, type DeliveryAttempt } from '../../delivery/durable';
import type { Locale } from '../../i18n';
import { messageKey } from '../shared/channel';
import { refreshChannelCard } from '../meetings/channel-card';
import { agendaCard } from './cards';
import { raiseTargetsFor } from './finalize';
import type { AgendaDeps } from './group-meeting';
import { carriedTasks } from './tasks';
import { overduePlanActivities, type PlanStore } from '../../storage/plans';
import type { SurveyStore } from '../../storage/surveys';
import { latestSurveyResults } from '../survey/survey';

/**
 * The agenda card as its reader sees it, and the cards in the group's
 * channel that follow the agenda: the agenda card posted there (updated for
 * everyone on each proposal and on publishing) and the meeting card, whose
 * line shows the agenda's status. Updates are durable deliveries
 * (src/delivery/durable.ts): what changed is stored, the update is recorded
 * and tried at once, and a job delivers what could not go yet.
 */

async function caseValidity(deps: Pick<AgendaDeps, 'consents'>, tenantId: string, agenda: Agenda): Promise<Record<string, string>> {
  const refs = agenda.items.map((i) => i.caseRef).filter((r): r is string => !!r);
  if (!refs.length) return {};
  const consents = await deps.consents.getMany(tenantId, refs);
  return Object.fromEntries(consents.map((c) => [c.caseRef, c.validUntil]));
}

/** The agenda card in `locale`, with the group's open tasks and each case's consent validity. */
export async function agendaCardFor(
  deps: Pick<AgendaDeps, 'organisation' | 'minutes' | 'consents' | 'now'> & { plans?: PlanStore; surveys?: Pick<SurveyStore, 'tallies'> },
  m: Meeting,
  agenda: Agenda,
  locale: Locale,
  extra: { notice?: string; problem?: string } = {},
): Promise<AdaptiveCardJson> {
  const group = findGroup(deps.organisation, m.groupId);
  const [carried, validity, planOverdue, survey] = await Promise.all([
    carriedTasks(deps, m.tenantId, m.groupId, m.id),
    caseValidity(deps, m.tenantId, agenda),
    // A strategic group follows up its action plans: its first standing item says how many activities are overdue.
    group?.level === 'strategic' && deps.plans
      ? overduePlanActivities({ plans: deps.plans, organisation: deps.organisation, now: deps.now }, new Set([group.id])).then(
          (o) => o.count,
        )
      : undefined,
    // A tactical group follows up the collaboration itself: the latest yearly survey's results, where at least 5 answered.
    group?.level === 'tactical' ? latestSurveyResults(deps, group.id) : undefined,
  ]);
  return agendaCard(locale, m, agenda, {
    groupName: group?.name ?? m.groupId,
    level: group?.level ?? 'tactical',
    now: deps.now(),
    carried,
    caseValidUntil: validity,
    notice: extra.notice,
    problem: extra.problem,
    refreshUserIds: m.rsvpUserIds,
    planOverdue,
    survey,
    // A question from this meeting may be raised to another group from its agenda too (item.raise).
    raiseTargets: raiseTargetsFor(deps.organisation, m.groupId),
  });
}

/** The durable delivery that brings the agenda card posted in the channel up to date (src/delivery/durable.ts). */
export const AGENDA_CARD_KIND = `${DELIVERY_FAMILY}.agenda-card`;

/** Which agenda's card: ids only, the card is drawn from the agenda as stored when it goes. */
export interface AgendaCardPayload {
  tenantId: string;
  groupId: string;
  meetingId: string;
}

type AgendaCardDeps = Pick<AgendaDeps, 'organisation' | 'meetings' | 'agendas' | 'minutes' | 'consents' | 'channel' | 'now'>;

/**
 * Brings the agenda card posted in the channel up to date from the stored
 * agenda: updated for everyone, or posted afresh (and recorded) when it can
 * no longer be updated or an update still fails on the job's last attempt.
 * What failed is thrown, for the job to retry.
 */
export async function syncAgendaCard(
  deps: AgendaCardDeps,
  p: AgendaCardPayload,
  attempt: DeliveryAttempt = { last: false },
): Promise<void | 'skipped'> {
  const [m, agenda] = await Promise.all([
    deps.meetings.get(p.tenantId, p.groupId, p.meetingId),
    deps.agendas.get(p.tenantId, p.groupId, p.meetingId),
  ]);
  if (!m || !agenda?.card) return 'skipped';
  const compose = (locale: Locale) => agendaCardFor(deps, m, agenda, locale);
  let updated: boolean;
  try {
    updated = await deps.channel.update(m.tenantId, agenda.card, compose);
  } catch (err) {
    if (!attempt.last) throw err;
    updated = false;
  }
  if (updated) return;
  // Keyed by the card it replaces: posted once however often this runs.
  const posted = await deps.channel.post(
    m.tenantId,
    m.groupId,
    compose,
    `agenda-card:${m.tenantId}:${m.id}:again:${agenda.card.activityId}`,
  );
  if (!posted?.activityId) return 'skipped';
  const card = { conversationId: posted.conversationId, activityId: posted.activityId };
  await deps.agendas.update(m.tenantId, m.groupId, m.id, (cur) => (cur ? { ...cur, card } : undefined));
}

/**
 * Replaces the agenda card posted in the channel, if one was, with the agenda
 * as it stands: recorded with the agenda's version and tried at once; what
 * does not go now is delivered by a job, and the caller's action stands.
 */
export async function refreshAgendaCard(deps: AgendaDeps, m: Meeting, agenda: Agenda): Promise<void> {
  if (!agenda.card) return;
  const payload: AgendaCardPayload = { tenantId: m.tenantId, groupId: m.groupId, meetingId: m.id };
  const version = messageKey(
    m.tenantId,
    m.id,
    m.sequence,
    m.status,
    agenda.status,
    agenda.publishedAt ?? '',
    agenda.updatedAt,
    JSON.stringify(agenda.items),
    agenda.card.activityId,
  );
  await deliverDurably(deps, { kind: AGENDA_CARD_KIND, id: `${AGENDA_CARD_KIND}:${version}`, payload, repeat: true }, (attempt) =>
    syncAgendaCard(deps, payload, attempt),
  );
}

/** Whether the meeting's agenda status needs no change: it is `status`, or published (which a draft does not undo). */
function statusHolds(current: Meeting['agendaStatus'], status: Meeting['agendaStatus']): boolean {
  return current === status || (current === 'published' && status === 'draft');
}

/** The meeting's agenda status as the meeting card shows it; the card in the channel follows. */
export async function setAgendaStatus(deps: AgendaDeps, m: Meeting, status: Meeting['agendaStatus']): Promise<void> {
  if (statusHolds(m.agendaStatus, status)) return;
  const updated = await deps.meetings.update(m.tenantId, m.groupId, m.id, (cur) =>
    statusHolds(cur.agendaStatus, status) ? undefined : { ...cur, agendaStatus: status, updatedAt: deps.now().toISOString() },
  );
  if (updated) await refreshChannelCard(deps, updated);
}

/**
 * For a resent action: the status as `setAgendaStatus` sets it, and the
 * channel's meeting card brought up to date even when the status was right
 * already (the first attempt may have died between the two).
 */
export async function resyncAgendaStatus(deps: AgendaDeps, m: Meeting, status: Meeting['agendaStatus']): Promise<void> {
  const unchanged = statusHolds(m.agendaStatus, status);
  await setAgendaStatus(deps, m, status);
  if (unchanged) await refreshChannelCard(deps, m);
}
