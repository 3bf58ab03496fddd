import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startTestBot, type TestBot } from '../support/bot-harness';

/** `POST /api/jobs/run` over real HTTP (SPEC section 3), against Azurite. */
const TOKEN = 'test-admin-token-0123456789abcdef';
const clock = { now: new Date('2026-03-10T09:00:00.000Z') };
const tomorrow = new Date('2026-03-11T09:00:00.000Z');

let t: TestBot;
const ran: string[] = [];
beforeAll(async () => {
  t = await startTestBot({
    connectionString: inject('azuriteConnectionString'),
    now: () => clock.now,
    env: { ADMIN_TOKEN: TOKEN, SCHEDULER_TICK_MS: '0' },
  });
  const s = t.bot.services.scheduler;
  s.register('reminders.day-before', async (job) => void ran.push(job.id));
  s.register('digest.testrun', async (job) => ((job.payload as { empty?: boolean })?.empty ? 'skipped' : void ran.push(job.id)));
  s.register('reviews.due', async () => {
    throw Object.assign(new Error('connector down'), { code: 'Upstream503' });
  });
});
afterAll(async () => t?.close());

async function run(body: unknown, headers: Record<string, string> = { authorization: `Bearer ${TOKEN}` }, url = t.bot.url) {
  const res = await fetch(`${url}/api/jobs/run`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

describe('POST /api/jobs/run: access', () => {
  it('refuses a request without the bearer token, or with a wrong one, with 401', async () => {
    expect((await run({ job: 'tick' }, {})).status).toBe(401);
    expect((await run({ job: 'tick' }, { authorization: 'Bearer not-the-token-at-all-0123456789' })).status).toBe(401);
    expect((await run({ job: 'tick' }, { authorization: `Bearer ${TOKEN}x` })).status).toBe(401);
    expect((await run({ job: 'tick' }, { authorization: `Basic ${TOKEN}` })).status).toBe(401);
    expect((await run({ job: 'tick' }, { authorization: TOKEN })).status).toBe(401);
  });

  it('does not exist when no ADMIN_TOKEN is configured (404)', async () => {
    const bare = await startTestBot({
      connectionString: inject('azuriteConnectionString'),
      env: { ADMIN_TOKEN: '', SCHEDULER_TICK_MS: '0' },
    });
    try {
      expect((await run({ job: 'tick' }, { authorization: `Bearer ${TOKEN}` }, bare.bot.url)).status).toBe(404);
    } finally {
      await bare.close();
    }
  });

  it('accepts `now` only outside production', async () => {
    const prod = await startTestBot({
      connectionString: inject('azuriteConnectionString'),
      env: { ADMIN_TOKEN: TOKEN, SCHEDULER_TICK_MS: '0' },
    });
    try {
      // The harness runs in test mode; flip the parsed config to production for this one request.
      (prod.config as { production: boolean }).production = true;
      const res = await run({ job: 'tick', now: tomorrow.toISOString() }, undefined, prod.bot.url);
      expect(res.status).toBe(400);
      expect(String(res.json.message)).toContain('now');
      expect((await run({ job: 'tick' }, undefined, prod.bot.url)).status).toBe(200);
    } finally {
      await prod.close();
    }
  });
});

describe('POST /api/jobs/run: the body', () => {
  it.each([
    ['no body', ''],
    ['not an object', '"tick"'],
    ['an unknown job', { job: 'everything' }],
    ['no job', { now: '2026-03-10T09:00:00Z' }],
    ['a date without a zone', { job: 'tick', now: '2026-03-10T09:00:00' }],
    ['not a date', { job: 'tick', now: 'tomorrow' }],
    ['an unknown field', { job: 'tick', force: true }],
  ])('answers 400 for %s', async (_what, body) => {
    const res = await run(body);
    expect(res.status).toBe(400);
    expect(res.json.code).toBeDefined();
  });
});

describe('POST /api/jobs/run: running jobs', () => {
  it('travels in time: a job due tomorrow runs when now is tomorrow, and only then', async () => {
    const s = t.bot.services.scheduler;
    await s.schedule({ id: 'reminder:m-1:2026-03-11', kind: 'reminders.day-before', dueAt: tomorrow });
    const today = await run({ job: 'reminders' });
    expect(today.status).toBe(200);
    expect(today.json).toMatchObject({ sent: 0, skipped: 0, failed: 0 });
    expect(ran).toEqual([]);

    const res = await run({ job: 'reminders', now: new Date(tomorrow.getTime() + 60_000).toISOString() });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ job: 'reminders', sent: 1, skipped: 0, failed: 0, now: '2026-03-11T09:01:00.000Z' });
    expect(ran).toEqual(['reminder:m-1:2026-03-11']);
    // Exactly once: asking again sends nothing.
    expect((await run({ job: 'reminders', now: new Date(tomorrow.getTime() + 120_000).toISOString() })).json).toMatchObject({ sent: 0 });
  });

  it('runs a named family only, and `tick` runs everything due, with summary counts', async () => {
    ran.length = 0;
    const s = t.bot.services.scheduler;
    const now = '2026-03-10T10:00:00.000Z';
    await s.schedule({ id: 'digest:a', kind: 'digest.testrun', dueAt: clock.now });
    await s.schedule({ id: 'digest:b', kind: 'digest.testrun', dueAt: clock.now, payload: { empty: true } });
    await s.schedule({ id: 'reminder:m-2', kind: 'reminders.day-before', dueAt: clock.now });
    await s.schedule({ id: 'review:g-1', kind: 'reviews.due', dueAt: clock.now });

    const digest = await run({ job: 'digest', now });
    expect(digest.json).toMatchObject({ sent: 1, skipped: 1, failed: 0, parked: 0 });
    expect(ran).toEqual(['digest:a']);

    const all = await run({ job: 'tick', now });
    expect(all.status).toBe(200);
    expect(all.json).toMatchObject({
      sent: 1,
      skipped: 0,
      failed: 1,
      byKind: { 'reminders.day-before': { ran: 1 }, 'reviews.due': { failed: 1 } },
    });
    expect(ran).toEqual(['digest:a', 'reminder:m-2']);
    // The failed review waits for its retry: counted as skipped until then.
    expect((await run({ job: 'reviews', now })).json).toMatchObject({ sent: 0, skipped: 1, failed: 0 });
  });
});
