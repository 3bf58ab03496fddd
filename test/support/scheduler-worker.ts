import { appendFileSync } from 'node:fs';
import { createLogger } from '../../src/logger';
import { Scheduler } from '../../src/scheduler';
import { jobStoreOf } from '../../src/storage/jobs';
import { TableStore } from '../../src/storage/tables';

/**
 * One bot process's scheduler, for the two-process tests: ticks the tables
 * of TABLE_PREFIX every TICK_MS and appends a line per job event to OUT:
 * `<event> <job id> <owner> <attempt> <epoch ms>`. `test.slow` jobs hang
 * for HANG_MS before finishing (a process to be killed mid-job).
 */
const env = (k: string) => {
  const v = process.env[k];
  if (!v) throw new Error(`${k} required`);
  return v;
};
const owner = env('OWNER');
const out = env('OUT');
const hangMs = Number(process.env.HANG_MS ?? 0);
const store = new TableStore(env('CONN'), env('PREFIX'));
const scheduler = new Scheduler({
  jobs: jobStoreOf(store),
  owner,
  leaseMs: Number(process.env.LEASE_MS ?? 2000),
  logger: createLogger({ level: 'silent' }),
});
const line = (event: string, id: string, attempt: number) => appendFileSync(out, `${event} ${id} ${owner} ${attempt} ${Date.now()}\n`);

scheduler.register('test.append', async (job) => {
  await new Promise((r) => setTimeout(r, Math.random() * 4));
  line('done', job.id, job.attempt);
});
scheduler.register('test.slow', async (job) => {
  line('start', job.id, job.attempt);
  if (hangMs) await new Promise((r) => setTimeout(r, hangMs));
  line('done', job.id, job.attempt);
});

async function main(): Promise<void> {
  const tickMs = Number(process.env.TICK_MS ?? 50);
  let stopping = false;
  process.on('SIGTERM', () => {
    stopping = true;
  });
  let first = true;
  while (!stopping) {
    const summary = await scheduler.tick();
    if (first) process.stdout.write(`ready ${owner}\n`);
    first = false;
    if (summary.ran === 0) await new Promise((r) => setTimeout(r, tickMs));
  }
  process.exit(0);
}

main().catch((err: Error) => {
  process.stderr.write(`worker ${owner} failed: ${err.message}\n`);
  process.exit(1);
});
