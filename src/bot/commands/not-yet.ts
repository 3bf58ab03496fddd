import { errorCard } from '../../cards/common';
import { t } from '../../i18n';
import { sendCard } from '../turn';
import type { CommandContext } from './command';

/** Commands whose feature has not landed answer honestly instead of failing silently. */
export async function notYet(ctx: CommandContext): Promise<void> {
  const key = ctx.command.name;
  await sendCard(ctx.context, errorCard(ctx.info.locale, 'error.notYet', { command: t(ctx.info.locale, `commands.${key}.word`) }));
}
