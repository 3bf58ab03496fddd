import { DateTime, IANAZone } from 'luxon';

/** A calendar date as the organisation file writes it: `YYYY-MM-DD`. */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written `YYYY-MM-DD` (2024-02-29 yes, 2023-02-29 no). */
export function isIsoDate(text: unknown): text is IsoDate {
  if (typeof text !== 'string') return false;
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  return DateTime.fromObject({ year: +m[1]!, month: +m[2]!, day: +m[3]! }, { zone: 'UTC' }).isValid;
}

export function isTimeZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}

/** The date as a UTC-midnight DateTime, for pure calendar arithmetic (no DST, no zone). */
export function day(iso: IsoDate): DateTime {
  const d = DateTime.fromISO(iso, { zone: 'UTC' });
  if (!d.isValid || !isIsoDate(iso)) throw new RangeError(`not a date: ${iso}`);
  return d;
}

export function iso(d: DateTime): IsoDate {
  return d.toISODate()!;
}

/** The local calendar date of an instant in a time zone. */
export function localDate(now: Date, tz: string): IsoDate {
  return DateTime.fromJSDate(now, { zone: tz }).toISODate()!;
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round(day(to).diff(day(from), 'days').days);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return iso(day(date).plus({ days }));
}

/** Adds months, clamping to the month's end (2024-01-31 + 1 month = 2024-02-29). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  return iso(day(date).plus({ months }));
}

/** `day` in the given month, clamped to the month's length (day 31 in June is June 30). */
export function clampedDate(year: number, month: number, dayOfMonth?: number): IsoDate {
  const first = DateTime.fromObject({ year, month, day: 1 }, { zone: 'UTC' });
  const last = first.daysInMonth!;
  return iso(first.set({ day: Math.min(dayOfMonth ?? last, last) }));
}

/** Monday (weekday 1) … Sunday (7). */
export function weekday(date: IsoDate): number {
  return day(date).weekday;
}

/** The Monday of ISO week `week` of ISO week-year `year`. */
export function mondayOfIsoWeek(year: number, week: number): IsoDate {
  return iso(DateTime.fromObject({ weekYear: year, weekNumber: week, weekday: 1 }, { zone: 'UTC' }));
}

/** Easter Sunday (Gregorian, the anonymous algorithm). */
export function easterSunday(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const dayOfMonth = ((h + l - 7 * m + 114) % 31) + 1;
  return iso(DateTime.fromObject({ year, month, day: dayOfMonth }, { zone: 'UTC' }));
}
