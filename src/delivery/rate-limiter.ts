/**
 * Paces proactive sending under a rate it learns. Teams publishes its limits
 * (50 messages a second for an app, 7 per conversation) but not how it counts
 * them, so the app's rate starts just under the configured ceiling and adapts:
 *
 * - sends go out evenly spaced, never in bursts that jitter could push over a
 *   strict one-second window; refusals that come at random (a lone 429, a 5xx)
 *   did not count against the limit, so attempts go out that much faster, but
 *   never more accepted sends in a second than the rate;
 * - a 429 pauses only its conversation, for its Retry-After;
 * - 429s that come in a cluster (3 of the last 5 answers) or often (9 of the
 *   last 50) mean the app is over the real limit: the rate is cut by a tenth,
 *   at most once a second. A lone 429 (Teams also throttles for reasons of
 *   its own, at random) is a fault of the moment and changes nothing;
 * - a rising share of 5xx and network errors (a third of the last 20) cuts it
 *   by a fifth;
 * - every second without a cut gives back 2 % of the ceiling, up to 97 % of it.
 *
 * Each conversation keeps a strict one-second window of `conversationPerSecond`.
 */
export interface RateLimiterOptions {
  /** The ceiling: the most the app may send a second (Teams allows 50). */
  appPerSecond: number;
  conversationPerSecond: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/** The learning's settings, as fractions of the ceiling or factors of the rate. */
const AIMD = { start: 0.96, top: 0.97, floor: 0.1, cutThrottled: 0.9, cutFailing: 0.8, recoverPerSecond: 0.02, cooldownMs: 1000 } as const;

type Outcome = 'ok' | 'throttled' | 'failed';

export class RateLimiter {
  private readonly conversations = new Map<string, { sent: number[]; pausedUntil: number }>();
  private rateNow: number;
  private lastApp = -Infinity;
  private lastCut = -Infinity;
  private lastRecovery: number;
  private readonly outcomes: Outcome[] = [];
  /** When the app's sends went, and when refusals (429, 5xx) came back, over the last second. */
  private readonly attempts: number[] = [];
  private readonly refusals: number[] = [];
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private chain: Promise<void> = Promise.resolve();
  /** How often senders waited and for how long in all (ms); how often the rate was cut; 429s seen. */
  readonly stats = { waits: 0, waitedMs: 0, cuts: 0, throttled: 0, lowestRate: 0 };

  constructor(private readonly options: RateLimiterOptions) {
    this.now = options.now ?? (() => Date.now());
    this.sleep = options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    this.rateNow = options.appPerSecond * AIMD.start;
    this.stats.lowestRate = this.rateNow;
    this.lastRecovery = this.now();
  }

  /** The app's current rate, messages a second. */
  get rate(): number {
    return this.rateNow;
  }

  /** Resolves when one more message may go to the conversation; callers are served in order. */
  acquire(conversationId: string): Promise<void> {
    const turn = this.chain.then(() => this.wait(conversationId));
    this.chain = turn.catch(() => undefined);
    return turn;
  }

  /** The send was delivered. */
  succeeded(): void {
    this.record('ok');
  }

  /**
   * Teams answered 429: the send did not count against the conversation's
   * limit, so its slot there is given back, and the conversation waits
   * `retryAfterMs`; the app's pacing slot stays spent (sending at once again
   * would meet the same full window). A cluster of 429s cuts the app's rate.
   */
  throttled(conversationId: string, retryAfterMs: number): void {
    this.stats.throttled += 1;
    this.refusals.push(this.now());
    const conv = this.conversation(conversationId);
    conv.sent.pop();
    conv.pausedUntil = Math.max(conv.pausedUntil, this.now() + retryAfterMs);
    this.record('throttled');
  }

  /** The send failed with a 5xx or on the network. */
  failed(): void {
    this.refusals.push(this.now());
    this.record('failed');
  }

