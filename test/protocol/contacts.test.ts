import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { MAX_CARD_BYTES, cardBytes } from '../../src/cards/size';
import { t as tr } from '../../src/i18n';
import { actionExecute, channelMessage, personalMessage, TENANT, USERS, type TestUser } from '../support/activities';
import { startTestBot, type TestBot } from '../support/bot-harness';
import { cardKind, cardOf, type SentActivity } from '../support/connector-emulator';

/**
 * `kontakt [vad]` / `contacts [what]` (SPEC §10, issue 18 item 4): the
 * organisation's people with role, agency, groups, phone and e-mail, for
 * anyone in its tenant; searched by role, agency, group or name; the social
 * on-call above the list when asked out of office hours, below it in them;
 * a page at a time within 40 KB; the query passes the consent gate.
 */

const OFFICE = '08-000 00 10';
const ON_CALL = '08-000 00 99';
const EMMA_PHONE = '0512-000 01';
const EMMA_MAIL = 'emma.varg@essunga.example';

function orgFile(lines: string[]): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'samverkan-contacts-'));
  const file = path.join(dir, 'org.yaml');
  writeFileSync(file, lines.join('\n'));
  return file;
}

/** Wednesday 2 December 2026, 10:00 in Stockholm. */
const OFFICE_HOURS = new Date('2026-12-02T09:00:00.000Z');
/** Sunday 6 December 2026, 03:00 in Stockholm. */
const SUNDAY_NIGHT = new Date('2026-12-06T02:00:00.000Z');

const clock = { now: OFFICE_HOURS };
let t: TestBot;
let big: TestBot;

beforeAll(async () => {
  const connectionString = inject('azuriteConnectionString');
  t = await startTestBot({
    connectionString,
    now: () => clock.now,
    env: {
      ORG_CONFIG: orgFile([
        'extends: local-demo',
        // Only this tenant's users are the organisation's.
        `tenantId: "${TENANT}"`,
        'reporting:',
        `  phone: "${OFFICE}"`,
        '  officeHours: "08:00-16:30"',
        `  onCallPhone: "${ON_CALL}"`,
        '  onCallName: Socialjouren',
        'updatePeople:',
        `  emma.varg: { phone: "${EMMA_PHONE}", email: ${EMMA_MAIL} }`,
        '  sofia.hed: { phone: "0512-000 02" }',
      ]),
    },
  });
  // 600 people with phone and e-mail and long roles: the list pages, each page within 40 KB.
  const people = Array.from(
    { length: 600 },
    (_, i) =>
      `  - { id: p${i}, displayName: Person ${i} Exempelsson, role: "Skolkurator med ett långt rollnamn för att fylla kortet ${i}", agency: utbildningssektor, phone: "0512-${String(i).padStart(3, '0')} 00", email: p${i}@essunga.example }`,
  );
  big = await startTestBot({
    connectionString,
    now: () => OFFICE_HOURS,
    env: {
      ORG_CONFIG: orgFile([
        'extends: local-demo',
        'addPeople:',
        ...people,
        'updateGroups:',
        `  operativ: { addMembers: [${people.map((_, i) => `p${i}`).join(', ')}] }`,
      ]),
    },
  });
});
afterAll(async () => {
  await t?.close();
  await big?.close();
});

async function say(bot: TestBot, activity: Record<string, any>): Promise<SentActivity[]> {
  const mark = bot.emulator.sent.length;
  expect((await bot.post(activity)).status).toBe(200);
  return bot.emulator.sent.slice(mark);
}

async function one(bot: TestBot, text: string, o: { user?: TestUser; locale?: string; tenantId?: string } = {}) {
  const sent = await say(bot, personalMessage(text, { serviceUrl: bot.emulator.url, ...o }));
  expect(sent, text).toHaveLength(1);
  return cardOf(sent[0]!)!;
}

type Card = Record<string, any>;
const people = (card: Card): Array<{ heading: string; facts: Array<{ title: string; value: string }> }> =>
  (card.body as Card[])
    .flatMap((b) => (b.type === 'Container' && !b.id ? (b.items as Card[]) : []))
    .map((c) => ({ heading: c.items[0].text, facts: c.items[1].facts }));
const ids = (card: Card) => (card.body as Card[]).map((b) => b.id).filter(Boolean);
const factOf = (p: { facts: Array<{ title: string; value: string }> }, title: string) => p.facts.find((f) => f.title === title)?.value;

