import type { AdaptiveCardJson } from '../../cards/render';
import type { Meeting } from '../../domain/meetings/meeting';
import type { Minutes } from '../../domain/minutes/minutes';
import { findGroup, findPerson } from '../../domain/organisation';
import { deliverDurably } from '../../delivery/durable';
import type { Locale } from '../../i18n';
import { tellInvitees } from '../meetings/channel-card';
import { minutesSummaryCard } from './cards';
import type { AgendaDeps } from './group-meeting';
import { scheduleTaskReminders } from './tasks';

/** The durable delivery of a summary (named before the `delivery.` family existed; stored jobs keep the name). */
export const SUMMARY_KIND = 'minutes.summary';

/** Which minutes a summary job posts the summary of. */
export interface SummaryPayload {
  tenantId: string;
  groupId: string;
  meetingId: string;
}

/**
 * What finalised minutes set going, each step idempotent, then marked done:
 * the printable page, the tasks and their reminders, the earlier tasks
 * closed, the summary in the channel. A step that fails leaves the minutes
 * final but not complete, and a finalise resent or pressed again finishes it;
 * but a summary the channel will not take fails nothing: a job posts it
 * later (see postSummaryOrLater).
 */
export async function completeFinalize(deps: AgendaDeps, m: Meeting, minutes: Minutes): Promise<void> {
  const at = minutes.finalizedAt ?? deps.now().toISOString();
  if (minutes.printToken) await deps.minutes.registerPrintToken(minutes.printToken, m.tenantId, m.groupId, m.id);
  await deps.minutes.saveActions(m.tenantId, m.groupId, minutes.actions);
  await deps.minutes.markDone(m.tenantId, m.groupId, minutes.closedActions, at);
  await deps.figures?.record({ kind: 'minutesFinal', meeting: m });
  await deps.figures?.record({
    kind: 'tasks',
    tenantId: m.tenantId,
    groupId: m.groupId,
    saved: minutes.actions,
    done: minutes.closedActions,
  });
  await scheduleTaskReminders(deps, m, minutes.actions);
  await postSummaryOrLater(deps, m, minutes);
  await deps.minutes.update(m.tenantId, m.groupId, m.id, (cur) =>
    cur && cur.status === 'final' && !cur.completedAt ? { ...cur, completedAt: deps.now().toISOString() } : undefined,
  );
}

/** The groups a question from a group's meeting may be raised to (item.raise): the strategic and tactical groups first. */
export function raiseTargetsFor(org: AgendaDeps['organisation'], groupId: string): Array<{ id: string; name: string }> {
  const rank = { strategic: 0, tactical: 1, operative: 2 } as const;
  return org.groups
    .filter((g) => g.id !== groupId)
    .sort((a, b) => rank[a.level] - rank[b.level])
    .slice(0, 40)
    .map((g) => ({ id: g.id, name: g.name }));
}

/** The summary of finalised minutes, as posted in the group's channel. */
export function summaryCardFor(deps: Pick<AgendaDeps, 'organisation'>, m: Meeting, minutes: Minutes, locale: Locale): AdaptiveCardJson {
  const group = findGroup(deps.organisation, m.groupId);
  const attendeeNames = minutes.attendees.map((id) => findPerson(deps.organisation, id)?.displayName ?? id);
  const raiseTargets = raiseTargetsFor(deps.organisation, m.groupId);
  return minutesSummaryCard(locale, m, minutes, { groupName: group?.name ?? m.groupId, attendeeNames, raiseTargets });
}

/**
 * The summary as a durable delivery (src/delivery/durable.ts): recorded as a
 * job first (its id is the meeting's, so finalising twice plans one), posted
 * now, and marked done; when the connector will not take it (down,
 * throttled, the conversation gone) the job posts it later, and the
 * convener's finalising succeeds either way. Only when it can neither be
 * recorded nor posted is that thrown, and finalising is left to be finished
 * by a resend or by pressing it again.
 */
async function postSummaryOrLater(deps: AgendaDeps, m: Meeting, minutes: Minutes): Promise<void> {
  const payload: SummaryPayload = { tenantId: m.tenantId, groupId: m.groupId, meetingId: m.id };
  await deliverDurably(deps, { kind: SUMMARY_KIND, id: `${SUMMARY_KIND}:${m.groupId}:${m.id}`, payload }, () =>
    postSummary(deps, m, minutes),
  );
}

/**
 * Posts the summary in the group's channel (a private meeting's invitees
 * each in their personal chat instead), in the meeting card's thread
 * when that is where it goes (at top level when the thread is refused, see
 * GroupChannel.post); keyed by the meeting, so a retry posts it once.
 * A failure is thrown.
 */
export async function postSummary(
  deps: Pick<AgendaDeps, 'organisation' | 'channel'>,
  m: Meeting,
  minutes: Minutes,
): Promise<{ conversationId: string; activityId?: string } | undefined> {
  const compose = (locale: Locale) => summaryCardFor(deps, m, minutes, locale);
  const key = `minutes-summary:${m.tenantId}:${m.id}`;
  // A private meeting (a SIP booked for its invited members only) posts nothing in the channel: its invitees get it.
  if (m.invitees?.length) return (await tellInvitees(deps, m, compose, key)) ? { conversationId: 'personal' } : undefined;
  return deps.channel.post(m.tenantId, m.groupId, compose, key, m.card ? { thread: m.card } : {});
}
