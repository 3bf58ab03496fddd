import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger';
import { type JobContext, Scheduler, type SchedulerOptions } from '../../src/scheduler';
import { asJobStore, MemoryJobStore, memoryStores } from '../support/memory';

/**
 * The durable scheduler over the in-memory JobStore: no Azure, no Azurite,
 * milliseconds. The memory store's fidelity to the real one is proven by
 * test/protocol/store-contract.test.ts; this shows the Scheduler runs on it.
 */

const T = new Date('2026-03-10T09:30:00.000Z');
const at = (ms: number) => new Date(T.getTime() + ms);
const SEC = 1000;
const MIN = 60 * SEC;
const HOUR_MS = 60 * MIN;

function schedulerOn(jobs: MemoryJobStore, clock: { now: Date }, extra: Partial<SchedulerOptions> = {}): Scheduler {
  return new Scheduler({
    jobs: asJobStore(jobs),
    clock: () => clock.now,
    owner: 'proc-a',
    leaseMs: 30 * SEC,
    logger: createLogger({ level: 'silent' }),
    random: () => 1,
    ...extra,
  });
}

describe('Scheduler over the memory JobStore', () => {
  it('runs a job once when it is due, not before and not again', async () => {
    const jobs = new MemoryJobStore();
    const clock = { now: T };
    const scheduler = schedulerOn(jobs, clock);
    const ran: Array<{ id: string; payload: unknown; attempt: number }> = [];
    scheduler.register<{ meetingId: string }>(
      'test.note',
      async (job) => void ran.push({ id: job.id, payload: job.payload, attempt: job.attempt }),
    );

    const scheduled = await scheduler.schedule({ id: 'n1', kind: 'test.note', dueAt: at(10 * MIN), payload: { meetingId: 'm1' } });
    expect(scheduled.created).toBe(true);
    expect((await scheduler.schedule({ id: 'n1', kind: 'test.note', dueAt: at(10 * MIN) })).created).toBe(false);

    expect((await scheduler.tick(at(9 * MIN))).ran).toBe(0);
    clock.now = at(10 * MIN);
    expect(await scheduler.tick(clock.now)).toMatchObject({ ran: 1, failed: 0, parked: 0 });
    expect((await scheduler.tick(clock.now)).ran).toBe(0);
    expect((await scheduler.tick(at(HOUR_MS))).ran).toBe(0);
    expect(ran).toEqual([{ id: 'n1', payload: { meetingId: 'm1' }, attempt: 1 }]);
    expect(await jobs.get(scheduled)).toMatchObject({ status: 'done', attempts: 1, leaseOwner: '', doneAt: at(10 * MIN).toISOString() });
  });

  it('retries a failing handler after its backoff, then parks a job that keeps failing', async () => {
    const { jobs } = memoryStores();
    const clock = { now: T };
    const scheduler = schedulerOn(jobs, clock, { retryBaseMs: 30 * SEC });
    const attempts: number[] = [];
    scheduler.register('test.flaky', async (job: JobContext) => {
      attempts.push(job.attempt);
      if (job.attempt === 1) throw Object.assign(new Error('no'), { code: 'Boom' });
    });
    scheduler.register('test.broken', async () => {
      throw Object.assign(new Error('no'), { code: 'Broken' });
    });
    const flaky = await scheduler.schedule({ id: 'f1', kind: 'test.flaky', dueAt: T });
    const broken = await scheduler.schedule({ id: 'b1', kind: 'test.broken', dueAt: T, maxAttempts: 2 });

    expect(await scheduler.tick(T)).toMatchObject({ ran: 0, failed: 2 });
    expect(await jobs.get(flaky)).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastError: 'Boom',
      notBefore: at(30 * SEC).toISOString(),
    });

    // Not before the backoff (30 s with this jitter).
    clock.now = at(20 * SEC);
    expect(await scheduler.tick(clock.now)).toMatchObject({ ran: 0, failed: 0, busy: 2 });

    clock.now = at(30 * SEC);
    expect(await scheduler.tick(clock.now)).toMatchObject({ ran: 1, parked: 1 });
    expect(attempts).toEqual([1, 2]);
    expect(await jobs.get(flaky)).toMatchObject({ status: 'done', attempts: 2 });
    expect(await jobs.get(broken)).toMatchObject({ status: 'parked', attempts: 2, lastError: 'Broken' });
    expect((await scheduler.tick(at(HOUR_MS))).ran).toBe(0);
  });

  it('two processes ticking the same store run a job once; a dead process’s lease is taken over when it expires', async () => {
    const jobs = new MemoryJobStore();
    const clock = { now: T };
    const a = schedulerOn(jobs, clock, { owner: 'proc-a' });
    const b = schedulerOn(jobs, clock, { owner: 'proc-b' });
    const ran: string[] = [];
    for (const s of [a, b]) s.register('test.once', async (job) => void ran.push(job.id));
    for (let i = 0; i < 20; i++) await a.schedule({ id: `j${i}`, kind: 'test.once', dueAt: T });
    const [x, y] = await Promise.all([a.tick(T), b.tick(T)]);
    expect(x.ran + y.ran).toBe(20);
    expect(new Set(ran).size).toBe(20);
    expect(ran).toHaveLength(20);

    // A process claimed a job and died: its lease runs out, then another process runs it.
    const { ref } = await jobs.insert(
      { id: 'orphan', kind: 'test.once', payload: 'null', dueAt: T, maxAttempts: 3, idempotencyKey: 'orphan' },
      T,
    );
    await jobs.claim((await jobs.get(ref))!, 'proc-dead', at(30 * SEC));
    expect(await b.tick(T)).toMatchObject({ ran: 0, busy: 1 });
    clock.now = at(31 * SEC);
    expect(await b.tick(clock.now)).toMatchObject({ ran: 1 });
    expect(await jobs.get(ref)).toMatchObject({ status: 'done', attempts: 2 });
  });
});
