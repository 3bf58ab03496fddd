import type { CommandContext } from '../shared/feature';
import { digestView } from './view';

/** `sammanfattning` / `digest`: the managers' digest now. */
export async function digest(ctx: CommandContext): Promise<void> {
  if (ctx.command.name !== 'digest') return;
  await ctx.turn.send(await digestView(ctx.services, ctx.turn));
}
