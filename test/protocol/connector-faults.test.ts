import { TableClient } from '@azure/data-tables';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { ConversationReferenceStore } from '../../src/storage/conversation-references';
import { TABLES } from '../../src/storage/tables';
import { channelMessage, personalMessage, TENANT, USERS } from '../support/activities';
import { startTestBot, type TestBot } from '../support/bot-harness';
import { cardKind, type ReceivedRequest } from '../support/connector-emulator';
import { managerAad, managersOrgFile } from '../support/managers-org';

/**
 * The Bot Connector failing (issue 8): not answering at all, answering late,
 * answering 5xx. botframework-connector's client has no timeout of its own,
 * so before CONNECTOR_TIMEOUT_MS a connector that never answered held a
 * user's turn (and the HTTP request Teams waits on), a fan-out sender and a
 * scheduled job forever. Here the bound is small, so the file is quick.
 */

const TIMEOUT = 700;
/** How long past the bound a request may take: storage reads, the turn's own work, a loaded 2-core machine. */
const SLACK = 2500;
const TOKEN = 'test-admin-token-0123456789abcdef';
// Sunday 22 November 2026; the weekly digest is due Monday 23 November 07:30 local (06:30 UTC).
const NOW = new Date('2026-11-22T10:00:00.000Z');
const RUN_AT = new Date('2026-11-23T06:31:00.000Z');
const WEEK = '2026-11-23';
const MANAGERS = 24;
const aad = (i: number) => managerAad(i, 2);
const conv = (i: number) => `a:personal-faults-mgr-${i}`;
const TEAM = '19:team-faults@thread.tacv2';
const CHANNEL_ID = '19:channel-faults-operativ@thread.tacv2';

/** The managers; one more, who has never talked to the bot: the digest has to create the chat. */
const orgFile = (): string =>
  managersOrgFile(MANAGERS, { series: 2, extra: [{ id: 'mgr-new', displayName: 'Chef Ny', aadObjectId: aad(99) }] });

let t: TestBot;

beforeAll(async () => {
  t = await startTestBot({
    connectionString: inject('azuriteConnectionString'),
    now: () => NOW,
    env: { ORG_CONFIG: orgFile(), SCHEDULER_TICK_MS: '0', CONNECTOR_TIMEOUT_MS: String(TIMEOUT), FANOUT_RATE: '45' },
  });
  // The managers' personal chats with the bot, as Teams would have given them.
  const store = new ConversationReferenceStore(
    TableClient.fromConnectionString(inject('azuriteConnectionString'), `${t.tablePrefix}${TABLES.conversationReferences}`, {
      allowInsecureConnection: true,
    }),
  );
  for (let i = 0; i < MANAGERS; i++) {
    await store.save({
      tenantId: TENANT,
      conversationId: conv(i),
      conversationType: 'personal',
      userAadObjectId: aad(i),
      updatedAt: NOW.toISOString(),
      reference: {
        serviceUrl: t.emulator.url,
        channelId: 'msteams',
        locale: 'sv-SE',
        bot: { id: '28:samverkan-bot', name: 'Samverkan' },
        user: { id: `29:faults-mgr-${i}`, aadObjectId: aad(i) },
        conversation: { id: conv(i), conversationType: 'personal', tenantId: TENANT },
      },
    });
  }
});
afterEach(() => {
  t.emulator.hang = undefined;
  t.emulator.failWith = undefined;
  t.assertCardsValid();
});
afterAll(async () => t?.close());

const hjalp = () => personalMessage('hjälp', { serviceUrl: t.emulator.url });

