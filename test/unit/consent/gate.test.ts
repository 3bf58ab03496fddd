import { describe, expect, it } from 'vitest';
import { decide, personsOf, type Consent, type Finding, type GateContext } from '../../../src/domain/consent';
import { aConsent } from './fixtures';

const hash = (kind: string, v: string) => `h(${kind}:${v})`;
const pnr = (n: string, start = 0): Finding => ({ category: 'personnummer', confidence: 1, start, end: start + 13, normalised: n });
const name = (n: string): Finding => ({ category: 'name', confidence: 0.9, start: 20, end: 30, normalised: n });
const phone: Finding = { category: 'phone', confidence: 0.9, start: 40, end: 52 };

const OPERATIVE: GateContext = { groupId: 'operativ', level: 'operative' };
const TODAY = '2026-03-10';

const CHILD_A = '201503121236';
const CHILD_B = '201607084561';
const consentA = aConsent({ caseRef: 'SAM-AAAAAAAA', subject: { personnummer: hash('personnummer', CHILD_A) } });

function run(findings: Finding[], context: GateContext, consents: Consent[] = [], written: Consent[] = []) {
  const persons = personsOf(findings, hash);
  const byHash = new Map<string, Consent[]>();
  for (const p of persons) {
    if (!p.hash) continue;
    byHash.set(
      p.hash,
      consents.filter((c) => c.subject.personnummer === p.hash || c.subject.name === p.hash),
    );
  }
  return decide({
    findings,
    context,
    persons,
    consentsByHash: byHash,
    consentsByCaseRef: new Map(written.map((c) => [c.caseRef, c])),
    today: TODAY,
  });
}

