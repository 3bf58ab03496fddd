/**
 * Keeps proactive sending inside Teams' limits: at most `appPerSecond`
 * messages a second for the app and `conversationPerSecond` per
 * conversation, each a sliding one-second window; a 429's Retry-After pauses
 * every sender of this process until it has passed.
 */
export interface RateLimiterOptions {
  appPerSecond: number;
  conversationPerSecond: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export class RateLimiter {
  private readonly app: number[] = [];
  private readonly conversations = new Map<string, number[]>();
  private pausedUntil = 0;
  /** Sends are paced evenly (one every 1000/appPerSecond ms), never in bursts that jitter in the network could push over the limit. */
  private lastApp = -Infinity;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private chain: Promise<void> = Promise.resolve();
  /** How often senders waited for the limiter, and for how long in all (ms). */
  readonly stats = { waits: 0, waitedMs: 0, pauses: 0 };

  constructor(private readonly options: RateLimiterOptions) {
    this.now = options.now ?? (() => Date.now());
    this.sleep = options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
  }

  /**
   * A send Teams refused with 429 did not count against its limits: its slot
   * is given back, so throttling costs the time Retry-After asks for and no more.
   */
  refund(conversationId: string): void {
    this.app.pop();
    this.lastApp = -Infinity;
    this.conversations.get(conversationId)?.pop();
  }

  /** Every sender waits until this instant (ms), e.g. after a 429 with Retry-After. */
  pauseUntil(at: number): void {
    if (at > this.pausedUntil) {
      this.pausedUntil = at;
      this.stats.pauses += 1;
    }
  }

  get pausedFor(): number {
    return Math.max(0, this.pausedUntil - this.now());
  }

  private static trim(window: number[], now: number): void {
    while (window.length && window[0]! <= now - 1000) window.shift();
  }

  /** Resolves when one more message may go to the conversation; callers are served in order. */
  acquire(conversationId: string): Promise<void> {
    const turn = this.chain.then(() => this.wait(conversationId));
    this.chain = turn.catch(() => undefined);
    return turn;
  }

  private async wait(conversationId: string): Promise<void> {
    for (;;) {
      const now = this.now();
      if (this.pausedUntil > now) {
        await this.pause(this.pausedUntil - now);
        continue;
      }
      RateLimiter.trim(this.app, now);
      let conv = this.conversations.get(conversationId);
      if (!conv) {
        conv = [];
        this.conversations.set(conversationId, conv);
      }
      RateLimiter.trim(conv, now);
      const spacing = 1000 / this.options.appPerSecond;
      const appWait = Math.max(this.app.length >= this.options.appPerSecond ? this.app[0]! + 1000 - now : 0, this.lastApp + spacing - now);
      const convWait = conv.length >= this.options.conversationPerSecond ? conv[0]! + 1000 - now : 0;
      const wait = Math.max(appWait, convWait);
      if (wait > 0) {
        await this.pause(wait);
        continue;
      }
      this.app.push(now);
      // Slots on an even grid: a timer that fires late lets the next send catch up (by one slot at most).
      this.lastApp = Math.max(this.lastApp + spacing, now - spacing);
      conv.push(now);
      if (this.conversations.size > 20_000)
        for (const [k, v] of this.conversations) if (!v.length || v[v.length - 1]! <= now - 1000) this.conversations.delete(k);
      return;
    }
  }

  private async pause(ms: number): Promise<void> {
    this.stats.waits += 1;
    this.stats.waitedMs += ms;
    await this.sleep(ms);
  }
}
