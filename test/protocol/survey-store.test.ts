import { randomBytes } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { SurveyStore } from '../../src/storage/surveys';
import { TABLES, TableStore } from '../../src/storage/tables';
import { memoryStores } from '../support/memory';

/** The survey store's contract on Azurite and over memory tables: a token answers once, answers keep no one's name. */

const T = '00000000-0000-0000-0000-0000000000d1';
const T2 = '00000000-0000-0000-0000-0000000000d2';

async function azurite(): Promise<SurveyStore> {
  const store = new TableStore(inject('azuriteConnectionString'), `sv${randomBytes(5).toString('hex')}`);
  await store.ensureTables([TABLES.surveyAnswers]);
  return new SurveyStore(store.client(TABLES.surveyAnswers));
}

const tallyOf = (m: Map<string, { respondents: number; counts: number[][] }>, key: string) => m.get(key);

describe.each([
  ['azurite', azurite],
  ['memory', async () => memoryStores().surveys],
] as const)('SurveyStore on %s', (_name, make) => {
  it('takes an answer only from an issued token, once, per survey and tenant', async () => {
    const s = await make();
    // Never issued: nothing is stored.
    expect(await s.answer(T, '2026', 'tok-a', [4, 3, 0])).toBe(false);
    for (const [tenant, survey, token] of [
      [T, '2026', 'tok-a'],
      [T, '2026', 'tok-b'],
      [T, '2027', 'tok-a'],
      [T2, '2026', 'tok-a'],
    ] as const)
      await s.issue(tenant, survey, token);
    expect(await s.answered(T, '2026', 'tok-a')).toBe(false);
    expect(await s.answer(T, '2026', 'tok-a', [4, 3, 0], ['g1'])).toBe(true);
    expect(await s.answer(T, '2026', 'tok-a', [1, 1, 1], ['g1'])).toBe(false);
    expect(await s.answered(T, '2026', 'tok-a')).toBe(true);
    // Issuing again (a resent survey) does not open a used token.
    await s.issue(T, '2026', 'tok-a');
    expect(await s.answer(T, '2026', 'tok-a', [1, 1, 1])).toBe(false);
    expect(await s.answer(T, '2026', 'tok-b', [5, 5, 5], ['g1', 'g2'])).toBe(true);
    expect(await s.answer(T, '2027', 'tok-a', [2, 2, 2])).toBe(true);
    expect(await s.answer(T2, '2026', 'tok-a', [3, 3, 3])).toBe(true);
    const t2026 = await s.tallies(T, '2026');
    expect(tallyOf(t2026, '*')).toEqual({
      respondents: 2,
      counts: [
        [0, 0, 0, 1, 1],
        [0, 0, 1, 0, 1],
        [0, 0, 0, 0, 1],
      ],
    });
    expect(tallyOf(t2026, 'g1')?.respondents).toBe(2);
    expect(tallyOf(t2026, 'g2')).toEqual({
      respondents: 1,
      counts: [
        [0, 0, 0, 0, 1],
        [0, 0, 0, 0, 1],
        [0, 0, 0, 0, 1],
      ],
    });
    expect(tallyOf(await s.tallies(T, '2027'), '*')?.respondents).toBe(1);
    expect((await s.tallies(T, '2025')).size).toBe(0);
  });

  it('counts every answer when many come at once', async () => {
    const s = await make();
    const tokens = Array.from({ length: 8 }, (_, i) => `tok-${i}`);
    for (const tok of tokens) await s.issue(T, '2030', tok);
    const stored = await Promise.all(tokens.map((tok, i) => s.answer(T, '2030', tok, [1 + (i % 5), 3, 0], ['g1'])));
    expect(stored.every(Boolean)).toBe(true);
    const all = tallyOf(await s.tallies(T, '2030'), '*')!;
    expect(all.respondents).toBe(8);
    expect(all.counts[1]).toEqual([0, 0, 8, 0, 0]);
    expect(all.counts[2]).toEqual([0, 0, 0, 0, 0]);
  });
});

describe('what the survey store keeps', () => {
  it('no token, no row of one answer, and no row written by the answer that names its token', async () => {
    const tables = memoryStores();
    await tables.surveys.issue(T, '2026', 'secret-token-123');
    const issued = tables.tables
      .client(TABLES.surveyAnswers)
      .all()
      .map((r) => String(r.rowKey));
    await tables.surveys.answer(T, '2026', 'secret-token-123', [4, 5, 3], ['g1']);
    const rows = tables.tables.client(TABLES.surveyAnswers).all();
    const flat = JSON.stringify(rows);
    expect(flat).not.toContain('secret-token-123');
    // After the answer: the issued mark (written when the survey was sent) and the tallies, nothing else.
    const keys = rows.map((r) => String(r.rowKey)).sort();
    expect(keys).toEqual([issued.find((k) => k.startsWith('i|'))!, 't|*', 't|g1'].sort());
    const everyone = rows.find((r) => r.rowKey === 't|*')!;
    expect(
      Object.keys(everyone)
        .filter((k) => !['partitionKey', 'rowKey', 'etag', 'timestamp'].includes(k))
        .sort(),
    ).toEqual(['c', 'n']);
  });
});
