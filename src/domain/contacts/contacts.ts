import { indexOf } from '../organisation/lookup';
import type { Agency, Group, Organisation, Person } from '../organisation/model';

/**
 * Who to call: the organisation's people (officials only: the file never
 * lists children or families) with their role, agency, groups, and the
 * phone and e-mail the file gives. A query looks in roles, agencies (name,
 * id or kind), group names and people's names; without one, everyone, the
 * asker's own groups first.
 */

export interface Contact {
  person: Person;
  agency?: Agency;
  /** The groups the person convenes first, then those they are a member of. */
  groups: Array<{ group: Group; convener: boolean }>;
}

/** Lower case, without diacritics and extra spaces: "Skolkurator", "skolkurator " and "SKOLKURÅTOR" compare alike enough. */
export function normaliseQuery(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('sv').replace(/\s+/g, ' ').trim();
}

/** Words a user may type for an agency kind, in Swedish and English. */
const KIND_WORDS: Record<Agency['kind'], string[]> = {
  'social-services': ['socialtjanst', 'socialtjansten', 'social', 'soc', 'social services', 'ifo'],
  school: ['skola', 'skolan', 'school', 'elevhalsa', 'elevhalsan', 'barn- och utbildning', 'bou'],
  'culture-leisure': ['kultur', 'fritid', 'kultur och fritid', 'culture', 'leisure'],
  'child-psychiatry': ['bup', 'barnpsykiatri', 'child psychiatry', 'psykiatri'],
  habilitation: ['hab', 'habilitering', 'habiliteringen', 'habilitation'],
  'child-health': ['bvc', 'barnhalsovard', 'child health', 'barnavardscentral'],
  police: ['polis', 'polisen', 'police'],
  other: [],
};

function contactOf(org: Organisation, person: Person): Contact {
  const index = indexOf(org);
  const agency = person.agency ? org.agencies.find((a) => a.id === person.agency) : undefined;
  const of = index.groupsOf.get(person.id);
  const groups = [
    ...(of?.convenes ?? []).map((group) => ({ group, convener: true })),
    ...(of?.memberOf ?? []).map((group) => ({ group, convener: false })),
  ];
  return { person, ...(agency ? { agency } : {}), groups };
}

/** How well a person matches the query: 3 name, 2 role, 1 agency or group; 0 none. */
function score(c: Contact, q: string): number {
  if (normaliseQuery(c.person.displayName).includes(q)) return 3;
  if (normaliseQuery(c.person.role).includes(q)) return 2;
  const a = c.agency;
  if (a && (normaliseQuery(a.name).includes(q) || a.id === q || KIND_WORDS[a.kind].includes(q))) return 1;
  if (c.groups.some(({ group }) => group.id === q || normaliseQuery(group.name).includes(q))) return 1;
  return 0;
}

/**
 * The contacts for a query (none: everyone), best match first; people with
 * a phone or e-mail before those without; then the asker's own groups'
 * people, then by name. `askerId` is the asker's person id, if known.
 */
export function findContacts(org: Organisation, query: string | undefined, askerId?: string): Contact[] {
  const q = query ? normaliseQuery(query) : '';
  const own = new Set<string>();
  if (askerId) {
    const of = indexOf(org).groupsOf.get(askerId);
    for (const g of [...(of?.convenes ?? []), ...(of?.memberOf ?? [])]) own.add(g.id);
  }
  const scored = org.people
    .map((p) => contactOf(org, p))
    .map((c) => ({ c, s: q ? score(c, q) : 1, near: c.groups.some(({ group }) => own.has(group.id)) ? 1 : 0 }))
    .filter((x) => x.s > 0);
  const reachable = (c: Contact) => (c.person.phone || c.person.email ? 1 : 0);
  return scored
    .sort(
      (a, b) =>
        b.s - a.s ||
        reachable(b.c) - reachable(a.c) ||
        b.near - a.near ||
        a.c.person.displayName.localeCompare(b.c.person.displayName, 'sv'),
    )
    .map((x) => x.c);
}
