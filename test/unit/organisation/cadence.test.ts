import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  cadenceStatus,
  CadenceSchema,
  checkRrule,
  describeCadence,
  expectedMeetingsInYear,
  expectedMeetingsSoFar,
  parseCadenceText,
  type Cadence,
} from '../../../src/domain/organisation/cadence';

const TZ = 'Europe/Stockholm';
/** A local wall-clock time in Stockholm (noon when only a date is given). */
const at = (local: string) => DateTime.fromISO(/T/.test(local) ? local : `${local}T12:00:00`, { zone: TZ }).toJSDate();

describe('the written forms of a cadence', () => {
  it.each<[string, Cadence]>([
    ['at least 8 times a year', { kind: 'atLeast', timesPerYear: 8 }],
    ['minst 8 gånger per år', { kind: 'atLeast', timesPerYear: 8 }],
    ['Minst 8 ggr/år', { kind: 'atLeast', timesPerYear: 8 }],
    ['at least eight times a year', { kind: 'atLeast', timesPerYear: 8 }],
    ['3 times a year', { kind: 'times', timesPerYear: 3 }],
    ['3 ggr/år', { kind: 'times', timesPerYear: 3 }],
    ['tre gånger per år', { kind: 'times', timesPerYear: 3 }],
    ['twice a year', { kind: 'times', timesPerYear: 2 }],
    ['weekly', { kind: 'weekly' }],
    ['varje vecka', { kind: 'weekly' }],
    ['monthly', { kind: 'monthly' }],
    ['varje månad', { kind: 'monthly' }],
    ['vid behov', { kind: 'asNeeded' }],
    ['as needed', { kind: 'asNeeded' }],
    ['RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TU', { kind: 'rrule', rule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU' }],
    ['FREQ=MONTHLY;BYDAY=1MO', { kind: 'rrule', rule: 'FREQ=MONTHLY;BYDAY=1MO' }],
  ])('"%s" is read', (text, cadence) => {
    expect(parseCadenceText(text)).toEqual(cadence);
    expect(CadenceSchema.parse(text)).toEqual(cadence);
  });

  it.each(['sometimes', '8 a year', '0 times a year', 'at least 400 times a year', 'RRULE:FREQ=FORTNIGHTLY', 'BYDAY=TU'])(
    '"%s" is not a cadence',
    (text) => {
      expect(parseCadenceText(text)).toBeUndefined();
      expect(CadenceSchema.safeParse(text).success).toBe(false);
    },
  );

  it('checks RRULEs with the rrule package: FREQ required, no DTSTART, no unknown parts', () => {
    expect(checkRrule('FREQ=WEEKLY;BYDAY=TU')).toEqual({ ok: true, rule: 'FREQ=WEEKLY;BYDAY=TU' });
    expect(checkRrule('BYDAY=TU')).toMatchObject({ ok: false, error: expect.stringContaining('FREQ is required') });
    expect(checkRrule('FREQ=WEEKLY;FOO=1')).toMatchObject({ ok: false, error: expect.stringContaining('FOO') });
    expect(checkRrule('DTSTART:20260101T000000Z\nRRULE:FREQ=WEEKLY')).toMatchObject({ ok: false });
    expect(CadenceSchema.safeParse({ kind: 'rrule', rule: 'FREQ=NEVER' }).success).toBe(false);
  });

  it('accepts the object forms and refuses unknown fields', () => {
    expect(CadenceSchema.parse({ kind: 'atLeast', timesPerYear: 8 })).toEqual({ kind: 'atLeast', timesPerYear: 8 });
    expect(CadenceSchema.safeParse({ kind: 'weekly', day: 'tuesday' }).success).toBe(false);
    expect(CadenceSchema.safeParse({ kind: 'times' }).success).toBe(false);
  });
});

describe("meetings expected so far this year (pro rata, in the group's zone)", () => {
  it('"at least 8 a year" asks for none on 1 January, 4 at midsummer, 8 at year end', () => {
    const c: Cadence = { kind: 'atLeast', timesPerYear: 8 };
    expect(expectedMeetingsSoFar(c, 2026, at('2026-01-01T00:30:00'), TZ)).toBe(0);
    expect(expectedMeetingsSoFar(c, 2026, at('2026-07-03T00:00:00'), TZ)).toBe(4);
    expect(expectedMeetingsSoFar(c, 2026, at('2026-12-31T23:59:00'), TZ)).toBe(7);
    expect(expectedMeetingsSoFar(c, 2026, at('2027-01-01T00:00:00'), TZ)).toBe(8);
    expect(expectedMeetingsSoFar(c, 2026, at('2025-12-31T23:00:00'), TZ)).toBe(0);
  });

  it('counts the year in local time: 23:30 UTC on 31 December is already next year in Stockholm', () => {
    const c: Cadence = { kind: 'times', timesPerYear: 3 };
    expect(expectedMeetingsSoFar(c, 2026, new Date('2026-12-31T23:30:00Z'), TZ)).toBe(3);
  });

  it('pro rata knows leap years: 1 July is past half of 2026 but not of 2028 for 366 a year', () => {
    const c: Cadence = { kind: 'atLeast', timesPerYear: 366 };
    // 2028 is a leap year: on 1 July 00:00, 182 of 366 days have passed.
    expect(expectedMeetingsSoFar(c, 2028, at('2028-07-01T00:00:00'), TZ)).toBe(182);
    // 2026: 181 of 365 days → 366 × 181/365 = 181.5.
    expect(expectedMeetingsSoFar(c, 2026, at('2026-07-01T00:00:00'), TZ)).toBe(181);
  });

  it('weekly counts whole weeks, unaffected by the DST weeks', () => {
    const weekly: Cadence = { kind: 'weekly' };
    // 29 March 2026 is the spring DST change; 25 October the autumn one.
    expect(expectedMeetingsSoFar(weekly, 2026, at('2026-03-29T12:00:00'), TZ)).toBe(12);
    expect(expectedMeetingsSoFar(weekly, 2026, at('2026-03-30T00:00:00'), TZ)).toBe(12);
    expect(expectedMeetingsSoFar(weekly, 2026, at('2026-04-02T00:00:00'), TZ)).toBe(13);
    expect(expectedMeetingsSoFar(weekly, 2026, at('2026-10-25T23:00:00'), TZ)).toBe(42);
    expect(expectedMeetingsInYear(weekly, 2026)).toBe(52);
  });

  it('monthly counts whole months passed', () => {
    const monthly: Cadence = { kind: 'monthly' };
    expect(expectedMeetingsSoFar(monthly, 2026, at('2026-01-31T23:00:00'), TZ)).toBe(0);
    expect(expectedMeetingsSoFar(monthly, 2026, at('2026-03-01T00:10:00'), TZ)).toBe(2);
    expect(expectedMeetingsSoFar(monthly, 2028, at('2028-02-29T12:00:00'), TZ)).toBe(1);
  });

  it('an RRULE counts its real occurrences in local time, across the DST change', () => {
    const tuesdays: Cadence = { kind: 'rrule', rule: 'FREQ=WEEKLY;BYDAY=TU;BYHOUR=9;BYMINUTE=0;BYSECOND=0' };
    // Tuesdays of 2026 up to Tuesday 31 March 09:00 local (after the DST change): 6,13,20,27 Jan, 3,10,17,24 Feb, 3,10,17,24,31 Mar.
    expect(expectedMeetingsSoFar(tuesdays, 2026, at('2026-03-31T09:00:00'), TZ)).toBe(13);
    expect(expectedMeetingsSoFar(tuesdays, 2026, at('2026-03-31T08:59:00'), TZ)).toBe(12);
    expect(expectedMeetingsInYear(tuesdays, 2026)).toBe(52);
    expect(expectedMeetingsInYear({ kind: 'rrule', rule: 'FREQ=DAILY' }, 2028)).toBe(366);
  });

  it('as needed asks for nothing', () => {
    expect(expectedMeetingsSoFar({ kind: 'asNeeded' }, 2026, at('2026-11-22'), TZ)).toBe(0);
    expect(expectedMeetingsInYear({ kind: 'asNeeded' }, 2026)).toBeNull();
  });
});

describe('whether a group keeps its cadence', () => {
  const now = at('2026-11-22T12:00:00');
  it('the styrgrupp (at least 8 a year) with 7 meetings by 22 November is on track, with 6 it is not', () => {
    const c: Cadence = { kind: 'atLeast', timesPerYear: 8 };
    const seven = ['2026-01-20', '2026-02-24', '2026-03-24', '2026-04-21', '2026-05-26', '2026-09-22', '2026-10-20'];
    expect(cadenceStatus(c, seven, now, TZ)).toEqual({ expectedSoFar: 7, held: 7, expectedYear: 8, onTrack: true });
    expect(cadenceStatus(c, seven.slice(1), now, TZ).onTrack).toBe(false);
  });

  it('meetings of other years and in the future do not count', () => {
    const c: Cadence = { kind: 'times', timesPerYear: 3 };
    expect(cadenceStatus(c, ['2025-12-01', '2026-03-01', '2026-12-10'], now, TZ).held).toBe(1);
  });

  it('"3 times a year" held 4 times is off plan; "at least" held more is fine', () => {
    const four = ['2026-02-01', '2026-05-01', '2026-09-01', '2026-10-01'];
    expect(cadenceStatus({ kind: 'times', timesPerYear: 3 }, four, now, TZ).onTrack).toBe(false);
    expect(cadenceStatus({ kind: 'atLeast', timesPerYear: 3 }, four, now, TZ).onTrack).toBe(true);
  });

  it('as needed is always on track', () => {
    expect(cadenceStatus({ kind: 'asNeeded' }, [], now, TZ)).toEqual({ expectedSoFar: 0, held: 0, expectedYear: null, onTrack: true });
  });
});

describe('a cadence in words', () => {
  it.each<[Cadence, string, string]>([
    [{ kind: 'atLeast', timesPerYear: 8 }, 'minst 8 gånger per år', 'at least 8 times a year'],
    [{ kind: 'times', timesPerYear: 3 }, '3 gånger per år', '3 times a year'],
    [{ kind: 'times', timesPerYear: 1 }, '1 gång per år', 'once a year'],
    [{ kind: 'weekly' }, 'varje vecka', 'weekly'],
    [{ kind: 'monthly' }, 'varje månad', 'monthly'],
    [{ kind: 'asNeeded' }, 'vid behov', 'as needed'],
    [{ kind: 'rrule', rule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU' }, 'varannan vecka på tisdag', 'every 2 weeks on Tuesday'],
  ])('%j', (cadence, sv, en) => {
    expect(describeCadence(cadence, 'sv')).toBe(sv);
    expect(describeCadence(cadence, 'en')).toBe(en);
  });
});
