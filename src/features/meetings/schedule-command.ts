import { errorCard } from '../../cards/common';
import { parseCancelArgs, parseMoveArgs } from '../../domain/meetings/arguments';
import { t } from '../../i18n';
import { book, cancelMeeting, findByRef, groupForCommand, moveMeeting, recordCard, scheduleForm } from './meetings';
import { linkKeyOf } from '../shared/access';
import type { CommandContext } from '../shared/feature';

/**
 * `boka` / `schedule`: no arguments, the form; `boka 2026-12-10 13:00 90 [place]`
 * books at once; `boka flytta …` and `boka ställ in …` move and cancel.
 */
export async function schedule(ctx: CommandContext): Promise<void> {
  const { command, services, info, turn } = ctx;
  if (command.name !== 'schedule') return;
  if (command.action === 'form') {
    await turn.send(await scheduleForm(services, info));
    return;
  }
  const group = await groupForCommand(services, info, 'meeting.schedule');
  if (command.action === 'quick') {
    if (!group) {
      // No group to infer: the form lets the convener choose (or says they may not).
      await turn.send(
        await scheduleForm(
          services,
          info,
          { date: command.date, time: command.time, durationMinutes: command.durationMinutes, location: command.location },
          [t(info.locale, 'meetings.quick.noGroup')],
        ),
      );
      return;
    }
    const outcome = await book(services, info, {
      groupId: group.id,
      date: command.date,
      time: command.time,
      durationMinutes: command.durationMinutes,
      location: command.location,
    });
    if (outcome.alreadyAnswered) return; // Teams resent the activity: the booking and its card exist already.
    const id = await turn.send(outcome.card);
    const channel = linkKeyOf(info);
    if (outcome.channelCardOf && channel) await recordCard(services, outcome.channelCardOf, channel, id);
    return;
  }
  if (!group) {
    await turn.send(errorCard(info.locale, 'meetings.quick.noGroup'));
    return;
  }
  if (command.action === 'move') {
    const args = parseMoveArgs(command.args);
    if (!args.ok) {
      await turn.send(errorCard(info.locale, 'error.usage', { usage: t(info.locale, 'meetings.quick.moveUsage') }));
      return;
    }
    const m = await findByRef(services, info, group, args.meeting);
    if (!m) {
      await turn.send(errorCard(info.locale, 'meetings.quick.notFound', { date: args.meeting.kind === 'date' ? args.meeting.date : '–' }));
      return;
    }
    await turn.send(await moveMeeting(services, info, m, args.date, args.time));
    return;
  }
  const args = parseCancelArgs(command.args);
  if (!args.ok) {
    await turn.send(errorCard(info.locale, 'error.usage', { usage: t(info.locale, 'meetings.quick.cancelUsage') }));
    return;
  }
  const m = await findByRef(services, info, group, args.meeting);
  if (!m) {
    await turn.send(errorCard(info.locale, 'meetings.quick.notFound', { date: args.meeting.kind === 'date' ? args.meeting.date : '–' }));
    return;
  }
  await turn.send(await cancelMeeting(services, info, m, args.series));
}
