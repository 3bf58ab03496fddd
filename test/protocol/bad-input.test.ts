import http from 'node:http';
import { gzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { personalMessage } from '../support/activities';
import { startTestBot, type TestBot } from '../support/bot-harness';
import { cardKind } from '../support/connector-emulator';

let t: TestBot;
beforeAll(async () => {
  t = await startTestBot({ connectionString: inject('azuriteConnectionString') });
});
afterEach(async () => {
  // Whatever came before, the server still answers.
  const res = await fetch(`${t.bot.url}/healthz`);
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual({ status: 'ok' });
  t.assertCardsValid();
});
afterAll(async () => t?.close());

async function raw(
  body: string | Uint8Array<ArrayBuffer>,
  headers: Record<string, string> = { 'content-type': 'application/json' },
  path = '/api/messages',
) {
  const res = await fetch(`${t.bot.url}${path}`, { method: 'POST', headers, body });
  const text = await res.text();
  return { status: res.status, text };
}

const valid = () => personalMessage('hjälp', { serviceUrl: t.emulator.url }) as Record<string, any>;
const without = (path: string[]) => {
  const a = valid();
  let node = a;
  for (const p of path.slice(0, -1)) node = node[p];
  delete node[path.at(-1)!];
  return a;
};

describe('malformed activities get a 4xx, never a crash', () => {
  it('the valid control case is answered', async () => {
    const mark = t.emulator.sent.length;
    expect((await t.post(valid())).status).toBe(200);
    expect(t.emulator.sent.slice(mark).map(cardKind)).toEqual(['help']);
  });

  it.each([
    ['truncated JSON', '{"type": "message", "text": "hj'],
    ['a trailing comma', '{"type": "message",}'],
    ['single quotes', "{'type': 'message'}"],
    ['plain words', 'hjälp'],
    ['a lone brace', '{'],
  ])('malformed JSON (%s) → 400', async (_what, body) => {
    const mark = t.emulator.sent.length;
    const res = await raw(body);
    expect(res.status).toBe(400);
    expect(t.emulator.sent.length).toBe(mark);
  });

  it.each([
    ['text/plain', 'text/plain'],
    ['form-encoded', 'application/x-www-form-urlencoded'],
    ['XML', 'application/xml'],
    ['multipart', 'multipart/form-data; boundary=x'],
  ])('%s → 415', async (_what, contentType) => {
    const res = await raw(JSON.stringify(valid()), { 'content-type': contentType });
    expect(res.status).toBe(415);
  });

  it('a compressed body → 415, so a small gzip bomb cannot inflate past the limit', async () => {
    const bomb = gzipSync(Buffer.from(JSON.stringify({ ...valid(), text: ' '.repeat(20 * 1024 * 1024) })));
    expect(bomb.length).toBeLessThan(t.config.MAX_BODY_BYTES);
    const res = await raw(new Uint8Array(bomb), { 'content-type': 'application/json', 'content-encoding': 'gzip' });
    expect(res.status).toBe(415);
    const deflated = await raw(JSON.stringify(valid()), { 'content-type': 'application/json', 'content-encoding': 'br' });
    expect(deflated.status).toBe(415);
  });

  it('no content type at all → 415', async () => {
    const res = await raw(new Uint8Array(Buffer.from(JSON.stringify(valid()))), {});
    expect(res.status).toBe(415);
  });

  it('application/json with a charset is fine', async () => {
    const res = await raw(JSON.stringify(valid()), { 'content-type': 'application/json; charset=utf-8' });
    expect(res.status).toBe(200);
  });

  it.each([
    ['conversation.id', ['conversation', 'id']],
    ['conversation', ['conversation']],
    ['serviceUrl', ['serviceUrl']],
    ['type', ['type']],
    ['from', ['from']],
    ['channelId', ['channelId']],
  ])('without %s → 400 naming it', async (name, path) => {
    const mark = t.emulator.sent.length;
    const res = await t.post(without(path));
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body).message).toContain(name);
    expect(t.emulator.sent.length).toBe(mark);
  });

  it.each([
    ['an empty type', { type: '' }],
    ['a number for text', { text: 42 }],
    ['a serviceUrl that is no URL', { serviceUrl: 'not a url' }],
    ['a null conversation', { conversation: null }],
    ['a string conversation', { conversation: 'a:1' }],
    ['an empty conversation id', { conversation: { id: '' } }],
  ])('%s → 400', async (_what, patch) => {
    const res = await t.post({ ...valid(), ...patch });
    expect(res.status).toBe(400);
  });

  it.each([
    ['an array', '[]'],
    ['an array of activities', JSON.stringify([{ type: 'message' }])],
    ['a number', '42'],
    ['a string', '"hjälp"'],
    ['null', 'null'],
    ['true', 'true'],
  ])('a JSON body that is %s → 400', async (_what, body) => {
    const res = await raw(body);
    expect(res.status).toBe(400);
  });

  it('an empty body → 400', async () => {
    const res = await raw('');
    expect(res.status).toBe(400);
  });

  it('a body over MAX_BODY_BYTES → 413', async () => {
    expect(t.config.MAX_BODY_BYTES).toBe(256 * 1024);
    const big = { ...valid(), text: 'x'.repeat(t.config.MAX_BODY_BYTES) };
    const res = await t.post(big);
    expect(res.status).toBe(413);
  });

  it('an oversized body sent in chunks, without a content length → 413', async () => {
    const url = new URL(`${t.bot.url}/api/messages`);
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request(
        {
          hostname: url.hostname,
          port: url.port,
          path: url.pathname,
          method: 'POST',
          headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', (err) => reject(err));
      const chunk = `{"text":"${'x'.repeat(64 * 1024)}`;
      let sent = 0;
      const write = () => {
        while (sent < 8) {
          sent++;
          if (!req.write(chunk)) return void req.once('drain', write);
        }
        req.end('"}');
      };
      write();
    }).catch((err: NodeJS.ErrnoException) => (err.code === 'ECONNRESET' || err.code === 'EPIPE' ? 413 : Promise.reject(err)));
    expect(status).toBe(413);
  });

  it('a body just under the limit is read', async () => {
    const a = valid();
    const size = Buffer.byteLength(JSON.stringify(a));
    const res = await t.post({ ...a, padding: 'x'.repeat(t.config.MAX_BODY_BYTES - size - 64) });
    expect(res.status).toBe(200);
  });

  it('deeply nested JSON → 4xx or 200, never a crash', async () => {
    const res = await raw(`{"a":${'['.repeat(5000)}${']'.repeat(5000)}}`);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
  });

  it('an unknown activity type is accepted and ignored', async () => {
    const mark = t.emulator.sent.length;
    const res = await t.post({ ...valid(), type: 'somethingNew' });
    expect(res.status).toBe(200);
    expect(t.emulator.sent.length).toBe(mark);
  });

  it('an invoke nobody handles gets an answer, not a crash', async () => {
    const res = await t.post({ ...valid(), type: 'invoke', name: 'no/such/invoke', value: {} });
    expect(res.status).toBeGreaterThanOrEqual(200);
    expect(res.status).toBeLessThan(600);
  });

  it('GET on /api/messages and unknown paths are 4xx', async () => {
    expect((await fetch(`${t.bot.url}/api/messages`)).status).toBe(405);
    expect((await fetch(`${t.bot.url}/nothing-here`)).status).toBe(404);
  });
});