describe('the consent gate decides', () => {
  it('lets a message that identifies nobody pass anywhere', () => {
    expect(run([], undefined)).toMatchObject({ identifiable: false, allowed: true });
  });

  it('refuses an identified child in an operative group without consent', () => {
    expect(run([pnr(CHILD_A)], OPERATIVE)).toMatchObject({ allowed: false, reason: 'noConsent', categories: ['personnummer'] });
  });

  it('allows a child covered by a consent in force for this group, naming the case', () => {
    expect(run([pnr(CHILD_A)], OPERATIVE, [consentA])).toMatchObject({ allowed: true, caseRefs: ['SAM-AAAAAAAA'] });
  });

  it('refuses two children when only one is covered', () => {
    expect(run([pnr(CHILD_A), pnr(CHILD_B, 30)], OPERATIVE, [consentA])).toMatchObject({ allowed: false, reason: 'noConsent' });
  });

  it('refuses when the consent has expired', () => {
    const expired = { ...consentA, validUntil: '2026-03-09' };
    expect(run([pnr(CHILD_A)], OPERATIVE, [expired])).toMatchObject({ allowed: false, reason: 'expired' });
  });

  it('refuses when the consent was withdrawn', () => {
    const withdrawn = { ...consentA, withdrawnAt: '2026-03-01T10:00:00Z', withdrawnBy: 'x' };
    expect(run([pnr(CHILD_A)], OPERATIVE, [withdrawn])).toMatchObject({ allowed: false, reason: 'withdrawn' });
  });

  it('refuses in an operative group the consent does not name', () => {
    expect(run([pnr(CHILD_A)], { groupId: 'vits', level: 'operative' }, [consentA])).toMatchObject({
      allowed: false,
      reason: 'notThisGroup',
    });
  });

  it('always refuses in a tactical or strategic group, even with consent', () => {
    expect(run([pnr(CHILD_A)], { groupId: 'samverkansgrupp', level: 'tactical' }, [consentA])).toMatchObject({
      allowed: false,
      reason: 'neverOnThisLevel',
    });
    expect(run([pnr(CHILD_A)], { groupId: 'styrgrupp', level: 'strategic' }, [consentA])).toMatchObject({
      allowed: false,
      reason: 'neverOnThisLevel',
    });
  });

  it('always refuses in a conversation linked to no group', () => {
    expect(run([pnr(CHILD_A)], undefined, [consentA])).toMatchObject({ allowed: false, reason: 'neverOnThisLevel' });
  });

  it('lets a case reference written with a name cover that person', () => {
    expect(run([name('kalle')], OPERATIVE, [], [consentA])).toMatchObject({ allowed: true, caseRefs: ['SAM-AAAAAAAA'] });
  });

  it('lets one case reference cover one person, not two', () => {
    expect(run([name('kalle'), name('lisa')], OPERATIVE, [], [consentA])).toMatchObject({ allowed: false });
  });

  it('does not let a case reference cover a personnummer that differs from its consent', () => {
    expect(run([pnr(CHILD_B)], OPERATIVE, [], [consentA])).toMatchObject({ allowed: false, reason: 'noConsent' });
  });

  it('does not let an expired case reference cover anyone', () => {
    expect(run([name('kalle')], OPERATIVE, [], [{ ...consentA, validUntil: '2026-01-31' }])).toMatchObject({
      allowed: false,
      reason: 'expired',
    });
  });

  it('takes a phone number written with a covered child as the child’s', () => {
    expect(run([pnr(CHILD_A), phone], OPERATIVE, [consentA])).toMatchObject({ allowed: true, categories: ['personnummer', 'phone'] });
  });

  it('refuses a phone number alone unless a case reference covers it', () => {
    expect(run([phone], OPERATIVE)).toMatchObject({ allowed: false, reason: 'noConsent' });
    expect(run([phone], OPERATIVE, [], [consentA])).toMatchObject({ allowed: true });
  });

  it('lets a case reference cover its own subject only, never a second name beside it', () => {
    const named = aConsent({ caseRef: 'SAM-NNNNNNNN', subject: { name: hash('name', 'wilma berg'), givenName: hash('name', 'wilma') } });
    // Her full name and her first name alone, with the reference: both her.
    expect(run([name('wilma berg'), name('wilma')], OPERATIVE, [], [named])).toMatchObject({ allowed: true, caseRefs: ['SAM-NNNNNNNN'] });
    // A sibling written with her reference is someone else: refused, and so is a sibling alone with it.
    expect(run([name('wilma berg'), name('leo berg')], OPERATIVE, [], [named])).toMatchObject({ allowed: false, reason: 'noConsent' });
    expect(run([name('leo berg')], OPERATIVE, [], [named])).toMatchObject({ allowed: false, reason: 'noConsent' });
    expect(run([name('leo')], OPERATIVE, [], [named])).toMatchObject({ allowed: false, reason: 'noConsent' });
    // Another personnummer beside a name-only consent's reference is not covered by it once the name is.
    expect(run([name('wilma'), pnr(CHILD_B)], OPERATIVE, [], [named])).toMatchObject({ allowed: false });
  });

  it('lets each identified person be covered by a consent of their own, each named or found', () => {
    const a = aConsent({ caseRef: 'SAM-NNNNNNNN', subject: { name: hash('name', 'wilma berg'), givenName: hash('name', 'wilma') } });
    const b = aConsent({ caseRef: 'SAM-BBBBBBBB', subject: { personnummer: hash('personnummer', CHILD_B) } });
    expect(run([name('wilma'), pnr(CHILD_B)], OPERATIVE, [b], [a])).toMatchObject({ allowed: true });
    expect(run([name('wilma'), pnr(CHILD_B)], OPERATIVE, [], [a, b])).toMatchObject({ allowed: true });
    expect(run([name('wilma'), pnr(CHILD_B)], OPERATIVE, [], [a, { ...b, scope: { ...b.scope, groupIds: ['annan'] } }])).toMatchObject({
      allowed: false,
    });
  });

  it('cannot tell a first name from a full name of a consent recorded before first names were kept', () => {
    const legacy = aConsent({ caseRef: 'SAM-LLLLLLLL', subject: { name: hash('name', 'wilma berg') } });
    expect(run([name('wilma')], OPERATIVE, [], [legacy])).toMatchObject({ allowed: true });
    expect(run([name('leo berg')], OPERATIVE, [], [legacy])).toMatchObject({ allowed: false });
  });

  it('reports every kind of identifier it saw, once', () => {
    const d = run([pnr(CHILD_A), pnr(CHILD_B, 30), phone], { groupId: 'samverkansgrupp', level: 'tactical' });
    expect(d.categories).toEqual(['personnummer', 'phone']);
  });
});
