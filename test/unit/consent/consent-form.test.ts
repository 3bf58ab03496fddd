import { describe, expect, it } from 'vitest';
import { consentRecordRules, guardianWarning, problemsByField, type GroupLevel } from '../../../src/domain/consent';
import { validateOrganisation } from '../../../src/domain/organisation';

const groups = new Map<string, GroupLevel>([['operativ', 'operative']]);
const rules = consentRecordRules({
  today: '2026-03-10',
  groups,
  now: new Date('2026-03-10T10:00:00Z'),
  agencies: new Set(['skola', 'socialtjanst', 'bup']),
});

const good = {
  subjectPersonnummer: '150312-1236',
  groupIds: 'operativ',
  validUntil: '2026-06-30',
  parties: 'guardian1,guardian2',
  purpose: 'Samordning kring skolgång',
  form: 'written',
};

function parse(over: Record<string, string>) {
  return rules.safeParse({ ...good, ...over });
}
function problems(over: Record<string, string>) {
  const r = parse(over);
  return r.success ? {} : problemsByField(r.error);
}

describe('the consent form through its life: guardians, the child, agencies', () => {
  it('records one guardian without a reason, and the warning stands', () => {
    const r = parse({ parties: 'guardian1' });
    expect(r.success).toBe(true);
    if (!r.success) return;
    expect(r.data.singleGuardianReason).toBeUndefined();
    expect(guardianWarning({ parties: r.data.parties, singleGuardianReason: r.data.singleGuardianReason })).toBe(true);
  });
  it('no warning with both guardians, nor with one and a reason; a reason with both is dropped', () => {
    expect(guardianWarning({ parties: ['guardian1', 'guardian2'] })).toBe(false);
    const sole = parse({ parties: 'guardian2', singleGuardianReason: 'soleCustody' });
    expect(sole.success && sole.data.singleGuardianReason).toBe('soleCustody');
    expect(guardianWarning({ parties: ['guardian2'], singleGuardianReason: 'soleCustody' })).toBe(false);
    const both = parse({ singleGuardianReason: 'soleCustody' });
    expect(both.success && both.data.singleGuardianReason).toBeUndefined();
  });
  it('refuses an unknown reason', () => {
    expect(problems({ parties: 'guardian1', singleGuardianReason: 'busy' })).toEqual({ singleGuardianReason: ['reasonUnknown'] });
  });
  it("the young person's own consent needs the child among the parties and a stated age", () => {
    expect(problems({ parties: 'guardian1', singleGuardianReason: 'ownConsent' })).toEqual({
      singleGuardianReason: ['ownConsentNeedsChild'],
      childAge: ['ownConsentNeedsAge'],
    });
    const r = parse({ parties: 'child', singleGuardianReason: 'ownConsent', childAge: '16' });
    expect(r.success).toBe(true);
    if (r.success) expect([r.data.singleGuardianReason, r.data.childAge]).toEqual(['ownConsent', 16]);
  });
  it("asks for the child's view from 12 when the child is not a party, not below", () => {
    expect(problems({ childAge: '13' })).toEqual({ childView: ['childViewMissing'] });
    expect(problems({ childAge: '11' })).toEqual({});
    expect(problems({ childAge: '13', parties: 'guardian1,guardian2,child' })).toEqual({});
    expect(problems({ childAge: '13', childView: 'objects' })).toEqual({});
    expect(problems({ childAge: 'tretton' })).toEqual({ childAge: ['childAgeInvalid'] });
    expect(problems({ childView: 'maybe' })).toEqual({ childView: ['childViewUnknown'] });
  });
  it("gates the child's view note: no identifier, not the subject's own name", () => {
    expect(problems({ childViewNote: 'Vill att skolan och BUP pratar med varandra' })).toEqual({});
    expect(problems({ childViewNote: 'Syskonet 160708-4561 ska inte vara med' })).toEqual({ childViewNote: ['identifierInText'] });
    expect(problems({ subjectName: 'Kalle Testsson', childViewNote: 'Kalle vill vara med' })).toEqual({ childViewNote: ['subjectInText'] });
    const r = parse({ childViewNote: 'Vill vara med på mötet' });
    expect(r.success && String(r.data.childViewNote)).toBe('Vill vara med på mötet');
  });
  it('limits the consent to the organisation’s agencies', () => {
    const r = parse({ agencies: 'skola, bup' });
    expect(r.success && r.data.agencies).toEqual(['skola', 'bup']);
    expect(problems({ agencies: 'skola,polisen' })).toEqual({ agencies: ['agencyUnknown'] });
    const none = parse({});
    expect(none.success && none.data.agencies).toEqual([]);
  });
});

describe('consentFormUrl in the organisation file', () => {
  const base = { id: 'x', name: 'X kommun' };
  it('takes an https link and refuses any other', () => {
    const ok = validateOrganisation({ ...base, consentFormUrl: 'https://www.x.example.se/blankett.pdf' }, 'x.yaml');
    expect(ok.ok && ok.organisation.consentFormUrl).toBe('https://www.x.example.se/blankett.pdf');
    const bad = validateOrganisation({ ...base, consentFormUrl: 'http://www.x.example.se/blankett.pdf' }, 'x.yaml');
    expect(bad.ok).toBe(false);
  });
});
