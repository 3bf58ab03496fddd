import { isIsoDate } from '../organisation/dates';

/**
 * The arguments of `boka flytta` / `schedule move` and `boka ställ in` /
 * `schedule cancel`: a meeting is named by its date (the group's meeting that
 * day) or by its id, as the card's buttons give it.
 */

export type MeetingRef = { kind: 'date'; date: string } | { kind: 'id'; id: string };

export type MoveArgs = { ok: true; meeting: MeetingRef; date: string; time?: string } | { ok: false };
export type CancelArgs = { ok: true; meeting: MeetingRef; series: boolean } | { ok: false };

const TIME = /^([01]?\d|2[0-3])[:.]([0-5]\d)$/;
const MEETING_ID = /^[a-z0-9][a-z0-9._-]{0,63}\.[a-z0-9]{10,16}$/;
const LINKING_WORDS = new Set(['till', 'to', '->', '→', 'kl', 'kl.', 'at']);
const SERIES_WORDS = new Set(['serien', 'serie', 'series', 'hela', 'whole', 'the', 'resten', 'rest', 'av', 'of']);

/** "9:00", "09.00" → "09:00". */
export function normaliseTime(text: string): string | undefined {
  const m = TIME.exec(text.trim());
  return m ? `${m[1]!.padStart(2, '0')}:${m[2]}` : undefined;
}

function meetingRef(token: string | undefined): MeetingRef | undefined {
  if (!token) return undefined;
  if (isIsoDate(token)) return { kind: 'date', date: token };
  if (MEETING_ID.test(token)) return { kind: 'id', id: token };
  return undefined;
}

function tokens(args: string): string[] {
  return args
    .trim()
    .toLocaleLowerCase('sv')
    .split(/\s+/)
    .filter((t) => t.length > 0);
}

export function parseMoveArgs(args: string): MoveArgs {
  const words = tokens(args).filter((t) => !LINKING_WORDS.has(t));
  if (words.length < 2 || words.length > 3) return { ok: false };
  const meeting = meetingRef(words[0]);
  if (!meeting || !isIsoDate(words[1])) return { ok: false };
  if (words.length === 2) return { ok: true, meeting, date: words[1]! };
  const time = normaliseTime(words[2]!);
  return time ? { ok: true, meeting, date: words[1]!, time } : { ok: false };
}

export function parseCancelArgs(args: string): CancelArgs {
  const words = tokens(args);
  if (words.length < 1) return { ok: false };
  const meeting = meetingRef(words[0]);
  if (!meeting) return { ok: false };
  const rest = words.slice(1);
  if (rest.some((w) => !SERIES_WORDS.has(w))) return { ok: false };
  return { ok: true, meeting, series: rest.some((w) => w === 'serien' || w === 'serie' || w === 'series') };
}

export type DatesLine = { ok: true; date: string; time?: string } | { ok: false; line: string };

/** The series confirmation's text: one "YYYY-MM-DD [HH:mm]" per line (commas and semicolons also separate). */
export function parseDatesText(text: string): DatesLine[] {
  return text
    .split(/[\r\n,;]+/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0)
    .map((line): DatesLine => {
      const [date, time, ...rest] = line.split(/\s+/);
      if (rest.length || !isIsoDate(date)) return { ok: false, line };
      if (time === undefined) return { ok: true, date: date! };
      const t = normaliseTime(time);
      return t ? { ok: true, date: date!, time: t } : { ok: false, line };
    });
}
