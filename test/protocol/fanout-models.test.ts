import { describe, expect, inject, it } from 'vitest';
import { compileWorker, type Model, runFanout } from '../../bench/support/fanout-run';

/**
 * CI's version of `npm run bench:fanout`: the weekly digest to 1,000 managers
 * under each of the two models of Teams' app limit the issue names (a token
 * bucket with a burst of 5; strict one-second windows of 50), 5 % 429s and
 * 1 % 5xx injected, the bot process killed with SIGKILL half-way and a new one
 * started. Every digest arrives exactly once and the second process ends
 * cleanly. The pacing figures (fraction of the ceiling, 429s the limit
 * answered) are printed, not asserted: speed is the bench's to measure on a
 * quiet machine, and CI's is shared.
 */

const MANAGERS = 1000;

describe('fan-out of 1,000 digests under two models of the limit, killed half-way', () => {
  let workerArgs: string[];

  for (const model of ['bucket', 'sliding'] as Model[])
    it(`${model}: every digest delivered exactly once across the SIGKILL and the restart`, async () => {
      workerArgs ??= await compileWorker('js');
      const r = await runFanout({ connectionString: inject('azuriteConnectionString'), model, managers: MANAGERS, workerArgs });
      console.log(
        `${model}, ${MANAGERS} managers: ${r.fractionOfCeiling.toFixed(3)} of the ceiling over the whole run, ` +
          `${r.fractionOfCeilingWhileRunning.toFixed(3)} while running, restart gap ${r.restartGapSeconds.toFixed(1)} s, ` +
          `${r.sendsAnswered429ByTheLimits} sends (${(r.shareOfSendsAnswered429ByTheLimits * 100).toFixed(2)} %) answered 429 by the limits, ` +
          `peak RSS ${r.peakWorkerRssMB.toFixed(0)} MB, load ${r.loadAverage.map((l) => l.toFixed(1)).join('→')}`,
      );
      expect(r.deliveredBeforeKill).toBeGreaterThanOrEqual(MANAGERS / 2);
      expect(r.deliveredBeforeKill).toBeLessThan(MANAGERS);
      expect(r.restartGapParts).toBeTruthy();
      expect(r.lost).toBe(0);
      expect(r.duplicated).toBe(0);
      expect(r.delivered).toBe(MANAGERS);
      expect(r.secondWorkerExit).toBe(0);
      // A limiter that ignored the limit would be answered 429 on a large share of its sends.
      expect(r.shareOfSendsAnswered429ByTheLimits).toBeLessThan(0.05);
    }, 300_000);
});
