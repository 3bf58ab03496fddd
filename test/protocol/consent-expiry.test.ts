import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { t as tr } from '../../src/i18n';
import { actionExecute, personalMessage, TENANT, USERS, type TestUser } from '../support/activities';
import { startTestBot, type TestBot } from '../support/bot-harness';
import { cardOf, type SentActivity } from '../support/connector-emulator';
import { SUBJECTS } from './consent.fixtures';

/**
 * Consent through its life (SPEC §10, issue 18 item 3): the recorder and the
 * operative group's conveners get a `consent-expiry` card 30 and 7 days
 * before a consent ends (scheduler jobs, run through /api/jobs/run), with
 * renew and withdraw buttons; `consent.renew` gives a new last day and keeps
 * the case reference, and the reminders of the old day send nothing.
 */

/** An invented child of the consent fixtures (the privacy scan searches for them). */
const SUBJECT = SUBJECTS.c;
const clock = { now: new Date('2026-11-22T10:00:00.000Z') };
let t: TestBot;
let caseRef = '';

beforeAll(async () => {
  t = await startTestBot({ connectionString: inject('azuriteConnectionString'), now: () => clock.now, env: { SCHEDULER_TICK_MS: '0' } });
});
afterAll(async () => t?.close());

async function say(activity: Record<string, any>): Promise<SentActivity[]> {
  const mark = t.emulator.sent.length;
  expect((await t.post(activity)).status).toBe(200);
  return t.emulator.sent.slice(mark);
}
async function invoke(verb: string, data: Record<string, string>, user: TestUser = USERS.megan, locale = 'sv-SE', id?: string) {
  const activity = actionExecute(verb, data, { serviceUrl: t.emulator.url, user, locale });
  if (id) (activity as { id: string }).id = id;
  const res = await t.post(activity);
  expect(res.status).toBe(200);
  return (JSON.parse(res.body) as { value: Record<string, any> }).value;
}
const runReminders = (now: Date): Promise<SentActivity[]> => t.runJob('reminders', now, 'consent-expiry');
const byId = (card: Record<string, any>, id: string) => (card.body as Array<Record<string, any>>).find((b) => b.id === id);
const to = (sent: SentActivity[], user: TestUser) => sent.filter((a) => a.conversationId === `a:personal-${user.id}`);

