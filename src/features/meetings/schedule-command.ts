import { errorCard } from '../../cards/common';
import { parseCancelArgs, parseMoveArgs, type MeetingRef } from '../../domain/meetings/arguments';
import type { Meeting } from '../../domain/meetings/meeting';
import type { Group } from '../../domain/organisation';
import { commandGroup } from '../shared/command-group';
import type { CommandContext } from '../shared/feature';
import { linkKeyOf, type Turn } from '../shared/turn';
import { book, scheduleForm } from './booking';
import { cancelMeeting, moveMeeting } from './changes';
import { recordCard } from './channel-card';
import { findByRef, type MeetingsDeps } from './meetings';

/**
 * `boka` / `schedule`: no arguments, the form; `boka 2026-12-10 13:00 90 [place]`
 * books at once; `boka flytta …` and `boka ställ in …` move and cancel.
 */
export async function schedule(ctx: CommandContext): Promise<void> {
  const { command, services, turn } = ctx;
  if (command.name !== 'schedule') return;
  if (command.action === 'form') {
    await turn.send(await scheduleForm(services, turn));
    return;
  }
  const group = await commandGroup(services, turn, 'meeting.schedule');
  if (command.action === 'quick') {
    if (!group) {
      // No group to infer: the form lets the convener choose (or says they may not).
      const values = { date: command.date, time: command.time, durationMinutes: command.durationMinutes, location: command.location };
      await turn.send(await scheduleForm(services, turn, values, [turn.t('meetings.quick.noGroup')]));
      return;
    }
    const outcome = await book(services, turn, {
      groupId: group.id,
      date: command.date,
      time: command.time,
      durationMinutes: command.durationMinutes,
      location: command.location,
    });
    if (outcome.alreadyAnswered) return; // Teams resent the activity: the booking and its card exist already.
    const id = await turn.send(outcome.card);
    const channel = linkKeyOf(turn.info);
    if (outcome.channelCardOf && channel) await recordCard(services, outcome.channelCardOf, channel, id);
    return;
  }
  if (!group) {
    await turn.send(errorCard(turn.locale, 'meetings.quick.noGroup'));
    return;
  }
  if (command.action === 'move') {
    const args = parseMoveArgs(command.args);
    if (!args.ok) {
      await turn.send(errorCard(turn.locale, 'error.usage', { usage: turn.t('meetings.quick.moveUsage') }));
      return;
    }
    const m = await meetingOrSay(services, turn, group, args.meeting);
    if (m) await turn.send(await moveMeeting(services, turn, m, { date: args.date, time: args.time }));
    return;
  }
  const args = parseCancelArgs(command.args);
  if (!args.ok) {
    await turn.send(errorCard(turn.locale, 'error.usage', { usage: turn.t('meetings.quick.cancelUsage') }));
    return;
  }
  const m = await meetingOrSay(services, turn, group, args.meeting);
  if (m) await turn.send(await cancelMeeting(services, turn, m, args.series ? 'series' : 'one'));
}

/** The meeting the command names; when there is none, says so and answers undefined. */
async function meetingOrSay(deps: MeetingsDeps, turn: Turn, group: Group, ref: MeetingRef): Promise<Meeting | undefined> {
  const m = await findByRef(deps, turn.info.tenantId, group, ref);
  if (!m) await turn.send(errorCard(turn.locale, 'meetings.quick.notFound', { date: ref.kind === 'date' ? ref.date : '–' }));
  return m;
}
