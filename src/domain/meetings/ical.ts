import { DateTime, IANAZone } from 'luxon';

/**
 * RFC 5545 calendar feed of a group's meetings, for Outlook's "subscribe
 * from web". Times are written in the organisation's zone with a VTIMEZONE
 * derived from the zone's real offsets, UIDs are stable per meeting,
 * SEQUENCE grows with every change, cancelled meetings stay with
 * STATUS:CANCELLED so subscribed calendars remove them.
 */

export interface IcalEvent {
  /** Stable per meeting, e.g. "m-abc123@samverkan". */
  uid: string;
  start: Date;
  end: Date;
  summary: string;
  description?: string;
  location?: string;
  url?: string;
  /** Bumped on every change, so clients replace their copy. */
  sequence: number;
  status: 'CONFIRMED' | 'CANCELLED';
  created?: Date;
  lastModified?: Date;
}

export interface IcalCalendar {
  /** X-WR-CALNAME. */
  name: string;
  /** IANA zone the times are written in. */
  timeZone: string;
  events: IcalEvent[];
  /** The feed's generation instant, the DTSTAMP of every VEVENT. */
  dtstamp: Date;
  /** Default '-//Samverkan//Samverkan 1.0//SV'. */
  prodId?: string;
  /** REFRESH-INTERVAL and X-PUBLISHED-TTL, default 60. */
  refreshIntervalMinutes?: number;
}

const MINUTE = 60_000;
const DAY = 86_400_000;

/** TEXT value escaping (RFC 5545 3.3.11). */
export function escapeText(s: string): string {
  return (
    s
      // TEXT may not hold control characters other than tab; user input sometimes does.
      .replace(/[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]/g, '')
      .replace(/\\/g, '\\\\')
      .replace(/;/g, '\\;')
      .replace(/,/g, '\\,')
      .replace(/\r\n|\r|\n/g, '\\n')
  );
}

/** Folds a content line at 75 octets without splitting a UTF-8 character (RFC 5545 3.1). */
export function fold(line: string): string {
  const out: string[] = [];
  let current = '';
  let bytes = 0;
  for (const ch of line) {
    const b = Buffer.byteLength(ch, 'utf8');
    const limit = out.length === 0 ? 75 : 74; // continuation lines start with a space
    if (bytes + b > limit) {
      out.push(current);
      current = '';
      bytes = 0;
    }
    current += ch;
    bytes += b;
  }
  out.push(current);
  return out.join('\r\n ');
}

const BASIC = "yyyyLLdd'T'HHmmss";
const utc = (d: Date) => DateTime.fromMillis(d.getTime(), { zone: 'utc' }).toFormat(`${BASIC}'Z'`);

function zoneOf(timeZone: string): IANAZone {
  if (!IANAZone.isValidZone(timeZone)) throw new RangeError(`unknown time zone: ${timeZone}`);
  return IANAZone.create(timeZone);
}

/**
 * `;TZID=<zone>:<wall time>`, or `:<utc>Z` for a wall time that happens twice
 * (the repeated hour after a fall-back): RFC 5545 3.3.5 says a TZID time
 * names the first, but readers differ (ical.js takes the second).
 */
function dateTimeValue(d: Date, timeZone: string, zone: IANAZone): string {
  const ms = Math.floor(d.getTime() / 1000) * 1000;
  const wall = ms + zone.offset(ms) * MINUTE;
  const readings = [...new Set([zone.offset(ms - DAY), zone.offset(ms), zone.offset(ms + DAY)])]
    .map((o) => wall - o * MINUTE)
    .filter((u) => zone.offset(u) * MINUTE === wall - u);
  if (readings.length > 1) return `:${utc(d)}`;
  return `;TZID=${timeZone}:${DateTime.fromMillis(wall, { zone: 'utc' }).toFormat(BASIC)}`;
}

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
}

/**
 * The zone's abbreviation at an instant: en-US knows the American ones,
 * en-GB the European (CET/CEST, BST); zones with none get tzdata's numeric
 * form ("+09"). Fixed locales keep the output independent of the host.
 */
