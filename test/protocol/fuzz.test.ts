import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { featureRoutes } from '../../src/features';
import type { BotServices } from '../../src/features/shared/services';

const ACTIONS = featureRoutes({} as BotServices).actions;
import { actionExecute, channelMessage, personalMessage, USERS } from '../support/activities';
import { startTestBot, type TestBot } from '../support/bot-harness';

/**
 * Property-based bad input (fast-check) over real HTTP: random JSON, mutated
 * activities, unicode edge cases, large strings and deep nesting never get a
 * 5xx and never take the server down; every card action answers missing,
 * extra and wrong-typed fields with a card, not a failure.
 */

let t: TestBot;
beforeAll(async () => {
  t = await startTestBot({ connectionString: inject('azuriteConnectionString'), now: () => new Date('2026-11-22T10:00:00Z') });
});
afterAll(async () => t?.close());

async function post(body: string): Promise<number> {
  const res = await fetch(`${t.bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  await res.text();
  return res.status;
}

const nasty = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 50 }),
  fc.string({ unit: 'binary', maxLength: 50 }),
  fc.constantFrom(
    '\uD800',
    '\uDFFF',
    '\u202E\u0041',
    '\u200B\u200D\uFEFF',
    '\u0000',
    'e\u0301',
    '👩‍👩‍👧‍👦',
    '<at>Samverkan</at>',
    '19:abc@thread.tacv2;messageid=1',
    '../../etc/passwd',
    '%00',
    '${7*7}',
    '{{x}}',
  ),
  fc.string({ maxLength: 20 }).map((s) => s.repeat(500)),
);

const jsonValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constant(null),
    fc.boolean(),
    fc.double(),
    fc.integer(),
    nasty,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(nasty, tie('value'), { maxKeys: 4 }),
  ),
})).value;

describe('/api/messages under property-based input', () => {
  it('random JSON bodies get a 4xx or 200, never a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(jsonValue, async (v) => {
        const status = await post(JSON.stringify(v));
        return status < 500;
      }),
      { numRuns: 150, seed: 20261122 },
    );
  }, 300_000);

  it('mutated activities (fields dropped, retyped or filled with unicode edge cases) get a 4xx or 200, never a 5xx', async () => {
    const fields = [
      'type',
      'text',
      'conversation',
      'from',
      'recipient',
      'channelData',
      'entities',
      'value',
      'locale',
      'serviceUrl',
      'channelId',
      'id',
      'replyToId',
      'attachments',
      'timestamp',
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('personal', 'channel', 'invoke'),
        fc.array(fc.tuple(fc.constantFrom(...fields), fc.oneof(fc.constant(undefined), jsonValue)), { maxLength: 4 }),
        nasty,
        async (kind, mutations, text) => {
          const base = (
            kind === 'personal'
              ? personalMessage(text, { serviceUrl: t.emulator.url })
              : kind === 'channel'
                ? channelMessage(text, { serviceUrl: t.emulator.url, mention: true })
                : actionExecute('meeting.rsvp', { meetingId: text, answer: 'yes' }, { serviceUrl: t.emulator.url })
          ) as Record<string, unknown>;
          for (const [field, value] of mutations) {
            if (value === undefined) delete base[field];
            else base[field] = value;
          }
          const mark = t.log.lines.length;
          const status = await post(JSON.stringify(base));
          // Nothing reaches a turn that then fails on the activity's shape.
          return status < 500 && !t.log.lines.slice(mark).some((l) => l.includes('"turn failed"'));
        },
      ),
      { numRuns: 200, seed: 20261122 },
    );
    expect((await fetch(`${t.bot.url}/healthz`)).status).toBe(200);
  }, 180_000);

  it('every command word with random arguments is answered without a failure', async () => {
    const words = [
      'hjälp',
      'grupp',
      'grupp koppla',
      'boka',
      'boka flytta',
      'boka ställ in',
      'möten',
      'möten ny-länk',
      'dagordning',
      'dagordning +',
      'protokoll',
      'översyn',
      'samtycke',
      'samtycke återkalla',
      'sammanfattning',
    ];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...words), nasty, async (word, args) => {
        const mark = t.log.lines.length;
        const status = await post(JSON.stringify(personalMessage(`${word} ${args}`.slice(0, 3000), { serviceUrl: t.emulator.url })));
        const errors = t.log.lines.slice(mark).filter((l) => l.includes('"turn failed"'));
        return status === 200 && errors.length === 0;
      }),
      { numRuns: 80, seed: 20261122 },
    );
  }, 300_000);
});

describe('card actions with missing, extra and wrong-typed fields', () => {
  for (const def of ACTIONS) {
    it(`${def.verb}: answered with a card that explains, never a failure`, async () => {
      const variants: Array<Record<string, unknown>> = [
        {},
        { unexpected: 'field', another: '1' },
        { meetingId: 42, groupId: ['x'], caseRef: { a: 1 }, documentId: null, date: 'igår', text: 7, answer: 'ja', view: 'all' },
        {
          meetingId: 'samverkansgrupp.abcdefghij12',
          groupId: 'samverkansgrupp',
          documentId: 'riktlinje-samverkan',
          date: '2026-02-30',
          time: '25:61',
          durationMinutes: '-5',
          text: '',
          answer: 'yes',
          caseRef: 'SAM-XXXXXXXX',
          view: 'reviews',
        },
      ];
      const mark = t.log.lines.length;
      for (const data of variants) {
        const res = await t.post(actionExecute(def.verb, data as Record<string, string>, { serviceUrl: t.emulator.url, user: USERS.alex }));
        expect(res.status, `${def.verb} ${JSON.stringify(data)}`).toBe(200);
        const body = JSON.parse(res.body) as { statusCode: number; value: { type?: string; body?: Array<{ id?: string }> } };
        expect(body.statusCode).toBe(200);
        expect(body.value.type).toBe('AdaptiveCard');
      }
      expect(t.log.lines.slice(mark).filter((l) => l.includes('"turn failed"'))).toEqual([]);
    }, 180_000);
  }
});
