import { describe, expect, it } from 'vitest';
import { categoriesOf, detectIdentifiers, isIdentifiable } from '../../../src/domain/identifiers';
import { HOLDOUT } from './corpus/holdout';
import { CORPUS_NOW } from './corpus/test-numbers';

/**
 * The same bars as the tuned corpus, on messages the detector was never
 * tuned on: a check that the corpus scores are not only memorised.
 */
describe('the held-out messages', () => {
  const rows = HOLDOUT.map((m) => {
    const findings = detectIdentifiers(m.text, { now: CORPUS_NOW });
    return { m, flagged: isIdentifiable(findings), found: categoriesOf(findings) };
  });
  const identifiable = rows.filter((r) => r.m.expected.length > 0);
  const flagged = rows.filter((r) => r.flagged);
  const tp = identifiable.filter((r) => r.flagged).length;
  const recall = tp / identifiable.length;
  const precision = flagged.length ? tp / flagged.length : 1;

  it('has both kinds of message', () => {
    expect(identifiable.length).toBeGreaterThanOrEqual(15);
    expect(rows.length - identifiable.length).toBeGreaterThanOrEqual(15);
    console.log(`held-out: ${rows.length} messages, message-level precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}`);
  });

  it('catches every personnummer and samordningsnummer', () => {
    for (const r of rows.filter((x) => x.m.expected.some((c) => c === 'personnummer' || c === 'samordningsnummer'))) {
      expect(r.found, r.m.text).toEqual(
        expect.arrayContaining(r.m.expected.filter((c) => c === 'personnummer' || c === 'samordningsnummer')),
      );
    }
  });

  it('flags identifiable messages with recall ≥ 0.9 and precision ≥ 0.95', () => {
    expect(recall).toBeGreaterThanOrEqual(0.9);
    expect(precision).toBeGreaterThanOrEqual(0.95);
  });
});