function zoneName(timeZone: string, ms: number, offset: number): string {
  for (const locale of ['en-US', 'en-GB']) {
    const name = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'short' })
      .formatToParts(new Date(ms))
      .find((p) => p.type === 'timeZoneName')?.value;
    if (name && /^[A-Z]{2,6}$/.test(name)) return name;
  }
  const text = offsetText(offset);
  return offset % 60 === 0 ? text.slice(0, 3) : text;
}

interface Transition {
  /** Local wall time just before the change, as RFC 5545 writes DTSTART of a zone component. */
  localBefore: DateTime;
  from: number;
  to: number;
  name: string;
}

/** The zone's offset changes whose local date falls in the given years. */
function transitions(timeZone: string, zone: IANAZone, fromYear: number, toYear: number): Transition[] {
  const out: Transition[] = [];
  // A day either side, so changes near New Year are judged by their local date.
  const end = Date.UTC(toYear + 1, 0, 2);
  // Daily steps: no zone has changed its offset twice within a day in modern tzdata.
  for (let t = Date.UTC(fromYear, 0, 0); t < end; t += DAY) {
    const a = zone.offset(t);
    const b = zone.offset(t + DAY);
    if (a === b) continue;
    // Offsets change on whole minutes, so bisect over minutes.
    let lo = t / MINUTE;
    let hi = lo + DAY / MINUTE;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (zone.offset(mid * MINUTE) === a) lo = mid;
      else hi = mid;
    }
    const at = hi * MINUTE;
    const to = zone.offset(at);
    const localBefore = DateTime.fromMillis(at + a * MINUTE, { zone: 'utc' });
    if (localBefore.year < fromYear || localBefore.year > toYear) continue;
    out.push({ localBefore, from: a, to, name: zoneName(timeZone, at, to) });
  }
  return out;
}

const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

/** The BYDAY forms a date fits: "nth weekday of its month" and, in the last week, "last weekday". */
function byDays(d: DateTime): string[] {
  const day = WEEKDAYS[d.weekday - 1]!;
  const forms = [`${Math.ceil(d.day / 7)}${day}`];
  if (d.plus({ weeks: 1 }).month !== d.month) forms.unshift(`-1${day}`);
  return forms;
}

/**
 * A yearly RRULE for a kind of change, only when it happens exactly once in
 * every covered year on the same BYDAY and wall-clock time; otherwise a rule
 * would repeat it into years where it does not happen.
 */
function yearlyRule(group: Transition[], fromYear: number, toYear: number): string | undefined {
  const years = new Set(group.map((tr) => tr.localBefore.year));
  if (group.length !== toYear - fromYear + 1 || years.size !== group.length) return undefined;
  const first = group[0]!.localBefore;
  const clock = first.toFormat('HHmmss');
  if (!group.every((tr) => tr.localBefore.month === first.month && tr.localBefore.toFormat('HHmmss') === clock)) return undefined;
  const common = byDays(first).find((form) => group.every((tr) => byDays(tr.localBefore).includes(form)));
  return common ? `FREQ=YEARLY;BYMONTH=${first.month};BYDAY=${common}` : undefined;
}

function component(kind: 'STANDARD' | 'DAYLIGHT', start: DateTime, from: number, to: number, name: string, rrule?: string): string[] {
  return [
    `BEGIN:${kind}`,
    `DTSTART:${start.toFormat(BASIC)}`,
    ...(rrule ? [`RRULE:${rrule}`] : []),
    `TZOFFSETFROM:${offsetText(from)}`,
    `TZOFFSETTO:${offsetText(to)}`,
    `TZNAME:${name}`,
    `END:${kind}`,
  ];
}

const kindOf = (tr: Transition) => (tr.to > tr.from ? 'DAYLIGHT' : 'STANDARD');

/**
 * A VTIMEZONE for the zone covering the given years: yearly rules when every
 * year's changes follow the same rules, else each change on its own.
 */
