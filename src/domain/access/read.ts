import { membersOf, type Organisation } from '../organisation/model';
import { inTenant, personOf, type Actor } from './authorize';

/**
 * Who may see a group's meetings, agendas and minutes (their cards, with
 * agenda items and case references): the group's conveners, its members,
 * and the managers who oversee it — and nobody of another tenant. Every card
 * action that answers with such a card asks this first, before it looks the
 * meeting up, so a meeting id (it is in channel cards and in the calendar
 * feed) shows nothing to anyone else; what each of them may then *do* is
 * `authorize`'s business.
 */
export type ReadDecision = { allowed: true } | { allowed: false; reason: 'otherTenant' | 'unknownGroup' | 'notReader' };

export function mayReadGroup(org: Organisation, actor: Actor, groupId: string): ReadDecision {
  if (!inTenant(org, actor)) return { allowed: false, reason: 'otherTenant' };
  const group = org.groups.find((g) => g.id === groupId);
  if (!group) return { allowed: false, reason: 'unknownGroup' };
  const person = personOf(org, actor);
  if (!person) return { allowed: false, reason: 'notReader' };
  if (membersOf(group).includes(person.id)) return { allowed: true };
  const oversees = org.managers.some((m) => m.personId === person.id && (m.oversees === 'all' || m.oversees.includes(groupId)));
  return oversees ? { allowed: true } : { allowed: false, reason: 'notReader' };
}
