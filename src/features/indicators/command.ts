import type { CommandContext } from '../shared/feature';
import { indicatorView } from './indicators';

/** `indikator` / `indicator`: the indicators the user's groups report, with their trends. */
export async function indicator(ctx: CommandContext): Promise<void> {
  if (ctx.command.name !== 'indicator') return;
  await ctx.turn.send(await indicatorView(ctx.services, ctx.turn));
}
