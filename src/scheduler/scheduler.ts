import { randomUUID } from 'node:crypto';
import type { Logger } from '../logger';
import { MAX_PAYLOAD_CHARS, type JobRef, type JobStatus, type JobStore, type NewJob } from '../storage/jobs';
import { isConflict } from '../storage/tables';
import { errorCode, type JobHandler, TickLoop, type TickOptions, type TickSummary } from './tick';

export { errorCode } from './tick';
export type { JobContext, JobHandler, KindCounts, TickOptions, TickSummary } from './tick';

/**
 * The durable scheduler: due work is rows in Table Storage (see
 * storage/jobs.ts). This file is its scheduling API (register handlers,
 * schedule and cancel jobs, start and stop the timer); the tick that runs
 * due jobs under ETag-conditional leases is in tick.ts. Any number of
 * processes may tick the same tables; a process that dies mid-job loses its
 * lease and another takes the job over. Nothing that must survive a restart
 * lives in memory: the timer of `start()` only drives ticks.
 */

export interface ScheduleRequest {
  /** A deterministic id makes scheduling idempotent (`meeting-reminder:<meetingId>:<date>`); never personal data. */
  id?: string;
  kind: string;
  dueAt: Date;
  payload?: unknown;
  maxAttempts?: number;
  idempotencyKey?: string;
}

export interface ScheduledJob extends JobRef {
  /** False when the id was already scheduled (the existing job is answered). */
  created: boolean;
}

export interface SchedulerOptions {
  jobs: JobStore;
  /** Real time: leases are measured on it. Defaults to the system clock. */
  clock?: () => Date;
  /** Who holds leases taken by this process; unique per process. */
  owner?: string;
  leaseMs?: number;
  logger: Logger;
  /** Handlers in flight at once in one tick. */
  concurrency?: number;
  /** At most this many due rows are taken per tick; the rest wait for the next. */
  maxPerTick?: number;
  defaultMaxAttempts?: number;
  retryBaseMs?: number;
  retryMaxMs?: number;
  /** The cursor stays this far behind the clock, for clock skew between processes. */
  cursorLagMs?: number;
  /** Jitter source, for tests. */
  random?: () => number;
}

export class Scheduler {
  readonly owner: string;
  private readonly jobs: JobStore;
  private readonly clock: () => Date;
  private readonly logger: Logger;
  private readonly defaultMaxAttempts: number;
  private readonly handlers = new Map<string, JobHandler<never>>();
  private readonly loop: TickLoop;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;

  constructor(options: SchedulerOptions) {
    this.jobs = options.jobs;
    this.clock = options.clock ?? (() => new Date());
    this.owner = options.owner ?? `p-${randomUUID()}`;
    this.logger = options.logger;
    this.defaultMaxAttempts = options.defaultMaxAttempts ?? 5;
    this.loop = new TickLoop({
      jobs: this.jobs,
      clock: this.clock,
      owner: this.owner,
      leaseMs: options.leaseMs ?? 60_000,
      logger: this.logger,
      concurrency: options.concurrency ?? 8,
      maxPerTick: options.maxPerTick ?? 500,
      retryBaseMs: options.retryBaseMs ?? 30_000,
      retryMaxMs: options.retryMaxMs ?? 3_600_000,
      cursorLagMs: options.cursorLagMs ?? 5 * 60_000,
      random: options.random ?? Math.random,
      handlers: this.handlers,
    });
  }

  register<P>(kind: string, handler: JobHandler<P>): this {
    if (this.handlers.has(kind)) throw new Error(`a handler for job kind ${kind} is already registered`);
    this.handlers.set(kind, handler as JobHandler<never>);
    return this;
  }

  kinds(): string[] {
    return [...this.handlers.keys()];
  }

  async schedule(req: ScheduleRequest): Promise<ScheduledJob> {
    if (!/^[A-Za-z0-9_.:-]{1,64}$/.test(req.kind)) throw new RangeError('job kind: letters, digits and _.:- only, at most 64');
    if (!(req.dueAt instanceof Date) || Number.isNaN(req.dueAt.getTime())) throw new RangeError('dueAt: not a valid date');
    const job = this.newJob(req);
    const placedAt = this.clock();
    await this.loop.ensureCursor(placedAt);
    const { ref, created } = await this.jobs.insert(job, placedAt);
    return { ...ref, created };
  }

