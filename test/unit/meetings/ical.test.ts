import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { fold, renderCalendar, vtimezone, type IcalCalendar, type IcalEvent } from '../../../src/domain/meetings/ical';

const TZ = 'Europe/Stockholm';
const DTSTAMP = new Date('2026-03-01T08:00:00Z');

const event = (over: Partial<IcalEvent> = {}): IcalEvent => ({
  uid: 'm-abc123@samverkan',
  start: new Date('2026-03-26T12:00:00Z'),
  end: new Date('2026-03-26T13:00:00Z'),
  summary: 'Samverkansmöte',
  sequence: 0,
  status: 'CONFIRMED',
  ...over,
});

const render = (events: IcalEvent[], over: Partial<IcalCalendar> = {}) =>
  renderCalendar({ name: 'Elevhälsa – Samverkan', timeZone: TZ, dtstamp: DTSTAMP, events, ...over });

/** Parses with ical.js, which resolves each TZID from the feed's own VTIMEZONE. */
function parse(text: string) {
  const cal = new ICAL.Component(ICAL.parse(text));
  return { cal, events: cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v)) };
}

/** The logical content lines, unfolded as RFC 5545 3.1 says. */
const unfold = (text: string) => text.replace(/\r\n[ \t]/g, '').split('\r\n');

const iso = (t: ICAL.Time) => t.toJSDate().toISOString();

/** An ical.js zone built from our VTIMEZONE lines only. */
function icalZone(lines: string[]): ICAL.Timezone {
  const cal = new ICAL.Component(ICAL.parse(['BEGIN:VCALENDAR', ...lines, 'END:VCALENDAR', ''].join('\r\n')));
  return new ICAL.Timezone({
    component: cal.getFirstSubcomponent('vtimezone')!,
    tzid: String(cal.getFirstSubcomponent('vtimezone')!.getFirstPropertyValue('tzid')),
  });
}

/**
 * Through the given years (every six hours, and hour by hour around each
 * change), ical.js's reading of luxon's wall time in our VTIMEZONE must give
 * back the instant. Wall times that happen twice
 * are left out: a TZID time names the first of them.
 */
function disagreements(timeZone: string, fromYear: number, toYear: number): string[] {
  const zone = icalZone(vtimezone(timeZone, fromYear, toYear));
  const HALF_HOUR = 1_800_000;
  const wrong: string[] = [];
  // Between two changes a zone's offset stays the same, so hours are checked every six hours there, and hour by hour
  // in the two days around each change, which tzdata (luxon) shows as a different offset a day later.
  const first = Date.UTC(fromYear + 1, 0, 1);
  const end = Date.UTC(toYear, 0, 1);
  const DAY = 48 * HALF_HOUR;
  const offsets = new Map<number, number>();
  const offsetAt = (ms: number) => {
    let o = offsets.get(ms);
    if (o === undefined) offsets.set(ms, (o = DateTime.fromMillis(ms, { zone: timeZone }).offset));
    return o;
  };
  const hours = new Set<number>();
  for (let d = first; d < end; d += DAY) {
    const step = offsetAt(d) !== offsetAt(d + DAY) ? 2 * HALF_HOUR : 12 * HALF_HOUR;
    for (let t = d - (step === 2 * HALF_HOUR ? DAY : 0); t < Math.min(end, d + (step === 2 * HALF_HOUR ? 2 * DAY : DAY)); t += step)
      if (t >= first) hours.add(t);
  }
  const wall = (ms: number) => new Date(ms + offsetAt(ms) * 60_000);
  const textOf = (ms: number) => wall(ms).toISOString().slice(0, 16);
  for (const t of [...hours].sort((a, b) => a - b)) {
    const text = textOf(t);
    const nearChange = offsetAt(t - 4 * HALF_HOUR) !== offsetAt(t + 4 * HALF_HOUR);
    if (nearChange && [-2, -1, 1, 2].some((k) => textOf(t + k * HALF_HOUR) === text)) continue;
    const w = wall(t);
    const fields = {
      year: w.getUTCFullYear(),
      month: w.getUTCMonth() + 1,
      day: w.getUTCDate(),
      hour: w.getUTCHours(),
      minute: w.getUTCMinutes(),
      second: 0,
    };
    const got = ICAL.Time.fromData(fields, zone).toUnixTime() * 1000;
    if (got !== t) wrong.push(`${text}: ${new Date(got).toISOString()} != ${new Date(t).toISOString()}`);
  }
  return wrong;
}

