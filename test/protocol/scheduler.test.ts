import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createLogger } from '../../src/logger';
import { Scheduler, type SchedulerOptions } from '../../src/scheduler';
import { bucketOf, jobStoreOf, type JobStore } from '../../src/storage/jobs';
import { TABLES, TableStore } from '../../src/storage/tables';
import { CapturedLog, LOG_DIR } from '../support/bot-harness';

/**
 * The durable scheduler against a real Azurite (SPEC section 8: every
 * scheduled send is durable and exactly-once, also across processes).
 * Each test gets its own tables.
 */
const T = new Date('2026-03-10T09:30:00.000Z');
const at = (ms: number) => new Date(T.getTime() + ms);
const MIN = 60_000;
const HOUR = 60 * MIN;

async function freshTables(): Promise<{ store: TableStore; jobs: JobStore; prefix: string }> {
  const prefix = `s${randomBytes(5).toString('hex')}`;
  const store = new TableStore(inject('azuriteConnectionString'), prefix);
  await store.ensureTables([TABLES.jobIds, TABLES.jobState]);
  return { store, jobs: jobStoreOf(store), prefix };
}

/** A scheduler on a clock the test moves. */
function schedulerOn(jobs: JobStore, clock: { now: Date }, extra: Partial<SchedulerOptions> = {}) {
  const log = new CapturedLog(path.join(LOG_DIR, `scheduler-${randomBytes(4).toString('hex')}.jsonl`));
  const scheduler = new Scheduler({
    jobs,
    clock: () => clock.now,
    owner: 'proc-a',
    leaseMs: 30_000,
    logger: createLogger({ level: 'info', destination: log }),
    random: () => 1,
    ...extra,
  });
  return { scheduler, log };
}

describe('scheduler: due work', () => {
  it('runs what is due and leaves the future alone, however far away', async () => {
    const { jobs } = await freshTables();
    const clock = { now: T };
    const { scheduler } = schedulerOn(jobs, clock);
    const ran: string[] = [];
    scheduler.register('test.note', async (job) => void ran.push(job.id));
    await scheduler.schedule({ id: 'past', kind: 'test.note', dueAt: at(-10 * MIN) });
    await scheduler.schedule({ id: 'in-a-minute', kind: 'test.note', dueAt: at(MIN) });
    await scheduler.schedule({ id: 'in-two-days', kind: 'test.note', dueAt: at(48 * HOUR) });

    const first = await scheduler.tick(T);
    expect(first).toMatchObject({ ran: 1, skipped: 0, failed: 0, parked: 0 });
    expect(ran).toEqual(['past']);
    expect((await scheduler.tick(T)).ran).toBe(0);
    expect((await scheduler.tick(at(MIN))).ran).toBe(1);
    expect((await scheduler.tick(at(47 * HOUR))).ran).toBe(0);
    const last = await scheduler.tick(at(48 * HOUR));
    expect(last).toMatchObject({ ran: 1, byKind: { 'test.note': { ran: 1, skipped: 0, failed: 0, parked: 0 } } });
    expect(ran).toEqual(['past', 'in-a-minute', 'in-two-days']);
    const row = await jobs.get((await jobs.findById('past'))!);
    expect(row).toMatchObject({ status: 'done', attempts: 1, leaseOwner: '', idempotencyKey: 'past' });
  });

  it('hands the handler its payload and idempotency key; a handler may report it had nothing to do', async () => {
    const { jobs } = await freshTables();
    const { scheduler } = schedulerOn(jobs, { now: T });
    const seen: unknown[] = [];
    scheduler.register<{ meetingId: string }>('test.payload', async (job) => {
      seen.push({ payload: job.payload, key: job.idempotencyKey, attempt: job.attempt });
      return job.payload.meetingId === 'm-2' ? 'skipped' : undefined;
    });
    await scheduler.schedule({ id: 'p1', kind: 'test.payload', dueAt: T, payload: { meetingId: 'm-1' }, idempotencyKey: 'send:m-1' });
    await scheduler.schedule({ id: 'p2', kind: 'test.payload', dueAt: T, payload: { meetingId: 'm-2' } });
    expect(await scheduler.tick(T)).toMatchObject({ ran: 1, skipped: 1 });
    // Due rows are taken in a random order per process (less contention between processes).
    expect(seen.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))).toEqual([
      { payload: { meetingId: 'm-1' }, key: 'send:m-1', attempt: 1 },
      { payload: { meetingId: 'm-2' }, key: 'p2', attempt: 1 },
    ]);
  });

  it('runs only the asked-for kinds when a tick is filtered', async () => {
    const { jobs } = await freshTables();
    const { scheduler } = schedulerOn(jobs, { now: T });
    const ran: string[] = [];
    scheduler.register('reminders.day-before', async (j) => void ran.push(j.id));
    scheduler.register('digest.weekly', async (j) => void ran.push(j.id));
    await scheduler.schedule({ id: 'r', kind: 'reminders.day-before', dueAt: T });
    await scheduler.schedule({ id: 'd', kind: 'digest.weekly', dueAt: T });
    expect((await scheduler.tick(T, { kinds: (k) => k.startsWith('digest.') })).ran).toBe(1);
    expect(ran).toEqual(['d']);
    expect((await scheduler.tick(T)).ran).toBe(1);
    expect(ran).toEqual(['d', 'r']);
  });
});

