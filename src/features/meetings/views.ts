import { errorCard, notAllowedCard } from '../../cards/common';
import type { AdaptiveCardJson } from '../../cards/render';
import { fitList } from '../../cards/size';
import { authorize, groupsWhere, personOf } from '../../domain/access';
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
  // A meeting booked for its invited members only (a SIP) is listed to them alone, and never in a channel.
  const me = turn.info.conversationKind === 'personal' ? personOf(deps.organisation, turn.actor)?.id : undefined;
  const meetings = (await deps.meetings.listGroup(tenantId, group.id, { from: now }))
    .filter((m) => m.status === 'scheduled' && (!m.invitees?.length || (me !== undefined && m.invitees.includes(me))))
    .slice(0, 8);
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

/** How many groups one page of the personal list reads and shows at most: its cost, not the organisation's size. */
export const MEETING_LIST_PAGE = 10;

/**
 * The user's groups in the order the list pages through them: the groups
 * they convene first, then those they are a member of, each by name.
 */
function pageOrder(deps: Pick<ViewDeps, 'organisation'>, turn: Turn): Group[] {
  const mine = groupsWhere(deps.organisation, turn.actor, 'meeting.view');
  const convened = new Set(turn.roles().flatMap((r) => (r.kind === 'convener' ? [r.groupId] : [])));
  const rank = (g: Group) => (convened.has(g.id) ? 0 : 1);
  return mine.sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name, 'sv'));
}

const nextStart = (g: MeetingListGroup) => g.meetings[0]?.start ?? '\uffff';

/**
 * `möten`: the linked group's coming meetings, or in personal chat those of
 * the user's groups, a page at a time (`from` is where the page starts):
 * a page reads at most MEETING_LIST_PAGE groups, shows the groups with the
 * nearest meeting first, stays within the card size, and says how many
 * groups are left with a button to the next page.
 */
export async function meetingsView(deps: ViewDeps, turn: Turn, from = 0): Promise<AdaptiveCardJson> {
  const org = deps.organisation;
  const here = await turn.groupHere();
  if (here) {
    const decision = authorize(org, turn.actor, 'meeting.view', { groupId: here.id });
    if (!decision.allowed) return notAllowedCard(turn.locale, decision.reason, decision.whoMay);
    return meetingListCard(turn.locale, [await listGroupView(deps, turn, here)]);
  }
  const mine = pageOrder(deps, turn);
  if (mine.length === 0) {
    const decision = authorize(org, turn.actor, 'meeting.view', {});
    return notAllowedCard(turn.locale, decision.allowed ? 'notMember' : decision.reason, decision.allowed ? [] : decision.whoMay);
  }
  const start = Math.min(Math.max(0, Math.floor(from)), Math.max(0, mine.length - 1));
  const page = mine.slice(start, start + MEETING_LIST_PAGE);
  const views = await Promise.all(page.map((g) => listGroupView(deps, turn, g)));
  const after = mine.length - start - page.length;
  // What fits is taken in page order (the next page starts after it); what is shown is sorted by the next meeting.
  const byNext = (a: MeetingListGroup, b: MeetingListGroup) => (nextStart(a) < nextStart(b) ? -1 : nextStart(a) > nextStart(b) ? 1 : 0);
  const fitted = fitList(views, (shown, omitted) =>
    meetingListCard(turn.locale, [...shown].sort(byNext), undefined, {
      shown: start + shown.length,
      total: mine.length,
      remaining: after + omitted,
      next: start + shown.length,
    }),
  );
  return fitted.card;
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
