import { describe, expect, it } from 'vitest';
import { consentFormCard, consentListCard, consentRecordedCard, consentRefusalCard } from '../../../src/features/consent/cards';
import { aConsent } from './fixtures';

const find = (card: unknown, id: string): Record<string, any> | undefined => {
  let hit: Record<string, any> | undefined;
  JSON.stringify(card, (_k, v) => {
    if (!hit && v && typeof v === 'object' && (v as { id?: string }).id === id) hit = v;
    return v;
  });
  return hit;
};

describe('consent cards', () => {
  it('the form offers the operative groups and starts today', () => {
    const card = consentFormCard('sv', { groups: [{ id: 'operativ', name: 'Operativ grupp' }], today: '2026-03-10' });
    expect(card.body[0]!.id).toBe('consent-form');
    expect(find(card, 'groupIds')!.choices).toEqual([{ title: 'Operativ grupp', value: 'operativ' }]);
    expect(find(card, 'validFrom')!.value).toBe('2026-03-10');
    expect(find(card, 'parties')!.choices).toHaveLength(4);
    expect((card.actions as any[])[0].verb).toBe('consent.record');
    expect((card.actions as any[])[0].fallback.type).toBe('Action.Submit');
  });

  it('the form shows problems on the card and keeps inputs, but never the subject', () => {
    const card = consentFormCard('sv', {
      groups: [{ id: 'operativ', name: 'Operativ grupp' }],
      today: '2026-03-10',
      values: { subjectPersonnummer: '150312-1235', subjectName: 'Kalle Testsson', purpose: 'Skolgång', validUntil: '2026-01-01' },
      problems: { subjectPersonnummer: ['personnummerInvalid'], validUntil: ['validUntilPast'] },
    });
    const json = JSON.stringify(card);
    expect(json).not.toContain('150312');
    expect(json).not.toContain('Kalle');
    expect(json).toContain('kontrollsiffran');
    expect(json).toContain('redan passerat');
    expect(find(card, 'purpose')!.value).toBe('Skolgång');
  });

  it('the recorded card shows the case reference alone in the caseRef block', () => {
    const card = consentRecordedCard('en', aConsent(), (id) => (id === 'operativ' ? 'Operative group' : id));
    expect(card.body[0]!.id).toBe('consent-recorded');
    expect(find(card, 'caseRef')!.text).toBe('SAM-7K2M9QXA');
    expect(JSON.stringify(card)).toContain('Operative group');
  });

  it('the list is pseudonymous and offers withdrawal where allowed', () => {
    const card = consentListCard('sv', {
      rows: [{ consent: aConsent(), status: 'inForce', recordedByName: 'Megan Bowen', canWithdraw: true }],
      groupName: (id) => id,
      groupNames: ['operativ'],
      stats: [],
    });
    expect(card.body[0]!.id).toBe('consent-list');
    const json = JSON.stringify(card);
    expect(json).toContain('consent.withdraw');
    expect(json).toContain('Gäller');
  });

  it('the refusal names the kind of identifier and the reason, and how to go on', () => {
    const card = consentRefusalCard('sv', { categories: ['personnummer', 'phone'], reason: 'noConsent' });
    expect(card.body[0]!.id).toBe('consent-refusal');
    expect(find(card, 'categories')!.text).toBe('Meddelandet innehåller: personnummer, telefonnummer.');
    expect(find(card, 'reason')!.text).toContain('inget samtycke');
    expect(JSON.stringify(card)).toContain('samtycke');
  });
});