/** POSTs to /api/messages, giving up (and failing the test) after `limitMs` rather than waiting forever. */
async function timedPost(activity: unknown, limitMs = 10_000): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  const res = await fetch(`${t.bot.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
    signal: AbortSignal.timeout(limitMs),
  });
  await res.text();
  return { status: res.status, ms: performance.now() - started };
}

async function runJobs(
  job: string,
  now: string,
): Promise<{ body: { sent: number; skipped: number; failed: number; parked: number }; ms: number }> {
  const started = performance.now();
  const res = await fetch(`${t.bot.url}/api/jobs/run`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ job, now }),
    signal: AbortSignal.timeout(20_000),
  });
  expect(res.status).toBe(200);
  return { body: (await res.json()) as { sent: number; skipped: number; failed: number; parked: number }, ms: performance.now() - started };
}

/** Waits (polling) until `predicate` holds, failing after `ms`. */
async function until(predicate: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > end) throw new Error(`condition not met within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/**
 * The bot's log lines since `mark`, parsed. A line that is not JSON is printed (its first 300 characters; these tests
 * log no child's data) and left out: twice in CI, one line here read "Unterminated fractional number" at position 203
 * and could not be reproduced locally. The counts below still have to match exactly.
 */
const logsSince = (mark: number) =>
  t.log.lines.slice(mark).flatMap((l) => {
    try {
      return [JSON.parse(l) as Record<string, any>];
    } catch {
      console.log(`a log line that is not JSON (${l.length} characters): ${l.slice(0, 300)}`);
      return [];
    }
  });
const requestsSince = (mark: number): ReceivedRequest[] => t.emulator.requests.slice(mark);

describe("a user's turn while the connector does not answer", () => {
  it('the request to /api/messages ends within the bound; the process serves meanwhile; nothing else is tried', async () => {
    const logMark = t.log.lines.length;
    const reqMark = t.emulator.requests.length;
    t.emulator.hang = { ms: Infinity };
    const hungBefore = t.emulator.hung;
    const turn = timedPost(hjalp());
    // While that turn waits on the connector, the process answers other requests.
    await until(() => t.emulator.hung > hungBefore);
    const health = await fetch(`${t.bot.url}/healthz`, { signal: AbortSignal.timeout(2000) });
    expect(health.status).toBe(200);
    const { status, ms } = await turn;
    console.log(`connector never answers: /api/messages answered ${status} after ${Math.round(ms)} ms (bound ${TIMEOUT} ms)`);
    expect(status).toBeLessThan(600);
    expect(ms).toBeGreaterThanOrEqual(TIMEOUT - 50);
    expect(ms).toBeLessThan(TIMEOUT + SLACK);
    // The help card was tried once and held; no error card followed it into the same silence.
    expect(requestsSince(reqMark).map((r) => [r.cardKind, r.held])).toEqual([['help', true]]);
    const failed = logsSince(logMark).filter((l) => l.msg === 'turn failed');
    expect(failed).toHaveLength(1);
    expect(failed[0]!.err).toMatchObject({ code: 'ConnectorTimeout', message: 'connector failure' });
  });

  it('when the connector answers again, the next command is answered', async () => {
    const mark = t.emulator.sent.length;
    const { status, ms } = await timedPost(hjalp());
    expect(status).toBe(200);
    expect(ms).toBeLessThan(TIMEOUT + SLACK);
    expect(t.emulator.sent.slice(mark).map(cardKind)).toEqual(['help']);
  });

  it('a connector that answers late but within the bound: the reply counts, once', async () => {
    const mark = t.emulator.sent.length;
    t.emulator.hang = { ms: Math.round(TIMEOUT / 3), count: 1 };
    const { status, ms } = await timedPost(hjalp());
    expect(status).toBe(200);
    expect(ms).toBeGreaterThanOrEqual(TIMEOUT / 3 - 20);
    expect(t.emulator.sent.slice(mark).map(cardKind)).toEqual(['help']);
  });

  it('a channel @mention in a thread while the connector hangs: the same bound, the next one answered', async () => {
    const activity = channelMessage('hjälp', { serviceUrl: t.emulator.url, mention: true, threadId: '7' });
    t.emulator.hang = { ms: Infinity, count: 1 };
    const held = await timedPost(activity);
    expect(held.ms).toBeLessThan(TIMEOUT + SLACK);
    const mark = t.emulator.sent.length;
    const again = await timedPost(channelMessage('hjälp', { serviceUrl: t.emulator.url, mention: true, threadId: '7' }));
    expect(again.status).toBe(200);
    expect(t.emulator.sent.slice(mark).map((a) => [cardKind(a), a.conversationId])).toEqual([['help', activity.conversation.id]]);
  });
});

describe("a user's turn while the connector answers 5xx", () => {
  // No other test covers the turn reply failing at the connector: storage-down.test.ts fails storage, fanout.test.ts only proactive sends.
  it("Teams gets an HTTP answer within the bound, the failure is logged as the connector's (not storage's), no error card is tried; the next turn works", async () => {
    const logMark = t.log.lines.length;
    const reqMark = t.emulator.requests.length;
    t.emulator.failWith = 503;
    const { status, ms } = await timedPost(hjalp());
    console.log(
      `connector answers 503: /api/messages answered ${status} after ${Math.round(ms)} ms, ${requestsSince(reqMark).length} connector request(s)`,
    );
    expect(status).toBeLessThan(600);
    expect(ms).toBeLessThan(TIMEOUT + SLACK);
    const tried = requestsSince(reqMark);
    expect(tried.length).toBeGreaterThanOrEqual(1);
    expect(tried.every((r) => r.cardKind === 'help' && (r.status === 503 || r.status === undefined))).toBe(true);
    const failed = logsSince(logMark).filter((l) => l.msg === 'turn failed');
    expect(failed).toHaveLength(1);
    expect(failed[0]!.err.message).toBe('connector failure');
    // botbuilder's own retries of the 503 either ran out (the 503 is reported) or were cut by the bound.
    expect(failed[0]!.connector?.status === 503 || failed[0]!.err.code === 'ConnectorTimeout').toBe(true);

    t.emulator.failWith = undefined;
    const mark = t.emulator.sent.length;
    expect((await timedPost(hjalp())).status).toBe(200);
    expect(t.emulator.sent.slice(mark).map(cardKind)).toEqual(['help']);
  });
});

describe("a user's turn whose reply the connector refuses (4xx)", () => {
  it("is logged as the connector's failure, not storage's, and the error card is still tried, since the connector is up", async () => {
    const logMark = t.log.lines.length;
    const reqMark = t.emulator.requests.length;
    t.emulator.failWith = 400;
    const { status, ms } = await timedPost(hjalp());
    expect(status).toBeLessThan(600);
    expect(ms).toBeLessThan(TIMEOUT + SLACK);
    expect(requestsSince(reqMark).map((r) => [r.cardKind, r.status])).toEqual([
      ['help', 400],
      ['error', 400],
    ]);
    const logs = logsSince(logMark);
    const failed = logs.filter((l) => l.msg === 'turn failed');
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ err: { message: 'connector failure' }, connector: { status: 400 } });
    expect(logs.some((l) => l.msg === 'could not send the error card')).toBe(true);
  });
});

