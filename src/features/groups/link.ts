import { errorCard, notAllowedCard } from '../../cards/common';
import type { AdaptiveCardJson } from '../../cards/render';
import { authorize } from '../../domain/access';
import type { Group } from '../../domain/organisation';
import { heldThisYear } from '../meetings/meetings';
import { linkKeyOf, type Turn } from '../shared/turn';
import { groupCard } from './card';
import { findGroupByText } from './find';
import { groupDetails, linkChooser, type GroupsDeps } from './view';

/**
 * `grupp koppla <what>`: links the group named by its id or its name; a
 * close match is asked about ("Menade du …?", one button links it); nothing
 * named shows the link form.
 */
export async function linkByText(deps: GroupsDeps, turn: Turn, written: string | undefined): Promise<AdaptiveCardJson> {
  if (!linkKeyOf(turn.info)) return errorCard(turn.locale, 'group.onlyInChannel');
  if (!written) return linkChooser(deps, turn);
  const groups = deps.organisation.groups;
  const match = findGroupByText(groups, written);
  if (match.kind === 'exact') return linkConversation(deps, turn, match.group.id);
  if (match.kind === 'close')
    return groupCard(turn.locale, {
      title: turn.t('group.suggestionTitle', { group: match.group.name }),
      notice: turn.t('group.suggestionText', { groups: groups.map((g) => g.name).join(', ') }),
      facts: [],
      suggestion: { title: match.group.name, value: match.group.id },
    });
  // What was written is named back only when it reads as an id; a longer text could be anything.
  return /^[a-z0-9][a-z0-9-_]{0,63}$/.test(written)
    ? errorCard(turn.locale, 'group.unknownGroup', { groupId: written, groups: groups.map((g) => g.id).join(', ') })
    : errorCard(turn.locale, 'group.unknownGroupText', { groups: groups.map((g) => `${g.name} (${g.id})`).join(', ') });
}

/**
 * Links this channel or group chat to a group (conveners of that group
 * only) and answers with the group in detail, or with why not.
 */
export async function linkConversation(deps: GroupsDeps, turn: Turn, groupId: string): Promise<AdaptiveCardJson> {
  const { info } = turn;
  const key = linkKeyOf(info);
  if (!key) return errorCard(turn.locale, 'group.onlyInChannel');
  const org = deps.organisation;
  const group = org.groups.find((g) => g.id === groupId);
  if (!group) return errorCard(turn.locale, 'group.unknownGroup', { groupId, groups: org.groups.map((g) => g.id).join(', ') });
  const decision = authorize(org, turn.actor, 'group.link', { groupId });
  if (!decision.allowed) return notAllowedCard(turn.locale, decision.reason, decision.whoMay);
  const details = async (notice: string) =>
    groupDetails(deps, turn.locale, group, await heldThisYear(deps, info.tenantId, group.id), { notice });
  const previous = await deps.channelLinks.get(info.tenantId, key);
  // Teams resending the activity that made this link: answered as the first time, nothing rewritten.
  if (info.activityId && previous?.activityId === info.activityId && previous.groupId === groupId)
    return details(turn.t('group.linked', { group: group.name }));
  await deps.channelLinks.link({
    tenantId: info.tenantId,
    conversationId: key,
    groupId,
    teamId: info.teamId,
    linkedBy: info.aadObjectId ?? info.userId,
    linkedAt: deps.now().toISOString(),
    activityId: info.activityId,
  });
  deps.logger.info({ event: 'channelLinked', groupId, conversationKind: info.conversationKind }, 'conversation linked to a group');
  return details(linkedNotice(turn, org.groups, group, previous?.groupId));
}

/** What the answer says of the link: made, made again, or moved from another group. */
function linkedNotice(turn: Turn, groups: Group[], group: Group, previousId: string | undefined): string {
  if (previousId === group.id) return turn.t('group.alreadyLinked', { group: group.name });
  if (previousId === undefined) return turn.t('group.linked', { group: group.name });
  const previous = groups.find((g) => g.id === previousId)?.name ?? previousId;
  return turn.t('group.relinked', { group: group.name, previous });
}
