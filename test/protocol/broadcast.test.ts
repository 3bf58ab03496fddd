import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { actionExecute, channelMessage, personalMessage, USERS, type TestUser } from '../support/activities';
import { startTestBot, type TestBot } from '../support/bot-harness';
import { cardKind, cardOf, type SentActivity } from '../support/connector-emulator';
import { SUBJECTS } from './consent.fixtures';

/**
 * Telling staff over real HTTP against Azurite (§11): `utskick` / `broadcast`
 * gives conveners the compose card and refuses everyone else; `broadcast.send`
 * posts the `broadcast` card in each chosen group's linked channel (once for a
 * resend), every text through the gate, and to people chosen by name (or a
 * group's members) in their personal chat through the outbox fan-out;
 * `broadcast.read` counts a recipient once, and the sender sees the read rate
 * per group; the manager's digest shows the read rates of recent broadcasts.
 */

const CHANNEL = '19:channel-broadcast-operativ@thread.tacv2';
const text = (x: unknown) => JSON.stringify(x ?? {});

async function say(t: TestBot, activity: Record<string, any>): Promise<SentActivity[]> {
  const mark = t.emulator.sent.length;
  expect((await t.post(activity)).status).toBe(200);
  return t.emulator.sent.slice(mark);
}
async function invoke(t: TestBot, activity: Record<string, any>) {
  const res = await t.post(activity);
  expect(res.status).toBe(200);
  return (JSON.parse(res.body) as { value: Record<string, any> }).value;
}
const act = (t: TestBot, verb: string, data: Record<string, string>, user: TestUser = USERS.alex, locale = 'sv-SE') =>
  actionExecute(verb, data, { serviceUrl: t.emulator.url, user, locale });
const posted = (t: TestBot, from: number) => t.emulator.sent.slice(from).filter((a) => cardKind(a) === 'broadcast');