describe('scheduler: scheduling and cancelling', () => {
  it('scheduling the same id twice gives one job, also at another time and after it ran', async () => {
    const { jobs } = await freshTables();
    const { scheduler } = schedulerOn(jobs, { now: T });
    let runs = 0;
    scheduler.register('test.once', async () => void runs++);
    const a = await scheduler.schedule({ id: 'meeting-reminder:m-7:2026-03-10', kind: 'test.once', dueAt: at(5 * MIN) });
    const b = await scheduler.schedule({ id: 'meeting-reminder:m-7:2026-03-10', kind: 'test.once', dueAt: at(5 * MIN) });
    const c = await scheduler.schedule({ id: 'meeting-reminder:m-7:2026-03-10', kind: 'test.once', dueAt: at(2 * HOUR) });
    expect([a.created, b.created, c.created]).toEqual([true, false, false]);
    expect(b.rowKey).toBe(a.rowKey);
    expect(c.rowKey).toBe(a.rowKey);
    await scheduler.tick(at(3 * HOUR));
    expect((await scheduler.schedule({ id: 'meeting-reminder:m-7:2026-03-10', kind: 'test.once', dueAt: at(5 * MIN) })).created).toBe(
      false,
    );
    await scheduler.tick(at(4 * HOUR));
    expect(runs).toBe(1);
  });

  it('cancels by id and by reference; a cancelled id can be scheduled anew', async () => {
    const { jobs } = await freshTables();
    const { scheduler } = schedulerOn(jobs, { now: T });
    const ran: string[] = [];
    scheduler.register('test.cancel', async (j) => void ran.push(j.id));
    await scheduler.schedule({ id: 'c1', kind: 'test.cancel', dueAt: at(MIN) });
    const ref = await scheduler.schedule({ id: 'c2', kind: 'test.cancel', dueAt: at(MIN) });
    await scheduler.schedule({ id: 'c3', kind: 'test.cancel', dueAt: at(MIN) });
    expect(await scheduler.cancel('c1')).toBe(true);
    expect(await scheduler.cancel(ref)).toBe(true);
    expect(await scheduler.cancel('c1')).toBe(false);
    expect(await scheduler.cancel('no-such-job')).toBe(false);
    expect(await scheduler.tick(at(2 * MIN))).toMatchObject({ ran: 1 });
    expect(ran).toEqual(['c3']);
    expect(await scheduler.cancel('c3')).toBe(false); // already done
    expect((await jobs.get(ref))?.status).toBe('cancelled');

    expect((await scheduler.schedule({ id: 'c1', kind: 'test.cancel', dueAt: at(MIN) })).created).toBe(true);
    expect(await scheduler.tick(at(3 * MIN))).toMatchObject({ ran: 1 });
    expect(ran).toEqual(['c3', 'c1']);
  });
});