describe('consent-expiry and consent.renew', () => {
  it('recording a consent plans its reminders; 30 days before, the recorder and the operative convener get the card', async () => {
    // Both have a personal chat with the bot.
    await say(personalMessage('hjälp', { serviceUrl: t.emulator.url, user: USERS.alex }));
    await say(personalMessage('hjälp', { serviceUrl: t.emulator.url, user: USERS.megan }));
    const recorded = await invoke('consent.record', {
      subjectPersonnummer: SUBJECT.personnummer,
      subjectName: SUBJECT.name,
      groupIds: 'operativ',
      validFrom: '',
      validUntil: '2027-01-31',
      parties: 'guardian1,guardian2,child',
      purpose: 'Samordning kring skolgång och stöd',
      informationCategories: 'Skolgång',
      exclusions: '',
      form: 'written',
      documentRef: 'Dnr SN 2026/20',
    });
    expect(recorded.body[0].id).toBe('consent-recorded');
    caseRef = byId(recorded, 'caseRef')!.text;

    expect(await runReminders(new Date('2026-12-31T12:00:00.000Z'))).toEqual([]);
    const sent = await runReminders(new Date('2027-01-01T08:30:00.000Z'));
    expect(to(sent, USERS.megan)).toHaveLength(1);
    expect(to(sent, USERS.alex)).toHaveLength(1);
    expect(sent).toHaveLength(2);
    const card = cardOf(to(sent, USERS.megan)[0]!)!;
    expect(byId(card, 'caseRef')!.text).toBe(caseRef);
    expect(JSON.stringify(card)).toContain(tr('sv', 'consentExpiry.headline', { days: 30 }));
    expect(JSON.stringify(card)).not.toContain(SUBJECT.name);
    expect(JSON.stringify(card)).not.toContain(SUBJECT.personnummer);
    const verbs = (card.actions as Array<Record<string, any>>).map((a) => [a.verb, a.data.caseRef]);
    expect(verbs).toEqual([
      ['consent.renew', caseRef],
      ['consent.withdraw', caseRef],
    ]);
    // Run again: nothing twice.
    expect(await runReminders(new Date('2027-01-01T09:00:00.000Z'))).toEqual([]);
  });

  it('who may not record consent may not renew: a tactical member, someone in no group, another tenant', async () => {
    for (const user of [USERS.adele, USERS.isaiah]) {
      const card = await invoke('consent.renew', { caseRef, validUntil: '2027-12-31' }, user);
      expect(card.body[0].id, user.name).toBe('not-allowed');
    }
    const other = await t.post(
      actionExecute(
        'consent.renew',
        { caseRef, validUntil: '2027-12-31' },
        { serviceUrl: t.emulator.url, tenantId: '99999999-0000-0000-0000-000000000009' },
      ),
    );
    // The demo organisation names no tenant: another tenant's user finds no consent by this reference, and changes nothing.
    expect(['not-allowed', 'error']).toContain((JSON.parse(other.body) as { value: Record<string, any> }).value.body[0].id);
    expect((await t.bot.services.consents.get(TENANT, caseRef))!.validUntil).toBe('2027-01-31');
  });

  it('a bad or past date is told on the card; a personnummer in the date field is stopped by the gate', async () => {
    for (const validUntil of ['2026-02-30', '2025-01-01', 'snart']) {
      const card = await invoke('consent.renew', { caseRef, validUntil });
      expect(card.body[0].id).toBe('consent-expiry');
      expect(byId(card, 'notice')!.text).toBe(tr('sv', 'consentExpiry.badDate'));
    }
    const refused = await invoke('consent.renew', { caseRef, validUntil: SUBJECT.personnummer });
    expect(refused.body[0].id).toBe('consent-refusal');
    expect(JSON.stringify(refused)).not.toContain(SUBJECT.personnummer);
    expect((await t.bot.services.consents.get(TENANT, caseRef))!.validUntil).toBe('2027-01-31');
  });

  it('renewal in English keeps the case reference; a resent renewal answers the same; the old reminders send nothing, the new ones do', async () => {
    const id = 'renew-activity-1';
    const card = await invoke('consent.renew', { caseRef, validUntil: '2027-12-31' }, USERS.megan, 'en-US', id);
    expect(card.body[0].id).toBe('consent-expiry');
    expect(byId(card, 'caseRef')!.text).toBe(caseRef);
    expect(byId(card, 'notice')!.text).toBe(tr('en', 'consentExpiry.renewed', { caseRef, validUntil: '2027-12-31' }));
    const again = await invoke('consent.renew', { caseRef, validUntil: '2027-12-31' }, USERS.megan, 'en-US', id);
    expect(byId(again, 'notice')!.text).toBe(byId(card, 'notice')!.text);
    const stored = (await t.bot.services.consents.get(TENANT, caseRef))!;
    expect(stored.validUntil).toBe('2027-12-31');
    expect(stored.caseRef).toBe(caseRef);
    // The 7-day reminder of the old last day finds the consent renewed.
    expect(await runReminders(new Date('2027-01-24T08:30:00.000Z'))).toEqual([]);
    const sent = await runReminders(new Date('2027-12-01T08:30:00.000Z'));
    expect(sent.map((a) => a.conversationId).sort()).toEqual([`a:personal-${USERS.alex.id}`, `a:personal-${USERS.megan.id}`]);
    expect(byId(cardOf(sent[0]!)!, 'caseRef')!.text).toBe(caseRef);
  });

  it('the withdraw button withdraws; a withdrawn consent is not renewed and gets no more reminders', async () => {
    const register = await invoke('consent.withdraw', { caseRef });
    expect(register.body[0].id).toBe('consent-list');
    const card = await invoke('consent.renew', { caseRef, validUntil: '2028-06-30' });
    expect(byId(card, 'notice')!.text).toBe(tr('sv', 'consentExpiry.withdrawnAlready', { caseRef }));
    expect(card.actions ?? []).toEqual([]);
    expect((await t.bot.services.consents.get(TENANT, caseRef))!.validUntil).toBe('2027-12-31');
    expect(await runReminders(new Date('2027-12-24T08:30:00.000Z'))).toEqual([]);
  });

  it('no log line holds the subject', () => {
    const all = t.log.lines.join('\n');
    expect(all).not.toContain(SUBJECT.personnummer);
    expect(all).not.toContain(SUBJECT.name);
  });
});
