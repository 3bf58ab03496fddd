import { proposeToNext, recordAgendaCard, showAgenda, showMinutes } from './agenda';
import type { CommandContext } from '../shared/feature';

/**
 * `dagordning` / `agenda`: the next meeting's agenda card (in the group's
 * channel, the card everyone updates); `dagordning + <text>` proposes an item.
 */
export async function agenda(ctx: CommandContext): Promise<void> {
  const { command, services, info, turn } = ctx;
  if (command.name !== 'agenda') return;
  if (command.action === 'show') {
    const outcome = await showAgenda(services, info);
    const id = await turn.send(outcome.card);
    if (outcome.record) await recordAgendaCard(services, outcome.record.meeting, info, id);
    return;
  }
  // The command's text has already passed the consent gate (commands/index.ts).
  await turn.send(await proposeToNext(services, info, command.text, info.activityId ?? ''));
}

/** `protokoll` / `minutes`: the minutes card of the latest meeting (conveners). */
export async function minutes(ctx: CommandContext): Promise<void> {
  if (ctx.command.name !== 'minutes') return;
  await ctx.turn.send(await showMinutes(ctx.services, ctx.info));
}
