import { createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { channelMessage, personalMessage } from '../support/activities';
import { startTestBot, type TestBot } from '../support/bot-harness';

const BOT_ID = '11111111-2222-3333-4444-555555555555';
let t: TestBot;

beforeAll(async () => {
  t = await startTestBot({ connectionString: inject('azuriteConnectionString'), env: { BOT_ID, BOT_PASSWORD: 'not-a-real-secret' } });
});
afterAll(async () => t?.close());

describe('with bot credentials, every request must carry a valid Bot Framework token', () => {
  it('no Authorization header → 401, nothing processed', async () => {
    const res = await t.post(personalMessage('hjälp', { serviceUrl: t.emulator.url }));
    expect(res.status).toBe(401);
    expect(t.emulator.sent).toHaveLength(0);
  });

  it('a malformed token → 401, not 500', async () => {
    const res = await t.post(personalMessage('hjälp', { serviceUrl: t.emulator.url }), { authorization: 'Bearer not.a.jwt' });
    expect(res.status).toBe(401);
    expect(t.emulator.sent).toHaveLength(0);
  });

  it('the health endpoint stays open', async () => {
    expect((await fetch(`${t.bot.url}/healthz`)).status).toBe(200);
  });
});

/**
 * Well-formed, signed tokens checked offline: a stand-in for the Bot
 * Framework's OpenID configuration and signing keys (BOT_OPENID_METADATA),
 * since Entra token issuance cannot run here.
 */
describe('signed tokens, against a stand-in Bot Framework key server (Entra cannot run here)', () => {
  let keys: http.Server;
  let bot: TestBot;
  const signing = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 });

  function jwt(claims: Record<string, unknown>, key: KeyObject = signing.privateKey, kid = 'stand-in-key'): string {
    const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const body = `${b64({ alg: 'RS256', typ: 'JWT', kid })}.${b64(claims)}`;
    return `${body}.${createSign('RSA-SHA256').update(body).sign(key).toString('base64url')}`;
  }
  const claims = (over: Record<string, unknown> = {}) => {
    const now = Math.floor(Date.now() / 1000);
    return { iss: 'https://api.botframework.com', aud: BOT_ID, nbf: now - 60, exp: now + 600, serviceurl: 'http://127.0.0.1:9', ...over };
  };

  beforeAll(async () => {
    const jwk = signing.publicKey.export({ format: 'jwk' }) as { n: string; e: string };
    keys = http.createServer((req, res) => {
      const base = `http://127.0.0.1:${(keys.address() as AddressInfo).port}`;
      res.writeHead(200, { 'content-type': 'application/json' });
      if (req.url?.startsWith('/.well-known/openid-configuration'))
        res.end(JSON.stringify({ issuer: 'https://api.botframework.com', jwks_uri: `${base}/keys` }));
      else
        res.end(JSON.stringify({ keys: [{ kty: 'RSA', use: 'sig', kid: 'stand-in-key', n: jwk.n, e: jwk.e, endorsements: ['msteams'] }] }));
    });
    await new Promise<void>((r) => keys.listen(0, '127.0.0.1', r));
    const metadata = `http://127.0.0.1:${(keys.address() as AddressInfo).port}/.well-known/openid-configuration`;
    bot = await startTestBot({
      connectionString: inject('azuriteConnectionString'),
      env: { BOT_ID, BOT_PASSWORD: 'not-a-real-secret', BOT_OPENID_METADATA: metadata },
    });
  });
  afterAll(async () => {
    await bot?.close();
    keys?.close();
  });

  // An ordinary channel message: valid or not, the bot sends nothing (so no outgoing token is needed).
  const message = () => ({ ...channelMessage('Hej alla, mötet börjar strax.', { serviceUrl: 'http://127.0.0.1:9' }) });

  it('a token for another audience → 401, not 500', async () => {
    const res = await bot.post(message(), { authorization: `Bearer ${jwt(claims({ aud: '99999999-0000-0000-0000-000000000000' }))}` });
    expect(res.status).toBe(401);
  });

  it('a token signed by a key the server does not publish → 401', async () => {
    expect((await bot.post(message(), { authorization: `Bearer ${jwt(claims(), stranger.privateKey)}` })).status).toBe(401);
    expect((await bot.post(message(), { authorization: `Bearer ${jwt(claims(), stranger.privateKey, 'unknown-kid')}` })).status).toBe(401);
  });

  it('an expired token, or one from another issuer → 401', async () => {
    const now = Math.floor(Date.now() / 1000);
    expect((await bot.post(message(), { authorization: `Bearer ${jwt(claims({ exp: now - 3600, nbf: now - 7200 }))}` })).status).toBe(401);
    expect((await bot.post(message(), { authorization: `Bearer ${jwt(claims({ iss: 'https://evil.example' }))}` })).status).toBe(401);
  });

  it('the same token for this bot is accepted (the checks above fail for their reason, not for any token)', async () => {
    expect((await bot.post(message(), { authorization: `Bearer ${jwt(claims())}` })).status).toBe(200);
  });
});
