import type { JobRow, JobStore } from '../storage/jobs';
import { isConflict } from '../storage/tables';

/**
 * Keeps a claimed job's lease alive while its handler runs, so a slow send
 * is not taken over by another process; aborts the handler's signal when
 * the lease is lost. Renewals are chained, so the final update always uses
 * the latest ETag.
 */
export class Lease {
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
