import { helpCard } from './card';
import type { CommandContext } from '../shared/feature';
import { helpEntriesFor, roleLinesFor } from '../shared/access';

/** `hjälp` / `help`: the commands this user may use here. */
export async function help(ctx: CommandContext): Promise<void> {
  await ctx.turn.send(
    helpCard(ctx.info.locale, {
      entries: await helpEntriesFor(ctx.services, ctx.info),
      roles: roleLinesFor(ctx.services, ctx.info),
      quickActions: ctx.info.conversationKind === 'personal',
    }),
  );
}
