import { errorCard, notAllowedCard } from '../../cards/common';
import type { AdaptiveCardJson } from '../../cards/render';
import { authorize, groupsWhere } from '../../domain/access';
import { describeCadence, findGroup, type Group } from '../../domain/organisation';
import { publicUrl } from '../shared/urls';
import type { Turn } from '../shared/turn';
import { meetingListCard, type MeetingListGroup } from './cards';
import type { MeetingsDeps } from './meetings';

/**
 * The list of coming meetings (`möten`) and each group's calendar feed link,
 * which only its conveners see and may replace.
 */

type ViewDeps = Pick<MeetingsDeps, 'organisation' | 'meetings' | 'calendarFeeds' | 'config' | 'now' | 'logger'>;

async function listGroupView(deps: ViewDeps, turn: Turn, group: Group): Promise<MeetingListGroup> {
  const now = deps.now();
  const tenantId = turn.info.tenantId;
  const meetings = (await deps.meetings.listGroup(tenantId, group.id, { from: now })).filter((m) => m.status === 'scheduled').slice(0, 8);
  const convener = authorize(deps.organisation, turn.actor, 'meeting.schedule', { groupId: group.id }).allowed;
  const feed = convener ? await deps.calendarFeeds.ensure(tenantId, group.id, now) : undefined;
  return {
    groupId: group.id,
    name: group.name,
    cadence: describeCadence(group.cadence, turn.locale),
    meetings,
    feedUrl: feed ? publicUrl(deps.config, `/calendar/${feed.token}.ics`) : undefined,
  };
}

/** `möten`: the linked group's coming meetings, or in personal chat those of every group the user is in. */
export async function meetingsView(deps: ViewDeps, turn: Turn): Promise<AdaptiveCardJson> {
  const org = deps.organisation;
  const here = await turn.groupHere();
  if (here) {
    const decision = authorize(org, turn.actor, 'meeting.view', { groupId: here.id });
    if (!decision.allowed) return notAllowedCard(turn.locale, decision.reason, decision.whoMay);
    return meetingListCard(turn.locale, [await listGroupView(deps, turn, here)]);
  }
  const mine = groupsWhere(org, turn.actor, 'meeting.view');
  if (mine.length === 0) {
    const decision = authorize(org, turn.actor, 'meeting.view', {});
    return notAllowedCard(turn.locale, decision.allowed ? 'notMember' : decision.reason, decision.allowed ? [] : decision.whoMay);
  }
  return meetingListCard(turn.locale, await Promise.all(mine.map((g) => listGroupView(deps, turn, g))));
}

/** A new calendar link for the group; the old one stops working. Conveners only. */
export async function rotateFeed(deps: ViewDeps, turn: Turn, groupId: string): Promise<AdaptiveCardJson> {
  const group = findGroup(deps.organisation, groupId);
  if (!group) return errorCard(turn.locale, 'meetings.quick.noGroup');
  const decision = authorize(deps.organisation, turn.actor, 'meeting.schedule', { groupId });
  if (!decision.allowed) return notAllowedCard(turn.locale, decision.reason, decision.whoMay);
  await deps.calendarFeeds.rotate(turn.info.tenantId, groupId, deps.now());
  deps.logger.info({ event: 'calendarFeedRotated', groupId }, 'calendar link rotated');
  return meetingListCard(turn.locale, [await listGroupView(deps, turn, group)], turn.t('meetings.list.rotated'));
}
