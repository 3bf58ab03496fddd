import type { CommandContext } from '../shared/feature';
import { helpCard } from './card';
import { helpEntriesFor, roleLinesFor } from './entries';

/** `hjälp` / `help`: the commands this user may use here. */
export async function help({ services, turn }: CommandContext): Promise<void> {
  await turn.send(
    helpCard(turn.locale, {
      entries: await helpEntriesFor(services, turn),
      roles: roleLinesFor(turn),
      quickActions: turn.info.conversationKind === 'personal',
    }),
  );
}