describe('scheduler: the cursor', () => {
  it('moves past hours with nothing pending and stops at the first hour with work left', async () => {
    const { jobs } = await freshTables();
    const clock = { now: T };
    const { scheduler } = schedulerOn(jobs, clock);
    let fail = true;
    scheduler.register('test.cursor', async (j) => {
      if (j.id === 'flaky' && fail) throw Object.assign(new Error('upstream'), { code: 'Upstream503' });
    });
    await scheduler.schedule({ id: 'h1', kind: 'test.cursor', dueAt: at(HOUR) });
    await scheduler.schedule({ id: 'flaky', kind: 'test.cursor', dueAt: at(2 * HOUR), maxAttempts: 9 });
    await scheduler.schedule({ id: 'h3', kind: 'test.cursor', dueAt: at(3 * HOUR) });
    await scheduler.schedule({ id: 'next-year', kind: 'test.cursor', dueAt: at(365 * 24 * HOUR) });

    clock.now = at(5 * HOUR);
    const first = await scheduler.tick();
    expect(first).toMatchObject({ ran: 2, failed: 1, from: bucketOf(T), to: bucketOf(at(5 * HOUR)) });
    expect(first.cursor).toBe(bucketOf(at(2 * HOUR))); // the failed job waits there for its retry
    expect((await jobs.readCursor())?.bucket).toBe(bucketOf(at(2 * HOUR)));

    fail = false;
    clock.now = at(6 * HOUR);
    const second = await scheduler.tick();
    expect(second).toMatchObject({ ran: 1, from: bucketOf(at(2 * HOUR)) });
    expect(second.cursor).toBe(bucketOf(at(6 * HOUR - 5 * MIN)));
    // A second process with its own view of the cursor reads from where the first left it.
    const other = schedulerOn(jobs, clock, { owner: 'proc-b' }).scheduler;
    other.register('test.cursor', async () => undefined);
    expect(await other.tick()).toMatchObject({ ran: 0, from: bucketOf(at(6 * HOUR - 5 * MIN)) });
  });

  it('a tick that travels in time runs the future but leaves the cursor at the clock', async () => {
    const { jobs } = await freshTables();
    const clock = { now: T };
    const { scheduler } = schedulerOn(jobs, clock);
    let ran = 0;
    scheduler.register('test.travel', async () => void ran++);
    await scheduler.schedule({ id: 'tomorrow', kind: 'test.travel', dueAt: at(24 * HOUR) });
    expect(await scheduler.tick(at(25 * HOUR))).toMatchObject({ ran: 1 });
    expect((await jobs.readCursor())!.bucket <= bucketOf(T)).toBe(true);
    // …so a job scheduled for "now" afterwards is still found.
    await scheduler.schedule({ id: 'now', kind: 'test.travel', dueAt: T });
    expect(await scheduler.tick(T)).toMatchObject({ ran: 1 });
  });
});

