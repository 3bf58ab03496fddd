import { DateTime } from 'luxon';
import { RRule } from 'rrule';
import { z } from 'zod';

/**
 * How often a group meets. `atLeast` is a floor ("minst 8 ggr/år"); `times`
 * is a planned number ("3 ggr/år"), so more meetings than that is off plan.
 */
export type Cadence =
  | { kind: 'atLeast'; timesPerYear: number }
  | { kind: 'times'; timesPerYear: number }
  | { kind: 'weekly' }
  | { kind: 'monthly' }
  | { kind: 'rrule'; rule: string }
  | { kind: 'asNeeded' };

const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  once: 1,
  two: 2,
  twice: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  en: 1,
  ett: 1,
  två: 2,
  tre: 3,
  fyra: 4,
  fem: 5,
  sex: 6,
  sju: 7,
  åtta: 8,
  nio: 9,
  tio: 10,
  elva: 11,
  tolv: 12,
};

/**
 * Checks an RFC 5545 RRULE (with or without the `RRULE:` prefix) and
 * returns its canonical text without the prefix, or an error. DTSTART is not
 * allowed: a cadence is counted from each year's start in the group's zone.
 */
export function checkRrule(text: string): { ok: true; rule: string } | { ok: false; error: string } {
  const body = text.trim().replace(/^RRULE:/i, '');
  if (!/(^|;)FREQ=/i.test(body)) return { ok: false, error: `bad RRULE "${text}": FREQ is required` };
  if (/DTSTART/i.test(body) || /\n/.test(body)) return { ok: false, error: `bad RRULE "${text}": give only the rule, without DTSTART` };
  try {
    const options = RRule.parseString(body.toUpperCase());
    if (options.freq === undefined || options.freq === null) throw new Error('FREQ is required');
    const rule = new RRule({ ...options, dtstart: new Date(Date.UTC(2026, 0, 1)) });
    rule.between(new Date(Date.UTC(2026, 0, 1)), new Date(Date.UTC(2026, 1, 1)), true);
    return { ok: true, rule: body.toUpperCase() };
  } catch (err) {
    return { ok: false, error: `bad RRULE "${text}": ${(err as Error).message}` };
  }
}

/** Reads the short written forms: "at least 8 times a year", "minst 8 gånger per år", "3 ggr/år", "weekly", "varje vecka", "RRULE:FREQ=…". */
export function parseCadenceText(text: string): Cadence | undefined {
  const s = text.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ');
  if (/^(rrule:)?freq=/i.test(s)) {
    const checked = checkRrule(text);
    return checked.ok ? { kind: 'rrule', rule: checked.rule } : undefined;
  }
  if (/^(weekly|every week|varje vecka|veckovis|en gång i veckan|once a week)$/.test(s)) return { kind: 'weekly' };
  if (/^(monthly|every month|varje månad|månadsvis|en gång i månaden|once a month)$/.test(s)) return { kind: 'monthly' };
  if (/^(as needed|when needed|vid behov|as required)$/.test(s)) return { kind: 'asNeeded' };
  const m = /^(at least |minst )?([0-9]+|[a-zåäö]+) ?(times?|gånger|gång|ggr)? ?(a|per|\/|om|i)? ?(year|år)$/.exec(s);
  if (m) {
    const n = /^[0-9]+$/.test(m[2]!) ? Number(m[2]) : NUMBER_WORDS[m[2]!];
    if (!n || n < 1 || n > 366) return undefined;
    if (!m[3] && !['once', 'twice'].includes(m[2]!)) return undefined;
    return { kind: m[1] ? 'atLeast' : 'times', timesPerYear: n };
  }
  return undefined;
}

const CadenceObject = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('atLeast'), timesPerYear: z.number().int().min(1).max(366) }).strict(),
  z.object({ kind: z.literal('times'), timesPerYear: z.number().int().min(1).max(366) }).strict(),
  z.object({ kind: z.literal('weekly') }).strict(),
  z.object({ kind: z.literal('monthly') }).strict(),
  z.object({ kind: z.literal('rrule'), rule: z.string() }).strict(),
  z.object({ kind: z.literal('asNeeded') }).strict(),
]);

