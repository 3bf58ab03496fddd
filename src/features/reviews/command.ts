import type { CommandContext } from '../shared/feature';
import { reviewView } from './reviews';

/** `översyn` / `review`: the governing documents this user is responsible for or oversees. */
export async function review(ctx: CommandContext): Promise<void> {
  if (ctx.command.name !== 'review') return;
  await ctx.turn.send(await reviewView(ctx.services, ctx.turn));
}
