import { DateTime } from 'luxon';
import { errorCard } from '../../cards/common';
import type { AdaptiveCardJson } from '../../cards/render';
import { authorize } from '../../domain/access';
import { cancelled, isHeld, moved, withRsvp, type Meeting, type RsvpAnswer } from '../../domain/meetings/meeting';
import { occurrenceAt } from '../../domain/meetings/recurrence';
import type { Turn } from '../shared/turn';
import { planCalendarSync } from './calendar-jobs';
import { refreshChannelCard } from './channel-card';
import { cancelReminders, findMeeting, meetingCardFor, personKey, scheduleReminders, type MeetingsDeps } from './meetings';
import { readRefusal } from './read-access';

/**
 * Changing a meeting: answering it, and moving or cancelling it (conveners
 * only). Each change updates the card in the group's channel for everyone;
 * a move or a cancellation also says so in the card's thread and plans the
 * reminders again. The answer in the turn is the card as its viewer sees it.
 */

type ChangeDeps = Pick<MeetingsDeps, 'organisation' | 'meetings' | 'channel' | 'scheduler' | 'now' | 'logger' | 'figures'>;

/** The meeting card for the viewer, with a notice on it. */
function notice(deps: ChangeDeps, turn: Turn, m: Meeting, key: string, params: Record<string, string | number> = {}): AdaptiveCardJson {
  return meetingCardFor(deps, m, turn.locale, { notice: turn.t(key, params), viewer: personKey(turn.info) });
}

export async function rsvp(deps: ChangeDeps, turn: Turn, meetingId: string, answer: RsvpAnswer): Promise<AdaptiveCardJson> {
  const m = await findMeeting(deps, turn.info.tenantId, meetingId);
  if (!m) return errorCard(turn.locale, 'meetings.quick.notFound', { date: '–' });
  if (!authorize(deps.organisation, turn.actor, 'meeting.view', { groupId: m.groupId }).allowed)
    return notice(deps, turn, m, 'meetings.notices.onlyMembers');
  if (m.status === 'cancelled') return notice(deps, turn, m, 'meetings.notices.alreadyCancelled');
  if (isHeld(m, deps.now())) return notice(deps, turn, m, 'meetings.notices.past');
  const key = personKey(turn.info);
  const updated = await deps.meetings.update(m.tenantId, m.groupId, m.id, (cur) =>
    cur.rsvp[key] === answer ? undefined : withRsvp(cur, key, turn.info.userId, answer, deps.now()),
  );
  if (!updated) return errorCard(turn.locale, 'meetings.quick.notFound', { date: '–' });
  deps.logger.info({ event: 'meetingRsvp', groupId: m.groupId, meetingId: m.id, answer }, 'meeting answered');
  // Everyone's view of the counts, then the answering person's own view. Also when the answer was
  // there already: Teams may be resending an answer whose first attempt died before the card was updated.
  await refreshChannelCard(deps, updated);
  return meetingCardFor(deps, updated, turn.locale, { viewer: key });
}

/** Universal Actions refresh: the card as it is now, with the viewer's answer. */
export async function refreshView(deps: ChangeDeps, turn: Turn, meetingId: string): Promise<AdaptiveCardJson> {
  const m = await findMeeting(deps, turn.info.tenantId, meetingId);
  if (!m) return errorCard(turn.locale, 'meetings.quick.notFound', { date: '–' });
  return meetingCardFor(deps, m, turn.locale, { viewer: personKey(turn.info) });
}

