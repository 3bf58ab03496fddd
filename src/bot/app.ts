import { Application, type TeamsAdapter, type TurnState } from '@microsoft/teams-ai';
import { ActivityTypes, INVOKE_RESPONSE_KEY } from 'botbuilder';
import { errorCard } from '../cards/common';
import { TableTurnStateStorage } from '../storage/turn-state-storage';
import { TABLES } from '../storage/tables';
import { turnWrites } from '../storage/turn-writes';
import { t } from '../i18n';
import { SamverkanTurnState } from './turn-state';
import { registerActions } from './routes/actions';
import { registerCommands } from './routes/commands';
import { registerEvents } from './routes/events';
import { registerMessages } from './routes/messages';
import type { BotServices } from '../features/shared/services';
import { isAddressed, sendCard, turnInfo } from './turn';
import { connectorStatus, isConnectorDown, isConnectorFailure } from './connector-timeout';

/** True for failures of Table Storage (unreachable, timing out, refusing); a failed Bot Connector request is not one. */
export function isStorageError(err: unknown): boolean {
  const e = err as { name?: string; code?: string; statusCode?: number; request?: unknown };
  if (isConnectorFailure(err)) return false;
  return (
    e?.name === 'RestError' ||
    e?.name === 'AbortError' ||
    ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND'].includes(e?.code ?? '')
  );
}

/** The teams-ai Application: routes in order, the catch-all last. */
export function createApp(adapter: TeamsAdapter, services: BotServices): Application<TurnState> {
  const app = new Application<TurnState>({
    adapter,
    botAppId: services.config.BOT_ID ?? '',
    storage: new TableTurnStateStorage(services.store.client(TABLES.turnState)),
    removeRecipientMention: true,
    // The bot hears every channel message for the consent gate; a typing
    // indicator on each would be noise for everyone in the channel.
    startTypingTimer: false,
    longRunningMessages: false,
    turnStateFactory: () => new SamverkanTurnState(),
  });

  registerEvents(app, services);
  registerCommands(app, services);
  registerActions(app, services);
  registerMessages(app, services);

  app.error(async (context, error) => {
    const storage = isStorageError(error);
    const connector = isConnectorFailure(error);
    services.logger.error(
      {
        err: {
          name: (error as Error)?.name,
          code: (error as { code?: string })?.code,
          message: storage ? 'storage failure' : connector ? 'connector failure' : (error as Error)?.message,
          stack: process.env.SAMVERKAN_DEBUG_STACK ? (error as Error)?.stack : undefined,
        },
        ...(connector ? { connector: { status: connectorStatus(error) ?? null } } : {}),
        activityType: context.activity?.type,
      },
      'turn failed',
    );
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
    const key = storage ? ((turnWrites.getStore()?.writes ?? 0) > 0 ? 'error.storagePartial' : 'error.storage') : 'error.generic';
    try {
      if (context.activity.type === 'invoke' && context.activity.name === 'adaptiveCard/action') {
        // A card action is answered to the person who pressed it, on the card, as a message the
        // Teams client shows there; a card posted to a channel would tell everyone. If the action
        // had been answered before the failure (the state save at the end), that answer stands.
        if (context.turnState.get(INVOKE_RESPONSE_KEY)) return;
        await context.sendActivity({
          type: ActivityTypes.InvokeResponse,
          value: { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: t(info.locale, key) } },
        });
        return;
      }
      await sendCard(context, errorCard(info.locale, key));
    } catch (sendErr) {
      services.logger.warn({ err: { message: (sendErr as Error).message } }, 'could not send the error card');
    }
  });
  return app;
}
