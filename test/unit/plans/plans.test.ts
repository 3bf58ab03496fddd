import { describe, expect, it } from 'vitest';
import type { CheckedText } from '../../../src/domain/consent/checked-text';
import { loadOrganisation, validateOrganisation } from '../../../src/domain/organisation';
import {
  applyChange,
  isOverdue,
  isPlanDocument,
  newActivityId,
  overdueByGroup,
  parseStatus,
  planCounts,
  planOf,
  plansOf,
  type StoredActivity,
} from '../../../src/domain/plans/plans';

const ct = (s: string) => s as CheckedText;

function demo() {
  const r = loadOrganisation('local-demo');
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.organisation;
}

const stored = (over: Partial<StoredActivity>): StoredActivity => ({
  documentId: 'handlingsplan',
  activityId: 'x',
  what: ct('Något'),
  owner: 'styrgrupp',
  due: '',
  status: 'planned',
  decisionRef: ct(''),
  added: true,
  updatedAt: '2026-12-01T10:00:00.000Z',
  updatedBy: 'u',
  ...over,
});

describe('which documents are plans', () => {
  it('handlingsplan, aktivitetsplan and strategiplan in every preset; a riktlinje is not', () => {
    for (const preset of ['essunga', 'overenskommelse-2020', 'gnesta', 'lekeberg'] as const) {
      const r = loadOrganisation(preset);
      if (!r.ok) throw new Error(r.errors.join('\n'));
      expect(r.organisation.documents.filter(isPlanDocument).length, preset).toBeGreaterThan(0);
    }
    expect(isPlanDocument({ id: 'riktlinje', title: 'Riktlinje', documentType: 'Riktlinje' })).toBe(false);
    expect(isPlanDocument({ id: 'a', title: 'B', documentType: 'Aktivitetsplan' })).toBe(true);
    expect(isPlanDocument({ id: 'strategiplan', title: 'Strategiplan för samverkan' })).toBe(true);
  });
});

describe('a plan as it stands', () => {
  it('the file seeds the activities; a stored change is laid over its own, an added one comes after', () => {
    const org = demo();
    const doc = org.documents.find((d) => d.id === 'handlingsplan')!;
    const plan = planOf(doc, [
      stored({ activityId: 'uppfoljning-lasar', what: ct('Ny lydelse'), status: 'ongoing', added: false }),
      stored({ activityId: 't-abc', what: ct('Tillagd i Teams') }),
      stored({ documentId: 'annan-plan', activityId: 'y' }),
    ]);
    expect(plan.activities.map((a) => a.id)).toEqual(['kand-i-forvaltningarna', 'uppfoljning-lasar', 'redovisning-namnder', 't-abc']);
    expect(plan.activities[1]).toMatchObject({ what: 'Ny lydelse', status: 'ongoing', source: 'file' });
    expect(plan.activities[3]).toMatchObject({ source: 'teams' });
    expect(plan.activities[2]!.decisionRef).toBe('Ks 2024/393 § 199');
  });

  it('overdue means open and past its due date; the due date itself is in time; done and cancelled never are', () => {
    expect(isOverdue({ status: 'planned', due: '2026-11-30' }, '2026-12-01')).toBe(true);
    expect(isOverdue({ status: 'ongoing', due: '2026-12-01' }, '2026-12-01')).toBe(false);
    expect(isOverdue({ status: 'done', due: '2026-01-01' }, '2026-12-01')).toBe(false);
    expect(isOverdue({ status: 'cancelled', due: '2026-01-01' }, '2026-12-01')).toBe(false);
    expect(isOverdue({ status: 'planned', due: undefined }, '2026-12-01')).toBe(false);
  });

  it('counts per plan and overdue per owning group (what the digest and the strategic agenda read)', () => {
    const org = demo();
    const plans = plansOf(org, [
      stored({ activityId: 't-1', due: '2026-10-01' }),
      stored({ activityId: 't-2', due: '2026-10-01', status: 'done' }),
    ]);
    expect(plans.map((p) => p.document.id)).toEqual(['handlingsplan']);
    expect(planCounts(plans[0]!.activities, '2026-12-02')).toEqual({ total: 5, done: 1, open: 4, overdue: 2, cancelled: 0 });
    expect(overdueByGroup(plans, '2026-12-02')).toEqual(new Map([['styrgrupp', 2]]));
    expect(overdueByGroup(plans, '2026-09-01')).toEqual(new Map());
  });
});

describe('changing an activity', () => {
  it('an added activity gets an id from its plan and text, the same for a resend, another for another text', () => {
    const a = newActivityId('handlingsplan', ct('Gemensam fortbildning'));
    expect(a).toMatch(/^t-[a-z0-9x]{10}$/);
    expect(newActivityId('handlingsplan', ct('gemensam fortbildning '))).toBe(a);
    expect(newActivityId('handlingsplan', ct('Annan aktivitet'))).not.toBe(a);
    expect(newActivityId('aktivitetsplan', ct('Gemensam fortbildning'))).not.toBe(a);
  });

  it('reads statuses in both languages and closing words; refuses others', () => {
    expect(parseStatus('done')).toBe('done');
    expect(parseStatus('Closed')).toBe('done');
    expect(parseStatus('klar')).toBe('done');
    expect(parseStatus('pågår')).toBe('ongoing');
    expect(parseStatus('kanske')).toBeUndefined();
  });

  it('a change keeps what it does not name; an addition needs its text and defaults to the plan group', () => {
    const current = planOf(demo().documents.find((d) => d.id === 'handlingsplan')!, []).activities[1]!;
    const r = applyChange('handlingsplan', current.id, current, { status: 'done' }, 'styrgrupp');
    expect(r).toMatchObject({
      ok: true,
      activity: { what: current.what, due: current.due, owner: current.owner, status: 'done', added: false },
    });
    expect(applyChange('handlingsplan', 't-1', undefined, { due: '2027-01-01' }, 'styrgrupp')).toEqual({ ok: false, problem: 'noText' });
    expect(applyChange('handlingsplan', 't-1', undefined, { what: ct('Ny') }, 'styrgrupp')).toMatchObject({
      ok: true,
      activity: { owner: 'styrgrupp', status: 'planned', due: '', added: true },
    });
  });
});

describe('activities in the organisation file', () => {
  it('an owner must be a person or a group, and activity ids are unique within a plan', () => {
    const org = demo();
    const data = structuredClone(org) as unknown as { documents: Array<Record<string, unknown>> };
    const plan = data.documents.find((d) => d.id === 'handlingsplan')!;
    plan.activities = [
      { id: 'a', what: 'En', owner: 'ingen-alls' },
      { id: 'a', what: 'Två', owner: 'styrgrupp' },
    ];
    const r = validateOrganisation(data, 'org.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.join('\n')).toContain('activities[0].owner: unknown person or group "ingen-alls"');
    expect(r.errors.join('\n')).toContain('activities[1].id: duplicate activity id "a"');
  });
});
