import { describe, expect, it } from 'vitest';
import {
  filterRange,
  listingOf,
  mergeRanges,
  REGISTER_KEY,
  registerEntities,
  registerKey,
  type RangeReader,
  type RegisterRow,
} from '../../src/storage/consent-register';
import type { Consent } from '../../src/domain/consent';
import { fromStore } from '../../src/domain/consent/checked-text';

/** The register's keys and its page logic (storage/consent-register.ts), on ranges kept in arrays. */

const consent = (n: number, groupIds: string[], o: Partial<Consent> = {}): Consent => ({
  caseRef: `SAM-${String(n).padStart(8, '0')}`,
  tenantId: 't',
  subject: { personnummer: 'hash' },
  parties: ['guardian1'],
  form: 'written',
  documentRef: fromStore(''),
  scope: { groupIds, agencies: [], informationCategories: fromStore(''), exclusions: fromStore('') },
  purpose: fromStore(''),
  validFrom: '2026-01-01',
  validUntil: '2026-12-31',
  recordedBy: 'aad',
  // One a minute, later ones newer.
  recordedAt: new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString(),
  ...o,
});

/** One group's range over rows in key order, counting the rows it answers. */
function ranges(rows: RegisterRow[][]): {
  readers: RangeReader[];
  calls: Array<{ group: number; after: string; limit: number; got: number }>;
} {
  const calls: Array<{ group: number; after: string; limit: number; got: number }> = [];
  const readers = rows.map((list, group) => {
    const sorted = [...list].sort((a, b) => (a.key < b.key ? -1 : 1));
    return async (after: string, limit: number) => {
      const got = sorted.filter((r) => r.key > after).slice(0, limit);
      calls.push({ group, after, limit, got: got.length });
      return got;
    };
  });
  return { readers, calls };
}

const row = (c: Consent): RegisterRow => ({ key: registerKey(c), listing: listingOf(registerEntities(c)[0]!) });

describe('the register key', () => {
  it('orders those not withdrawn before the withdrawn, each newest recorded first, and is the same in every group', () => {
    const old = consent(1, ['a']);
    const newer = consent(2, ['a', 'b']);
    const withdrawnNewest = consent(3, ['a'], { withdrawnAt: '2026-02-01T00:00:00Z' });
    const keys = [registerKey(withdrawnNewest), registerKey(old), registerKey(newer)].sort();
    expect(keys).toEqual([registerKey(newer), registerKey(old), registerKey(withdrawnNewest)]);
    const rows = registerEntities(newer);
    expect(rows.map((r) => r.partitionKey)).toEqual(['reg|t|a', 'reg|t|b', 'reg|t']);
    expect(new Set(rows.map((r) => r.rowKey)).size).toBe(1);
    expect(registerKey(newer)).toMatch(REGISTER_KEY);
  });

  it('keeps no hash or free text, and reads back what the register shows', () => {
    const c = consent(7, ['a'], { withdrawnAt: '2026-03-01T10:00:00Z' });
    const [e] = registerEntities(c);
    expect(JSON.stringify(e)).not.toContain('hash');
    expect(listingOf(e!)).toEqual({
      caseRef: c.caseRef,
      scope: { groupIds: ['a'] },
      validFrom: c.validFrom,
      validUntil: c.validUntil,
      recordedBy: 'aad',
      recordedAt: c.recordedAt,
      withdrawnAt: '2026-03-01T10:00:00Z',
    });
  });

  it('refuses a key that is not one (the action data is checked against it)', () => {
    expect(REGISTER_KEY.test('a0000000000000001_SAM-1')).toBe(true);
    for (const bad of ['', 'x0000000000000001_SAM-1', 'a1_SAM-1', "a0000000000000001_SAM'1", 'a0000000000000001_19500101-1234 Ali'])
      expect(REGISTER_KEY.test(bad)).toBe(false);
  });
});

