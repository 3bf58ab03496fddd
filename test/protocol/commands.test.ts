import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { CARD_KINDS } from '../../src/cards/render';
import { COMMAND_NAMES, COMMAND_WORDS } from '../../src/domain/commands/words';
import { t as tr } from '../../src/i18n';
import { BOT, channelMessage, personalMessage, USERS } from '../support/activities';
import { startTestBot, type TestBot } from '../support/bot-harness';
import { cardKind, cardOf, type SentActivity } from '../support/connector-emulator';

let t: TestBot;
beforeAll(async () => {
  t = await startTestBot({ connectionString: inject('azuriteConnectionString') });
});
afterEach(() => t.assertCardsValid());
afterAll(async () => t?.close());

/** Posts an activity; the turn is over when the POST answers, so what it sent is already recorded. */
async function exchange(activity: Record<string, any>): Promise<SentActivity[]> {
  const mark = t.emulator.sent.length;
  const res = await t.post(activity);
  expect(res.status).toBe(200);
  return t.emulator.sent.slice(mark);
}

/** The one card the bot answered with. */
async function answer(activity: Record<string, any>): Promise<SentActivity> {
  const sent = await exchange(activity);
  expect(sent, `answers to ${JSON.stringify(activity.text)}`).toHaveLength(1);
  expect(cardOf(sent[0]!), 'an Adaptive Card').toBeDefined();
  return sent[0]!;
}

const personal = (text: string, locale = 'sv-SE') => personalMessage(text, { serviceUrl: t.emulator.url, locale });
const texts = (a: SentActivity) => JSON.stringify(cardOf(a));
const title = (a: SentActivity) => cardOf(a)!.body[0].text as string;

describe('hjälp / help in personal chat', () => {
  it.each([
    'hjälp',
    '/hjälp',
    'HJÄLP',
    'Hjälp',
    'hjalp',
    '/HJALP',
    'help',
    '/help',
    'HELP',
    '/Help',
    '?',
    '  hjälp  ',
    '\u200Bhjälp\u00A0',
  ])('%j gets the help card', async (text) => {
    const a = await answer(personal(text));
    expect(cardKind(a)).toBe('help');
    expect(title(a)).toBe(tr('sv', 'help.title'));
    expect(a.conversationId).toBe(`a:personal-${USERS.alex.id}`);
  });

  it('the English locale gets English strings, whichever language the command word is in', async () => {
    for (const text of ['help', 'hjälp', '/HELP']) {
      const a = await answer(personal(text, 'en-US'));
      expect(cardKind(a)).toBe('help');
      expect(title(a)).toBe(tr('en', 'help.title'));
      expect(texts(a)).toContain(tr('en', 'help.footer'));
      expect(texts(a)).not.toContain(tr('sv', 'help.footer'));
    }
  });

  it('the Swedish card lists the commands by their Swedish words, the English one by the English words', async () => {
    const sv = texts(await answer(personal('hjälp')));
    const en = texts(await answer(personal('help', 'en-GB')));
    for (const w of ['hjälp', 'boka', 'samtycke']) expect(sv).toContain(`**${w}**`);
    for (const w of ['help', 'schedule', 'consent']) expect(en).toContain(`**${w}**`);
  });

  it('unknown text in personal chat gets the help card', async () => {
    for (const text of ['hej!', 'bokade du mötet?', 'vad kan du?', 'asdf']) {
      const a = await answer(personal(text));
      expect(cardKind(a), text).toBe('help');
    }
  });
});

describe('every command word, both languages and forms', () => {
  it.each(COMMAND_NAMES.filter((n) => n !== 'help'))(
    '%s: Swedish, English, with / and in capitals give the same kind of answer, not the help card',
    async (name) => {
      const w = COMMAND_WORDS[name];
      const variants: Array<[string, string]> = [
        [w.sv, 'sv-SE'],
        [`/${w.sv.toLocaleUpperCase('sv')}`, 'sv-SE'],
        [w.en, 'en-US'],
        [`/${w.en.charAt(0).toUpperCase()}${w.en.slice(1)}`, 'en-US'],
      ];
      const kinds: string[] = [];
      for (const [text, locale] of variants) {
        const a = await answer(personal(text, locale));
        const kind = cardKind(a)!;
        expect(CARD_KINDS as readonly string[], text).toContain(kind);
        expect(kind, `${text} was routed to its command`).not.toBe('help');
        kinds.push(kind);
      }
      expect(new Set(kinds).size, `kinds: ${kinds.join(', ')}`).toBe(1);
    },
  );

  it('a command answers in the language of the user, not of the word', async () => {
    const sv = texts(await answer(personal('protokoll', 'sv-SE')));
    const en = texts(await answer(personal('protokoll', 'en-US')));
    expect(sv).not.toBe(en);
  });
});

