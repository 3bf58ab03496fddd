import Holidays from 'date-holidays';
import { DateTime } from 'luxon';
import { RRule } from 'rrule';
import type { Cadence } from '../organisation/cadence';
import { addDays, day, iso } from '../organisation/dates';
import { isInSchoolYear, schoolBreakOf, schoolYearOf, swedishPublicHolidays } from '../organisation/school-calendar';

/**
 * Meeting times and series. A meeting is planned in local wall-clock time
 * (13:00 in Stockholm) and stored as the instant that time is in its zone,
 * so a weekly series keeps 13:00 across daylight-saving changes. A cadence
 * ("at least 8 times a year") becomes a concrete series over the school year
 * that avoids weekends, public holidays and breaks.
 */

export interface LocalSlot {
  date: string;
  time: string;
}

export interface Occurrence {
  date: string;
  time: string;
  start: Date;
  end: Date;
}

export type DateWarning =
  | { kind: 'publicHoliday'; name: string }
  | { kind: 'schoolBreak'; name: string }
  | { kind: 'outsideSchoolYear' }
  | { kind: 'weekend' };

/**
 * Local wall time → instant. A time in the spring-forward gap (02:30 on the
 * last Sunday of March) does not exist and moves forward by the gap; an
 * ambiguous autumn time takes its first (summer-time) instant.
 */
export function localToInstant(slot: LocalSlot, timeZone: string): Date {
  const [h, m] = slot.time.split(':').map(Number) as [number, number];
  const d = day(slot.date);
  const local = DateTime.fromObject({ year: d.year, month: d.month, day: d.day, hour: h, minute: m }, { zone: timeZone });
  if (!local.isValid) throw new RangeError(`not a time: ${slot.date} ${slot.time} in ${timeZone}`);
  // luxon moves a time in the gap forward; in the autumn overlap it takes the
  // later (winter-time) instant, so look for the same wall time earlier.
  const wall = local.toFormat('yyyy-LL-dd HH:mm');
  for (const back of [60, 30, 120]) {
    const earlier = local.minus({ minutes: back });
    if (earlier.toFormat('yyyy-LL-dd HH:mm') === wall) return earlier.toJSDate();
  }
  return local.toJSDate();
}

export function occurrenceAt(slot: LocalSlot, durationMinutes: number, timeZone: string): Occurrence {
  const start = localToInstant(slot, timeZone);
  return { date: slot.date, time: slot.time, start, end: new Date(start.getTime() + durationMinutes * 60_000) };
}

/** Wall-clock time as a UTC "floating" Date, which is how the rrule package counts. */
function floating(date: string, time: string): Date {
  const d = day(date);
  const [h, m] = time.split(':').map(Number) as [number, number];
  return new Date(Date.UTC(d.year, d.month - 1, d.day, h, m));
}

/**
 * An RRULE expanded from the first slot in local wall time: every occurrence
 * keeps the first one's local time of day. At most `max` (52), never after
 * `until` (a local date), and by default within a year of the first.
 */
export function expandRule(
  rule: string,
  first: LocalSlot,
  durationMinutes: number,
  timeZone: string,
  options: { until?: string; max?: number } = {},
): Occurrence[] {
  const max = options.max ?? 52;
  const until = options.until ?? addDays(first.date, 365);
  const parsed = RRule.parseString(rule.replace(/^RRULE:/i, '').toUpperCase());
  const rr = new RRule({ ...parsed, dtstart: floating(first.date, first.time) });
  const end = floating(until, '23:59');
  const out: Occurrence[] = [];
  rr.all((d, i) => {
    if (i >= max || d.getTime() > end.getTime()) return false;
    const date = d.toISOString().slice(0, 10);
    const time = d.toISOString().slice(11, 16);
    out.push(occurrenceAt({ date, time }, durationMinutes, timeZone));
    return true;
  });
  return out;
}

const holidays = new Holidays('SE');
const holidayCache = new Map<string, Map<string, { sv: string; en: string }>>();

