import { digestView } from '../digest/digest';
import { reviewView } from './reviews';
import { sendCard } from '../../bot/turn';
import type { CommandContext } from '../shared/command';

/** `översyn` / `review`: the governing documents this user is responsible for or oversees. */
export async function review(ctx: CommandContext): Promise<void> {
  if (ctx.command.name !== 'review') return;
  await sendCard(ctx.context, await reviewView(ctx.services, ctx.info));
}

/** `sammanfattning` / `digest`: the managers' digest now. */
export async function digest(ctx: CommandContext): Promise<void> {
  if (ctx.command.name !== 'digest') return;
  await sendCard(ctx.context, await digestView(ctx.services, ctx.info));
}
