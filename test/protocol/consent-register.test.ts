import { randomBytes } from 'node:crypto';
import type { TableClient } from '@azure/data-tables';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { Consent } from '../../src/domain/consent';
import { fromStore } from '../../src/domain/consent/checked-text';
import { registerKey } from '../../src/storage/consent-register';
import { ConsentStore } from '../../src/storage/consents';
import { odata, TABLES, TableStore } from '../../src/storage/tables';

/**
 * The register by group on Azurite (issue 17): 300 consents over three
 * groups (every tenth in two), paged 25 at a time. Every query the store
 * makes and the rows each answers are recorded: a page reads one key range
 * per group (or the tenant's one range) and about a page of rows, whatever
 * the register holds; the pages hold every consent once, in the register's
 * order; a withdrawal moves its consent to the withdrawn at the end; the
 * backfill writes the rows of consents recorded before the register was
 * kept, and running it twice writes nothing.
 */

const TENANT = 'tenant-reg';
const GROUPS = ['g-a', 'g-b', 'g-c'];
const PAGE = 25;

interface Query {
  filter?: string;
  rows: number;
}
const queries: Query[] = [];

/** The table, recording each query's filter and the rows its pages answered. */
function recorded(client: TableClient): TableClient {
  return new Proxy(client, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (prop !== 'listEntities' || typeof value !== 'function') return value;
      return (...args: Parameters<TableClient['listEntities']>) => {
        const q: Query = { filter: args[0]?.queryOptions?.filter, rows: 0 };
        queries.push(q);
        const iter = (value as TableClient['listEntities']).apply(target, args);
        return {
          async *[Symbol.asyncIterator]() {
            for await (const e of iter) {
              q.rows += 1;
              yield e;
            }
          },
          async *byPage(settings?: { maxPageSize?: number }) {
            for await (const page of iter.byPage(settings)) {
              q.rows += page.length;
              yield page;
            }
          },
        };
      };
    },
  });
}

let store: TableStore;
let consents: ConsentStore;
let all: Consent[];

const consent = (n: number): Consent => ({
  caseRef: `SAM-${n.toString(36).toUpperCase().padStart(8, '0')}`,
  tenantId: TENANT,
  subject: { personnummer: `pn${n}` },
  parties: ['guardian1', 'guardian2'],
  form: 'written',
  documentRef: fromStore(''),
  scope: {
    groupIds: n % 10 === 0 ? [GROUPS[n % 3]!, GROUPS[(n + 1) % 3]!] : [GROUPS[n % 3]!],
    agencies: [],
    informationCategories: fromStore(''),
    exclusions: fromStore(''),
  },
  purpose: fromStore('Stöd'),
  validFrom: '2026-01-01',
  validUntil: n % 9 === 0 ? '2026-02-01' : '2027-01-01',
  recordedBy: 'u',
  // Some at the same moment: the case reference orders them.
  recordedAt: new Date(Date.UTC(2026, 0, 1) + Math.floor(n / 2) * 3_600_000).toISOString(),
  ...(n % 7 === 3 ? { withdrawnAt: '2026-06-01T10:00:00.000Z', withdrawnBy: 'u' } : {}),
});

/** The register's order: not withdrawn before withdrawn, newest recorded first, then by case reference. */
const inOrder = (cs: Consent[]) => [...cs].sort((a, b) => (registerKey(a) < registerKey(b) ? -1 : 1)).map((c) => c.caseRef);

/** Every page of the register for these groups, with the queries each made. */
async function pages(groupIds: string[], wide = false): Promise<Array<{ refs: string[]; queries: Query[] }>> {
  const out: Array<{ refs: string[]; queries: Query[] }> = [];
  let after = '';
  for (let n = 0; n < 100; n++) {
    const mark = queries.length;
    const p = await consents.listRegister(TENANT, groupIds, after, PAGE, { wide });
    out.push({ refs: p.rows.map((r) => r.listing.caseRef), queries: queries.slice(mark) });
    if (!p.more) break;
    after = p.next ?? p.rows[p.rows.length - 1]!.key;
  }
  return out;
}

beforeAll(async () => {
  store = new TableStore(inject('azuriteConnectionString'), `cr${randomBytes(5).toString('hex')}`);
  await store.ensureTables([TABLES.consents, TABLES.consentIndex]);
  consents = new ConsentStore(store.client(TABLES.consents), recorded(store.client(TABLES.consentIndex)));
  all = Array.from({ length: 300 }, (_, n) => consent(n));
  for (let i = 0; i < all.length; i += 20) await Promise.all(all.slice(i, i + 20).map((c) => consents.record(c)));
}, 300_000);

