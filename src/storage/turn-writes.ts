import { AsyncLocalStorage } from 'node:async_hooks';
import type { PipelinePolicy } from '@azure/core-rest-pipeline';

/**
 * Whether a turn has changed anything in storage yet. The server runs each
 * turn inside `turnWrites.run(...)`; every table client counts the writes
 * that storage accepted into it. When storage fails part-way, the error the
 * user gets can then say truthfully whether nothing was saved or something
 * may have been.
 */
export interface TurnWrites {
  writes: number;
}

export const turnWrites = new AsyncLocalStorage<TurnWrites>();

/** Tables whose writes are the bot's bookkeeping, not what the user asked for (the audit log, teams-ai's state, where to reach a conversation). */
const BOOKKEEPING = /(Audit|TurnState|ConversationRefs)(\(|\/|\?|$)/;

export const writeCountingPolicy: PipelinePolicy = {
  name: 'samverkanTurnWrites',
  async sendRequest(request, next) {
    const response = await next(request);
    const store = turnWrites.getStore();
    if (store && request.method !== 'GET' && response.status < 300) {
      const path = new URL(request.url).pathname;
      if (!BOOKKEEPING.test(path)) store.writes += 1;
    }
    return response;
  },
};
