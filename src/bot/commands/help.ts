import { helpCard, type HelpEntry } from '../../cards/help';
import { sendCard } from '../turn';
import type { CommandContext } from './command';

const ALL: HelpEntry[] = ['help', 'group', 'groupLink', 'schedule', 'meetings', 'agenda', 'minutes', 'review', 'consent', 'digest'];

/** `hjälp` / `help`: the commands this user may use here. */
export async function help(ctx: CommandContext): Promise<void> {
  const entries = ctx.services.access.helpEntries(ctx.info);
  await sendCard(ctx.context, helpCard(ctx.info.locale, {
    entries: entries ?? ALL,
    roles: ctx.services.access.roleLines(ctx.info),
    quickActions: ctx.info.conversationKind === 'personal',
  }));
}
