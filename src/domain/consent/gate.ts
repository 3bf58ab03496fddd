import { coversGroup, status, type Consent } from './consent';
import type { Finding, IdentifierCategory } from './identifiers';
import type { SubjectKind } from './subject-hash';

export type GroupLevel = 'strategic' | 'tactical' | 'operative';
export type RefusalReason = 'noConsent' | 'notThisGroup' | 'expired' | 'withdrawn' | 'neverOnThisLevel';

/** Where the message was written: the linked group, or none. */
export type GateContext = { groupId: string; level: GroupLevel } | undefined;

/**
 * One person a message identifies, as the gate can find them again: by the
 * keyed hash of a personnummer or of a normalised name. Identifiers that
 * carry no such key (an address, a phone number, an e-mail address) belong to
 * the keyed persons of the same message; alone, they make one person.
 */
export interface IdentifiedPerson {
  /** Undefined for a person known only by unkeyed identifiers. */
  hash?: string;
  kind?: SubjectKind;
  /** For a name: how many words it has (a first name alone is 1). */
  words?: number;
  categories: IdentifierCategory[];
}

export type GateDecision =
  | { identifiable: false; allowed: true; categories: []; caseRefs: [] }
  | { identifiable: true; allowed: true; categories: IdentifierCategory[]; caseRefs: string[] }
  | { identifiable: true; allowed: false; reason: RefusalReason; categories: IdentifierCategory[]; caseRefs: string[] };

export interface GateInput {
  findings: Finding[];
  context: GateContext;
  /** The persons of personsOf(findings, hash), in order. */
  persons: IdentifiedPerson[];
  /** Consents found by each person's hash. */
  consentsByHash: ReadonlyMap<string, Consent[]>;
  /** Consents named by case references written in the message (unknown references are absent). */
  consentsByCaseRef: ReadonlyMap<string, Consent>;
  /** YYYY-MM-DD. */
  today: string;
}

const PERSONNUMMER_CATEGORIES: ReadonlySet<IdentifierCategory> = new Set(['personnummer', 'samordningsnummer']);

/** Groups the findings into the persons they identify; `hash` keys a normalised value. */
export function personsOf(findings: Finding[], hash: (kind: SubjectKind, normalised: string) => string): IdentifiedPerson[] {
  const keyed = new Map<string, IdentifiedPerson>();
  const unkeyed: IdentifierCategory[] = [];
  for (const f of findings) {
    if (f.normalised) {
      const kind: SubjectKind = PERSONNUMMER_CATEGORIES.has(f.category) ? 'personnummer' : 'name';
      const h = hash(kind, f.normalised);
      const p = keyed.get(h) ?? { hash: h, kind, ...(kind === 'name' ? { words: f.normalised.split(' ').length } : {}), categories: [] };
      if (!p.categories.includes(f.category)) p.categories.push(f.category);
      keyed.set(h, p);
    } else if (!unkeyed.includes(f.category)) {
      unkeyed.push(f.category);
    }
  }
  const persons = [...keyed.values()];
  if (persons.length === 0 && unkeyed.length) return [{ categories: unkeyed }];
  for (const c of unkeyed) if (!persons[0]!.categories.includes(c)) persons[0]!.categories.push(c);
  return persons;
}

function categoriesOf(findings: Finding[]): IdentifierCategory[] {
  const out: IdentifierCategory[] = [];
  for (const f of findings) if (!out.includes(f.category)) out.push(f.category);
  return out;
}

/** Whether the consent's subject is provably this person: the same keyed personnummer, name or first name. */
function isSubject(c: Consent, p: IdentifiedPerson): boolean {
  if (!p.hash) return false;
  if (p.kind === 'personnummer') return c.subject.personnummer === p.hash;
  return c.subject.name === p.hash || c.subject.givenName === p.hash;
}

/**
 * A consent named by a case reference may be this person's unless what the
 * consent holds says otherwise: another personnummer, or another name (a
 * sibling, a parent, a classmate written beside the case).
 */
function mayBe(c: Consent, p: IdentifiedPerson): boolean {
  if (!p.hash) return true;
  if (isSubject(c, p)) return true;
  if (p.kind === 'personnummer') return !c.subject.personnummer;
  if (!c.subject.name) return true;
  // A consent that holds no first name of its own (givenName unset) cannot be told apart from a first name written alone.
  return c.subject.givenName === undefined && p.words === 1;
}

/** Why none of a person's consents covers them here; a consent in force elsewhere says the most. */
function whyNotCovered(consents: Consent[], groupId: string, today: string): RefusalReason {
  const statuses = consents.map((c) => ({ c, s: status(c, today) }));
  if (statuses.some(({ s }) => s === 'inForce')) return 'notThisGroup';
  const here = statuses.filter(({ c }) => coversGroup(c, groupId));
  const pool = here.length ? here : statuses;
  if (pool.some(({ s }) => s === 'withdrawn')) return 'withdrawn';
  if (pool.some(({ s }) => s === 'expired')) return 'expired';
  return 'noConsent';
}

/**
 * The consent gate: may this message be posted here? A message that
 * identifies nobody passes. One that does is refused in strategic and
 * tactical groups and wherever no operative group is linked; in an operative
 * group it passes only when every person it identifies is covered by a
 * consent in force for this group — found by the person's keyed hash, or
 * named by a case reference written in the same message (each reference
 * covers one person, and never one whose personnummer differs from the
 * consent's).
 */
export function decide(input: GateInput): GateDecision {
  const { findings, context, persons, today } = input;
  if (findings.length === 0) return { identifiable: false, allowed: true, categories: [], caseRefs: [] };
  const categories = categoriesOf(findings);
  const writtenRefs = [...input.consentsByCaseRef.keys()];
  if (context?.level !== 'operative') {
    return { identifiable: true, allowed: false, reason: 'neverOnThisLevel', categories, caseRefs: writtenRefs };
  }
  const groupId = context.groupId;
  const usable = (c: Consent) => status(c, today) === 'inForce' && coversGroup(c, groupId);

  const used = new Set<string>();
  const uncovered: IdentifiedPerson[] = [];
  const named = [...input.consentsByCaseRef.values()];
  for (const p of persons) {
    // Found by their own keyed identifier, or provably the subject of a consent named in the message
    // (a first name beside its case reference); either covers them without using up a reference.
    const match =
      (p.hash ? (input.consentsByHash.get(p.hash) ?? []).find(usable) : undefined) ?? named.find((c) => usable(c) && isSubject(c, p));
    if (match) used.add(match.caseRef);
    else uncovered.push(p);
  }
  const refsLeft = [...input.consentsByCaseRef.values()].filter((c) => usable(c) && !used.has(c.caseRef));
  const stillUncovered: IdentifiedPerson[] = [];
  for (const p of uncovered) {
    const i = refsLeft.findIndex((c) => mayBe(c, p));
    if (i >= 0) {
      used.add(refsLeft[i]!.caseRef);
      refsLeft.splice(i, 1);
    } else {
      stillUncovered.push(p);
    }
  }
  if (stillUncovered.length === 0) return { identifiable: true, allowed: true, categories, caseRefs: [...used] };

  const first = stillUncovered[0]!;
  const own = first.hash ? (input.consentsByHash.get(first.hash) ?? []) : [];
  const namedHere = named.filter((c) => !used.has(c.caseRef) && mayBe(c, first));
  const reason = whyNotCovered([...own, ...namedHere], groupId, today);
  const related = [...new Set([...used, ...own.map((c) => c.caseRef), ...namedHere.map((c) => c.caseRef)])];
  return { identifiable: true, allowed: false, reason, categories, caseRefs: related };
}