describe('meeting times across daylight saving (Europe/Stockholm, parsed by ical.js)', () => {
  // Summer time 2026 runs from 29 March to 25 October; every meeting is at 13:00 local.
  const meetings = [
    event({ uid: 'before-spring@samverkan', start: new Date('2026-03-26T12:00:00Z'), end: new Date('2026-03-26T13:30:00Z') }),
    event({ uid: 'after-spring@samverkan', start: new Date('2026-03-31T11:00:00Z'), end: new Date('2026-03-31T12:30:00Z') }),
    event({ uid: 'before-autumn@samverkan', start: new Date('2026-10-22T11:00:00Z'), end: new Date('2026-10-22T12:30:00Z') }),
    event({ uid: 'after-autumn@samverkan', start: new Date('2026-10-27T12:00:00Z'), end: new Date('2026-10-27T13:30:00Z') }),
  ];
  const text = render(meetings);

  it('writes local wall time with the TZID', () => {
    const lines = unfold(text);
    expect(lines.filter((l) => l.startsWith('DTSTART;'))).toEqual([
      'DTSTART;TZID=Europe/Stockholm:20260326T130000',
      'DTSTART;TZID=Europe/Stockholm:20260331T130000',
      'DTSTART;TZID=Europe/Stockholm:20261022T130000',
      'DTSTART;TZID=Europe/Stockholm:20261027T130000',
    ]);
    expect(lines.filter((l) => l.startsWith('DTEND;'))).toEqual([
      'DTEND;TZID=Europe/Stockholm:20260326T143000',
      'DTEND;TZID=Europe/Stockholm:20260331T143000',
      'DTEND;TZID=Europe/Stockholm:20261022T143000',
      'DTEND;TZID=Europe/Stockholm:20261027T143000',
    ]);
  });

  it('reads back as the same UTC instants', () => {
    const { events } = parse(text);
    expect(events.map((e) => iso(e.startDate))).toEqual([
      '2026-03-26T12:00:00.000Z',
      '2026-03-31T11:00:00.000Z',
      '2026-10-22T11:00:00.000Z',
      '2026-10-27T12:00:00.000Z',
    ]);
    expect(events.map((e) => iso(e.endDate))).toEqual([
      '2026-03-26T13:30:00.000Z',
      '2026-03-31T12:30:00.000Z',
      '2026-10-22T12:30:00.000Z',
      '2026-10-27T13:30:00.000Z',
    ]);
    expect(events.map((e) => e.startDate.zone?.tzid)).toEqual([TZ, TZ, TZ, TZ]);
    expect(events.map((e) => e.startDate.utcOffset())).toEqual([3600, 7200, 7200, 3600]);
  });

  it('a meeting in the repeated hour of the autumn change keeps its instant', () => {
    // 02:30 happens twice on 25 October 2026; readers disagree on which a TZID time means.
    const first = event({ uid: 'first@samverkan', start: new Date('2026-10-25T00:30:00Z'), end: new Date('2026-10-25T01:15:00Z') });
    const second = event({ uid: 'second@samverkan', start: new Date('2026-10-25T01:30:00Z'), end: new Date('2026-10-25T02:15:00Z') });
    const out = render([first, second]);
    expect(unfold(out).filter((l) => /^DT(START|END).*20261025/.test(l))).toEqual([
      'DTSTART:20261025T003000Z',
      'DTEND:20261025T011500Z',
      'DTSTART:20261025T013000Z',
      'DTEND;TZID=Europe/Stockholm:20261025T031500',
    ]);
    const { events } = parse(out);
    expect(events.map((e) => iso(e.startDate))).toEqual(['2026-10-25T00:30:00.000Z', '2026-10-25T01:30:00.000Z']);
    expect(events.map((e) => iso(e.endDate))).toEqual(['2026-10-25T01:15:00.000Z', '2026-10-25T02:15:00.000Z']);
  });
});