describe('scheduler: failures', () => {
  it('retries a failing handler with exponential backoff, then succeeds', async () => {
    const { jobs } = await freshTables();
    const { scheduler } = schedulerOn(jobs, { now: T }, { retryBaseMs: 1000 });
    let calls = 0;
    scheduler.register('test.retry', async () => {
      calls++;
      if (calls <= 2) throw Object.assign(new Error('Connector said no for Anna Berg'), { code: 'Upstream503' });
    });
    const ref = await scheduler.schedule({ id: 'r1', kind: 'test.retry', dueAt: T });
    expect(await scheduler.tick(T)).toMatchObject({ ran: 0, failed: 1 });
    expect(await jobs.get(ref)).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastError: 'Upstream503',
      notBefore: at(1000).toISOString(),
    });
    expect(await scheduler.tick(at(999))).toMatchObject({ ran: 0, failed: 0, busy: 1 });
    expect(await scheduler.tick(at(1000))).toMatchObject({ failed: 1 });
    // Second failure: twice the delay.
    expect((await jobs.get(ref))!.notBefore).toBe(at(1000 + 2000).toISOString());
    expect(await scheduler.tick(at(2999))).toMatchObject({ ran: 0, busy: 1 });
    expect(await scheduler.tick(at(3000))).toMatchObject({ ran: 1 });
    expect(await jobs.get(ref)).toMatchObject({ status: 'done', attempts: 3 });
  });

  it('backoff has jitter and a ceiling', async () => {
    const { jobs } = await freshTables();
    const low = schedulerOn(jobs, { now: T }, { retryBaseMs: 1000, retryMaxMs: 10_000, random: () => 0 }).scheduler;
    const high = schedulerOn(jobs, { now: T }, { retryBaseMs: 1000, retryMaxMs: 10_000, random: () => 1 }).scheduler;
    expect([1, 2, 3, 4, 5, 10].map((n) => high.backoff(n))).toEqual([1000, 2000, 4000, 8000, 10_000, 10_000]);
    expect([1, 2, 3].map((n) => low.backoff(n))).toEqual([500, 1000, 2000]);
  });

  it('parks a job after maxAttempts and reports it without personal data', async () => {
    const { jobs } = await freshTables();
    const { scheduler, log } = schedulerOn(jobs, { now: T }, { retryBaseMs: 1000 });
    scheduler.register('test.broken', async () => {
      throw new TypeError('cannot send to Anna Berg');
    });
    const ref = await scheduler.schedule({ id: 'broken-1', kind: 'test.broken', dueAt: T, maxAttempts: 3 });
    expect(await scheduler.tick(T)).toMatchObject({ failed: 1, parked: 0 });
    expect(await scheduler.tick(at(HOUR))).toMatchObject({ failed: 1, parked: 0 });
    const third = await scheduler.tick(at(2 * HOUR));
    expect(third).toMatchObject({ failed: 0, parked: 1, byKind: { 'test.broken': { parked: 1 } } });
    expect(await jobs.get(ref)).toMatchObject({ status: 'parked', attempts: 3, lastError: 'TypeError' });
    expect(await scheduler.tick(at(3 * HOUR))).toMatchObject({ ran: 0, failed: 0, parked: 0 });
    const parked = log.lines.map((l) => JSON.parse(l) as { msg: string; job?: { id: string } }).filter((l) => l.msg.includes('parked'));
    expect(parked).toHaveLength(1);
    expect(parked[0]!.job?.id).toBe('broken-1');
    expect(log.lines.join('\n')).not.toContain('Anna');
  });
});

