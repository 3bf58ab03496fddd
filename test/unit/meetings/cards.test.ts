import { describe, expect, it } from 'vitest';
import { meetingCard, meetingListCard, scheduleFormCard } from '../../../src/features/meetings/cards';
import type { Meeting } from '../../../src/domain/meetings/meeting';
import { t } from '../../../src/i18n';
import { expectValidCard } from '../../support/cards';
import { checked } from '../../support/checked';

const meeting = (over: Partial<Meeting> = {}): Meeting => ({
  id: 'samverkansgrupp.abcdefghij12',
  tenantId: 't',
  groupId: 'samverkansgrupp',
  start: '2026-12-10T12:00:00.000Z',
  end: '2026-12-10T13:30:00.000Z',
  timeZone: 'Europe/Stockholm',
  durationMinutes: 90,
  location: checked('Kommunhuset, sal 3'),
  status: 'scheduled',
  sequence: 0,
  agendaStatus: 'none',
  rsvp: {},
  rsvpUserIds: [],
  createdBy: 'x',
  createdAt: '2026-11-22T10:00:00.000Z',
  updatedAt: '2026-11-22T10:00:00.000Z',
  reminded: {},
  ...over,
});
const now = new Date('2026-11-22T10:00:00Z');
const size = (card: unknown) => Buffer.byteLength(JSON.stringify(card), 'utf8');

describe('the meeting card', () => {
  it("shows the Outlook event's Teams link as Join and the answers given in Outlook beside its own; a link that is not Teams' is no button", () => {
    const joinUrl = 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0?context=%7b%7d';
    const calendar = { eventId: 'AAMk1', joinUrl, syncedSequence: 0, answers: { accepted: 2, tentative: 1, declined: 0 } };
    for (const locale of ['sv', 'en'] as const) {
      const card = meetingCard(locale, meeting({ location: undefined, rsvp: { a: 'yes' }, calendar }), {
        groupName: 'G',
        level: 'tactical',
        now,
      });
      expectValidCard(card);
      const text = JSON.stringify(card);
      expect(text).toContain(`"type":"Action.OpenUrl","title":"${t(locale, 'meetings.labels.join')}","url":"${joinUrl}"`);
      expect(text).toContain(t(locale, 'meetings.facts.outlook'));
      expect(text).toContain(t(locale, 'meetings.outlookAnswers', { accepted: 2, tentative: 1, declined: 0 }));
      expect(text).toContain(t(locale, 'meetings.answers', { yes: 1, maybe: 0, no: 0 }));
    }
    const forged = meetingCard('sv', meeting({ location: undefined, calendar: { ...calendar, joinUrl: 'https://evil.example/join' } }), {
      groupName: 'G',
      level: 'tactical',
      now,
    });
    expect(JSON.stringify(forged)).not.toContain('Action.OpenUrl');
    const cancelled = meetingCard('sv', meeting({ status: 'cancelled', calendar }), { groupName: 'G', level: 'tactical', now });
    expect(JSON.stringify(cancelled)).not.toContain('Action.OpenUrl');
    expect(JSON.stringify(cancelled)).not.toContain('I Outlook');
  });

  for (const locale of ['sv', 'en'] as const) {
    it(`(${locale}) shows the day, the local time, place, agenda status and answers, with answer buttons and the convener's actions`, () => {
      const card = meetingCard(locale, meeting({ rsvp: { a: 'yes', b: 'yes', c: 'no' }, rsvpUserIds: ['29:a'] }), {
        groupName: 'Samverkansgrupp',
        level: 'tactical',
        now,
        warnings: [{ kind: 'publicHoliday', name: 'Juldagen' }],
      });
      expectValidCard(card);
      const s = JSON.stringify(card);
      expect(s).toContain(locale === 'sv' ? 'Torsdag 10 december 2026' : 'Thursday 10 December 2026');
      expect(s).toContain('13:00–14:30 (90 min)');
      expect(s).toContain(locale === 'sv' ? '2 ja · 0 kanske · 1 nej' : '2 yes · 0 maybe · 1 no');
      expect(s).toContain('Juldagen');
      expect(s.match(/"verb":"meeting.rsvp"/g)?.length).toBeGreaterThanOrEqual(3);
      expect(s).toContain('"verb":"meeting.move"');
      expect(s).toContain('"verb":"meeting.cancel"');
      expect(card.refresh).toMatchObject({
        action: { verb: 'meeting.refresh', data: { meetingId: 'samverkansgrupp.abcdefghij12' } },
        userIds: ['29:a'],
      });
    });
  }

  it('a cancelled or past meeting has no buttons and no refresh', () => {
    for (const m of [meeting({ status: 'cancelled' }), meeting({ end: '2026-11-01T10:00:00.000Z', start: '2026-11-01T09:00:00.000Z' })]) {
      const card = meetingCard('sv', m, { groupName: 'G', level: 'operative', now, warnings: [{ kind: 'weekend' }] });
      expectValidCard(card);
      expect(JSON.stringify(card)).not.toContain('"verb":"meeting.rsvp"');
      expect(JSON.stringify(card)).not.toContain('Obs:');
      expect((card.refresh as { userIds: string[] }).userIds).toEqual([]);
    }
  });

  it("the largest realistic card stays well under Teams' 28 KB", () => {
    const rsvp = Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`aad-${i}`, 'yes' as const]));
    const card = meetingCard(
      'sv',
      meeting({
        location: checked('x'.repeat(200)),
        rsvp,
        rsvpUserIds: Array.from({ length: 60 }, (_, i) => `29:${'u'.repeat(80)}${i}`),
        seriesId: 's1',
      }),
      {
        groupName: 'G'.repeat(120),
        level: 'strategic',
        now,
        notice: 'n'.repeat(300),
        warnings: [
          { kind: 'publicHoliday', name: 'Annandag jul' },
          { kind: 'schoolBreak', name: 'jullov' },
          { kind: 'outsideSchoolYear' },
          { kind: 'weekend' },
        ],
      },
    );
    expectValidCard(card);
    expect(size(card)).toBeLessThan(28_000);
  });
});

