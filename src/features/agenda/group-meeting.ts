import { newAgenda, type Agenda } from '../../domain/agenda/agenda';
import type { Meeting } from '../../domain/meetings/meeting';
import { findGroup, type Group } from '../../domain/organisation';
import type { GateDeps } from '../consent/gate';
import type { BotServices } from '../shared/services';

export { commandGroup } from '../shared/command-group';

/** What the agenda and minutes use cases read and write; the consent gate's own needs included. */
export type AgendaDeps = GateDeps &
  Pick<
    BotServices,
    'organisation' | 'meetings' | 'agendas' | 'minutes' | 'consents' | 'channel' | 'scheduler' | 'config' | 'now' | 'logger'
  >;

/** The group's next meeting that has not ended (not cancelled): the one an agenda is written for. */
export async function upcomingMeeting(
  deps: Pick<AgendaDeps, 'meetings' | 'now'>,
  tenantId: string,
  groupId: string,
): Promise<Meeting | undefined> {
  const now = deps.now();
  return (await deps.meetings.listGroup(tenantId, groupId, { from: now })).find(
    (m) => m.status === 'scheduled' && Date.parse(m.end) > now.getTime(),
  );
}

/** The latest meeting that has started (not cancelled): the one minutes are written for. */
export async function latestMeeting(
  deps: Pick<AgendaDeps, 'meetings' | 'now'>,
  tenantId: string,
  groupId: string,
): Promise<Meeting | undefined> {
  const now = deps.now();
  const list = await deps.meetings.listGroup(tenantId, groupId, { from: new Date(now.getTime() - 400 * 86_400_000), to: now });
  return list.filter((m) => m.status === 'scheduled' && Date.parse(m.start) <= now.getTime()).pop();
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
