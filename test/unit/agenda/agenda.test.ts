import { describe, expect, it } from 'vitest';
import {
  caseRefIn,
  itemIdFor,
  MAX_ITEMS,
  newAgenda,
  plannedMinutes,
  propose,
  published,
  splitMinutes,
} from '../../../src/domain/agenda/agenda';
import { matchPerson, openTasks, overdueTasks, parseLines, parseSip, parseTasks } from '../../../src/domain/minutes/minutes';
import { t } from '../../../src/i18n';
import { checked } from '../../support/checked';

const now = new Date('2026-11-22T10:00:00Z');
const base = (level: 'strategic' | 'tactical' | 'operative' = 'tactical', groupTemplate?: string[]) =>
  newAgenda({ tenantId: 't', groupId: 'g', meetingId: 'g.abcdefghij12', level, groupTemplate, now });

describe('agenda templates', () => {
  it('follow the level, in both languages', () => {
    expect(base('strategic').items).toHaveLength(5);
    expect(base('tactical').items).toHaveLength(4);
    expect(base('operative').items).toHaveLength(3);
    expect(t('sv', 'agenda.template.strategic.0')).toBe('Uppföljning av handlingsplanen och dess indikatorer');
    expect(t('en', 'agenda.template.tactical.1')).toBe('De-identified or invented cases');
    expect(t('sv', 'agenda.template.operative.1')).toBe('Uppföljning av SIP');
    for (const level of ['strategic', 'tactical', 'operative'] as const) {
      base(level).items.forEach((item, i) => {
        expect(item).toMatchObject({ kind: 'standing', templateIndex: i, text: '' });
        for (const locale of ['sv', 'en'] as const) expect(t(locale, `agenda.template.${level}.${i}`)).not.toContain('agenda.template');
      });
    }
  });

  it("a group's own template (from the organisation file) replaces the level's", () => {
    const a = base('tactical', ['Läget i skolorna', 'Fältgruppens rapport']);
    expect(a.items.map((i) => i.text)).toEqual(['Läget i skolorna', 'Fältgruppens rapport']);
    expect(a.items.every((i) => i.templateIndex === undefined)).toBe(true);
  });
});

describe('proposals', () => {
  it('are added once per activity: Teams resending the same activity adds nothing', () => {
    const id = itemIdFor('activity-1');
    const first = propose(base(), { id, kind: 'proposed', text: checked('Rutin för frånvaro'), proposer: 'Adele Vance', minutes: 15 }, now);
    expect(first).toMatchObject({ ok: true, added: true });
    if (!first.ok) throw new Error();
    const again = propose(first.agenda, { id: itemIdFor('activity-1'), kind: 'proposed', text: checked('Rutin för frånvaro') }, now);
    expect(again).toMatchObject({ ok: true, added: false });
    if (!again.ok) throw new Error();
    expect(again.agenda.items).toHaveLength(5);
    expect(itemIdFor('activity-2')).not.toBe(id);
    expect(plannedMinutes(again.agenda)).toBe(15);
  });

  it('refuse empty, over-long and one too many', () => {
    expect(propose(base(), { id: 'x', kind: 'proposed', text: checked('  ') }, now)).toEqual({ ok: false, problem: 'empty' });
    expect(propose(base(), { id: 'x', kind: 'proposed', text: checked('a'.repeat(201)) }, now)).toEqual({ ok: false, problem: 'tooLong' });
    let a = base();
    for (let i = a.items.length; i < MAX_ITEMS; i++) {
      const r = propose(a, { id: `p${i}`, kind: 'proposed', text: checked(`punkt ${i}`) }, now);
      if (!r.ok) throw new Error(r.problem);
      a = r.agenda;
    }
    expect(propose(a, { id: 'last', kind: 'proposed', text: checked('en till') }, now)).toEqual({ ok: false, problem: 'full' });
  });

  it('read a time at the end and a case reference anywhere', () => {
    expect(splitMinutes('Rutin för frånvaro (15 min)')).toEqual({ text: 'Rutin för frånvaro', minutes: 15 });
    expect(splitMinutes('Kompetensplanen 20 minuter')).toEqual({ text: 'Kompetensplanen', minutes: 20 });
    expect(splitMinutes('Läsåret 2026/27')).toEqual({ text: 'Läsåret 2026/27' });
    expect(splitMinutes('Lång punkt (999 min)')).toEqual({ text: 'Lång punkt (999 min)' });
    expect(caseRefIn('uppföljning sam-7k3f9q2m enligt plan')).toBe('SAM-7K3F9Q2M');
    expect(caseRefIn('Ks 2024/393 och § 199')).toBeUndefined();
  });

  it('publishing records who and when', () => {
    expect(published(base(), 'aad-1', now)).toMatchObject({ status: 'published', publishedBy: 'aad-1', publishedAt: now.toISOString() });
  });
});

