import { describe, expect, it } from 'vitest';
import { agendaCard, minutesCard, minutesSummaryCard } from '../../../src/features/agenda/cards';
import { newAgenda, propose, type Agenda } from '../../../src/domain/agenda/agenda';
import type { Meeting } from '../../../src/domain/meetings/meeting';
import type { Task, Minutes } from '../../../src/domain/minutes/minutes';
import { expectValidCard } from '../../support/cards';
import { checked } from '../../support/checked';

const now = new Date('2026-11-22T10:00:00Z');
const meeting: Meeting = {
  id: 'operativ.abcdefghij12',
  tenantId: 't',
  groupId: 'operativ',
  start: '2026-12-10T12:00:00.000Z',
  end: '2026-12-10T13:30:00.000Z',
  timeZone: 'Europe/Stockholm',
  durationMinutes: 90,
  status: 'scheduled',
  sequence: 0,
  agendaStatus: 'draft',
  rsvp: {},
  rsvpUserIds: [],
  createdBy: 'x',
  createdAt: now.toISOString(),
  updatedAt: now.toISOString(),
  reminded: {},
};
const size = (card: unknown) => Buffer.byteLength(JSON.stringify(card), 'utf8');
const actions = (n: number, long = false): Task[] =>
  Array.from({ length: n }, (_, i) => ({
    id: `a-${i}`,
    what: checked(long ? `Åtgärd ${i} `.padEnd(200, 'x') : `Åtgärd ${i}`),
    who: checked('Alex Wilber'),
    due: '2026-12-01',
    meetingId: 'm0',
  }));

function fullAgenda(level: 'strategic' | 'tactical' | 'operative', items: number, long: boolean): Agenda {
  let a = newAgenda({ tenantId: 't', groupId: 'g', meetingId: meeting.id, level, now });
  for (let i = a.items.length; i < items; i++) {
    const r = propose(
      a,
      {
        id: `p${i}`,
        kind: level === 'operative' ? 'case' : 'proposed',
        caseRef: level === 'operative' ? `SAM-AAAA${String(1000 + i)}` : undefined,
        text: checked(long ? 'Punkt '.padEnd(200, 'y') : `Punkt ${i}`),
        proposer: 'Megan Bowen',
        minutes: 10,
      },
      now,
    );
    if (!r.ok) throw new Error(r.problem);
    a = r.agenda;
  }
  return a;
}

describe('the agenda card', () => {
  for (const [label, agenda, carried] of [
    ['empty (standing items only)', fullAgenda('operative', 0, false), []],
    ['typical', fullAgenda('operative', 8, false), actions(3)],
    ['maximal (30 long items, 20 long carried actions)', fullAgenda('operative', 30, true), actions(20, true)],
  ] as const) {
    for (const locale of ['sv', 'en'] as const) {
      it(`${label}, ${locale}: valid, with propose and publish, under 28 KB`, () => {
        const card = agendaCard(locale, meeting, agenda, {
          groupName: 'Operativ grupp',
          level: 'operative',
          now,
          carried: [...carried],
          caseValidUntil: { 'SAM-AAAA1003': '2027-06-30' },
          refreshUserIds: Array.from({ length: 60 }, (_, i) => `29:${i}`),
        });
        expectValidCard(card);
        const s = JSON.stringify(card);
        expect(s).toContain('"verb":"agenda.propose"');
        expect(s).toContain('"verb":"agenda.publish"');
        expect(size(card)).toBeLessThan(28_000);
      });
    }
  }

  it('a published agenda has no publish button; a past meeting takes no proposals', () => {
    const published = agendaCard(
      'sv',
      meeting,
      { ...fullAgenda('tactical', 0, false), status: 'published' },
      { groupName: 'G', level: 'tactical', now },
    );
    expect(JSON.stringify(published)).not.toContain('"verb":"agenda.publish"');
    expect(JSON.stringify(published)).toContain('Publicerad');
    const past = agendaCard('sv', meeting, fullAgenda('tactical', 0, false), {
      groupName: 'G',
      level: 'tactical',
      now: new Date('2027-01-01'),
    });
    expect(JSON.stringify(past)).not.toContain('"verb":"agenda.propose"');
  });
});

describe('the minutes cards', () => {
  const members = Array.from({ length: 12 }, (_, i) => ({ title: `Person ${i} (Skolkurator)`, value: `p${i}` }));
  const minutes = (n: number, long: boolean): Minutes => ({
    tenantId: 't',
    groupId: 'operativ',
    meetingId: meeting.id,
    status: 'draft',
    attendees: ['p1', 'p2'],
    guests: checked(long ? 'g'.repeat(500) : 'Eva Ek, rektor'),
    notes: {},
    decisions: Array.from({ length: n }, (_, i) => checked(long ? `Beslut ${i} `.padEnd(150, 'z') : `Beslut ${i}`)),
    actions: actions(n, long),
    sip: [],
    closedActions: [],
    updatedAt: now.toISOString(),
  });

  for (const [label, n, long] of [
    ['empty', 0, false],
    ['typical', 4, false],
    ['maximal', 12, true],
  ] as const) {
    it(`minutes, ${label}: valid and under 28 KB, with SIP blocks for operative cases`, () => {
      const caseRefs = Array.from({ length: long ? 6 : n ? 2 : 0 }, (_, i) => `SAM-BBBB${1000 + i}`);
      const card = minutesCard('sv', meeting, n ? minutes(n, long) : undefined, {
        groupName: 'Operativ grupp',
        level: 'operative',
        members,
        caseRefs,
        items: Array.from({ length: long ? 20 : 4 }, (_, i) => ({ id: `std-${i}`, text: long ? 'Punkt '.padEnd(300, 'y') : `Punkt ${i}` })),
        carried: actions(long ? 10 : 1, long),
      });
      expectValidCard(card);
      const s = JSON.stringify(card);
      expect(s).toContain('"verb":"minutes.finalize"');
      for (const ref of caseRefs) expect(s).toContain(`"id":"sip_${ref.replace('-', '')}_goal"`);
      expect(s).not.toMatch(/\$\{/);
      expect(size(card)).toBeLessThan(28_000);
    });

    it(`summary, ${label}: valid, counts SIP cases by reference only, under 28 KB`, () => {
      const m = {
        ...minutes(n, long),
        status: 'final' as const,
        sip: n
          ? [
              {
                caseRef: 'SAM-BBBB1000',
                goal: checked('Mål'),
                intervention: checked('Insats'),
                responsible: checked('Kurator'),
                due: checked('2027-01-01'),
                coordinator: checked('Socialsekreterare'),
              },
            ]
          : [],
      };
      const card = minutesSummaryCard('en', meeting, m, { groupName: 'Operativ grupp', attendeeNames: ['Megan Bowen', 'Alex Wilber'] });
      expectValidCard(card);
      const s = JSON.stringify(card);
      if (n) expect(s).toContain('SIP updated for 1 case: SAM-BBBB1000.');
      expect(s).not.toContain('Insats');
      expect(size(card)).toBeLessThan(28_000);
    });
  }
});
