import { DateTime } from 'luxon';

/**
 * RFC 5545 calendar feed of a group's meetings, for Outlook's "subscribe
 * from web". Times are written in the organisation's zone with a VTIMEZONE
 * derived from the zone's real offsets, UIDs are stable per meeting,
 * SEQUENCE grows with every change, cancelled meetings stay with
 * STATUS:CANCELLED so subscribed calendars remove them.
 */

export interface IcalEvent {
  uid: string;
  start: Date;
  end: Date;
  summary: string;
  description?: string;
  location?: string;
  url?: string;
  sequence: number;
  status: 'CONFIRMED' | 'CANCELLED';
  created?: Date;
  lastModified?: Date;
}

export interface IcalCalendar {
  name: string;
  timeZone: string;
  events: IcalEvent[];
  dtstamp: Date;
  prodId?: string;
  refreshIntervalMinutes?: number;
}

/** TEXT value escaping (RFC 5545 3.3.11). */
export function escapeText(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
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

const utc = (d: Date) => DateTime.fromJSDate(d, { zone: 'utc' }).toFormat("yyyyLLdd'T'HHmmss'Z'");
const local = (d: Date, tz: string) => DateTime.fromJSDate(d, { zone: tz }).toFormat("yyyyLLdd'T'HHmmss");

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
}

interface Transition {
  /** Local wall time just before the change, as RFC 5545 writes DTSTART of a zone component. */
  localBefore: DateTime;
  from: number;
  to: number;
  name: string;
}

/** The zone's offset changes in the given years, found by bisecting the hours where the offset differs. */
function transitions(tz: string, fromYear: number, toYear: number): Transition[] {
  const out: Transition[] = [];
  let t = DateTime.fromObject({ year: fromYear, month: 1, day: 1 }, { zone: 'utc' }).toMillis();
  const end = DateTime.fromObject({ year: toYear + 1, month: 1, day: 1 }, { zone: 'utc' }).toMillis();
  const offsetAt = (ms: number) => DateTime.fromMillis(ms, { zone: tz }).offset;
  const DAY = 86_400_000;
  while (t < end) {
    const a = offsetAt(t);
    const b = offsetAt(t + DAY);
    if (a !== b) {
      let lo = t;
      let hi = t + DAY;
      while (hi - lo > 60_000) {
        const mid = lo + Math.floor((hi - lo) / 2);
        if (offsetAt(mid) === a) lo = mid;
        else hi = mid;
      }
      const at = DateTime.fromMillis(hi, { zone: tz });
      out.push({ localBefore: DateTime.fromMillis(hi, { zone: 'utc' }).plus({ minutes: a }), from: a, to: b, name: at.offsetNameShort ?? offsetText(b) });
    }
    t += DAY;
  }
  return out;
}

/** "The last Sunday of March": the rule a transition follows, if its date is a nth or last weekday of its month. */
function byDayRule(d: DateTime): string {
  const days = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
  const last = d.plus({ weeks: 1 }).month !== d.month;
  const nth = last ? -1 : Math.ceil(d.day / 7);
  return `FREQ=YEARLY;BYMONTH=${d.month};BYDAY=${nth}${days[d.weekday - 1]}`;
}

/** A VTIMEZONE for the zone covering the years given: yearly rules when every year's change follows the same rule, else each change on its own. */
export function vtimezone(timeZone: string, fromYear: number, toYear: number): string[] {
  const lines = ['BEGIN:VTIMEZONE', `TZID:${timeZone}`];
  const all = transitions(timeZone, fromYear, toYear);
  if (all.length === 0) {
    const offset = DateTime.fromObject({ year: fromYear, month: 1, day: 1 }, { zone: timeZone });
    lines.push('BEGIN:STANDARD', `DTSTART:${fromYear}0101T000000`, `TZOFFSETFROM:${offsetText(offset.offset)}`, `TZOFFSETTO:${offsetText(offset.offset)}`, `TZNAME:${offset.offsetNameShort ?? offsetText(offset.offset)}`, 'END:STANDARD');
  } else {
    const kinds = new Map<string, Transition[]>();
    for (const tr of all) {
      const key = `${tr.from}>${tr.to}`;
      kinds.set(key, [...(kinds.get(key) ?? []), tr]);
    }
    const regular = [...kinds.values()].every((group) => {
      const rule = byDayRule(group[0]!.localBefore);
      const clock = group[0]!.localBefore.toFormat('HHmmss');
      return group.every((tr) => byDayRule(tr.localBefore) === rule && tr.localBefore.toFormat('HHmmss') === clock);
    });
    const component = (tr: Transition, rrule?: string) => {
      const kind = tr.to > tr.from ? 'DAYLIGHT' : 'STANDARD';
      return [
        `BEGIN:${kind}`,
        `DTSTART:${tr.localBefore.toFormat("yyyyLLdd'T'HHmmss")}`,
        ...(rrule ? [`RRULE:${rrule}`] : []),
        `TZOFFSETFROM:${offsetText(tr.from)}`,
        `TZOFFSETTO:${offsetText(tr.to)}`,
        `TZNAME:${tr.name}`,
        `END:${kind}`,
      ];
    };
    if (regular) for (const group of kinds.values()) lines.push(...component(group[0]!, byDayRule(group[0]!.localBefore)));
    else for (const tr of all) lines.push(...component(tr));
  }
  lines.push('END:VTIMEZONE');
  return lines;
}

export function renderCalendar(cal: IcalCalendar): string {
  const tz = cal.timeZone;
  const events = [...cal.events].sort((a, b) => a.start.getTime() - b.start.getTime() || a.uid.localeCompare(b.uid));
  const years = events.flatMap((e) => [DateTime.fromJSDate(e.start, { zone: tz }).year, DateTime.fromJSDate(e.end, { zone: tz }).year]);
  const nowYear = DateTime.fromJSDate(cal.dtstamp, { zone: tz }).year;
  const fromYear = Math.min(nowYear, ...years) - 1;
  const toYear = Math.max(nowYear, ...years) + 1;
  const refresh = cal.refreshIntervalMinutes ?? 60;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${cal.prodId ?? '-//Samverkan//Samverkan 1.0//SV'}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(cal.name)}`,
    `X-WR-TIMEZONE:${tz}`,
    `REFRESH-INTERVAL;VALUE=DURATION:PT${refresh}M`,
    `X-PUBLISHED-TTL:PT${refresh}M`,
    ...vtimezone(tz, fromYear, toYear),
  ];
  for (const e of events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${e.uid}`,
      `DTSTAMP:${utc(cal.dtstamp)}`,
      `DTSTART;TZID=${tz}:${local(e.start, tz)}`,
      `DTEND;TZID=${tz}:${local(e.end, tz)}`,
      `SUMMARY:${escapeText(e.summary)}`,
      ...(e.description ? [`DESCRIPTION:${escapeText(e.description)}`] : []),
      ...(e.location ? [`LOCATION:${escapeText(e.location)}`] : []),
      ...(e.url ? [`URL:${e.url}`] : []),
      `SEQUENCE:${e.sequence}`,
      `STATUS:${e.status}`,
      ...(e.created ? [`CREATED:${utc(e.created)}`] : []),
      ...(e.lastModified ? [`LAST-MODIFIED:${utc(e.lastModified)}`] : []),
      'TRANSP:OPAQUE',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(fold).join('\r\n') + '\r\n';
}
