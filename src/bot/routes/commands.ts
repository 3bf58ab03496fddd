import type { Application, TurnState } from '@microsoft/teams-ai';
import { errorCard } from '../../cards/common';
import type { CommandName } from '../../domain/commands/words';
import { t } from '../../i18n';
import type { BotServices } from '../../features/shared/services';
import { sendCard, turnInfo } from '../turn';
import { gateText } from '../../features/consent/gate';
import { isCommand, parsedCommand, type CommandContext } from '../../features/shared/command';
import { consent } from '../../features/consent/command';
import { group } from '../../features/groups/command';
import { help } from '../../features/help/command';
import { meetings } from '../../features/meetings/meetings-command';
import { agenda, minutes } from '../../features/agenda/commands';
import { digest, review } from '../../features/reviews/command';
import { schedule } from '../../features/meetings/schedule-command';
import { notYet, NOT_YET } from '../../features/help/not-yet';

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
