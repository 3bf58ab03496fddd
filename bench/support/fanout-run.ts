import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TableClient } from '@azure/data-tables';
import { encodeKey } from '../../src/storage/keys';
import { TABLES, TableStore } from '../../src/storage/tables';
import { ConnectorEmulator } from '../../test/support/connector-emulator';
import { managerAad, managersOrgFile } from '../../test/support/managers-org';

/**
 * One fan-out run, for `npm run bench:fanout` (bench/fanout.ts) and for CI's
 * 1,000-manager version (test/protocol/fanout-models.test.ts): the weekly
 * digest to `managers` managers through the connector emulator under one
 * model of Teams' limits, 5 % 429s and 1 % 5xx injected, the bot process
 * killed with SIGKILL at `killAt` of the deliveries and a new one started.
 */

/** How the emulator counts the app's 50 a second: see TeamsLimits.appModel. */
export type Model = 'bucket' | 'sliding' | 'sliding-every-request';

export interface FanoutRunOptions {
  connectionString: string;
  model: Model;
  managers: number;
  /** node's arguments for the worker (compileWorker's answer). */
  workerArgs: string[];
  /** FANOUT_RATE for the bot: the ceiling it is told (default 50). */
  rate?: string;
  /** Retry-After of the injected 429s, seconds (default 0). */
  faultRetryAfter?: number;
  /** The share of deliveries at which the first process is killed; 1: never. */
  killAt?: number;
  trace?: boolean;
  profile?: string;
}

export type FanoutResult = Awaited<ReturnType<typeof runFanout>>;

const CEILING = 50;
const WEEK = '2026-11-23';
const RUN_AT = '2026-11-23T06:31:00.000Z';
const TENANT = '00000000-0000-0000-0000-0000000000001';
const aad = (i: number) => managerAad(i);

/** The worker as one CommonJS file (our sources bundled, packages required from node_modules); answers node's arguments for it. */
export async function compileWorker(mode: 'js' | 'tsx' = 'js'): Promise<string[]> {
  if (mode === 'tsx') return ['--import', 'tsx', 'test/support/fanout-worker.ts'];
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

export async function runFanout(o: FanoutRunOptions) {
  const { model, managers: MANAGERS } = o;
  const azurite = { connectionString: o.connectionString };
  const KILL_AT = o.killAt ?? 0.5;
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
    faultRetryAfterSeconds: o.faultRetryAfter ?? 0,
    dedupe: true,
    random,
  };

  const org = managersOrgFile(MANAGERS);
  const prefix = `bench${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;
  await new TableStore(azurite.connectionString, prefix).ensureTables();
  const setupStarted = Date.now();
  const refTable = TableClient.fromConnectionString(azurite.connectionString, `${prefix}${TABLES.conversationReferences}`, {
    allowInsecureConnection: true,
  });
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
    const child = spawn(process.execPath, [...(o.profile ? ['--cpu-prof', `--cpu-prof-dir=${o.profile}`] : []), ...o.workerArgs], {
      env: {
        ...process.env,
        NODE_OPTIONS: '--disable-warning=DEP0111',
        PREFIX: prefix,
        ORG: org,
        CONN: azurite.connectionString,
        NOW: RUN_AT,
        WEEK,
        LEASE_MS: '3000',
        FANOUT_RATE: o.rate ?? '50',
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
  if (o.trace) {
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
