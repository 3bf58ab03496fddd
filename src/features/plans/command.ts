import type { CommandContext } from '../shared/feature';
import { planView } from './plans';

/** `plan` / `plan`: the action plans of the groups this user convenes or oversees. */
export async function plan(ctx: CommandContext): Promise<void> {
  if (ctx.command.name !== 'plan') return;
  await ctx.turn.send(await planView(ctx.services, ctx.turn));
}
