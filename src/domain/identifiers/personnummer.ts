/**
 * Swedish personnummer and samordningsnummer (Skatteverket SKV 704 and 707).
 *
 * Written forms: YYMMDD-NNNN, YYMMDD+NNNN (the holder is 100 or older),
 * YYMMDDNNNN, YYMMDD NNNN, and the same with a four-digit year. The last
 * digit is a Luhn check digit over the ten-digit form; a samordningsnummer
 * has 60 added to the day. Organisation numbers have a "month" of 20 or
 * more, so the calendar check already turns them away.
 *
 * The scanner is hand-written and linear: it reads each digit run once and
 * looks at most one separator and four digits ahead.
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

function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Separators between the date and the serial number: hyphen, en dash, plus, space, no-break space. */
function isSeparatorCode(c: number): boolean {
  return c === 45 || c === 0x2013 || c === 43 || c === 32 || c === 0xa0;
}

/** Luhn over ten digits given as char codes in `s` from `at`. */
function luhn10(s: string, at: number): boolean {
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    let d = (s.charCodeAt(at + i) - ZERO) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return sum % 10 === 0;
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
function validate(digits: string, plus: boolean, now: Date): PersonnummerMatch | undefined {
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

/** Is the code at `i` a digit? Out of range is not. */
function digitAt(text: string, i: number): boolean {
  return i >= 0 && i < text.length && isDigitCode(text.charCodeAt(i));
}

/**
 * A run of digits directly before `i` joined to it by one separator (e.g.
 * `46 850101-1234` or `2024-850101`) makes the candidate part of a longer
 * number; a space before it counts only after digit groups typical of phone
 * numbers, so we refuse on any digit-separator-digit link except a plain
 * space after a word.
 */
function joinedBefore(text: string, start: number): boolean {
  if (start === 0) return false;
  const c = text.charCodeAt(start - 1);
  if (isDigitCode(c)) return true;
  if ((c === 45 || c === 43 || c === 0x2013 || c === 47 || c === 46 || c === 58 || c === 44) && digitAt(text, start - 2)) return true;
  // "+46 701234-5678": a country code directly before.
  if (c === 32 && digitAt(text, start - 2)) {
    let j = start - 2;
    while (j >= 0 && isDigitCode(text.charCodeAt(j))) j--;
    if (j >= 0 && text.charCodeAt(j) === 43) return true;
  }
  return false;
}

function joinedAfter(text: string, end: number): boolean {
  if (end >= text.length) return false;
  const c = text.charCodeAt(end);
  if (isDigitCode(c)) return true;
  // "850101-1234-5", "850101-1234,50", "850101-1234.5": still a longer number.
  if ((c === 45 || c === 0x2013 || c === 47 || c === 46 || c === 44 || c === 58) && digitAt(text, end + 1)) return true;
  return false;
}

/** Every personnummer and samordningsnummer in `text`, in order. */
export function findPersonnummer(text: string, now: Date = new Date()): PersonnummerMatch[] {
  const out: PersonnummerMatch[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!isDigitCode(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < n && isDigitCode(text.charCodeAt(i))) i++;
    const runEnd = i;
    const len = runEnd - start;
    if (len !== 6 && len !== 8 && len !== 10 && len !== 12) continue;
    if (joinedBefore(text, start)) continue;
    let candidate: string | undefined;
    let plus = false;
    let end = runEnd;
    if (len === 10 || len === 12) {
      if (!joinedAfter(text, runEnd)) candidate = text.slice(start, runEnd);
    } else if (runEnd + 5 <= n && isSeparatorCode(text.charCodeAt(runEnd))) {
      const sepCode = text.charCodeAt(runEnd);
      let k = runEnd + 1;
      while (k < n && k < runEnd + 5 && isDigitCode(text.charCodeAt(k))) k++;
      if (k === runEnd + 5 && !joinedAfter(text, k) && !(len === 8 && sepCode === 43)) {
        candidate = text.slice(start, runEnd) + text.slice(runEnd + 1, k);
        plus = sepCode === 43;
        end = k;
      }
    }
    if (candidate === undefined) continue;
    const m = validate(candidate, plus, now);
    if (m) {
      m.start = start;
      m.end = end;
      out.push(m);
      i = end;
    }
  }
  return out;
}

const WHOLE = /^(\d{6}|\d{8})([-+\u2013 \u00a0]?)(\d{4})$/;

/**
 * The canonical 12-digit form (YYYYMMDDNNNN) of one written personnummer or
 * samordningsnummer, or undefined when it is not a valid one. The century of
 * a ten-digit form is the most recent one that does not put the birth date
 * in the future, one century earlier with `+`.
 */
export function normalisePersonnummer(input: string, now: Date = new Date()): string | undefined {
  const m = WHOLE.exec(input.trim());
  if (!m) return undefined;
  const [, date, sep, serial] = m as unknown as [string, string, string, string];
  if (sep === '+' && date.length === 8) return undefined;
  return validate(date + serial, sep === '+', now)?.normalised;
}

/** Whether `input` is, as a whole, a valid personnummer or samordningsnummer in any written form. */
export function isValidPersonnummer(input: string, now: Date = new Date()): boolean {
  return normalisePersonnummer(input, now) !== undefined;
}

/** Whether a valid number is a samordningsnummer (day + 60). */
export function isSamordningsnummer(input: string, now: Date = new Date()): boolean {
  const n = normalisePersonnummer(input, now);
  return n !== undefined && Number(n.slice(6, 8)) > 60;
}

/** The Luhn check digit for the first nine digits of a ten-digit form; for building test numbers. */
export function luhnCheckDigit(nineDigits: string): number {
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    let d = (nineDigits.charCodeAt(i) - ZERO) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}
