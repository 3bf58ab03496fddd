import type { TurnContext } from 'botbuilder';
import type { TurnState } from '@microsoft/teams-ai';
import { parseCommand, type Command, type ParseResult } from '../../domain/commands/parse';
import type { CommandName } from '../../domain/commands/words';
import type { BotServices } from './services';
import { isAddressed, turnInfo, type TurnInfo } from '../../bot/turn';

export interface CommandContext<C extends Command = Command> {
  context: TurnContext;
  state: TurnState;
  services: BotServices;
  info: TurnInfo;
  command: C;
}

export type CommandHandler<N extends CommandName = CommandName> = (ctx: CommandContext<Extract<Command, { name: N }>>) => Promise<void>;

const parsed = new WeakMap<object, ParseResult>();

/** The parse of this turn's message, computed once per activity. */
export function parsedCommand(context: TurnContext): ParseResult {
  const a = context.activity;
  let result = parsed.get(a);
  if (!result) {
    result = a.type === 'message' && typeof a.text === 'string' && !a.value ? parseCommand(a.text) : { kind: 'none' };
    parsed.set(a, result);
  }
  return result;
}

/** A route selector: this message is the named command and addressed to the bot. */
export function isCommand(name: CommandName) {
  return async (context: TurnContext): Promise<boolean> => {
    const r = parsedCommand(context);
    return commandNameOf(r) === name && isAddressed(turnInfo(context));
  };
}

export function commandNameOf(r: ParseResult): CommandName | undefined {
  if (r.kind === 'command') return r.command.name;
  if (r.kind === 'invalid') return r.name;
  return undefined;
}
