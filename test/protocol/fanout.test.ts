import { spawn, type ChildProcess } from 'node:child_process';
import { TableClient } from '@azure/data-tables';
import { ConnectorClient, MicrosoftAppCredentials } from 'botframework-connector';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ConversationReferenceStore } from '../../src/storage/conversation-references';
import { TABLES } from '../../src/storage/tables';
import { personalMessage, TENANT, USERS } from '../support/activities';
import { startTestBot, type TestBot } from '../support/bot-harness';
import { ConnectorEmulator } from '../support/connector-emulator';
import { managerAad, managersOrgFile } from '../support/managers-org';

/**
 * The digest's fan-out against a connector emulator that enforces Teams'
 * limits and injects 429, 5xx and 403: every manager gets the digest once,
 * blocked ones are not retried, uninstalled ones are recorded; and with real
 * processes, one killed with SIGKILL half-way and another taking over, or
 * two at once, every message is delivered exactly once.
 */

const TOKEN = 'test-admin-token-0123456789abcdef';
// Sunday 22 November 2026; the weekly digest is due Monday 23 November 07:30 local (06:30 UTC).
const NOW = new Date('2026-11-22T10:00:00.000Z');
const RUN_AT = new Date('2026-11-23T06:31:00.000Z');
const WEEK = '2026-11-23';
const aad = (i: number) => managerAad(i);
const conv = (i: number) => `a:personal-mgr-${i}`;

const orgFile = (managers: number): string => managersOrgFile(managers);

/** Personal chats of the managers with the bot, as Teams would have given them, except those in `without`. */
async function saveReferences(
  connection: string,
  prefix: string,
  serviceUrl: string,
  managers: number,
  without: Set<number> = new Set(),
): Promise<void> {
  const store = new ConversationReferenceStore(
    TableClient.fromConnectionString(connection, `${prefix}${TABLES.conversationReferences}`, { allowInsecureConnection: true }),
  );
  for (let i = 0; i < managers; i++) {
    if (without.has(i)) continue;
    await store.save({
      tenantId: TENANT,
      conversationId: conv(i),
      conversationType: 'personal',
      userAadObjectId: aad(i),
      updatedAt: NOW.toISOString(),
      reference: {
        serviceUrl,
        channelId: 'msteams',
        locale: i % 5 === 0 ? 'en-US' : 'sv-SE',
        bot: { id: '28:samverkan-bot', name: 'Samverkan' },
        user: { id: `29:mgr-${i}`, aadObjectId: aad(i) },
        conversation: { id: conv(i), conversationType: 'personal', tenantId: TENANT },
      },
    });
  }
}

async function outboxStatuses(connection: string, prefix: string): Promise<Record<string, string>> {
  const table = TableClient.fromConnectionString(connection, `${prefix}${TABLES.outbox}`, { allowInsecureConnection: true });
  const out: Record<string, string> = {};
  for await (const e of table.listEntities<{ status: string }>()) out[e.rowKey!] = e.status;
  return out;
}

describe("what botbuilder's connector client retries by itself", () => {
  it("retries 5xx and 429 three times (four requests) and 403 not at all; the fan-out's sends switch that off", async () => {
    const emulator = await new ConnectorEmulator().start();
    try {
      const client = new ConnectorClient(new MicrosoftAppCredentials('', ''), { baseUri: emulator.url });
      const count = async (status: number) => {
        emulator.failWith = status;
        const before = Object.values(emulator.answered).reduce((a, b) => a + b, 0) + emulator.failures;
        await client.conversations.sendToConversation('c1', { type: 'message', text: 'x' } as never).catch(() => undefined);
        return Object.values(emulator.answered).reduce((a, b) => a + b, 0) + emulator.failures - before;
      };
      expect(await count(403)).toBe(1);
      expect(await count(503)).toBe(4);
    } finally {
      emulator.failWith = undefined;
      await emulator.stop();
    }
  }, 180_000);
});

