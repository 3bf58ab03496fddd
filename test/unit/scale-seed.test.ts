import type { TableClient } from '@azure/data-tables';
import { describe, expect, it } from 'vitest';
import { ConsentStore } from '../../src/storage/consents';
import { TABLES } from '../../src/storage/tables';
import { MemoryTables } from '../support/memory/table';
import { SCALE_TENANT, scaledOrganisation, seedConsents } from '../support/scale';

const NOW = new Date('2026-11-20T09:00:00Z');

/** The benchmark's consents written as table transactions are the rows the store writes one at a time. */
describe('seedConsents with tables', () => {
  it('writes the same rows as record() does, in transactions of at most 100 rows of one partition', async () => {
    const org = scaledOrganisation(5);
    const oneByOne = new MemoryTables();
    const batched = new MemoryTables();
    const store = (m: MemoryTables) =>
      new ConsentStore(m.client(TABLES.consents) as unknown as TableClient, m.client(TABLES.consentIndex) as unknown as TableClient);
    await seedConsents(store(oneByOne), org, 250, NOW);
    const transactions: Array<{ partition: string; rows: number }> = [];
    const counted = (name: string) => {
      const table = batched.client(name);
      const submit = table.submitTransaction.bind(table);
      table.submitTransaction = async (actions) => {
        transactions.push({ partition: actions[0]![1].partitionKey, rows: actions.length });
        await submit(actions);
      };
      return table as unknown as TableClient;
    };
    const tables = { consents: counted(TABLES.consents), index: counted(TABLES.consentIndex) };
    await seedConsents(store(batched), org, 250, NOW, { tables });
    const rows = (m: MemoryTables) =>
      Object.fromEntries(
        [TABLES.consents, TABLES.consentIndex].map((name) => [name, (m.dump()[name] ?? []).map(({ etag: _etag, ...row }) => row)]),
      );
    expect(rows(batched)[TABLES.consents]).toHaveLength(250);
    // Two hash rows a consent, and its register rows: its (one) group's and the tenant's.
    expect(rows(batched)[TABLES.consentIndex]).toHaveLength(1000);
    expect(rows(batched)).toEqual(rows(oneByOne));
    const sizes = (subjects: boolean) =>
      transactions
        .filter((t) => t.partition.startsWith('sub|') === subjects)
        .map((t) => t.rows)
        .sort((a, b) => a - b);
    // 250 consents in 3 transactions, the two operative groups' 125 register rows in 2 each, the tenant's 250 in 3.
    expect(sizes(false)).toEqual([25, 25, 50, 50, ...Array<number>(6).fill(100)]);
    // Their 500 subject rows (one per hash), one transaction for each of the 16 partitions the seed's hex hashes fall in.
    expect(sizes(true)).toHaveLength(16);
    expect(sizes(true).reduce((a, b) => a + b, 0)).toBe(500);
    const first = (await store(oneByOne).get(SCALE_TENANT, 'SAM-00000000'))!;
    expect(await store(batched).findByHash(SCALE_TENANT, first.subject.personnummer!)).toEqual([first]);
  });
});