describe("the VTIMEZONE, derived from the zone's real offsets", () => {
  it('Europe/Stockholm: last Sunday of March 02:00 to CEST, last Sunday of October 03:00 to CET', () => {
    expect(vtimezone(TZ, 2025, 2027)).toEqual([
      'BEGIN:VTIMEZONE',
      'TZID:Europe/Stockholm',
      'BEGIN:DAYLIGHT',
      'DTSTART:20250330T020000',
      'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
      'TZOFFSETFROM:+0100',
      'TZOFFSETTO:+0200',
      'TZNAME:CEST',
      'END:DAYLIGHT',
      'BEGIN:STANDARD',
      'DTSTART:20251026T030000',
      'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
      'TZOFFSETFROM:+0200',
      'TZOFFSETTO:+0100',
      'TZNAME:CET',
      'END:STANDARD',
      'END:VTIMEZONE',
    ]);
  });

  it("in the feed, covers the events' years and one either side", () => {
    const { cal } = parse(render([event({ start: new Date('2027-06-01T10:00:00Z'), end: new Date('2027-06-01T11:00:00Z') })]));
    const tz = cal.getFirstSubcomponent('vtimezone')!;
    expect(tz.getFirstPropertyValue('tzid')).toBe(TZ);
    const daylight = tz.getFirstSubcomponent('daylight')!;
    const standard = tz.getFirstSubcomponent('standard')!;
    // dtstamp is in 2026, so the feed starts in 2025.
    expect(daylight.getFirstProperty('dtstart')!.toICALString()).toBe('DTSTART:20250330T020000');
    expect(daylight.getFirstProperty('tzoffsetto')!.toICALString()).toBe('TZOFFSETTO:+0200');
    expect(standard.getFirstProperty('tzoffsetto')!.toICALString()).toBe('TZOFFSETTO:+0100');
    expect(String(daylight.getFirstPropertyValue('tzname'))).toBe('CEST');
    expect(String(standard.getFirstPropertyValue('tzname'))).toBe('CET');
    const zone = new ICAL.Timezone({ component: tz, tzid: TZ });
    const offset = (local: string) => zone.utcOffset(ICAL.Time.fromDateTimeString(local));
    expect(offset('2028-03-26T01:59:00')).toBe(3600);
    expect(offset('2028-03-26T03:00:00')).toBe(7200);
    expect(offset('2028-10-29T01:00:00')).toBe(7200);
    expect(offset('2028-10-29T04:00:00')).toBe(3600);
  });

  it('agrees with tzdata around every change, hour by hour, for Stockholm, New York, Lord Howe (30-minute change) and London', () => {
    expect(disagreements(TZ, 2025, 2028)).toEqual([]);
    expect(disagreements('America/New_York', 2025, 2028)).toEqual([]);
    expect(disagreements('Australia/Lord_Howe', 2025, 2028)).toEqual([]);
    expect(disagreements('Europe/London', 2025, 2028)).toEqual([]);
    // Four zones over two years: every six hours, and hour by hour in the two days around each change.
  }, 60_000);

  it("finds other zones' rules: New York on the second Sunday of March and the first of November", () => {
    const ny = vtimezone('America/New_York', 2025, 2027);
    expect(ny.filter((l) => /^(DTSTART|RRULE|TZOFFSET|TZNAME)/.test(l))).toEqual([
      'DTSTART:20250309T020000',
      'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU',
      'TZOFFSETFROM:-0500',
      'TZOFFSETTO:-0400',
      'TZNAME:EDT',
      'DTSTART:20251102T020000',
      'RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU',
      'TZOFFSETFROM:-0400',
      'TZOFFSETTO:-0500',
      'TZNAME:EST',
    ]);
  });

  it('writes each change on its own, without RRULE, when the years do not follow one rule', () => {
    // Brazil abolished daylight saving in 2019: a yearly rule would wrongly repeat it.
    const lines = vtimezone('America/Sao_Paulo', 2018, 2021);
    expect(lines.some((l) => l.startsWith('RRULE'))).toBe(false);
    expect(lines.filter((l) => l.startsWith('DTSTART'))).toEqual([
      'DTSTART:20180101T000000',
      'DTSTART:20180218T000000',
      'DTSTART:20181104T000000',
      'DTSTART:20190217T000000',
    ]);
    expect(disagreements('America/Sao_Paulo', 2018, 2021)).toEqual([]);
    // January 2020 had no summer time: a repeated rule would say -02.
    const zone = icalZone(lines);
    expect(zone.utcOffset(ICAL.Time.fromDateTimeString('2020-01-15T09:00:00'))).toBe(-3 * 3600);
    expect(zone.utcOffset(ICAL.Time.fromDateTimeString('2019-01-15T09:00:00'))).toBe(-2 * 3600);
  });

  it('a zone without daylight saving has a single STANDARD part', () => {
    expect(vtimezone('Asia/Tokyo', 2025, 2027)).toEqual([
      'BEGIN:VTIMEZONE',
      'TZID:Asia/Tokyo',
      'BEGIN:STANDARD',
      'DTSTART:20250101T000000',
      'TZOFFSETFROM:+0900',
      'TZOFFSETTO:+0900',
      'TZNAME:+09',
      'END:STANDARD',
      'END:VTIMEZONE',
    ]);
    const out = render([event({ start: new Date('2026-07-01T04:00:00Z'), end: new Date('2026-07-01T05:00:00Z') })], {
      timeZone: 'Asia/Tokyo',
    });
    expect(unfold(out)).toContain('DTSTART;TZID=Asia/Tokyo:20260701T130000');
    expect(unfold(out)).toContain('X-WR-TIMEZONE:Asia/Tokyo');
    const { cal, events } = parse(out);
    expect(cal.getFirstSubcomponent('vtimezone')!.getAllSubcomponents('daylight')).toEqual([]);
    expect(iso(events[0]!.startDate)).toBe('2026-07-01T04:00:00.000Z');
    expect(disagreements('Asia/Tokyo', 2025, 2027)).toEqual([]);
  });

  it('refuses a zone that is not an IANA zone', () => {
    expect(() => vtimezone('Europe/Atlantis', 2025, 2027)).toThrow(RangeError);
    expect(() => render([], { timeZone: 'Nowhere' })).toThrow(RangeError);
  });
});

