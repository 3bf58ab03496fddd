import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { t as tr } from '../../src/i18n';
import { actionExecute, channelMessage, installationUpdate, personalMessage, USERS, type TestUser } from '../support/activities';
import { startTestBot, type TestBot } from '../support/bot-harness';
import { cardKind, cardOf, type SentActivity } from '../support/connector-emulator';

/**
 * The bot's language as the Agents Playground meets it (every activity says
 * `locale: en-US`, whoever types): the organisation file's `language` is the
 * default (the local demo's is Swedish), a user's own `språk` / `language`
 * choice wins for that user only, and Teams' locale counts only when neither
 * is set.
 */

let demo: TestBot;
let english: TestBot;

function orgFile(lines: string[]): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'samverkan-language-'));
  const file = path.join(dir, 'org.yaml');
  writeFileSync(file, lines.join('\n'));
  return file;
}

beforeAll(async () => {
  const connectionString = inject('azuriteConnectionString');
  demo = await startTestBot({ connectionString, organisationLanguage: true });
  english = await startTestBot({
    connectionString,
    organisationLanguage: true,
    env: { ORG_CONFIG: orgFile(['extends: local-demo', 'language: en']) },
  });
});
afterAll(async () => {
  await demo?.close();
  await english?.close();
});

async function exchange(bot: TestBot, activity: Record<string, any>): Promise<SentActivity[]> {
  const mark = bot.emulator.sent.length;
  const res = await bot.post(activity);
  expect(res.status).toBe(200);
  return bot.emulator.sent.slice(mark);
}

async function answer(bot: TestBot, activity: Record<string, any>): Promise<SentActivity> {
  const sent = await exchange(bot, activity);
  expect(sent, `answers to ${JSON.stringify(activity.text)}`).toHaveLength(1);
  return sent[0]!;
}

/** What the Playground sends: en-US on everything. */
const playground = (bot: TestBot, text: string, user: TestUser = USERS.alex) =>
  personalMessage(text, { serviceUrl: bot.emulator.url, locale: 'en-US', user });
const texts = (a: SentActivity) => JSON.stringify(cardOf(a));
const title = (a: SentActivity) => cardOf(a)!.body[0].text as string;

describe('the local demo organisation speaks Swedish, whatever the Playground says', () => {
  it('help, a first install and a channel @mention from en-US get Swedish', async () => {
    const help = await answer(demo, playground(demo, 'help'));
    expect(title(help)).toBe(tr('sv', 'help.title'));
    const installed = await exchange(
      demo,
      installationUpdate('add', { serviceUrl: demo.emulator.url, scope: 'personal', user: USERS.adele, locale: 'en-US' }),
    );
    expect(installed.map(cardKind)).toEqual(['help']);
    expect(title(installed[0]!)).toBe(tr('sv', 'help.title'));
    const mention = await answer(demo, channelMessage('help', { serviceUrl: demo.emulator.url, mention: true, locale: 'en-US' }));
    expect(title(mention)).toBe(tr('sv', 'help.title'));
  });

  it('a command written wrong is told how to write it, in Swedish, with the Swedish usage, not "Något gick fel"', async () => {
    for (const text of ['boka 2026-02-30 10:00', 'schedule 2026-12-10 25:00']) {
      const a = await answer(demo, playground(demo, text));
      expect(cardKind(a)).toBe('error');
      expect(texts(a)).toContain(tr('sv', 'error.usageTitle'));
      expect(texts(a)).not.toContain(tr('sv', 'error.title'));
    }
    const sv = texts(await answer(demo, playground(demo, 'boka 2026-02-30 10:00')));
    expect(sv).toContain(tr('sv', 'error.usage', { usage: tr('sv', 'usage.schedule') }));
    // The usage in the words the user typed: an English word gets the English usage, in a Swedish card.
    const en = texts(await answer(demo, playground(demo, 'schedule 2026-12-10 25:00')));
    expect(en).toContain(tr('sv', 'error.usage', { usage: tr('en', 'usage.schedule') }));
    const lang = texts(await answer(demo, playground(demo, 'språk tyska')));
    expect(lang).toContain(tr('sv', 'error.usage', { usage: tr('sv', 'usage.language') }));
  });

  it('`språk` says the language, that it is the organisation’s, and how to change it', async () => {
    const a = await answer(demo, playground(demo, 'språk', USERS.isaiah));
    expect(cardKind(a)).toBe('language');
    expect(texts(a)).toContain(tr('sv', 'language.current', { language: 'svenska' }));
    expect(texts(a)).toContain(tr('sv', 'language.source.organisation'));
    expect(texts(a)).toContain('"verb":"language.set"');
  });

  it('`language english` switches that user only, and the choice lasts', async () => {
    const changed = await answer(demo, playground(demo, 'language english', USERS.megan));
    expect(cardKind(changed)).toBe('language');
    expect(texts(changed)).toContain(tr('en', 'language.changed', { language: 'English' }));
    // Megan now gets English, even from a Swedish Teams client; Alex keeps Swedish.
    expect(title(await answer(demo, playground(demo, 'hjälp', USERS.megan)))).toBe(tr('en', 'help.title'));
    expect(title(await answer(demo, personalMessage('help', { serviceUrl: demo.emulator.url, user: USERS.megan })))).toBe(
      tr('en', 'help.title'),
    );
    expect(title(await answer(demo, playground(demo, 'help', USERS.alex)))).toBe(tr('sv', 'help.title'));
    const shown = texts(await answer(demo, playground(demo, 'språk', USERS.megan)));
    expect(shown).toContain(tr('en', 'language.source.user'));
  });

  it('the language card’s button switches back, and answers in the language chosen', async () => {
    await answer(demo, playground(demo, 'språk english', USERS.isaiah));
    const res = await demo.post(
      actionExecute('language.set', { language: 'sv' }, { serviceUrl: demo.emulator.url, user: USERS.isaiah, locale: 'en-US' }),
    );
    expect(res.status).toBe(200);
    expect(JSON.stringify(JSON.parse(res.body))).toContain(tr('sv', 'language.changed', { language: 'svenska' }));
    expect(title(await answer(demo, playground(demo, 'help', USERS.isaiah)))).toBe(tr('sv', 'help.title'));
  });
});

describe('an organisation file that says English', () => {
  it('gives English to a Swedish Teams client, until the user chooses Swedish', async () => {
    const sv = (text: string) => personalMessage(text, { serviceUrl: english.emulator.url, user: USERS.adele });
    expect(title(await answer(english, sv('hjälp')))).toBe(tr('en', 'help.title'));
    expect(texts(await answer(english, sv('språk')))).toContain(tr('en', 'language.source.organisation'));
    await answer(english, sv('språk svenska'));
    expect(title(await answer(english, sv('hjälp')))).toBe(tr('sv', 'help.title'));
  });
});
