import { helpCard } from './card';
import { sendCard } from '../../bot/turn';
import type { CommandContext } from '../shared/command';
import { helpEntriesFor, roleLinesFor } from '../shared/access';
import { NOT_YET } from './not-yet';
import type { HelpEntry } from './card';

/** `hjälp` / `help`: the commands this user may use here. */
export async function help(ctx: CommandContext): Promise<void> {
  await sendCard(
    ctx.context,
    helpCard(ctx.info.locale, {
      entries: await helpEntriesFor(ctx.services, ctx.info),
      roles: roleLinesFor(ctx.services, ctx.info),
      quickActions: ctx.info.conversationKind === 'personal',
      comingSoon: [...NOT_YET] as HelpEntry[],
    }),
  );
}