describe('the events', () => {
  const a = event({ uid: 'm-a@samverkan', start: new Date('2026-04-02T08:00:00Z'), end: new Date('2026-04-02T09:00:00Z'), sequence: 3 });
  const b = event({
    uid: 'm-b@samverkan',
    start: new Date('2026-04-01T08:00:00Z'),
    end: new Date('2026-04-01T09:00:00Z'),
    sequence: 0,
    status: 'CANCELLED',
  });
  const c = event({
    uid: 'm-c@samverkan',
    start: new Date('2026-04-02T08:00:00Z'),
    end: new Date('2026-04-02T10:00:00Z'),
    sequence: 12,
    description: 'Agenda',
    location: 'Sal 3',
    url: 'https://example.org/m/c',
    created: new Date('2026-02-10T09:15:30Z'),
    lastModified: new Date('2026-02-20T16:45:00Z'),
  });

  it('are sorted by start (then UID), with UID and SEQUENCE round-tripping', () => {
    const { events } = parse(render([a, b, c]));
    expect(events.map((e) => e.uid)).toEqual(['m-b@samverkan', 'm-a@samverkan', 'm-c@samverkan']);
    expect(events.map((e) => e.sequence)).toEqual([0, 3, 12]);
  });

  it('the same meetings give the same bytes, whatever their order', () => {
    expect(render([c, b, a])).toBe(render([a, b, c]));
    expect(render([b, c, a])).toBe(render([a, b, c]));
  });

  it('cancelled meetings stay in the feed with STATUS:CANCELLED', () => {
    const { events } = parse(render([a, b, c]));
    expect(events.map((e) => e.component.getFirstPropertyValue('status'))).toEqual(['CANCELLED', 'CONFIRMED', 'CONFIRMED']);
    expect(events.map((e) => e.component.getFirstPropertyValue('transp'))).toEqual(['OPAQUE', 'OPAQUE', 'OPAQUE']);
  });

  it("DTSTAMP is the feed's instant, and CREATED/LAST-MODIFIED are UTC; optional fields appear only when given", () => {
    const lines = unfold(render([a, c]));
    expect(lines.filter((l) => l.startsWith('DTSTAMP'))).toEqual(['DTSTAMP:20260301T080000Z', 'DTSTAMP:20260301T080000Z']);
    expect(lines.filter((l) => /^(CREATED|LAST-MODIFIED|URL|DESCRIPTION|LOCATION)/.test(l))).toEqual([
      'DESCRIPTION:Agenda',
      'LOCATION:Sal 3',
      'URL:https://example.org/m/c',
      'CREATED:20260210T091530Z',
      'LAST-MODIFIED:20260220T164500Z',
    ]);
    const parsed = parse(render([c])).events[0]!.component;
    expect((parsed.getFirstPropertyValue('created') as ICAL.Time).toJSDate().toISOString()).toBe('2026-02-10T09:15:30.000Z');
    expect((parsed.getFirstPropertyValue('dtstamp') as ICAL.Time).toJSDate().toISOString()).toBe('2026-03-01T08:00:00.000Z');
    expect(parsed.getFirstPropertyValue('url')).toBe('https://example.org/m/c');
  });

  it('escapes , ; \\ and line breaks in TEXT, and they round-trip', () => {
    const summary = 'Möte, med komma; semikolon \\ backslash och ny\nrad';
    const location = 'Sal 3, plan 2; "Nämndrummet"\r\nIngång B\\C';
    const description = 'Punkt 1;\npunkt 2,\n\\n är inte en radbrytning';
    const out = render([event({ summary, location, description })]);
    expect(unfold(out)).toContain('SUMMARY:Möte\\, med komma\\; semikolon \\\\ backslash och ny\\nrad');
    expect(unfold(out)).toContain('LOCATION:Sal 3\\, plan 2\\; "Nämndrummet"\\nIngång B\\\\C');
    const e = parse(out).events[0]!;
    expect(e.summary).toBe(summary);
    expect(e.location).toBe('Sal 3, plan 2; "Nämndrummet"\nIngång B\\C');
    expect(e.description).toBe(description);
  });
});

