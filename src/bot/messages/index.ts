import type { Application, TurnState } from '@microsoft/teams-ai';
import { ActivityTypes } from 'botbuilder';
import type { BotServices } from '../services';
import { isAddressed, turnInfo } from '../turn';
import { help } from '../commands/help';

/**
 * The catch-all for ordinary messages, registered last. Text addressed to the
 * bot that is no command gets the help card; everything else is the
 * conversation between people, which the consent gate will read.
 */
export function registerMessages(app: Application<TurnState>, services: BotServices): void {
  app.activity(ActivityTypes.Message, async (context, state) => {
    const info = turnInfo(context);
    if (context.activity.value) return; // a card submit no route claimed
    if (isAddressed(info)) {
      await help({ context, state, services, info, command: { name: 'help' } });
    }
  });
}