describe('utskick / broadcast', () => {
  const clock = { now: new Date('2026-12-02T10:00:00.000Z') };
  let t: TestBot;
  beforeAll(async () => {
    t = await startTestBot({ connectionString: inject('azuriteConnectionString'), now: () => clock.now, env: { SCHEDULER_TICK_MS: '0' } });
    const linked = await t.post(channelMessage('grupp koppla operativ', { serviceUrl: t.emulator.url, channelId: CHANNEL, mention: true }));
    expect(linked.status).toBe(200);
  });
  afterAll(async () => t?.close());

  it('gives a convener the compose card with the groups to choose, in Swedish and English', async () => {
    const sv = await say(t, personalMessage('utskick', { serviceUrl: t.emulator.url }));
    expect(cardKind(sv[0]!)).toBe('broadcast');
    const card = text(cardOf(sv[0]!));
    expect(card).toContain('Utskick till personalen');
    expect(card).toContain('"verb":"broadcast.send"');
    expect(card).toContain('"value":"operativ"');
    const en = await say(t, personalMessage('/Broadcast', { serviceUrl: t.emulator.url, locale: 'en-US' }));
    expect(cardKind(en[0]!)).toBe('broadcast');
    expect(text(cardOf(en[0]!))).toContain('Broadcast to staff');
  });

  it('refuses members who convene no group and people in no group, for the command and the verb', async () => {
    for (const [user, word] of [
      [USERS.adele, 'utskick'],
      [USERS.megan, 'broadcast'],
      [USERS.isaiah, 'utskick'],
    ] as const) {
      const sent = await say(t, personalMessage(word, { serviceUrl: t.emulator.url, user }));
      expect(cardKind(sent[0]!)).toBe('not-allowed');
    }
    const mark = t.emulator.sent.length;
    const refused = await invoke(t, act(t, 'broadcast.send', { title: 'Rutin', text: '', url: '', groupIds: 'operativ' }, USERS.megan));
    expect(refused.body[0].id).toBe('not-allowed');
    expect(posted(t, mark)).toEqual([]);
  });

  it('sends to the chosen groups: the linked channel gets the card once, a group without a channel is named, a resend sends nothing again', async () => {
    const mark = t.emulator.sent.length;
    const data = {
      title: 'Reviderad rutin för samverkan kring elever med hög frånvaro',
      text: 'Rutinen antogs av styrgruppen i november. Läs den före nästa möte.',
      url: 'https://example.se/rutin-franvaro.pdf',
      groupIds: 'operativ,samverkansgrupp',
    };
    const answer = await invoke(t, act(t, 'broadcast.send', data));
    expect(answer.body[0].id).toBe('broadcast');
    expect(text(answer)).toContain('Utskicket är skickat till 2 grupper');
    expect(text(answer)).toContain('Grupper utan kopplad kanal fick inget inlägg');
    const cards = posted(t, mark);
    expect(cards).toHaveLength(1);
    expect(cards[0]!.conversationId.startsWith(CHANNEL)).toBe(true);
    const card = cardOf(cards[0]!)!;
    expect(card.body[0].id).toBe('broadcast');
    expect(card.body[0].text).toBe(data.title);
    expect(text(card)).toContain('"verb":"broadcast.read"');
    expect(text(card)).toContain('"url":"https://example.se/rutin-franvaro.pdf"');
    expect(text(card)).not.toContain('"verb":"broadcast.send"');

    const again = await invoke(t, act(t, 'broadcast.send', data));
    expect(text(again)).toContain('Utskicket är redan skickat');
    expect(posted(t, mark)).toHaveLength(1);
    // The sender's card lists it with its read rate per group: none read yet (operativ has 9 members).
    expect(text(again)).toContain('0 av 9 (0 %)');
  });

  it('counts a member once, and shows the sender the read rate per group', async () => {
    const mark = t.emulator.sent.length;
    const sent = await invoke(t, act(t, 'broadcast.send', { title: 'Handlingsplan 2027', text: '', url: '', groupIds: 'operativ' }));
    expect(sent.body[0].id).toBe('broadcast');
    const card = cardOf(posted(t, mark)[0]!)!;
    const id = JSON.stringify(card).match(/"broadcastId":"(b-[0-9a-f]+)"/)![1]!;

    const first = await invoke(t, act(t, 'broadcast.read', { broadcastId: id }, USERS.megan));
    expect(first.body[0].id).toBe('broadcast');
    expect(text(first)).toContain('Tack, utskicket är markerat som läst');
    expect(text(first)).not.toContain('av 9');
    const second = await invoke(t, act(t, 'broadcast.read', { broadcastId: id }, USERS.megan, 'en-US'));
    expect(text(second)).toContain('You have already marked this broadcast as read');
    const outsider = await invoke(t, act(t, 'broadcast.read', { broadcastId: id }, USERS.adele));
    expect(text(outsider)).toContain('ditt läsande räknas inte');
    const sender = await invoke(t, act(t, 'broadcast.read', { broadcastId: id }));
    expect(text(sender)).toContain('2 av 9 (22 %)');
    const list = await say(t, personalMessage('utskick', { serviceUrl: t.emulator.url }));
    expect(text(cardOf(list[0]!))).toContain('2 av 9 (22 %)');
    expect((await invoke(t, act(t, 'broadcast.read', { broadcastId: 'b-0000000000000000' }, USERS.megan))).body[0].id).toBe('error');
  });

  it("the report to the boards shows each broadcast's read rate, in all and per group", async () => {
    const sent = await say(t, personalMessage('rapport 2026', { serviceUrl: t.emulator.url }));
    expect(cardKind(sent[0]!)).toBe('report');
    const link = (cardOf(sent[0]!)!.actions as Array<{ type: string; url?: string }>).find((a) => a.type === 'Action.OpenUrl')!.url!;
    const html = await (await fetch(`${t.bot.url}${new URL(link).pathname}`)).text();
    expect(html).toContain('Utskick till personalen');
    expect(html).not.toContain('Inga utskick under perioden');
    expect(html).toMatch(/Handlingsplan 2027<\/th><td>2026-12-02<\/td><td>22 % \(2\/9\)<\/td><td>Operativ grupp: 22 % \(2\/9\)<\/td>/);
    expect(html).toContain('Samverkansgrupp: 0 % (0/9)');
  });

  it('the gate refuses an identifier in any field; bad groups and links are named', async () => {
    const mark = t.emulator.sent.length;
    for (const field of ['title', 'text', 'url'] as const) {
      const data = { title: 'Rutin', text: '', url: '', groupIds: 'operativ', [field]: `Om ${SUBJECTS.a.personnummer}` };
      const refused = await invoke(t, act(t, 'broadcast.send', data));
      expect(refused.body[0].id).toBe('consent-refusal');
      expect(text(refused)).not.toContain(SUBJECTS.a.personnummer);
    }
    const badGroup = await invoke(t, act(t, 'broadcast.send', { title: 'Rutin', text: '', url: '', groupIds: 'operativ,okandgrupp' }));
    expect(text(badGroup)).toContain('Okända grupper: okandgrupp');
    const noGroup = await invoke(t, act(t, 'broadcast.send', { title: 'Rutin', text: '', url: '', groupIds: '' }));
    expect(text(noGroup)).toContain('Välj minst en grupp');
    const badUrl = await invoke(
      t,
      act(t, 'broadcast.send', { title: 'Rutin', text: '', url: 'http://example.se', groupIds: 'operativ' }, USERS.alex, 'en-US'),
    );
    expect(text(badUrl)).toContain('The link must be an https link');
    expect(posted(t, mark)).toEqual([]);
  });

  it('sends to people chosen by name in their own chat with the bot, once for a resend, and counts their read in a row of their own', async () => {
    const mark = t.emulator.sent.length;
    const data = {
      title: 'Rutin vid orosanmälan',
      text: 'Rutinen gäller från januari.',
      url: '',
      groupIds: '',
      memberGroupIds: '',
      personIds: 'isaiah.langer,megan.bowen',
    };
    const answer = await invoke(t, act(t, 'broadcast.send', data));
    expect(answer.body[0].id).toBe('broadcast');
    expect(text(answer)).toContain('Skickat personligen till 2 personer');
    const cards = posted(t, mark);
    // Isaiah and Megan wrote to the bot before: each gets the card in that personal chat, and no channel gets it.
    expect(cards.map((a) => a.conversationId).sort()).toEqual(['a:personal-29:isaiah', 'a:personal-29:megan']);
    const card = cardOf(cards.find((a) => a.conversationId === 'a:personal-29:isaiah')!)!;
    expect(card.body[0].text).toBe(data.title);
    expect(text(card)).toContain('"verb":"broadcast.read"');
    expect(text(card)).not.toContain('"verb":"broadcast.send"');

    const again = await invoke(t, act(t, 'broadcast.send', data));
    expect(text(again)).toContain('Utskicket är redan skickat');
    expect(posted(t, mark)).toHaveLength(2);

    const id = JSON.stringify(card).match(/"broadcastId":"(b-[0-9a-f]+)"/)![1]!;
    // Isaiah is in no group: he reads it because it was sent to him by name.
    const read = await invoke(t, act(t, 'broadcast.read', { broadcastId: id }, USERS.isaiah));
    expect(text(read)).toContain('Tack, utskicket är markerat som läst');
    expect(text(await invoke(t, act(t, 'broadcast.read', { broadcastId: id }, USERS.isaiah)))).toContain('Du har redan markerat');
    const outsider = await invoke(t, act(t, 'broadcast.read', { broadcastId: id }, USERS.adele));
    expect(text(outsider)).toContain('ditt läsande räknas inte');
    const sender = await invoke(t, act(t, 'broadcast.read', { broadcastId: id }));
    expect(text(sender)).toContain('Skickat 2026-12-02 till 2 utvalda personer');
    expect(text(sender)).toContain('"title":"Utvalda personer","value":"1 av 2 (50 %)"');
  });

  it("sends to a group's members personally: a member with a chat gets the card there, and the compose card offers people", async () => {
    const compose = await say(t, personalMessage('utskick', { serviceUrl: t.emulator.url }));
    expect(text(cardOf(compose[0]!))).toContain('"id":"personIds"');
    expect(text(cardOf(compose[0]!))).toContain('"value":"isaiah.langer"');
    const mark = t.emulator.sent.length;
    const answer = await invoke(
      t,
      act(t, 'broadcast.send', {
        title: 'Ny mötesplan',
        text: '',
        url: '',
        groupIds: '',
        memberGroupIds: 'samverkansgrupp',
        personIds: '',
      }),
    );
    expect(text(answer)).toContain('Skickat personligen till');
    const chats = posted(t, mark).map((a) => a.conversationId);
    expect(chats).toContain('a:personal-29:adele');
    expect(chats).toContain('a:personal-29:alex');
    expect(new Set(chats).size).toBe(chats.length);
    expect(chats.some((c) => c.startsWith(CHANNEL))).toBe(false);
  });

  it("the manager's digest shows the read rates of the broadcasts to the groups they oversee", async () => {
    const sent = await say(t, personalMessage('sammanfattning', { serviceUrl: t.emulator.url }));
    expect(cardKind(sent[0]!)).toBe('digest');
    const digest = text(cardOf(sent[0]!));
    expect(digest).toContain('Utskick: Handlingsplan 2027 – läst av 2 av 9 (22 %)');
    // Isaiah is in no group a manager oversees: his read is not counted there; Megan (operativ) has not read it.
    expect(digest).toContain('Utskick: Rutin vid orosanmälan – läst av 0 av 1 (0 %)');
  });
});
