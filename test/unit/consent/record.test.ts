import { describe, expect, it } from 'vitest';
import { consentRecordRules, problemsByField, type GroupLevel } from '../../../src/domain/consent';

const groups = new Map<string, GroupLevel>([
  ['operativ', 'operative'],
  ['samverkansgrupp', 'tactical'],
  ['styrgrupp', 'strategic'],
]);
const rules = consentRecordRules({ today: '2026-03-10', groups, now: new Date('2026-03-10T10:00:00Z') });

const good = {
  subjectPersonnummer: '150312-1236',
  subjectName: '',
  groupIds: 'operativ',
  validFrom: '',
  validUntil: '2026-06-30',
  parties: 'guardian1,guardian2',
  purpose: 'Samordning kring skolgång',
  informationCategories: 'skolgång, hälsa',
  exclusions: '',
  form: 'written',
  documentRef: 'Dnr 2026/12',
};

function problems(data: Partial<typeof good>) {
  const r = rules.safeParse({ ...good, ...data });
  return r.success ? {} : problemsByField(r.error);
}

describe('recording a consent', () => {
  it('accepts a complete form, normalises the personnummer and starts today by default', () => {
    const r = rules.safeParse(good);
    expect(r.success).toBe(true);
    if (r.success) {
      expect(r.data.personnummer).toBe('201503121236');
      expect(r.data.validFrom).toBe('2026-03-10');
      expect(r.data.parties).toEqual(['guardian1', 'guardian2']);
    }
  });
  it('explains a personnummer with a bad check digit', () => {
    expect(problems({ subjectPersonnummer: '150312-1235' })).toEqual({ subjectPersonnummer: ['personnummerInvalid'] });
  });
  it('needs a subject: a personnummer or a name', () => {
    expect(problems({ subjectPersonnummer: '' })).toEqual({ subjectPersonnummer: ['subjectMissing'] });
    expect(problems({ subjectPersonnummer: '', subjectName: 'Kalle Karlsson' })).toEqual({});
  });
  it('refuses an end date in the past or before the start', () => {
    expect(problems({ validUntil: '2026-03-09' })).toEqual({ validUntil: ['validUntilPast'] });
    expect(problems({ validFrom: '2026-05-01', validUntil: '2026-04-01' })).toEqual({ validUntil: ['validUntilBeforeFrom'] });
    expect(problems({ validUntil: '' })).toEqual({ validUntil: ['validUntilMissing'] });
  });
  it('refuses unknown and non-operative groups', () => {
    expect(problems({ groupIds: 'nosuch' })).toEqual({ groupIds: ['groupUnknown'] });
    expect(problems({ groupIds: 'operativ,samverkansgrupp' })).toEqual({ groupIds: ['groupNotOperative'] });
    expect(problems({ groupIds: '' })).toEqual({ groupIds: ['groupMissing'] });
  });
  it('refuses unknown parties and forms', () => {
    expect(problems({ parties: 'guardian1,neighbour' })).toEqual({ parties: ['partyUnknown'] });
    expect(problems({ form: 'telepathy' })).toEqual({ form: ['formInvalid'] });
  });
  it('keeps identifiers out of the free-text fields, which are stored in clear', () => {
    expect(problems({ purpose: 'Gäller 20150312-1236' })).toEqual({ purpose: ['identifierInText'] });
  });
  it("refuses the subject's own name or number in any free-text field, naming the field", () => {
    const named = { subjectName: 'Wilma Berg' };
    expect(problems({ ...named, purpose: 'Samordning för Wilma Berg' })).toEqual({ purpose: ['subjectInText'] });
    expect(problems({ ...named, informationCategories: 'skolgång, wilma bergs hälsa' })).toEqual({
      informationCategories: ['subjectInText'],
    });
    // Refused either way, by the detector or as the subject's own name; the field is named.
    expect(Object.keys(problems({ ...named, exclusions: 'Inget om Wilmas pappa' }))).toEqual(['exclusions']);
    expect(Object.keys(problems({ ...named, documentRef: 'Samtycke W\u200Bilma B\u00ADerg.pdf' }))).toEqual(['documentRef']);
    expect(problems({ ...named, documentRef: 'Berg' })).toEqual({ documentRef: ['subjectInText'] });
    // The number in a spelling the detector does not take as a personnummer alone still names the subject.
    expect(problems({ purpose: 'Ärende 1503121236 (ny)' })).toEqual({ purpose: ['identifierInText'] });
    expect(Object.keys(problems({ documentRef: 'akt-150312-12-36' }))).toEqual(['documentRef']);
    // Other words that only contain the name are not the name.
    expect(problems({ ...named, purpose: 'Samordning kring skolgång i Bergsjön' })).toEqual({});
  });
  it('keeps the free-text fields in the canonical form the gate checked', () => {
    const r = rules.safeParse({ ...good, purpose: 'Samordning\u00A0kring\u200B skolgång\t\t och fritid', documentRef: 'Dnr\u20132026/12' });
    expect(r.success && r.data.purpose).toBe('Samordning kring skolgång och fritid');
    expect(r.success && r.data.documentRef).toBe('Dnr-2026/12');
  });
});
