import { DateTime } from 'luxon';
import { errorCard, notAllowedCard } from '../../cards/common';
import { renderCard, type AdaptiveCardJson } from '../../cards/render';
import { authorize, groupsWhere } from '../../domain/access';
import { status as consentStatus, type CheckedText } from '../../domain/consent';
import { findGroup, membersOf, type Group } from '../../domain/organisation';
import { groupIdOfSip, type Sip } from '../../domain/sip/sip';
import { t, type Locale } from '../../i18n';
import type { SipRepository } from '../../storage/sips';
import type { GateDeps } from '../consent/gate';
import { today } from '../consent/consent';
import type { MeetingsDeps } from '../meetings/meetings';
import type { BotServices } from '../shared/services';
import type { Turn } from '../shared/turn';
import { publicUrl } from '../shared/urls';
import type { SipView } from './cards';

/**
 * What the SIP feature reads and writes: the SIPs, the consents, the consent
 * gate's needs and the meetings' (a SIP meeting is booked as one of the
 * operative group's meetings, with its card and reminders).
 */
export type SipDeps = GateDeps & MeetingsDeps & Pick<BotServices, 'consents'> & { sips: SipRepository };

/** The organisation file's link to the municipality's own SIP system (e.g. Prator), when it gives one. */
export function sipSystemUrl(deps: Pick<SipDeps, 'organisation'>): string | undefined {
  return deps.organisation.sipSystemUrl;
}

export { today };

/** The link to a SIP's printable plan. */
export function sipPrintUrl(deps: { config: MeetingsDeps['config'] }, token: string): string {
  return publicUrl(deps.config, `/sip/${token}.html`);
}

/** The names and times a SIP's cards show. */
export async function viewOf(deps: Pick<SipDeps, 'organisation' | 'meetings' | 'config'>, sip: Sip): Promise<SipView> {
  const org = deps.organisation;
  const meeting = sip.meetingId ? await deps.meetings.get(sip.tenantId, sip.groupId, sip.meetingId) : undefined;
  return {
    groupName: findGroup(org, sip.groupId)?.name ?? sip.groupId,
    agencyNames: sip.agencies.map((id) => org.agencies.find((a) => a.id === id)?.name ?? id),
    meetingWhen:
      meeting && meeting.status === 'scheduled'
        ? DateTime.fromISO(meeting.start, { zone: meeting.timeZone }).toFormat('yyyy-MM-dd HH:mm')
        : '',
    printUrl: sip.printToken ? sipPrintUrl(deps, sip.printToken) : undefined,
    systemUrl: sipSystemUrl(deps),
  };
}

/**
 * The operative groups this turn may work with SIPs in: in a linked
 * conversation, its group, if it is operative and the user a member (a case
 * reference never goes to a strategic or tactical group); in personal chat,
 * every operative group the user is a member of. Otherwise the card that
 * says why not.
 */
export async function sipGroups(
  deps: Pick<SipDeps, 'organisation'>,
  turn: Turn,
): Promise<{ groups: Group[] } | { card: AdaptiveCardJson }> {
  const org = deps.organisation;
  const here = await turn.groupHere();
  if (here) {
    if (here.level !== 'operative') return { card: notAllowedCard(turn.locale, 'notOperative') };
    const d = authorize(org, turn.actor, 'meeting.view', { groupId: here.id });
    return d.allowed ? { groups: [here] } : { card: notAllowedCard(turn.locale, d.reason, d.whoMay) };
  }
  if (turn.info.conversationKind !== 'personal') return { card: notPrivateHere(turn) };
  const mine = groupsWhere(org, turn.actor, 'meeting.view').filter((g) => g.level === 'operative');
  if (mine.length > 0) return { groups: mine };
  const operative = org.groups.filter((g) => g.level === 'operative');
  if (operative.length === 0) return { card: notAllowedCard(turn.locale, 'notOperative') };
  const who = [...new Set(operative.flatMap((g) => membersOf(g)))]
    .slice(0, 12)
    .map((id) => org.people.find((p) => p.id === id)?.displayName ?? id);
  return { card: notAllowedCard(turn.locale, 'notMember', who) };
}

/**
 * Outside the operative group's own conversation and the user's personal chat
 * with the bot: an unlinked group chat (Teams' private chat with several
 * people) may have members outside the operative group, so case references
 * are not shown there; the answer says where to go instead.
 */
function notPrivateHere(turn: Turn): AdaptiveCardJson {
  if (turn.info.conversationKind !== 'groupChat') return notAllowedCard(turn.locale, 'noGroup');
  return renderCard('not-allowed', { title: t(turn.locale, 'notAllowed.title'), reason: t(turn.locale, 'sip.notInGroupChat'), whoMay: '' });
}

/** The SIP an action names, when this user may work with it here; else the card that says why not. */
export async function sipFor(deps: SipDeps, turn: Turn, sipId: string): Promise<{ sip: Sip; group: Group } | { card: AdaptiveCardJson }> {
  const groupId = groupIdOfSip(sipId);
  const group = groupId ? findGroup(deps.organisation, groupId) : undefined;
  if (group?.level !== 'operative') return { card: errorCard(turn.locale, 'sip.problems.noSip') };
  const here = await turn.groupHere();
  if (here && here.id !== group.id) return { card: notAllowedCard(turn.locale, here.level === 'operative' ? 'notMember' : 'notOperative') };
  if (!here && turn.info.conversationKind !== 'personal') return { card: notPrivateHere(turn) };
  const d = authorize(deps.organisation, turn.actor, 'meeting.view', { groupId: group.id });
  if (!d.allowed) return { card: notAllowedCard(turn.locale, d.reason, d.whoMay) };
  const sip = await deps.sips.get(turn.info.tenantId, group.id, sipId);
  if (!sip) return { card: errorCard(turn.locale, 'sip.problems.noSip') };
  return { sip, group };
}

/** The turn as the gate sees it for a SIP's text: written in the SIP's own operative group, wherever the card was pressed. */
export function inGroup(turn: Turn, group: Group): Turn {
  return {
    info: turn.info,
    locale: turn.locale,
    actor: turn.actor,
    t: (key, params) => turn.t(key, params),
    groupHere: async () => group,
    roles: () => turn.roles(),
    send: (card) => turn.send(card),
  };
}

/** Whether the consent for a case is in force today (for the list's and the job's checks). */
export async function consentInForce(deps: Pick<SipDeps, 'consents' | 'now'>, tenantId: string, caseRef: string): Promise<boolean> {
  const c = await deps.consents.get(tenantId, caseRef);
  return !!c && consentStatus(c, today(deps)) === 'inForce';
}

/** The person who coordinates, when the plan names a member of the group (by display name or id): reminded in their own chat. */
export function coordinatorOf(deps: Pick<SipDeps, 'organisation'>, group: Group, coordinator: CheckedText | undefined): string | undefined {
  const text = (coordinator ?? '').toLocaleLowerCase('sv');
  if (!text) return undefined;
  for (const id of membersOf(group)) {
    const p = deps.organisation.people.find((x) => x.id === id);
    if (p && (text.includes(p.displayName.toLocaleLowerCase('sv')) || text.split(/[\s,]+/).includes(p.id))) return p.id;
  }
  return undefined;
}

export type { Locale };