const EVES: Record<string, { sv: string; en: string }> = {
  '12-24': { sv: 'Julafton', en: 'Christmas Eve' },
  '12-31': { sv: 'Nyårsafton', en: "New Year's Eve" },
};

/** Public holidays and the eves schools close, with their names in both languages. */
function holidaysOf(year: number): Map<string, { sv: string; en: string }> {
  const key = String(year);
  let map = holidayCache.get(key);
  if (map) return map;
  map = new Map();
  const sv = holidays.getHolidays(year, 'sv') as Array<{ date: string; name: string; type: string }>;
  const en = holidays.getHolidays(year, 'en') as Array<{ date: string; name: string; type: string }>;
  for (const h of sv) {
    if (h.type !== 'public' && h.type !== 'bank') continue;
    const date = h.date.slice(0, 10);
    const english = en.find((x) => x.date === h.date)?.name ?? h.name;
    map.set(date, { sv: h.name.charAt(0).toUpperCase() + h.name.slice(1), en: english });
  }
  for (const date of swedishPublicHolidays(year)) {
    if (map.has(date)) continue;
    const eve = EVES[date.slice(5)];
    const fromLib = sv.find((x) => x.date.slice(0, 10) === date);
    map.set(date, eve ?? { sv: fromLib?.name ?? 'Helgdag', en: en.find((x) => x.date.slice(0, 10) === date)?.name ?? 'Public holiday' });
  }
  holidayCache.set(key, map);
  return map;
}

const BREAK_NAMES: Record<string, { sv: string; en: string }> = {
  sommarlov: { sv: 'sommarlovet', en: 'summer' },
  höstlov: { sv: 'höstlovet', en: 'autumn' },
  jullov: { sv: 'jullovet', en: 'Christmas' },
  sportlov: { sv: 'sportlovet', en: 'winter sports' },
  påsklov: { sv: 'påsklovet', en: 'Easter' },
};

/** Why a date is a poor meeting day, in the reader's language. */
export function dateWarnings(date: string, locale: 'sv' | 'en'): DateWarning[] {
  const out: DateWarning[] = [];
  const d = day(date);
  const holiday = holidaysOf(d.year).get(date);
  if (holiday) out.push({ kind: 'publicHoliday', name: holiday[locale] });
  if (d.weekday >= 6) out.push({ kind: 'weekend' });
  if (!isInSchoolYear(date)) out.push({ kind: 'outsideSchoolYear' });
  else {
    const b = schoolBreakOf(date);
    if (b) out.push({ kind: 'schoolBreak', name: BREAK_NAMES[b]![locale] });
  }
  return out;
}

/** A weekday inside the school year, not a holiday, an eve or a break. */
export function isGoodMeetingDate(date: string): boolean {
  const d = day(date);
  return d.weekday <= 5 && !holidaysOf(d.year).has(date) && isInSchoolYear(date) && !schoolBreakOf(date);
}

function firstWarning(date: string): DateWarning {
  return dateWarnings(date, 'sv')[0] ?? { kind: 'weekend' };
}

/** The nearest good date to a planned one: the same weekday a week later or earlier first, then any weekday of the planned week, then two weeks away. */
function nearestGood(date: string, weekday: number, notBefore: string): string | undefined {
  const candidates = [addDays(date, 7), addDays(date, -7)];
  const monday = addDays(date, -(day(date).weekday - 1));
  for (let i = 0; i < 5; i++) if (i + 1 !== weekday) candidates.push(addDays(monday, i));
  candidates.push(addDays(date, 14), addDays(date, -14));
  return candidates.find((c) => c >= notBefore && isGoodMeetingDate(c));
}

type Proposal = {
  occurrences: Occurrence[];
  moved: Array<{ from: string; to: string; reason: DateWarning }>;
  skipped: Array<{ date: string; reason: DateWarning }>;
};

