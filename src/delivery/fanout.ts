import { randomUUID } from 'node:crypto';
import { telemetry } from '../telemetry';
import type { Logger } from '../logger';
import { isConflict } from '../storage/tables';
import { connectorStatus as statusOf, retryAfterMs } from './connector-errors';
import type { OutboxRow, OutboxStore } from './outbox';
import type { RateLimiter } from './rate-limiter';

/**
 * Sends one run's outbox: every row claimed by lease, sent within the rate
 * limits the limiter learns, and marked with its outcome. A 429 holds back
 * its row (and conversation) for its Retry-After without losing an attempt,
 * and tells the limiter, which slows the app when 429s cluster; 5xx and network
 * errors are retried with exponential backoff and jitter (botbuilder's own
 * retries are switched off for these sends, so nothing is retried twice);
 * 403 means blocked or uninstalled and is not retried; a recipient without a
 * chat with the bot is recorded as not installed.
 */

export interface Delivery {
  conversationId: string;
  /** Sends the message; answers the connector's activity id. */
  send(idempotencyKey: string): Promise<string | undefined>;
}

/** Where a row goes: undefined when the recipient has no conversation with the bot and none can be created. */
export type Resolve = (row: OutboxRow) => Promise<Delivery | undefined>;

export interface FanOutSummary {
  runId: string;
  total: number;
  sent: number;
  failed: number;
  blocked: number;
  notInstalled: number;
  throttled: number;
  retried: number;
  /** Rows another process took over while this one still sent them (a lease that ran out). */
  leaseLost: number;
  ms: number;
  /** Requests to storage for the rows' changes (claims, outcomes, retries) and the changes they carried. */
  storage?: { requests: number; changes: number };
  /** The limiter's own figures at the end of the run (shared by every proactive sender of the process). */
  pacing?: { rate: number; cuts: number; lowestRate: number; lostSlots: number; drySlots: number; waits: number; refusedCount: boolean };
}

/** A row to try again, and the instant it is due. */
interface Retry {
  row: OutboxRow;
  due: number;
}

export interface FanOutOptions {
  outbox: OutboxStore;
  limiter: RateLimiter;
  logger: Logger;
  owner?: string;
  leaseMs?: number;
  concurrency?: number;
  maxAttempts?: number;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  random?: () => number;
  clock?: () => number;
  /** Progress is logged at most this often. */
  progressEveryMs?: number;
}

type Patch = Partial<Omit<OutboxRow, 'runId' | 'recipient' | 'etag'>>;

/**
 * Group commit of the run's row changes (claims, outcomes, retries): a change
 * made while a transaction is on its way waits for it and goes with the
 * others in the next, up to 100 rows; so at 50 sends a second storage sees a
 * few requests a second instead of two per send, and a change waits no more
 * than one round trip for the one before. A transaction refused because one
 * row changed under it (another process's claim, a lease taken over) is
 * redone row by row, so only that row's change fails with the 412.
 */
class Commits {
  private readonly queue: Array<{ row: OutboxRow; patch: Patch; resolve: (r: OutboxRow) => void; reject: (e: unknown) => void }> = [];
  private busy = false;
  /** Transactions and single updates sent to storage, and the changes they carried. */
  readonly stats = { requests: 0, changes: 0 };

  constructor(private readonly outbox: OutboxStore) {}

  update(row: OutboxRow, patch: Patch): Promise<OutboxRow> {
    return new Promise((resolve, reject) => {
      this.queue.push({ row, patch, resolve, reject });
      void this.pump();
    });
  }

  private async pump(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      while (this.queue.length) {
        const batch = this.queue.splice(0, 100);
        this.stats.requests += 1;
        this.stats.changes += batch.length;
        try {
          const rows = await this.outbox.updateMany(batch);
          batch.forEach((b, i) => b.resolve(rows[i]!));
        } catch (err) {
          if (batch.length === 1 || !isConflict(err)) {
            for (const b of batch) b.reject(err);
            continue;
          }
          this.stats.requests += batch.length;
          await Promise.all(batch.map((b) => this.outbox.update(b.row, b.patch).then(b.resolve, b.reject)));
        }
      }
    } finally {
      this.busy = false;
    }
  }
}

export class FanOut {
  readonly owner: string;
  private readonly leaseMs: number;
  private readonly concurrency: number;
  private readonly maxAttempts: number;
  private readonly base: number;
  private readonly max: number;
  private readonly random: () => number;
  private readonly clock: () => number;

  constructor(private readonly o: FanOutOptions) {
    this.owner = o.owner ?? `f-${randomUUID()}`;
    this.leaseMs = o.leaseMs ?? 60_000;
    this.concurrency = o.concurrency ?? 16;
    this.maxAttempts = o.maxAttempts ?? 6;
    this.base = o.backoffBaseMs ?? 500;
    this.max = o.backoffMaxMs ?? 60_000;
    this.random = o.random ?? Math.random;
    this.clock = o.clock ?? (() => Date.now());
  }

