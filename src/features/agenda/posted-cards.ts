import type { AdaptiveCardJson } from '../../cards/render';
import type { Agenda } from '../../domain/agenda/agenda';
import type { Meeting } from '../../domain/meetings/meeting';
import { findGroup } from '../../domain/organisation';
import type { Locale } from '../../i18n';
import { refreshChannelCard } from '../meetings/channel-card';
import { agendaCard } from './cards';
import type { AgendaDeps } from './group-meeting';
import { carriedTasks } from './tasks';

/**
 * The agenda card as its reader sees it, and the cards in the group's
 * channel that follow the agenda: the agenda card posted there (updated for
 * everyone on each proposal and on publishing) and the meeting card, whose
 * line shows the agenda's status. Updates go through services.channel,
 * which logs and swallows a failure: what changed is stored, and the cards
 * catch up on the next change or refresh.
 */

async function caseValidity(deps: Pick<AgendaDeps, 'consents'>, tenantId: string, agenda: Agenda): Promise<Record<string, string>> {
  const refs = agenda.items.map((i) => i.caseRef).filter((r): r is string => !!r);
  if (!refs.length) return {};
  const consents = await deps.consents.getMany(tenantId, refs);
  return Object.fromEntries(consents.map((c) => [c.caseRef, c.validUntil]));
}

/** The agenda card in `locale`, with the group's open tasks and each case's consent validity. */
export async function agendaCardFor(
  deps: Pick<AgendaDeps, 'organisation' | 'minutes' | 'consents' | 'now'>,
  m: Meeting,
  agenda: Agenda,
  locale: Locale,
  extra: { notice?: string; problem?: string } = {},
): Promise<AdaptiveCardJson> {
  const group = findGroup(deps.organisation, m.groupId);
  const [carried, validity] = await Promise.all([carriedTasks(deps, m.tenantId, m.groupId, m.id), caseValidity(deps, m.tenantId, agenda)]);
  return agendaCard(locale, m, agenda, {
    groupName: group?.name ?? m.groupId,
    level: group?.level ?? 'tactical',
    now: deps.now(),
    carried,
    caseValidUntil: validity,
    notice: extra.notice,
    problem: extra.problem,
    refreshUserIds: m.rsvpUserIds,
  });
}

/** Replaces the agenda card posted in the channel, if one was, with the agenda as it stands. */
export async function refreshAgendaCard(deps: AgendaDeps, m: Meeting, agenda: Agenda): Promise<void> {
  if (agenda.card) await deps.channel.update(m.tenantId, agenda.card, (locale) => agendaCardFor(deps, m, agenda, locale));
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
