import { groupCard } from './card';
import type { AdaptiveCardJson } from '../../cards/render';
import { authorize, groupsWhere, rolesOf } from '../../domain/access';
import { cadenceStatus, describeCadence, displayNameOf, findPerson, membersOf, type Group } from '../../domain/organisation';
import { t, type Locale } from '../../i18n';
import { actorOf, linkKeyOf, linkedGroup } from '../shared/access';
import { heldThisYear } from '../meetings/meetings';
import type { BotServices } from '../shared/services';
import type { TurnInfo } from '../../bot/turn';

/**
 * The group card's content, shared by `grupp`, `grupp koppla` and the
 * `group.link` action: a linked group in detail; an unlinked channel with,
 * for conveners, a chooser to link it; in personal chat, the user's groups.
 */
export async function groupView(services: BotServices, info: TurnInfo, notice?: string): Promise<AdaptiveCardJson> {
  const group = await linkedGroup(services, info);
  if (group) {
    const heldDates = await heldThisYear(services, info.tenantId, group.id);
    // Conveners see how the consent gate has worked in their group (counts only).
    const convener = authorize(services.organisation, actorOf(info), 'group.link', { groupId: group.id }).allowed;
    const now = services.now();
    const counts = convener
      ? await services.audit.countsFor(info.tenantId, group.id, new Date(now.getTime() - 30 * 86_400_000), now)
      : undefined;
    const gate = counts ? { refused: counts.refusal, allowed: counts.allowedUnderConsent } : undefined;
    return groupDetails(services, info.locale, group, heldDates, notice, gate);
  }
  const org = services.organisation;
  const locale = info.locale;
  if (info.conversationKind === 'personal') {
    const roles = rolesOf(org, actorOf(info));
    const facts = roles.flatMap((r) =>
      r.kind === 'convener' || r.kind === 'member'
        ? [
            {
              title: r.groupName,
              value: `${t(locale, `levels.${r.level}`)} · ${t(locale, r.kind === 'convener' ? 'group.roleConvener' : 'group.roleMember')}`,
            },
          ]
        : [],
    );
    return groupCard(locale, {
      title: t(locale, 'group.yourGroupsTitle'),
      notice: notice ?? (facts.length ? t(locale, 'group.yourGroupsText') : t(locale, 'group.noGroups')),
      facts,
    });
  }
  const choices = groupsWhere(org, actorOf(info), 'group.link').map((g) => ({
    title: `${g.name} (${t(locale, `levels.${g.level}`)})`,
    value: g.id,
  }));
  return groupCard(locale, {
    title: t(locale, 'group.notLinkedTitle'),
    notice:
      notice ??
      (choices.length ? t(locale, 'group.notLinkedText') : `${t(locale, 'group.notLinkedText')} ${t(locale, 'group.notLinkedNoRight')}`),
    facts: [],
    linkChoices: choices,
  });
}

