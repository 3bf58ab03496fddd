import { afterAll, describe, expect, inject, it } from 'vitest';
import { personalMessage } from '../support/activities';
import { startTestBot, type TestBot } from '../support/bot-harness';
import { expectValidCard } from '../support/cards';
import { cardKind, ConnectorEmulator } from '../support/connector-emulator';

/** The card rule is applied to everything the bot sends: these tests show the hook can fail. */
describe('the card check hook', () => {
  const emulators: ConnectorEmulator[] = [];
  const bots: TestBot[] = [];
  afterAll(async () => {
    for (const e of emulators) await e.stop();
    for (const b of bots) await b.close().catch(() => undefined);
  });

  async function send(emulator: ConnectorEmulator, card: unknown) {
    const res = await fetch(`${emulator.url}/v3/conversations/a%3A1/activities`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }] }),
    });
    expect(res.status).toBe(200);
  }

  it('the emulator records a bad card sent to it over HTTP, and assertCardsValid fails', async () => {
    const emulator = await new ConnectorEmulator({ cardValidator: expectValidCard }).start();
    emulators.push(emulator);
    await send(emulator, { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', id: 'help', text: 'ok' }] });
    expect(emulator.cardFailures).toEqual([]);
    expect(() => emulator.assertCardsValid()).not.toThrow();

    await send(emulator, {
      type: 'AdaptiveCard',
      version: '1.2',
      body: [{ type: 'TextBlock', id: 'nonsense', text: 'x', size: 'Gigantic' }],
    });
    expect(emulator.cardFailures).toHaveLength(1);
    expect(emulator.cardFailures[0]!.message).toMatch(/version is "1.2"/);
    expect(emulator.cardFailures[0]!.message).toMatch(/"nonsense", not a card kind/);
    expect(emulator.cardFailures[0]!.message).toMatch(/Gigantic/);
    expect(() => emulator.assertCardsValid()).toThrow(/1 invalid card\(s\) sent by the bot/);
  });

  it('the harness checks every card the bot sends, and close() fails on a bad one', async () => {
    const seen: string[] = [];
    const t = await startTestBot({
      connectionString: inject('azuriteConnectionString'),
      // A stricter rule than the real one, to see the harness apply it: no help cards at all.
      cardValidator: (card) => {
        expectValidCard(card);
        const kind = (card as { body: Array<{ id: string }> }).body[0]!.id;
        seen.push(kind);
        if (kind === 'help') throw new Error('help cards refused by this test');
      },
    });
    bots.push(t);
    expect((await t.post(personalMessage('boka 2026-02-30 10:00', { serviceUrl: t.emulator.url }))).status).toBe(200);
    expect(() => t.assertCardsValid()).not.toThrow();
    expect((await t.post(personalMessage('hjälp', { serviceUrl: t.emulator.url }))).status).toBe(200);
    expect(t.emulator.sent.map(cardKind)).toEqual(['error', 'help']);
    expect(seen).toEqual(['error', 'help']);
    expect(() => t.assertCardsValid()).toThrow(/help cards refused by this test/);
    await expect(t.close()).rejects.toThrow(/invalid card/);
    bots.pop();
  });

  it("by default the harness uses expectValidCard, and the bot's cards pass it", async () => {
    const t = await startTestBot({ connectionString: inject('azuriteConnectionString') });
    bots.push(t);
    expect(t.emulator.cardValidator).toBe(expectValidCard);
    for (const [text, locale] of [
      ['hjälp', 'sv-SE'],
      ['help', 'en-US'],
      ['boka 2026-02-30 10:00', 'sv-SE'],
    ] as const) {
      await t.post(personalMessage(text, { serviceUrl: t.emulator.url, locale }));
    }
    expect(t.emulator.sent.length).toBe(3);
    expect(t.emulator.cardFailures).toEqual([]);
    await t.close();
    bots.pop();
  });
});
