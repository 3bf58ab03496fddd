import type { CommandContext } from '../shared/feature';
import { reportView } from './report';

/** `rapport <år> [delår]` / `report <year> [interim]`. */
export async function report(ctx: CommandContext): Promise<void> {
  if (ctx.command.name !== 'report') return;
  await ctx.turn.send(await reportView(ctx.services, ctx.turn, ctx.command.year, ctx.command.interim));
}
