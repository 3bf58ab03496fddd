import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TableClient } from '@azure/data-tables';
import { startAzurite } from '../src/storage/azurite';
import { ConversationReferenceStore } from '../src/storage/conversation-references';
import { encodeKey } from '../src/storage/keys';
import { TABLES, TableStore } from '../src/storage/tables';
import { ConnectorEmulator } from '../test/support/connector-emulator';

/**
 * `npm run bench:fanout`: the weekly digest to MANAGERS managers (2,000)
 * through the connector emulator at a 50-a-second ceiling (7 a second per
 * conversation), under each of two models of how Teams counts: a token bucket
 * with a burst of 5, and strict sliding one-second windows. 5 % 429s and 1 %
 * 5xx are injected, the bot process is killed with SIGKILL half-way and a new
 * one started. Reports, for each model, the achieved rate as a fraction of
 * the ceiling (over the whole run and while a process was running), the 429s
 * the limits answered, messages lost and duplicated, and peak memory.
 * MODELS=bucket or MODELS=sliding runs one.
 */

const MANAGERS = Number(process.env.MANAGERS ?? 2_000);
const CEILING = 50;
const RATE = process.env.FANOUT_RATE ?? '50';
const MODELS = (process.env.MODELS ?? 'bucket,sliding').split(',') as Array<'bucket' | 'sliding'>;
const WEEK = '2026-11-23';
const RUN_AT = '2026-11-23T06:31:00.000Z';
const TENANT = '00000000-0000-0000-0000-0000000000001';
const aad = (i: number) => `10000000-0000-0000-0000-${String(i).padStart(12, '0')}`;

async function main(): Promise<void> {
  const azurite = await startAzurite();
  const results = [];
  for (const model of MODELS) results.push(await run(azurite.connectionString, model));
  console.log(JSON.stringify(results, (_k, v: unknown) => (typeof v === 'number' ? Number(v.toFixed(3)) : v), 2));
  await azurite.stop();
}

