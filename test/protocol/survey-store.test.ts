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

describe.each([
  ['azurite', azurite],
  ['memory', async () => memoryStores().surveys],
] as const)('SurveyStore on %s', (_name, make) => {
  it('stores an answer once per token, per survey and tenant', async () => {
    const s = await make();
    expect(await s.answered(T, '2026', 'tok-a')).toBe(false);
    expect(await s.answer(T, '2026', 'tok-a', [4, 3, 0])).toBe(true);
    expect(await s.answer(T, '2026', 'tok-a', [1, 1, 1])).toBe(false);
    expect(await s.answered(T, '2026', 'tok-a')).toBe(true);
    expect(await s.answer(T, '2026', 'tok-b', [5, 5, 5])).toBe(true);
    expect(await s.answer(T, '2027', 'tok-a', [2, 2, 2])).toBe(true);
    expect(await s.answer(T2, '2026', 'tok-a', [3, 3, 3])).toBe(true);
    expect((await s.answers(T, '2026')).map((a) => a.join(',')).sort()).toEqual(['4,3,0', '5,5,5']);
    expect(await s.answers(T, '2027')).toEqual([[2, 2, 2]]);
    expect(await s.answers(T, '2025')).toEqual([]);
  });

  it('keeps in an answer row its values alone, and the token only as a hash', async () => {
    const tables = memoryStores();
    await tables.surveys.answer(T, '2026', 'secret-token-123', [4, 5, 3]);
    const rows = tables.tables.client(TABLES.surveyAnswers).all();
    const flat = JSON.stringify(rows);
    expect(flat).not.toContain('secret-token-123');
    const answer = rows.find((r) => String(r.rowKey).startsWith('a|'))!;
    expect(Object.keys(answer).filter((k) => !['partitionKey', 'rowKey', 'etag', 'timestamp'].includes(k))).toEqual(['values']);
    expect(answer.values).toBe('4,5,3');
  });
});