describe("the weekly digest through an emulator with Teams' limits and faults", () => {
  const MANAGERS = 80;
  const BLOCKED = new Set([3, 17, 41]);
  const NO_CHAT = new Set([5, 6, 7]); // 5 installed the app (a chat can be created), 6 and 7 did not
  let t: TestBot;

  beforeAll(async () => {
    t = await startTestBot({
      connectionString: inject('azuriteConnectionString'),
      now: () => NOW,
      env: { ORG_CONFIG: orgFile(MANAGERS), SCHEDULER_TICK_MS: '0', FANOUT_RATE: '45' },
    });
    await saveReferences(inject('azuriteConnectionString'), t.tablePrefix, t.emulator.url, MANAGERS, NO_CHAT);
    // Alex, who convenes every group in the demo organisation (and manages), has a chat with the bot.
    await t.post(personalMessage('hjälp', { serviceUrl: t.emulator.url, user: USERS.alex }));
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    t.emulator.limits = {
      perApp: 50,
      perConversation: 7,
      rate429: 0.05,
      rate5xx: 0.03,
      retryAfterSeconds: 1,
      blocked: new Set([...BLOCKED].map(conv)),
      installed: new Set([aad(5)]),
      random,
    };
  });
  afterAll(async () => t?.close());

  it("delivers every reachable manager's digest exactly once; 403 recorded and not retried; no chat recorded as not installed", async () => {
    const res = await fetch(`${t.bot.url}/api/jobs/run`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ job: 'digest', now: RUN_AT.toISOString() }),
    });
    expect(res.status).toBe(200);
    const statuses = await outboxStatuses(inject('azuriteConnectionString'), t.tablePrefix);
    for (let i = 0; i < MANAGERS; i++) {
      const key = `digest-${WEEK}/mgr-${i}`;
      const expected = BLOCKED.has(i) ? 'blocked' : i === 6 || i === 7 ? 'notInstalled' : 'sent';
      expect(statuses[`mgr-${i}`], `mgr-${i}`).toBe(expected);
      expect(t.emulator.deliveries.get(key) ?? 0, key).toBe(expected === 'sent' ? 1 : 0);
    }
    for (const i of BLOCKED) expect(t.emulator.requestsByConversation.get(conv(i))).toBe(1);
    // The created chat for the manager who installed the app got the digest.
    expect(t.emulator.sent.some((a) => a.conversationId === `a:created-${aad(5)}`)).toBe(true);
    // Faults happened and were ridden out: injected 429s and 503s, every one answered by a later success.
    expect(t.emulator.answered[429] ?? 0).toBeGreaterThan(0);
    expect(t.emulator.answered[503] ?? 0).toBeGreaterThan(0);
    // English managers got English.
    const en = t.emulator.sent.find((a) => a.conversationId === conv(10));
    expect(JSON.stringify(en?.body)).toContain('Collaboration – this week');
    // Progress is logged without personal data.
    const progress = t.log.lines.filter((l) => l.includes('fan-out finished'));
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.join('\n')).not.toMatch(/Chef \d|10000000-0000/);
    // The conveners are told which managers the app could not reach.
    const told = t.emulator.sent.filter(
      (a) => a.conversationId === `a:personal-${USERS.alex.id}` && String(a.body.text ?? '').includes('kunde inte nå'),
    );
    expect(told).toHaveLength(1);
    expect(told[0]!.body.text).toContain('Chef 6');
    expect(told[0]!.body.text).toContain('Chef 7');
    expect(told[0]!.body.text).not.toContain('Chef 5,');
  }, 180_000);

  it('a second run of the same week sends nothing again', async () => {
    const before = t.emulator.sent.length;
    const res = await fetch(`${t.bot.url}/api/jobs/run`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ job: 'digest', now: RUN_AT.toISOString() }),
    });
    expect(res.status).toBe(200);
    const { runDigest } = await import('../../src/features/digest/weekly');
    await runDigest(t.bot.services, WEEK, RUN_AT);
    expect(t.emulator.sent.length).toBe(before);
  }, 180_000);
});

