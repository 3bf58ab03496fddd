import type { CommandContext } from '../shared/feature';
import { linkConversation } from './link';
import { groupView } from './view';

/** `grupp` / `group`: the linked group; `grupp koppla <id>` / `group link <id>`: link this channel. */
export async function group(ctx: CommandContext): Promise<void> {
  const { command, services, turn } = ctx;
  if (command.name !== 'group') return;
  const card = command.action === 'show' ? await groupView(services, turn) : await linkConversation(services, turn, command.groupId);
  await turn.send(card);
}