describe("a scheduled job's send while the connector does not answer", () => {
  it('the job fails within the bound and is retried later; the reminder is delivered once', async () => {
    const inChannel = (text: string) =>
      channelMessage(text, { serviceUrl: t.emulator.url, mention: true, channelId: CHANNEL_ID, teamId: TEAM });
    expect((await timedPost(inChannel('grupp koppla operativ'))).status).toBe(200);
    const booked = t.emulator.sent.length;
    expect((await timedPost(inChannel('boka 2026-12-10 13:00 60'))).status).toBe(200);
    expect(t.emulator.sent.slice(booked).map(cardKind)).toEqual(['meeting']);
    t.emulator.limits = { dedupe: true };

    // Monday 7 December 09:00 local, three working days before: the convener's agenda reminder is due.
    const logMark = t.log.lines.length;
    t.emulator.hang = { ms: Infinity };
    const first = await runJobs('reminders', '2026-12-07T08:01:00Z');
    console.log(`reminders with the connector silent: ${JSON.stringify(first.body)} in ${Math.round(first.ms)} ms`);
    expect(first.body.sent).toBe(0);
    expect(first.body.failed).toBeGreaterThanOrEqual(1);
    expect(first.ms).toBeLessThan(TIMEOUT * 2 + SLACK);
    const retry = logsSince(logMark).filter((l) => l.msg === 'job failed; will retry');
    expect(retry.length).toBe(first.body.failed);
    expect(retry.every((l) => l.lastError === 'ConnectorTimeout')).toBe(true);

    t.emulator.hang = undefined;
    const mark = t.emulator.sent.length;
    const later = await runJobs('reminders', '2026-12-07T09:00:00Z');
    expect(later.body.failed).toBe(0);
    expect(later.body.sent).toBeGreaterThanOrEqual(first.body.failed);
    // Alex may get other reminders in the same run (the demo plan's overdue activity): the agenda's comes once.
    const reminders = t.emulator.sent
      .slice(mark)
      .filter(
        (a) => a.conversationId === `a:personal-${USERS.alex.id}` && JSON.stringify(a.body).includes('Dagordningen är inte publicerad'),
      );
    expect(reminders).toHaveLength(1);
  });
});

