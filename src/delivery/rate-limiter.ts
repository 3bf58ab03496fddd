/**
 * Keeps proactive sending inside Teams' limits (SPEC section 8): at most
 * `appPerSecond` messages a second for the app and `conversationPerSecond`
 * per conversation, each a sliding one-second window; a 429's Retry-After
 * pauses every sender of this process until it has passed.
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
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private chain: Promise<void> = Promise.resolve();
  /** How often senders waited for the limiter, and for how long in all (ms). */
  readonly stats = { waits: 0, waitedMs: 0, pauses: 0 };

  constructor(private readonly options: RateLimiterOptions) {
    this.now = options.now ?? (() => Date.now());
    this.sleep = options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
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
      const appWait = this.app.length >= this.options.appPerSecond ? this.app[0]! + 1000 - now : 0;
      const convWait = conv.length >= this.options.conversationPerSecond ? conv[0]! + 1000 - now : 0;
      const wait = Math.max(appWait, convWait);
      if (wait > 0) {
        await this.pause(wait);
        continue;
      }
      this.app.push(now);
      conv.push(now);
      if (this.conversations.size > 20_000) for (const [k, v] of this.conversations) if (!v.length || v[v.length - 1]! <= now - 1000) this.conversations.delete(k);
      return;
    }
  }

  private async pause(ms: number): Promise<void> {
    this.stats.waits += 1;
    this.stats.waitedMs += ms;
    await this.sleep(ms);
  }
}