/** A cadence as the organisation file may write it: an object, or one of the short texts. */
export const CadenceSchema: z.ZodType<Cadence, z.ZodTypeDef, unknown> = z.unknown().transform((value, ctx): Cadence => {
  if (value === undefined || value === null) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'cadence is required' });
    return z.NEVER;
  }
  if (typeof value === 'string') {
    const parsed = parseCadenceText(value);
    if (parsed) return parsed;
    const rr = /^\s*(rrule:)?freq=/i.test(value) ? checkRrule(value) : undefined;
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      message:
        rr && !rr.ok
          ? rr.error
          : `cannot read cadence "${value}" (try "at least 8 times a year", "3 times a year", "weekly", "monthly", "as needed" or "RRULE:FREQ=…")`,
    });
    return z.NEVER;
  }
  const result = CadenceObject.safeParse(value);
  if (!result.success) {
    for (const issue of result.error.issues) ctx.addIssue(issue);
    return z.NEVER;
  }
  if (result.data.kind === 'rrule') {
    const checked = checkRrule(result.data.rule);
    if (!checked.ok) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['rule'], message: checked.error });
      return z.NEVER;
    }
    return { kind: 'rrule', rule: checked.rule };
  }
  return result.data;
});

function yearBounds(year: number, tz: string): { start: DateTime; end: DateTime } {
  const start = DateTime.fromObject({ year, month: 1, day: 1 }, { zone: tz });
  return { start, end: start.plus({ years: 1 }) };
}

/** Wall-clock time in the zone as a UTC "floating" Date, which is how the rrule package counts. */
function floating(d: DateTime): Date {
  return new Date(Date.UTC(d.year, d.month - 1, d.day, d.hour, d.minute, d.second, d.millisecond));
}

function rruleOccurrences(rule: string, year: number, until: DateTime | 'yearEnd', tz: string): number {
  const { start, end } = yearBounds(year, tz);
  const rr = new RRule({ ...RRule.parseString(rule), dtstart: floating(start) });
  const to = until === 'yearEnd' ? floating(end.minus({ milliseconds: 1 })) : floating(until);
  return rr.between(floating(start), to, true).length;
}

/** How many meetings the cadence asks for in a whole year (null: as needed). */
export function expectedMeetingsInYear(cadence: Cadence, year: number, tz = 'Europe/Stockholm'): number | null {
  switch (cadence.kind) {
    case 'atLeast':
    case 'times':
      return cadence.timesPerYear;
    case 'weekly':
      return 52;
    case 'monthly':
      return 12;
    case 'rrule':
      return rruleOccurrences(cadence.rule, year, 'yearEnd', tz);
    case 'asNeeded':
      return null;
  }
}

/**
 * Meetings the cadence asks for from 1 January of `year` up to `now`, in
 * the group's time zone, rounded down: "N a year" pro rata by elapsed time,
 * weekly one per whole week passed, monthly one per whole month passed, an
 * RRULE by its occurrences so far. Zero for "as needed", before the year, and
 * the whole year's count after it.
 */
export function expectedMeetingsSoFar(cadence: Cadence, year: number, now: Date, tz = 'Europe/Stockholm'): number {
  const { start, end } = yearBounds(year, tz);
  const at = DateTime.fromJSDate(now, { zone: tz });
  if (cadence.kind === 'asNeeded' || at < start) return 0;
  if (at >= end) return expectedMeetingsInYear(cadence, year, tz) ?? 0;
  switch (cadence.kind) {
    case 'atLeast':
    case 'times': {
      // Wall-clock time, so the hour lost to summer time does not delay a meeting due at midnight.
      const fraction = (floating(at).getTime() - floating(start).getTime()) / (floating(end).getTime() - floating(start).getTime());
      return Math.floor(cadence.timesPerYear * fraction + 1e-9);
    }
    case 'weekly':
      return Math.min(52, Math.floor(at.startOf('day').diff(start, 'days').days / 7 + 1e-9));
    case 'monthly':
      return at.month - 1;
    case 'rrule':
      return rruleOccurrences(cadence.rule, year, at, tz);
  }
}

export interface CadenceStatus {
  /** Meetings the cadence asked for so far this year. */
  expectedSoFar: number;
  /** Meetings held this year up to now. */
  held: number;
  /** The whole year's number; null when the group meets as needed. */
  expectedYear: number | null;
  onTrack: boolean;
}

