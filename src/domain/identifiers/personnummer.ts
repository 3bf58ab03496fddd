import { canonicalText } from '../text/canonical';
import { type PersonnummerMatch, validate } from './personnummer-checks';

export { luhnCheckDigit, type PersonnummerKind, type PersonnummerMatch } from './personnummer-checks';

/**
 * Swedish personnummer and samordningsnummer (Skatteverket SKV 704 and 707).
 *
 * Written forms: YYMMDD-NNNN, YYMMDD+NNNN (the holder is 100 or older),
 * YYMMDDNNNN, YYMMDD NNNN, and the same with a four-digit year, and every
 * other way people write them (see findPersonnummer). The last
 * digit is a Luhn check digit over the ten-digit form; a samordningsnummer
 * has 60 added to the day. Organisation numbers have a "month" of 20 or
 * more, so the calendar check already turns them away.
 *
 * This file is the scanner, which finds the written candidates; the checks
 * on their digits (date, century, Luhn) are in personnummer-checks.ts. The
 * scanner is hand-written and linear: it lists the digit runs once and
 * looks at most three runs and a few separator characters ahead of each.
 */

/** Is the code an ASCII digit? Kept here, not imported: a loader may turn an imported function into a getter read per character. */
function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Is the code at `i` an ASCII digit? Out of range is not. */
function digitAt(text: string, i: number): boolean {
  return i >= 0 && i < text.length && isDigitCode(text.charCodeAt(i));
}

/** Spaces, tabs and line breaks of any kind, and the invisible format characters that can hide inside a number. */
function isBlankCode(c: number): boolean {
  return (
    c === 32 ||
    c === 9 ||
    c === 10 ||
    c === 13 ||
    c === 11 ||
    c === 12 ||
    c === 0xa0 ||
    c === 0xad ||
    c === 0x85 ||
    (c >= 0x2000 && c <= 0x200f) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x2060 ||
    c === 0x3000 ||
    c === 0xfeff ||
    c === 0x180e ||
    (c >= 0x202a && c <= 0x202e) ||
    (c >= 0x2066 && c <= 0x2069)
  );
}

/** Hyphens, dashes and minus signs of any kind. */
function isDashCode(c: number): boolean {
  return c === 45 || (c >= 0x2010 && c <= 0x2015) || c === 0x2212 || c === 0xfe58 || c === 0xfe63 || c === 0xff0d || c === 0x2043;
}

/** The marks people write between the date and the serial number: any dash, `+`, `/`, `.`. */
function isMarkCode(c: number): boolean {
  return isDashCode(c) || c === 43 || c === 47 || c === 46;
}

export interface Run {
  start: number;
  end: number;
}

/** The ASCII digit runs of the text, in order. */
function digitRuns(text: string): Run[] {
  const runs: Run[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!isDigitCode(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < n && isDigitCode(text.charCodeAt(i))) i++;
    runs.push({ start, end: i });
  }
  return runs;
}

const MAX_GAP = 6;

/**
 * The gap between a date and its serial number: blanks (spaces, tabs, line
 * breaks, invisible characters) and at most one mark. Returns the mark's
 * code, 0 for blanks only, or -1 when the gap is no separator.
 */
function serialGap(text: string, from: number, to: number): number {
  if (to - from < 1 || to - from > MAX_GAP) return to === from ? 0 : -1;
  let mark = 0;
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (isBlankCode(c)) continue;
    if (mark !== 0 || !isMarkCode(c)) return -1;
    mark = isDashCode(c) ? 45 : c;
  }
  return mark;
}

/** A gap inside a written date (`2012-03-14`, `12.03.14`, `2012/03/14`, `12 03 14`): one mark or one space. */
function dateGap(text: string, from: number, to: number): number {
  if (to - from !== 1) return -1;
  const c = text.charCodeAt(from);
  if (isDashCode(c)) return 45;
  if (c === 47 || c === 46 || c === 32) return c;
  return -1;
}

/**
 * Whether the candidate starting at `start` is the tail of a longer number
 * (`46 850101-1234`, `2024-850101…`, `12.1102034822`). A list (`a,b`, `a;b`,
 * `a/b` of full numbers) is not one number.
 */
