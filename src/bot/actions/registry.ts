import type { ActionDefinition } from './action';

/** Every card action the bot answers, one file per verb. */
export const ACTIONS: ActionDefinition[] = [];