export function groupDetails(
  services: BotServices,
  locale: Locale,
  group: Group,
  heldDates: string[],
  notice?: string,
  gate?: { refused: number; allowed: number },
): AdaptiveCardJson {
  const org = services.organisation;
  const people = (ids: string[]) =>
    ids.map((id) => {
      const p = findPerson(org, id);
      return p ? `${p.displayName} (${p.role})` : displayNameOf(org, id);
    });
  const members = membersOf(group);
  const roles = [...new Set(members.map((id) => findPerson(org, id)?.role).filter((r): r is string => !!r))];
  const agencies = group.agencies.map((id) => org.agencies.find((a) => a.id === id)?.name ?? id);
  const status = cadenceStatus(group.cadence, heldDates, services.now(), org.timeZone);
  const expected = Math.ceil(status.expectedSoFar);
  const facts = [
    { title: t(locale, 'group.facts.level'), value: t(locale, `levels.${group.level}`) },
    { title: t(locale, 'group.facts.conveners'), value: people(group.conveners).join(', ') || '–' },
    {
      title: t(locale, 'group.facts.members'),
      value: t(locale, 'group.membersSummary', { count: members.length, roles: roles.join(', ') || '–' }),
    },
    ...(agencies.length ? [{ title: t(locale, 'group.facts.agencies'), value: agencies.join(', ') }] : []),
    { title: t(locale, 'group.facts.cadence'), value: describeCadence(group.cadence, locale) },
    {
      title: t(locale, 'group.facts.thisYear'),
      value:
        status.expectedYear === null
          ? t(locale, 'group.thisYearNoPlan', { held: status.held })
          : t(locale, 'group.thisYear', { held: status.held, expected }),
    },
    ...(gate ? [{ title: t(locale, 'group.facts.gate'), value: t(locale, 'group.gateCounts', gate) }] : []),
  ];
  const statusLine =
    group.cadence.kind === 'asNeeded'
      ? { text: t(locale, 'group.asNeeded'), good: true }
      : status.onTrack
        ? { text: `${t(locale, 'group.onTrack')} ${t(locale, 'group.heldNote')}`, good: true }
        : { text: `${t(locale, 'group.behind', { held: status.held, expected })} ${t(locale, 'group.heldNote')}`, good: false };
  return groupCard(locale, {
    title: group.name,
    subtitle: group.description,
    notice,
    facts,
    status: statusLine,
  });
}

export type LinkOutcome =
  | { ok: true; card: AdaptiveCardJson }
  | { ok: false; kind: 'notAllowed'; reason: string; whoMay: string[] }
  | { ok: false; kind: 'error'; messageKey: string; params?: Record<string, string> };

/** Links this channel or group chat to a group: conveners of that group only. */
export async function linkConversation(services: BotServices, info: TurnInfo, groupId: string): Promise<LinkOutcome> {
  const key = linkKeyOf(info);
  if (!key) return { ok: false, kind: 'error', messageKey: 'group.onlyInChannel' };
  const org = services.organisation;
  const group = org.groups.find((g) => g.id === groupId);
  if (!group)
    return {
      ok: false,
      kind: 'error',
      messageKey: 'group.unknownGroup',
      params: { groupId, groups: org.groups.map((g) => g.id).join(', ') },
    };
  const decision = authorize(org, actorOf(info), 'group.link', { groupId });
  if (!decision.allowed) return { ok: false, kind: 'notAllowed', reason: decision.reason, whoMay: decision.whoMay };
  const previous = await services.channelLinks.get(info.tenantId, key);
  // Teams resending the activity that made this link: answered as the first time, nothing rewritten.
  const resent = !!info.activityId && previous?.activityId === info.activityId && previous.groupId === groupId;
  if (resent)
    return {
      ok: true,
      card: groupDetails(
        services,
        info.locale,
        group,
        await heldThisYear(services, info.tenantId, group.id),
        t(info.locale, 'group.linked', { group: group.name }),
      ),
    };
  await services.channelLinks.link({
    tenantId: info.tenantId,
    conversationId: key,
    groupId,
    teamId: info.teamId,
    linkedBy: info.aadObjectId ?? info.userId,
    linkedAt: services.now().toISOString(),
    activityId: info.activityId,
  });
  services.logger.info({ event: 'channelLinked', groupId, conversationKind: info.conversationKind }, 'conversation linked to a group');
  const previousName = previous ? (org.groups.find((g) => g.id === previous.groupId)?.name ?? previous.groupId) : undefined;
  const notice =
    previous?.groupId === groupId
      ? t(info.locale, 'group.alreadyLinked', { group: group.name })
      : previousName
        ? t(info.locale, 'group.relinked', { group: group.name, previous: previousName })
        : t(info.locale, 'group.linked', { group: group.name });
  return { ok: true, card: groupDetails(services, info.locale, group, await heldThisYear(services, info.tenantId, group.id), notice) };
}
