import { capabilitiesOf, type Capability, type Role } from '../../domain/access';
import type { BotServices } from '../shared/services';
import type { Turn } from '../shared/turn';
import type { HelpEntry } from './card';

/** What help reads: the organisation, for what the user may do. */
export type HelpDeps = Pick<BotServices, 'organisation'>;

const ENTRY_OF: Array<[Capability, HelpEntry]> = [
  ['help', 'help'],
  ['group.view', 'group'],
  ['group.link', 'groupLink'],
  ['meeting.schedule', 'schedule'],
  ['meeting.view', 'meetings'],
  ['agenda.propose', 'agenda'],
  ['minutes.write', 'minutes'],
  ['review.view', 'review'],
  ['consent.record', 'consent'],
  // SIPs are for the members of operative groups (and only there: see below).
  ['meeting.view', 'sip'],
  ['digest.view', 'digest'],
  ['report.view', 'report'],
  // Everyone may choose their language.
  ['help', 'language'],
  ['plan.view', 'plan'],
  ['indicator.record', 'indicator'],
  ['broadcast.send', 'broadcast'],
  // Anyone may read how to report a concern; the organisation's contacts are for its own tenant.
  ['help', 'concern'],
  ['group.view', 'contacts'],
];

/** The commands this user may use here: in a linked channel, within its group; elsewhere, anywhere they have the role. */
export async function helpEntriesFor(deps: HelpDeps, turn: Turn): Promise<HelpEntry[]> {
  const group = await turn.groupHere();
  const caps = new Set(capabilitiesOf(deps.organisation, turn.actor, group ? { groupId: group.id } : {}));
  const entries = ENTRY_OF.filter(([cap]) => caps.has(cap)).map(([, entry]) => entry);
  // Linking is for channels; consent and the digest are personal work.
  // A SIP names a case: only in an operative group's conversation, or in personal chat for a member of one.
  const sip = group
    ? group.level === 'operative'
    : turn.roles().some((r) => (r.kind === 'convener' || r.kind === 'member') && r.level === 'operative');
  return entries.filter((e) => (e === 'groupLink' ? turn.info.conversationKind !== 'personal' : e === 'sip' ? sip : true));
}

/** One role as the help card lists it, e.g. "Sammankallande i Styrgrupp". */
export function roleLine(turn: Pick<Turn, 't'>, role: Role): string {
  switch (role.kind) {
    case 'convener':
      return turn.t('roles.convener', { group: role.groupName });
    case 'member':
      return turn.t('roles.member', { group: role.groupName });
    case 'manager':
      return turn.t('roles.manager');
    case 'consentRecorder':
      return turn.t('roles.consent', { group: role.groupName });
  }
}

const ROLE_ORDER: Record<Role['kind'], number> = { manager: 0, convener: 1, member: 2, consentRecorder: 2 };

/** The user's roles in the organisation, one line each: what they answer for first (managing, convening), then membership. */
export function roleLinesFor(turn: Turn): string[] {
  return turn
    .roles()
    .map((r, i) => ({ r, i }))
    .sort((a, b) => ROLE_ORDER[a.r.kind] - ROLE_ORDER[b.r.kind] || a.i - b.i)
    .map(({ r }) => roleLine(turn, r));
}
