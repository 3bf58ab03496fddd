import type { TableClient } from '@azure/data-tables';
import { describe, expect, it } from 'vitest';
import type { Consent } from '../../src/domain/consent';
import { fromStore } from '../../src/domain/consent/checked-text';
import { DEFAULT_RETENTION, retentionOf, validateOrganisation } from '../../src/domain/organisation';
import { eraseExpired, nextRetentionAt, RETENTION_KIND, retentionJob } from '../../src/scheduler/retention';
import { RetentionStore } from '../../src/storage/retention';
import { TABLES } from '../../src/storage/tables';
import { createLogger } from '../../src/logger';
import { memoryStores, type MemoryStores } from '../support/memory';

/** Issue 17 item 5: what is kept and for how long, over the real stores on memory tables. */

const NOW = new Date('2026-12-02T02:30:00Z');
const TENANT = 'tenant-a';
const DAY = 86_400_000;
const ago = (days: number) => new Date(NOW.getTime() - days * DAY);
const dayAgo = (days: number) => ago(days).toISOString().slice(0, 10);

function consent(ref: string, o: Partial<Consent>): Consent {
  return {
    caseRef: ref,
    tenantId: TENANT,
    subject: { personnummer: `pn-${ref}`, name: `nm-${ref}` },
    parties: ['guardian1'],
    form: 'written',
    documentRef: fromStore(''),
    scope: { groupIds: ['operativ'], agencies: [], informationCategories: fromStore(''), exclusions: fromStore('') },
    purpose: fromStore('Stöd'),
    validFrom: dayAgo(500),
    validUntil: dayAgo(-200),
    recordedBy: 'u',
    recordedAt: `${dayAgo(500)}T09:00:00.000Z`,
    ...o,
  };
}

const c = (s: MemoryStores, name: string) => s.tables.client(name) as unknown as TableClient;
function retentionOver(s: MemoryStores): RetentionStore {
  return new RetentionStore({
    consents: c(s, TABLES.consents),
    consentIndex: c(s, TABLES.consentIndex),
    audit: c(s, TABLES.audit),
    auditByGroup: c(s, TABLES.auditByGroup),
    outbox: c(s, TABLES.outbox),
    jobIds: c(s, TABLES.jobIds),
    jobState: c(s, TABLES.jobState),
    jobTable: (name) => s.tables.client(name, false) as unknown as TableClient,
  });
}

async function seeded(): Promise<MemoryStores> {
  const s = memoryStores();
  await s.consents.record(consent('SAM-WITHDRAWN', { withdrawnAt: `${dayAgo(120)}T08:00:00.000Z`, withdrawnBy: 'u' }));
  await s.consents.record(consent('SAM-EXPIRED', { validUntil: dayAgo(91) }));
  await s.consents.record(consent('SAM-RECENTWD', { withdrawnAt: `${dayAgo(10)}T08:00:00.000Z`, withdrawnBy: 'u' }));
  await s.consents.record(consent('SAM-RECENTEX', { validUntil: dayAgo(89) }));
  await s.consents.record(consent('SAM-INFORCE', {}));
  for (const [days, n] of [
    [6 * 365, 3],
    [5 * 365 + 2, 2],
    [5 * 365 - 2, 1],
    [30, 4],
  ] as const)
    for (let i = 0; i < n; i++)
      await s.audit.append({ time: ago(days), tenantId: TENANT, groupId: 'operativ', userId: 'u', event: 'refusal', categories: ['name'] });
  await s.outbox.enqueue('digest-old', [{ recipient: 'm1', tenantId: TENANT, aadObjectId: 'a1' }]);
  const job = async (id: string, days: number, status: 'done' | 'pending' = 'done') => {
    const { ref } = await s.jobs.insert({ id, kind: 'k', dueAt: ago(days), payload: '{}', maxAttempts: 1, idempotencyKey: id }, ago(days));
    if (status === 'done') await s.jobs.update((await s.jobs.get(ref))!, { status: 'done' });
  };
  await job('old-1', 45);
  await job('old-2', 45);
  await job('older', 200);
  await job('recent', 5);
  // A job that has not run (a retry, a scheduler that was down): its day is kept, whatever its age.
  await job('stuck', 60, 'pending');
  return s;
}

