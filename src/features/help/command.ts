import type { CommandContext } from '../shared/feature';
import { helpCardFor } from './run';

/** `hjälp` / `help`: the commands this user may use here. */
export async function help({ services, turn }: CommandContext): Promise<void> {
  await turn.send(await helpCardFor(services, turn));
}
