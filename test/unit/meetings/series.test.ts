import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  dateWarnings,
  expandRule,
  isGoodMeetingDate,
  localToInstant,
  occurrenceAt,
  proposeSeries,
} from '../../../src/domain/meetings/recurrence';

const TZ = 'Europe/Stockholm';
const localOf = (d: Date) => DateTime.fromJSDate(d, { zone: TZ }).toFormat('yyyy-LL-dd HH:mm');

describe('local time and instants', () => {
  it('13:00 in Stockholm is 12:00 UTC in winter and 11:00 UTC in summer', () => {
    expect(localToInstant({ date: '2026-03-26', time: '13:00' }, TZ).toISOString()).toBe('2026-03-26T12:00:00.000Z');
    expect(localToInstant({ date: '2026-03-31', time: '13:00' }, TZ).toISOString()).toBe('2026-03-31T11:00:00.000Z');
    expect(localToInstant({ date: '2026-10-22', time: '13:00' }, TZ).toISOString()).toBe('2026-10-22T11:00:00.000Z');
    expect(localToInstant({ date: '2026-10-27', time: '13:00' }, TZ).toISOString()).toBe('2026-10-27T12:00:00.000Z');
  });

  it('a time in the spring-forward gap moves forward; an ambiguous autumn time takes summer time', () => {
    expect(localOf(localToInstant({ date: '2026-03-29', time: '02:30' }, TZ))).toBe('2026-03-29 03:30');
    expect(localToInstant({ date: '2026-10-25', time: '02:30' }, TZ).toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });

  it('an occurrence lasts its minutes in real time, also across the change', () => {
    const o = occurrenceAt({ date: '2026-10-25', time: '01:30' }, 120, TZ);
    expect(o.end.getTime() - o.start.getTime()).toBe(120 * 60_000);
  });
});

describe('RRULE series', () => {
  it('weekly at 13:00 keeps 13:00 local across both daylight-saving changes', () => {
    const march = expandRule('FREQ=WEEKLY;COUNT=4', { date: '2026-03-19', time: '13:00' }, 60, TZ);
    expect(march.map((o) => o.start.toISOString())).toEqual([
      '2026-03-19T12:00:00.000Z',
      '2026-03-26T12:00:00.000Z',
      '2026-04-02T11:00:00.000Z',
      '2026-04-09T11:00:00.000Z',
    ]);
    const october = expandRule('FREQ=WEEKLY;COUNT=3', { date: '2026-10-15', time: '13:00' }, 60, TZ);
    expect(october.map((o) => localOf(o.start))).toEqual(['2026-10-15 13:00', '2026-10-22 13:00', '2026-10-29 13:00']);
    expect(october[2]!.start.toISOString()).toBe('2026-10-29T12:00:00.000Z');
  });

  it('monthly on the second Tuesday, with UNTIL and the default limits', () => {
    const s = expandRule('FREQ=MONTHLY;BYDAY=2TU', { date: '2026-09-08', time: '09:00' }, 90, TZ, { until: '2027-01-31' });
    expect(s.map((o) => o.date)).toEqual(['2026-09-08', '2026-10-13', '2026-11-10', '2026-12-08', '2027-01-12']);
    expect(expandRule('FREQ=DAILY', { date: '2026-09-01', time: '09:00' }, 30, TZ)).toHaveLength(52);
    expect(expandRule('FREQ=WEEKLY;UNTIL=20261020T000000Z', { date: '2026-09-01', time: '09:00' }, 30, TZ).at(-1)!.date).toBe('2026-10-13');
  });
});

describe('poor meeting days', () => {
  it('names holidays, eves, breaks, weekends and the summer', () => {
    expect(dateWarnings('2026-12-25', 'sv')).toContainEqual({ kind: 'publicHoliday', name: 'Juldagen' });
    expect(dateWarnings('2026-12-25', 'en')).toContainEqual({ kind: 'publicHoliday', name: 'Christmas Day' });
    expect(dateWarnings('2026-06-19', 'sv').map((w) => w.kind)).toContain('publicHoliday'); // midsommarafton
    expect(dateWarnings('2026-12-24', 'sv')).toContainEqual({ kind: 'publicHoliday', name: 'Julafton' });
    expect(dateWarnings('2027-02-24', 'sv')).toEqual([{ kind: 'schoolBreak', name: 'sportlovet' }]);
    expect(dateWarnings('2026-07-15', 'en')).toEqual([{ kind: 'outsideSchoolYear' }]);
    expect(dateWarnings('2026-11-21', 'sv')).toEqual([{ kind: 'weekend' }]);
    expect(dateWarnings('2026-11-24', 'sv')).toEqual([]);
    expect(isGoodMeetingDate('2026-11-24')).toBe(true);
    expect(isGoodMeetingDate('2027-01-06')).toBe(false); // trettondedag jul
  });
});

describe('cadence series', () => {
  it('"at least 8 times a year" from late August: about 8 good dates to June, evenly spread, moved ones reported', () => {
    const p = proposeSeries({ kind: 'atLeast', timesPerYear: 8 }, { from: '2026-08-24', time: '13:00', durationMinutes: 90, timeZone: TZ });
    expect(p.occurrences.length).toBeGreaterThanOrEqual(7);
    expect(p.occurrences.length).toBeLessThanOrEqual(9);
    for (const o of p.occurrences) {
      expect(isGoodMeetingDate(o.date), o.date).toBe(true);
      expect(localOf(o.start)).toBe(`${o.date} 13:00`);
      expect(o.end.getTime() - o.start.getTime()).toBe(90 * 60_000);
    }
    expect(p.occurrences[0]!.date >= '2026-08-24').toBe(true);
    expect(p.occurrences.at(-1)!.date <= '2027-06-11').toBe(true);
    const gaps = p.occurrences.slice(1).map((o, i) => DateTime.fromISO(o.date).diff(DateTime.fromISO(p.occurrences[i]!.date), 'days').days);
    for (const g of gaps) expect(g).toBeGreaterThan(14);
    for (const m of p.moved) expect(isGoodMeetingDate(m.from)).toBe(false);
  });

  it('"3 times a year" gives three; "as needed" nothing', () => {
    expect(
      proposeSeries({ kind: 'times', timesPerYear: 3 }, { from: '2026-08-24', time: '10:00', durationMinutes: 60, timeZone: TZ })
        .occurrences,
    ).toHaveLength(3);
    expect(
      proposeSeries({ kind: 'asNeeded' }, { from: '2026-08-24', time: '10:00', durationMinutes: 60, timeZone: TZ }).occurrences,
    ).toEqual([]);
  });

  it('weekly skips höstlov and jullov, across the year end', () => {
    const p = proposeSeries(
      { kind: 'weekly' },
      { from: '2026-10-19', time: '08:30', durationMinutes: 45, timeZone: TZ, until: '2027-01-20' },
    );
    const dates = p.occurrences.map((o) => o.date);
    expect(dates).toContain('2026-10-19');
    expect(dates).not.toContain('2026-10-26'); // höstlov, week 44
    expect(dates).not.toContain('2026-12-21'); // jullov
    expect(dates).not.toContain('2026-12-28');
    expect(dates).not.toContain('2027-01-04');
    expect(dates).toContain('2027-01-11');
    expect(p.skipped.map((s) => s.date)).toEqual(expect.arrayContaining(['2026-10-26', '2026-12-21', '2026-12-28', '2027-01-04']));
  });

  it('monthly keeps the ordinal weekday and skips July', () => {
    const p = proposeSeries(
      { kind: 'monthly' },
      { from: '2026-09-08', time: '09:00', durationMinutes: 60, timeZone: TZ, until: '2027-06-10' },
    );
    for (const o of p.occurrences) expect(DateTime.fromISO(o.date).weekday).toBe(2);
    expect(p.occurrences.length).toBeGreaterThanOrEqual(8);
  });

  it('property: every proposed meeting is on a good day at the asked local time', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2026-01-01T00:00:00Z'), max: new Date('2028-06-30T00:00:00Z'), noInvalidDate: true }),
        fc.integer({ min: 7, max: 17 }),
        fc.constantFrom(0, 15, 30, 45),
        fc.integer({ min: 1, max: 12 }),
        (d, h, m, n) => {
          const time = `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
          const p = proposeSeries(
            { kind: 'atLeast', timesPerYear: n },
            { from: d.toISOString().slice(0, 10), time, durationMinutes: 60, timeZone: TZ },
          );
          for (const o of p.occurrences) {
            if (!isGoodMeetingDate(o.date) || localOf(o.start) !== `${o.date} ${time}` || o.start >= o.end) return false;
          }
          return true;
        },
      ),
      { numRuns: 150 },
    );
  });
});
