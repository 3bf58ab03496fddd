import { helpCard } from '../../cards/help';
import { sendCard } from '../turn';
import type { CommandContext } from './command';
import { helpEntriesFor, roleLinesFor } from '../access';
import { NOT_YET } from './not-yet';
import type { HelpEntry } from '../../cards/help';

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
