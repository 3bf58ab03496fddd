import { errorCard } from '../../cards/common';
import { groupForCommand, meetingsView, rotateFeed } from './meetings';
import { sendCard } from '../../bot/turn';
import type { CommandContext } from '../shared/command';

/** `möten` / `meetings`: the coming meetings; `möten ny-länk` rotates the calendar link. */
export async function meetings(ctx: CommandContext): Promise<void> {
  const { command, services, info, context } = ctx;
  if (command.name !== 'meetings') return;
  if (command.action === 'list') {
    await sendCard(context, await meetingsView(services, info));
    return;
  }
  const group = await groupForCommand(services, info, 'meeting.schedule');
  if (!group) {
    await sendCard(context, errorCard(info.locale, 'meetings.quick.noGroup'));
    return;
  }
  await sendCard(context, await rotateFeed(services, info, group.id));
}
