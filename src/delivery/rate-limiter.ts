/**
 * Paces proactive sending under a rate it learns. Teams publishes its limits
 * (50 messages a second for an app, 7 per conversation) but not how it counts
 * them, so the app's rate starts just under the configured ceiling (99 %) and
 * adapts:
 *
 * - sends go out on an even grid, never more accepted sends in any second
 *   than the rate; a sender that comes late (a timer that fired late, a busy
 *   process) lets the next two catch up, no more, and not past that budget;
 * - a send Teams refused (a 429, a 5xx) did not count against its limit: its
 *   slot is given back, so faults at random do not lower the accepted rate
 *   (not within 5 s of a cut, when refusals may be the limit's own). Whether
 *   the limit really leaves refused requests out is learnt too: when sends
 *   made on such a given-back slot are throttled far more often than the
 *   others (a limit that counts every request), slots are no longer given
 *   back and the app's requests, refused ones included, keep to the rate;
 * - a 429 pauses only its conversation, for its Retry-After;
 * - 429s that come in a cluster (4 of the last 6 answers) or often (9 of the
 *   last 50) mean the app is over the real limit: the rate is cut by a tenth,
 *   once for the cluster (at most once a second). A lone 429 (Teams also
 *   throttles for reasons of its own, at random) changes nothing;
 * - a rising share of 5xx and network errors (a third of the last 20) cuts it
 *   by a fifth;
 * - every second without a cut gives back 3 % of the ceiling, up to 99 % of
 *   it; within 3 % of the rate the last cut was made from, 0.5 %.
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
const AIMD = {
  start: 0.99,
  top: 0.99,
  floor: 0.1,
  cutThrottled: 0.9,
  cutFailing: 0.8,
  recoverPerSecond: 0.03,
  recoverNearCutPerSecond: 0.005,
  nearCut: 0.97,
  cooldownMs: 1000,
  catchUp: 2,
} as const;

type Outcome = 'ok' | 'throttled' | 'failed';

/** How long slots are not given back once the limit was seen to count refused requests. */
const CREDIT_RETRY_MS = 10 * 60_000;

/** A granted send. Hand it back with its outcome: the limiter learns from it whether refused requests count against the limit. */
export interface Slot {
  /** Sent on a slot a refused send gave back: beyond the rate if the limit counts every request. */
  readonly onCredit: boolean;
}

/** Sends on given-back slots, and the others: how many, and how many of them Teams throttled (the last few hundred). */
interface Evidence {
  sends: number;
  throttled: number;
}

export class RateLimiter {
  private readonly conversations = new Map<string, { sent: number[]; pausedUntil: number }>();
  private rateNow: number;
  private lastApp = -Infinity;
  private lastCut = -Infinity;
  /** The rate the last cut was made from: where the limit was met. */
  private cutFrom = Infinity;
  private lastRecovery: number;
  private readonly outcomes: Outcome[] = [];
  /** When the app's sends went, and when refusals (429, 5xx) came back, over the last second. */
  private readonly attempts: number[] = [];
  private readonly refusals: number[] = [];
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private chain: Promise<void> = Promise.resolve();
  /** Senders waiting for a slot, the one being served included. */
  private queued = 0;
  /** Whether a refused send's slot is given back (until the limit is seen to count refused requests too). */
  private credit = true;
  /** When the give-back was switched off: it is tried again 10 minutes later, in case the evidence was chance. */
  private creditOffAt = 0;
  private readonly evidence: { credit: Evidence; plain: Evidence } = {
    credit: { sends: 0, throttled: 0 },
    plain: { sends: 0, throttled: 0 },
  };
  /** How often senders waited and for how long in all (ms); how often the rate was cut; 429s seen. */
  readonly stats = {
    waits: 0,
    waitedMs: 0,
    cuts: 0,
    throttled: 0,
    lowestRate: 0,
    lostSlots: 0,
    drySlots: 0,
    /** The limit was seen to count refused requests: slots are no longer given back. */
    refusedCount: false,
  };

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
  acquire(conversationId: string): Promise<Slot> {
    this.queued += 1;
    const turn = this.chain.then(() => this.wait(conversationId)).finally(() => (this.queued -= 1));
    this.chain = turn.then(
      () => undefined,
      () => undefined,
    );
    return turn;
  }

  /** The send was delivered. */
  succeeded(slot?: Slot): void {
    this.learn(slot, false);
    this.record('ok');
  }

  /**
   * Teams answered 429: the send did not count against the conversation's
   * limit, so its slot there is given back, and the conversation waits
   * `retryAfterMs`; the app's pacing slot stays spent (sending at once again
   * would meet the same full window). A cluster of 429s cuts the app's rate.
   */
  throttled(conversationId: string, retryAfterMs: number, slot?: Slot): void {
    this.stats.throttled += 1;
    this.learn(slot, true);
    if (this.credit) this.refusals.push(this.now());
    this.giveBack();
    const conv = this.conversation(conversationId);
    if (this.credit) conv.sent.pop();
    conv.pausedUntil = Math.max(conv.pausedUntil, this.now() + retryAfterMs);
    this.record('throttled');
  }

  /** The send failed with a 5xx or on the network. */
  failed(slot?: Slot): void {
    this.learn(slot, false);
    if (this.credit) this.refusals.push(this.now());
    this.giveBack();
    this.record('failed');
  }