/**
 * A concrete series the group's cadence proposes, from `from` (inclusive)
 * to the end of the school year `from` is in (or `until`), for the convener
 * to confirm or adjust.
 */
export function proposeSeries(
  cadence: Cadence,
  options: { from: string; time: string; durationMinutes: number; timeZone: string; weekday?: number; until?: string; max?: number },
): Proposal {
  const { from, time, durationMinutes, timeZone } = options;
  const max = options.max ?? 52;
  const sy = schoolYearOf(from);
  const until = options.until ?? (from > sy.end ? schoolYearOf(addDays(sy.end, 60)).end : sy.end);
  const weekday = options.weekday ?? day(from).weekday;
  const out: Proposal = { occurrences: [], moved: [], skipped: [] };
  const at = (date: string) => occurrenceAt({ date, time }, durationMinutes, timeZone);
  const onWeekday = (date: string) => addDays(date, (weekday - day(date).weekday + 7) % 7);
  const place = (planned: string, used: Set<string>) => {
    if (isGoodMeetingDate(planned) && !used.has(planned)) return planned;
    const alt = nearestGood(planned, weekday, from);
    if (alt && alt <= until && !used.has(alt)) {
      out.moved.push({ from: planned, to: alt, reason: firstWarning(planned) });
      return alt;
    }
    out.skipped.push({ date: planned, reason: firstWarning(planned) });
    return undefined;
  };
  /** Puts a planned date (or its nearest good one) into the series, once. */
  const take = (planned: string, used: Set<string>) => {
    const date = place(planned, used);
    if (!date) return;
    used.add(date);
    out.occurrences.push(at(date));
  };

  switch (cadence.kind) {
    case 'asNeeded':
      return out;
    case 'atLeast':
    case 'times': {
      // Spread N a year over the school-year weeks; this proposal covers the part left of the school year.
      const start = from < sy.start ? sy.start : from; // ISO dates compare as strings
      const yearWeeks = Math.max(1, day(sy.end).diff(day(sy.start), 'weeks').weeks);
      const leftWeeks = Math.max(0, day(until).diff(day(start), 'weeks').weeks);
      const count = Math.max(1, Math.round((cadence.timesPerYear * leftWeeks) / yearWeeks));
      const step = leftWeeks / count;
      const used = new Set<string>();
      for (let i = 0; i < count && out.occurrences.length < max; i++) {
        const planned = onWeekday(iso(day(start).plus({ days: Math.round(i * step * 7) })));
        if (planned > until) break;
        take(planned, used);
      }
      break;
    }
    case 'weekly': {
      for (let date = onWeekday(from); date <= until && out.occurrences.length < max; date = addDays(date, 7)) {
        if (isGoodMeetingDate(date)) out.occurrences.push(at(date));
        else out.skipped.push({ date, reason: firstWarning(date) });
      }
      break;
    }
    case 'monthly': {
      const first = day(onWeekday(from));
      const nth = Math.ceil(first.day / 7);
      const used = new Set<string>();
      for (let month = first.startOf('month'); iso(month) <= until && out.occurrences.length < max; month = month.plus({ months: 1 })) {
        if (month.month === 7) continue;
        let d = month.plus({ days: (weekday - month.weekday + 7) % 7 }).plus({ weeks: nth - 1 });
        if (d.month !== month.month) d = d.minus({ weeks: 1 });
        const planned = iso(d);
        if (planned < from || planned > until) continue;
        take(planned, used);
      }
      break;
    }
    case 'rrule': {
      for (const o of expandRule(cadence.rule, { date: from, time }, durationMinutes, timeZone, { until, max: max * 2 })) {
        if (out.occurrences.length >= max) break;
        if (isGoodMeetingDate(o.date)) out.occurrences.push(o);
        else out.skipped.push({ date: o.date, reason: firstWarning(o.date) });
      }
      break;
    }
  }
  out.occurrences.sort((a, b) => a.start.getTime() - b.start.getTime());
  return out;
}
