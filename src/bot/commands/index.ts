import type { Application, TurnState } from '@microsoft/teams-ai';
import { errorCard } from '../../cards/common';
import type { CommandName } from '../../domain/commands/words';
import { t } from '../../i18n';
import type { BotServices } from '../services';
import { sendCard, turnInfo } from '../turn';
import { gateText } from '../messages/gate';
import { isCommand, parsedCommand, type CommandContext } from './command';
import { consent } from './consent';
import { group } from './group';
import { help } from './help';
import { meetings } from './meetings';
import { agenda, minutes } from './agenda';
import { digest, review } from './reviews';
import { schedule } from './schedule';
import { notYet, NOT_YET } from './not-yet';

const HANDLERS: Record<CommandName, (ctx: CommandContext) => Promise<void>> = {
  help,
  group,
  schedule,
  meetings,
  agenda,
  minutes,
  review,
  consent,
  digest,
};

const USAGE_KEYS: Partial<Record<CommandName, string>> = {
  group: 'usage.group',
  schedule: 'usage.schedule',
  meetings: 'usage.meetings',
  agenda: 'usage.agenda',
  consent: 'usage.consent',
};

/** One route per command word; a command with arguments it cannot parse gets its usage. */
export function registerCommands(app: Application<TurnState>, services: BotServices): void {
  for (const [name, handler] of Object.entries(HANDLERS) as [CommandName, (ctx: CommandContext) => Promise<void>][]) {
    if (handler === notYet) NOT_YET.add(name);
    app.message(isCommand(name), async (context, state) => {
      const parsed = parsedCommand(context);
      const info = turnInfo(context);
      // A command is a message too: its text (arguments included) passes the
      // consent gate before anything runs, so "@bot help, eleven Ali i 7B…"
      // cannot slip a case past it.
      const gate = await gateText(services, info, context.activity.text ?? '', { context });
      if (!gate.allowed) {
        await sendCard(context, gate.card);
        return;
      }
      if (parsed.kind === 'invalid') {
        await sendCard(
          context,
          errorCard(info.locale, 'error.usage', { usage: t(info.locale, USAGE_KEYS[name] ?? `commands.${name}.word`) }),
        );
        return;
      }
      if (parsed.kind !== 'command') return;
      await handler({ context, state, services, info, command: parsed.command });
    });
  }
}
