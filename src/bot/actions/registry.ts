import type { ActionDefinition } from './action';
import { consentRecord } from './consent-record';
import { consentWithdraw } from './consent-withdraw';
import { groupLink } from './group-link';

/** Every card action the bot answers, one file per verb. */
export const ACTIONS: ActionDefinition[] = [
  consentRecord,
  consentWithdraw,
  groupLink,
];
