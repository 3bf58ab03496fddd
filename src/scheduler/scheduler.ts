import { randomUUID } from 'node:crypto';
import type { Logger } from '../logger';
import { bucketOf, MAX_PAYLOAD_CHARS, pool, type JobRef, type JobRow, type JobStore } from '../storage/jobs';
import { isConflict } from '../storage/tables';

/**
 * The durable scheduler: due work is rows in Table Storage (see
 * storage/jobs.ts). A tick reads the hours from the persisted cursor up to
 * now, claims each due row with an ETag-conditional lease, runs the handler
 * registered for its kind, and marks it done with another conditional
 * update. Any number of processes may tick the same tables; a process that
 * dies mid-job loses its lease and another takes the job over. Nothing that
 * must survive a restart lives in memory: the timer of `start()` only
 * drives ticks.
 */

export interface JobContext<P = unknown> {
  id: string;
  kind: string;
  payload: P;
  dueAt: Date;
  /** Stable for the job across attempts and processes: send logs key on it so a send never goes twice. */
  idempotencyKey: string;
  /** 1 on the first run. */
  attempt: number;
  /** The instant the tick runs at (the `now` of tests that travel in time). */
  now: Date;
  /** Aborted when this process lost the lease (another process may be running the job). */
  signal: AbortSignal;
}

/** A handler that returns 'skipped' had nothing to do; the job is done either way. */
export type JobHandler<P = unknown> = (ctx: JobContext<P>) => Promise<void | 'skipped'>;

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

export interface KindCounts {
  ran: number;
  skipped: number;
  failed: number;
  parked: number;
}

export interface TickSummary extends KindCounts {
  /** Rows left alone: leased by or lost to another process, waiting for a retry, or no handler here. */
  busy: number;
  /** Jobs whose handler finished after another process had taken the lease over. */
  leaseLost: number;
  byKind: Record<string, KindCounts>;
  /** The hours read, from the cursor to now. */
  from: string;
  to: string;
  cursor: string;
  ms: number;
}

export interface TickOptions {
  /** Only kinds this accepts are run (the job endpoint's families); the others stay pending. */
  kinds?: (kind: string) => boolean;
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

const EMPTY = (): KindCounts => ({ ran: 0, skipped: 0, failed: 0, parked: 0 });

type Outcome = 'ran' | 'skipped' | 'failed' | 'parked' | 'busy';

/** A short error code for rows and logs: never an error's message, which may hold personal data. */
export function errorCode(err: unknown): string {
  const code = (err as { code?: unknown })?.code;
  if (typeof code === 'string' && /^[A-Za-z0-9_.-]{1,48}$/.test(code)) return code;
  const name = (err as { name?: unknown })?.name;
  if (typeof name === 'string' && /^[A-Za-z0-9_.-]{1,48}$/.test(name)) return name;
  return 'Error';
}

export class Scheduler {
  readonly owner: string;
  private readonly jobs: JobStore;
  private readonly clock: () => Date;
  private readonly leaseMs: number;
  private readonly logger: Logger;
  private readonly concurrency: number;
  private readonly maxPerTick: number;
  private readonly defaultMaxAttempts: number;
  private readonly retryBaseMs: number;
  private readonly retryMaxMs: number;
  private readonly cursorLagMs: number;
  private readonly random: () => number;
  private readonly handlers = new Map<string, JobHandler<never>>();
  /** The cursor as last seen; a stale (lower) value is safe, it only reads more hours. */
  private cursor: { bucket: string; etag: string } | undefined;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;

  constructor(options: SchedulerOptions) {
    this.jobs = options.jobs;
    this.clock = options.clock ?? (() => new Date());
    this.owner = options.owner ?? `p-${randomUUID()}`;
    this.leaseMs = options.leaseMs ?? 60_000;
    this.logger = options.logger;
    this.concurrency = options.concurrency ?? 8;
    this.maxPerTick = options.maxPerTick ?? 500;
    this.defaultMaxAttempts = options.defaultMaxAttempts ?? 5;
    this.retryBaseMs = options.retryBaseMs ?? 30_000;
    this.retryMaxMs = options.retryMaxMs ?? 3_600_000;
    this.cursorLagMs = options.cursorLagMs ?? 5 * 60_000;
    this.random = options.random ?? Math.random;
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
    const payload = JSON.stringify(req.payload ?? null);
    if (payload.length > MAX_PAYLOAD_CHARS) throw new RangeError(`payload: at most ${MAX_PAYLOAD_CHARS} characters of JSON`);
    const id = req.id ?? randomUUID();
    const placedAt = this.clock();
    // The cursor must exist before the first job, at or before its hour:
    // a tick that created it later would start after this job.
    if (!this.cursor) this.cursor = await this.jobs.initCursor(bucketOf(placedAt));
    const { ref, created } = await this.jobs.insert(
      {
        id,
        kind: req.kind,
        payload,
        dueAt: req.dueAt,
        maxAttempts: req.maxAttempts ?? this.defaultMaxAttempts,
        idempotencyKey: req.idempotencyKey ?? id,
      },
      placedAt,
    );
    return { ...ref, created };
  }

