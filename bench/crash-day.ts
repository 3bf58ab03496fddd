import { startAzurite } from '../src/storage/azurite';
import { ConnectorEmulator } from '../test/support/connector-emulator';
import { differences, killPlan, runScriptedDay, scriptedDay, type DayResult, type Kill } from '../test/support/scripted-day';
import { summarise } from './stats';

/**
 * `npm run bench:crash` (issue 8, the long fault run): the scripted day of
 * test/support/scripted-day.ts by whole bot processes on Azurite, first
 * uninterrupted, then RUNS times (default 12) with KILLS SIGKILLs each
 * (default 8) at points drawn from seeds 1…RUNS, every kill followed by a
 * new process and Teams' resend of what got no answer. Reports, per run and
 * in all (PROCESSES=2: two processes behind a round robin), where the end state differed from the uninterrupted run's (the
 * goal: nowhere), the kills that landed mid-step, and the time a run took.
 */

const RUNS = Number(process.env.RUNS ?? 12);
const KILLS = Number(process.env.KILLS ?? 8);
const FIRST_SEED = Number(process.env.FIRST_SEED ?? 1);
/** Bot processes behind the round robin (2: the scale-out case, killed too). */
const PROCESSES = Number(process.env.PROCESSES ?? 1);

async function main(): Promise<void> {
  const azurite = await startAzurite();
  const emulators: ConnectorEmulator[] = [];
  const run = async (kills: Kill[], processes = PROCESSES): Promise<DayResult> => {
    const emulator = await new ConnectorEmulator().start();
    emulator.limits = { dedupe: true };
    emulators.push(emulator);
    const prefix = `crash${Date.now().toString(36)}${emulators.length}`;
    return runScriptedDay({ connectionString: azurite.connectionString, prefix, emulator, kills, processes });
  };
  try {
    // The reference is one process, never killed.
    const base = await run([], 1);
    console.log(
      `uninterrupted: ${scriptedDay().length} steps, ${base.keyed.size} keyed messages, ${Object.values(base.state).reduce((n, r) => n + r.length, 0)} rows, ${base.ms} ms`,
    );
    const runs: Array<{ seed: number; ms: number; kills: number; midStep: number; resends: number; differences: string[] }> = [];
    const killedSteps = new Set<number>();
    for (let seed = FIRST_SEED; seed < FIRST_SEED + RUNS; seed++) {
      const kills = killPlan(seed, KILLS, base.stepMs);
      for (const k of kills) killedSteps.add(k.step);
      const r = await run(kills);
      const d = differences(r, base);
      runs.push({ seed, ms: r.ms, kills: r.kills, midStep: r.killsMidStep, resends: r.resends, differences: d });
      console.log(
        `seed ${seed}: kills ${kills.map((k) => `${k.step}+${k.delayMs}ms`).join(' ')} → ${r.killsMidStep} mid-step, ${r.resends} resends, ${r.ms} ms, ${d.length ? `DIFFERS:\n  ${d.join('\n  ')}` : 'same end state'}`,
      );
    }
    const ms = summarise(runs.map((r) => r.ms));
    const report = {
      runs: runs.length,
      killsPerRun: KILLS,
      processes: PROCESSES,
      kills: runs.reduce((n, r) => n + r.kills, 0),
      killsMidStep: runs.reduce((n, r) => n + r.midStep, 0),
      resends: runs.reduce((n, r) => n + r.resends, 0),
      stepsKilledAtLeastOnce: `${killedSteps.size} of ${scriptedDay().length}`,
      runsWithDifferences: runs.filter((r) => r.differences.length).length,
      runMs: ms,
      uninterruptedMs: base.ms,
    };
    console.log(JSON.stringify(report, null, 2));
    if (report.runsWithDifferences) process.exitCode = 1;
  } finally {
    for (const e of emulators) await e.stop();
    await azurite.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