function joinedBefore(text: string, start: number, prev: Run | undefined, lastMatchEnd: number): boolean {
  if (start === 0) return false;
  const c = text.charCodeAt(start - 1);
  if (isDigitCode(c)) return true;
  if (!digitAt(text, start - 2)) {
    // "+46 701234-5678": a country code directly before, after one space.
    if (isBlankCode(c) && digitAt(text, start - 2)) return true;
    return false;
  }
  // After a full number, or after the number found just before: a list.
  const listed = !!prev && (prev.end - prev.start >= 6 || prev.end === lastMatchEnd);
  if (c === 44 || c === 59) return false;
  if (c === 47) return !listed;
  if (isDashCode(c) || c === 43 || c === 46 || c === 58) return true;
  if (isBlankCode(c)) {
    let j = start - 2;
    while (j >= 0 && isDigitCode(text.charCodeAt(j))) j--;
    return j >= 0 && text.charCodeAt(j) === 43;
  }
  return false;
}

/** Whether the candidate ending at `end` goes on as a longer number (`850101-1234-5`, `…1234,50`, `…1234.5`). */
function joinedAfter(text: string, end: number, next: Run | undefined): boolean {
  if (end >= text.length) return false;
  const c = text.charCodeAt(end);
  if (isDigitCode(c)) return true;
  if (!digitAt(text, end + 1)) return false;
  const nextLength = next ? next.end - next.start : 0;
  // A full number follows (also one written as a dashed date, `2012-03-14-8026`): a list.
  const listed =
    nextLength >= 6 ||
    (!!next &&
      nextLength === 4 &&
      (isDashCode(text.charCodeAt(next.end)) || text.charCodeAt(next.end) === 46 || text.charCodeAt(next.end) === 47) &&
      digitAt(text, next.end + 1));
  if (c === 44 || c === 59 || c === 47) return !listed;
  return isDashCode(c) || c === 46 || c === 58;
}

const len = (r: Run) => r.end - r.start;

/** A gap inside a number spelled out in groups: one blank, `-`, `.` or `/`, or ` - `. Its code, or -1. */
function groupGap(text: string, from: number, to: number): number {
  if (to - from === 1) {
    const c = text.charCodeAt(from);
    if (isBlankCode(c)) return 32;
    if (isDashCode(c)) return 45;
    return c === 46 || c === 47 ? c : -1;
  }
  if (
    to - from === 3 &&
    isBlankCode(text.charCodeAt(from)) &&
    isDashCode(text.charCodeAt(from + 1)) &&
    isBlankCode(text.charCodeAt(from + 2))
  )
    return 45;
  return -1;
}

/**
 * A number spelled out in small groups to slip past a reader: digit by digit
 * (`1 1 0 2 0 3 4 8 2 2`), in pairs (`11 02 03 48 22`) or as 3-3-4
 * (`110 203 4822`), with the same gap throughout (one gap may differ, where
 * the date ends). A 3-3-4 grouping starting with 0 is a phone number.
 */
function spacedGroups(text: string, runs: readonly Run[], r: number): { candidate: string; last: number } | undefined {
  // Ten digits in groups of four at most are three groups or more, the first two apart by a group's gap: most short
  // runs (a time, a date, a class) have no such neighbour, and are done here.
  if (r + 2 >= runs.length || groupGap(text, runs[r]!.end, runs[r + 1]!.start) < 0) return undefined;
  const lengths: number[] = [];
  const gaps: number[] = [];
  let digits = 0;
  for (let k = r; k < runs.length && k < r + 12 && digits < 12; k++) {
    const run = runs[k]!;
    if (k > r) {
      const g = groupGap(text, runs[k - 1]!.end, run.start);
      if (g < 0) break;
      gaps.push(g);
    }
    if (len(run) > 4) break;
    lengths.push(len(run));
    digits += len(run);
  }
  for (const total of [12, 10]) {
    let sum = 0;
    let n = 0;
    while (n < lengths.length && sum < total) sum += lengths[n++]!;
    if (sum !== total) continue;
    const shape = lengths.slice(0, n);
    const used = gaps.slice(0, n - 1);
    const differing = used.filter((g) => g !== used[0]).length;
    const ones = shape.every((x) => x === 1);
    const pairs = shape.every((x) => x === 2);
    const threeThreeFour =
      total === 10 && n === 3 && shape[0] === 3 && shape[1] === 3 && shape[2] === 4 && text.charCodeAt(runs[r]!.start) !== 48;
    if (!((ones && differing <= 1) || (pairs && differing <= 1) || (threeThreeFour && differing === 0))) continue;
    let candidate = '';
    for (let k = r; k < r + n; k++) candidate += text.slice(runs[k]!.start, runs[k]!.end);
    return { candidate, last: r + n - 1 };
  }
  return undefined;
}

