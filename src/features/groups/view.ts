import type { AdaptiveCardJson } from '../../cards/render';
import { authorize, groupsWhere } from '../../domain/access';
import { cadenceStatus, describeCadence, displayNameOf, findPerson, membersOf, type Group } from '../../domain/organisation';
import { t, type Locale } from '../../i18n';
import { heldThisYear } from '../meetings/meetings';
import type { BotServices } from '../shared/services';
import type { Turn } from '../shared/turn';
import { groupCard } from './card';

/** What the group card reads: the organisation, the channel links, the gate's counts and the meetings held this year. */
export type GroupsDeps = Pick<BotServices, 'organisation' | 'channelLinks' | 'audit' | 'now' | 'logger'> &
  Parameters<typeof heldThisYear>[0];

/** How the consent gate has worked in a group (counts only), shown to its conveners. */
interface GateCounts {
  refused: number;
  allowed: number;
}

/**
 * The group card's content, shared by `grupp`, `grupp koppla` and the
 * `group.link` action: a linked group in detail; an unlinked channel with,
 * for conveners, a chooser to link it; in personal chat, the user's groups.
 */
export async function groupView(deps: GroupsDeps, turn: Turn, notice?: string): Promise<AdaptiveCardJson> {
  const group = await turn.groupHere();
  if (group) {
    const convener = authorize(deps.organisation, turn.actor, 'group.link', { groupId: group.id }).allowed;
    const now = deps.now();
    const counts = convener
      ? await deps.audit.countsFor(turn.info.tenantId, group.id, new Date(now.getTime() - 30 * 86_400_000), now)
      : undefined;
    const gate = counts ? { refused: counts.refusal, allowed: counts.allowedUnderConsent } : undefined;
    return groupDetails(deps, turn.locale, group, await heldThisYear(deps, turn.info.tenantId, group.id), { notice, gate });
  }
  if (turn.info.conversationKind === 'personal') return yourGroups(turn, notice);
  return linkChooser(deps, turn, notice);
}

/** How many groups the link chooser offers; a convener of more links the others by name (`grupp koppla <namn>`). */
export const LINK_CHOICES_SHOWN = 50;
/** How many of the user's groups the personal group card lists. */
export const YOUR_GROUPS_SHOWN = 30;

/**
 * The link form: the groups the user may link this conversation to, with a
 * placeholder; when there are none, why (they convene no group) and who can.
 */
export async function linkChooser(deps: GroupsDeps, turn: Turn, notice?: string): Promise<AdaptiveCardJson> {
  const all = groupsWhere(deps.organisation, turn.actor, 'group.link');
  const choices = all.slice(0, LINK_CHOICES_SHOWN).map((g) => ({
    title: `${g.name} (${turn.t(`levels.${g.level}`)})`,
    value: g.id,
  }));
  const here = await turn.groupHere();
  const base = here ? turn.t('group.relinkText', { group: here.name }) : turn.t('group.notLinkedText');
  const text = all.length > choices.length ? `${base} ${turn.t('group.moreChoices', { count: all.length - choices.length })}` : base;
  return groupCard(turn.locale, {
    title: here ? turn.t('group.linkPrompt') : turn.t('group.notLinkedTitle'),
    notice: notice ?? (choices.length ? text : `${text} ${turn.t('group.notLinkedNoRight')}`),
    facts: [],
    linkChoices: choices,
  });
}

/** In personal chat: the groups the user convenes or takes part in. */
function yourGroups(turn: Turn, notice: string | undefined): AdaptiveCardJson {
  const all = turn.roles().flatMap((r) =>
    r.kind === 'convener' || r.kind === 'member'
      ? [
          {
            convener: r.kind === 'convener',
            fact: {
              title: r.groupName,
              value: `${turn.t(`levels.${r.level}`)} · ${turn.t(r.kind === 'convener' ? 'group.roleConvener' : 'group.roleMember')}`,
            },
          },
        ]
      : [],
  );
  // Convened groups first: they are the ones the user answers for.
  const facts = all
    .sort((a, b) => Number(b.convener) - Number(a.convener))
    .slice(0, YOUR_GROUPS_SHOWN)
    .map((f) => f.fact);
  const more = all.length - facts.length;
  const text = facts.length ? turn.t('group.yourGroupsText') : turn.t('group.noGroups');
  return groupCard(turn.locale, {
    title: turn.t('group.yourGroupsTitle'),
    notice: notice ?? (more > 0 ? `${text} ${turn.t('group.moreGroups', { count: more })}` : text),
    facts,
  });
}

/** One group in detail: who convenes and takes part, its cadence and how this year's meetings keep it. */
export function groupDetails(
  deps: Pick<GroupsDeps, 'organisation' | 'now'>,
  locale: Locale,
  group: Group,
  heldDates: string[],
  o: { notice?: string; gate?: GateCounts } = {},
): AdaptiveCardJson {
  const org = deps.organisation;
  const people = (ids: string[]) =>
    [...new Set(ids)].map((id) => {
      const p = findPerson(org, id);
      return p ? `${p.displayName} (${p.role})` : displayNameOf(org, id);
    });
  // Everyone by name, once: the conveners under their own heading, the others as members.
  const others = membersOf(group).filter((id) => !group.conveners.includes(id));
  const agencies = group.agencies.map((id) => org.agencies.find((a) => a.id === id)?.name ?? id);
  const status = cadenceStatus(group.cadence, heldDates, deps.now(), org.timeZone);
  const expected = Math.ceil(status.expectedSoFar);
  const facts = [
    { title: t(locale, 'group.facts.level'), value: t(locale, `levels.${group.level}`) },
    { title: t(locale, 'group.facts.conveners'), value: people(group.conveners).join(', ') || '–' },
    {
      title: t(locale, 'group.facts.members'),
      value: people(others).join(', ') || '–',
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
    ...(o.gate ? [{ title: t(locale, 'group.facts.gate'), value: t(locale, 'group.gateCounts', { ...o.gate }) }] : []),
  ];
  // The cadence is a fact above; the status line says only how the plan is kept, when there is one.
  const statusLine =
    group.cadence.kind === 'asNeeded'
      ? undefined
      : status.onTrack
        ? { text: `${t(locale, 'group.onTrack')} ${t(locale, 'group.heldNote')}`, good: true }
        : { text: `${t(locale, 'group.behind', { held: status.held, expected })} ${t(locale, 'group.heldNote')}`, good: false };
  return groupCard(locale, {
    title: group.name,
    subtitle: group.description,
    notice: o.notice,
    facts,
    status: statusLine,
  });
}