describe('line format', () => {
  const long = `${'Överenskommelse om samverkan kring barn och unga i Västerås, Gävle och Umeå – åäö ÅÄÖ 🙂👩‍👩‍👧 '.repeat(5)}🙂🙂🙂`;

  it('folds long Swedish text at 75 octets without splitting a character, and unfolds back exactly', () => {
    const out = render([event({ summary: long, description: long })], { name: long });
    const physical = out.split('\r\n');
    for (const line of physical) {
      expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
      // A split surrogate pair would not survive a UTF-8 round trip.
      expect(Buffer.from(line, 'utf8').toString('utf8')).toBe(line);
    }
    expect(physical.filter((l) => l.startsWith(' ')).length).toBeGreaterThan(10);
    const logical = unfold(out);
    expect(logical).toContain(`SUMMARY:${long.replace(/,/g, '\\,')}`);
    expect(logical).toContain(`X-WR-CALNAME:${long.replace(/,/g, '\\,')}`);
    const { cal, events } = parse(out);
    expect(events[0]!.summary).toBe(long);
    expect(events[0]!.description).toBe(long);
    // ical.js leaves X- properties unescaped, so compare the raw value.
    expect(cal.getFirstPropertyValue('x-wr-calname')).toBe(long.replace(/,/g, '\\,'));
  });

  it('folds as late as it can: at 75 octets, and before a character that would cross it', () => {
    expect(fold('a'.repeat(75))).toBe('a'.repeat(75));
    expect(fold('a'.repeat(76))).toBe(`${'a'.repeat(75)}\r\n a`);
    expect(fold(`${'a'.repeat(74)}ä`)).toBe(`${'a'.repeat(74)}\r\n ä`);
    expect(fold(`${'a'.repeat(73)}ä`)).toBe(`${'a'.repeat(73)}ä`);
    expect(fold(`${'a'.repeat(72)}🙂`)).toBe(`${'a'.repeat(72)}\r\n 🙂`);
    // Continuation lines hold 74 octets after their leading space.
    expect(fold('a'.repeat(75 + 74 + 1)).split('\r\n')).toEqual(['a'.repeat(75), ` ${'a'.repeat(74)}`, ' a']);
  });

  it('uses CRLF everywhere and ends with one', () => {
    const out = render([event({ description: 'rad 1\nrad 2' })]);
    expect(out.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(out.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });
});

describe('the calendar', () => {
  it('an empty calendar is valid and carries its headers and zone', () => {
    const out = render([]);
    const lines = unfold(out);
    expect(lines.slice(0, 10)).toEqual([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Samverkan//Samverkan 1.0//SV',
      'CALSCALE:GREGORIAN',
      'METHOD:PUBLISH',
      'X-WR-CALNAME:Elevhälsa – Samverkan',
      'X-WR-TIMEZONE:Europe/Stockholm',
      'REFRESH-INTERVAL;VALUE=DURATION:PT60M',
      'X-PUBLISHED-TTL:PT60M',
      'BEGIN:VTIMEZONE',
    ]);
    const { cal, events } = parse(out);
    expect(events).toEqual([]);
    expect(cal.getFirstPropertyValue('x-wr-calname')).toBe('Elevhälsa – Samverkan');
    expect(cal.getFirstSubcomponent('vtimezone')!.getFirstPropertyValue('tzid')).toBe(TZ);
    expect(lines.slice(-3)).toEqual(['END:VTIMEZONE', 'END:VCALENDAR', '']);
  });

  it('takes its PRODID and refresh interval from the input', () => {
    const { cal } = parse(render([], { prodId: '-//Kommunen//Feed 2//SV', refreshIntervalMinutes: 15 }));
    expect(cal.getFirstPropertyValue('prodid')).toBe('-//Kommunen//Feed 2//SV');
    expect(String(cal.getFirstPropertyValue('refresh-interval'))).toBe('PT15M');
    expect(String(cal.getFirstPropertyValue('x-published-ttl'))).toBe('PT15M');
  });
});
