import { errorCard } from '../../cards/common';
import { t } from '../../i18n';
import { sendCard } from '../../bot/turn';
import type { CommandContext } from '../shared/command';

import type { CommandName } from '../../domain/commands/words';

/** The commands registered with `notYet`, so the help card can say they are coming. */
export const NOT_YET = new Set<CommandName>();

/** Commands whose feature has not landed answer honestly instead of failing silently. */
export async function notYet(ctx: CommandContext): Promise<void> {
  const key = ctx.command.name;
  await sendCard(ctx.context, errorCard(ctx.info.locale, 'error.notYet', { command: t(ctx.info.locale, `commands.${key}.word`) }));
}
