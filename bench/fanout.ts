import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
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
 * one started. Reports, for each model, the messages delivered as a fraction
 * of the ceiling over the whole run (from the first send to the last
 * delivery, the restart gap included) and while a process was sending (the
 * gap from the SIGKILL to the next process's first delivery left out), the
 * 429s the limits answered, messages lost and duplicated, and peak memory;
 * each run RUNS times (3) and the medians.
 *
 * MODELS=bucket or MODELS=sliding runs one; MANAGERS=1000,2000 runs both
 * sizes; TRACE=1 prints deliveries a second and the longest pauses;
 * KILL_AT=1 runs one process to the end; PROFILE=<dir> writes CPU profiles.
 *
 * The worker runs as compiled JavaScript (bundled with esbuild into build/bench
 * at the start, node_modules left outside), as a deployed bot does: started
 * through tsx it spent most of a restart's gap compiling TypeScript.
 * WORKER=tsx runs it through tsx instead. Each run prints where the restart's
 * gap went: node and module loading, the bot's start, and the run's own start
 * (the outbox read, the facts) up to its first send.
 */

const SIZES = (process.env.MANAGERS ?? '2000').split(',').map(Number);
const RUNS = Number(process.env.RUNS ?? 3);
const CEILING = 50;
const RATE = process.env.FANOUT_RATE ?? '50';
const MODELS = (process.env.MODELS ?? 'bucket,sliding').split(',') as Array<'bucket' | 'sliding'>;
const KILL_AT = Number(process.env.KILL_AT ?? 0.5);
const TRACE = Boolean(process.env.TRACE);
const PROFILE = process.env.PROFILE;
const WORKER = process.env.WORKER ?? 'js';
const WEEK = '2026-11-23';
const RUN_AT = '2026-11-23T06:31:00.000Z';
const TENANT = '00000000-0000-0000-0000-0000000000001';
const aad = (i: number) => `10000000-0000-0000-0000-${String(i).padStart(12, '0')}`;

type Result = Awaited<ReturnType<typeof run>>;
let workerArgs: string[] = [];

/** The worker as one CommonJS file (our sources bundled, packages required from node_modules); answers node's arguments for it. */
async function compileWorker(): Promise<string[]> {
  if (WORKER === 'tsx') return ['--import', 'tsx', 'test/support/fanout-worker.ts'];
  const started = Date.now();
  const outfile = path.join('build', 'bench', 'fanout-worker.js');
  // esbuild comes with tsx (a dev dependency); it is not a dependency of the bot.
  const esbuild = (await import('esbuild')) as typeof import('esbuild');
  await esbuild.build({
    entryPoints: ['test/support/fanout-worker.ts'],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    // In one file every module is the main one: src/index.ts's `require.main === module` would start a second bot.
    define: { 'require.main': 'undefined' },
    outfile,
    logLevel: 'warning',
  });
  console.log(`worker compiled to ${outfile} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return [outfile];
}

async function main(): Promise<void> {
  workerArgs = await compileWorker();
  const azurite = await startAzurite();
  const summary = [];
  for (const managers of SIZES)
    for (const model of MODELS) {
      const runs: Result[] = [];
      for (let i = 0; i < RUNS; i++) runs.push(await run(azurite.connectionString, model, managers));
      const median = (pick: (r: Result) => number) => {
        const v = runs.map(pick).sort((a, b) => a - b);
        return v.length % 2 ? v[(v.length - 1) / 2]! : (v[v.length / 2 - 1]! + v[v.length / 2]!) / 2;
      };
      summary.push({
        model,
        managers,
        runs: runs.length,
        medianFractionOfCeiling: median((r) => r.fractionOfCeiling),
        medianFractionOfCeilingWhileRunning: median((r) => r.fractionOfCeilingWhileRunning),
        medianRestartGapSeconds: median((r) => r.restartGapSeconds),
        medianRestartGapParts: runs[0]?.restartGapParts && {
          toNodeStart: median((r) => r.restartGapParts?.toNodeStart ?? 0),
          loadingModules: median((r) => r.restartGapParts?.loadingModules ?? 0),
          startingBot: median((r) => r.restartGapParts?.startingBot ?? 0),
          runStartToFirstDelivery: median((r) => r.restartGapParts?.runStartToFirstDelivery ?? 0),
        },
        medianShareOfSendsAnswered429ByTheLimits: median((r) => r.shareOfSendsAnswered429ByTheLimits),
        lost: runs.map((r) => r.lost),
        duplicated: runs.map((r) => r.duplicated),
        fractionOfCeiling: runs.map((r) => r.fractionOfCeiling),
        fractionOfCeilingWhileRunning: runs.map((r) => r.fractionOfCeilingWhileRunning),
        sendsAnswered429ByTheLimits: runs.map((r) => r.sendsAnswered429ByTheLimits),
        peakWorkerRssMB: Math.max(...runs.map((r) => r.peakWorkerRssMB)),
        loadAverage: runs.map((r) => r.loadAverage),
      });
    }
  console.log(JSON.stringify(summary, (_k, v: unknown) => (typeof v === 'number' ? Number(v.toFixed(3)) : v), 2));
  await azurite.stop();
}

async function run(connectionString: string, model: 'bucket' | 'sliding', MANAGERS: number) {
  const azurite = { connectionString };
  const loadAtStart = os.loadavg()[0]!;
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
    const child = spawn(process.execPath, [...(PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE}`] : []), ...workerArgs], {
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
        const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
        const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
        peak.rss = Math.max(peak.rss, kb * 1024);
      } catch {
        /* exited */
      }
    }, 250);
  const exited = (c: ChildProcess) => new Promise<number | null>((r) => c.on('exit', (code) => r(code)));
  let pacing: unknown;
  /** When each process's node started and its modules were loaded (its own clock: the same machine's). */
  const loads: Array<{ origin: number; loaded: number }> = [];
  const ready = (c: ChildProcess) =>
    new Promise<number>((r) => {
      let out = '';
      c.stdout?.on('data', (d: Buffer) => {
        out += d.toString();
        const loaded = /loaded (\d+) (\d+)\n/.exec(out);
        if (loaded && loads.at(-1)?.origin !== Number(loaded[1])) loads.push({ origin: Number(loaded[1]), loaded: Number(loaded[2]) });
        if (out.includes('ready\n')) r(Date.now());
        const done = /done (\{.*\})\n/.exec(out);
        if (done) pacing = (JSON.parse(done[1]!) as { pacing?: unknown }).pacing;
      });
    });
  const isDigest = (key: string) => key.startsWith(`digest-${WEEK}/mgr-`);
  // Deliveries to the generated managers (the demo organisation's own manager, Alex, has no chat here).
  const delivered = () => {
    let n = 0;
    for (const k of emulator.deliveries.keys()) if (isDigest(k)) n += 1;
    return n;
  };
  const digestSends = () => emulator.sent.filter((a) => isDigest(String(a.body?.channelData?.samverkan?.idempotencyKey ?? '')));

  const firstStarted = Date.now();
  const first = worker();
  const firstReady = ready(first);
  const s1 = sample(first);
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      if (delivered() >= MANAGERS * KILL_AT) {
        clearInterval(timer);
        resolve();
      }
    }, 5);
  });
  if (KILL_AT < 1) first.kill('SIGKILL');
  await exited(first);
  clearInterval(s1);
  const atKill = delivered();
  const killedAt = Date.now();
  let secondReadyAt = killedAt;
  let code: number | null = 0;
  if (KILL_AT < 1) {
    const second = worker();
    const secondReady = ready(second);
    const s2 = sample(second);
    code = await exited(second);
    clearInterval(s2);
    secondReadyAt = await Promise.race([secondReady, Promise.resolve(killedAt)]);
  }
  const total = delivered();
  const duplicates = [...emulator.deliveries.entries()].filter(([k, n]) => isDigest(k) && n > 1).length;
  // The run, from the first send the emulator received to the last digest it accepted.
  const firstSend = emulator.requests.find((r) => r.method === 'POST' && r.path.includes('/activities'))?.at ?? killedAt;
  const sends = digestSends();
  const lastDelivery = Math.max(...sends.map((a) => a.at));
  const resumedAt = sends.find((a) => a.at > killedAt)?.at ?? killedAt;
  const seconds = (lastDelivery - firstSend) / 1000;
  const outage = (resumedAt - killedAt) / 1000;
  const digestRequests = emulator.requests.filter((r) => r.method === 'POST' && r.path.includes('/activities')).length;
  const result = {
    model,
    managers: MANAGERS,
    ceilingPerSecond: CEILING,
    delivered: total,
    lost: MANAGERS - total,
    duplicated: duplicates,
    deliveredBeforeKill: atKill,
    resendsAbsorbedByIdempotencyKey: emulator.absorbed,
    answers: emulator.answered,
    firstStartToFirstSendSeconds: (firstSend - firstStarted) / 1000,
    firstStartToReadySeconds: ((await Promise.race([firstReady, Promise.resolve(firstStarted)])) - firstStarted) / 1000,
    restartGapSeconds: outage,
    restartToReadySeconds: (secondReadyAt - killedAt) / 1000,
    // The restart's gap, part by part: the kill to node's start, node's start to the modules loaded,
    // the bot's start (storage, scheduler, server), and the digest run's own start up to its first delivery.
    restartGapParts: loads[1] && {
      toNodeStart: (loads[1].origin - killedAt) / 1000,
      loadingModules: (loads[1].loaded - loads[1].origin) / 1000,
      startingBot: (secondReadyAt - loads[1].loaded) / 1000,
      runStartToFirstDelivery: (resumedAt - secondReadyAt) / 1000,
    },
    secondsFirstSendToLastDelivery: seconds,
    // Whole run: every message over the ceiling times the time from the first send to the last delivery, the restart gap included.
    fractionOfCeiling: total / (CEILING * seconds),
    // While a process was sending: the same less the gap from the SIGKILL to the next process's first delivery.
    fractionOfCeilingWhileRunning: total / (CEILING * (seconds - outage)),
    sendsAnswered429ByTheLimits: emulator.overLimit429,
    shareOfSendsAnswered429ByTheLimits: emulator.overLimit429 / Math.max(1, digestRequests),
    peakWorkerRssMB: peak.rss / 1024 / 1024,
    // The machine is shared: the 1-minute load average at the run's start and end.
    loadAverage: [loadAtStart, os.loadavg()[0]!],
    secondWorkerExit: code,
    pacingOfTheLastProcess: pacing,
  };
  if (TRACE) {
    // Accepted digests per second from the first send, and the longest pauses between requests.
    const perSecond: number[] = [];
    for (const a of sends) {
      const s = Math.floor((a.at - firstSend) / 1000);
      perSecond[s] = (perSecond[s] ?? 0) + 1;
    }
    const reqs = emulator.requests.filter((r) => r.method === 'POST' && r.path.includes('/activities'));
    const gaps = reqs
      .slice(1)
      .map((r, i) => ({ at: (reqs[i]!.at - firstSend) / 1000, ms: r.at - reqs[i]!.at }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 8);
    console.error(`${model} per second: ${Array.from(perSecond, (n) => n ?? 0).join(' ')}`);
    console.error(`${model} longest pauses: ${gaps.map((g) => `${g.ms}ms@${g.at.toFixed(1)}s`).join(' ')}`);
  }
  console.error(`${model}: ${JSON.stringify(result)}`);
  await emulator.stop();
  return result;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
