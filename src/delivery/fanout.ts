import { randomUUID } from 'node:crypto';
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

  /** Works the run until every row has an outcome (or `deadline` passes, leaving the rest for later). */
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
    for (;;) {
      if (options.signal?.aborted) break;
      if (options.deadline && this.clock() > options.deadline) break;
      const now = this.clock();
      const ready: OutboxRow[] = [];
      let earliest = Infinity;
      let open = 0;
      for await (const row of this.o.outbox.open(runId)) {
        open += 1;
        const waitUntil = row.status === 'sending' ? Date.parse(row.leaseUntil) : row.notBefore ? Date.parse(row.notBefore) : 0;
        if (waitUntil <= now) ready.push(row);
        else earliest = Math.min(earliest, waitUntil);
      }
      if (open === 0) break;
      if (ready.length === 0) {
        await new Promise((r) => setTimeout(r, Math.min(1000, Math.max(20, earliest - now))));
        continue;
      }
      // Each process takes the rows in its own order, so several processes mostly claim different rows.
      for (let i = ready.length - 1; i > 0; i--) {
        const j = Math.floor(this.random() * (i + 1));
        [ready[i], ready[j]] = [ready[j]!, ready[i]!];
      }
      let next = 0;
      // One failure that is not the recipient's (storage gone) stops every
      // sender of this run before its next send: a send whose outcome cannot
      // be recorded would only be repeated by the next run.
      const stop = { failed: false };
      const worker = async () => {
        while (next < ready.length) {
          if (options.signal?.aborted || stop.failed) return;
          const row = ready[next++]!;
          try {
            await this.one(row, resolve, summary, stop);
          } catch (err) {
            stop.failed = true;
            throw err;
          }
          if (this.clock() - lastProgress >= (this.o.progressEveryMs ?? 5000)) {
            lastProgress = this.clock();
            this.o.logger.info(
              {
                fanout: {
                  runId,
                  sent: summary.sent,
                  open: ready.length - next,
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
      await Promise.all(Array.from({ length: Math.min(this.concurrency, ready.length) }, worker));
    }
    const counts = await this.o.outbox.counts(runId);
    summary.total = Object.values(counts).reduce((a, b) => a + b, 0);
    summary.ms = this.clock() - started;
    this.o.logger.info({ fanout: { ...summary, done: counts } }, 'fan-out finished');
    return summary;
  }

  private async one(
    row: OutboxRow,
    resolve: Resolve,
    summary: FanOutSummary,
    stop: { failed: boolean } = { failed: false },
  ): Promise<void> {
    let claimed: OutboxRow;
    try {
      claimed = await this.o.outbox.update(row, {
        status: 'sending',
        leaseOwner: this.owner,
        leaseUntil: new Date(this.clock() + this.leaseMs).toISOString(),
        attempts: row.attempts + 1,
      });
    } catch (err) {
      if (isConflict(err)) return; // another sender has it
      throw err;
    }
    const finish = async (patch: Partial<OutboxRow>) => {
      try {
        await this.o.outbox.update(claimed, { leaseOwner: '', leaseUntil: '', ...patch });
      } catch (err) {
        if (!isConflict(err)) throw err;
        summary.leaseLost += 1;
      }
    };
    let delivery: Delivery | undefined;
    try {
      delivery = await resolve(claimed);
    } catch (err) {
      await this.retryOrFail(claimed, err, summary, finish);
      return;
    }
    if (!delivery) {
      summary.notInstalled += 1;
      await finish({ status: 'notInstalled', lastError: 'NoConversation' });
      return;
    }
    await this.o.limiter.acquire(delivery.conversationId);
    if (stop.failed) throw Object.assign(new Error('fan-out run stopped'), { code: 'FanOutStopped' });
    let activityId: string | undefined;
    try {
      activityId = await delivery.send(`${claimed.runId}/${claimed.recipient}`);
    } catch (err) {
      const status = statusOf(err);
      if (status === 429) this.o.limiter.throttled(delivery.conversationId, retryAfterMs(err) ?? 1000);
      else if (status === undefined || status >= 500 || status === 408) this.o.limiter.failed();
      await this.retryOrFail(claimed, err, summary, finish);
      return;
    }
    this.o.limiter.succeeded();
    summary.sent += 1;
    await finish({ status: 'sent', activityId: activityId ?? '', lastError: '' });
  }

  private async retryOrFail(
    row: OutboxRow,
    err: unknown,
    summary: FanOutSummary,
    finish: (patch: Partial<OutboxRow>) => Promise<void>,
  ): Promise<void> {
    const status = statusOf(err);
    const now = this.clock();
    if (status === 429) {
      // Only this row (and its conversation, in the limiter) waits for Retry-After; the others go on.
      const wait = retryAfterMs(err) ?? 1000;
      summary.throttled += 1;
      // Throttling is not the recipient's fault: the attempt does not count.
      await finish({ status: 'pending', attempts: row.attempts - 1, notBefore: new Date(now + wait).toISOString(), lastError: '429' });
      return;
    }
    if (status === 403) {
      summary.blocked += 1;
      await finish({ status: 'blocked', lastError: '403' });
      return;
    }
    if (status === 404) {
      summary.notInstalled += 1;
      await finish({ status: 'notInstalled', lastError: '404' });
      return;
    }
    const transient = status === undefined || status >= 500 || status === 408;
    if (transient && row.attempts < this.maxAttempts) {
      summary.retried += 1;
      await finish({
        status: 'pending',
        notBefore: new Date(now + this.backoff(row.attempts)).toISOString(),
        lastError: String(status ?? (err as { code?: string })?.code ?? 'Network'),
      });
      return;
    }
    summary.failed += 1;
    await finish({ status: 'failed', lastError: String(status ?? 'Network') });
  }
}
