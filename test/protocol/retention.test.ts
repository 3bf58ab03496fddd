import { randomBytes } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { fromStore } from '../../src/domain/consent/checked-text';
import { eraseExpired } from '../../src/scheduler/retention';
import { AuditLog } from '../../src/storage/audit';
import { ConsentStore } from '../../src/storage/consents';
import { jobStoreOf } from '../../src/storage/jobs';
import { RetentionStore } from '../../src/storage/retention';
import { TABLES, TableStore } from '../../src/storage/tables';

/** The nightly erasure against Azurite: real deletes, transactions and a dropped day table; the second run erases nothing. */

const NOW = new Date('2026-12-02T02:30:00Z');
const DAY = 86_400_000;
const TENANT = 'tenant-r';

describe('retention on Azure Table Storage', () => {
  it('erases what ended, keeps the rest, and is the same run twice', async () => {
    const store = new TableStore(inject('azuriteConnectionString'), `r${randomBytes(5).toString('hex')}`);
    await store.ensureTables();
    const consents = new ConsentStore(store.client(TABLES.consents), store.client(TABLES.consentIndex));
    const audit = new AuditLog(store.client(TABLES.audit), store.client(TABLES.auditByGroup));
    const jobs = jobStoreOf(store);
    const day = (d: number) => new Date(NOW.getTime() - d * DAY).toISOString().slice(0, 10);
    for (const [ref, until] of [
      ['SAM-OLDENDED', day(100)],
      ['SAM-INFORCE1', day(-100)],
    ] as const)
      await consents.record({
        caseRef: ref,
        tenantId: TENANT,
        subject: { personnummer: `pn${ref}`, name: `nm${ref}` },
        parties: ['guardian1'],
        form: 'written',
        documentRef: fromStore(''),
        scope: { groupIds: ['operativ'], agencies: [], informationCategories: fromStore(''), exclusions: fromStore('') },
        purpose: fromStore('Stöd'),
        validFrom: day(400),
        validUntil: until,
        recordedBy: 'u',
        recordedAt: `${day(400)}T09:00:00.000Z`,
      });
    for (let i = 0; i < 120; i++)
      await audit.append({
        time: new Date(NOW.getTime() - (6 * 365 + (i % 3)) * DAY),
        tenantId: TENANT,
        groupId: 'operativ',
        userId: 'u',
        event: 'refusal',
      });
    await audit.append({ time: new Date(NOW.getTime() - 3 * DAY), tenantId: TENANT, groupId: 'operativ', userId: 'u', event: 'refusal' });
    const placed = await jobs.insert(
      { id: 'old', kind: 'k', dueAt: new Date(NOW.getTime() - 45 * DAY), payload: '{}', maxAttempts: 1, idempotencyKey: 'old' },
      new Date(NOW.getTime() - 45 * DAY),
    );
    await jobs.update((await jobs.get(placed.ref))!, { status: 'done' });
    // A job that never ran (a scheduler that was down): its day is kept, however old.
    await jobs.insert(
      { id: 'stuck', kind: 'k', dueAt: new Date(NOW.getTime() - 60 * DAY), payload: '{}', maxAttempts: 1, idempotencyKey: 'stuck' },
      new Date(NOW.getTime() - 60 * DAY),
    );
    const retention = new RetentionStore({
      consents: store.client(TABLES.consents),
      consentIndex: store.client(TABLES.consentIndex),
      audit: store.client(TABLES.audit),
      auditByGroup: store.client(TABLES.auditByGroup),
      outbox: store.client(TABLES.outbox),
      jobIds: store.client(TABLES.jobIds),
      jobState: store.client(TABLES.jobState),
      jobTable: (name) => store.client(name),
    });
    const deps = { organisation: { tenantId: TENANT }, retention };
    const first = await eraseExpired(deps, NOW);
    expect(first).toMatchObject({ consents: 1, auditRows: 120, jobRows: 1, jobTables: 1, more: false });
    expect(await consents.get(TENANT, 'SAM-OLDENDED')).toBeUndefined();
    expect(await consents.findByHash(TENANT, 'pnSAM-OLDENDED')).toEqual([]);
    expect(await consents.get(TENANT, 'SAM-INFORCE1')).toBeDefined();
    // Its rows in the register by group and the tenant's went with it.
    for (const wide of [false, true])
      expect((await consents.listRegister(TENANT, ['operativ'], '', 25, { wide })).rows.map((r) => r.listing.caseRef)).toEqual([
        'SAM-INFORCE1',
      ]);
    expect((await audit.countsFor(TENANT, 'operativ', new Date(NOW.getTime() - 10 * DAY), NOW)).refusal).toBe(1);
    expect(await jobs.findById('old')).toBeUndefined();
    expect(await jobs.findById('stuck')).toBeDefined();
    expect(await eraseExpired(deps, NOW)).toEqual({ consents: 0, auditRows: 0, outboxRows: 0, jobRows: 0, jobTables: 0, more: false });

    // The audit step keeps where it got to: the last month wholly before the cutoff's, so a daily run reads one or
    // two month partitions instead of ten years of them, and still erases what the moving cutoff reaches next.
    const cutoff = new Date(NOW);
    cutoff.setUTCFullYear(cutoff.getUTCFullYear() - 5);
    const before = new Date(Date.UTC(cutoff.getUTCFullYear(), cutoff.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
    const mark = await store.client(TABLES.jobState).getEntity<{ through: string }>('retention', `audit|${TENANT}`);
    expect(mark.through).toBe(before);
    const late = new Date(cutoff.getTime() + 10 * DAY);
    await audit.append({ time: late, tenantId: TENANT, groupId: 'operativ', userId: 'u', event: 'refusal' });
    expect((await eraseExpired(deps, NOW)).auditRows).toBe(0);
    expect((await eraseExpired(deps, new Date(NOW.getTime() + 40 * DAY))).auditRows).toBe(1);
    expect((await audit.countsFor(TENANT, 'operativ', new Date(late.getTime() - DAY), new Date(late.getTime() + DAY))).refusal ?? 0).toBe(
      0,
    );
  }, 180_000);
});
