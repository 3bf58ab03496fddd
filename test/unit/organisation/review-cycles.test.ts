import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { GoverningDocument, ReviewCycle } from '../../../src/domain/organisation/model';
import {
  completeReview,
  currentTerm,
  describeReviewCycle,
  electionDate,
  isElectionYear,
  isInSchoolYear,
  isSchoolBreak,
  isSchoolDay,
  nextReview,
  nextTerm,
  schoolBreakOf,
  schoolYearOf,
  termStart,
} from '../../../src/domain/organisation/review-cycles';
import { easterSunday } from '../../../src/domain/organisation/dates';

const TZ = 'Europe/Stockholm';
const on = (date: string, time = '12:00') => DateTime.fromISO(`${date}T${time}`, { zone: TZ }).toJSDate();
const doc = (reviewCycle: ReviewCycle, extra: Partial<GoverningDocument> = {}): GoverningDocument => ({
  id: 'd',
  title: 'Dokument',
  ownerGroup: 'styrgrupp',
  reviewCycle,
  ...extra,
});

describe('Swedish general elections and terms of office', () => {
  it.each([
    [2022, '2022-09-11'],
    [2026, '2026-09-13'],
    [2030, '2030-09-08'],
    [2034, '2034-09-10'],
    [2018, '2018-09-09'],
  ])('the %i election is on the second Sunday of September, %s', (year, date) => {
    expect(electionDate(year)).toBe(date);
    expect(DateTime.fromISO(date).weekday).toBe(7);
  });

  it('only every fourth year from 2022 is an election year', () => {
    expect([2022, 2026, 2030].map(isElectionYear)).toEqual([true, true, true]);
    expect([2024, 2027, 2028, 2029].map(isElectionYear)).toEqual([false, false, false, false]);
    expect(() => electionDate(2028)).toThrow(/not a Swedish general election year/);
  });

  it('a new term starts on 15 October of the election year, not on election day', () => {
    expect(termStart('2026-09-13')).toBe('2022-10-15');
    expect(termStart('2026-10-14')).toBe('2022-10-15');
    expect(termStart('2026-10-15')).toBe('2026-10-15');
    expect(termStart('2030-10-14')).toBe('2026-10-15');
    expect(termStart('2030-10-15')).toBe('2030-10-15');
    expect(currentTerm('2026-11-22')).toEqual({ start: '2026-10-15', end: '2030-10-14', electionDate: '2026-09-13', label: '2026–2030' });
    expect(nextTerm('2026-11-22').start).toBe('2030-10-15');
    expect(currentTerm('2024-02-29').label).toBe('2022–2026');
  });
});

describe('the school calendar', () => {
  it('a läsår runs from the third week of August to mid-June', () => {
    expect(schoolYearOf('2026-11-22')).toEqual({ label: '2026/27', start: '2026-08-17', end: '2027-06-11' });
    expect(schoolYearOf('2027-06-30')).toEqual({ label: '2026/27', start: '2026-08-17', end: '2027-06-11' });
    expect(schoolYearOf('2027-07-01').label).toBe('2027/28');
    expect(schoolYearOf('2027-07-01').start).toBe('2027-08-16');
  });

  it('knows its first and last days', () => {
    expect(isInSchoolYear('2026-08-16')).toBe(false);
    expect(isInSchoolYear('2026-08-17')).toBe(true);
    expect(isInSchoolYear('2027-06-11')).toBe(true);
    expect(isInSchoolYear('2027-06-12')).toBe(false);
    expect(schoolBreakOf('2026-07-15')).toBe('sommarlov');
  });

  it('knows the breaks: höstlov week 44, jullov, sportlov week 8 (configurable), påsklov around Easter', () => {
    expect(schoolBreakOf('2026-10-28')).toBe('höstlov');
    expect(schoolBreakOf('2026-11-02')).toBeUndefined();
    expect(schoolBreakOf('2026-12-21')).toBe('jullov');
    expect(schoolBreakOf('2027-01-07')).toBe('jullov');
    expect(schoolBreakOf('2027-01-08')).toBeUndefined();
    expect(schoolBreakOf('2027-02-24')).toBe('sportlov');
    expect(isSchoolBreak('2027-03-03')).toBe(false);
    expect(isSchoolBreak('2027-03-03', { sportlovWeek: 9 })).toBe(true);
    expect(easterSunday(2027)).toBe('2027-03-28');
    expect(schoolBreakOf('2027-03-26')).toBe('påsklov');
    expect(schoolBreakOf('2027-04-01')).toBe('påsklov');
    expect(schoolBreakOf('2027-04-05')).toBeUndefined();
    expect(isSchoolBreak('2027-03-22', { easterBreak: 'weekBefore' })).toBe(true);
  });

  it('a school day is a weekday in term, not a break and not a public holiday', () => {
    expect(isSchoolDay('2026-11-23')).toBe(true);
    expect(isSchoolDay('2026-11-22')).toBe(false); // Sunday
    expect(isSchoolDay('2027-05-06')).toBe(false); // Kristi himmelsfärd 2027
    expect(isSchoolDay('2027-05-07')).toBe(true);
    expect(isSchoolDay('2027-06-11')).toBe(true);
  });

  it('Easter dates are right', () => {
    expect([2024, 2025, 2026, 2028, 2030].map(easterSunday)).toEqual([
      '2024-03-31',
      '2025-04-20',
      '2026-04-05',
      '2028-04-16',
      '2030-04-21',
    ]);
  });
});

