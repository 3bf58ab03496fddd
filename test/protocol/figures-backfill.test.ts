import { randomBytes } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { fromStore } from '../../src/domain/consent/checked-text';
import { eraseExpired } from '../../src/scheduler/retention';
import { MinutesStore } from '../../src/storage/agendas';
import { AuditLog } from '../../src/storage/audit';
import { ConsentStore } from '../../src/storage/consents';
import { FiguresStore } from '../../src/storage/figures';
import { MeetingStore } from '../../src/storage/meetings';
import { RetentionStore } from '../../src/storage/retention';
import { ReviewStore } from '../../src/storage/reviews';
import { TABLES, TableStore } from '../../src/storage/tables';

/**
 * The figures' backfill and the retention job against Azurite: the audit
 * log's group index filled for rows written before it existed, the reviews
 * recorded before the figures kept them, both the same run twice; and the
 * nightly erasure taking an erased consent's row out of the figures'
 * consents-by-expiry index.
 */

const NOW = new Date('2026-12-02T10:00:00Z');
const DAY = 86_400_000;
const TENANT = 'tenant-fb';
const TZ = 'Europe/Stockholm';

async function stores() {
  const store = new TableStore(inject('azuriteConnectionString'), `fb${randomBytes(5).toString('hex')}`);
  await store.ensureTables();
  const meetings = new MeetingStore(store.client(TABLES.meetings));
  const minutes = new MinutesStore(store.client(TABLES.minutes), store.client(TABLES.actions), store.client(TABLES.minutesPrint));
  const consents = new ConsentStore(store.client(TABLES.consents), store.client(TABLES.consentIndex));
  const reviews = new ReviewStore(store.client(TABLES.reviews));
  const figures = new FiguresStore(store.client(TABLES.figures), TZ, {
    meetings,
    minutes,
    consents,
    reviews,
    auditTable: store.client(TABLES.audit),
    auditByGroup: store.client(TABLES.auditByGroup),
  });
  return { store, consents, reviews, figures };
}

async function rowsIn(store: TableStore, table: string): Promise<number> {
  let n = 0;
  for await (const _ of store.client(table).listEntities()) n += 1;
  return n;
}

describe('the figures backfill on Azure Table Storage', () => {
  it('indexes the audit rows written before the group index, by group, and a second run adds nothing', async () => {
    const { store, figures } = await stores();
    // The old wiring: audit rows without their group copies, over three months and two groups.
    const old = new AuditLog(store.client(TABLES.audit));
    const at = (days: number) => new Date(NOW.getTime() - days * DAY);
    const written: Array<[number, string, 'refusal' | 'consentRecorded']> = [
      [2, 'operativ', 'refusal'],
      [3, 'operativ', 'refusal'],
      [5, 'operativ', 'consentRecorded'],
      [20, 'operativ', 'refusal'],
      [40, 'operativ', 'refusal'],
      [4, 'ledning', 'refusal'],
      [70, 'ledning', 'consentRecorded'],
    ];
    for (const [d, groupId, event] of written) await old.append({ time: at(d), tenantId: TENANT, groupId, userId: 'u', event });
    const indexed = new AuditLog(store.client(TABLES.audit), store.client(TABLES.auditByGroup));
    expect((await indexed.countsFor(TENANT, 'operativ', at(30), NOW)).refusal).toBe(0);

    const first = await figures.backfill(TENANT, ['operativ', 'ledning'], NOW);
    expect(first.auditIndexed).toBe(written.length);
    expect(await rowsIn(store, TABLES.auditByGroup)).toBe(written.length);
    expect(await indexed.countsFor(TENANT, 'operativ', at(30), NOW)).toMatchObject({ refusal: 3, consentRecorded: 1 });
    expect(await indexed.countsFor(TENANT, 'operativ', at(60), NOW)).toMatchObject({ refusal: 4 });
    expect(await indexed.countsFor(TENANT, 'ledning', at(90), NOW)).toMatchObject({ refusal: 1, consentRecorded: 1 });
    // The refusals of the last week are in the figures too, once.
    expect((await figures.snapshot(TENANT, NOW)).refusals.get('operativ')).toHaveLength(2);

    // A row written with the index meanwhile, and the backfill again: the same index, no copy twice.
    await indexed.append({ time: at(1), tenantId: TENANT, groupId: 'operativ', userId: 'u', event: 'refusal' });
    const second = await figures.backfill(TENANT, ['operativ', 'ledning'], NOW);
    expect(second.auditIndexed).toBe(written.length + 1);
    expect(await rowsIn(store, TABLES.auditByGroup)).toBe(written.length + 1);
    expect(await indexed.countsFor(TENANT, 'operativ', at(30), NOW)).toMatchObject({ refusal: 4, consentRecorded: 1 });
    expect((await figures.snapshot(TENANT, NOW)).refusals.get('operativ')).toHaveLength(3);
  }, 300_000);

  it('copies the reviews recorded before the figures kept them under the owner group, the same run twice', async () => {
    const { figures, reviews } = await stores();
    await reviews.add(TENANT, 'riktlinje', { date: '2025-11-30', decisionRef: fromStore('Ks 2025/1 § 2') });
    await reviews.add(TENANT, 'riktlinje', { date: '2026-11-30', decisionRef: fromStore('Ks 2026/9 § 4') });
    await reviews.add(TENANT, 'rutin', { date: '2026-03-01' });
    // Not in the organisation file any more: not copied.
    await reviews.add(TENANT, 'borttagen', { date: '2026-01-01' });
    const documents = [
      { id: 'riktlinje', ownerGroup: 'ledning' },
      { id: 'rutin', ownerGroup: 'operativ' },
      { id: 'ny', ownerGroup: 'operativ' },
    ];
    expect((await figures.snapshot(TENANT, NOW)).reviews.size).toBe(0);
    expect((await figures.backfill(TENANT, ['ledning', 'operativ'], NOW, documents)).reviews).toBe(2);
    const once = (await figures.snapshot(TENANT, NOW)).reviews;
    expect([...once.keys()].sort()).toEqual(['riktlinje', 'rutin']);
    expect(once.get('riktlinje')?.reviews.map((r) => [r.date, r.decisionRef])).toEqual([
      ['2025-11-30', 'Ks 2025/1 § 2'],
      ['2026-11-30', 'Ks 2026/9 § 4'],
    ]);
    await figures.backfill(TENANT, ['ledning', 'operativ'], NOW, documents);
    expect((await figures.snapshot(TENANT, NOW)).reviews).toEqual(once);
    // A review recorded as it happens (the reviews feature's event) lands beside the backfilled one.
    const stored = await reviews.add(TENANT, 'ny', { date: '2026-12-01' });
    await figures.record({ kind: 'review', tenantId: TENANT, groupId: 'operativ', stored });
    const after = (await figures.snapshot(TENANT, NOW)).reviews;
    expect(after.get('ny')?.reviews.map((r) => r.date)).toEqual(['2026-12-01']);
    expect(after.get('rutin')?.reviews.map((r) => r.date)).toEqual(['2026-03-01']);
  }, 180_000);
});

