import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startTestBot, type TestBot } from '../support/bot-harness';
import { cardKind } from '../support/connector-emulator';
import { personalMessage } from '../support/activities';

let t: TestBot;
beforeAll(async () => {
  t = await startTestBot({ connectionString: inject('azuriteConnectionString') });
});
afterAll(async () => t?.close());

describe('smoke', () => {
  it('answers hjälp in personal chat with the help card', async () => {
    const res = await t.post(personalMessage('hjälp', { serviceUrl: t.emulator.url }));
    expect(res.status).toBe(200);
    const sent = await t.emulator.waitFor((a) => cardKind(a) === 'help');
    expect(sent.body.attachments[0].content.body[0].text).toBe('Det här kan du göra här');
  });
});