  /**
   * Schedules many new jobs in entity-group transactions (100 rows per
   * partition per batch). For fresh ids only: unlike `schedule`, an id that
   * is already scheduled fails its whole batch.
   */
  async scheduleMany(reqs: ScheduleRequest[]): Promise<JobRef[]> {
    const placedAt = this.clock();
    await this.loop.ensureCursor(placedAt);
    return this.jobs.insertMany(
      reqs.map((req) => this.newJob(req)),
      placedAt,
    );
  }

  /** The row a request asks for: its id (a fresh one when none is given) and its payload as JSON, checked for size. */
  private newJob(req: ScheduleRequest): NewJob {
    const id = req.id ?? randomUUID();
    const payload = JSON.stringify(req.payload ?? null);
    if (payload.length > MAX_PAYLOAD_CHARS) throw new RangeError(`payload: at most ${MAX_PAYLOAD_CHARS} characters of JSON`);
    return {
      id,
      kind: req.kind,
      payload,
      dueAt: req.dueAt,
      maxAttempts: req.maxAttempts ?? this.defaultMaxAttempts,
      idempotencyKey: req.idempotencyKey ?? id,
    };
  }

  /**
   * Schedules jobs that may have been scheduled before (plans made again at
   * every start, or after a change): in batches while all ids are new, one
   * by one (each idempotent) once a batch meets an id that exists.
   */
  async scheduleAll(reqs: ScheduleRequest[]): Promise<number> {
    if (reqs.length === 0) return 0;
    try {
      await this.scheduleMany(reqs);
      return reqs.length;
    } catch (err) {
      if (!isConflict(err)) throw err;
    }
    let created = 0;
    for (const req of reqs) if ((await this.schedule(req)).created) created += 1;
    return created;
  }

  /** Cancels a pending (or running: no retry, no takeover) job; false when there is none or it already finished. */
  async cancel(refOrId: JobRef | string): Promise<boolean> {
    const ref = typeof refOrId === 'string' ? await this.jobs.findById(refOrId) : refOrId;
    if (!ref) return false;
    for (let attempt = 0; attempt < 5; attempt++) {
      const row = await this.jobs.get(ref);
      if (!row || (row.status !== 'pending' && row.status !== 'running')) return false;
      try {
        await this.jobs.update(row, { status: 'cancelled', leaseOwner: '', leaseUntil: '' });
        await this.jobs.forgetId(row.id);
        return true;
      } catch (err) {
        if (!isConflict(err)) throw err;
      }
    }
    return false;
  }

  /**
   * Marks a pending job done without running it: its work was done another
   * way (a delivery that went at once, src/delivery/durable.ts). False when
   * the job is not pending any more (a tick runs it, or it finished).
   */
  async settle(ref: JobRef): Promise<boolean> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const row = await this.jobs.get(ref);
      if (row?.status !== 'pending') return false;
      try {
        await this.jobs.update(row, { status: 'done', doneAt: this.clock().toISOString(), leaseOwner: '', leaseUntil: '' });
        return true;
      } catch (err) {
        if (!isConflict(err)) throw err;
      }
    }
    return false;
  }

  /** The status of a scheduled job; undefined when there is no such row. */
  async statusOf(ref: JobRef): Promise<JobStatus | undefined> {
    return (await this.jobs.get(ref))?.status;
  }

  /** Runs what is due at `now` (default: the clock). */
  async tick(now: Date = this.clock(), options: TickOptions = {}): Promise<TickSummary> {
    return this.loop.tick(now, options);
  }

  /** Exponential backoff with jitter: base·2^(n−1), capped, then 50–100 % of that. */
  backoff(attempt: number): number {
    return this.loop.backoff(attempt);
  }

  /** Ticks every `intervalMs` in this process (0 = never). Overlapping ticks are skipped. */
  start(intervalMs = 30_000): void {
    if (this.timer || intervalMs <= 0) return;
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.tick()
        .catch((err: unknown) => this.logger.error({ err: { name: (err as Error)?.name, code: errorCode(err) } }, 'scheduler tick failed'))
        .finally(() => {
          this.running = undefined;
        });
    }, intervalMs);
    this.timer.unref();
  }

  /** Stops the timer and waits for a tick in flight. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }
}