describe('minutes', () => {
  const people = [
    { id: 'alex.wilber', displayName: 'Alex Wilber' },
    { id: 'adele.vance', displayName: 'Adele Vance' },
    { id: 'alex.other', displayName: 'Alexandra Berg' },
  ];

  it('actions are "what; who; by when", one per line, with the owner recognised when the name is clear', () => {
    const { tasks: actions, problems } = parseTasks(
      checked('Uppdatera rutinen; Alex Wilber; 2027-02-01\n\n Bjud in BUP ; Adele ; 2027-03-15 '),
      'm1',
      people,
    );
    expect(problems).toEqual([]);
    expect(actions.map((a) => [a.what, a.who, a.whoPersonId, a.due])).toEqual([
      ['Uppdatera rutinen', 'Alex Wilber', 'alex.wilber', '2027-02-01'],
      ['Bjud in BUP', 'Adele', 'adele.vance', '2027-03-15'],
    ]);
    // Stable ids across drafts, so a re-saved action is the same action.
    expect(parseTasks(checked('Uppdatera rutinen; Alex Wilber; 2027-02-01'), 'm1', people).tasks[0]!.id).toBe(actions[0]!.id);
    expect(matchPerson('Alex', people)).toBe('alex.wilber');
    expect(matchPerson('Okänd Person', people)).toBeUndefined();
  });

  it('an action without an owner or with a date that is not a date is explained by line', () => {
    const { tasks: actions, problems } = parseTasks(
      checked('Gör något; ; 2027-02-01\nGör mer; Alex; 1 februari\nBara text\n; Alex; 2027-01-01'),
      'm1',
      people,
    );
    expect(actions).toEqual([]);
    expect(problems).toEqual([
      { kind: 'actionNoOwner', line: 1 },
      { kind: 'actionBadDate', line: 2, value: '1 februari' },
      { kind: 'actionNoOwner', line: 3 },
      { kind: 'actionNoWhat', line: 4 },
    ]);
  });

  it('SIP: empty means not discussed; otherwise every field and a real date', () => {
    expect(parseSip('SAM-7K3F9Q2M', {})).toEqual({ problems: [] });
    const ok = parseSip('SAM-7K3F9Q2M', {
      goal: checked('Regelbunden närvaro'),
      intervention: checked('Stödsamtal varje vecka'),
      responsible: checked('Skolkurator'),
      due: checked('2027-03-01'),
      coordinator: checked('Socialsekreterare'),
    });
    expect(ok.entry).toMatchObject({ caseRef: 'SAM-7K3F9Q2M', due: '2027-03-01' });
    const bad = parseSip('SAM-7K3F9Q2M', { goal: checked('Mål'), due: checked('snart') });
    expect(bad.entry).toBeUndefined();
    expect(bad.problems.map((p) => p.kind)).toEqual(['sipMissing', 'sipMissing', 'sipMissing', 'sipBadDate']);
  });

  it('open and overdue actions', () => {
    const all = [
      { id: 'a', what: checked('x'), who: checked('y'), due: '2027-01-10', meetingId: 'm' },
      { id: 'b', what: checked('x'), who: checked('y'), due: '2026-12-01', meetingId: 'm' },
      { id: 'c', what: checked('x'), who: checked('y'), due: '2026-11-01', meetingId: 'm', doneAt: '2026-11-02' },
    ];
    expect(openTasks(all).map((a) => a.id)).toEqual(['b', 'a']);
    expect(overdueTasks(all, '2026-12-15').map((a) => a.id)).toEqual(['b']);
    expect(parseLines(checked(' Beslut ett \n\nBeslut två'))).toEqual(['Beslut ett', 'Beslut två']);
  });
});
