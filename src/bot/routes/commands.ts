import type { Application, TurnState } from '@microsoft/teams-ai';
import { annotateSpan } from '../../telemetry';
import type { TurnContext } from 'botbuilder';
import { usageCard } from '../../cards/common';
import { parseCommand, type ParseResult } from '../../domain/commands/parse';
import type { CommandName } from '../../domain/commands/words';
import { gateText } from '../../features/consent/gate';
import type { CommandHandler } from '../../features/shared/feature';
import { t } from '../../i18n';
import type { BotServices } from '../../features/shared/services';
import { isAddressed } from '../../features/shared/turn';
import { turnInfo, turnOf } from '../turn';

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

function commandNameOf(r: ParseResult): CommandName | undefined {
  if (r.kind === 'command') return r.command.name;
  if (r.kind === 'invalid') return r.name;
  return undefined;
}

/** A route selector: this message is the named command and addressed to the bot. */
function isCommand(name: CommandName) {
  return async (context: TurnContext): Promise<boolean> => commandNameOf(parsedCommand(context)) === name && isAddressed(turnInfo(context));
}

/**
 * One route per command word. A command is a message too: its text
 * (arguments included) passes the consent gate before anything runs, so
 * "@bot help, eleven Ali i 7B…" cannot slip a case past it. A command with
 * arguments it cannot parse gets its usage: "Så skriver du det", not
 * "Något gick fel", which is kept for faults.
 */
export function commandRoute(
  app: Application<TurnState>,
  services: BotServices,
  name: CommandName,
  handler: CommandHandler,
  usageKey = `commands.${name}.word`,
): void {
  app.message(isCommand(name), async (context) => {
    const command = parsedCommand(context);
    annotateSpan({ command: name });
    const turn = turnOf(context, services);
    const gate = await gateText(services, turn, context.activity.text ?? '');
    if (!gate.allowed) {
      annotateSpan({ outcome: 'refused' });
      await turn.send(gate.card);
      return;
    }
    if (command.kind === 'invalid') {
      // The card in the user's language; the usage in the words they typed ("boka …" to a Swedish word).
      await turn.send(usageCard(turn.locale, t(command.wordLanguage ?? turn.locale, usageKey)));
      return;
    }
    if (command.kind !== 'command') return;
    await handler({ turn, info: turn.info, services, command: command.command });
  });
}
