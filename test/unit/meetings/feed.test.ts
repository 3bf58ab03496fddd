import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { fold, renderCalendar, vtimezone, type IcalEvent } from '../../../src/domain/meetings/ical';

const event = (over: Partial<IcalEvent>): IcalEvent => ({
  uid: 'samverkansgrupp.abcdefghij12@samverkan',
  start: new Date('2026-03-26T12:00:00Z'),
  end: new Date('2026-03-26T13:30:00Z'),
  summary: 'Samverkansgrupp',
  sequence: 0,
  status: 'CONFIRMED',
  ...over,
});

function parse(text: string) {
  const cal = new ICAL.Component(ICAL.parse(text));
  return { cal, events: cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v)) };
}

describe('the iCalendar feed (parsed by ical.js)', () => {
  const body = renderCalendar({
    name: 'Samverkansgrupp – Samverkan',
    timeZone: 'Europe/Stockholm',
    dtstamp: new Date('2026-03-01T08:00:00Z'),
    events: [
      event({ uid: 'b@samverkan', start: new Date('2026-03-31T11:00:00Z'), end: new Date('2026-03-31T12:00:00Z'), sequence: 2 }),
      event({ uid: 'a@samverkan' }),
      event({
        uid: 'c@samverkan',
        start: new Date('2026-10-27T12:00:00Z'),
        end: new Date('2026-10-27T13:00:00Z'),
        status: 'CANCELLED',
        sequence: 1,
        location: 'Sal 3, plan 2; "Nämndrummet"\nIngång B',
        summary: 'Möte, med komma; semikolon \\ och ny\nrad',
      }),
    ],
  });

  it('keeps the local time across daylight saving, in Europe/Stockholm with a VTIMEZONE', () => {
    const { cal, events } = parse(body);
    const tz = cal.getFirstSubcomponent('vtimezone')!;
    expect(tz.getFirstPropertyValue('tzid')).toBe('Europe/Stockholm');
    const daylight = tz.getFirstSubcomponent('daylight')!;
    expect(String(daylight.getFirstPropertyValue('rrule'))).toContain('BYMONTH=3');
    expect(String(daylight.getFirstPropertyValue('rrule'))).toContain('BYDAY=-1SU');
    expect(daylight.getFirstProperty('tzoffsetto')!.toICALString()).toContain('+0200');
    expect(events.map((e) => e.uid)).toEqual(['a@samverkan', 'b@samverkan', 'c@samverkan']);
    expect(events.map((e) => e.startDate.toJSDate().toISOString())).toEqual([
      '2026-03-26T12:00:00.000Z',
      '2026-03-31T11:00:00.000Z',
      '2026-10-27T12:00:00.000Z',
    ]);
    expect(events.map((e) => `${e.startDate.hour}:${e.startDate.minute}`)).toEqual(['13:0', '13:0', '13:0']);
    expect(events.every((e) => e.startDate.zone?.tzid === 'Europe/Stockholm')).toBe(true);
  });

  it('carries SEQUENCE, STATUS and escaped text exactly', () => {
    const { events } = parse(body);
    expect(events.map((e) => e.sequence)).toEqual([0, 2, 1]);
    expect(events[2]!.component.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(events[2]!.location).toBe('Sal 3, plan 2; "Nämndrummet"\nIngång B');
    expect(events[2]!.summary).toBe('Möte, med komma; semikolon \\ och ny\nrad');
  });

  it('folds lines at 75 octets without splitting characters, and unfolds back', () => {
    const long = `${'Överenskommelse om samverkan kring barn och unga – åäö '.repeat(6)}🙂🙂🙂`;
    const text = renderCalendar({
      name: 'x',
      timeZone: 'Europe/Stockholm',
      dtstamp: new Date(),
      events: [event({ summary: long, description: long })],
    });
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(text).not.toContain('\uFFFD');
    expect(parse(text).events[0]!.summary).toBe(long);
    expect(fold('a'.repeat(80)).split('\r\n ')).toEqual(['a'.repeat(75), 'a'.repeat(5)]);
  });

  it('a zone without daylight saving has one STANDARD part; an empty calendar is still valid', () => {
    const tokyo = vtimezone('Asia/Tokyo', 2026, 2027).join('\n');
    expect(tokyo).toContain('TZOFFSETTO:+0900');
    expect(tokyo).not.toContain('DAYLIGHT');
    const empty = parse(renderCalendar({ name: 'Tom', timeZone: 'Europe/Stockholm', dtstamp: new Date(), events: [] }));
    expect(empty.events).toEqual([]);
    expect(empty.cal.getFirstPropertyValue('x-wr-calname')).toBe('Tom');
  });
});
