import { describe, expect, it } from 'vitest';
import { FanOut } from '../../../src/delivery/fanout';
import { RateLimiter } from '../../../src/delivery/rate-limiter';
import { plannedReviewReminders, effectiveDocument } from '../../../src/domain/reviews/reviews';
import type { GoverningDocument } from '../../../src/domain/organisation';
import { checked } from '../../support/checked';

/** A fake clock the limiter sleeps on: time moves only when someone waits. */
function fakeTime() {
  let now = 0;
  return {
    now: () => now,
    sleep: async (ms: number) => {
      now += ms;
    },
  };
}

describe('the rate limiter', () => {
  it('paces evenly just under the ceiling: never more than 50 in any second of a 50 ceiling', async () => {
    const clock = fakeTime();
    const limiter = new RateLimiter({ appPerSecond: 50, conversationPerSecond: 7, ...clock });
    const times: number[] = [];
    for (let i = 0; i < 500; i++) {
      await limiter.acquire(`c${i}`);
      limiter.succeeded();
      times.push(clock.now());
    }
    for (let i = 0; i < times.length; i++)
      expect(times.filter((t) => t >= times[i]! && t < times[i]! + 1000).length).toBeLessThanOrEqual(50);
    // 99 % of the ceiling: 500 sends in 10.1 s.
    expect(times.at(-1)! / 1000).toBeGreaterThan(10);
    expect(times.at(-1)! / 1000).toBeLessThan(10.2);
    for (let i = 2; i < times.length; i++) expect(times[i]! - times[i - 2]!).toBeGreaterThanOrEqual(20);
  });

  it('holds one conversation to its own limit', async () => {
    const clock = fakeTime();
    const limiter = new RateLimiter({ appPerSecond: 1000, conversationPerSecond: 7, ...clock });
    const times: number[] = [];
    for (let i = 0; i < 21; i++) {
      await limiter.acquire('one');
      times.push(clock.now());
    }
    expect(times.filter((t) => t < 1000)).toHaveLength(7);
    expect(times.at(-1)!).toBeGreaterThanOrEqual(2000);
  });

  it('a 429 holds back only its conversation for Retry-After; the others go on at the same rate', async () => {
    const clock = fakeTime();
    const limiter = new RateLimiter({ appPerSecond: 10, conversationPerSecond: 7, ...clock });
    await limiter.acquire('a');
    limiter.throttled('a', 3000);
    const before = clock.now();
    await limiter.acquire('b');
    expect(clock.now() - before).toBeLessThan(200);
    expect(limiter.rate).toBeCloseTo(9.9, 1);
    await limiter.acquire('a');
    expect(clock.now()).toBeGreaterThanOrEqual(3000);
  });

  it('lone 429s (5 % at random, faults of the moment) do not slow the app down', async () => {
    const clock = fakeTime();
    const limiter = new RateLimiter({ appPerSecond: 50, conversationPerSecond: 7, ...clock });
    let seed = 3;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const accepted: number[] = [];
    for (let i = 0; i < 2000; i++) {
      await limiter.acquire(`c${i}`);
      if (random() < 0.05) limiter.throttled(`c${i}`, 1000);
      else {
        limiter.succeeded();
        accepted.push(clock.now());
      }
    }
    // The refused sends gave their slots back: the accepted ones keep 99 % of the ceiling…
    expect(accepted.length / (clock.now() / 1000)).toBeGreaterThan(50 * 0.98);
    expect(limiter.rate).toBeGreaterThan(50 * 0.98);
    // …and never more than the ceiling in any second.
    for (let i = 0; i < accepted.length; i++)
      expect(accepted.filter((t) => t >= accepted[i]! && t < accepted[i]! + 1000).length).toBeLessThanOrEqual(50);
    expect(limiter.stats.refusedCount).toBe(false);
  });

  it('a limit that counts refused requests too (a strict window of 50 requests, 5 % 429s and 1 % 5xx at random): slots stop being given back, and the limit is rarely met after', async () => {
    const clock = fakeTime();
    const limiter = new RateLimiter({ appPerSecond: 50, conversationPerSecond: 7, ...clock });
    let seed = 11;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const window: number[] = [];
    const accepted: number[] = [];
    let overLimitLate = 0;
    let lateFrom = 0;
    for (let i = 0; i < 3000; i++) {
      const slot = await limiter.acquire(`c${i}`);
      const now = clock.now();
      if (i === 1000) lateFrom = now;
      while (window.length && window[0]! <= now - 1000) window.shift();
      const full = window.length >= 50;
      window.push(now);
      if (full) {
        if (i >= 1000) overLimitLate += 1;
        limiter.throttled(`c${i}`, 1000, slot);
      } else if (random() < 0.05) limiter.throttled(`c${i}`, 0, slot);
      else if (random() < 0.01) limiter.failed(slot);
      else {
        limiter.succeeded(slot);
        accepted.push(now);
      }
    }
    expect(limiter.stats.refusedCount).toBe(true);
    // After the first thousand: the limit is met by fewer than 1 send in 100…
    expect(overLimitLate / 2000).toBeLessThan(0.01);
    // …and the accepted sends keep near the most this limit allows (94 % of 50 with 6 % refused at random).
    const late = accepted.filter((t) => t >= lateFrom);
    expect(late.length / ((clock.now() - lateFrom) / 1000)).toBeGreaterThan(50 * 0.94 * 0.95);
    // Ten minutes on, the give-back is tried again (the evidence might have been chance).
    await clock.sleep(10 * 60_000);
    await limiter.acquire('later');
    expect(limiter.stats.refusedCount).toBe(false);
  });

  it('a sender that comes late catches up two slots at most, and the second stays within the ceiling', async () => {
    const clock = fakeTime();
    const limiter = new RateLimiter({ appPerSecond: 50, conversationPerSecond: 7, ...clock });
    const times: number[] = [];
    for (let i = 0; i < 100; i++) {
      await limiter.acquire(`c${i}`);
      limiter.succeeded();
      times.push(clock.now());
    }
    await clock.sleep(200); // a busy process: ten slots go by with nobody sending
    const late = clock.now();
    for (let i = 0; i < 60; i++) {
      await limiter.acquire(`d${i}`);
      limiter.succeeded();
      times.push(clock.now());
    }
    expect(times.filter((t) => t < late + 1)).toHaveLength(100 + 3);
    for (let i = 0; i < times.length; i++)
      expect(times.filter((t) => t >= times[i]! && t < times[i]! + 1000).length).toBeLessThanOrEqual(50);
    expect(limiter.stats.drySlots).toBeGreaterThan(6);
  });

  it('429s in a cluster (4 of the last 6) cut the rate by a tenth, once for the cluster; it recovers by 3 % of the ceiling a second', async () => {
    const clock = fakeTime();
    const limiter = new RateLimiter({ appPerSecond: 50, conversationPerSecond: 7, ...clock });
    for (let i = 0; i < 5; i++) {
      await limiter.acquire(`c${i}`);
      limiter.throttled(`c${i}`, 1000);
    }
    expect(limiter.stats.cuts).toBe(1);
    expect(limiter.rate).toBeCloseTo(49.5 * 0.9, 0);
    for (let i = 0; i < 200; i++) {
      await limiter.acquire(`d${i}`);
      limiter.succeeded();
    }
    expect(limiter.rate).toBeGreaterThan(49.5 * 0.9 + 1);
    expect(limiter.rate).toBeLessThanOrEqual(50 * 0.99);
  });

  it('a limit lower than the ceiling is found: a strict window of 30 a second, the rate settles near it and fewer than 1 send in 8 is refused', async () => {
    const clock = fakeTime();
    const limiter = new RateLimiter({ appPerSecond: 50, conversationPerSecond: 7, ...clock });
    const accepted: number[] = [];
    let refused = 0;
    let refusedLate = 0;
    for (let i = 0; i < 3000; i++) {
      await limiter.acquire(`c${i}`);
      const now = clock.now();
      while (accepted.length && accepted[0]! <= now - 1000) accepted.shift();
      if (accepted.length >= 30) {
        refused += 1;
        if (i >= 1000) refusedLate += 1;
        limiter.throttled(`c${i}`, 1000);
      } else {
        accepted.push(now);
        limiter.succeeded();
      }
    }
    expect(refused).toBeGreaterThan(0);
    expect(refusedLate / 2000).toBeLessThan(0.125);
    expect(limiter.rate).toBeLessThan(34);
    expect(limiter.rate).toBeGreaterThan(24);
  });

  it('a third of the last 20 sends failing (5xx) cuts the rate by a fifth', async () => {
    const clock = fakeTime();
    const limiter = new RateLimiter({ appPerSecond: 50, conversationPerSecond: 7, ...clock });
    for (let i = 0; i < 20; i++) {
      await limiter.acquire(`c${i}`);
      if (i % 3 === 0) limiter.failed();
      else limiter.succeeded();
    }
    expect(limiter.stats.cuts).toBe(1);
    expect(limiter.rate).toBeCloseTo(49.5 * 0.8, 0);
  });
});