describe('next review: yearly', () => {
  it("is due by the day of the month every year, the month's last day by default", () => {
    const d = doc({ kind: 'yearly', month: 10 }, { lastReviewed: '2025-10-20' });
    expect(nextReview(d, on('2026-09-01'), TZ)).toEqual({ dueDate: '2026-10-31', status: 'dueSoon', daysLeft: 60 });
    expect(nextReview(d, on('2026-08-31'), TZ).status).toBe('ok');
    expect(nextReview(d, on('2026-11-01'), TZ)).toEqual({ dueDate: '2026-10-31', status: 'overdue', daysLeft: -1 });
  });

  it('a review a little late still counts for the deadline it missed', () => {
    const d = doc({ kind: 'yearly', month: 6, day: 30 }, { lastReviewed: '2026-07-20' });
    expect(nextReview(d, on('2026-11-22'), TZ).dueDate).toBe('2027-06-30');
  });

  it('an early review counts for the coming deadline once the last one is met', () => {
    const d = doc({ kind: 'yearly', month: 12 }, { reviews: [{ date: '2025-12-10' }, { date: '2026-06-15' }], lastReviewed: '2026-06-15' });
    expect(nextReview(d, on('2026-11-22'), TZ).dueDate).toBe('2027-12-31');
  });

  it('February deadlines clamp to the 28th, and to the 29th in leap years', () => {
    expect(nextReview(doc({ kind: 'yearly', month: 2, day: 29 }), on('2027-01-10'), TZ).dueDate).toBe('2027-02-28');
    expect(nextReview(doc({ kind: 'yearly', month: 2 }), on('2028-01-10'), TZ).dueDate).toBe('2028-02-29');
    expect(nextReview(doc({ kind: 'yearly', month: 2, day: 29 }, { lastReviewed: '2028-02-29' }), on('2028-03-01'), TZ).dueDate).toBe(
      '2029-02-28',
    );
  });

  it('with no review yet, the adoption stands for the first one; with neither, the coming deadline', () => {
    // Adopted in June 2023: the first yearly follow-up was due by the end of 2023.
    expect(nextReview(doc({ kind: 'yearly', month: 12 }, { decidedOn: '2023-06-09' }), on('2026-11-22'), TZ)).toMatchObject({
      dueDate: '2023-12-31',
      status: 'overdue',
    });
    expect(nextReview(doc({ kind: 'yearly', month: 12 }), on('2026-11-22'), TZ)).toEqual({
      dueDate: '2026-12-31',
      status: 'dueSoon',
      daysLeft: 39,
    });
  });

  it("today is the date in the organisation's zone", () => {
    const d = doc({ kind: 'yearly', month: 10 }, { lastReviewed: '2025-10-01' });
    // 23:30 UTC on 31 October is already 1 November in Stockholm.
    expect(nextReview(d, new Date('2026-10-31T23:30:00Z'), TZ).status).toBe('overdue');
    expect(nextReview(d, new Date('2026-10-31T23:30:00Z'), 'UTC').status).toBe('dueSoon');
  });
});

