import type { TableClient } from '@azure/data-tables';
import { describe, expect, it } from 'vitest';
import type { Consent } from '../../src/domain/consent';
import { aConsent } from './consent/fixtures';
import { readSubject, removeFromSubject, subjectPartition } from '../../src/storage/consent-subjects';
import { ConsentStore } from '../../src/storage/consents';
import { TABLES } from '../../src/storage/tables';
import { MemoryTables } from '../support/memory/table';

/** Issue 17: the gate finds a subject's consents with one point read, kept with every consent and backfilled once. */

const TENANT = 'tenant-s';

/** A consent of the operative group in force through 2026, for this subject. */
const consent = (ref: string, subject: Consent['subject']): Consent =>
  aConsent({ caseRef: ref, tenantId: TENANT, subject, validUntil: '2027-01-01' });

/** The index table with every call counted by kind. */
function counted(m: MemoryTables) {
  const calls: string[] = [];
  const table = m.client(TABLES.consentIndex);
  const client = new Proxy(table, {
    get: (target, prop, receiver) => {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function' || typeof prop !== 'string') return value;
      return (...args: unknown[]) => {
        calls.push(prop);
        return value.apply(target, args);
      };
    },
  }) as unknown as TableClient;
  return { calls, client };
}

describe('the subject index', () => {
  it("lists each of a subject's consents on one row, read with one point read", async () => {
    const m = new MemoryTables();
    const index = counted(m);
    const store = new ConsentStore(m.client(TABLES.consents) as unknown as TableClient, index.client);
    await store.record(consent('SAM-1', { personnummer: 'hashPN', name: 'hashNAME' }));
    await store.record(consent('SAM-2', { personnummer: 'hashPN' }));
    index.calls.length = 0;
    expect((await store.findByHash(TENANT, 'hashPN')).map((c) => c.caseRef)).toEqual(['SAM-1', 'SAM-2']);
    expect(index.calls).toEqual(['getEntity']);
    expect((await store.findByHash(TENANT, 'hashNAME')).map((c) => c.caseRef)).toEqual(['SAM-1']);
    expect(await store.findByHash(TENANT, 'nobody')).toEqual([]);
    const rows = m.client(TABLES.consentIndex).all();
    // One row per hash, in the partition of its first character, listing both consents of the one and one of the other.
    const subjects = rows.filter((r) => r.partitionKey === subjectPartition(TENANT, 'h'));
    expect(subjects.map((r) => r.rowKey)).toEqual(['hashNAME', 'hashPN']);
    // Hashes and case references only.
    expect(JSON.stringify(rows)).not.toMatch(/Stöd|guardian/);
  });

  it("takes an erased consent off its subject's row, and deletes the row with the subject's last one", async () => {
    const m = new MemoryTables();
    const index = m.client(TABLES.consentIndex) as unknown as TableClient;
    const store = new ConsentStore(m.client(TABLES.consents) as unknown as TableClient, index);
    await store.record(consent('SAM-1', { personnummer: 'hashPN' }));
    await store.record(consent('SAM-2', { personnummer: 'hashPN' }));
    await removeFromSubject(index, TENANT, 'hashPN', 'SAM-1');
    expect(await readSubject(index, TENANT, 'hashPN')).toEqual(['SAM-2']);
    await removeFromSubject(index, TENANT, 'hashPN', 'SAM-1');
    expect(await readSubject(index, TENANT, 'hashPN')).toEqual(['SAM-2']);
    await removeFromSubject(index, TENANT, 'hashPN', 'SAM-2');
    expect(
      m
        .client(TABLES.consentIndex)
        .all()
        .filter((r) => r.rowKey === 'hashPN'),
    ).toEqual([]);
  });

  it('keeps a consent recorded while a removal read the row: the conditional write fails and it starts over', async () => {
    const m = new MemoryTables();
    const table = m.client(TABLES.consentIndex);
    const store = new ConsentStore(m.client(TABLES.consents) as unknown as TableClient, table as unknown as TableClient);
    await store.record(consent('SAM-1', { personnummer: 'hashPN' }));
    const getEntity = table.getEntity.bind(table);
    let raced = false;
    table.getEntity = async (pk, rk) => {
      const row = await getEntity(pk, rk);
      if (!raced) {
        raced = true;
        await store.record(consent('SAM-3', { personnummer: 'hashPN' }));
      }
      return row;
    };
    await removeFromSubject(table as unknown as TableClient, TENANT, 'hashPN', 'SAM-1');
    expect(await readSubject(table as unknown as TableClient, TENANT, 'hashPN')).toEqual(['SAM-3']);
  });

  it('is backfilled once from the consents recorded before it, in transactions, and a second run changes nothing', async () => {
    const m = new MemoryTables();
    const consents = m.client(TABLES.consents) as unknown as TableClient;
    const index = m.client(TABLES.consentIndex);
    const store = new ConsentStore(consents, index as unknown as TableClient);
    await store.record(consent('SAM-1', { personnummer: 'hashA', name: 'hashB' }));
    await store.record(consent('SAM-2', { personnummer: 'hashA' }));
    await store.record(consent('SAM-3', { personnummer: 'hashC' }));
    // As before the index was kept: the consents, but no subject rows.
    for (const r of index.all()) if (r.partitionKey.startsWith('sub|')) await index.deleteEntity(r.partitionKey, r.rowKey);
    expect(await store.findByHash(TENANT, 'hashA')).toEqual([]);
    const transactions: string[] = [];
    const submit = index.submitTransaction.bind(index);
    index.submitTransaction = async (actions) => {
      transactions.push(actions.map((a) => a[0]).join(','));
      return submit(actions);
    };
    expect(await store.backfillSubjectsOnce(TENANT)).toEqual({ consents: 3, subjects: 3 });
    expect(transactions.length).toBeGreaterThan(0);
    expect(transactions.every((t) => /^upsert(,upsert)*$/.test(t))).toBe(true);
    expect((await store.findByHash(TENANT, 'hashA')).map((c) => c.caseRef)).toEqual(['SAM-1', 'SAM-2']);
    expect((await store.findByHash(TENANT, 'hashB')).map((c) => c.caseRef)).toEqual(['SAM-1']);
    expect((await store.findByHash(TENANT, 'hashC')).map((c) => c.caseRef)).toEqual(['SAM-3']);
    expect(await store.backfillSubjectsOnce(TENANT)).toBeUndefined();
    // Run again by hand (the marker aside), it merges what is there: a consent recorded since stays listed.
    await store.record(consent('SAM-4', { personnummer: 'hashA' }));
    const before = index.all().filter((r) => r.partitionKey.startsWith('sub|')).length;
    await store.backfillSubjects(TENANT);
    expect(index.all().filter((r) => r.partitionKey.startsWith('sub|'))).toHaveLength(before);
    expect((await store.findByHash(TENANT, 'hashA')).map((c) => c.caseRef)).toEqual(['SAM-1', 'SAM-2', 'SAM-4']);
  });
});