describe('the register by group on Azure Table Storage', () => {
  it('pages three groups’ 300 consents in order, each once, a page reading one range per group and about a page of rows', async () => {
    const got = await pages(GROUPS);
    expect(got.flatMap((p) => p.refs)).toEqual(inOrder(all));
    expect(got).toHaveLength(Math.ceil(300 / PAGE));
    for (const p of got) {
      // Single-partition key ranges only: PartitionKey eq, RowKey gt.
      for (const q of p.queries) expect(q.filter).toMatch(/^PartitionKey eq 'reg\|tenant-reg\|g-[abc]' and RowKey gt '[^']*'$/);
      const read = p.queries.reduce((n, q) => n + q.rows, 0);
      expect(read).toBeLessThanOrEqual(2 * (PAGE + 1) + GROUPS.length * 10);
      expect(new Set(p.queries.map((q) => q.filter!.split(' and ')[0])).size).toBe(GROUPS.length);
    }
  });

  it('pages one group’s consents, reading at most a page and one row', async () => {
    const got = await pages(['g-b']);
    expect(got.flatMap((p) => p.refs)).toEqual(inOrder(all.filter((c) => c.scope.groupIds.includes('g-b'))));
    for (const p of got) {
      expect(p.queries).toHaveLength(1);
      expect(p.queries[0]!.rows).toBeLessThanOrEqual(PAGE + 1);
    }
  });

  it('reads the tenant’s one range for one who sees most groups, keeping their groups only', async () => {
    const two = ['g-a', 'g-c'];
    const got = await pages(two, true);
    expect(got.flatMap((p) => p.refs)).toEqual(inOrder(all.filter((c) => c.scope.groupIds.some((g) => two.includes(g)))));
    for (const p of got) {
      expect(p.queries.every((q) => q.filter!.startsWith("PartitionKey eq 'reg|tenant-reg' and RowKey gt"))).toBe(true);
      expect(p.queries.reduce((n, q) => n + q.rows, 0)).toBeLessThanOrEqual(8 * (PAGE + 1));
    }
  });

  it('moves a withdrawn consent to the withdrawn at the end, between one page and the next, without a gap', async () => {
    const first = await consents.listRegister(TENANT, GROUPS, '', PAGE);
    // The newest on the next page is withdrawn after this page was shown.
    const second = await consents.listRegister(TENANT, GROUPS, first.rows[PAGE - 1]!.key, PAGE);
    const target = second.rows[0]!.listing.caseRef;
    const c = all.find((x) => x.caseRef === target)!;
    await consents.withdraw(TENANT, target, 'u2', '2026-07-01T10:00:00.000Z');
    const withdrawn = { ...c, withdrawnAt: '2026-07-01T10:00:00.000Z', withdrawnBy: 'u2' };
    all = all.map((x) => (x.caseRef === target ? withdrawn : x));
    const again = await consents.listRegister(TENANT, GROUPS, first.rows[PAGE - 1]!.key, PAGE);
    expect(again.rows[0]!.listing.caseRef).toBe(second.rows[1]!.listing.caseRef);
    const got = (await pages(GROUPS)).flatMap((p) => p.refs);
    expect(got).toEqual(inOrder(all));
    const rows = (await pages([c.scope.groupIds[0]!])).flatMap((p) => p.refs);
    expect(rows.indexOf(target)).toBeGreaterThan(rows.findIndex((r) => !!all.find((x) => x.caseRef === r)?.withdrawnAt));
    // Its rows: one per group and the tenant's, all in the withdrawn segment, none left among the others.
    const left = await rowsOf(target);
    expect(left).toHaveLength(c.scope.groupIds.length + 1);
    expect(left.every((r) => r.rowKey.startsWith('w') && r.withdrawnAt === '2026-07-01T10:00:00.000Z')).toBe(true);
  });

  it('shows a renewal’s new last day', async () => {
    const c = all.find((x) => !x.withdrawnAt && x.scope.groupIds.length === 2)!;
    await consents.renew(TENANT, c.caseRef, '2028-06-30');
    all = all.map((x) => (x.caseRef === c.caseRef ? { ...x, validUntil: '2028-06-30' } : x));
    const rows = await rowsOf(c.caseRef);
    expect(rows).toHaveLength(3);
    expect(rows.every((r) => r.validUntil === '2028-06-30')).toBe(true);
  });

  it('backfills the register of consents recorded before it was kept, and a second run writes nothing', async () => {
    // The register as it was before: no rows at all, but a withdrawn consent's stale row among those not withdrawn.
    const index = store.client(TABLES.consentIndex);
    for (const p of [...GROUPS.map((g) => `reg|${TENANT}|${g}`), `reg|${TENANT}`])
      for await (const e of index.listEntities({ queryOptions: { filter: odata`PartitionKey eq ${p}`, select: ['RowKey'] } }))
        await index.deleteEntity(p, e.rowKey!);
    expect((await consents.listRegister(TENANT, GROUPS, '', PAGE)).rows).toEqual([]);
    const stale = all.find((c) => c.withdrawnAt)!;
    await index.createEntity({
      partitionKey: `reg|${TENANT}|${stale.scope.groupIds[0]}`,
      rowKey: registerKey(stale, 'a'),
      caseRef: stale.caseRef,
    });

    const first = await consents.backfillRegisterOnce(TENANT);
    expect(first).toEqual({ consents: 300, created: 330 + 300, removed: 1 });
    expect((await pages(GROUPS)).flatMap((p) => p.refs)).toEqual(inOrder(all));
    expect((await pages(GROUPS, true)).flatMap((p) => p.refs)).toEqual(inOrder(all));
    const c = all.find((x) => x.validUntil === '2028-06-30')!;
    expect((await rowsOf(c.caseRef)).every((r) => r.validUntil === '2028-06-30')).toBe(true);
    // Done once: a marker says so. The backfill itself run again finds every row there.
    expect(await consents.backfillRegisterOnce(TENANT)).toBeUndefined();
    expect(await consents.backfillRegister(TENANT)).toEqual({ consents: 300, created: 0, removed: 0 });
  }, 180_000);
});

/** A consent's register rows, wherever they are. */
async function rowsOf(caseRef: string): Promise<Array<Record<string, string>>> {
  const c = all.find((x) => x.caseRef === caseRef)!;
  const out: Array<Record<string, string>> = [];
  const index = store.client(TABLES.consentIndex);
  for (const p of [...c.scope.groupIds.map((g) => `reg|${TENANT}|${g}`), `reg|${TENANT}`])
    for (const seg of ['a', 'w'] as const) {
      const e = await index.getEntity<Record<string, string>>(p, registerKey(c, seg)).catch(() => undefined);
      if (e) out.push(e as Record<string, string>);
    }
  return out;
}