describe('retention and the figures', () => {
  it("erases an erased consent's row in the figures' consents-by-expiry index, and keeps a consent in force", async () => {
    const { store, consents, figures } = await stores();
    const day = (d: number) => new Date(NOW.getTime() - d * DAY).toISOString().slice(0, 10);
    const consent = (caseRef: string, validUntil: string): Parameters<ConsentStore['record']>[0] => ({
      caseRef,
      tenantId: TENANT,
      subject: { personnummer: `pn${caseRef}`, name: `nm${caseRef}` },
      parties: ['guardian1'],
      form: 'written',
      documentRef: fromStore(''),
      scope: { groupIds: ['operativ'], agencies: [], informationCategories: fromStore(''), exclusions: fromStore('') },
      purpose: fromStore('Stöd'),
      validFrom: day(400),
      validUntil,
      recordedBy: 'u',
      recordedAt: `${day(400)}T09:00:00.000Z`,
    });
    const ended = consent('SAM-ENDED001', day(100));
    const inForce = consent('SAM-INFORCE2', day(-20));
    for (const c of [ended, inForce]) {
      await consents.record(c);
      // As the consent feature records it: the figures' row in the month it expires.
      await figures.record({ kind: 'consent', consent: (await consents.get(TENANT, c.caseRef))! });
    }
    const figureRows = async () => {
      const keys: string[] = [];
      for await (const e of store.client(TABLES.figures).listEntities()) if (e.partitionKey?.startsWith('c|')) keys.push(e.rowKey!);
      return keys.sort();
    };
    expect(await figureRows()).toHaveLength(2);
    const retention = new RetentionStore({
      consents: store.client(TABLES.consents),
      consentIndex: store.client(TABLES.consentIndex),
      audit: store.client(TABLES.audit),
      auditByGroup: store.client(TABLES.auditByGroup),
      figures: store.client(TABLES.figures),
      outbox: store.client(TABLES.outbox),
      jobIds: store.client(TABLES.jobIds),
      jobState: store.client(TABLES.jobState),
      jobTable: (name) => store.client(name),
    });
    const deps = { organisation: { tenantId: TENANT }, retention };
    expect(await eraseExpired(deps, NOW)).toMatchObject({ consents: 1 });
    expect(await consents.get(TENANT, ended.caseRef)).toBeUndefined();
    const left = await figureRows();
    expect(left).toHaveLength(1);
    expect(left[0]).toContain('INFORCE2');
    // The in-force consent still counts in the digest's snapshot (it expires within 30 days).
    expect((await figures.snapshot(TENANT, NOW)).consentsExpiring.map((c) => c.caseRef)).toEqual([inForce.caseRef]);
    expect(await eraseExpired(deps, NOW)).toMatchObject({ consents: 0 });
    expect(await figureRows()).toHaveLength(1);
  }, 180_000);
});
