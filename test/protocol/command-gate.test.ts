import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { channelMessage, personalMessage, TENANT, USERS } from '../support/activities';
import { startTestBot, type TestBot } from '../support/bot-harness';
import { cardKind, cardOf } from '../support/connector-emulator';

const TACTICAL = '19:channel-cmdgate-tactical@thread.tacv2';
let t: TestBot;

beforeAll(async () => {
  t = await startTestBot({ connectionString: inject('azuriteConnectionString') });
  await t.bot.services.channelLinks.link({
    tenantId: TENANT,
    conversationId: TACTICAL,
    groupId: 'samverkansgrupp',
    linkedBy: USERS.alex.aadObjectId,
    linkedAt: new Date().toISOString(),
  });
});
afterAll(async () => t?.close());

async function say(activity: Record<string, any>) {
  const mark = t.emulator.sent.length;
  expect((await t.post(activity)).status).toBe(200);
  return t.emulator.sent.slice(mark);
}

describe('commands pass the consent gate before they run', () => {
  it('an @mention command that carries an identifiable case is refused, not answered', async () => {
    const sent = await say(
      channelMessage('hjälp, eleven Ali Hassan i 7B har hög frånvaro och mamma är orolig', {
        serviceUrl: t.emulator.url,
        mention: true,
        channelId: TACTICAL,
        user: USERS.adele,
      }),
    );
    const kinds = sent.filter((a) => a.conversationId.startsWith(TACTICAL)).map(cardKind);
    expect(kinds).toEqual(['consent-refusal']);
    expect(JSON.stringify(cardOf(sent.find((a) => a.conversationId.startsWith(TACTICAL))!))).not.toContain('Hassan');
  });

  it('command arguments are gated too (a personnummer after the command word)', async () => {
    const sent = await say(personalMessage('boka 2026-12-10 13:00 90 gäller 120301-1234 och pappa', { serviceUrl: t.emulator.url }));
    // 120301-1234 is not a valid personnummer (check digit); the valid one below is.
    expect(cardKind(sent[0]!)).not.toBe('consent-refusal');
    const refused = await say(personalMessage('boka 2026-12-10 13:00 90 gäller 121212-1212 och pappa', { serviceUrl: t.emulator.url }));
    expect(cardKind(refused[0]!)).toBe('consent-refusal');
  });

  it('an edited message is gated again', async () => {
    const edited = {
      ...channelMessage('Eleven Ali Hassan i 7B har hög frånvaro och mamma är orolig', {
        serviceUrl: t.emulator.url,
        channelId: TACTICAL,
        user: USERS.adele,
      }),
      type: 'messageUpdate',
    };
    (edited.channelData as Record<string, unknown>).eventType = 'editMessage';
    const sent = await say(edited);
    expect(sent.map(cardKind)).toContain('consent-refusal');
    const harmless = { ...edited, text: 'Vi ses på torsdag.', id: 'edit-2' };
    expect(await say(harmless)).toHaveLength(0);
  });

  it('an ordinary command is not affected', async () => {
    const sent = await say(channelMessage('grupp', { serviceUrl: t.emulator.url, mention: true, channelId: TACTICAL }));
    expect(cardKind(sent[0]!)).toBe('group');
  });
});