describe('the retention policy', () => {
  it('has safe defaults, and an organisation file may set each part', () => {
    expect(retentionOf({})).toEqual({ consentsDays: 90, auditYears: 5, operationalDays: 30 });
    expect(DEFAULT_RETENTION.consentsDays).toBe(90);
    const base = { id: 'x', name: 'X', groups: [], people: [] };
    const r = validateOrganisation({ ...base, retention: { consentsDays: 30, auditYears: 10 } }, 'x.yaml');
    expect(r.ok && retentionOf(r.organisation)).toEqual({ consentsDays: 30, auditYears: 10, operationalDays: 30 });
    const bad = validateOrganisation({ ...base, retention: { auditYears: 0, keepForever: true } }, 'x.yaml');
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.errors.join('\n')).toMatch(/retention.*keepForever|retention\.auditYears/);
  });

  it('erases ended consents with their index rows, old audit rows, outbox rows and job days; twice erases nothing more', async () => {
    const s = await seeded();
    const retention = retentionOver(s);
    const org = { tenantId: TENANT };
    // The outbox row was written now: not yet old enough.
    const first = await eraseExpired({ organisation: org, retention }, NOW);
    expect(first).toMatchObject({ consents: 2, auditRows: 5, outboxRows: 0, jobRows: 3, jobTables: 2, more: false });
    const left = (await s.consents.listForGroups(TENANT, ['operativ'])).map((x) => x.caseRef).sort();
    expect(left).toEqual(['SAM-INFORCE', 'SAM-RECENTEX', 'SAM-RECENTWD']);
    // No hash of an erased consent is left to find it by.
    expect(await s.consents.findByHash(TENANT, 'pn-SAM-WITHDRAWN')).toEqual([]);
    // Nor a subject row: each erased consent was its subject's only one, so the row went, hash and all.
    const keys = s.tables
      .client(TABLES.consentIndex)
      .all()
      .map((r) => r.rowKey);
    expect(keys).toContain('pn-SAM-INFORCE');
    expect(keys.filter((k) => /SAM-(EXPIRED|WITHDRAWN)/.test(k))).toEqual([]);
    // Two hash rows and two register rows (the group's and the tenant's) of each consent left, and nothing of those erased.
    expect(s.tables.client(TABLES.consentIndex).size).toBe(12);
    const register = await s.consents.listRegister(TENANT, ['operativ'], '', 25);
    expect(register.rows.map((r) => r.listing.caseRef).sort()).toEqual(['SAM-INFORCE', 'SAM-RECENTEX', 'SAM-RECENTWD']);
    expect((await s.consents.listRegister(TENANT, ['operativ'], '', 25, { wide: true })).rows).toHaveLength(3);
    expect(s.audit.entries()).toHaveLength(5);
    expect(s.tables.client(TABLES.auditByGroup).size).toBe(5);
    expect((await s.audit.countsFor(TENANT, 'operativ', ago(40), NOW)).refusal).toBe(4);
    expect(await s.jobs.findById('old-1')).toBeUndefined();
    expect(await s.jobs.findById('recent')).toBeDefined();
    const stuck = await s.jobs.findById('stuck');
    expect(stuck).toBeDefined();
    expect((await s.jobs.get(stuck!))?.status).toBe('pending');

    const again = await eraseExpired({ organisation: org, retention }, NOW);
    expect(again).toEqual({ consents: 0, auditRows: 0, outboxRows: 0, jobRows: 0, jobTables: 0, more: false });

    // 31 days on, the outbox row goes too. The memory table stamps a row with the real time it was written (as
    // Table Storage does), so "on" counts from whichever is later, NOW or today: from NOW alone, the test failed once
    // the real clock passed NOW + 1 day.
    const later = await eraseExpired({ organisation: org, retention }, new Date(Math.max(NOW.getTime(), Date.now()) + 31 * DAY));
    expect(later.outboxRows).toBe(1);
  });

  it('erases in batches: a backlog drains over runs the job plans a minute apart', async () => {
    const s = await seeded();
    const retention = retentionOver(s);
    const planned: Array<{ id?: string; dueAt: Date }> = [];
    const scheduler = { schedule: async (r: { id?: string; dueAt: Date }) => planned.push(r) as never };
    const first = await eraseExpired({ organisation: { tenantId: TENANT }, retention }, NOW, 1);
    expect(first.consents).toBe(1);
    expect(first.more).toBe(true);
    await retentionJob(
      { organisation: { tenantId: TENANT }, retention, scheduler, logger: createLogger({ level: 'silent' }) },
      { now: NOW },
    );
    expect(planned.map((p) => p.dueAt.getTime() - NOW.getTime())).toContain(
      nextRetentionAt(new Date(NOW.getTime() + 60_000)).getTime() - NOW.getTime(),
    );
    expect(planned.every((p) => p.id?.startsWith(RETENTION_KIND))).toBe(true);
    expect((await s.consents.listForGroups(TENANT, ['operativ'])).length).toBe(3);
  });

  it('runs nightly at 02:30 UTC', () => {
    expect(nextRetentionAt(new Date('2026-12-02T01:00:00Z')).toISOString()).toBe('2026-12-02T02:30:00.000Z');
    expect(nextRetentionAt(new Date('2026-12-02T02:31:00Z')).toISOString()).toBe('2026-12-03T02:30:00.000Z');
  });
});
