import { DateTime } from 'luxon';
import { addDays, day, easterSunday, iso, type IsoDate } from './dates';

/**
 * A simple Swedish school calendar. Each municipality sets its own (within
 * Skolverket's bounds), so these are typical dates, configurable where they
 * vary most:
 * - the autumn term starts on the Monday in the third week of August (15–21 Aug);
 * - the spring term ends on the Friday on or before 15 June;
 * - höstlov: ISO week 44; jullov: 21 December – 7 January;
 * - sportlov: one ISO week, default week 8 (regions use weeks 7–10);
 * - påsklov: from Good Friday to the Sunday after Easter Monday.
 * Weekends and public holidays are not breaks (see isSchoolDay for those).
 */
export interface SchoolCalendarOptions {
  /** ISO week of sportlov, 7–10; default 8. */
  sportlovWeek?: number;
  /** Påsklov the week after Easter (default) or the week before (Monday of Holy Week to Easter Monday). */
  easterBreak?: 'weekAfter' | 'weekBefore';
}

export interface SchoolYear {
  /** "2026/27". */
  label: string;
  /** The first school day of the autumn term. */
  start: IsoDate;
  /** The last school day of the spring term. */
  end: IsoDate;
}

function autumnStart(year: number): IsoDate {
  const aug15 = DateTime.fromObject({ year, month: 8, day: 15 }, { zone: 'UTC' });
  return iso(aug15.plus({ days: (8 - aug15.weekday) % 7 }));
}

function springEnd(year: number): IsoDate {
  const jun15 = DateTime.fromObject({ year, month: 6, day: 15 }, { zone: 'UTC' });
  return iso(jun15.minus({ days: (jun15.weekday - 5 + 7) % 7 }));
}

/**
 * The school year (läsår) a date belongs to: from July a date belongs to the
 * year starting that August, before July to the one that started the
 * previous August. Summer dates belong to a läsår but are not in it (isInSchoolYear).
 */
export function schoolYearOf(date: IsoDate): SchoolYear {
  const d = day(date);
  const startYear = d.month >= 7 ? d.year : d.year - 1;
  return {
    label: `${startYear}/${String((startYear + 1) % 100).padStart(2, '0')}`,
    start: autumnStart(startYear),
    end: springEnd(startYear + 1),
  };
}

/** True between the first and the last day of the school year, breaks included. */
export function isInSchoolYear(date: IsoDate): boolean {
  const sy = schoolYearOf(date);
  return date >= sy.start && date <= sy.end;
}

export type SchoolBreak = 'sommarlov' | 'höstlov' | 'jullov' | 'sportlov' | 'påsklov';

/** Which break (lov) the date falls in, if any. */
export function schoolBreakOf(date: IsoDate, options: SchoolCalendarOptions = {}): SchoolBreak | undefined {
  const d = day(date);
  if (!isInSchoolYear(date)) return 'sommarlov';
  if (d.weekNumber === 44 && d.weekYear === d.year) return 'höstlov';
  if ((d.month === 12 && d.day >= 21) || (d.month === 1 && d.day <= 7)) return 'jullov';
  const sportlov = options.sportlovWeek ?? 8;
  if (d.weekNumber === sportlov && d.weekYear === d.year) return 'sportlov';
  const easter = easterSunday(d.year);
  const [from, to] =
    options.easterBreak === 'weekBefore' ? [addDays(easter, -6), addDays(easter, 1)] : [addDays(easter, -2), addDays(easter, 7)];
  if (date >= from && date <= to) return 'påsklov';
  return undefined;
}

export function isSchoolBreak(date: IsoDate, options: SchoolCalendarOptions = {}): boolean {
  return schoolBreakOf(date, options) !== undefined;
}

function computeHolidays(year: number): IsoDate[] {
  const easter = easterSunday(year);
  const fixed = ['01-01', '01-06', '05-01', '06-06', '12-24', '12-25', '12-26', '12-31'].map((md) => `${year}-${md}`);
  // Midsommarafton: the Friday between 19 and 25 June (alla helgons dag is always a Saturday, so left out).
  const jun19 = DateTime.fromObject({ year, month: 6, day: 19 }, { zone: 'UTC' });
  const midsommarafton = iso(jun19.plus({ days: (5 - jun19.weekday + 7) % 7 }));
  return [
    ...fixed,
    addDays(easter, -2),
    easter,
    addDays(easter, 1),
    addDays(easter, 39),
    addDays(easter, 49),
    midsommarafton,
    addDays(midsommarafton, 1),
  ].sort();
}

/** Swedish public holidays (helgdagar) plus the eves schools are closed (julafton, nyårsafton, midsommarafton). */
export function swedishPublicHolidays(year: number): IsoDate[] {
  return [...holidaysOf(year).list];
}

/** Whether a date is a Swedish public holiday (or an eve schools close). */
export function isSwedishPublicHoliday(date: IsoDate): boolean {
  return holidaysOf(Number(date.slice(0, 4))).set.has(date);
}

/** Each year's holidays, computed once: a digest asks for every due date of every meeting. */
const holidayYears = new Map<number, { list: IsoDate[]; set: Set<IsoDate> }>();

function holidaysOf(year: number): { list: IsoDate[]; set: Set<IsoDate> } {
  let entry = holidayYears.get(year);
  if (!entry) {
    const list = computeHolidays(year);
    entry = { list, set: new Set(list) };
    holidayYears.set(year, entry);
  }
  return entry;
}

/** A weekday inside the school year that is neither a break nor a public holiday. */
export function isSchoolDay(date: IsoDate, options: SchoolCalendarOptions = {}): boolean {
  const d = day(date);
  return d.weekday <= 5 && !isSchoolBreak(date, options) && !isSwedishPublicHoliday(date);
}
