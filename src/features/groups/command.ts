import type { CommandContext } from '../shared/feature';
import { linkByText } from './link';
import { groupView } from './view';

/** `grupp` / `group`: the linked group; `grupp koppla [<id or name>]` / `group link …`: link this channel, or the form. */
export async function group(ctx: CommandContext): Promise<void> {
  const { command, services, turn } = ctx;
  if (command.name !== 'group') return;
  const card = command.action === 'show' ? await groupView(services, turn) : await linkByText(services, turn, command.groupId);
  await turn.send(card);
}
