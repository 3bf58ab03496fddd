import { Application, type TeamsAdapter, type TurnState } from '@microsoft/teams-ai';
import { ActivityTypes, INVOKE_RESPONSE_KEY } from 'botbuilder';
import { errorCard } from '../cards/common';
import { TableTurnStateStorage } from '../storage/turn-state-storage';
import { TABLES } from '../storage/tables';
import { turnWrites } from '../storage/turn-writes';
import { t } from '../i18n';
import { SamverkanTurnState } from './turn-state';
import type { FeatureRoutes } from '../features';
import { actionRoute } from './routes/actions';
import { commandRoute } from './routes/commands';
import { registerEvents } from './routes/events';
import { registerMessages } from './routes/messages';
import type { BotServices } from '../features/shared/services';
import { isAddressed, sendCard, turnInfo } from './turn';
import { errorKind, isConnectorDown, logError, statusOf, UserMistake } from '../errors';

/** The teams-ai Application: routes in order, the catch-all last. */
export function createApp(adapter: TeamsAdapter, services: BotServices, routes: FeatureRoutes): Application<TurnState> {
  const app = new Application<TurnState>({
    adapter,
    botAppId: services.config.BOT_ID ?? '',
    storage: new TableTurnStateStorage(services.store.client(TABLES.turnState)),
    removeRecipientMention: true,
    // The bot hears every channel message for the consent gate; a typing
    // indicator on each would be noise for everyone in the channel.
    startTypingTimer: false,
    longRunningMessages: false,
    turnStateFactory: () => new SamverkanTurnState(services),
  });

  registerEvents(app, services);
  for (const [name, { handler, usageKey }] of routes.commands) commandRoute(app, services, name, handler, usageKey);
  for (const def of routes.actions) actionRoute(app, services, def);
  registerMessages(app, services, routes.actions);

  app.error(async (context, error) => {
    const kind = errorKind(error);
    const storage = kind === 'storage' || kind === 'conflict';
    if (kind !== 'mistake') {
      logError(services.logger, 'error', error, 'turn failed', {
        ...(kind === 'connector' ? { connector: { status: statusOf(error) ?? null } } : {}),
        activityType: context.activity?.type,
      });
    }
    const info = turnInfo(context);
    if (context.activity?.type !== 'message' && context.activity?.type !== 'invoke') return;
    // The connector did not answer or answered 5xx/429 (after botbuilder's own
    // retries): an error card would fail the same way and keep Teams waiting
    // on this turn for another CONNECTOR_TIMEOUT_MS.
    if (isConnectorDown(error)) return;
    // The bot reads every channel message; one it was not addressed in must not
    // get an error card, or an outage would answer everybody's conversation.
    if (context.activity.type === 'message' && !isAddressed(info)) return;
    // Storage that failed after the turn had changed something: "nothing was saved" would not be true.
    const [key, params] =
      error instanceof UserMistake
        ? [error.messageKey, error.params]
        : [storage ? ((turnWrites.getStore()?.writes ?? 0) > 0 ? 'error.storagePartial' : 'error.storage') : 'error.generic', {}];
    try {
      if (context.activity.type === 'invoke' && context.activity.name === 'adaptiveCard/action') {
        // A card action is answered to the person who pressed it, on the card, as a message the
        // Teams client shows there; a card posted to a channel would tell everyone. If the action
        // had been answered before the failure (the state save at the end), that answer stands.
        if (context.turnState.get(INVOKE_RESPONSE_KEY)) return;
        await context.sendActivity({
          type: ActivityTypes.InvokeResponse,
          value: {
            status: 200,
            body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: t(info.locale, key, params) },
          },
        });
        return;
      }
      await sendCard(context, errorCard(info.locale, key, params));
    } catch (sendErr) {
      logError(services.logger, 'warn', sendErr, 'could not send the error card');
    }
  });
  return app;
}
