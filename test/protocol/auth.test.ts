import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { personalMessage } from '../support/activities';
import { startTestBot, type TestBot } from '../support/bot-harness';

const BOT_ID = '11111111-2222-3333-4444-555555555555';
let t: TestBot;

beforeAll(async () => {
  t = await startTestBot({ connectionString: inject('azuriteConnectionString'), env: { BOT_ID, BOT_PASSWORD: 'not-a-real-secret' } });
});
afterAll(async () => t?.close());

// A well-formed token for another audience makes botbuilder fetch the Bot
// Framework's signing keys from the internet, which these machines cannot
// reach; that case waits for a stand-in key server (the hardening issue).
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
