import type { CommandContext } from '../shared/feature';
import { proposeToNext, recordAgendaCard, showAgenda } from './agenda';
import { showMinutes } from './minutes';

/**
 * `dagordning` / `agenda`: the next meeting's agenda card (in the group's
 * channel, the card everyone updates); `dagordning + <text>` proposes an
 * item, whose text the proposal passes through the consent gate itself.
 */
export async function agenda(ctx: CommandContext): Promise<void> {
  const { command, services, turn } = ctx;
  if (command.name !== 'agenda') return;
  if (command.action === 'show') {
    const outcome = await showAgenda(services, turn);
    const id = await turn.send(outcome.card);
    if (outcome.record) await recordAgendaCard(services, outcome.record.meeting, turn, id);
    return;
  }
  await turn.send(await proposeToNext(services, turn, command.text));
}

/** `protokoll` / `minutes`: the minutes card of the latest meeting (conveners). */
export async function minutes(ctx: CommandContext): Promise<void> {
  if (ctx.command.name !== 'minutes') return;
  await ctx.turn.send(await showMinutes(ctx.services, ctx.turn));
}
