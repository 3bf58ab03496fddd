import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { t as tr } from '../../src/i18n';
import { actionExecute, channelMessage, personalMessage, USERS, type TestUser } from '../support/activities';
import { startTestBot, type TestBot } from '../support/bot-harness';
import { cardKind, cardOf, type SentActivity } from '../support/connector-emulator';
import { snapshot } from '../support/scripted-day';

/**
 * `oro` / `concern` (SPEC §10, issue 18 item 2): anyone gets the `concern`
 * card — the duty to report (SoL 14 kap. 1 §), that it needs no consent, and
 * how to report now: social services in office hours, the social on-call
 * first outside them (weekends, public holidays, evenings); the refusal card
 * and the help card reach it with one press; nothing about it is stored.
 */

const E_SERVICE = 'https://example.se/e-tjanst/orosanmalan';
const OFFICE = '08-000 00 10';
const ON_CALL = '08-000 00 99';

function orgFile(lines: string[]): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'samverkan-concern-'));
  const file = path.join(dir, 'org.yaml');
  writeFileSync(file, lines.join('\n'));
  return file;
}

/** Wednesday 2 December 2026, 10:00 in Stockholm: office hours. */
const WEDNESDAY_MORNING = new Date('2026-12-02T09:00:00.000Z');
/** Saturday 5 December 2026, 22:00 in Stockholm. */
const SATURDAY_NIGHT = new Date('2026-12-05T21:00:00.000Z');
/** Friday 25 December 2026 (juldagen), 10:00: a weekday, but a public holiday. */
const CHRISTMAS_MORNING = new Date('2026-12-25T09:00:00.000Z');
/** Wednesday 2 December 2026, 17:00 in Stockholm: after office hours. */
const WEDNESDAY_EVENING = new Date('2026-12-02T16:00:00.000Z');

const clock = { now: WEDNESDAY_MORNING };
let t: TestBot;
let bare: TestBot;