/**
 * How well the cadence is kept this year. Only meetings held this year in the
 * zone and not after `now` count. `times` is off track once more meetings
 * than planned have been held; `atLeast` never is for holding more.
 */
export function cadenceStatus(
  cadence: Cadence,
  heldDatesThisYear: ReadonlyArray<Date | string>,
  now: Date,
  tz = 'Europe/Stockholm',
): CadenceStatus {
  const at = DateTime.fromJSDate(now, { zone: tz });
  const year = at.year;
  const held = heldDatesThisYear.filter((d) => {
    const t = typeof d === 'string' ? DateTime.fromISO(d, { zone: tz }) : DateTime.fromJSDate(d, { zone: tz });
    return t.isValid && t.year === year && t <= at;
  }).length;
  const expectedSoFar = expectedMeetingsSoFar(cadence, year, now, tz);
  const expectedYear = expectedMeetingsInYear(cadence, year, tz);
  let onTrack = held >= expectedSoFar;
  if (cadence.kind === 'times' && held > cadence.timesPerYear) onTrack = false;
  return { expectedSoFar, held, expectedYear, onTrack };
}

const SV_DAYS: Record<string, string> = {
  MO: 'måndag',
  TU: 'tisdag',
  WE: 'onsdag',
  TH: 'torsdag',
  FR: 'fredag',
  SA: 'lördag',
  SU: 'söndag',
};
const SV_EVERY: Record<string, [string, string, string]> = {
  // [every, every other, unit plural]
  DAILY: ['varje dag', 'varannan dag', 'dag'],
  WEEKLY: ['varje vecka', 'varannan vecka', 'vecka'],
  MONTHLY: ['varje månad', 'varannan månad', 'månad'],
  YEARLY: ['varje år', 'vartannat år', 'år'],
};

function describeRruleSv(rule: string): string {
  const parts = Object.fromEntries(rule.split(';').map((p) => p.split('=') as [string, string]));
  const freq = SV_EVERY[parts.FREQ ?? ''];
  if (!freq) return `enligt regeln ${rule}`;
  const interval = Number(parts.INTERVAL ?? 1);
  let text = interval === 1 ? freq[0] : interval === 2 ? freq[1] : `var ${interval}:e ${freq[2]}`;
  if (parts.BYDAY) {
    const days = parts.BYDAY.split(',').map((d) => {
      const m = /^([+-]?\d+)?([A-Z]{2})$/.exec(d);
      if (!m) return d;
      const name = SV_DAYS[m[2]!] ?? m[2]!;
      if (!m[1]) return name;
      const n = Number(m[1]);
      return n === -1
        ? `sista ${name}en`
        : `${n}:a ${name}en`
            .replace(/^1:a/, 'första')
            .replace(/^2:a/, 'andra')
            .replace(/^3:e|^3:a/, 'tredje');
    });
    text += ` på ${days.join(', ').replace(/, ([^,]*)$/, ' och $1')}`;
  }
  if (parts.BYMONTHDAY) text += ` den ${parts.BYMONTHDAY}`;
  return text;
}

/** The cadence in words, for cards. */
export function describeCadence(cadence: Cadence, locale: 'sv' | 'en'): string {
  const sv = locale === 'sv';
  switch (cadence.kind) {
    case 'atLeast':
      return sv
        ? `minst ${cadence.timesPerYear} ${cadence.timesPerYear === 1 ? 'gång' : 'gånger'} per år`
        : `at least ${cadence.timesPerYear === 1 ? 'once' : `${cadence.timesPerYear} times`} a year`;
    case 'times':
      return sv
        ? `${cadence.timesPerYear} ${cadence.timesPerYear === 1 ? 'gång' : 'gånger'} per år`
        : `${cadence.timesPerYear === 1 ? 'once' : `${cadence.timesPerYear} times`} a year`;
    case 'weekly':
      return sv ? 'varje vecka' : 'weekly';
    case 'monthly':
      return sv ? 'varje månad' : 'monthly';
    case 'asNeeded':
      return sv ? 'vid behov' : 'as needed';
    case 'rrule':
      if (sv) return describeRruleSv(cadence.rule);
      try {
        return new RRule(RRule.parseString(cadence.rule)).toText();
      } catch {
        return `by the rule ${cadence.rule}`;
      }
  }
}