describe('next review: school year (läsår)', () => {
  it('is due at the end of each school year, 30 June by default', () => {
    const d = doc({ kind: 'schoolYear' }, { lastReviewed: '2026-06-12' });
    expect(nextReview(d, on('2026-11-22'), TZ)).toMatchObject({ dueDate: '2027-06-30', status: 'ok' });
    expect(nextReview(d, on('2027-05-01'), TZ)).toMatchObject({ dueDate: '2027-06-30', status: 'dueSoon', daysLeft: 60 });
    expect(nextReview(d, on('2027-07-01'), TZ)).toMatchObject({ status: 'overdue', daysLeft: -1 });
  });

  it('the deadline is configurable, e.g. mid-June before the summer', () => {
    expect(nextReview(doc({ kind: 'schoolYear', month: 6, day: 10 }), on('2026-11-22'), TZ).dueDate).toBe('2027-06-10');
  });

  it('a follow-up in August still counts for the school year just ended', () => {
    const d = doc({ kind: 'schoolYear' }, { lastReviewed: '2026-08-25' });
    expect(nextReview(d, on('2026-09-01'), TZ).dueDate).toBe('2027-06-30');
  });
});

describe('next review: once per term of office', () => {
  const cycle: ReviewCycle = { kind: 'termOfOffice' };
  it('due within the first year of the term: by 15 October the year after the election', () => {
    expect(nextReview(doc(cycle, { decidedOn: '2023-11-06' }), on('2026-11-22'), TZ)).toEqual({
      dueDate: '2027-10-15',
      status: 'ok',
      daysLeft: 327,
    });
  });

  it("the previous term's deadline holds until the new term starts on 15 October 2026", () => {
    const d = doc(cycle, { lastReviewed: '2021-03-01' });
    expect(nextReview(d, on('2026-10-14'), TZ)).toMatchObject({ dueDate: '2023-10-15', status: 'overdue' });
    expect(nextReview(d, on('2026-10-15'), TZ)).toMatchObject({ dueDate: '2027-10-15', status: 'ok' });
  });

  it('a review in the current term moves the date to the next term (2030 election)', () => {
    const d = doc(cycle, { lastReviewed: '2027-03-01' });
    expect(nextReview(d, on('2027-04-01'), TZ).dueDate).toBe('2031-10-15');
    expect(nextReview(d, on('2030-10-16'), TZ)).toMatchObject({ dueDate: '2031-10-15' });
    // Reviewed on the first day of the 2030–2034 term: next due in the first year of the 2034 term.
    expect(nextReview(doc(cycle, { lastReviewed: '2030-10-15' }), on('2030-10-16'), TZ).dueDate).toBe('2035-10-15');
  });

  it('the offset into the term is configurable', () => {
    expect(nextReview(doc({ kind: 'termOfOffice', monthsIntoTerm: 6 }), on('2026-11-22'), TZ).dueDate).toBe('2027-04-15');
  });
});