  /**
   * Schedules many new jobs in entity-group transactions (100 rows per
   * partition per batch). For fresh ids only: unlike `schedule`, an id that
   * is already scheduled fails its whole batch.
   */
  async scheduleMany(reqs: ScheduleRequest[]): Promise<JobRef[]> {
    const placedAt = this.clock();
    if (!this.cursor) this.cursor = await this.jobs.initCursor(bucketOf(placedAt));
    return this.jobs.insertMany(
      reqs.map((req) => {
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
      }),
      placedAt,
    );
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

  /** Runs what is due at `now` (default: the clock). */
  async tick(now: Date = this.clock(), options: TickOptions = {}): Promise<TickSummary> {
    const started = performance.now();
    const real = this.clock();
    this.cursor ??=
      (await this.jobs.readCursor()) ?? (await this.jobs.initCursor(bucketOf(Math.min(now.getTime(), real.getTime()) - this.cursorLagMs)));
    const from = this.cursor.bucket;
    const to = bucketOf(now);
    const summary: TickSummary = {
      ran: 0,
      skipped: 0,
      failed: 0,
      parked: 0,
      busy: 0,
      leaseLost: 0,
      byKind: {},
      from,
      to,
      cursor: from,
      ms: 0,
    };
    if (from > to) return this.finish(summary, started);

    const rows: JobRow[] = [];
    let truncated = false;
    for await (const row of this.jobs.due(from, to, now)) {
      if (rows.length >= this.maxPerTick) {
        truncated = true;
        break;
      }
      rows.push(row);
    }

    // Each process takes the due rows in its own random order, so processes
    // ticking together mostly claim different rows instead of racing for
    // the same ones (a lost race costs a round trip and a 412).
    const order = shuffle(rows.map((_, i) => i));
    const outcomes: Array<Outcome | 'other'> = new Array(rows.length);
    await pool(order, this.concurrency, async (i) => {
      outcomes[i] = await this.runOne(rows[i]!, now, real, options, summary);
    });

    // The cursor may pass every hour before the first one that still holds
    // work, but never the clock (less the lag): jobs scheduled "now" by any
    // process land in the current hour.
    let blocked: string | undefined;
    rows.forEach((row, i) => {
      const o = outcomes[i];
      const finished = o === 'ran' || o === 'skipped' || o === 'parked';
      if (!finished && (blocked === undefined || row.partitionKey < blocked)) blocked = row.partitionKey;
    });
    if (truncated) {
      const last = rows[rows.length - 1]!.partitionKey;
      if (blocked === undefined || last < blocked) blocked = last;
    }
    const limit = bucketOf(Math.min(now.getTime(), real.getTime()) - this.cursorLagMs);
    const target = blocked !== undefined && blocked < limit ? blocked : limit;
    if (target > from) {
      const moved = await this.jobs.advanceCursor(target, this.cursor.etag);
      // Someone else moved it: read it afresh next time.
      this.cursor = moved;
      summary.cursor = moved?.bucket ?? from;
    }
    return this.finish(summary, started);
  }

  private finish(summary: TickSummary, started: number): TickSummary {
    summary.ms = performance.now() - started;
    if (summary.ran + summary.failed + summary.parked > 0) {
      const { byKind: _byKind, ...counts } = summary;
      this.logger.info({ tick: counts }, 'scheduler tick');
    }
    return summary;
  }

  private count(summary: TickSummary, kind: string, outcome: Exclude<Outcome, 'busy'>): void {
    summary[outcome]++;
    (summary.byKind[kind] ??= EMPTY())[outcome]++;
  }

  private async runOne(row: JobRow, now: Date, real: Date, options: TickOptions, summary: TickSummary): Promise<Outcome | 'other'> {
    if (options.kinds && !options.kinds(row.kind)) return 'other';
    const handler = this.handlers.get(row.kind);
    if (!handler) {
      summary.busy++;
      return 'busy';
    }
    if (row.status === 'pending' && Date.parse(row.notBefore) > now.getTime()) {
      summary.busy++;
      return 'busy';
    }
    if (row.status === 'running' && Date.parse(row.leaseUntil) > real.getTime()) {
      summary.busy++;
      return 'busy';
    }
    if (row.status === 'running' && row.attempts >= row.maxAttempts) {
      // Its last attempt died with its process: a job that kills its runner is moved aside, not retried for ever.
      try {
        await this.jobs.update(row, { status: 'parked', lastError: 'LeaseExpired', leaseOwner: '', leaseUntil: '' });
      } catch (err) {
        if (!isConflict(err)) throw err;
        summary.busy++;
        return 'busy';
      }
      this.reportParked(row, 'LeaseExpired', row.attempts);
      this.count(summary, row.kind, 'parked');
      return 'parked';
    }

    let claimed: JobRow;
    try {
      claimed = await this.jobs.claim(row, this.owner, new Date(this.clock().getTime() + this.leaseMs));
    } catch (err) {
      if (!isConflict(err)) throw err;
      summary.busy++;
      return 'busy';
    }
    if (row.status === 'running')
      this.logger.info(
        { job: { id: row.id, kind: row.kind, attempt: claimed.attempts }, from: row.leaseOwner },
        'job taken over after its lease expired',
      );

    const lease = new Lease(this.jobs, claimed, this.leaseMs, this.clock);
    let result: void | 'skipped';
    try {
      result = await (handler as JobHandler<unknown>)({
        id: row.id,
        kind: row.kind,
        payload: parsePayload(row.payload),
        dueAt: new Date(row.dueAt),
        idempotencyKey: row.idempotencyKey,
        attempt: claimed.attempts,
        now,
        signal: lease.signal,
      });
    } catch (err) {
      const code = errorCode(err);
      const current = await lease.stop();
      const park = claimed.attempts >= claimed.maxAttempts;
      const patch = park
        ? { status: 'parked' as const, lastError: code, leaseOwner: '', leaseUntil: '' }
        : {
            status: 'pending' as const,
            lastError: code,
            leaseOwner: '',
            leaseUntil: '',
            notBefore: new Date(now.getTime() + this.backoff(claimed.attempts)).toISOString(),
          };
      try {
        if (!current) throw Object.assign(new Error('lease lost'), { statusCode: 412 });
        await this.jobs.update(current, patch);
      } catch (e) {
        if (!isConflict(e)) throw e;
        summary.leaseLost++;
        this.logger.warn({ job: { id: row.id, kind: row.kind }, lastError: code }, 'job failed after its lease was taken over');
        return 'busy';
      }
      if (park) {
        this.reportParked(row, code, claimed.attempts);
        this.count(summary, row.kind, 'parked');
        return 'parked';
      }
      this.logger.warn(
        { job: { id: row.id, kind: row.kind, attempt: claimed.attempts }, lastError: code, retryAt: patch.notBefore },
        'job failed; will retry',
      );
      this.count(summary, row.kind, 'failed');
      return 'failed';
    }

    const current = await lease.stop();
    try {
      if (!current) throw Object.assign(new Error('lease lost'), { statusCode: 412 });
      await this.jobs.update(current, { status: 'done', doneAt: this.clock().toISOString(), leaseOwner: '', leaseUntil: '' });
    } catch (err) {
      if (!isConflict(err)) throw err;
      // Another process took the job over while this one ran it; the
      // idempotency key is what keeps its effect single.
      summary.leaseLost++;
      this.logger.warn({ job: { id: row.id, kind: row.kind } }, 'job finished after its lease was taken over');
      return 'busy';
    }
    const outcome = result === 'skipped' ? 'skipped' : 'ran';
    this.count(summary, row.kind, outcome);
    return outcome;
  }

  private reportParked(row: JobRow, code: string, attempts: number): void {
    this.logger.error({ job: { id: row.id, kind: row.kind, attempts }, lastError: code }, 'job parked after too many failed attempts');
  }

  /** Exponential backoff with jitter: base·2^(n−1), capped, then 50–100 % of that. */
  backoff(attempt: number): number {
    const cap = Math.min(this.retryMaxMs, this.retryBaseMs * 2 ** Math.max(0, attempt - 1));
    return Math.round(cap * (0.5 + 0.5 * this.random()));
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

function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

function parsePayload(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return null;
  }
}

/**
 * Keeps a claimed job's lease alive while its handler runs, so a slow send
 * is not taken over by another process; aborts the handler's signal when
 * the lease is lost. Renewals are chained, so the final update always uses
 * the latest ETag.
 */
class Lease {
  private readonly controller = new AbortController();
  private current: JobRow | undefined;
  private chain: Promise<void> = Promise.resolve();
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly jobs: JobStore,
    row: JobRow,
    private readonly leaseMs: number,
    private readonly clock: () => Date,
  ) {
    this.current = row;
    this.timer = setInterval(
      () => {
        this.chain = this.chain.then(() => this.renew());
      },
      Math.max(50, Math.floor(leaseMs / 3)),
    );
    this.timer.unref();
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  private async renew(): Promise<void> {
    if (!this.current) return;
    try {
      this.current = await this.jobs.update(this.current, { leaseUntil: new Date(this.clock().getTime() + this.leaseMs).toISOString() });
    } catch (err) {
      if (isConflict(err)) {
        this.current = undefined;
        this.controller.abort();
      }
      // Other errors (storage hiccup): try again at the next interval.
    }
  }

  /** Stops renewing; the row as last written by us, or undefined if the lease was lost. */
  async stop(): Promise<JobRow | undefined> {
    clearInterval(this.timer);
    await this.chain;
    return this.current;
  }
}