beforeAll(async () => {
  const connectionString = inject('azuriteConnectionString');
  t = await startTestBot({
    connectionString,
    now: () => clock.now,
    env: {
      ORG_CONFIG: orgFile([
        'extends: local-demo',
        'reporting:',
        `  eServiceUrl: ${E_SERVICE}`,
        `  phone: "${OFFICE}"`,
        '  officeHours: "08:00-16:30"',
        `  onCallPhone: "${ON_CALL}"`,
        '  onCallName: Socialjouren',
      ]),
    },
  });
  // An organisation file without `reporting:`: the card says so and still gives 112.
  bare = await startTestBot({
    connectionString,
    env: {
      ORG_CONFIG: orgFile([
        'id: utan-rapportering',
        'name: Exempelkommun',
        'people:',
        `  - { id: alex, displayName: Alex Wilber, aadObjectId: ${USERS.alex.aadObjectId}, role: Chef }`,
      ]),
    },
  });
});
afterAll(async () => {
  await t?.close();
  await bare?.close();
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

const bodyText = (card: Record<string, any>) => JSON.stringify(card.body);
const byId = (card: Record<string, any>, id: string): Record<string, any> | undefined => {
  let found: Record<string, any> | undefined;
  const walk = (n: unknown) => {
    if (found || !n || typeof n !== 'object') return;
    if (Array.isArray(n)) return n.forEach(walk);
    const o = n as Record<string, any>;
    if (o.id === id) found = o;
    else Object.values(o).forEach(walk);
  };
  walk(card.body);
  return found;
};
const routes = (card: Record<string, any>) => (byId(card, 'routes')?.facts ?? []) as Array<{ title: string; value: string }>;

describe('oro / concern', () => {
  it('Swedish, in office hours: the duty, no consent needed, social services first, the e-service as a button', async () => {
    clock.now = WEDNESDAY_MORNING;
    const card = await one(t, 'oro');
    expect(card.body[0].id).toBe('concern');
    expect(byId(card, 'duty')!.text).toBe(tr('sv', 'concern.duty'));
    expect(byId(card, 'duty')!.text).toContain('SoL 14 kap. 1 §');
    expect(byId(card, 'noConsent')!.text).toBe(tr('sv', 'concern.noConsent'));
    expect(byId(card, 'now')!.text).toBe(tr('sv', 'concern.nowOffice'));
    const r = routes(card);
    expect(r[0]!.title).toBe(tr('sv', 'concern.routes.office'));
    expect(r[0]!.value).toContain(OFFICE);
    expect(r.at(-1)!.value).toContain(ON_CALL);
    expect(card.actions).toEqual([expect.objectContaining({ type: 'Action.OpenUrl', url: E_SERVICE })]);
    expect(byId(card, 'urgent')!.text).toContain('112');
  });

  it('English, out of hours (an evening, a weekend, a public holiday on a weekday): the on-call first', async () => {
    for (const now of [WEDNESDAY_EVENING, SATURDAY_NIGHT, CHRISTMAS_MORNING]) {
      clock.now = now;
      const card = await one(t, 'concern', { locale: 'en-US' });
      expect(card.body[0].id).toBe('concern');
      expect(byId(card, 'duty')!.text).toBe(tr('en', 'concern.duty'));
      expect(byId(card, 'now')!.text, now.toISOString()).toBe(tr('en', 'concern.nowOnCall'));
      const r = routes(card);
      expect(r[0]!.title, now.toISOString()).toBe(tr('en', 'concern.routes.onCall'));
      expect(r[0]!.value).toContain(ON_CALL);
      expect(r[1]!.value).toContain(OFFICE);
    }
    clock.now = WEDNESDAY_MORNING;
  });

  it('anyone may ask: someone in no group, another tenant, with a slash and in capitals, in a channel on @mention', async () => {
    expect((await one(t, 'oro', { user: USERS.isaiah })).body[0].id).toBe('concern');
    expect((await one(t, '/ORO', { user: USERS.adele })).body[0].id).toBe('concern');
    expect((await one(t, 'orosanmälan')).body[0].id).toBe('concern');
    expect((await one(t, 'concern', { tenantId: '99999999-0000-0000-0000-000000000009', locale: 'en-US' })).body[0].id).toBe('concern');
    const sent = await say(
      t,
      channelMessage('oro', { serviceUrl: t.emulator.url, mention: true, channelId: '19:channel-concern-unlinked@thread.tacv2' }),
    );
    expect(sent.map(cardKind)).toEqual(['concern']);
  });

  it('an organisation without a reporting route says so, and still gives 112', async () => {
    const card = await one(bare, 'oro');
    expect(byId(card, 'notConfigured')!.text).toBe(tr('sv', 'concern.notConfigured'));
    expect(byId(card, 'routes')).toBeUndefined();
    expect(byId(card, 'urgent')!.text).toContain('112');
    expect(card.actions ?? []).toEqual([]);
  });

  it('a worry written after the word is gated like any command, and answered with the refusal card, which links here', async () => {
    const sent = await say(
      t,
      channelMessage('oro eleven Ali Hassan i 7B kommer till skolan med blåmärken och pappa är arg', {
        serviceUrl: t.emulator.url,
        mention: true,
        channelId: '19:channel-concern-unlinked@thread.tacv2',
        user: USERS.adele,
      }),
    );
    expect(sent.map(cardKind)).toEqual(['consent-refusal']);
    const refusal = cardOf(sent[0]!)!;
    expect(JSON.stringify(refusal)).not.toContain('Hassan');
    const button = (refusal.actions as Array<Record<string, any>>).find((a) => a.verb === 'concern.show');
    expect(button, 'the refusal card has a button to the concern card').toBeDefined();
    expect(button!.title).toBe(tr('sv', 'gate.concern'));
    // Pressed: the concern card in its place, for the one who pressed.
    const res = await t.post(
      actionExecute('concern.show', button!.data ?? {}, {
        serviceUrl: t.emulator.url,
        user: USERS.adele,
        conversation: { id: '19:channel-concern-unlinked@thread.tacv2', conversationType: 'channel', isGroup: true },
      }),
    );
    expect(res.status).toBe(200);
    const answer = (JSON.parse(res.body) as { value: Record<string, any> }).value;
    expect(answer.body[0].id).toBe('concern');
  });

  it('the help card has the concern button, in both languages, for everyone', async () => {
    for (const [user, locale, lang] of [
      [USERS.alex, 'sv-SE', 'sv'],
      [USERS.isaiah, 'en-US', 'en'],
    ] as const) {
      const help = await one(t, 'hjälp', { user, locale });
      expect(help.body[0].id).toBe('help');
      const button = (help.actions as Array<Record<string, any>>).find((a) => a.verb === 'concern.show');
      expect(button?.title).toBe(tr(lang, 'concern.labels.open'));
      expect(bodyText(help)).toContain(tr(lang, 'commands.concern.description'));
      const res = await t.post(actionExecute('concern.show', {}, { serviceUrl: t.emulator.url, user, locale }));
      expect((JSON.parse(res.body) as { value: Record<string, any> }).value.body[0].id).toBe('concern');
    }
  });

  it('nothing about it is stored: the tables are the same before and after, and no log line names it', async () => {
    await one(t, 'hjälp', { user: USERS.megan });
    const before = await snapshot(inject('azuriteConnectionString'), t.tablePrefix, t.emulator.url);
    const logMark = t.log.lines.length;
    await one(t, 'oro', { user: USERS.megan });
    await t.post(actionExecute('concern.show', {}, { serviceUrl: t.emulator.url, user: USERS.megan }));
    const after = await snapshot(inject('azuriteConnectionString'), t.tablePrefix, t.emulator.url);
    expect(after).toEqual(before);
    expect(t.log.lines.slice(logMark).join('\n')).not.toMatch(/concern|oro\b/i);
  });

  it('a resent activity is answered the same and changes nothing', async () => {
    const activity = personalMessage('oro', { serviceUrl: t.emulator.url, user: USERS.megan });
    const first = await say(t, activity);
    const again = await say(t, activity);
    expect(first.map(cardKind)).toEqual(['concern']);
    expect(again.map(cardKind).filter((k) => k !== 'concern')).toEqual([]);
  });
});