describe('invalid arguments', () => {
  it('boka 2026-02-30 10:00 gets the error card with the usage, in Swedish', async () => {
    const a = await answer(personal('boka 2026-02-30 10:00'));
    expect(cardKind(a)).toBe('error');
    // A mistake is told how to write it; "Något gick fel" is for faults.
    expect(texts(a)).toContain(tr('sv', 'error.usageTitle'));
    expect(texts(a)).not.toContain(tr('sv', 'error.title'));
    expect(texts(a)).toContain(tr('sv', 'error.usage', { usage: tr('sv', 'usage.schedule') }));
  });

  it('schedule 2026-12-10 25:00 gets the usage in English', async () => {
    const a = await answer(personal('schedule 2026-12-10 25:00', 'en-US'));
    expect(cardKind(a)).toBe('error');
    expect(texts(a)).toContain(tr('en', 'error.usage', { usage: tr('en', 'usage.schedule') }));
  });

  it.each([
    ['grupp visa', 'usage.group'],
    ['dagordning +', 'usage.agenda'],
    ['samtycke ge', 'usage.consent'],
    ['möten igår', 'usage.meetings'],
  ])('%s gets its usage', async (text, usageKey) => {
    const a = await answer(personal(text));
    expect(cardKind(a)).toBe('error');
    expect(texts(a)).toContain(tr('sv', usageKey));
  });
});

describe('channels', () => {
  const inChannel = (text: string, o: { mention?: boolean; threadId?: string; locale?: string } = {}) =>
    channelMessage(text, { serviceUrl: t.emulator.url, user: USERS.megan, ...o });

  it('an @mention with a command is answered in the thread it came from', async () => {
    const activity = inChannel('hjälp', { mention: true, threadId: '1712345678901' });
    const a = await answer(activity);
    expect(cardKind(a)).toBe('help');
    expect(a.conversationId).toBe(activity.conversation.id);
    expect(a.conversationId).toContain(';messageid=1712345678901');
    expect(a.replyToId).toBe(activity.id);
  });

  it('an @mention of a top-level post is a reply to that post', async () => {
    const activity = inChannel('/HELP', { mention: true, locale: 'en-US' });
    const a = await answer(activity);
    expect(cardKind(a)).toBe('help');
    expect(title(a)).toBe(tr('en', 'help.title'));
    expect(a.conversationId).toBe(activity.conversation.id);
    expect(a.replyToId).toBe(activity.id);
  });

  it('an @mention with text that is no command gets the help card', async () => {
    expect(cardKind(await answer(inChannel('hej där', { mention: true })))).toBe('help');
  });

  it('a channel card offers no personal quick actions, only the way to report a concern', async () => {
    const a = await answer(inChannel('hjälp', { mention: true }));
    const actions = (cardOf(a)!.actions ?? []) as Array<{ verb?: string }>;
    expect(actions.filter((x) => x.verb !== 'concern.show')).toEqual([]);
    expect(actions.map((x) => x.verb)).toEqual(['concern.show']);
  });

  it.each(['hjälp', '/help', 'boka 2026-02-30 10:00', 'bokade du mötet?', 'samtycke lista'])(
    'without an @mention, %j gets no answer',
    async (text) => {
      const mark = t.emulator.sent.length;
      const res = await t.post(inChannel(text));
      expect(res.status).toBe(200);
      await t.emulator.expectNothing(() => true, 200, mark);
      expect(t.emulator.sent.length).toBe(mark);
    },
  );

  it('a mention of someone else is no mention of the bot', async () => {
    const activity = inChannel('hjälp');
    activity.text = '<at>Adele Vance</at> hjälp';
    activity.entities = [{ type: 'mention', text: '<at>Adele Vance</at>', mentioned: { id: USERS.adele.id, name: USERS.adele.name } }];
    const mark = t.emulator.sent.length;
    expect((await t.post(activity)).status).toBe(200);
    await t.emulator.expectNothing(() => true, 200, mark);
  });

  it('in a group chat, too, only an @mention is answered', async () => {
    const groupChat = (text: string, mention: boolean) => {
      const a = inChannel(text, { mention }) as Record<string, any>;
      a.conversation = { id: '19:groupchat-1@thread.v2', conversationType: 'groupChat', isGroup: true, tenantId: a.conversation.tenantId };
      a.channelData = { tenant: a.channelData.tenant };
      return a;
    };
    const mark = t.emulator.sent.length;
    expect((await t.post(groupChat('hjälp', false))).status).toBe(200);
    await t.emulator.expectNothing(() => true, 200, mark);
    const a = await answer(groupChat('hjälp', true));
    expect(cardKind(a)).toBe('help');
    expect(a.conversationId).toBe('19:groupchat-1@thread.v2');
  });

  it('the mention is removed wherever it stands, with NBSPs around it', async () => {
    const activity = inChannel('x', { mention: true });
    activity.text = `<at>${BOT.name}</at>\u00A0/Hjälp\u00A0`;
    expect(cardKind(await answer(activity))).toBe('help');
  });
});