async function run(connectionString: string, model: 'bucket' | 'sliding') {
  const azurite = { connectionString };
  const emulator = await new ConnectorEmulator().start();
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  // Injected 429s are faults with Retry-After 0; going over the ceiling gets Retry-After 1.
  emulator.limits = {
    perApp: CEILING,
    appModel: model,
    perConversation: 7,
    rate429: 0.05,
    rate5xx: 0.01,
    retryAfterSeconds: 1,
    faultRetryAfterSeconds: 0,
    dedupe: true,
    random,
  };

  const dir = mkdtempSync(path.join(os.tmpdir(), 'samverkan-bench-'));
  const org = path.join(dir, 'org.yaml');
  writeFileSync(
    org,
    [
      'extends: local-demo',
      'addPeople:',
      ...Array.from({ length: MANAGERS }, (_, i) => `  - { id: mgr-${i}, displayName: Chef ${i}, aadObjectId: ${aad(i)}, role: Chef }`),
      'addManagers:',
      ...Array.from({ length: MANAGERS }, (_, i) => `  - { personId: mgr-${i}, oversees: all }`),
    ].join('\n'),
  );
  const prefix = `bench${Date.now().toString(36)}`;
  await new TableStore(azurite.connectionString, prefix).ensureTables();
  const refs = new ConversationReferenceStore(
    TableClient.fromConnectionString(azurite.connectionString, `${prefix}${TABLES.conversationReferences}`, {
      allowInsecureConnection: true,
    }),
  );
  const setupStarted = Date.now();
  const refTable = TableClient.fromConnectionString(azurite.connectionString, `${prefix}${TABLES.conversationReferences}`, {
    allowInsecureConnection: true,
  });
  void refs;
  for (let i = 0; i < MANAGERS; i += 100) {
    // The same rows ConversationReferenceStore.save writes, a hundred to a transaction.
    await refTable.submitTransaction(
      Array.from({ length: Math.min(100, MANAGERS - i) }, (_, k) => {
        const n = i + k;
        const reference = {
          serviceUrl: emulator.url,
          channelId: 'msteams',
          locale: 'sv-SE',
          bot: { id: '28:samverkan-bot' },
          user: { id: `29:mgr-${n}`, aadObjectId: aad(n) },
          conversation: { id: `a:personal-mgr-${n}`, conversationType: 'personal', tenantId: TENANT },
        };
        return [
          'create',
          {
            partitionKey: encodeKey(TENANT),
            rowKey: encodeKey(`a:personal-mgr-${n}`),
            conversationType: 'personal',
            userAadObjectId: aad(n),
            teamId: '',
            reference: JSON.stringify(reference),
            updatedAt: new Date().toISOString(),
          },
        ] as ['create', { partitionKey: string; rowKey: string; [k: string]: string }];
      }),
    );
  }
  console.log(`setup: ${MANAGERS} managers' chats in ${((Date.now() - setupStarted) / 1000).toFixed(1)} s`);

  const peak = { rss: 0 };
  const worker = (): ChildProcess => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/fanout-worker.ts'], {
      env: {
        ...process.env,
        NODE_OPTIONS: '--disable-warning=DEP0111',
        PREFIX: prefix,
        ORG: org,
        CONN: azurite.connectionString,
        NOW: RUN_AT,
        WEEK,
        LEASE_MS: '3000',
        FANOUT_RATE: RATE,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    return child;
  };
  const sample = (child: ChildProcess) =>
    setInterval(() => {
      try {
        const status = require('node:fs').readFileSync(`/proc/${child.pid}/status`, 'utf8') as string;
        const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
        peak.rss = Math.max(peak.rss, kb * 1024);
      } catch {
        /* exited */
      }
    }, 250);
  const exited = (c: ChildProcess) => new Promise<number | null>((r) => c.on('exit', (code) => r(code)));
  // The demo organisation's own manager (Alex, no chat here) is not among the generated managers.
  const delivered = () => emulator.deliveries.size - (emulator.deliveries.has(`digest-${WEEK}/alex.wilber`) ? 1 : 0);

  const started = Date.now();
  const first = worker();
  const s1 = sample(first);
  let firstDelivery = 0;
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      const n = delivered();
      if (n > 0 && !firstDelivery) firstDelivery = Date.now();
      if (n >= MANAGERS / 2) {
        clearInterval(timer);
        resolve();
      }
    }, 20);
  });
  first.kill('SIGKILL');
  await exited(first);
  clearInterval(s1);
  const atKill = delivered();
  const killedAt = Date.now();
  let resumedAt = 0;
  const watch = setInterval(() => {
    if (!resumedAt && delivered() > atKill) resumedAt = Date.now();
  }, 20);
  const second = worker();
  const s2 = sample(second);
  const code = await exited(second);
  clearInterval(s2);
  clearInterval(watch);
  const ended = Date.now();
  const total = delivered();
  const duplicates = [...emulator.deliveries.entries()].filter(([k, n]) => k.startsWith(`digest-${WEEK}/mgr-`) && n > 1).length;
  const sendingSeconds = (ended - firstDelivery) / 1000;
  const result = {
    model,
    managers: MANAGERS,
    ceilingPerSecond: CEILING,
    configuredRate: Number(RATE),
    deliveredBeforeKill: atKill,
    delivered: total,
    lost: MANAGERS - total,
    duplicated: duplicates,
    resendsAbsorbedByIdempotencyKey: emulator.absorbed,
    answers: emulator.answered,
    secondsFirstToLastDelivery: sendingSeconds,
    secondsIncludingBothStarts: (ended - started) / 1000,
    restartGapSeconds: (killedAt - started) / 1000,
    achievedPerSecond: total / sendingSeconds,
    fractionOfCeiling: total / sendingSeconds / CEILING,
    outageSeconds: (resumedAt - killedAt) / 1000,
    achievedWhileRunningPerSecond: total / (sendingSeconds - (resumedAt - killedAt) / 1000),
    fractionOfCeilingWhileRunning: total / (sendingSeconds - (resumedAt - killedAt) / 1000) / CEILING,
    sendsAnswered429ByTheLimits: emulator.overLimit429,
    shareOfSendsAnswered429ByTheLimits: emulator.overLimit429 / Math.max(1, emulator.requests.length),
    peakWorkerRssMB: peak.rss / 1024 / 1024,
    secondWorkerExit: code,
  };
  console.error(`${model}: ${JSON.stringify(result)}`);
  await emulator.stop();
  return result;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