/**
 * Every personnummer and samordningsnummer in `text`, in order, in every
 * way people write them: 10 or 12 digits; between date and serial nothing,
 * or blanks (spaces, tabs, line breaks, invisible characters) with at most
 * one `-` (any dash), `+`, `/` or `.`; a date written with its own
 * separators before a dashed serial (`2012-03-14-8026`, `12.03.14-8026`);
 * glued in lists (`a,b`, `a;b`, `a/b`). Digits must be ASCII: give it
 * canonical text (`canonicalText`), where every script's digits are.
 */
export function findPersonnummer(text: string, now: Date = new Date()): PersonnummerMatch[] {
  const out: PersonnummerMatch[] = [];
  // Every written form holds at least ten digits: most messages have fewer, and are done here.
  let digits = 0;
  for (let i = 0; i < text.length && digits < 10; i++) if (isDigitCode(text.charCodeAt(i))) digits++;
  if (digits < 10) return out;
  return findPersonnummerInRuns(text, digitRuns(text), now);
}

/**
 * findPersonnummer given the text's runs of ASCII digits, each as long as it goes, in text order (the detector has
 * them from its tokens, and need not read the text for them again).
 */
export function findPersonnummerInRuns(text: string, runs: readonly Run[], now: Date): PersonnummerMatch[] {
  const out: PersonnummerMatch[] = [];
  let lastMatchEnd = -1;
  for (let r = 0; r < runs.length; r++) {
    const first = runs[r]!;
    const l = len(first);
    let candidate: string | undefined;
    let last = r;
    let plus = false;
    if (l === 10 || l === 12) {
      candidate = text.slice(first.start, first.end);
    } else if (l === 6 || l === 8) {
      const serial = runs[r + 1];
      if (serial && len(serial) === 4) {
        const mark = serialGap(text, first.end, serial.start);
        if (mark >= 0 && !(mark === 43 && l === 8)) {
          candidate = text.slice(first.start, first.end) + text.slice(serial.start, serial.end);
          plus = mark === 43;
          last = r + 1;
        }
      }
    } else if (l === 2 || l === 4) {
      const month = runs[r + 1];
      const day = runs[r + 2];
      const serial = runs[r + 3];
      if (month && day && serial && len(month) === 2 && len(day) === 2 && len(serial) === 4) {
        const g1 = dateGap(text, first.end, month.start);
        const g2 = dateGap(text, month.end, day.start);
        const mark = serialGap(text, day.end, serial.start);
        if (g1 >= 0 && g1 === g2 && (mark === 45 || (mark === 43 && l === 2))) {
          candidate =
            text.slice(first.start, first.end) +
            text.slice(month.start, month.end) +
            text.slice(day.start, day.end) +
            text.slice(serial.start, serial.end);
          plus = mark === 43;
          last = r + 3;
        }
      }
    }
    if (candidate === undefined && l <= 3) {
      const spaced = spacedGroups(text, runs, r);
      if (spaced) ({ candidate, last } = spaced);
    }
    if (candidate === undefined) continue;
    const end = runs[last]!.end;
    if (joinedBefore(text, first.start, runs[r - 1], lastMatchEnd) || joinedAfter(text, end, runs[last + 1])) continue;
    const m = validate(candidate, plus, now);
    if (!m) continue;
    m.start = first.start;
    m.end = end;
    out.push(m);
    lastMatchEnd = end;
    r = last;
  }
  return out;
}

/**
 * The canonical 12-digit form (YYYYMMDDNNNN) of one written personnummer or
 * samordningsnummer, or undefined when it is not a valid one. The century of
 * a ten-digit form is the most recent one that does not put the birth date
 * in the future, one century earlier with `+`. Any spelling `findPersonnummer`
 * reads is accepted, in any script's digits.
 */
export function normalisePersonnummer(input: string, now: Date = new Date()): string | undefined {
  const text = canonicalText(input);
  const found = findPersonnummer(text, now);
  if (found.length !== 1 || found[0]!.start !== 0 || found[0]!.end !== text.length) return undefined;
  return found[0]!.normalised;
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
