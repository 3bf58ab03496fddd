import { describe, expect, it } from 'vitest';
import { cardBytes, MAX_CARD_BYTES } from '../../../src/cards/size';
import { loadOrganisation, type Organisation } from '../../../src/domain/organisation';
import { composeCard, MAX_PEOPLE_CHOICES } from '../../../src/features/broadcast/cards';

/** The compose card offers people and groups to reach personally, within the card's 40 KB. */

function demo(): Organisation {
  const r = loadOrganisation('local-demo');
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.organisation;
}
const day = (iso: string) => iso.slice(0, 10);
const inputs = (card: unknown) => JSON.stringify(card).match(/"id":"(groupIds|memberGroupIds|personIds)"/g) ?? [];
const choicesOf = (card: { body: unknown[] }, id: string) => {
  const found = JSON.stringify(card).match(new RegExp(`"id":"${id}"[^\\]]*"choices":\\[([^\\]]*)\\]`));
  return found ? (found[1]!.match(/"value"/g) ?? []).length : 0;
};

describe('the broadcast compose card', () => {
  it('offers every person of the organisation file by name, and the groups for their channels and for their members', () => {
    const org = demo();
    const card = composeCard('sv', org, [], day);
    expect(inputs(card)).toEqual(['"id":"groupIds"', '"id":"memberGroupIds"', '"id":"personIds"']);
    expect(choicesOf(card, 'personIds')).toBe(org.people.length);
    expect(JSON.stringify(card)).toContain('"title":"Isaiah Langer","value":"isaiah.langer"');
    expect(JSON.stringify(composeCard('en', org, [], day))).toContain("To the groups' members, each in their chat with the bot");
  });

  it('stays within 40 KB for a large organisation: fewer people to choose, and without member groups when the groups alone fill it', () => {
    const base = demo();
    const people = Array.from({ length: 2000 }, (_, i) => ({ ...base.people[0]!, id: `person.${i}`, displayName: `Person Nummer ${i}` }));
    const many = { ...base, people: [...base.people, ...people] } as Organisation;
    const card = composeCard('sv', many, [], day);
    expect(cardBytes(card)).toBeLessThanOrEqual(MAX_CARD_BYTES);
    expect(choicesOf(card, 'personIds')).toBeGreaterThan(0);
    expect(choicesOf(card, 'personIds')).toBeLessThanOrEqual(MAX_PEOPLE_CHOICES);

    const groups = Array.from({ length: 400 }, (_, i) => ({
      ...base.groups[0]!,
      id: `grupp-${i}`,
      name: `Arbetsgrupp för skola och socialtjänst ${i}`,
    }));
    const huge = { ...many, groups: [...base.groups, ...groups] } as Organisation;
    const big = composeCard('sv', huge, [], day);
    expect(inputs(big)).toEqual(['"id":"groupIds"']);
    expect(cardBytes(big)).toBeLessThanOrEqual(MAX_CARD_BYTES);
  });
});
