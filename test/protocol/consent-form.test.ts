import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { actionExecute, personalMessage, TENANT, USERS, type TestUser } from '../support/activities';
import { startTestBot, type TestBot } from '../support/bot-harness';
import { cardKind, cardOf } from '../support/connector-emulator';
import { SUBJECTS } from './consent.fixtures';

/**
 * The consent form through its life (issue 18, item 3): both guardians or a
 * reason, the child's view by age, the agencies the consent covers, and the
 * municipality's own form linked from the card (`consentFormUrl`, the demo
 * organisation's Essunga preset carries a placeholder).
 */

let t: TestBot;
const now = new Date('2026-03-10T09:00:00Z');

beforeAll(async () => {
  t = await startTestBot({ connectionString: inject('azuriteConnectionString'), now: () => now });
});
afterAll(async () => t?.close());

async function invoke(verb: string, data: Record<string, string>, user: TestUser = USERS.megan, locale?: string) {
  const activity = actionExecute(verb, data, { serviceUrl: t.emulator.url, user, ...(locale ? { locale } : {}) });
  const res = await t.post(activity);
  expect(res.status).toBe(200);
  return (JSON.parse(res.body) as { value: Record<string, any> }).value;
}

async function command(text: string, user: TestUser = USERS.megan, locale?: string) {
  const mark = t.emulator.sent.length;
  const res = await t.post(personalMessage(text, { serviceUrl: t.emulator.url, user, ...(locale ? { locale } : {}) }));
  expect(res.status).toBe(200);
  return t.emulator.sent.slice(mark);
}

const findById = (card: unknown, id: string): Record<string, any> | undefined => {
  let hit: Record<string, any> | undefined;
  JSON.stringify(card, (_k, v) => {
    if (!hit && v && typeof v === 'object' && (v as { id?: string }).id === id) hit = v;
    return v;
  });
  return hit;
};

const data = (over: Record<string, string> = {}) => ({
  subjectPersonnummer: SUBJECTS.b.personnummer,
  subjectName: '',
  groupIds: 'operativ',
  validFrom: '',
  validUntil: '2026-11-30',
  parties: 'guardian1,guardian2',
  purpose: 'Samordning kring skolgång',
  informationCategories: '',
  exclusions: '',
  form: 'written',
  documentRef: '',
  ...over,
});

describe('the consent form card', () => {
  it('links the municipality’s own form and offers the agencies, the reason and the child’s view, in Swedish', async () => {
    const sent = await command('samtycke');
    expect(sent.map(cardKind)).toEqual(['consent-form']);
    const card = cardOf(sent[0]!);
    expect(findById(card, 'consentFormUrl')).toMatchObject({
      type: 'Action.OpenUrl',
      url: 'https://www.essunga.example.se/samtyckesblankett.pdf',
    });
    expect(findById(card, 'consentFormUrl')!.title).toBe('Kommunens samtyckesblankett');
    const agencies = findById(card, 'agencies')!;
    expect(agencies.choices.map((c: { value: string }) => c.value)).toEqual(['social-sektor', 'utbildningssektor']);
    expect(findById(card, 'singleGuardianReason')!.choices.map((c: { value: string }) => c.value)).toEqual([
      'soleCustody',
      'ownConsent',
      'other',
    ]);
    expect(findById(card, 'childView')!.choices).toHaveLength(3);
    expect(findById(card, 'childViewNote')).toBeDefined();
    expect(findById(card, 'guardiansNote')!.text).toMatch(/Båda vårdnadshavarna/);
    expect(findById(card, 'guardianWarning'), 'no warning before anything is chosen').toBeUndefined();
  });
  it('in English for an English client', async () => {
    const sent = await command('consent', USERS.megan, 'en-US');
    const card = cardOf(sent[0]!);
    expect(findById(card, 'consentFormUrl')!.title).toBe("The municipality's consent form");
    expect(findById(card, 'guardiansNote')!.text).toMatch(/Both guardians/);
  });
  it('is refused to a member without the right to record consent', async () => {
    const sent = await command('samtycke', USERS.adele);
    expect(sent.map(cardKind)).toEqual(['not-allowed']);
    const card = await invoke('consent.record', data({ parties: 'guardian1', singleGuardianReason: 'soleCustody' }), USERS.adele);
    expect(card.body[0].id).toBe('not-allowed');
  });
});

