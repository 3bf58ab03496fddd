import { describe, expect, it } from 'vitest';
import { FanOut } from '../../../src/delivery/fanout';
import { RateLimiter } from '../../../src/delivery/rate-limiter';
import { createLogger } from '../../../src/logger';
import { memoryStores } from '../../support/memory';

/**
 * The fan-out's pipeline over the outbox on memory tables with real time:
 * a row that must wait (a 429, a 5xx's backoff, another process's lease)
 * is sent while first sends still go on, not in a round after them.
 */

const RUN = 'digest-2026-11-23';
const logger = createLogger({ level: 'silent' });

async function setup(rows: number) {
  const { outbox } = memoryStores();
  await outbox.enqueue(
    RUN,
    Array.from({ length: rows }, (_, i) => ({ recipient: `r${i}`, tenantId: 't', aadObjectId: `a${i}` })),
  );
  // 200 a second: 60 rows take about 300 ms.
  const limiter = new RateLimiter({ appPerSecond: 200, conversationPerSecond: 7 });
  const fanout = new FanOut({ outbox, limiter, logger, concurrency: 8, backoffBaseMs: 20, leaseMs: 5_000 });
  /** Accepted sends: recipient and when. */
  const delivered: Array<{ recipient: string; at: number }> = [];
  const attempts = new Map<string, number>();
  return { outbox, fanout, delivered, attempts };
}

describe('the fan-out pipeline', () => {
  it('retries a 429 and a 5xx among the first sends, not after them; every row sent once', async () => {
    const { outbox, fanout, delivered, attempts } = await setup(60);
    const summary = await fanout.run(RUN, async (row) => ({
      conversationId: `c-${row.recipient}`,
      send: async () => {
        const n = (attempts.get(row.recipient) ?? 0) + 1;
        attempts.set(row.recipient, n);
        const i = Number(row.recipient.slice(1));
        if (n === 1 && i % 10 === 3) throw Object.assign(new Error('busy'), { statusCode: 503 });
        if (n === 1 && i % 10 === 7)
          throw Object.assign(new Error('throttled'), { statusCode: 429, response: { headers: { 'retry-after': '0' } } });
        delivered.push({ recipient: row.recipient, at: Date.now() });
        return `act-${row.recipient}`;
      },
    }));
    expect(summary.sent).toBe(60);
    expect(summary.retried).toBe(6);
    expect(summary.throttled).toBe(6);
    expect(new Set(delivered.map((d) => d.recipient)).size).toBe(60);
    expect(delivered).toHaveLength(60);
    const counts = await outbox.counts(RUN);
    expect(counts.sent).toBe(60);
    // The retried rows went while rows that never failed were still being sent.
    const retried = delivered.filter((d) => attempts.get(d.recipient)! > 1);
    const firstOnly = delivered.filter((d) => attempts.get(d.recipient) === 1);
    expect(retried).toHaveLength(12);
    const lastFirst = Math.max(...firstOnly.map((d) => d.at));
    expect(retried.filter((d) => d.at < lastFirst).length).toBeGreaterThanOrEqual(6);
  });

  it('takes over a row another process holds as soon as its lease ends, among the other sends', async () => {
    const { outbox, fanout, delivered } = await setup(60);
    const held = (await outbox.get(RUN, 'r5'))!;
    await outbox.update(held, { status: 'sending', leaseOwner: 'dead', leaseUntil: new Date(Date.now() + 100).toISOString(), attempts: 1 });
    const started = Date.now();
    const summary = await fanout.run(RUN, async (row) => ({
      conversationId: `c-${row.recipient}`,
      send: async () => {
        delivered.push({ recipient: row.recipient, at: Date.now() });
        return `act-${row.recipient}`;
      },
    }));
    expect(summary.sent).toBe(60);
    expect(delivered.filter((d) => d.recipient === 'r5')).toHaveLength(1);
    const r5 = delivered.find((d) => d.recipient === 'r5')!.at;
    expect(r5 - started).toBeGreaterThanOrEqual(95);
    expect(r5).toBeLessThan(Math.max(...delivered.map((d) => d.at)));
    expect((await outbox.get(RUN, 'r5'))!.status).toBe('sent');
  });

  it('writes the changes of the rows in shared transactions: far fewer storage requests than changes, every row sent once', async () => {
    const { outbox, fanout, delivered } = await setup(200);
    // Storage that takes 10 ms a request, as Table Storage takes some: changes made meanwhile wait and go together.
    const many = outbox.updateMany.bind(outbox);
    const one = outbox.update.bind(outbox);
    const slow = () => new Promise((r) => setTimeout(r, 10));
    outbox.updateMany = async (changes) => slow().then(() => many(changes));
    outbox.update = async (row, patch) => slow().then(() => one(row, patch));
    const summary = await fanout.run(RUN, async (row) => ({
      conversationId: `c-${row.recipient}`,
      send: async () => {
        await new Promise((r) => setTimeout(r, 5));
        delivered.push({ recipient: row.recipient, at: Date.now() });
        return `act-${row.recipient}`;
      },
    }));
    expect(summary.sent).toBe(200);
    expect(new Set(delivered.map((d) => d.recipient)).size).toBe(200);
    expect((await outbox.counts(RUN)).sent).toBe(200);
    // A claim and an outcome per row: 400 changes.
    expect(summary.storage!.changes).toBe(400);
    expect(summary.storage!.requests).toBeLessThan(150);
    const r7 = (await outbox.get(RUN, 'r7'))!;
    expect(r7.activityId).toBe('act-r7');
    expect(r7.leaseOwner).toBe('');
  });

  it('a row another process claimed meanwhile fails only its own change in a shared transaction', async () => {
    const { outbox } = await setup(3);
    const [a, b, c] = await Promise.all(['r0', 'r1', 'r2'].map(async (r) => (await outbox.get(RUN, r))!));
    // Another process claims r1 first: the transaction of all three is refused and changes nothing.
    await outbox.update(b!, { status: 'sending', leaseOwner: 'other' });
    await expect(
      outbox.updateMany([a!, b!, c!].map((row) => ({ row, patch: { status: 'sending' as const, leaseOwner: 'me' } }))),
    ).rejects.toMatchObject({ statusCode: 412 });
    expect((await outbox.get(RUN, 'r0'))!.leaseOwner).toBe('');
    const [a2, c2] = await outbox.updateMany([a!, c!].map((row) => ({ row, patch: { status: 'sending' as const, leaseOwner: 'me' } })));
    expect((await outbox.get(RUN, 'r2'))!.leaseOwner).toBe('me');
    // The ETags answered are the rows' new ones: a further change with them goes through.
    await outbox.updateMany([a2!, c2!].map((row) => ({ row, patch: { status: 'sent' as const } })));
    expect((await outbox.get(RUN, 'r0'))!.status).toBe('sent');
    expect((await outbox.get(RUN, 'r1'))!.leaseOwner).toBe('other');
  });
});
