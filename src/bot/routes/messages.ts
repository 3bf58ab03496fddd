import type { Application, TurnState } from '@microsoft/teams-ai';
import { ActivityTypes } from 'botbuilder';
import type { BotServices } from '../../features/shared/services';
import { isAddressed, turnInfo } from '../turn';
import { help } from '../../features/help/command';
import { gateMessage } from '../../features/consent/gate';
import { registerSubmittedValueGate } from '../../features/consent/value-gate';

/**
 * The catch-all for ordinary messages, registered last. Every one passes the
 * consent gate first (channels via RSC without a mention, group chats,
 * personal chat). Text addressed to the bot that is no command and
 * identifies nobody gets the help card.
 */
export function registerMessages(app: Application<TurnState>, services: BotServices): void {
  // A message with a value (a card submit) is gated, text and value, before any route sees it.
  registerSubmittedValueGate(app, services);

  // An edited message is read again: editing a case into a message is no way around the gate.
  app.messageEventUpdate('editMessage', async (context) => {
    await gateMessage(services, turnInfo(context), context);
  });

  app.activity(ActivityTypes.Message, async (context, state) => {
    const info = turnInfo(context);
    if (context.activity.value) return; // a card submit no route claimed (gated before routing: value-gate.ts)
    const { identifiable } = await gateMessage(services, info, context);
    if (!identifiable && isAddressed(info)) {
      await help({ context, state, services, info, command: { name: 'help' } });
    }
  });
}
