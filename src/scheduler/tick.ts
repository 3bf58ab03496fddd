import type { Logger } from '../logger';
import { inSpan, telemetry } from '../telemetry';
import { bucketOf, pool, type JobRow, type JobStore } from '../storage/jobs';
import { isConflict } from '../storage/tables';
import { Lease } from './lease';

/**
 * The scheduler's tick: reads the hours from the persisted cursor up to
 * now, claims each due row with an ETag-conditional lease, runs the handler
 * registered for its kind, marks the row done (or pending for a retry, or
 * parked) with another conditional update, and moves the cursor past the
 * hours that hold no more work.
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
  /** Whether this is the job's last attempt: a failure now parks it (a delivery then tries its fallback). */
  lastAttempt?: boolean;
  /** The instant the tick runs at (the `now` of tests that travel in time). */
  now: Date;
  /** Aborted when this process lost the lease (another process may be running the job). */
  signal: AbortSignal;
}

/** A handler that returns 'skipped' had nothing to do; the job is done either way. */
export type JobHandler<P = unknown> = (ctx: JobContext<P>) => Promise<void | 'skipped'>;

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

/** What the tick loop needs from its scheduler: settings already defaulted, and the scheduler's handlers. */
export interface TickSettings {
  jobs: JobStore;
  clock: () => Date;
  owner: string;
  leaseMs: number;
  logger: Logger;
  concurrency: number;
  maxPerTick: number;
  retryBaseMs: number;
  retryMaxMs: number;
  cursorLagMs: number;
  random: () => number;
  handlers: ReadonlyMap<string, JobHandler<never>>;
}

const EMPTY = (): KindCounts => ({ ran: 0, skipped: 0, failed: 0, parked: 0 });

type Outcome = 'ran' | 'skipped' | 'failed' | 'parked' | 'busy';
/** A tick's outcome as the jobs metric names it: a failed attempt is retried, a parked job has failed for good. */
const JOB_OUTCOME = { ran: 'done', skipped: 'skipped', failed: 'retry', parked: 'failed' } as const;

/** A short error code for rows and logs: never an error's message, which may hold personal data. */
export function errorCode(err: unknown): string {
  const code = (err as { code?: unknown })?.code;
  if (typeof code === 'string' && /^[A-Za-z0-9_.-]{1,48}$/.test(code)) return code;
  const name = (err as { name?: unknown })?.name;
  if (typeof name === 'string' && /^[A-Za-z0-9_.-]{1,48}$/.test(name)) return name;
  return 'Error';
}

/**
 * How long the failed call's service asked us to wait (an error's
 * `retryAfterMs`, as Graph's 429 Retry-After gives it), at most a day; 0
 * when it did not say. The retry waits at least this, and at least the backoff.
 */
export function retryAfterOf(err: unknown): number {
  const ms = (err as { retryAfterMs?: unknown })?.retryAfterMs;
  return typeof ms === 'number' && Number.isFinite(ms) && ms > 0 ? Math.min(ms, 86_400_000) : 0;
}

export class TickLoop {
  /** The cursor as last seen; a stale (lower) value is safe, it only reads more hours. */
  private cursor: { bucket: string; etag: string } | undefined;

  constructor(private readonly s: TickSettings) {}

  /**
   * Makes sure the cursor exists, at the hour of `placedAt` if it has to be
   * created. Scheduling calls this before writing the first job, so the
   * cursor is at or before that job's hour: a tick that created it later
   * would start after the job.
   */
  async ensureCursor(placedAt: Date): Promise<void> {
    if (!this.cursor) this.cursor = await this.s.jobs.initCursor(bucketOf(placedAt));
  }

