import { errorCard } from '../../cards/common';
import { groupForCommand, meetingsView, rotateFeed } from './meetings';
import type { CommandContext } from '../shared/feature';

/** `möten` / `meetings`: the coming meetings; `möten ny-länk` rotates the calendar link. */
export async function meetings(ctx: CommandContext): Promise<void> {
  const { command, services, info, turn } = ctx;
  if (command.name !== 'meetings') return;
  if (command.action === 'list') {
    await turn.send(await meetingsView(services, info));
    return;
  }
  const group = await groupForCommand(services, info, 'meeting.schedule');
  if (!group) {
    await turn.send(errorCard(info.locale, 'meetings.quick.noGroup'));
    return;
  }
  await turn.send(await rotateFeed(services, info, group.id));
}
