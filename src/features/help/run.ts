import { z } from 'zod';
import type { AdaptiveCardJson } from '../../cards/render';
import { parseCommand } from '../../domain/commands/parse';
import { COMMAND_NAMES, COMMAND_WORDS, type CommandName } from '../../domain/commands/words';
import { agenda, minutes } from '../agenda/commands';
import { concern } from '../concern';
import { consent } from '../consent/command';
import { contacts } from '../contacts';
import { digest } from '../digest/command';
import { group } from '../groups/command';
import { meetings } from '../meetings/meetings-command';
import { schedule } from '../meetings/schedule-command';
import { review } from '../reviews/command';
import { sip } from '../sip/command';
import { defineAction, type CommandHandler } from '../shared/feature';
import type { BotServices } from '../shared/services';
import type { Turn } from '../shared/turn';
import { withBackButton } from './back';
import { helpCard } from './card';
import { helpEntriesFor, roleLinesFor } from './entries';

/** The commands the help card's quick buttons may run: each without arguments, as if its word were typed. */
const RUNNABLE: Partial<Record<CommandName, CommandHandler>> = {
  group,
  schedule,
  meetings,
  agenda,
  minutes,
  review,
  consent,
  sip,
  digest,
  concern,
  contacts,
};

/** The help card for this user here. */
export async function helpCardFor(services: BotServices, turn: Turn): Promise<AdaptiveCardJson> {
  return helpCard(turn.locale, {
    entries: await helpEntriesFor(services, turn),
    roles: roleLinesFor(turn),
    quickActions: turn.info.conversationKind === 'personal',
  });
}

/**
 * A quick button on the help card (`help.run`): runs the command exactly as
 * typing its word would, and answers with the command's card in place of the
 * help card, with a button back to help. Buttons that post the word for the
 * user (imBack) do nothing in the Agents Playground; a card verb works in
 * Teams and the Playground alike.
 */
export const helpRun = defineAction({
  verb: 'help.run',
  schema: z.object({ command: z.enum(COMMAND_NAMES) }),
  async handle({ services, turn, data }) {
    const parsed = parseCommand(COMMAND_WORDS[data.command][turn.locale]);
    const run = RUNNABLE[data.command];
    if (parsed.kind !== 'command' || !run) return helpCardFor(services, turn);
    if (turn.info.conversationKind !== 'personal') {
      // The card offers no quick buttons outside personal chat; a channel's command posts cards others update (by message id), so it runs as typed.
      await run({ turn, info: turn.info, services, command: parsed.command });
      return helpCardFor(services, turn);
    }
    // The command answers through `send`: its last card becomes the answer, any before it are sent first, as messages.
    const cards: AdaptiveCardJson[] = [];
    const capturing: Turn = Object.create(turn, {
      send: {
        value: async (card: AdaptiveCardJson) => {
          cards.push(card);
          return undefined;
        },
      },
    });
    await run({ turn: capturing, info: turn.info, services, command: parsed.command });
    const answer = cards.pop();
    for (const card of cards) await turn.send(card);
    return answer
      ? withBackButton(answer, { verb: 'help.run', title: turn.t('help.back'), data: { command: 'help' } })
      : helpCardFor(services, turn);
  },
});
