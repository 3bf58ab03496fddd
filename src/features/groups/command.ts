import { errorCard, notAllowedCard } from '../../cards/common';
import { groupView, linkConversation } from './group';
import type { CommandContext } from '../shared/feature';

/** `grupp` / `group`: the linked group; `grupp koppla <id>` / `group link <id>`: link this channel. */
export async function group(ctx: CommandContext): Promise<void> {
  const { command, services, info, turn } = ctx;
  if (command.name !== 'group') return;
  if (command.action === 'show') {
    await turn.send(await groupView(services, info));
    return;
  }
  const outcome = await linkConversation(services, info, command.groupId);
  if (outcome.ok) await turn.send(outcome.card);
  else if (outcome.kind === 'notAllowed') await turn.send(notAllowedCard(info.locale, outcome.reason, outcome.whoMay));
  else await turn.send(errorCard(info.locale, outcome.messageKey, outcome.params));
}
