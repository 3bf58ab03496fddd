import { proposeToNext, recordAgendaCard, showAgenda, showMinutes } from './agenda';
import { sendCard } from '../../bot/turn';
import type { CommandContext } from '../shared/command';

/**
 * `dagordning` / `agenda`: the next meeting's agenda card (in the group's
 * channel, the card everyone updates); `dagordning + <text>` proposes an item.
 */
export async function agenda(ctx: CommandContext): Promise<void> {
  const { command, services, info, context } = ctx;
  if (command.name !== 'agenda') return;
  if (command.action === 'show') {
    const outcome = await showAgenda(services, info);
    const id = await sendCard(context, outcome.card);
    if (outcome.record) await recordAgendaCard(services, outcome.record.meeting, info, id);
    return;
  }
  // The command's text has already passed the consent gate (commands/index.ts).
  await sendCard(context, await proposeToNext(services, info, command.text, context.activity.id ?? '', context));
}

/** `protokoll` / `minutes`: the minutes card of the latest meeting (conveners). */
export async function minutes(ctx: CommandContext): Promise<void> {
  if (ctx.command.name !== 'minutes') return;
  await sendCard(ctx.context, await showMinutes(ctx.services, ctx.info));
}
