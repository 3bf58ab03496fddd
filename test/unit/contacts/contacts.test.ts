import { describe, expect, it } from 'vitest';
import { findContacts, normaliseQuery } from '../../../src/domain/contacts/contacts';
import { loadOrganisation, type Organisation } from '../../../src/domain/organisation';
import { contactsCard, CONTACTS_PAGE_SIZE } from '../../../src/features/contacts/card';
import { MAX_CARD_BYTES, cardBytes } from '../../../src/cards/size';

function demo(): Organisation {
  const r = loadOrganisation('local-demo');
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.organisation;
}

const names = (org: Organisation, q?: string, asker?: string) => findContacts(org, q, asker).map((c) => c.person.displayName);

describe('findContacts', () => {
  const org = demo();

  it('without a query: everyone, once each', () => {
    const all = names(org);
    expect(all).toHaveLength(org.people.length);
    expect(new Set(all).size).toBe(all.length);
  });

  it('by role, case and diacritics aside', () => {
    expect(names(org, 'KURATOR').sort()).toEqual(['Emma Varg', 'Megan Bowen']);
    expect(names(org, 'skolskoterska')).toEqual(['Ingrid Sand']);
  });

  it('by agency name, id or kind word, by group, by name; a name ranks above a role', () => {
    const social = findContacts(org, 'socialtjänst');
    expect(social.length).toBeGreaterThan(3);
    for (const c of social) expect(c.agency?.kind).toBe('social-services');
    expect(names(org, 'styrgrupp')).toEqual(expect.arrayContaining(['Karin Holm', 'Per Lund', 'Alex Wilber']));
    expect(names(org, 'sofia')).toEqual(['Sofia Hed']);
    expect(names(org, 'nobody at all')).toEqual([]);
  });

  it("people with a phone or e-mail first, then the asker's own groups", () => {
    const withPhone: Organisation = { ...org, people: org.people.map((p) => (p.id === 'nils.bjork' ? { ...p, phone: '0512-1' } : p)) };
    // The preset gives two conveners placeholder numbers; Nils joins them ahead of everyone without one.
    const reachable = withPhone.people.filter((p) => p.phone || p.email).length;
    expect(reachable).toBeGreaterThan(1);
    expect(names(withPhone).slice(0, reachable)).toContain('Nils Björk');
    expect(names(org).slice(0, reachable - 1)).not.toContain('Nils Björk');
    // Megan is in the operative group: its people come before the others (none has a phone).
    const forMegan = findContacts(org, undefined, 'megan.bowen');
    const firstOutside = forMegan.findIndex((c) => !c.groups.some(({ group }) => group.id === 'operativ'));
    const lastInside = forMegan.map((c) => c.groups.some(({ group }) => group.id === 'operativ')).lastIndexOf(true);
    expect(lastInside).toBeLessThan(firstOutside);
  });

  it('lists conveners with their groups', () => {
    const alex = findContacts(org, 'alex')[0]!;
    expect(alex.groups.every((g) => g.convener)).toBe(true);
    expect(alex.groups.map((g) => g.group.id).sort()).toEqual(['operativ', 'samverkansgrupp', 'styrgrupp']);
  });

  it('normaliseQuery folds case, diacritics and spaces', () => {
    expect(normaliseQuery('  Socialtjänsten   Öst ')).toBe('socialtjansten ost');
  });
});

describe('contactsCard', () => {
  it('a page of at most CONTACTS_PAGE_SIZE people within 40 KB, however long their groups', () => {
    const org = demo();
    const many = Array.from({ length: 300 }, (_, i) => ({
      person: { id: `p${i}`, displayName: `Person ${i}`, role: 'R'.repeat(180), phone: '0512-000 00', email: `p${i}@example.se` },
      groups: Array.from({ length: 40 }, (_, j) => ({
        group: { ...org.groups[0]!, id: `g${j}`, name: `Grupp ${j} ${'x'.repeat(80)}` },
        convener: j % 2 === 0,
      })),
    }));
    for (const locale of ['sv', 'en'] as const) {
      const card = contactsCard(locale, { contacts: many, offset: 0 });
      expect(cardBytes(card)).toBeLessThanOrEqual(MAX_CARD_BYTES);
      const shown = JSON.stringify(card).match(/Person \d+ ·/g) ?? [];
      expect(shown.length).toBeGreaterThan(0);
      expect(shown.length).toBeLessThanOrEqual(CONTACTS_PAGE_SIZE);
      expect(JSON.stringify(card)).toContain('"verb":"contacts.more"');
    }
  });
});
