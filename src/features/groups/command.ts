import { errorCard, notAllowedCard } from '../../cards/common';
import { sendCard } from '../../bot/turn';
import { groupView, linkConversation } from './group';
import type { CommandContext } from '../shared/command';

/** `grupp` / `group`: the linked group; `grupp koppla <id>` / `group link <id>`: link this channel. */
export async function group(ctx: CommandContext): Promise<void> {
  const { command, services, info, context } = ctx;
  if (command.name !== 'group') return;
  if (command.action === 'show') {
    await sendCard(context, await groupView(services, info));
    return;
  }
  const outcome = await linkConversation(services, info, command.groupId);
  if (outcome.ok) await sendCard(context, outcome.card);
  else if (outcome.kind === 'notAllowed') await sendCard(context, notAllowedCard(info.locale, outcome.reason, outcome.whoMay));
  else await sendCard(context, errorCard(info.locale, outcome.messageKey, outcome.params));
}