describe('the weekly digest while some sends hang', () => {
  it('every manager gets the digest exactly once and the run finishes in bounded time', async () => {
    t.emulator.limits = { dedupe: true };
    t.emulator.resetDeliveries();
    const isDigestSend = ({ method, path: p }: { method: string; path: string }) =>
      method === 'POST' && p.includes('/a:personal-faults-mgr-');
    // Every third digest send (eight of them) is taken in, delivered, and never answered: the worst case, a message that
    // arrived while the bot cannot know it did. The resend carries the same idempotency key, which this connector honours.
    t.emulator.hang = { ms: Infinity, every: 3, count: 8, deliverFirst: true, match: isDigestSend };
    const reqMark = t.emulator.requests.length;
    const { body, ms } = await runJobs('digest', RUN_AT.toISOString());
    const held = requestsSince(reqMark).filter((r) => r.held);
    console.log(
      `digest with ${held.length} sends never answered: ${JSON.stringify(body)} in ${Math.round(ms)} ms, ${t.emulator.absorbed} resends absorbed`,
    );
    expect(body.failed).toBe(0);
    expect(held).toHaveLength(8);
    for (let i = 0; i < MANAGERS; i++) {
      const key = `digest-${WEEK}/mgr-${i}`;
      expect(t.emulator.deliveries.get(key) ?? 0, key).toBe(1);
    }
    // Each hung send was resent once it timed out, and the resend was recognised.
    expect(t.emulator.absorbed).toBe(8);
    // Bounded: the hung sends cost one timeout and one backoff each, in parallel, not forever.
    expect(ms).toBeLessThan(15_000);
    const finished = t.log.lines.filter((l) => l.includes('fan-out finished'));
    expect(finished.length).toBeGreaterThan(0);
    expect(finished.join('\n')).not.toMatch(/Chef \d|20000000-0000/);
  });

  it('the next week, sends that are answered only after the bound and land late: still each digest once', async () => {
    const NEXT_RUN = new Date(RUN_AT.getTime() + 7 * 24 * 3600_000);
    const NEXT_WEEK = '2026-11-30';
    t.emulator.resetDeliveries();
    const isDigestSend = ({ method, path: p }: { method: string; path: string }) =>
      method === 'POST' && p.includes('/a:personal-faults-mgr-');
    // Every fourth send waits twice the bound before the connector even looks at it: the bot has given up and resent by
    // then, or resends after it landed; either way one of the two is recognised by its idempotency key.
    t.emulator.hang = { ms: TIMEOUT * 2, every: 4, count: 5, match: isDigestSend };
    const reqMark = t.emulator.requests.length;
    const { body, ms } = await runJobs('digest', NEXT_RUN.toISOString());
    // Let the late ones land before counting.
    await new Promise((r) => setTimeout(r, TIMEOUT * 2 + 200));
    console.log(`next week's digest with late answers: ${JSON.stringify(body)} in ${Math.round(ms)} ms, ${t.emulator.absorbed} absorbed`);
    expect(body.failed).toBe(0);
    expect(requestsSince(reqMark).filter((r) => r.held)).toHaveLength(5);
    for (let i = 0; i < MANAGERS; i++) {
      const key = `digest-${NEXT_WEEK}/mgr-${i}`;
      expect(t.emulator.deliveries.get(key) ?? 0, key).toBe(1);
    }
    expect(t.emulator.absorbed).toBe(5);
    expect(ms).toBeLessThan(15_000);
  });

  it('creating a new manager\'s chat times out once: retried, and the digest delivered, not given up as "not installed"', async () => {
    const WEEK3 = '2026-12-07';
    const RUN3 = new Date(RUN_AT.getTime() + 14 * 24 * 3600_000);
    t.emulator.resetDeliveries();
    t.emulator.limits = { dedupe: true, installed: new Set([aad(99)]) };
    t.emulator.hang = { ms: Infinity, count: 1, match: ({ method, path: p }) => method === 'POST' && /^\/v3\/conversations\/?$/.test(p) };
    const reqMark = t.emulator.requests.length;
    const { body } = await runJobs('digest', RUN3.toISOString());
    expect(body.failed).toBe(0);
    const creates = requestsSince(reqMark).filter((r) => r.method === 'POST' && /^\/v3\/conversations\/?$/.test(r.path));
    expect(creates.length, 'the create that hung, then the retry').toBe(2);
    expect(creates[0]!.held).toBe(true);
    expect(t.emulator.deliveries.get(`digest-${WEEK3}/mgr-new`) ?? 0).toBe(1);
    const outbox = TableClient.fromConnectionString(inject('azuriteConnectionString'), `${t.tablePrefix}${TABLES.outbox}`, {
      allowInsecureConnection: true,
    });
    const statuses: string[] = [];
    for await (const e of outbox.listEntities<{ status: string }>())
      if (String(e.rowKey).includes('mgr-new') && String(e.partitionKey).includes(WEEK3)) statuses.push(e.status);
    expect(statuses).toEqual(['sent']);
  });
});
