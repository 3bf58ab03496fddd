import { beforeEach, describe, expect, it } from 'vitest';
import { subjectHash } from '../../../../src/domain/consent';
import { recordConsent } from '../../../../src/features/consent/record';
import { ADELE, findById, formValues, kindOf, MEGAN, personal, TENANT, turnIn, world, type World } from './setup';

let w: World;
beforeEach(async () => {
  w = await world();
});

const KEY = 'test-identifier-key-0123456789abcdef';

describe('recording a consent', () => {
  it('stores the subject only as keyed hashes, under a new case reference, and answers with it', async () => {
    const card = await recordConsent(w.deps, turnIn(w, personal(MEGAN, { activityId: 'a-1' })), formValues());
    expect(kindOf(card)).toBe('consent-recorded');
    const ref = findById(card, 'caseRef')!.text as string;
    expect(ref).toMatch(/^SAM-[0-9A-HJKMNP-TV-Z]{8}$/);
    const json = JSON.stringify(card);
    expect(json).not.toContain('150312-1236');
    expect(json).not.toContain('Kalle');
    const stored = await w.stores.consents.get(TENANT, ref);
    expect(stored).toMatchObject({
      tenantId: TENANT,
      recordedBy: MEGAN,
      validFrom: '2026-03-10',
      validUntil: '2026-06-30',
      parties: ['guardian1', 'guardian2'],
      scope: { groupIds: ['operativ'] },
    });
    expect(stored!.subject.personnummer).toBe(subjectHash(KEY, 'personnummer', '201503121236'));
    expect(JSON.stringify(w.stores.tables.dump())).not.toContain('150312');
    expect(w.stores.audit.entries().map((e) => [e.event, e.groupId, e.caseRef])).toEqual([['consentRecorded', 'operativ', ref]]);
  });

  it('confirms the purpose that was typed, and the document reference, as the gate checked them, never the subject', async () => {
    const card = await recordConsent(w.deps, turnIn(w, personal(MEGAN, { activityId: 'a-purpose' })), formValues());
    const facts = card.body.find((b) => b.type === 'FactSet')!.facts as Array<{ title: string; value: string }>;
    expect(facts).toContainEqual({ title: 'Syfte', value: 'Samordning kring skolgång och stöd' });
    expect(facts).toContainEqual({ title: 'Dokumentreferens', value: 'Dnr SN 2026/14' });
    const en = await recordConsent(w.deps, turnIn(w, personal(MEGAN, { activityId: 'a-purpose-en', locale: 'en' })), formValues());
    expect(JSON.stringify(en)).toContain('"title":"Purpose","value":"Samordning kring skolgång och stöd"');
    for (const c of [card, en]) {
      expect(JSON.stringify(c)).not.toContain('150312');
      expect(JSON.stringify(c)).not.toContain('Kalle');
    }
  });

  it('records an activity Teams resends once, and answers with the same reference', async () => {
    const info = personal(MEGAN, { activityId: 'resent-1', activityType: 'invoke', activityTime: new Date('2026-03-10T08:59:58Z') });
    const first = await recordConsent(w.deps, turnIn(w, info), formValues());
    const again = await recordConsent(w.deps, turnIn(w, info), formValues());
    expect(findById(again, 'caseRef')!.text).toBe(findById(first, 'caseRef')!.text);
    expect(await w.stores.consents.listForGroups(TENANT, ['operativ'])).toHaveLength(1);
    expect(w.stores.audit.entries().filter((e) => e.event === 'consentRecorded')).toHaveLength(1);
  });

  it('explains bad values on the form, never echoing the subject, and stores nothing', async () => {
    const card = await recordConsent(
      w.deps,
      turnIn(w, personal(MEGAN)),
      formValues({ subjectPersonnummer: '150312-1235', validUntil: '2026-03-01', groupIds: 'operativ,samverkansgrupp' }),
    );
    expect(kindOf(card)).toBe('consent-form');
    const json = JSON.stringify(card);
    expect(json).toContain('kontrollsiffran');
    expect(json).toContain('redan passerat');
    expect(json).not.toContain('150312');
    expect(json).not.toContain('Kalle Testsson');
    expect(findById(card, 'purpose')!.value).toBe('Samordning kring skolgång och stöd');
    expect(await w.stores.consents.listForGroups(TENANT, ['operativ', 'samverkansgrupp'])).toEqual([]);
  });

  it('drops a free-text field that identifies someone from the form it shows back', async () => {
    const card = await recordConsent(
      w.deps,
      turnIn(w, personal(MEGAN)),
      formValues({ validUntil: '', exclusions: 'Inget om syskonet 160708-4561' }),
    );
    expect(kindOf(card)).toBe('consent-form');
    expect(JSON.stringify(card)).not.toContain('160708');
  });

  it('refuses a user without the right to record consent', async () => {
    const card = await recordConsent(w.deps, turnIn(w, personal(ADELE)), formValues());
    expect(kindOf(card)).toBe('not-allowed');
    expect(await w.stores.consents.listForGroups(TENANT, ['operativ'])).toEqual([]);
    expect(w.stores.audit.entries()).toEqual([]);
  });
});