  /**
   * Sends on given-back slots throttled at least 30 % of the time, and four
   * times as often as the others (12 such sends at least): the limit counts
   * refused requests too, and the give-back only overruns it. Tried again
   * after 10 minutes with the evidence cleared (a run of chance 429s must not
   * cost a long-lived process its give-back for good; a limit that does count
   * them costs a few 429s per 10 minutes of sending to learn again).
   */
  private learn(slot: Slot | undefined, throttled: boolean): void {
    if (!slot || !this.credit) return;
    const e = slot.onCredit ? this.evidence.credit : this.evidence.plain;
    e.sends += 1;
    if (throttled) e.throttled += 1;
    if (e.sends > 400) {
      e.sends /= 2;
      e.throttled /= 2;
    }
    const { credit, plain } = this.evidence;
    if (credit.sends < 12) return;
    const share = credit.throttled / credit.sends;
    const usual = plain.sends ? plain.throttled / plain.sends : 0;
    if (share >= 0.3 && share >= 4 * usual) {
      this.credit = false;
      this.creditOffAt = this.now();
      this.stats.refusedCount = true;
      this.refusals.length = 0;
    }
  }

  private retryCredit(now: number): void {
    if (this.credit || now - this.creditOffAt < CREDIT_RETRY_MS) return;
    this.credit = true;
    this.stats.refusedCount = false;
    this.evidence.credit = { sends: 0, throttled: 0 };
    this.evidence.plain = { sends: 0, throttled: 0 };
  }

  private record(outcome: Outcome): void {
    this.outcomes.push(outcome);
    if (this.outcomes.length > 50) this.outcomes.shift();
    const now = this.now();
    if (now - this.lastCut < AIMD.cooldownMs) return;
    const count = (kind: Outcome, of: Outcome[]) => of.filter((o) => o === kind).length;
    const clustered = count('throttled', this.outcomes.slice(-6)) >= 4;
    // Over the limit by a little, 429s come one at a time but more often than faults do.
    const often = this.outcomes.length >= 50 && count('throttled', this.outcomes) >= 9;
    const last20 = this.outcomes.slice(-20);
    if (clustered || often) this.cut(AIMD.cutThrottled, now);
    else if (last20.length >= 20 && count('failed', last20) * 3 >= last20.length) this.cut(AIMD.cutFailing, now);
  }

  private cut(factor: number, now: number): void {
    this.cutFrom = this.rateNow;
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
    // Quick back to just under where the limit was met, slow past it.
    const step = this.rateNow < this.cutFrom * AIMD.nearCut ? AIMD.recoverPerSecond : AIMD.recoverNearCutPerSecond;
    this.rateNow = Math.min(top, this.rateNow + seconds * step * this.options.appPerSecond);
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

  private async wait(conversationId: string): Promise<Slot> {
    let heldBySecond = false;
    for (;;) {
      const now = this.now();
      this.recover(now);
      this.retryCredit(now);
      const conv = this.conversation(conversationId);
      while (conv.sent.length && conv.sent[0]! <= now - 1000) conv.sent.shift();
      const spacing = 1000 / this.rateNow;
      // Never more accepted sends in a second than the rate: attempts less refusals, over the last second.
      trim(this.attempts, now);
      trim(this.refusals, now);
      const full = this.attempts.length - this.refusals.length >= Math.floor(this.rateNow);
      // Beyond the rate in requests, within it in accepted ones: on a refused send's credit.
      const onCredit = this.attempts.length >= Math.floor(this.rateNow);
      const secondWait = full ? this.attempts[0]! + 1000 - now : 0;
      const appWait = Math.max(this.lastApp + spacing - now, secondWait);
      const convWait = Math.max(
        conv.pausedUntil - now,
        conv.sent.length >= this.options.conversationPerSecond ? conv.sent[0]! + 1000 - now : 0,
      );
      const wait = Math.max(appWait, convWait);
      if (wait > 0) {
        heldBySecond ||= secondWait > 0 && secondWait >= this.lastApp + spacing - now;
        await this.pause(wait);
        continue;
      }
      // Slots on an even grid: a sender that comes late (a timer that fired late, a busy
      // process) lets the next few catch up, within the second's budget checked above.
      if (this.lastApp !== -Infinity && now - (this.lastApp + spacing) > AIMD.catchUp * spacing)
        this.stats[this.queued > 1 ? 'lostSlots' : 'drySlots'] += (now - this.lastApp) / spacing - 1 - AIMD.catchUp;
      // A send the second's budget held back has nothing to catch up: the budget was spent.
      this.lastApp = this.lastApp === -Infinity || heldBySecond ? now : Math.max(this.lastApp + spacing, now - AIMD.catchUp * spacing);
      conv.sent.push(now);
      this.attempts.push(now);
      if (this.conversations.size > 20_000)
        for (const [k, v] of this.conversations)
          if (v.pausedUntil <= now && (!v.sent.length || v.sent[v.sent.length - 1]! <= now - 1000)) this.conversations.delete(k);
      return { onCredit };
    }
  }

  /**
   * A send that Teams refused did not count against its limit: its slot on
   * the grid is given back, so the accepted sends keep the rate however many
   * faults come at random. Not within 5 s of a cut: refusals then may be the
   * limit's own.
   */
  private giveBack(): void {
    if (!this.credit || this.now() - this.lastCut < 5000 || this.lastApp === -Infinity) return;
    this.lastApp -= 1000 / this.rateNow;
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
