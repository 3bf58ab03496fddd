import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * `npm run bench`: every benchmark in turn, each reporting medians and
 * percentiles. Pass names to run a subset: `npm run bench -- roundtrip`.
 */
const BENCHES: Record<string, { file: string; fn: string }> = {
  roundtrip: { file: 'roundtrip.bench.ts', fn: 'runRoundTripBench' },
  detector: { file: 'detector.bench.ts', fn: 'runDetectorBench' },
  scheduler: { file: 'scheduler.bench.ts', fn: 'runSchedulerBench' },
  turn: { file: 'turn-latency.bench.ts', fn: 'runTurnLatencyBench' },
  scale: { file: 'scale.bench.ts', fn: 'runScaleBench' },
  report: { file: 'report.bench.ts', fn: 'runReportBench' },
  consents: { file: 'consent-register.bench.ts', fn: 'runConsentRegisterBench' },
};

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const names = wanted.length ? wanted : Object.keys(BENCHES);
  for (const name of names) {
    const b = BENCHES[name];
    if (!b) throw new Error(`unknown benchmark ${name}; known: ${Object.keys(BENCHES).join(', ')}`);
    const file = path.join(__dirname, b.file);
    if (!existsSync(file)) {
      console.log(`\n## ${name}: not present (${b.file})`);
      continue;
    }
    console.log(`\n## ${name}`);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(file) as Record<string, () => Promise<unknown>>;
    const started = Date.now();
    const result = await mod[b.fn]!();
    console.log(JSON.stringify(result, (_k, v: unknown) => (typeof v === 'number' ? Number(v.toFixed(3)) : v), 2));
    console.log(`(${((Date.now() - started) / 1000).toFixed(1)} s)`);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