  /** Exponential backoff with full jitter. */
  backoff(attempt: number): number {
    const cap = Math.min(this.max, this.base * 2 ** Math.max(0, attempt - 1));
    return Math.round(cap / 2 + (this.random() * cap) / 2);
  }

  /**
   * Works the run until every row has an outcome (or `deadline` passes, leaving the rest for later).
   *
   * One pipeline, not rounds: the senders take rows that are due from what
   * this process knows of the run; a row that must wait (a 429's Retry-After,
   * a 5xx's backoff, another process's lease) goes back with the time it is
   * due, so retries overlap with first sends and the tail is not a round of
   * its own. The run is read again from storage only when nothing known is
   * left to send or wait for.
   */
  async run(runId: string, resolve: Resolve, options: { deadline?: number; signal?: AbortSignal } = {}): Promise<FanOutSummary> {
    const started = this.clock();
    const summary: FanOutSummary = {
      runId,
      total: 0,
      sent: 0,
      failed: 0,
      blocked: 0,
      notInstalled: 0,
      throttled: 0,
      retried: 0,
      leaseLost: 0,
      ms: 0,
    };
    let lastProgress = started;
    const commits = new Commits(this.o.outbox);
    /** Rows this process knows to be open, with the instant each is due. */
    const known = new Map<string, { row: OutboxRow; due: number }>();
    /** The keys of those that wait for a time (a retry, a lease): served before fresh rows once due. */
    const waiting = new Set<string>();
    let inFlight = 0;
    let reading: Promise<number> | undefined;
    // One failure that is not the recipient's (storage gone) stops every
    // sender of this run before its next send: a send whose outcome cannot
    // be recorded would only be repeated by the next run.
    const stop = { failed: false, error: undefined as unknown };
    let wake: (() => void) | undefined;
    const woken = () => {
      const w = wake;
      wake = undefined;
      w?.();
    };
    /** Reads the run's open rows into `known`; answers how many are open. */
    const read = async (): Promise<number> => {
      const rows: OutboxRow[] = [];
      for await (const row of this.o.outbox.open(runId)) rows.push(row);
      // Each process takes the rows in its own order, so several processes mostly claim different rows.
      for (let i = rows.length - 1; i > 0; i--) {
        const j = Math.floor(this.random() * (i + 1));
        [rows[i], rows[j]] = [rows[j]!, rows[i]!];
      }
      for (const row of rows) {
        if (known.has(row.recipient)) continue;
        const due = row.status === 'sending' ? Date.parse(row.leaseUntil) : row.notBefore ? Date.parse(row.notBefore) : 0;
        known.set(row.recipient, { row, due: Number.isFinite(due) ? due : 0 });
        if (due > 0) waiting.add(row.recipient);
      }
      return rows.length;
    };
    const ended = () => options.signal?.aborted || (options.deadline !== undefined && this.clock() > options.deadline) || stop.failed;
    /** The next row that is due, taken out of `known`; or how long until one is. */
    const take = (): OutboxRow | number => {
      const now = this.clock();
      let earliest = Infinity;
      for (const key of waiting) {
        const entry = known.get(key)!;
        if (entry.due <= now) {
          known.delete(key);
          waiting.delete(key);
          return entry.row;
        }
        earliest = Math.min(earliest, entry.due);
      }
      for (const [key, entry] of known) {
        if (waiting.has(key)) continue;
        known.delete(key);
        return entry.row;
      }
      return earliest - now;
    };
    let finished = false;
    let lastRead = this.clock();
    const worker = async () => {
      for (;;) {
        if (ended() || finished) return;
        const next = take();
        if (typeof next === 'number') {
          if (inFlight === 0 && (known.size === 0 || this.clock() - lastRead >= 1000)) {
            // Nothing is being sent and nothing known is due: what does storage say
            // (rows another process left or finished, or none left at all)?
            reading ??= (async () => {
              known.clear();
              waiting.clear();
              lastRead = this.clock();
              return read();
            })().finally(() => (reading = undefined));
            let open: number;
            try {
              open = await reading;
            } catch (err) {
              stop.failed = true;
              stop.error ??= err;
              woken();
              return;
            }
            if (open === 0 && known.size === 0 && inFlight === 0) {
              finished = true;
              woken();
              return;
            }
            continue;
          }
          // Wait for a row to come due, or for a sender to hand one back.
          await new Promise<void>((r) => {
            const timer = setTimeout(r, Math.min(250, Math.max(5, next)));
            const previous = wake;
            wake = () => {
              clearTimeout(timer);
              previous?.();
              r();
            };
          });
          continue;
        }
        inFlight += 1;
        try {
          const again = await this.one(next, resolve, summary, stop, commits);
          if (again) {
            known.set(again.row.recipient, again);
            waiting.add(again.row.recipient);
          }
        } catch (err) {
          stop.failed = true;
          stop.error ??= err;
          return;
        } finally {
          inFlight -= 1;
          woken();
        }
        if (this.clock() - lastProgress >= (this.o.progressEveryMs ?? 5000)) {
          lastProgress = this.clock();
          this.o.logger.info(
            {
              fanout: {
                runId,
                sent: summary.sent,
                open: known.size + inFlight,
                throttled: summary.throttled,
                retried: summary.retried,
                failed: summary.failed + summary.blocked + summary.notInstalled,
              },
            },
            'fan-out progress',
          );
        }
      }
    };
    const open = await read();
    if (open > 0) await Promise.all(Array.from({ length: Math.min(this.concurrency, open) }, worker));
    if (stop.error) throw stop.error;
    const counts = await this.o.outbox.counts(runId);
    summary.total = Object.values(counts).reduce((a, b) => a + b, 0);
    summary.ms = this.clock() - started;
    summary.storage = { ...commits.stats };
    const l = this.o.limiter;
    if (l.stats)
      summary.pacing = {
        rate: l.rate,
        cuts: l.stats.cuts,
        lowestRate: l.stats.lowestRate,
        lostSlots: Math.round(l.stats.lostSlots),
        drySlots: Math.round(l.stats.drySlots),
        waits: l.stats.waits,
        refusedCount: l.stats.refusedCount,
      };
    this.o.logger.info({ fanout: { ...summary, done: counts } }, 'fan-out finished');
    return summary;
  }