  private record(outcome: Outcome): void {
    this.outcomes.push(outcome);
    if (this.outcomes.length > 50) this.outcomes.shift();
    const now = this.now();
    if (now - this.lastCut < AIMD.cooldownMs) return;
    const count = (kind: Outcome, of: Outcome[]) => of.filter((o) => o === kind).length;
    const clustered = count('throttled', this.outcomes.slice(-5)) >= 3;
    // Over the limit by a little, 429s come one at a time but more often than faults do.
    const often = this.outcomes.length >= 50 && count('throttled', this.outcomes) >= 9;
    const last20 = this.outcomes.slice(-20);
    if (clustered || often) this.cut(AIMD.cutThrottled, now);
    else if (last20.length >= 20 && count('failed', last20) * 3 >= last20.length) this.cut(AIMD.cutFailing, now);
  }

  private cut(factor: number, now: number): void {
    this.rateNow = Math.max(this.options.appPerSecond * AIMD.floor, this.rateNow * factor);
    this.stats.lowestRate = Math.min(this.stats.lowestRate, this.rateNow);
    this.stats.cuts += 1;
    this.lastCut = now;
    this.lastRecovery = now;
    this.outcomes.length = 0;
  }

  private recover(now: number): void {
    const top = this.options.appPerSecond * AIMD.top;
    if (now - this.lastCut < AIMD.cooldownMs || this.rateNow >= top) {
      this.lastRecovery = now;
      return;
    }
    const seconds = (now - this.lastRecovery) / 1000;
    this.rateNow = Math.min(top, this.rateNow + seconds * AIMD.recoverPerSecond * this.options.appPerSecond);
    this.lastRecovery = now;
  }

  private conversation(id: string): { sent: number[]; pausedUntil: number } {
    let conv = this.conversations.get(id);
    if (!conv) {
      conv = { sent: [], pausedUntil: 0 };
      this.conversations.set(id, conv);
    }
    return conv;
  }

  private async wait(conversationId: string): Promise<void> {
    for (;;) {
      const now = this.now();
      this.recover(now);
      const conv = this.conversation(conversationId);
      while (conv.sent.length && conv.sent[0]! <= now - 1000) conv.sent.shift();
      const spacing = 1000 / this.attemptRate();
      // Never more accepted sends in a second than the rate: attempts less refusals, over the last second.
      trim(this.attempts, now);
      trim(this.refusals, now);
      const full = this.attempts.length - this.refusals.length >= Math.floor(this.rateNow);
      const appWait = Math.max(this.lastApp + spacing - now, full ? this.attempts[0]! + 1000 - now : 0);
      const convWait = Math.max(
        conv.pausedUntil - now,
        conv.sent.length >= this.options.conversationPerSecond ? conv.sent[0]! + 1000 - now : 0,
      );
      const wait = Math.max(appWait, convWait);
      if (wait > 0) {
        await this.pause(wait);
        continue;
      }
      // Slots on an even grid: a timer that fires late lets the next send catch up by one slot at most.
      this.lastApp = this.lastApp === -Infinity ? now : Math.max(this.lastApp + spacing, now - spacing);
      conv.sent.push(now);
      this.attempts.push(now);
      if (this.conversations.size > 20_000)
        for (const [k, v] of this.conversations)
          if (v.pausedUntil <= now && (!v.sent.length || v.sent[v.sent.length - 1]! <= now - 1000)) this.conversations.delete(k);
      return;
    }
  }

  /**
   * Sends that Teams refused at random (a lone 429, a 5xx) did not count
   * against its limit: attempts go out that much faster, so the accepted
   * sends keep the rate. A fifth at most, and not within 5 s of a cut.
   */
  private attemptRate(): number {
    // Not while the rate is being found: refusals then may be the limit's own.
    if (this.now() - this.lastCut < 5000) return this.rateNow;
    const faults = this.outcomes.filter((o) => o !== 'ok').length;
    const share = this.outcomes.length >= 20 ? Math.min(0.2, faults / this.outcomes.length) : 0;
    return this.rateNow / (1 - share);
  }

  private async pause(ms: number): Promise<void> {
    this.stats.waits += 1;
    this.stats.waitedMs += ms;
    await this.sleep(ms);
  }
}

function trim(times: number[], now: number): void {
  while (times.length && times[0]! <= now - 1000) times.shift();
}
