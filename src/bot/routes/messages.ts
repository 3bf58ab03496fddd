import type { Application, TurnState } from '@microsoft/teams-ai';
import { ActivityTypes } from 'botbuilder';
import { gateMessage } from '../../features/consent/gate';
import { gateSubmittedMessage } from '../../features/consent/value-gate';
import { help } from '../../features/help';
import type { ActionDefinition } from '../../features/shared/feature';
import type { BotServices } from '../../features/shared/services';
import { isAddressed } from '../../features/shared/turn';
import { turnOf } from '../turn';

/**
 * The consent gate on every message, and the catch-all for ordinary
 * messages, registered last. Every message passes the gate first (channels
 * via RSC without a mention, group chats, personal chat). Text addressed to
 * the bot that is no command and identifies nobody gets the help card.
 */
export function registerMessages(app: Application<TurnState>, services: BotServices, actions: readonly ActionDefinition[]): void {
  // A message with a value (a card submit) is gated, text and value, before any route sees it: such a
  // message takes routes that never read its text, so a refusal must end the turn before routing.
  const identifyingOf = (verb: string) => actions.find((d) => d.verb === verb)?.identifying ?? [];
  app.turn('beforeTurn', async (context) => gateSubmittedMessage(services, turnOf(context, services), context.activity, identifyingOf));

  // An edited message is read again: editing a case into a message is no way around the gate.
  app.messageEventUpdate('editMessage', async (context) => {
    await gateMessage(services, turnOf(context, services), context.activity.text);
  });

  app.activity(ActivityTypes.Message, async (context) => {
    const turn = turnOf(context, services);
    if (context.activity.value) return; // a card submit no route claimed (gated before routing, above)
    const { identifiable } = await gateMessage(services, turn, context.activity.text);
    if (!identifiable && isAddressed(turn.info)) {
      await help({ turn, info: turn.info, services, command: { name: 'help' } });
    }
  });
}
