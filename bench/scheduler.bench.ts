import { createLogger } from '../src/logger';
import { Scheduler } from '../src/scheduler';
import { startAzurite } from '../src/storage/azurite';
import { jobStoreOf } from '../src/storage/jobs';
import { TABLES, TableStore } from '../src/storage/tables';
import { fmt, summarise } from './stats';

/**
 * The scheduler bar (SPEC section 9): with 1,000 / 10,000 / 100,000 future
 * jobs in an in-memory Azurite, the time of a tick that finds nothing due
 * (bar: under 50 ms at 100,000) and of a tick that runs 100 due jobs (bar:
 * under 2 s). Future jobs are spread over the next 90 days, some within the
 * current hour, so the tick's partition does hold rows that are not due.
 *
 * A point read of one row is timed alongside as a control: Azurite keeps
 * every table in one LokiJS collection and answers a query by testing
 * every row of the table, so its own cost grows with the table; Azure Table
 * Storage serves a partition range from its index.
 */
const T = new Date('2026-03-10T09:30:00.000Z');
const DAY = 86_400_000;
const LEVELS = [1_000, 10_000, 100_000];
const IDLE_TICKS = 40;
const DUE_ROUNDS = 5;

export async function runSchedulerBench(levels = LEVELS) {
  const azurite = await startAzurite();
  const store = new TableStore(azurite.connectionString, 'bench');
  await store.ensureTables([TABLES.jobIds, TABLES.jobState]);
  const jobs = jobStoreOf(store);
  const scheduler = new Scheduler({ jobs, clock: () => T, owner: 'bench', logger: createLogger({ level: 'silent' }) });
  let ran = 0;
  scheduler.register('bench.noop', async () => void ran++);
  const results: Array<{
    futureItems: number;
    insertSeconds: number;
    idleTickMs: ReturnType<typeof summarise>;
    due100TickMs: ReturnType<typeof summarise>;
    pointReadMs: ReturnType<typeof summarise>;
  }> = [];
  try {
    let future = 0;
    let seq = 0;
    const timed = async (f: () => Promise<unknown>) => {
      const start = process.hrtime.bigint();
      await f();
      return Number(process.hrtime.bigint() - start) / 1e6;
    };
    for (const level of levels) {
      const insertStart = Date.now();
      while (future < level) {
        const n = Math.min(5_000, level - future);
        await scheduler.scheduleMany(
          Array.from({ length: n }, () => ({
            id: `future-${seq++}`,
            kind: 'bench.noop',
            dueAt: new Date(T.getTime() + 1000 + Math.floor(Math.random() * 90 * DAY)),
          })),
        );
        future += n;
      }
      const insertSeconds = (Date.now() - insertStart) / 1000;

      for (let i = 0; i < 5; i++) await scheduler.tick(T);
      const idle: number[] = [];
      for (let i = 0; i < IDLE_TICKS; i++) {
        let summary: Awaited<ReturnType<Scheduler['tick']>> | undefined;
        idle.push(await timed(async () => (summary = await scheduler.tick(T))));
        if (summary!.ran !== 0) throw new Error('an idle tick ran something');
      }

      const probe = (await jobs.findById('future-0'))!;
      const reads: number[] = [];
      for (let i = 0; i < 20; i++) reads.push(await timed(() => jobs.get(probe)));

      const due: number[] = [];
      for (let round = 0; round < DUE_ROUNDS; round++) {
        await scheduler.scheduleMany(
          Array.from({ length: 100 }, (_, i) => ({
            id: `due-${level}-${round}-${i}`,
            kind: 'bench.noop',
            dueAt: new Date(T.getTime() - 1000 - Math.floor(Math.random() * 600_000)),
          })),
        );
        const before = ran;
        due.push(await timed(() => scheduler.tick(T)));
        if (ran - before !== 100) throw new Error(`a due tick ran ${ran - before} jobs, not 100`);
      }
      results.push({
        futureItems: level,
        insertSeconds,
        idleTickMs: summarise(idle),
        due100TickMs: summarise(due),
        pointReadMs: summarise(reads),
      });
    }
  } finally {
    await azurite.stop();
  }
  const first = results[0]!;
  const last = results[results.length - 1]!;
  return {
    levels: results,
    idleTickGrowth: last.idleTickMs.p50 / first.idleTickMs.p50,
    pointReadGrowth: last.pointReadMs.p50 / first.pointReadMs.p50,
    bars: { idleTickUnder50ms: last.idleTickMs.p50 < 50, due100Under2s: last.due100TickMs.p50 < 2000 },
  };
}

if (require.main === module) {
  runSchedulerBench()
    .then((r) => {
      for (const l of r.levels) {
        console.log(
          `${String(l.futureItems).padStart(7)} future (inserted in ${fmt(l.insertSeconds, 1)} s): ` +
            `idle tick p50=${fmt(l.idleTickMs.p50)} ms p90=${fmt(l.idleTickMs.p90)} ms | ` +
            `100-due tick p50=${fmt(l.due100TickMs.p50, 0)} ms p90=${fmt(l.due100TickMs.p90, 0)} ms | ` +
            `point read p50=${fmt(l.pointReadMs.p50)} ms`,
        );
      }
      console.log(
        `idle tick ${LEVELS[0]} → ${LEVELS[LEVELS.length - 1]}: ×${fmt(r.idleTickGrowth)} (Azurite point read: ×${fmt(r.pointReadGrowth)})`,
      );
      console.log(
        `bars: idle tick < 50 ms at 100k: ${r.bars.idleTickUnder50ms ? 'met' : 'NOT met'}; 100 due < 2 s: ${r.bars.due100Under2s ? 'met' : 'NOT met'}`,
      );
    })
    .catch((e) => {
      console.error(e);
      process.exit(1);
    });
}