  /** Runs what is due at `now`; leases are measured on the real clock all the same. */
  async tick(now: Date, options: TickOptions): Promise<TickSummary> {
    const { jobs, clock, cursorLagMs } = this.s;
    const started = performance.now();
    const real = clock();
    this.cursor ??= (await jobs.readCursor()) ?? (await jobs.initCursor(bucketOf(Math.min(now.getTime(), real.getTime()) - cursorLagMs)));
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
    for await (const row of jobs.due(from, to, now)) {
      if (rows.length >= this.s.maxPerTick) {
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
    await pool(order, this.s.concurrency, async (i) => {
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
    const limit = bucketOf(Math.min(now.getTime(), real.getTime()) - cursorLagMs);
    const target = blocked !== undefined && blocked < limit ? blocked : limit;
    if (target > from) {
      const moved = await jobs.advanceCursor(target, this.cursor.etag);
      // Undefined when someone else moved it: it is read afresh next time.
      this.cursor = moved;
      summary.cursor = moved?.bucket ?? from;
    }
    return this.finish(summary, started);
  }

  /** Exponential backoff with jitter: base·2^(n−1), capped, then 50–100 % of that. */
  backoff(attempt: number): number {
    const cap = Math.min(this.s.retryMaxMs, this.s.retryBaseMs * 2 ** Math.max(0, attempt - 1));
    return Math.round(cap * (0.5 + 0.5 * this.s.random()));
  }

  private finish(summary: TickSummary, started: number): TickSummary {
    summary.ms = performance.now() - started;
    if (summary.ran + summary.failed + summary.parked > 0) {
      const { byKind: _byKind, ...counts } = summary;
      this.s.logger.info({ tick: counts }, 'scheduler tick');
    }
    return summary;
  }

  private count(summary: TickSummary, kind: string, outcome: Exclude<Outcome, 'busy'>): void {
    summary[outcome]++;
    (summary.byKind[kind] ??= EMPTY())[outcome]++;
    telemetry.job(kind, JOB_OUTCOME[outcome]);
  }

  private async runOne(row: JobRow, now: Date, real: Date, options: TickOptions, summary: TickSummary): Promise<Outcome | 'other'> {
    const { jobs, clock, logger, leaseMs } = this.s;
    if (options.kinds && !options.kinds(row.kind)) return 'other';
    const handler = this.s.handlers.get(row.kind);
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
        await jobs.update(row, { status: 'parked', lastError: 'LeaseExpired', leaseOwner: '', leaseUntil: '' });
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
      claimed = await jobs.claim(row, this.s.owner, new Date(clock().getTime() + leaseMs));
    } catch (err) {
      if (!isConflict(err)) throw err;
      summary.busy++;
      return 'busy';
    }
    if (row.status === 'running')
      logger.info(
        { job: { id: row.id, kind: row.kind, attempt: claimed.attempts }, from: row.leaseOwner },
        'job taken over after its lease expired',
      );

    const lease = new Lease(jobs, claimed, leaseMs, clock);
    let result: void | 'skipped';
    try {
      result = await inSpan('job', { 'job.kind': row.kind, 'job.attempt': claimed.attempts }, async (span) => {
        const r = await (handler as JobHandler<unknown>)({
          id: row.id,
          kind: row.kind,
          payload: parsePayload(row.payload),
          dueAt: new Date(row.dueAt),
          idempotencyKey: row.idempotencyKey,
          attempt: claimed.attempts,
          lastAttempt: claimed.attempts >= claimed.maxAttempts,
          now,
          signal: lease.signal,
        });
        if (r === 'skipped') span.set({ outcome: 'skipped' });
        return r;
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
            notBefore: new Date(now.getTime() + Math.max(this.backoff(claimed.attempts), retryAfterOf(err))).toISOString(),
          };
      try {
        if (!current) throw Object.assign(new Error('lease lost'), { statusCode: 412 });
        await jobs.update(current, patch);
      } catch (e) {
        if (!isConflict(e)) throw e;
        summary.leaseLost++;
        logger.warn({ job: { id: row.id, kind: row.kind }, lastError: code }, 'job failed after its lease was taken over');
        return 'busy';
      }
      if (park) {
        this.reportParked(row, code, claimed.attempts);
        this.count(summary, row.kind, 'parked');
        return 'parked';
      }
      logger.warn(
        { job: { id: row.id, kind: row.kind, attempt: claimed.attempts }, lastError: code, retryAt: patch.notBefore },
        'job failed; will retry',
      );
      this.count(summary, row.kind, 'failed');
      return 'failed';
    }

    const current = await lease.stop();
    try {
      if (!current) throw Object.assign(new Error('lease lost'), { statusCode: 412 });
      await jobs.update(current, { status: 'done', doneAt: clock().toISOString(), leaseOwner: '', leaseUntil: '' });
    } catch (err) {
      if (!isConflict(err)) throw err;
      // Another process took the job over while this one ran it; the
      // idempotency key is what keeps its effect single.
      summary.leaseLost++;
      logger.warn({ job: { id: row.id, kind: row.kind } }, 'job finished after its lease was taken over');
      return 'busy';
    }
    const outcome = result === 'skipped' ? 'skipped' : 'ran';
    this.count(summary, row.kind, outcome);
    return outcome;
  }

  private reportParked(row: JobRow, code: string, attempts: number): void {
    this.s.logger.error({ job: { id: row.id, kind: row.kind, attempts }, lastError: code }, 'job parked after too many failed attempts');
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