export function vtimezone(timeZone: string, fromYear: number, toYear: number): string[] {
  const zone = zoneOf(timeZone);
  const lines = ['BEGIN:VTIMEZONE', `TZID:${timeZone}`];
  const all = transitions(timeZone, zone, fromYear, toYear);
  const startOfRange = DateTime.fromObject({ year: fromYear, month: 1, day: 1 }, { zone: 'utc' });
  if (all.length === 0) {
    const at = Date.UTC(fromYear, 0, 1);
    const offset = zone.offset(at);
    lines.push(...component('STANDARD', startOfRange, offset, offset, zoneName(timeZone, at, offset)));
  } else {
    const kinds = new Map<string, Transition[]>();
    for (const tr of all) {
      const key = `${tr.from}>${tr.to}`;
      kinds.set(key, [...(kinds.get(key) ?? []), tr]);
    }
    const rules = [...kinds.values()].map((group) => ({ group, rule: yearlyRule(group, fromYear, toYear) }));
    if (rules.every((r) => r.rule)) {
      for (const { group, rule } of rules) {
        const tr = group[0]!;
        lines.push(...component(kindOf(tr), tr.localBefore, tr.from, tr.to, tr.name, rule));
      }
    } else {
      // Without rules nothing would define the offset before the first change in range.
      const first = all[0]!;
      const at = startOfRange.toMillis() - first.from * MINUTE;
      lines.push(
        ...component(
          first.to < first.from ? 'DAYLIGHT' : 'STANDARD',
          startOfRange,
          first.from,
          first.from,
          zoneName(timeZone, at, first.from),
        ),
      );
      for (const tr of all) lines.push(...component(kindOf(tr), tr.localBefore, tr.from, tr.to, tr.name));
    }
  }
  lines.push('END:VTIMEZONE');
  return lines;
}

/** A URI is not TEXT and cannot be escaped; a line break in one would end the property. */
const uri = (s: string) => s.replace(/\r/g, '%0D').replace(/\n/g, '%0A');

export function renderCalendar(cal: IcalCalendar): string {
  const tz = cal.timeZone;
  const zone = zoneOf(tz);
  // Plain comparison, not localeCompare, so the order does not depend on the host's locale.
  const events = [...cal.events].sort((a, b) => a.start.getTime() - b.start.getTime() || (a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0));
  const yearOf = (d: Date) => DateTime.fromMillis(d.getTime(), { zone: tz }).year;
  let fromYear = yearOf(cal.dtstamp);
  let toYear = fromYear;
  for (const e of events) {
    fromYear = Math.min(fromYear, yearOf(e.start), yearOf(e.end));
    toYear = Math.max(toYear, yearOf(e.start), yearOf(e.end));
  }
  const refresh = Math.max(1, Math.round(cal.refreshIntervalMinutes ?? 60));
  const dtstamp = utc(cal.dtstamp);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${escapeText(cal.prodId ?? '-//Samverkan//Samverkan 1.0//SV')}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(cal.name)}`,
    `X-WR-TIMEZONE:${tz}`,
    `REFRESH-INTERVAL;VALUE=DURATION:PT${refresh}M`,
    `X-PUBLISHED-TTL:PT${refresh}M`,
    ...vtimezone(tz, fromYear - 1, toYear + 1),
  ];
  for (const e of events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${escapeText(e.uid)}`,
      `DTSTAMP:${dtstamp}`,
      `DTSTART${dateTimeValue(e.start, tz, zone)}`,
      `DTEND${dateTimeValue(e.end, tz, zone)}`,
      `SUMMARY:${escapeText(e.summary)}`,
      ...(e.description ? [`DESCRIPTION:${escapeText(e.description)}`] : []),
      ...(e.location ? [`LOCATION:${escapeText(e.location)}`] : []),
      ...(e.url ? [`URL:${uri(e.url)}`] : []),
      `SEQUENCE:${Math.max(0, Math.trunc(e.sequence))}`,
      `STATUS:${e.status}`,
      ...(e.created ? [`CREATED:${utc(e.created)}`] : []),
      ...(e.lastModified ? [`LAST-MODIFIED:${utc(e.lastModified)}`] : []),
      'TRANSP:OPAQUE',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(fold).join('\r\n')}\r\n`;
}
