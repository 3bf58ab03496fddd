import { Application, type TeamsAdapter, type TurnState } from '@microsoft/teams-ai';
import { errorCard } from '../cards/common';
import { TableTurnStateStorage } from '../storage/turn-state-storage';
import { TABLES } from '../storage/tables';
import { SamverkanTurnState } from './turn-state';
import { registerActions } from './actions';
import { registerCommands } from './commands';
import { registerEvents } from './events';
import { registerMessages } from './messages';
import type { BotServices } from './services';
import { isAddressed, sendCard, turnInfo } from './turn';

/** True for failures of Table Storage (unreachable, timing out, refusing). */
export function isStorageError(err: unknown): boolean {
  const e = err as { name?: string; code?: string; statusCode?: number; request?: unknown };
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
    services.logger.error(
      { err: { name: (error as Error)?.name, code: (error as { code?: string })?.code, message: storage ? 'storage failure' : (error as Error)?.message, stack: process.env.SAMVERKAN_DEBUG_STACK ? (error as Error)?.stack : undefined }, activityType: context.activity?.type },
      'turn failed',
    );
    const info = turnInfo(context);
    if (context.activity?.type !== 'message' && context.activity?.type !== 'invoke') return;
    // The bot reads every channel message; one it was not addressed in must not
    // get an error card, or an outage would answer everybody's conversation.
    if (context.activity.type === 'message' && !isAddressed(info)) return;
    try {
      await sendCard(context, errorCard(info.locale, storage ? 'error.storage' : 'error.generic'));
    } catch (sendErr) {
      services.logger.warn({ err: { message: (sendErr as Error).message } }, 'could not send the error card');
    }
  });
  return app;
}
