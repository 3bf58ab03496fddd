import { describe, expect, it } from 'vitest';
import { calendarErrorOf } from '../../../src/calendar/graph';
import { CalendarError, retryAfterMs, transactionIdFor } from '../../../src/domain/meetings/calendar';
import { retryAfterOf } from '../../../src/scheduler/tick';

describe("Graph's Retry-After and the scheduler", () => {
  const now = new Date('2026-12-01T10:00:00Z');
  it('reads Retry-After as seconds or an HTTP date', () => {
    expect(retryAfterMs('120', now)).toBe(120_000);
    expect(retryAfterMs('Tue, 01 Dec 2026 10:01:00 GMT', now)).toBe(60_000);
    expect(retryAfterMs(undefined, now)).toBeUndefined();
    expect(retryAfterMs('soon', now)).toBeUndefined();
  });

  it('the scheduler waits what a failed call asked for, at most a day, and nothing for other errors', () => {
    expect(retryAfterOf(new CalendarError('throttled', 429, 90_000))).toBe(90_000);
    expect(retryAfterOf(new CalendarError('throttled', 429, 5 * 86_400_000))).toBe(86_400_000);
    expect(retryAfterOf(new Error('x'))).toBe(0);
    expect(retryAfterOf({ retryAfterMs: Number.NaN })).toBe(0);
  });

  it('a timeout or a dropped connection is transient; a refused body is not', () => {
    expect(calendarErrorOf(Object.assign(new Error('t'), { name: 'TimeoutError' })).failure).toBe('timeout');
    expect(calendarErrorOf(new TypeError('fetch failed')).transient).toBe(true);
    expect(new CalendarError('rejected', 400).transient).toBe(false);
    // The code the scheduler stores is a plain word, never Graph's message.
    expect(new CalendarError('throttled', 429).code).toBe('Calendar_throttled_429');
  });

  it('the transactionId is the same for a meeting every time, and differs between meetings and tenants', () => {
    expect(transactionIdFor('t1', 'g.aaaaaaaaaa')).toBe(transactionIdFor('t1', 'g.aaaaaaaaaa'));
    expect(transactionIdFor('t1', 'g.aaaaaaaaaa')).not.toBe(transactionIdFor('t1', 'g.bbbbbbbbbb'));
    expect(transactionIdFor('t1', 'g.aaaaaaaaaa')).not.toBe(transactionIdFor('t2', 'g.aaaaaaaaaa'));
    expect(transactionIdFor('t1', 'g.aaaaaaaaaa')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });
});
