import { randomBytes } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import type { Consent } from '../../src/domain/consent';
import { aConsent } from '../unit/consent/fixtures';
import { readSubject, removeFromSubject, subjectPartition } from '../../src/storage/consent-subjects';
import { ConsentStore } from '../../src/storage/consents';
import { odata, TABLES, TableStore } from '../../src/storage/tables';

/**
 * The gate's subject index on Azurite (issue 17): a subject's consents are
 * one row, read with one point read; recordings for one subject merge into
 * it; the one-off backfill writes it in upsert-merge transactions beside
 * rows written meanwhile; retention takes a consent off it and deletes it
 * with the subject's last one, each conditional on the row as read.
 */

const TENANT = 'tenant-sub';

/** A consent of the operative group in force through 2026, for this subject. */
const consent = (ref: string, subject: Consent['subject']): Consent =>
  aConsent({ caseRef: ref, tenantId: TENANT, subject, validUntil: '2027-01-01' });

describe('the subject index on Azure Table Storage', () => {
  it('finds, backfills and erases by point reads and conditional writes', async () => {
    const store = new TableStore(inject('azuriteConnectionString'), `cs${randomBytes(5).toString('hex')}`);
    await store.ensureTables([TABLES.consents, TABLES.consentIndex]);
    const index = store.client(TABLES.consentIndex);
    const consents = new ConsentStore(store.client(TABLES.consents), index);
    // Two recordings for one subject at once both land on its row.
    await Promise.all([
      consents.record(consent('SAM-A1', { personnummer: 'Qpn1', name: 'Qnm1' })),
      consents.record(consent('SAM-A2', { personnummer: 'Qpn1' })),
    ]);
    expect((await consents.findByHash(TENANT, 'Qpn1')).map((c) => c.caseRef).sort()).toEqual(['SAM-A1', 'SAM-A2']);
    expect((await consents.findByHash(TENANT, 'Qnm1')).map((c) => c.caseRef)).toEqual(['SAM-A1']);

    // Consents from before the index: their subject rows removed, 150 more recorded as the old store did (consents only).
    for await (const e of index.listEntities({ queryOptions: { filter: odata`PartitionKey eq ${subjectPartition(TENANT, 'Q')}` } }))
      await index.deleteEntity(e.partitionKey!, e.rowKey!);
    const table = store.client(TABLES.consents);
    const old = Array.from({ length: 150 }, (_, i) => consent(`SAM-B${i}`, { personnummer: `Rpn${i % 75}` }));
    for (let i = 0; i < old.length; i += 100)
      await table.submitTransaction(
        old.slice(i, i + 100).map((c) => [
          'create',
          {
            partitionKey: TENANT,
            rowKey: c.caseRef,
            subjectPersonnummerHash: c.subject.personnummer,
            subjectNameHash: '',
            validFrom: c.validFrom,
            validUntil: c.validUntil,
          },
        ]),
      );
    expect(await consents.findByHash(TENANT, 'Qpn1')).toEqual([]);
    // A subject row written before the backfill reaches it stays as it is, and gains the backfill's case references.
    await consents.record(consent('SAM-NEW', { personnummer: 'Rpn0' }));
    expect(await consents.backfillSubjectsOnce(TENANT)).toEqual({ consents: 153, subjects: 77 });
    expect(await consents.backfillSubjectsOnce(TENANT)).toBeUndefined();
    expect(await readSubject(index, TENANT, 'Rpn0')).toEqual(['SAM-B0', 'SAM-B75', 'SAM-NEW']);
    expect(await readSubject(index, TENANT, 'Qpn1')).toEqual(['SAM-A1', 'SAM-A2']);

    // Erased one by one: the row loses a column, then goes with the subject's last consent.
    await removeFromSubject(index, TENANT, 'Qpn1', 'SAM-A1');
    expect(await readSubject(index, TENANT, 'Qpn1')).toEqual(['SAM-A2']);
    await removeFromSubject(index, TENANT, 'Qpn1', 'SAM-A2');
    const left: string[] = [];
    for await (const e of index.listEntities({ queryOptions: { filter: odata`PartitionKey eq ${subjectPartition(TENANT, 'Q')}` } }))
      left.push(e.rowKey!);
    expect(left).toEqual(['Qnm1']);
  }, 300_000);
});