describe('scheduler: exactly once across schedulers', () => {
  it('two schedulers ticking the same tables at once run each of 200 jobs exactly once', async () => {
    const { jobs } = await freshTables();
    const clock = { now: T };
    const runs = new Map<string, number>();
    const byOwner = new Map<string, number>();
    const make = (owner: string) => {
      const s = schedulerOn(jobs, clock, { owner }).scheduler;
      s.register('test.count', async (job) => {
        await new Promise((r) => setTimeout(r, Math.random() * 3));
        runs.set(job.id, (runs.get(job.id) ?? 0) + 1);
        byOwner.set(owner, (byOwner.get(owner) ?? 0) + 1);
      });
      return s;
    };
    const a = make('proc-a');
    const b = make('proc-b');
    await a.scheduleMany(Array.from({ length: 200 }, (_, i) => ({ id: `job-${i}`, kind: 'test.count', dueAt: at(-i * MIN) })));

    let ran = 0;
    for (let round = 0; round < 10 && ran < 200; round++) {
      const [sa, sb] = await Promise.all([a.tick(T), b.tick(T)]);
      ran += sa.ran + sb.ran;
    }
    expect(ran).toBe(200);
    expect(runs.size).toBe(200);
    expect([...runs.values()].every((n) => n === 1)).toBe(true);
    expect(byOwner.get('proc-a')).toBeGreaterThan(0);
    expect(byOwner.get('proc-b')).toBeGreaterThan(0);
  });

  it('a job whose process died mid-run is taken over once its lease has expired', async () => {
    const { jobs } = await freshTables();
    const clock = { now: T };
    const { scheduler } = schedulerOn(jobs, clock, { leaseMs: 10_000, owner: 'proc-b' });
    const ran: Array<{ id: string; attempt: number }> = [];
    scheduler.register('test.orphan', async (j) => void ran.push({ id: j.id, attempt: j.attempt }));
    const ref = await scheduler.schedule({ id: 'orphan', kind: 'test.orphan', dueAt: T });
    // proc-a claimed it and vanished: its lease runs to T + 10 s and is never renewed.
    await jobs.claim((await jobs.get(ref))!, 'proc-a', at(10_000));

    clock.now = at(9_000);
    expect(await scheduler.tick(at(9_000))).toMatchObject({ ran: 0, busy: 1 });
    expect(ran).toEqual([]);
    clock.now = at(10_001);
    expect(await scheduler.tick(at(10_001))).toMatchObject({ ran: 1 });
    expect(ran).toEqual([{ id: 'orphan', attempt: 2 }]);
    expect(await jobs.get(ref)).toMatchObject({ status: 'done', attempts: 2 });
  });

  it('a job that keeps killing its process is parked after maxAttempts leases', async () => {
    const { jobs } = await freshTables();
    const clock = { now: T };
    const { scheduler } = schedulerOn(jobs, clock, { leaseMs: 1000 });
    scheduler.register('test.poison', async () => undefined);
    const ref = await scheduler.schedule({ id: 'poison', kind: 'test.poison', dueAt: T, maxAttempts: 2 });
    await jobs.claim((await jobs.get(ref))!, 'dead-1', at(1000));
    await jobs.claim((await jobs.get(ref))!, 'dead-2', at(2000));
    clock.now = at(3000);
    expect(await scheduler.tick(at(3000))).toMatchObject({ ran: 0, parked: 1 });
    expect(await jobs.get(ref)).toMatchObject({ status: 'parked', lastError: 'LeaseExpired' });
  });
});

