import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { parseCancelArgs, parseDatesText, parseMoveArgs, normaliseTime } from '../../../src/domain/meetings/arguments';
import {
  cancelled,
  groupIdOfMeeting,
  isHeld,
  isUpcoming,
  moved,
  newMeetingId,
  rsvpCounts,
  withRsvp,
  type Meeting,
} from '../../../src/domain/meetings/meeting';
import { plannedReminders, REMINDER_KINDS, workingDaysBefore } from '../../../src/domain/meetings/reminders';

const base: Meeting = {
  id: 'operativ.abcdefghij12',
  tenantId: 't',
  groupId: 'operativ',
  start: '2027-01-14T12:00:00.000Z',
  end: '2027-01-14T13:00:00.000Z',
  timeZone: 'Europe/Stockholm',
  durationMinutes: 60,
  status: 'scheduled',
  sequence: 0,
  agendaStatus: 'none',
  rsvp: {},
  rsvpUserIds: [],
  createdBy: 'x',
  createdAt: '2026-11-22T10:00:00.000Z',
  updatedAt: '2026-11-22T10:00:00.000Z',
  reminded: {},
};

describe('meeting ids', () => {
  it('name their group, so a meeting is a point read, and are not guessable from each other', () => {
    const ids = new Set(Array.from({ length: 200 }, () => newMeetingId('samverkansgrupp')));
    expect(ids.size).toBe(200);
    for (const id of ids) expect(groupIdOfMeeting(id)).toBe('samverkansgrupp');
    expect(groupIdOfMeeting(newMeetingId('team.2-b'))).toBe('team.2-b');
  });

  it('rejects ids that are not ours', () => {
    for (const bad of [
      '',
      'operativ',
      '.abcdefghij12',
      'operativ.short',
      'Operativ.abcdefghij12',
      'operativ.abcdefghij12/../x',
      `${'a'.repeat(70)}.abcdefghij12`,
    ]) {
      expect(groupIdOfMeeting(bad)).toBeUndefined();
    }
  });
});

describe('answers', () => {
  it('count one answer per person, the last one winning', () => {
    let m = withRsvp(base, 'aad-1', '29:a', 'yes', new Date());
    m = withRsvp(m, 'aad-2', '29:b', 'maybe', new Date());
    m = withRsvp(m, 'aad-1', '29:a', 'no', new Date());
    expect(rsvpCounts(m)).toEqual({ yes: 0, maybe: 1, no: 1 });
    expect(m.rsvpUserIds).toEqual(['29:a', '29:b']);
    expect(rsvpCounts(base)).toEqual({ yes: 0, maybe: 0, no: 0 });
  });

  it('keep at most 60 Teams ids for the card refresh (the Universal Actions limit)', () => {
    let m = base;
    for (let i = 0; i < 80; i++) m = withRsvp(m, `aad-${i}`, `29:${i}`, 'yes', new Date());
    expect(m.rsvpUserIds).toHaveLength(60);
    expect(m.rsvpUserIds[59]).toBe('29:79');
    expect(rsvpCounts(m).yes).toBe(80);
  });
});

describe('changes', () => {
  it('a move bumps the sequence and keeps the rest; a cancel bumps it too', () => {
    const m = moved(base, new Date('2027-01-15T09:00:00Z'), new Date('2027-01-15T10:30:00Z'), new Date('2026-12-01T00:00:00Z'));
    expect(m).toMatchObject({ sequence: 1, start: '2027-01-15T09:00:00.000Z', durationMinutes: 90, status: 'scheduled' });
    expect(cancelled(m, new Date())).toMatchObject({ sequence: 2, status: 'cancelled' });
  });

  it('held and upcoming', () => {
    expect(isUpcoming(base, new Date('2027-01-14T12:30:00Z'))).toBe(true);
    expect(isHeld(base, new Date('2027-01-14T12:30:00Z'))).toBe(false);
    expect(isHeld(base, new Date('2027-01-14T13:00:00Z'))).toBe(true);
    expect(isHeld({ ...base, status: 'cancelled' }, new Date('2027-02-01T00:00:00Z'))).toBe(false);
  });
});

