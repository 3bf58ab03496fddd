import { errorCard, notAllowedCard } from '../../cards/common';
import type { AdaptiveCardJson } from '../../cards/render';
import { authorize } from '../../domain/access';
import { newAgenda, type Agenda } from '../../domain/agenda/agenda';
import type { Meeting } from '../../domain/meetings/meeting';
import { findGroup, type Group } from '../../domain/organisation';
import type { GateDeps } from '../consent/gate';
import { commandGroup } from '../shared/command-group';
import type { BotServices } from '../shared/services';
import type { Turn } from '../shared/turn';

/** What the agenda and minutes use cases read and write; the consent gate's own needs included. */
export type AgendaDeps = GateDeps &
  Pick<
    BotServices,
    'organisation' | 'meetings' | 'agendas' | 'minutes' | 'consents' | 'channel' | 'scheduler' | 'config' | 'now' | 'logger'
  >;

type MeetingFinder = (
  deps: Pick<AgendaDeps, 'meetings' | 'minutes' | 'now'>,
  tenantId: string,
  groupId: string,
) => Promise<Meeting | undefined>;

/** The group's next meeting that has not ended (not cancelled, not private): the one an agenda is written for. */
export const upcomingMeeting: MeetingFinder = async (deps, tenantId, groupId) => {
  const now = deps.now().getTime();
  const ahead = await deps.meetings.listGroup(tenantId, groupId, { from: new Date(now) });
  return ahead.find((m) => m.status === 'scheduled' && Date.parse(m.end) > now && !m.invitees?.length);
};

/**
 * The group's next meeting that has not started (not cancelled, not
 * private, its minutes not final): the one a proposal goes to. A meeting under way is not it:
 * its agenda is what is being discussed, and its minutes may be final.
 */
export const proposalMeeting: MeetingFinder = async (deps, tenantId, groupId) => {
  const now = deps.now().getTime();
  const ahead = await deps.meetings.listGroup(tenantId, groupId, { from: new Date(now) });
  for (const m of ahead) {
    // A private meeting (a SIP booked for its invited members only) is not where the group's items go.
    if (m.status !== 'scheduled' || Date.parse(m.start) <= now || m.invitees?.length) continue;
    if ((await deps.minutes.get(m.tenantId, m.groupId, m.id))?.status !== 'final') return m;
  }
  return undefined;
};

/** The latest meeting that has started, within a good year (not cancelled): the one minutes are written for. */
export const latestMeeting: MeetingFinder = async (deps, tenantId, groupId) => {
  const now = deps.now().getTime();
  const held = await deps.meetings.listGroup(tenantId, groupId, { from: new Date(now - 400 * 86_400_000), to: new Date(now) });
  return held.filter((m) => m.status === 'scheduled' && Date.parse(m.start) <= now).pop();
};

/**
 * The meeting a command is about: in the group of `commandGroup`, for a
 * user with `capability` there, the one `find` picks; else the card that
 * says why not (no group, not allowed, no meeting).
 */
export async function commandMeeting(
  deps: AgendaDeps,
  turn: Turn,
  capability: 'agenda.propose' | 'minutes.write',
  find: MeetingFinder,
): Promise<{ group: Group; meeting: Meeting } | { card: AdaptiveCardJson }> {
  const notices = capability === 'agenda.propose' ? 'agenda.notices' : 'minutes.notices';
  const group = await commandGroup(deps, turn, capability);
  if (!group) return { card: errorCard(turn.locale, `${notices}.noGroup`) };
  const decision = authorize(deps.organisation, turn.actor, capability, { groupId: group.id });
  if (!decision.allowed) return { card: notAllowedCard(turn.locale, decision.reason, decision.whoMay) };
  const meeting = await find(deps, turn.info.tenantId, group.id);
  return meeting ? { group, meeting } : { card: errorCard(turn.locale, `${notices}.noMeeting`) };
}

/** The agenda a meeting starts with: the group's standing items (its own template, or its level's). */
function templateAgenda(deps: Pick<AgendaDeps, 'now'>, m: Meeting, group: Group): Agenda {
  return newAgenda({
    tenantId: m.tenantId,
    groupId: m.groupId,
    meetingId: m.id,
    level: group.level,
    groupTemplate: group.agendaTemplate,
    now: deps.now(),
  });
}

/** The meeting's stored agenda, or the one it would start with (nothing is stored). */
export async function agendaOrTemplate(deps: Pick<AgendaDeps, 'agendas' | 'now'>, m: Meeting, group: Group): Promise<Agenda> {
  return (await deps.agendas.get(m.tenantId, m.groupId, m.id)) ?? templateAgenda(deps, m, group);
}

/** The meeting's agenda, stored from the template the first time it is asked for. */
export async function ensureAgenda(deps: Pick<AgendaDeps, 'agendas' | 'now'>, m: Meeting, group: Group): Promise<Agenda> {
  const existing = await deps.agendas.get(m.tenantId, m.groupId, m.id);
  if (existing) return existing;
  const created = await deps.agendas.update(m.tenantId, m.groupId, m.id, (cur) => (cur ? undefined : templateAgenda(deps, m, group)));
  return created!;
}

/** As `ensureAgenda`, for a meeting of a group the organisation (still) has. */
export async function ensureAgendaFor(deps: Pick<AgendaDeps, 'organisation' | 'agendas' | 'now'>, m: Meeting): Promise<Agenda | undefined> {
  const group = findGroup(deps.organisation, m.groupId);
  return group ? ensureAgenda(deps, m, group) : undefined;
}