describe('scheduler: two processes', () => {
  const children: ChildProcess[] = [];
  afterAll(() => {
    for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  });

  function worker(env: Record<string, string>): ChildProcess & { ready: Promise<void> } {
    // Node with tsx's loader, not tsx's CLI: the CLI runs the script in a
    // child process, and a SIGKILL to the CLI would leave that child alive.
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/scheduler-worker.ts'], {
      cwd: path.resolve(__dirname, '..', '..'),
      env: { ...process.env, CONN: inject('azuriteConnectionString'), TICK_MS: '30', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    const ready = new Promise<void>((resolve, reject) => {
      child.stdout!.on('data', (d: Buffer) => d.toString().includes('ready') && resolve());
      child.once('exit', (code) => reject(new Error(`worker exited ${code}: ${stderr}`)));
    });
    ready.catch(() => undefined);
    return Object.assign(child, { ready });
  }

  const events = (file: string) =>
    (existsSync(file) ? readFileSync(file, 'utf8') : '')
      .split('\n')
      .filter(Boolean)
      .map((l) => {
        const [event, id, owner, attempt, atMs] = l.split(' ');
        return { event: event!, id: id!, owner: owner!, attempt: Number(attempt), at: Number(atMs) };
      });

  async function until(cond: () => boolean, ms: number, what: string): Promise<void> {
    const deadline = Date.now() + ms;
    while (!cond()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  const stop = (c: ChildProcess) =>
    new Promise<void>((resolve) => {
      if (c.exitCode !== null) return resolve();
      c.once('exit', () => resolve());
      c.kill('SIGTERM');
    });

  it('two node processes on one storage account run each of 200 jobs exactly once', async () => {
    const { jobs, prefix } = await freshTables();
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'sched-')), 'events.log');
    const setup = new Scheduler({ jobs, logger: createLogger({ level: 'silent' }) });
    const now = Date.now();
    await setup.scheduleMany(
      Array.from({ length: 200 }, (_, i) => ({ id: `job-${i}`, kind: 'test.append', dueAt: new Date(now - i * 1000) })),
    );

    const a = worker({ PREFIX: prefix, OWNER: 'proc-a', OUT: out });
    const b = worker({ PREFIX: prefix, OWNER: 'proc-b', OUT: out });
    await until(() => events(out).length >= 200, 20_000, '200 jobs done');
    await new Promise((r) => setTimeout(r, 300)); // a duplicate would show up now
    await Promise.all([stop(a), stop(b)]);

    const done = events(out).filter((e) => e.event === 'done');
    const perJob = new Map<string, number>();
    for (const e of done) perJob.set(e.id, (perJob.get(e.id) ?? 0) + 1);
    expect(perJob.size).toBe(200);
    expect([...perJob.entries()].filter(([, n]) => n !== 1)).toEqual([]);
    expect(new Set(done.map((e) => e.owner))).toEqual(new Set(['proc-a', 'proc-b']));
  });

  it('SIGKILL one process mid-job: the other takes over its leased jobs after the lease, and nothing runs twice', async () => {
    const { jobs, prefix } = await freshTables();
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'sched-')), 'events.log');
    const setup = new Scheduler({ jobs, logger: createLogger({ level: 'silent' }) });
    await setup.scheduleMany(
      Array.from({ length: 20 }, (_, i) => ({ id: `slow-${i}`, kind: 'test.slow', dueAt: new Date(Date.now() - 1000) })),
    );

    // proc-a takes jobs and hangs in them (it keeps renewing its leases while alive).
    const a = worker({ PREFIX: prefix, OWNER: 'proc-a', OUT: out, HANG_MS: '600000', LEASE_MS: '1000' });
    await until(() => events(out).filter((e) => e.owner === 'proc-a').length >= 8, 15_000, 'proc-a to start its jobs');
    const held = new Set(
      events(out)
        .filter((e) => e.owner === 'proc-a')
        .map((e) => e.id),
    );
    // proc-b runs alongside and does the rest, but cannot touch proc-a's live leases.
    const b = worker({ PREFIX: prefix, OWNER: 'proc-b', OUT: out, LEASE_MS: '1000' });
    await b.ready;
    await until(() => events(out).filter((e) => e.event === 'done').length >= 20 - held.size, 10_000, 'proc-b to do the free jobs');
    await new Promise((r) => setTimeout(r, 1200)); // longer than the lease: proc-a's renewals hold it
    expect(events(out).filter((e) => e.event === 'done' && held.has(e.id))).toEqual([]);

    a.kill('SIGKILL');
    const killedAt = Date.now();
    await until(() => events(out).filter((e) => e.event === 'done').length >= 20, 10_000, 'proc-b to take over').catch(async (e) => {
      console.log(readFileSync(out, 'utf8'), killedAt);
      for (const id of held) console.log(await jobs.get((await jobs.findById(id))!), await jobs.readCursor());
      throw e;
    });
    await new Promise((r) => setTimeout(r, 300));
    await stop(b);

    const done = events(out).filter((e) => e.event === 'done');
    expect(done).toHaveLength(20);
    expect(new Set(done.map((e) => e.id)).size).toBe(20);
    const takenOver = done.filter((e) => held.has(e.id));
    expect(takenOver).toHaveLength(held.size);
    for (const e of takenOver) {
      expect(e.owner).toBe('proc-b');
      expect(e.attempt).toBe(2);
      expect(e.at).toBeGreaterThanOrEqual(killedAt);
    }
  });
});
