import { describe, expect, it } from 'vitest';
import type { Meeting } from '../../../src/domain/meetings/meeting';
import type { Minutes } from '../../../src/domain/minutes/minutes';
import { loadOrganisation } from '../../../src/domain/organisation';
import { raiseProblem, raisedItemId, raisedStatus } from '../../../src/domain/raised/raised';
import type { CheckedText } from '../../../src/domain/consent/checked-text';
import { summaryCardFor } from '../../../src/features/agenda/finalize';
import { expectValidCard } from '../../support/cards';

/** The raise form on the minutes summary (item.raise from the minutes), and the rules of a raised item. */

const ct = (s: string) => s as CheckedText;

function demo() {
  const r = loadOrganisation('local-demo');
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.organisation;
}

const meeting = {
  id: 'samverkansgrupp.abcdefghij12',
  tenantId: 't',
  groupId: 'samverkansgrupp',
  start: '2026-12-10T12:00:00.000Z',
  end: '2026-12-10T13:30:00.000Z',
  timeZone: 'Europe/Stockholm',
  durationMinutes: 90,
  status: 'scheduled',
} as Meeting;
const minutes = {
  tenantId: 't',
  groupId: 'samverkansgrupp',
  meetingId: meeting.id,
  status: 'final',
  attendees: [],
  guests: ct(''),
  notes: {},
  decisions: [ct('Beslut')],
  actions: [],
  sip: [],
  closedActions: [],
} as unknown as Minutes;

describe('the minutes summary offers to raise a question to another group', () => {
  it('in both languages: the other groups to choose from, strategic first, and the item.raise verb with the meeting', () => {
    for (const [locale, label] of [
      ['sv', 'Lyft en fråga till en annan grupp'],
      ['en', 'Raise a question to another group'],
    ] as const) {
      const card = summaryCardFor({ organisation: demo() }, meeting, minutes, locale);
      expectValidCard(card);
      const json = JSON.stringify(card);
      expect(json).not.toMatch(/\$\{/);
      expect(json).toContain(label);
      const show = (card.actions as Array<Record<string, any>>).find((a) => a.type === 'Action.ShowCard')!;
      const choices = show.card.body[0].choices.map((c: { value: string }) => c.value);
      expect(choices).toEqual(['styrgrupp', 'operativ']);
      expect(show.card.body[0].value).toBe('styrgrupp');
      expect(show.card.actions[0]).toMatchObject({ verb: 'item.raise', data: { fromMeetingId: meeting.id } });
    }
  });
});

describe('a raised item', () => {
  it('has one id per origin meeting, target and text (a resend is the same item)', () => {
    const a = raisedItemId('m1', 'styrgrupp', ct('Rutin vid hög frånvaro'));
    expect(raisedItemId('m1', 'styrgrupp', ct('rutin vid hög frånvaro '))).toBe(a);
    expect(raisedItemId('m1', 'operativ', ct('Rutin vid hög frånvaro'))).not.toBe(a);
    expect(raisedItemId('m2', 'styrgrupp', ct('Rutin vid hög frånvaro'))).not.toBe(a);
  });

  it('travels only de-identified: an identifier or a case reference is a problem', () => {
    expect(raiseProblem(ct('Rutin vid hög frånvaro'), false)).toBeUndefined();
    expect(raiseProblem(ct('Rutin vid hög frånvaro'), true)).toBe('identifier');
    expect(raiseProblem(ct('Stöd i SAM-4D41E2V8'), false)).toBe('caseRef');
    expect(raiseProblem(ct('  '), false)).toBe('empty');
  });

  it('is pending without a meeting, on the agenda with one, handled when its minutes are final', () => {
    expect(raisedStatus({ toMeetingId: '' }, false)).toBe('pending');
    expect(raisedStatus({ toMeetingId: 'm' }, false)).toBe('onAgenda');
    expect(raisedStatus({ toMeetingId: 'm' }, true)).toBe('handled');
  });
});