describe('merging the groups’ ranges', () => {
  // 90 consents over three groups, every tenth in two of them, every seventh withdrawn.
  const all = Array.from({ length: 90 }, (_, n) =>
    consent(n, n % 10 === 0 ? [`g${n % 3}`, `g${(n + 1) % 3}`] : [`g${n % 3}`], n % 7 === 0 ? { withdrawnAt: '2026-06-01T00:00:00Z' } : {}),
  );
  const byGroup = [0, 1, 2].map((g) => all.filter((c) => c.scope.groupIds.includes(`g${g}`)).map(row));
  const expected = all.map(row).sort((a, b) => (a.key < b.key ? -1 : 1));

  it('pages through every consent once, in key order, each page after the last key shown', async () => {
    const { readers } = ranges(byGroup);
    const seen: string[] = [];
    let after = '';
    for (let page = 0; page < 20; page++) {
      const p = await mergeRanges(readers, after, 25);
      seen.push(...p.rows.map((r) => r.key));
      if (!p.more) break;
      after = p.rows[p.rows.length - 1]!.key;
    }
    expect(seen).toEqual(expected.map((r) => r.key));
    // 90 rows, the withdrawn last.
    const firstWithdrawn = seen.findIndex((k) => k.startsWith('w'));
    expect(seen.slice(0, firstWithdrawn).every((k) => k.startsWith('a'))).toBe(true);
    expect(seen.slice(firstWithdrawn).every((k) => k.startsWith('w'))).toBe(true);
  });

  it('reads about a page of rows, not the register', async () => {
    const { readers, calls } = ranges(byGroup);
    const p = await mergeRanges(readers, '', 10);
    expect(p.rows).toHaveLength(10);
    expect(p.more).toBe(true);
    const read = calls.reduce((n, c) => n + c.got, 0);
    expect(p.read).toBe(read);
    expect(read).toBeLessThanOrEqual(10 + 1 + 3 * 6);
    expect(read).toBeLessThan(all.length / 2);
  });

  it('reads on in a group whose rows the page takes, and says no more at the end', async () => {
    // All the newest in one group: its range is read again, the others once.
    const skewed = [Array.from({ length: 40 }, (_, n) => row(consent(100 + n, ['g0']))), [row(consent(1, ['g1']))], []];
    const { readers, calls } = ranges(skewed);
    const p = await mergeRanges(readers, '', 25);
    expect(p.rows.map((r) => r.listing.caseRef)).toEqual(Array.from({ length: 25 }, (_, n) => `SAM-${String(139 - n).padStart(8, '0')}`));
    expect(calls.filter((c) => c.group === 0).length).toBeGreaterThan(1);
    expect(calls.filter((c) => c.group !== 0).length).toBe(2);
    const rest = await mergeRanges(readers, p.rows[24]!.key, 25);
    expect(rest.rows).toHaveLength(16);
    expect(rest.more).toBe(false);
  });

  it('answers an empty page for no groups', async () => {
    expect(await mergeRanges([], '', 25)).toEqual({ rows: [], more: false, read: 0 });
  });
});

describe('filtering the tenant’s range', () => {
  const all = Array.from({ length: 200 }, (_, n) => consent(n, [`g${n % 10}`]));
  const tenant = [all.map(row)];

  it('keeps the groups asked for and pages after the last one shown', async () => {
    const { readers } = ranges(tenant);
    const keep = (r: RegisterRow) => ['g1', 'g2', 'g3', 'g4', 'g5', 'g6'].includes(r.listing.scope.groupIds[0]!);
    const seen: string[] = [];
    let after = '';
    for (let page = 0; page < 20; page++) {
      const p = await filterRange(readers[0]!, keep, after, 25);
      seen.push(...p.rows.map((r) => r.listing.caseRef));
      if (!p.more) break;
      after = p.next ?? p.rows[p.rows.length - 1]!.key;
    }
    expect(seen).toEqual(
      all
        .filter((c) => keep(row(c)))
        .reverse()
        .map((c) => c.caseRef),
    );
  });

  it('stops after reading its bound, and the next page starts after the last row read', async () => {
    const { readers } = ranges(tenant);
    const onlyG9 = (r: RegisterRow) => r.listing.scope.groupIds[0] === 'g9';
    const p = await filterRange(readers[0]!, onlyG9, '', 5, 30);
    expect(p.read).toBe(30);
    expect(p.rows).toHaveLength(3);
    expect(p.more).toBe(true);
    expect(p.next).toBe(row(all[170]!).key);
    const q = await filterRange(readers[0]!, onlyG9, p.next!, 5, 30);
    expect(q.rows.map((r) => r.listing.caseRef)).toEqual([169, 159, 149].map((n) => `SAM-${String(n).padStart(8, '0')}`));
  });
});