describe('the schedule form', () => {
  it('offers the groups, date, time, length, place and repetition; preselects a single group', () => {
    for (const locale of ['sv', 'en'] as const) {
      const card = scheduleFormCard(locale, {
        groupChoices: [{ title: 'Operativ grupp', value: 'operativ' }],
        cadenceText: null,
        timeZone: 'Europe/Stockholm',
        values: {},
      });
      expectValidCard(card);
      const s = JSON.stringify(card);
      for (const id of ['groupId', 'date', 'time', 'durationMinutes', 'location', 'recurrence']) expect(s).toContain(`"id":"${id}"`);
      // Plain choices, no rule to write.
      expect(s).not.toContain('"id":"rrule"');
      expect(s).not.toContain('FREQ=');
      expect(s).toMatch(/"id":"groupId"[^}]*"value":"operativ"/);
      expect(s).toContain('"verb":"meeting.schedule"');
    }
  });

  it('shows a proposal to confirm, with its notes and problems, within the size limit', () => {
    const dates = Array.from({ length: 52 }, (_, i) => `2027-${String(1 + (i % 12)).padStart(2, '0')}-1${i % 9} 13:00`);
    const card = scheduleFormCard('sv', {
      groupChoices: [{ title: 'Samverkansgrupp', value: 'samverkansgrupp' }],
      cadenceText: 'minst 8 gånger per år',
      timeZone: 'Europe/Stockholm',
      values: { groupId: 'samverkansgrupp', date: '2027-01-11', time: '13:00', durationMinutes: 90, recurrence: 'cadence' },
      problems: ['Raden "x" är inte ett datum'],
      proposal: {
        groupName: 'Samverkansgrupp',
        count: 52,
        notes: Array.from({ length: 12 }, () => '2027-02-22 flyttat till 2027-03-01 (sportlov).'),
        facts: dates.slice(0, 20).map((d) => ({ title: d, value: 'måndag 13:00' })),
        datesText: dates.join('\n'),
      },
    });
    expectValidCard(card);
    const s = JSON.stringify(card);
    expect(s).toContain('Förslag på mötesserie');
    expect(s).toContain('"confirm":"yes"');
    expect(s).toContain('"id":"dates"');
    expect(s).not.toContain('"id":"groupId"');
    expect(size(card)).toBeLessThan(28_000);
  });
});

describe('the meeting list', () => {
  it('lists meetings per group, says when there are none, and shows conveners the feed link', () => {
    const card = meetingListCard('sv', [
      {
        groupId: 'operativ',
        name: 'Operativ grupp',
        cadence: 'vid behov',
        meetings: [meeting(), meeting({ id: 'samverkansgrupp.abcdefghij13', agendaStatus: 'published' })],
        feedUrl: 'https://x.example/calendar/abc.ics',
      },
      { groupId: 'styrgrupp', name: 'Styrgrupp', cadence: '3 gånger per år', meetings: [] },
    ]);
    expectValidCard(card);
    const s = JSON.stringify(card);
    expect(s).toContain(t('sv', 'meetings.list.empty'));
    expect(s).toContain('https://x.example/calendar/abc.ics');
    expect(s).toContain('Publicerad');
    expect(s.match(/"type":"Action.Execute","verb":"meeting.newLink"/g)).toHaveLength(1);
  });

  it('with three groups of eight meetings stays under 28 KB', () => {
    const groups = ['a', 'b', 'c'].map((g) => ({
      groupId: g,
      name: `Grupp ${g}`,
      cadence: 'minst 8 gånger per år',
      meetings: Array.from({ length: 8 }, () => meeting({ location: checked('L'.repeat(200)) })),
      feedUrl: `https://x.example/calendar/${'t'.repeat(43)}.ics`,
    }));
    const card = meetingListCard('en', groups, 'notice');
    expectValidCard(card);
    expect(size(card)).toBeLessThan(28_000);
  });
});
