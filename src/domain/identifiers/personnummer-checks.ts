/**
 * The checks on a personnummer's or samordningsnummer's digits once the
 * scanner (personnummer.ts) has put them together: a real calendar date
 * (day + 60 for a samordningsnummer), a year not in the future, and the
 * Luhn check digit over the ten-digit form.
 */

export type PersonnummerKind = 'personnummer' | 'samordningsnummer';

export interface PersonnummerMatch {
  kind: PersonnummerKind;
  start: number;
  end: number;
  /** The canonical 12-digit form, YYYYMMDDNNNN (day + 60 kept for a samordningsnummer). */
  normalised: string;
}

const ZERO = 48;

export function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** The Luhn sum of `count` digits of `s` from `at`: every other digit doubled, from the first, the digits of a product added. */
function luhnSum(s: string, at: number, count: number): number {
  let sum = 0;
  for (let i = 0; i < count; i++) {
    let d = (s.charCodeAt(at + i) - ZERO) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return sum;
}

/** Luhn over ten digits given as char codes in `s` from `at`. */
function luhn10(s: string, at: number): boolean {
  return luhnSum(s, at, 10) % 10 === 0;
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysIn(year: number, month: number): number {
  return month === 2 && isLeap(year) ? 29 : DAYS[month - 1]!;
}

function two(s: string, at: number): number {
  return (s.charCodeAt(at) - ZERO) * 10 + (s.charCodeAt(at + 1) - ZERO);
}

/**
 * Validates the digits of one candidate. `digits` holds 10 or 12 digits
 * without separator; `plus` says the ten-digit form was written with `+`.
 */
export function validate(digits: string, plus: boolean, now: Date): PersonnummerMatch | undefined {
  const off = digits.length === 12 ? 2 : 0;
  const yy = two(digits, off);
  const month = two(digits, off + 2);
  const rawDay = two(digits, off + 4);
  if (month < 1 || month > 12) return undefined;
  const kind: PersonnummerKind = rawDay > 60 ? 'samordningsnummer' : 'personnummer';
  const day = rawDay > 60 ? rawDay - 60 : rawDay;
  if (day < 1) return undefined;
  const thisYear = now.getUTCFullYear();
  let year: number;
  if (off === 2) {
    year = two(digits, 0) * 100 + yy;
    if (year < 1880 || year > thisYear) return undefined;
  } else {
    // The most recent year with these two digits that is not in the future; `+` adds a century.
    year = Math.floor(thisYear / 100) * 100 + yy;
    const todayKey = (now.getUTCMonth() + 1) * 100 + now.getUTCDate();
    if (year > thisYear || (year === thisYear && month * 100 + day > todayKey)) year -= 100;
    if (plus) year -= 100;
  }
  if (day > daysIn(year, month)) return undefined;
  if (!luhn10(digits, off)) return undefined;
  const century = String(Math.floor(year / 100));
  return { kind, start: 0, end: 0, normalised: century + digits.slice(off) };
}

/** The Luhn check digit for the first nine digits of a ten-digit form; for building test numbers. */
export function luhnCheckDigit(nineDigits: string): number {
  return (10 - (luhnSum(nineDigits, 0, 9) % 10)) % 10;
}
