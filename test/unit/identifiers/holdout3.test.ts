import { describe, expect, it } from 'vitest';
import { screen } from '../../../src/domain/consent';
import { HOLDOUT3 } from './corpus/holdout3';

/**
 * The third held-out set, written blind by a session that never opened the detector or the earlier corpora. Nothing
 * here is tuned on it: its figures are printed on every run, and the floors below only catch a regression.
 *
 * First run (2026-12-02 06:50 UTC, the detector as tuned on held-out #2's categories and its own training examples,
 * before this file's sentences were read): identifiable recall 0.894 (143/160), false alarms 2/160. The detector as it
 * stood before that tuning read 0.881 (141/160) and 2/160. The floors sit just under the first run.
 */
const NOW = new Date('2026-12-02T09:00:00Z');

describe('the third held-out corpus', () => {
  const rows = HOLDOUT3.map((h) => ({ ...h, refused: screen(h.text, { now: NOW }).findings.length > 0 }));
  const pos = rows.filter((r) => r.identifiable);
  const neg = rows.filter((r) => !r.identifiable);
  const recall = pos.filter((r) => r.refused).length / pos.length;
  const falseAlarms = neg.filter((r) => r.refused).length;
  const table: Record<string, { messages: number; identifiable: boolean; refused: number; rate: string }> = {};
  for (const r of rows) {
    const t = (table[`${r.identifiable ? '+' : '-'} ${r.category}`] ??= {
      messages: 0,
      identifiable: r.identifiable,
      refused: 0,
      rate: '',
    });
    t.messages++;
    if (r.refused) t.refused++;
    t.rate = (t.refused / t.messages).toFixed(2);
  }
  console.log(
    `\nHeld-out corpus #3: ${rows.length} messages; recall ${recall.toFixed(3)} (${pos.filter((r) => r.refused).length}/${pos.length}), false alarms ${falseAlarms}/${neg.length}`,
  );
  console.table(table);

  it('has both kinds of message, in Swedish and English', () => {
    expect(pos.length).toBeGreaterThanOrEqual(150);
    expect(neg.length).toBeGreaterThanOrEqual(150);
    expect(rows.some((r) => r.lang === 'en')).toBe(true);
    expect(rows.some((r) => r.lang === 'sv')).toBe(true);
  });

  it('finds every personnummer and samordningsnummer', () => {
    for (const r of pos.filter((x) => x.category === 'pnr')) expect(r.refused, r.text).toBe(true);
  });

  it('stays above its first measured figures: recall at least 0.88, at most 2 false alarms of 160', () => {
    expect(recall).toBeGreaterThanOrEqual(0.88);
    expect(falseAlarms).toBeLessThanOrEqual(2);
  });
});