describe('next review: fixed validity', () => {
  it('renewal is due 180 days before validity ends, then the document expires', () => {
    const d = doc({ kind: 'fixedValidity' }, { validFrom: '2025-01-01', validUntil: '2028-12-31' });
    expect(nextReview(d, on('2026-11-22'), TZ)).toMatchObject({ dueDate: '2028-07-04', status: 'ok' });
    expect(nextReview(d, on('2028-05-10'), TZ)).toMatchObject({ status: 'dueSoon', daysLeft: 55 });
    expect(nextReview(d, on('2028-08-01'), TZ)).toMatchObject({ status: 'overdue' });
    expect(nextReview(d, on('2028-12-31'), TZ)).toMatchObject({ status: 'overdue' });
    expect(nextReview(d, on('2029-01-01'), TZ)).toMatchObject({ status: 'expired', dueDate: '2028-07-04' });
  });

  it('the lead time is configurable', () => {
    expect(nextReview(doc({ kind: 'fixedValidity', daysBefore: 90 }, { validUntil: '2027-03-31' }), on('2026-11-22'), TZ).dueDate).toBe(
      '2026-12-31',
    );
  });

  it('a renewal with a new validity period moves it on', () => {
    const d = doc({ kind: 'fixedValidity' }, { validFrom: '2020-01-01', validUntil: '2024-12-31', decisionRef: 'BUN 2019-12-03 § 121' });
    const renewed = completeReview(d, '2026-11-22', 'BUN 2026-11-20 § 88', { validFrom: '2027-01-01', validUntil: '2030-12-31' });
    expect(renewed).toMatchObject({
      validFrom: '2027-01-01',
      validUntil: '2030-12-31',
      decisionRef: 'BUN 2026-11-20 § 88',
      decidedOn: '2026-11-22',
      lastReviewed: '2026-11-22',
    });
    expect(nextReview(renewed, on('2026-11-23'), TZ)).toMatchObject({ dueDate: '2030-07-04', status: 'ok' });
    expect(d.validUntil).toBe('2024-12-31');
  });
});

describe('next review: until further notice', () => {
  it('has no date unless a review is requested', () => {
    expect(nextReview(doc({ kind: 'untilFurtherNotice' }, { decidedOn: '2024-12-04' }), on('2026-11-22'), TZ)).toEqual({
      dueDate: null,
      status: 'noDate',
      daysLeft: null,
    });
  });

  it('a request (a trigger) makes it due; completing the review clears it', () => {
    const d = doc({ kind: 'untilFurtherNotice' }, { reviewRequested: { dueBy: '2026-12-15', reason: 'ny lagstiftning' } });
    expect(nextReview(d, on('2026-11-22'), TZ)).toEqual({ dueDate: '2026-12-15', status: 'dueSoon', daysLeft: 23 });
    const done = completeReview(d, '2026-12-01', 'Ks 2026/12 § 3');
    expect(done.reviewRequested).toBeUndefined();
    expect(nextReview(done, on('2026-12-02'), TZ).status).toBe('noDate');
  });

  it('an optional nudge reminds every N months since the last review', () => {
    const d = doc({ kind: 'untilFurtherNotice', nudgeMonths: 24 }, { decidedOn: '2024-12-04' });
    expect(nextReview(d, on('2026-11-22'), TZ)).toEqual({ dueDate: '2026-12-04', status: 'dueSoon', daysLeft: 12 });
    expect(nextReview(completeReview(d, '2026-11-30'), on('2026-12-01'), TZ).dueDate).toBe('2028-11-30');
  });
});

describe('completing a review', () => {
  it('records date and decision, keeps the history sorted, never moves lastReviewed backwards, and is pure', () => {
    const d = doc({ kind: 'yearly', month: 12 }, { lastReviewed: '2026-03-01', reviews: [{ date: '2026-03-01' }] });
    const back = completeReview(d, '2025-11-30', ' Ks 2025/1 § 2 ');
    expect(back.lastReviewed).toBe('2026-03-01');
    expect(back.reviews).toEqual([{ date: '2025-11-30', decisionRef: 'Ks 2025/1 § 2' }, { date: '2026-03-01' }]);
    expect(d.reviews).toHaveLength(1);
    expect(() => completeReview(d, '2026-02-30')).toThrow(/bad review date/);
  });
});

describe('a review cycle in words', () => {
  it('speaks both languages', () => {
    expect(describeReviewCycle({ kind: 'termOfOffice' }, 'sv')).toBe('en gång per mandatperiod, inom 12 månader från periodens start');
    expect(describeReviewCycle({ kind: 'yearly', month: 10 }, 'en')).toBe('every year, in October');
    expect(describeReviewCycle({ kind: 'yearly', month: 10, day: 15 }, 'sv')).toBe('varje år, senast 15 oktober');
    expect(describeReviewCycle({ kind: 'schoolYear' }, 'sv')).toBe('varje läsår, senast 30 juni');
    expect(describeReviewCycle({ kind: 'fixedValidity' }, 'en')).toBe('renew at least 180 days before validity ends');
  });
});