describe('fan-out across processes', () => {
  const MANAGERS = 150;
  let emulator: ConnectorEmulator;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    emulator = await new ConnectorEmulator().start();
    // Sends that may have landed before a crash are resent with the same idempotency key; this stand-in for
    // Teams honours it (Teams' Bot Connector does not document such a key: see the README on exactly-once).
    emulator.limits = { perApp: 50, perConversation: 7, rate429: 0.03, rate5xx: 0.01, retryAfterSeconds: 1, dedupe: true };
  });
  afterAll(async () => {
    for (const c of children) c.kill('SIGKILL');
    await emulator.stop();
  });

  function worker(prefix: string, org: string): ChildProcess {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/fanout-worker.ts'], {
      env: {
        ...process.env,
        NODE_OPTIONS: '--disable-warning=DEP0111',
        PREFIX: prefix,
        ORG: org,
        CONN: inject('azuriteConnectionString'),
        NOW: RUN_AT.toISOString(),
        WEEK,
        LEASE_MS: '2000',
        FANOUT_RATE: '45',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    return child;
  }
  const exited = (c: ChildProcess) => new Promise<number | null>((r) => c.on('exit', (code) => r(code)));
  /** Deliveries to the generated managers (the demo organisation's own manager, Alex, gets one too). */
  const managerDeliveries = () => [...emulator.deliveries.entries()].filter(([k]) => k.startsWith(`digest-${WEEK}/mgr-`));

  async function prepared(tag: string): Promise<{ prefix: string; org: string }> {
    const prefix = `f${tag}${Date.now().toString(36)}`;
    const org = orgFile(MANAGERS);
    // The first process creates the tables; references are written once they exist.
    const { TableStore } = await import('../../src/storage/tables');
    await new TableStore(inject('azuriteConnectionString'), prefix).ensureTables();
    await saveReferences(inject('azuriteConnectionString'), prefix, emulator.url, MANAGERS);
    return { prefix, org };
  }

  it('a process killed with SIGKILL half-way and a new one started: every digest delivered, none twice', async () => {
    emulator.resetDeliveries();
    const { prefix, org } = await prepared('k');
    const first = worker(prefix, org);
    // Kill it once about half the managers have their digest.
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        if (managerDeliveries().length >= MANAGERS / 2) {
          clearInterval(timer);
          resolve();
        }
      }, 5);
    });
    first.kill('SIGKILL');
    await exited(first);
    const atKill = managerDeliveries().length;
    expect(atKill).toBeLessThan(MANAGERS);
    const second = worker(prefix, org);
    expect(await exited(second)).toBe(0);
    const delivered = managerDeliveries();
    expect(delivered.length).toBe(MANAGERS);
    const twice = delivered.filter(([, n]) => n > 1);
    expect(twice, `delivered twice: ${twice.map(([k]) => k).join(', ')}`).toEqual([]);
    // The resends after the crash are few: at most the sends in flight when it died.
    expect(emulator.absorbed).toBeLessThanOrEqual(16);
    console.log(`fan-out kill test: ${atKill} delivered before SIGKILL, ${emulator.absorbed} resends absorbed by the idempotency key`);
    expect(Object.values(await outboxStatuses(inject('azuriteConnectionString'), prefix)).every((s) => s === 'sent')).toBe(true);
  }, 300_000);

  it('two processes at once: every digest delivered once', async () => {
    emulator.resetDeliveries();
    const { prefix, org } = await prepared('t');
    const [a, b] = [worker(prefix, org), worker(prefix, org)];
    expect(await Promise.all([exited(a), exited(b)])).toEqual([0, 0]);
    const delivered = managerDeliveries();
    expect(delivered.length).toBe(MANAGERS);
    expect(delivered.filter(([, n]) => n > 1)).toEqual([]);
  }, 300_000);
});
