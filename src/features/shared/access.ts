import {
  authorize,
  capabilitiesOf,
  personOf,
  rolesOf,
  type Actor,
  type Authorization,
  type Capability,
  type Role,
} from '../../domain/access';
import { findGroup, inTenantOf, type Group, type Organisation } from './organisation';
import type { HelpEntry } from '../help/card';
import { t, type Locale } from '../../i18n';
import type { ConsentAccess, ConsentGroup } from '../consent/consent';
import type { BotServices } from './services';
import type { TurnInfo } from '../../bot/turn';

export function actorOf(info: TurnInfo): Actor {
  return { aadObjectId: info.aadObjectId, tenantId: info.tenantId };
}

/** The conversation id a channel link is kept under: the channel without a thread's message id. */
export function linkKeyOf(info: TurnInfo): string | undefined {
  if (info.conversationKind === 'channel') return info.channelId ?? info.conversationId.split(';')[0];
  if (info.conversationKind === 'groupChat') return info.conversationId;
  return undefined;
}

/** The group this conversation is linked to, if any (and only within the organisation's tenant). */
export async function linkedGroup(services: BotServices, info: TurnInfo): Promise<Group | undefined> {
  const key = linkKeyOf(info);
  if (!key || !inTenantOf(services.organisation, info.tenantId)) return undefined;
  const link = await services.channelLinks.get(info.tenantId, key);
  return link ? findGroup(services.organisation, link.groupId) : undefined;
}

export function authorizeHere(services: BotServices, info: TurnInfo, capability: Capability, groupId?: string): Authorization {
  return authorize(services.organisation, actorOf(info), capability, groupId ? { groupId } : {});
}

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
  ['digest.view', 'digest'],
];

/** The commands this user may use here: in a linked channel, within its group; elsewhere, anywhere they have the role. */
export async function helpEntriesFor(services: BotServices, info: TurnInfo): Promise<HelpEntry[]> {
  const group = await linkedGroup(services, info);
  const caps = new Set(capabilitiesOf(services.organisation, actorOf(info), group ? { groupId: group.id } : {}));
  const entries = ENTRY_OF.filter(([cap]) => caps.has(cap)).map(([, entry]) => entry);
  // Linking is for channels; consent and the digest are personal work.
  return entries.filter((e) => (e === 'groupLink' ? info.conversationKind !== 'personal' : true));
}

export function roleLine(locale: Locale, role: Role): string {
  switch (role.kind) {
    case 'convener':
      return t(locale, 'roles.convener', { group: role.groupName });
    case 'member':
      return t(locale, 'roles.member', { group: role.groupName });
    case 'manager':
      return t(locale, 'roles.manager');
    case 'consentRecorder':
      return t(locale, 'roles.consent', { group: role.groupName });
  }
}

export function roleLinesFor(services: BotServices, info: TurnInfo): string[] {
  return rolesOf(services.organisation, actorOf(info)).map((r) => roleLine(info.locale, r));
}

/** The consent feature's view of the organisation. */
export function organisationConsentAccess(org: Organisation): ConsentAccess {
  const aadOf = (personId: string) => org.people.find((p) => p.id === personId)?.aadObjectId;
  const groups: ConsentGroup[] = org.groups.map((g) => ({
    id: g.id,
    name: g.name,
    level: g.level,
    conveners: g.conveners.map(aadOf).filter((x): x is string => !!x),
  }));
  const officialNames = org.people.map((p) => p.displayName);
  const organisationDomains = [
    ...new Set([...(org.mailDomains ?? []), ...org.people.flatMap((p) => (p.upn?.includes('@') ? [p.upn.split('@')[1]!] : []))]),
  ];
  // One object for the organisation's life: the detector keeps what it derives from it (normalised names) by its identity.
  const detectOptions = { officialNames, organisationDomains };
  return {
    groups: (tenantId) => (inTenantOf(org, tenantId) ? groups : []),
    authorize(actor, capability, groupId) {
      const a = authorize(org, { aadObjectId: actor.aadObjectId, tenantId: actor.tenantId }, capability, { groupId });
      return a.allowed ? { allowed: true } : { allowed: false, reason: a.reason, whoMay: a.whoMay };
    },
    displayName: (aadObjectId) => personOf(org, { aadObjectId })?.displayName,
    detectOptions: () => detectOptions,
  };
}