describe('fan-out backoff', () => {
  it('grows exponentially with jitter and a cap', () => {
    const f = new FanOut({
      outbox: {} as never,
      limiter: {} as never,
      logger: {} as never,
      backoffBaseMs: 500,
      backoffMaxMs: 8000,
      random: () => 1,
    });
    expect([1, 2, 3, 4, 5, 6].map((a) => f.backoff(a))).toEqual([500, 1000, 2000, 4000, 8000, 8000]);
    const low = new FanOut({ outbox: {} as never, limiter: {} as never, logger: {} as never, backoffBaseMs: 500, random: () => 0 });
    expect(low.backoff(3)).toBe(1000);
  });
});

describe('review reminder plan', () => {
  const TZ = 'Europe/Stockholm';
  it('60, 30 and 7 days before at 09:00 local, then weekly once overdue', () => {
    const plan = plannedReviewReminders('org', 'doc', '2027-06-30', new Date('2027-01-01T10:00:00Z'), TZ, 2);
    expect(plan.map((p) => p.step)).toEqual(['60', '30', '7', 'overdue-1', 'overdue-2']);
    expect(plan[0]!.dueAt.toISOString()).toBe('2027-05-01T07:00:00.000Z');
    expect(plan[3]!.dueAt.toISOString()).toBe('2027-07-07T07:00:00.000Z');
    expect(new Set(plan.map((p) => p.jobId)).size).toBe(5);
  });

  it('a date already near sends its latest missed warning at once; one long past starts with the coming week', () => {
    const now = new Date('2027-06-10T10:00:00Z');
    const near = plannedReviewReminders('org', 'doc', '2027-06-30', now, TZ, 1);
    expect(near[0]).toMatchObject({ step: '30', dueAt: now });
    expect(near.map((p) => p.step)).toEqual(['30', '7', 'overdue-1']);
    const past = plannedReviewReminders('org', 'doc', '2024-07-04', new Date('2026-11-22T10:00:00Z'), TZ, 2);
    expect(past.map((p) => p.step)).toEqual(['overdue-125', 'overdue-126']);
    expect(past[0]!.dueAt.getTime()).toBeGreaterThan(new Date('2026-11-22T10:00:00Z').getTime());
    expect(past[0]!.dueAt.getTime() - new Date('2026-11-22T10:00:00Z').getTime()).toBeLessThanOrEqual(7 * 86_400_000);
  });

  it('a review recorded in Teams renews a fixed-validity document for as long as before', () => {
    const doc: GoverningDocument = {
      id: 'o',
      title: 'Överenskommelse',
      ownerGroup: 'g',
      validFrom: '2020-01-01',
      validUntil: '2024-12-31',
      reviewCycle: { kind: 'fixedValidity', daysBefore: 180 },
    };
    const renewed = effectiveDocument(doc, { documentId: 'o', reviews: [{ date: '2026-12-09', decisionRef: checked('BUN 2026/12') }] });
    expect(renewed).toMatchObject({
      validFrom: '2026-12-09',
      decidedOn: '2026-12-09',
      decisionRef: 'BUN 2026/12',
      lastReviewed: '2026-12-09',
    });
    expect(renewed.validUntil).toBe('2031-12-09');
  });
});
