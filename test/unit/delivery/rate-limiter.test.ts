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
  it('never lets more than the app limit through in any second, paced evenly', async () => {
    const clock = fakeTime();
    const limiter = new RateLimiter({ appPerSecond: 50, conversationPerSecond: 7, ...clock });
    const times: number[] = [];
    for (let i = 0; i < 500; i++) {
      await limiter.acquire(`c${i}`);
      times.push(clock.now());
    }
    for (let i = 0; i < times.length; i++)
      expect(times.filter((t) => t >= times[i]! && t < times[i]! + 1000).length).toBeLessThanOrEqual(50);
    expect(times.at(-1)! / 1000).toBeGreaterThan(9.9);
    expect(times.at(-1)! / 1000).toBeLessThan(10.1);
    // Evenly paced: a late timer lets one send catch up, never two in a row.
    for (let i = 2; i < times.length; i++) expect(times[i]! - times[i - 2]!).toBeGreaterThanOrEqual(19.99);
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

  it('a 429 pauses every sender until Retry-After has passed; a refused send gives its slot back', async () => {
    const clock = fakeTime();
    const limiter = new RateLimiter({ appPerSecond: 10, conversationPerSecond: 7, ...clock });
    await limiter.acquire('a');
    limiter.pauseUntil(clock.now() + 3000);
    await limiter.acquire('b');
    expect(clock.now()).toBeGreaterThanOrEqual(3000);
    expect(limiter.stats.pauses).toBe(1);
    limiter.refund('b');
    const before = clock.now();
    await limiter.acquire('c');
    expect(clock.now()).toBe(before);
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