describe('kontakt / contacts', () => {
  it('Swedish, by role: the school counsellor with phone and e-mail, her agency and groups; social services below the list in office hours', async () => {
    clock.now = OFFICE_HOURS;
    const card = await one(t, 'kontakt kurator');
    expect(card.body[0].id).toBe('contacts');
    const list = people(card);
    const emma = list.find((p) => p.heading.startsWith('Emma Varg'));
    expect(emma, JSON.stringify(list.map((p) => p.heading))).toBeDefined();
    expect(factOf(emma!, tr('sv', 'contacts.facts.phone'))).toBe(EMMA_PHONE);
    expect(factOf(emma!, tr('sv', 'contacts.facts.email'))).toBe(EMMA_MAIL);
    expect(factOf(emma!, tr('sv', 'contacts.facts.groups'))).toContain('Operativ');
    // Everyone listed matches: their role says kurator.
    for (const p of list) expect(p.heading.toLowerCase()).toContain('kurator');
    // Reachable first: Emma (phone, e-mail) before Megan Bowen (none).
    expect(list[0]!.heading).toMatch(/^Emma Varg/);
    expect(ids(card).indexOf('reporting')).toBeGreaterThan(ids(card).indexOf('summary'));
    expect(ids(card)).not.toContain('onCall');
    expect(JSON.stringify(card)).toContain(OFFICE);
  });

  it('English, out of hours: the on-call number first, above the list', async () => {
    clock.now = SUNDAY_NIGHT;
    const card = await one(t, 'contacts', { locale: 'en-US' });
    expect(card.body[0].id).toBe('contacts');
    expect(ids(card)[1]).toBe('onCall');
    const onCall = (card.body as Card[]).find((b) => b.id === 'onCall')!;
    expect(onCall.items[0].text).toBe(tr('en', 'contacts.urgent.titleOnCall'));
    expect(onCall.items[1].facts[0].value).toContain(ON_CALL);
    expect(ids(card)).not.toContain('reporting');
    clock.now = OFFICE_HOURS;
  });

  it('by agency, by group and by name; nothing found says how to search', async () => {
    const social = people(await one(t, 'kontakt socialtjänst'));
    expect(social.length).toBeGreaterThan(0);
    for (const p of social) expect(factOf(p, tr('sv', 'contacts.facts.agency'))).toMatch(/social/i);
    const byGroup = people(await one(t, 'kontakt styrgrupp'));
    expect(byGroup.map((p) => p.heading.split(' · ')[0])).toEqual(expect.arrayContaining(['Karin Holm', 'Per Lund']));
    const byName = people(await one(t, 'kontakt sofia'));
    expect(byName.map((p) => p.heading.split(' · ')[0])).toEqual(['Sofia Hed']);
    const none = await one(t, 'kontakt zzzz');
    expect(people(none)).toEqual([]);
    expect((none.body as Card[]).find((b) => b.id === 'empty')!.text).toBe(tr('sv', 'contacts.empty', { query: 'zzzz' }));
  });

  it('anyone in the tenant may ask, also someone in no group; another tenant is not allowed', async () => {
    expect((await one(t, 'kontakt', { user: USERS.isaiah })).body[0].id).toBe('contacts');
    expect((await one(t, '/KONTAKTER', { user: USERS.adele })).body[0].id).toBe('contacts');
    const other = await one(t, 'contacts', { tenantId: '99999999-0000-0000-0000-000000000009', locale: 'en-US' });
    expect(other.body[0].id).toBe('not-allowed');
    expect(JSON.stringify(other)).not.toContain(EMMA_PHONE);
  });

  it('in a channel on @mention, and the query passes the consent gate', async () => {
    const sent = await say(
      t,
      channelMessage('kontakt kurator', { serviceUrl: t.emulator.url, mention: true, channelId: '19:channel-contacts@thread.tacv2' }),
    );
    expect(sent.map(cardKind)).toEqual(['contacts']);
    const refused = await say(
      t,
      channelMessage('kontakt till mamma för eleven Ali Hassan i 7B', {
        serviceUrl: t.emulator.url,
        mention: true,
        channelId: '19:channel-contacts@thread.tacv2',
      }),
    );
    expect(refused.map(cardKind)).toEqual(['consent-refusal']);
    expect(JSON.stringify(refused.map(cardOf))).not.toContain('Hassan');
  });

  it('600 people: a page within 40 KB, "Visa fler" gives the next people, in both languages', async () => {
    for (const [word, locale, lang] of [
      ['kontakt', 'sv-SE', 'sv'],
      ['contacts', 'en-US', 'en'],
    ] as const) {
      const first = await one(big, word, { locale });
      expect(cardBytes(first)).toBeLessThanOrEqual(MAX_CARD_BYTES);
      const page1 = people(first);
      expect(page1.length).toBeGreaterThan(5);
      const more = (first.actions as Card[]).find((a) => a.verb === 'contacts.more')!;
      expect(more.title).toBe(tr(lang, 'contacts.labels.more'));
      const res = await big.post(actionExecute('contacts.more', more.data, { serviceUrl: big.emulator.url, locale }));
      expect(res.status).toBe(200);
      const second = (JSON.parse(res.body) as { value: Card }).value;
      expect(second.body[0].id).toBe('contacts');
      expect(cardBytes(second)).toBeLessThanOrEqual(MAX_CARD_BYTES);
      const page2 = people(second);
      expect(page2.length).toBeGreaterThan(0);
      expect(page2.map((p) => p.heading)).not.toContain(page1[0]!.heading);
      expect(new Set([...page1, ...page2].map((p) => p.heading)).size).toBe(page1.length + page2.length);
    }
  });

  it('a resent activity gets the same answer', async () => {
    const activity = personalMessage('kontakt kurator', { serviceUrl: t.emulator.url, user: USERS.megan });
    const a = await say(t, activity);
    const b = await say(t, activity);
    expect(a.map(cardKind)).toEqual(['contacts']);
    expect(b.map(cardKind).filter((k) => k !== 'contacts')).toEqual([]);
  });
});
