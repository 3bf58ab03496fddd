import { startAzurite } from '../src/storage/azurite';
import { compileWorker, type FanoutResult, type Model, runFanout } from './support/fanout-run';

/**
 * `npm run bench:fanout`: the weekly digest to MANAGERS managers (2,000)
 * through the connector emulator at a 50-a-second ceiling (7 a second per
 * conversation), under each of three models of how Teams counts: a token
 * bucket with a burst of 5, strict sliding one-second windows of accepted
 * sends, and the same windows counting every request, refused ones too. 5 % 429s and 1 %
 * 5xx are injected, the bot process is killed with SIGKILL half-way and a new
 * one started. Reports, for each model, the messages delivered as a fraction
 * of the ceiling over the whole run (from the first send to the last
 * delivery, the restart gap included) and while a process was sending (the
 * gap from the SIGKILL to the next process's first delivery left out), the
 * 429s the limits answered, messages lost and duplicated, and peak memory;
 * each run RUNS times (3) and the medians.
 *
 * MODELS=bucket (sliding, sliding-every-request) runs one; MANAGERS=1000,2000 runs both
 * sizes; TRACE=1 prints deliveries a second and the longest pauses;
 * KILL_AT=1 runs one process to the end; FAULT_RETRY_AFTER=1 gives
 * the injected 429s a Retry-After of a second (0 by default); PROFILE=<dir> writes CPU profiles.
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
const MODELS = (process.env.MODELS ?? 'bucket,sliding,sliding-every-request').split(',') as Model[];

type Result = FanoutResult;

async function main(): Promise<void> {
  const workerArgs = await compileWorker(process.env.WORKER === 'tsx' ? 'tsx' : 'js');
  const azurite = await startAzurite();
  const summary = [];
  for (const managers of SIZES)
    for (const model of MODELS) {
      const runs: Result[] = [];
      for (let i = 0; i < RUNS; i++)
        runs.push(
          await runFanout({
            connectionString: azurite.connectionString,
            model,
            managers,
            workerArgs,
            rate: process.env.FANOUT_RATE,
            faultRetryAfter: Number(process.env.FAULT_RETRY_AFTER ?? 0),
            killAt: Number(process.env.KILL_AT ?? 0.5),
            trace: Boolean(process.env.TRACE),
            profile: process.env.PROFILE,
          }),
        );
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

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
