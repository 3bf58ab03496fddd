import { randomBytes } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import type { CheckedText } from '../../src/domain/consent/checked-text';
import type { Organisation } from '../../src/domain/organisation';
import { loadOrganisation } from '../../src/domain/organisation';
import type { StoredActivity } from '../../src/domain/plans/plans';
import { overduePlanActivities, PlanStore, readPlans } from '../../src/storage/plans';
import { TABLES, TableStore } from '../../src/storage/tables';
import { memoryStores } from '../support/memory';

/** The plan store's contract on Azurite and over memory tables, and the plain reads the digest and the report call. */

const T = '00000000-0000-0000-0000-0000000000c1';
const T2 = '00000000-0000-0000-0000-0000000000c2';
const ct = (s: string) => s as CheckedText;

async function azurite(): Promise<PlanStore> {
  const store = new TableStore(inject('azuriteConnectionString'), `pl${randomBytes(5).toString('hex')}`);
  await store.ensureTables([TABLES.planActivities]);
  return new PlanStore(store.client(TABLES.planActivities));
}
const ENVS: Array<[string, () => Promise<PlanStore>]> = [
  ['azurite', azurite],
  ['memory', async () => memoryStores().plans],
];

const activity = (over: Partial<StoredActivity>): StoredActivity => ({
  documentId: 'handlingsplan',
  activityId: 't-1',
  what: ct('Gemensam fortbildning'),
  owner: 'samverkansgrupp',
  due: '2026-11-01',
  status: 'planned',
  decisionRef: ct(''),
  added: true,
  updatedAt: '2026-10-01T08:00:00.000Z',
  updatedBy: 'u1',
  ...over,
});

function demo(tenantId = T): Organisation {
  const r = loadOrganisation('local-demo');
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return { ...r.organisation, tenantId };
}

describe.each(ENVS)('PlanStore on %s', (_name, make) => {
  it('puts, reads back one, one plan and the tenant; a second put replaces (a resend leaves one row)', async () => {
    const plans = await make();
    await plans.put(T, activity({}));
    await plans.put(T, activity({}));
    await plans.put(T, activity({ documentId: 'aktivitetsplan', activityId: 'a-1' }));
    await plans.put(T2, activity({ activityId: 'other-tenant' }));
    expect(await plans.get(T, 'handlingsplan', 't-1')).toEqual(activity({}));
    expect((await plans.forDocument(T, 'handlingsplan')).map((a) => a.activityId)).toEqual(['t-1']);
    expect((await plans.all(T)).map((a) => `${a.documentId}/${a.activityId}`).sort()).toEqual(['aktivitetsplan/a-1', 'handlingsplan/t-1']);
    await plans.put(T, activity({ status: 'done', due: '' }));
    expect(await plans.get(T, 'handlingsplan', 't-1')).toMatchObject({ status: 'done', due: '' });
    expect(await plans.get(T, 'handlingsplan', 'none')).toBeUndefined();
  });

  it('a plan id that prefixes another keeps its own rows', async () => {
    const plans = await make();
    await plans.put(T, activity({ documentId: 'plan' }));
    await plans.put(T, activity({ documentId: 'plan-2' }));
    expect((await plans.forDocument(T, 'plan')).map((a) => a.documentId)).toEqual(['plan']);
  });

  it('readPlans lays the stored rows over the file; overduePlanActivities counts per owning group', async () => {
    const plans = await make();
    const org = demo();
    const now = () => new Date('2026-12-02T10:00:00.000Z');
    await plans.put(T, activity({}));
    await plans.put(T, activity({ activityId: 'kand-i-forvaltningarna', status: 'done', added: false }));
    const read = await readPlans({ plans, organisation: org, now });
    expect(read.find((p) => p.document.id === 'handlingsplan')!.activities.map((a) => a.id)).toEqual([
      'kand-i-forvaltningarna',
      'uppfoljning-lasar',
      'redovisning-namnder',
      't-1',
    ]);
    const overdue = await overduePlanActivities({ plans, organisation: org, now });
    expect(overdue.count).toBe(1);
    expect(overdue.byGroup).toEqual(new Map([['styrgrupp', 1]]));
    expect(overdue.activities.map((a) => a.id)).toEqual(['t-1']);
    expect((await overduePlanActivities({ plans, organisation: org, now }, new Set(['operativ']))).count).toBe(0);
  });
});
