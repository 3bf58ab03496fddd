import { errorCard } from '../../cards/common';
import { commandGroup } from '../shared/command-group';
import type { CommandContext } from '../shared/feature';
import { meetingsView, rotateFeed } from './views';

/** `möten` / `meetings`: the coming meetings; `möten ny-länk` rotates the calendar link. */
export async function meetings({ command, services, turn }: CommandContext): Promise<void> {
  if (command.name !== 'meetings') return;
  if (command.action === 'list') {
    await turn.send(await meetingsView(services, turn));
    return;
  }
  const group = await commandGroup(services, turn, 'meeting.schedule');
  if (!group) {
    await turn.send(errorCard(turn.locale, 'meetings.quick.noGroup'));
    return;
  }
  await turn.send(await rotateFeed(services, turn, group.id));
}