/** Moves the meeting to a local date, at `time` or at the time it had. */
export async function moveMeeting(
  deps: ChangeDeps,
  turn: Turn,
  m: Meeting,
  to: { date: string; time?: string },
): Promise<AdaptiveCardJson> {
  // Refusals below show the meeting card: only to those who may see it (`boka flytta` in a channel reaches here too).
  const unreadable = readRefusal(deps, turn.info, m.id);
  if (unreadable) return unreadable;
  if (!authorize(deps.organisation, turn.actor, 'meeting.schedule', { groupId: m.groupId }).allowed)
    return notice(deps, turn, m, 'meetings.notices.onlyConveners');
  if (m.status === 'cancelled') return notice(deps, turn, m, 'meetings.notices.alreadyCancelled');
  const oldStart = DateTime.fromISO(m.start, { zone: m.timeZone });
  const slotTime = to.time ?? oldStart.toFormat('HH:mm');
  const o = occurrenceAt({ date: to.date, time: slotTime }, m.durationMinutes, m.timeZone);
  const now = deps.now();
  if (o.start.getTime() <= now.getTime()) return notice(deps, turn, m, 'meetings.form.problems.past', { date: to.date, time: slotTime });
  const from = `${oldStart.toISODate()} ${oldStart.toFormat('HH:mm')}`;
  // Already there (a resent activity, or a second click): nothing changes, nobody is told twice.
  if (o.start.toISOString() === m.start) {
    await deps.figures?.record({ kind: 'meetings', meetings: [m], moved: true });
    return notice(deps, turn, m, 'meetings.notices.booked');
  }
  await cancelReminders(deps, m);
  const updated = await deps.meetings.update(m.tenantId, m.groupId, m.id, (cur) => moved(cur, o.start, o.end, now));
  if (!updated) return errorCard(turn.locale, 'meetings.quick.notFound', { date: to.date });
  await deps.figures?.record({ kind: 'meetings', meetings: [updated], moved: true });
  await scheduleReminders(deps, [updated]);
  deps.logger.info({ event: 'meetingMoved', groupId: m.groupId, meetingId: m.id, sequence: updated.sequence }, 'meeting moved');
  // The card updated (or posted, if it never was) and the move told in its thread: recorded now, delivered now or by a job.
  await refreshChannelCard(deps, updated, updated.card || updated.invitees?.length ? { notice: { kind: 'moved', from } } : { post: true });
  return notice(deps, turn, updated, 'meetings.notices.moved', { from });
}

/**
 * The meeting card asking its convener to confirm cancelling ("Ställ in
 * mötet" / "Behåll", and for a series which meetings); nothing changes yet.
 */
export async function askToCancel(deps: ChangeDeps, turn: Turn, m: Meeting, scope: 'one' | 'series'): Promise<AdaptiveCardJson> {
  const unreadable = readRefusal(deps, turn.info, m.id);
  if (unreadable) return unreadable;
  if (!authorize(deps.organisation, turn.actor, 'meeting.schedule', { groupId: m.groupId }).allowed)
    return notice(deps, turn, m, 'meetings.notices.onlyConveners');
  if (m.status === 'cancelled') return notice(deps, turn, m, 'meetings.notices.alreadyCancelled');
  if (isHeld(m, deps.now())) return notice(deps, turn, m, 'meetings.notices.past');
  return meetingCardFor(deps, m, turn.locale, { viewer: personKey(turn.info), confirmCancel: scope });
}

/** Cancels the meeting, or with `series` it and the rest of its series that is still scheduled. */
export async function cancelMeeting(deps: ChangeDeps, turn: Turn, m: Meeting, scope: 'one' | 'series'): Promise<AdaptiveCardJson> {
  const unreadable = readRefusal(deps, turn.info, m.id);
  if (unreadable) return unreadable;
  if (!authorize(deps.organisation, turn.actor, 'meeting.schedule', { groupId: m.groupId }).allowed)
    return notice(deps, turn, m, 'meetings.notices.onlyConveners');
  const now = deps.now();
  const targets =
    scope === 'series' && m.seriesId
      ? (await deps.meetings.listSeries(m.tenantId, m.groupId, m.seriesId)).filter((x) => x.start >= m.start && x.status === 'scheduled')
      : m.status === 'scheduled'
        ? [m]
        : [];
  if (targets.length === 0) {
    await deps.figures?.record({ kind: 'meetings', meetings: [m] });
    return notice(deps, turn, m, 'meetings.notices.alreadyCancelled');
  }
  let self = m;
  for (const target of targets) {
    await cancelReminders(deps, target);
    const updated = await deps.meetings.update(target.tenantId, target.groupId, target.id, (cur) =>
      cur.status === 'cancelled' ? undefined : cancelled(cur, now),
    );
    if (!updated) continue;
    // Its Outlook event is cancelled by a job (calendar-jobs.ts); attendees get Outlook's own notice.
    await planCalendarSync(deps, [updated]);
    await deps.figures?.record({ kind: 'meetings', meetings: [updated] });
    if (updated.id === m.id) self = updated;
    // The thread of the meeting asked about says it was cancelled; the rest of a series' cards just change.
    await refreshChannelCard(deps, updated, updated.id === m.id ? { notice: { kind: 'cancelled' } } : {});
  }
  deps.logger.info({ event: 'meetingCancelled', groupId: m.groupId, meetingId: m.id, count: targets.length }, 'meeting cancelled');
  return targets.length > 1
    ? notice(deps, turn, self, 'meetings.notices.seriesCancelled', { count: targets.length })
    : notice(deps, turn, self, 'meetings.notices.cancelled');
}
