import { describe, expect, it } from 'vitest';
import { parseOrganisation } from '../../src/domain/organisation';
import {
  dayOfRule,
  meetingInTime,
  nextOccurrence,
  plannedRiskPeriod,
  riskChecklistItems,
} from '../../src/domain/risk-periods/risk-periods';

describe('risk periods', () => {
  it('named days: Valborg, the spring term’s last day, midsommarafton, nyårsafton, MM-DD', () => {
    expect(dayOfRule('valborg', 2027)).toBe('2027-04-30');
    expect(dayOfRule('skolavslutning', 2027)).toBe('2027-06-11'); // the Friday on or before 15 June
    expect(dayOfRule('midsommar', 2027)).toBe('2027-06-25');
    expect(dayOfRule('nyarsafton', 2027)).toBe('2027-12-31');
    expect(dayOfRule('10-31', 2027)).toBe('2027-10-31');
  });

  it('the next occurrence on or after a day, by rule or by dates', () => {
    expect(nextOccurrence({ rule: 'valborg' }, '2027-04-30')).toBe('2027-04-30');
    expect(nextOccurrence({ rule: 'valborg' }, '2027-05-01')).toBe('2028-04-30');
    expect(nextOccurrence({ dates: ['2027-02-22', '2028-02-21'] }, '2027-03-01')).toBe('2028-02-21');
    expect(nextOccurrence({ dates: ['2027-02-22'] }, '2027-03-01')).toBeUndefined();
  });

  it('plans one card per group at 09:00 local, daysBefore ahead, only when still ahead', () => {
    const period = { id: 'valborg', name: 'Valborg', rule: 'valborg' as const, daysBefore: 14, groups: ['a', 'b'], checklist: [] };
    const planned = plannedRiskPeriod('t', period, '2027-01-01', new Date('2027-01-01T00:00:00Z'), 'Europe/Stockholm');
    expect(planned.map((p) => [p.groupId, p.date, p.dueAt.toISOString()])).toEqual([
      ['a', '2027-04-30', '2027-04-16T07:00:00.000Z'],
      ['b', '2027-04-30', '2027-04-16T07:00:00.000Z'],
    ]);
    expect(plannedRiskPeriod('t', period, '2027-04-20', new Date('2027-04-20T10:00:00Z'), 'Europe/Stockholm')).toEqual([]);
  });

  it('the organisation file checks a period’s groups and that it has a rule or dates', () => {
    const r = parseOrganisation(
      [
        'id: x',
        'name: X',
        'riskPeriods:',
        '  - { id: v, name: Valborg, groups: [nope] }',
        '  - { id: w, name: W, rule: "13-01", groups: [nope] }',
      ].join('\n'),
      'x.yaml',
    );
    const errors = r.ok ? [] : r.errors.join('\n');
    expect(errors).toContain('x.yaml: riskPeriods[0].groups[0]: unknown group "nope"');
    expect(errors).toContain('x.yaml: riskPeriods[0]: a risk period needs a rule or dates');
    expect(errors).toContain('x.yaml: riskPeriods[1].rule');
  });
});

describe('the Oxelösund preset', () => {
  it('carries its seed’s risk weekends, Valborg and skolavslutning, for the field work and EST groups', async () => {
    const { loadOrganisation } = await import('../../src/domain/organisation');
    const r = loadOrganisation('oxelosund');
    if (!r.ok) throw new Error(r.errors.join('\n'));
    expect((r.organisation.riskPeriods ?? []).map((p) => [p.id, p.rule, p.groups])).toEqual([
      ['valborg', 'valborg', ['faltarbete', 'bra-est']],
      ['skolavslutning', 'skolavslutning', ['faltarbete', 'bra-est']],
    ]);
  });
});

describe('the checklist on the agenda', () => {
  it('one item a line, ids of the period, its day and the line, each within the item length', () => {
    const items = riskChecklistItems(
      { id: 'valborg', name: 'Valborg', checklist: ['Fältgruppen ute', 'x'.repeat(300)] },
      '2027-04-30',
      200,
    );
    expect(items.map((i) => i.id)).toEqual(['risk-valborg-2027-04-30-0', 'risk-valborg-2027-04-30-1']);
    expect(items[0]!.text).toBe('Valborg: Fältgruppen ute');
    expect([...items[1]!.text]).toHaveLength(200);
    expect(items[1]!.text.endsWith('…')).toBe(true);
  });
  it('a meeting is in time on or before the period’s day', () => {
    expect(meetingInTime('2027-04-22', '2027-04-30')).toBe(true);
    expect(meetingInTime('2027-04-30', '2027-04-30')).toBe(true);
    expect(meetingInTime('2027-05-02', '2027-04-30')).toBe(false);
  });
});

describe('the risk-period card in both languages', () => {
  const period = { id: 'valborg', name: 'Valborg', rule: 'valborg', daysBefore: 14, groups: ['operativ'], checklist: ['Fältgruppen ute'] };
  const meeting = { start: '2027-04-22T12:00:00.000Z', end: '2027-04-22T13:00:00.000Z', timeZone: 'Europe/Stockholm', durationMinutes: 60 };
  const body = (card: Record<string, unknown>) => JSON.stringify(card);
  it('says how many days are left, the checklist, and which meeting has it on its agenda', async () => {
    const { riskPeriodCard } = await import('../../src/features/risk-periods');
    const o = { date: '2027-04-30', today: '2027-04-16', groupName: 'Operativ grupp', agenda: { meeting } };
    const sv = body(riskPeriodCard('sv', period as never, o));
    expect(sv).toContain('Valborg om 14 dagar');
    expect(sv).toContain('- Fältgruppen ute');
    expect(sv).toContain('Checklistan står på dagordningen för gruppens möte');
    const en = body(riskPeriodCard('en', period as never, o));
    expect(en).toContain('Valborg in 14 days');
    expect(en).toContain('The checklist is on the agenda of the group');
    expect(en).not.toContain('Checklistan');
  });
  it('without a meeting in time it asks for one; a period without a checklist says nothing of an agenda', async () => {
    const { riskPeriodCard } = await import('../../src/features/risk-periods');
    const o = { date: '2027-04-30', today: '2027-04-29', groupName: 'Operativ grupp', agenda: {} };
    expect(body(riskPeriodCard('en', period as never, o))).toContain('The group has no meeting before 2027-04-30.');
    expect(body(riskPeriodCard('sv', period as never, o))).toContain('Valborg om 1 dag');
    const bare = body(riskPeriodCard('en', { ...period, checklist: [] } as never, o));
    expect(bare).not.toContain('no meeting before');
    expect(bare).toContain('Time to plan the preventive work before Valborg.');
  });
});
