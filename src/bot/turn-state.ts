import { TurnState } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { isAddressed, turnInfo } from './turn';
import { parsedCommand } from './commands/command';

/**
 * teams-ai's TurnState, loaded from Table Storage only for turns that may use
 * it: commands, card actions and events. An ordinary message between people,
 * which the bot only reads for the consent gate, costs no state reads; that
 * keeps a busy channel at one storage read a message.
 */
export class SamverkanTurnState extends TurnState {
  protected override async onComputeStorageKeys(context: TurnContext): Promise<Record<string, string>> {
    if (isOrdinaryMessage(context)) return {};
    return super.onComputeStorageKeys(context);
  }
}

export function isOrdinaryMessage(context: TurnContext): boolean {
  const a = context.activity;
  if (a.type !== 'message' || a.value) return false;
  return !isAddressed(turnInfo(context)) || parsedCommand(context).kind === 'none';
}