describe('reminder times', () => {
  const local = (d: Date) => DateTime.fromJSDate(d, { zone: 'Europe/Stockholm' }).toFormat('yyyy-LL-dd HH:mm');

  it('skip weekends and public holidays when counting working days', () => {
    const z = 'Europe/Stockholm';
    expect(workingDaysBefore(DateTime.fromISO('2027-01-14', { zone: z }), 3).toISODate()).toBe('2027-01-11');
    // From Monday 11 Jan 2027: Fri 8, Thu 7 and (over trettondedag jul, Wed 6) Tue 5.
    expect(workingDaysBefore(DateTime.fromISO('2027-01-11', { zone: z }), 3).toISODate()).toBe('2027-01-05');
    // After Easter: Easter Monday 2027-03-29 and Good Friday 03-26 do not count.
    expect(workingDaysBefore(DateTime.fromISO('2027-03-31', { zone: z }), 3).toISODate()).toBe('2027-03-24');
  });

  it('are the card two weeks before, the channel at 09:00 the day before and conveners at 09:00 three working days before', () => {
    const plan = plannedReminders(base, new Date('2026-11-22T10:00:00Z'));
    const byKind = Object.fromEntries(plan.map((r) => [r.kind, local(r.dueAt)]));
    expect(byKind).toEqual({
      [REMINDER_KINDS.card]: '2026-12-31 13:00',
      [REMINDER_KINDS.dayBefore]: '2027-01-13 09:00',
      [REMINDER_KINDS.agenda]: '2027-01-11 09:00',
      // Thursday 14 Jan → Fri 15, Mon 18, Tue 19.
      [REMINDER_KINDS.minutes]: '2027-01-19 09:00',
    });
    expect(new Set(plan.map((r) => r.jobId)).size).toBe(4);
    for (const r of plan) expect(r.jobId).toContain(':operativ.abcdefghij12:0');
  });

  it('keep 09:00 local across daylight saving (08:00 UTC in winter, 07:00 in summer)', () => {
    const summer = { ...base, start: '2027-06-10T11:00:00.000Z', end: '2027-06-10T12:00:00.000Z' };
    const plan = plannedReminders(summer, new Date('2026-11-22T10:00:00Z'));
    expect(plan.find((r) => r.kind === REMINDER_KINDS.dayBefore)!.dueAt.toISOString()).toBe('2027-06-09T07:00:00.000Z');
    expect(
      plannedReminders(base, new Date('2026-11-22T10:00:00Z'))
        .find((r) => r.kind === REMINDER_KINDS.dayBefore)!
        .dueAt.toISOString(),
    ).toBe('2027-01-13T08:00:00.000Z');
  });

  it('drop what has passed: booked the afternoon before, only the card (at once) and the minutes check remain', () => {
    const now = new Date('2027-01-13T14:00:00Z');
    const plan = plannedReminders(base, now);
    expect(plan.map((r) => r.kind)).toEqual([REMINDER_KINDS.card, REMINDER_KINDS.minutes]);
    expect(plan[0]!.dueAt).toEqual(now);
    expect(plannedReminders({ ...base, status: 'cancelled' }, new Date('2026-11-22T10:00:00Z'))).toEqual([]);
    expect(plannedReminders(base, new Date('2027-01-14T12:00:00Z'))).toEqual([]);
  });

  it('give a moved meeting (a new sequence) new job ids', () => {
    const a = plannedReminders(base, new Date('2026-11-22T10:00:00Z')).map((r) => r.jobId);
    const b = plannedReminders({ ...base, sequence: 1 }, new Date('2026-11-22T10:00:00Z')).map((r) => r.jobId);
    expect(a.filter((id) => b.includes(id))).toEqual([]);
  });
});

describe('command arguments', () => {
  it('boka flytta: a meeting by date or id, a new date, an optional time', () => {
    expect(parseMoveArgs('2026-12-10 till 2026-12-12 14:00')).toEqual({
      ok: true,
      meeting: { kind: 'date', date: '2026-12-10' },
      date: '2026-12-12',
      time: '14:00',
    });
    expect(parseMoveArgs('2026-12-10 2026-12-12')).toEqual({ ok: true, meeting: { kind: 'date', date: '2026-12-10' }, date: '2026-12-12' });
    expect(parseMoveArgs('2026-12-10 to 2026-12-12 at 9.30')).toMatchObject({ ok: true, time: '09:30' });
    expect(parseMoveArgs('operativ.abcdefghij12 2026-12-12')).toMatchObject({
      ok: true,
      meeting: { kind: 'id', id: 'operativ.abcdefghij12' },
    });
    for (const bad of [
      '',
      '2026-12-10',
      'i morgon till fredag',
      '2026-12-10 till 2026-02-30',
      '2026-12-10 2026-12-12 25:00',
      '2026-12-10 2026-12-12 14:00 extra',
    ]) {
      expect(parseMoveArgs(bad)).toEqual({ ok: false });
    }
  });

  it('boka ställ in: a meeting, optionally the rest of its series', () => {
    expect(parseCancelArgs('2026-12-10')).toEqual({ ok: true, meeting: { kind: 'date', date: '2026-12-10' }, series: false });
    expect(parseCancelArgs('2026-12-10 serien')).toMatchObject({ series: true });
    expect(parseCancelArgs('2026-12-10 hela serien')).toMatchObject({ series: true });
    expect(parseCancelArgs('2026-12-10 the whole series')).toMatchObject({ series: true });
    expect(parseCancelArgs('2026-12-10 please')).toEqual({ ok: false });
    expect(parseCancelArgs('tisdag')).toEqual({ ok: false });
  });

  it('the confirmed series: one date per line with an optional time; bad lines named', () => {
    expect(parseDatesText('2027-01-11 13:00\r\n\n2027-02-01\n 2027-03-01 9:15 ')).toEqual([
      { ok: true, date: '2027-01-11', time: '13:00' },
      { ok: true, date: '2027-02-01' },
      { ok: true, date: '2027-03-01', time: '09:15' },
    ]);
    expect(parseDatesText('2027-02-30\nnästa tisdag\n2027-01-11 13:00 x')).toEqual([
      { ok: false, line: '2027-02-30' },
      { ok: false, line: 'nästa tisdag' },
      { ok: false, line: '2027-01-11 13:00 x' },
    ]);
    expect(normaliseTime('7:05')).toBe('07:05');
    expect(normaliseTime('24:00')).toBeUndefined();
  });
});