  /** Sends one row; answers the row again with when it is due if it is to be tried again. */
  private async one(
    row: OutboxRow,
    resolve: Resolve,
    summary: FanOutSummary,
    stop: { failed: boolean },
    commits: Commits,
  ): Promise<Retry | undefined> {
    let claimed: OutboxRow;
    try {
      claimed = await commits.update(row, {
        status: 'sending',
        leaseOwner: this.owner,
        leaseUntil: new Date(this.clock() + this.leaseMs).toISOString(),
        attempts: row.attempts + 1,
      });
    } catch (err) {
      if (isConflict(err)) return undefined; // another sender has it
      throw err;
    }
    const finish = async (patch: Partial<OutboxRow>): Promise<OutboxRow | undefined> => {
      try {
        return await commits.update(claimed, { leaseOwner: '', leaseUntil: '', ...patch });
      } catch (err) {
        if (!isConflict(err)) throw err;
        summary.leaseLost += 1;
        return undefined;
      }
    };
    let delivery: Delivery | undefined;
    try {
      delivery = await resolve(claimed);
    } catch (err) {
      return this.retryOrFail(claimed, err, summary, finish);
    }
    if (!delivery) {
      summary.notInstalled += 1;
      await finish({ status: 'notInstalled', lastError: 'NoConversation' });
      return undefined;
    }
    const slot = await this.o.limiter.acquire(delivery.conversationId);
    if (stop.failed) throw Object.assign(new Error('fan-out run stopped'), { code: 'FanOutStopped' });
    let activityId: string | undefined;
    try {
      activityId = await delivery.send(`${claimed.runId}/${claimed.recipient}`);
    } catch (err) {
      const status = statusOf(err);
      if (status === 429) this.o.limiter.throttled(delivery.conversationId, retryAfterMs(err) ?? 1000, slot);
      else if (status === undefined || status >= 500 || status === 408) this.o.limiter.failed(slot);
      telemetry.fanoutSend(status === 429 ? 'throttled' : 'failed');
      return this.retryOrFail(claimed, err, summary, finish);
    }
    this.o.limiter.succeeded(slot);
    telemetry.fanoutSend('sent');
    summary.sent += 1;
    await finish({ status: 'sent', activityId: activityId ?? '', lastError: '' });
    return undefined;
  }

  private async retryOrFail(
    row: OutboxRow,
    err: unknown,
    summary: FanOutSummary,
    finish: (patch: Partial<OutboxRow>) => Promise<OutboxRow | undefined>,
  ): Promise<Retry | undefined> {
    const status = statusOf(err);
    const now = this.clock();
    if (status === 429) {
      // Only this row (and its conversation, in the limiter) waits for Retry-After; the others go on.
      const wait = retryAfterMs(err) ?? 1000;
      summary.throttled += 1;
      // Throttling is not the recipient's fault: the attempt does not count.
      const again = await finish({
        status: 'pending',
        attempts: row.attempts - 1,
        notBefore: new Date(now + wait).toISOString(),
        lastError: '429',
      });
      return again && { row: again, due: now + wait };
    }
    if (status === 403) {
      summary.blocked += 1;
      await finish({ status: 'blocked', lastError: '403' });
      return undefined;
    }
    if (status === 404) {
      summary.notInstalled += 1;
      await finish({ status: 'notInstalled', lastError: '404' });
      return undefined;
    }
    const transient = status === undefined || status >= 500 || status === 408;
    if (transient && row.attempts < this.maxAttempts) {
      summary.retried += 1;
      const due = now + this.backoff(row.attempts);
      const again = await finish({
        status: 'pending',
        notBefore: new Date(due).toISOString(),
        lastError: String(status ?? (err as { code?: string })?.code ?? 'Network'),
      });
      return again && { row: again, due };
    }
    summary.failed += 1;
    await finish({ status: 'failed', lastError: String(status ?? 'Network') });
    return undefined;
  }
}
