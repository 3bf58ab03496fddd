import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { t as tr } from '../../src/i18n';
import { freePort, startAzurite, type AzuriteHandle } from '../../src/storage/azurite';
import { channelMessage, personalMessage, USERS } from '../support/activities';
import { startTestBot, type TestBot } from '../support/bot-harness';
import { cardKind, cardOf, type SentActivity } from '../support/connector-emulator';

// Its own Azurite, on disk in a temp folder so that a restart on the same
// port finds the tables again, as real storage does when it recovers. The
// suite's global Azurite is never touched.
let dir: string;
let port: number;
let azurite: AzuriteHandle | undefined;
let t: TestBot;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'samverkan-storage-down-'));
  port = await freePort();
  azurite = await startAzurite({ location: dir, port });
  t = await startTestBot({ connectionString: azurite.connectionString });
});
afterEach(() => t.assertCardsValid());
afterAll(async () => {
  await t?.close();
  await azurite?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function health(): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${t.bot.url}/healthz`);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function exchange(activity: Record<string, any>): Promise<{ status: number; sent: SentActivity[] }> {
  const mark = t.emulator.sent.length;
  const res = await t.post(activity);
  return { status: res.status, sent: t.emulator.sent.slice(mark) };
}

const hjalp = () => personalMessage('hjälp', { serviceUrl: t.emulator.url });

describe('storage down and back', () => {
  it('with storage up: healthy, and hjälp gets the help card', async () => {
    expect(await health()).toEqual({ status: 200, body: { status: 'ok' } });
    const { status, sent } = await exchange(hjalp());
    expect(status).toBe(200);
    expect(sent.map(cardKind)).toEqual(['help']);
  });

  it('storage stops: /healthz answers 503 with a reason', async () => {
    await azurite!.stop();
    azurite = undefined;
    const h = await health();
    expect(h.status).toBe(503);
    expect(h.body.status).toBe('unavailable');
    expect(String(h.body.reason)).toMatch(/storage/);
  });

  it('hjälp gets a polite error card in Swedish, not silence or a crash', async () => {
    const { status, sent } = await exchange(hjalp());
    expect(status).toBeLessThan(600);
    expect(sent.map(cardKind)).toEqual(['error']);
    const card = JSON.stringify(cardOf(sent[0]!));
    expect(card).toContain(tr('sv', 'error.storage'));
    expect(card).toContain(tr('sv', 'error.title'));
  });

  it('in English too, and for a channel @mention, into the thread', async () => {
    const en = await exchange(personalMessage('help', { serviceUrl: t.emulator.url, locale: 'en-US', user: USERS.megan }));
    expect(en.sent.map(cardKind)).toEqual(['error']);
    expect(JSON.stringify(cardOf(en.sent[0]!))).toContain(tr('en', 'error.storage'));

    const activity = channelMessage('hjälp', { serviceUrl: t.emulator.url, mention: true, threadId: '42' });
    const ch = await exchange(activity);
    expect(ch.sent.map(cardKind)).toEqual(['error']);
    expect(ch.sent[0]!.conversationId).toBe(activity.conversation.id);
  });

  it('a channel message without a mention stays silent even now', async () => {
    const { sent } = await exchange(channelMessage('bara prat', { serviceUrl: t.emulator.url }));
    expect(sent).toEqual([]);
  });

  it('storage comes back on the same port: healthy again, and hjälp gets the help card', async () => {
    azurite = await startAzurite({ location: dir, port });
    const deadline = Date.now() + 5000;
    let h = await health();
    while (h.status !== 200 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      h = await health();
    }
    expect(h).toEqual({ status: 200, body: { status: 'ok' } });
    const { status, sent } = await exchange(hjalp());
    expect(status).toBe(200);
    expect(sent.map(cardKind)).toEqual(['help']);
  });
});