describe('consent.record: guardians, the child, agencies', () => {
  it('records one guardian without a reason, with the warning on the recorded card', async () => {
    const card = await invoke('consent.record', data({ parties: 'guardian1', validUntil: '2026-11-01' }));
    expect(card.body[0].id).toBe('consent-recorded');
    expect(JSON.stringify(findById(card, 'guardianWarning'))).toMatch(/Bara en vårdnadshavare/);
  });
  it('records sole custody as the reason: no warning, the reason shown and stored', async () => {
    const card = await invoke(
      'consent.record',
      data({ parties: 'guardian2', singleGuardianReason: 'soleCustody', validUntil: '2026-11-02' }),
    );
    expect(card.body[0].id).toBe('consent-recorded');
    expect(findById(card, 'guardianWarning')).toBeUndefined();
    expect(JSON.stringify(card)).toContain('Ensam vårdnad');
    const stored = await t.bot.services.consents.get(TENANT, findById(card, 'caseRef')!.text);
    expect(stored?.singleGuardianReason).toBe('soleCustody');
  });
  it("records the young person's own consent with the stated age and the agencies it covers, in English", async () => {
    const card = await invoke(
      'consent.record',
      data({
        parties: 'child',
        singleGuardianReason: 'ownConsent',
        childAge: '16',
        childView: 'agrees',
        agencies: 'utbildningssektor',
        validUntil: '2026-11-03',
      }),
      USERS.megan,
      'en-US',
    );
    expect(card.body[0].id).toBe('consent-recorded');
    const text = JSON.stringify(card);
    expect(text).toContain("The young person's own consent, aged 16");
    expect(text).toContain('Utbildningssektor');
    expect(text).toContain('The child agrees');
    const stored = await t.bot.services.consents.get(TENANT, findById(card, 'caseRef')!.text);
    expect(stored).toMatchObject({ singleGuardianReason: 'ownConsent', childAge: 16, childView: 'agrees' });
    expect(stored?.scope.agencies).toEqual(['utbildningssektor']);
  });
  it('explains on the form: own consent without the child, a missing view from 12, an unknown agency; the warning stands out', async () => {
    const card = await invoke(
      'consent.record',
      data({ parties: 'guardian1', singleGuardianReason: 'ownConsent', agencies: 'polisen', childAge: '' }),
    );
    expect(card.body[0].id).toBe('consent-form');
    expect(findById(card, 'singleGuardianReason')).toBeDefined();
    const text = JSON.stringify(card);
    expect(text).toContain('markera barnet');
    expect(text).toContain('Ange den ungas ålder');
    expect(text).toContain('Verksamheten finns inte');
    const view = await invoke('consent.record', data({ parties: 'guardian1', childAge: '14' }));
    expect(view.body[0].id).toBe('consent-form');
    expect(JSON.stringify(view)).toContain('Från 12 år');
    expect(JSON.stringify(findById(view, 'guardianWarning'))).toMatch(/Bara en vårdnadshavare/);
  });
  it("gates the child's view note: an identifier is refused, not echoed, nothing stored; the subject's name is refused", async () => {
    const before = (await t.bot.services.consents.listForGroups(TENANT, ['operativ'])).length;
    const card = await invoke(
      'consent.record',
      data({ childViewNote: `Syskonet ${SUBJECTS.c.personnummer} ska inte vara med`, validUntil: '2026-11-04' }),
    );
    expect(card.body[0].id).toBe('consent-form');
    expect(JSON.stringify(card)).not.toContain(SUBJECTS.c.personnummer);
    expect(findById(card, 'childViewNote')!.value ?? '').toBe('');
    const named = await invoke(
      'consent.record',
      data({ subjectName: SUBJECTS.b.name, childViewNote: `${SUBJECTS.b.name.split(' ')[0]} vill vara med`, validUntil: '2026-11-05' }),
    );
    expect(named.body[0].id).toBe('consent-form');
    expect(JSON.stringify(named)).not.toContain(SUBJECTS.b.name.split(' ')[0]!);
    expect((await t.bot.services.consents.listForGroups(TENANT, ['operativ'])).length).toBe(before);
  });
  it('keeps a clean view note as checked text', async () => {
    const card = await invoke(
      'consent.record',
      data({ childView: 'objects', childViewNote: 'Vill inte att BUP får veta om skolan', validUntil: '2026-11-06' }),
    );
    expect(card.body[0].id).toBe('consent-recorded');
    const stored = await t.bot.services.consents.get(TENANT, findById(card, 'caseRef')!.text);
    expect(String(stored?.childViewNote)).toBe('Vill inte att BUP får veta om skolan');
  });
  it('a consent limited to one agency: the SIP form names it, and inviting another agency is refused', async () => {
    const card = await invoke('consent.record', data({ agencies: 'utbildningssektor', validUntil: '2026-11-08' }));
    const caseRef = findById(card, 'caseRef')!.text as string;
    const sent = await command(`sip ny ${caseRef}`);
    expect(sent.map(cardKind)).toEqual(['sip-form']);
    const form = JSON.stringify(cardOf(sent[0]!));
    expect(form).toContain('Utbildningssektor');
    expect(form).not.toContain('Social sektor, Utbildningssektor');
    const refused = await invoke('sip.create', {
      caseRef,
      groupId: 'operativ',
      participants: 'social-sektor,guardian1',
      date: '2026-03-20',
      time: '13:00',
      durationMinutes: '60',
      location: 'Kommunhuset',
    });
    expect(refused.body[0].id).toBe('sip-form');
    expect(JSON.stringify(refused)).toContain('Samtycket omfattar inte Social sektor');
  });

  it('a resent record with the new fields records once', async () => {
    const activity = actionExecute(
      'consent.record',
      data({ parties: 'guardian1', singleGuardianReason: 'other', validUntil: '2026-11-07' }),
      {
        serviceUrl: t.emulator.url,
        user: USERS.megan,
      },
    );
    const first = JSON.parse((await t.post(activity)).body).value;
    const again = JSON.parse((await t.post(activity)).body).value;
    expect(findById(again, 'caseRef')!.text).toBe(findById(first, 'caseRef')!.text);
    const listed = await t.bot.services.consents.listForGroups(TENANT, ['operativ']);
    expect(listed.filter((c) => c.validUntil === '2026-11-07')).toHaveLength(1);
  });
});
