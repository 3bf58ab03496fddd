import { groupsWhere, type Capability } from '../../domain/access';
import type { Group, Organisation } from '../../domain/organisation';
import type { Turn } from './turn';

/**
 * The group a command is about: the group linked to this conversation, else
 * the only group where the user has `capability` (in a personal chat, a
 * convener of one group need not name it). Undefined when neither says.
 */
export async function commandGroup(deps: { organisation: Organisation }, turn: Turn, capability: Capability): Promise<Group | undefined> {
  const here = await turn.groupHere();
  if (here) return here;
  const mine = groupsWhere(deps.organisation, turn.actor, capability);
  return mine.length === 1 ? mine[0] : undefined;
}
