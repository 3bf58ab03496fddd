import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { categoriesOf, detectIdentifiers, isIdentifiable, type IdentifierCategory } from '../../../src/domain/identifiers';
import { MESSAGES } from './corpus/messages';
import { SEED_FILES, SEEDS_DIR, seedDocuments, seedParagraphs } from './corpus/seeds';
import { CORPUS_NOW } from './corpus/test-numbers';

/**
 * The consent gate's quality bar (SPEC section 9): precision and recall of
 * the detector on a labelled corpus of chat messages, and no false alarm on
 * any paragraph of the five source documents.
 */

const CATEGORIES: IdentifierCategory[] = [
  'personnummer',
  'samordningsnummer',
  'name',
  'name-with-class',
  'name-with-age',
  'address',
  'phone',
  'email',
];
const INDIRECT = new Set<IdentifierCategory>(['name', 'name-with-class', 'name-with-age', 'address', 'phone', 'email']);
const NAMES = new Set<IdentifierCategory>(['name', 'name-with-class', 'name-with-age']);

// The organisation's own context, as the bot passes it.
const OPTIONS = {
  now: CORPUS_NOW,
  switchboardNumbers: ['0512-570 00'],
  organisationDomains: ['essunga.se'],
};

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}
const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
const row = (c: Counts) => ({
  expected: c.tp + c.fn,
  found: c.tp + c.fp,
  tp: c.tp,
  fp: c.fp,
  fn: c.fn,
  precision: Number(ratio(c.tp, c.tp + c.fp).toFixed(3)),
  recall: Number(ratio(c.tp, c.tp + c.fn).toFixed(3)),
});

function evaluate() {
  const per = new Map<string, Counts>();
  const bump = (k: string, field: keyof Counts) => {
    const c = per.get(k) ?? { tp: 0, fp: 0, fn: 0 };
    c[field]++;
    per.set(k, c);
  };
  const misses: string[] = [];
  for (const m of MESSAGES) {
    const found = detectIdentifiers(m.text, OPTIONS);
    const got = new Set(categoriesOf(found));
    const want = new Set(m.expected);
    for (const c of CATEGORIES) {
      if (want.has(c) && got.has(c)) bump(c, 'tp');
      else if (want.has(c)) bump(c, 'fn');
      else if (got.has(c)) bump(c, 'fp');
    }
    const groups: [string, (c: IdentifierCategory) => boolean][] = [
      ['indirect (all)', (c) => INDIRECT.has(c)],
      ['names (all)', (c) => NAMES.has(c)],
    ];
    for (const [k, inGroup] of groups) {
      const w = [...want].some(inGroup);
      const g = [...got].some(inGroup);
      if (w && g) bump(k, 'tp');
      else if (w) bump(k, 'fn');
      else if (g) bump(k, 'fp');
    }
    const w = want.size > 0;
    const g = isIdentifiable(found);
    if (w && g) bump('message', 'tp');
    else if (w) bump('message', 'fn');
    else if (g) bump('message', 'fp');
    const same = want.size === got.size && [...want].every((c) => got.has(c));
    if (!same) misses.push(`  [${[...want].join(',') || '-'}] → [${[...got].join(',') || '-'}]  ${m.text.replace(/\n/g, ' ')}`);
  }
  return { per, misses };
}

describe('the identifier corpus', () => {
  const { per, misses } = evaluate();
  const table: Record<string, ReturnType<typeof row>> = {};
  for (const k of [...CATEGORIES, 'names (all)', 'indirect (all)', 'message']) table[k] = row(per.get(k) ?? { tp: 0, fp: 0, fn: 0 });
  // The table is the point of this test; print it on every run.
  console.log(`\nIdentifier corpus: ${MESSAGES.length} messages`);
  console.table(table);
  if (misses.length) console.log(`Messages whose categories differ from the label (${misses.length}):\n${misses.join('\n')}`);

  it('has at least 300 messages, in every group, with every category', () => {
    expect(MESSAGES.length).toBeGreaterThanOrEqual(300);
    for (const g of ['styrgrupp', 'samverkansgrupp', 'operativ', 'vits', 'sip', 'skolsocialt'])
      expect(MESSAGES.some((m) => m.group === g)).toBe(true);
    for (const c of CATEGORIES) expect(MESSAGES.filter((m) => m.expected.includes(c)).length).toBeGreaterThanOrEqual(4);
  });

  it('finds every personnummer and samordningsnummer', () => {
    expect(table.personnummer!.recall).toBe(1);
    expect(table.samordningsnummer!.recall).toBe(1);
  });

  it("finds indirect identifiers in a child's context with recall of at least 0.9", () => {
    expect(table['indirect (all)']!.recall).toBeGreaterThanOrEqual(0.9);
  });

  it('flags messages with precision of at least 0.95, overall and per kind of identifier', () => {
    expect(table.message!.precision).toBeGreaterThanOrEqual(0.95);
    for (const k of ['personnummer', 'samordningsnummer', 'names (all)', 'address', 'phone', 'email']) {
      expect(table[k]!.precision, k).toBeGreaterThanOrEqual(0.95);
    }
  });
});

// The documents are fixtures of the repository (test/fixtures/seeds/): a missing one fails, never skips.
describe('the source documents', () => {
  it(`raise no false alarm on any paragraph (seeds from ${path.relative(process.cwd(), SEEDS_DIR)})`, () => {
    const paragraphs = seedParagraphs();
    const alarms = paragraphs
      .map((p) => ({ p, found: detectIdentifiers(p.text, OPTIONS) }))
      .filter(({ found }) => found.length > 0)
      .map(({ p, found }) => `${p.file} §${p.index}: ${found.map((f) => `${f.category} "${p.text.slice(f.start, f.end)}"`).join(', ')}`);
    expect(alarms).toEqual([]);
    expect(paragraphs.length).toBeGreaterThan(100);
  });

  it('raise no false alarm on any document read whole, nor with the default options', () => {
    const documents = seedDocuments();
    expect(documents.map((d) => d.file)).toEqual([...SEED_FILES]);
    for (const d of documents) {
      expect(detectIdentifiers(d.text, OPTIONS), d.file).toEqual([]);
      expect(detectIdentifiers(d.text, { now: CORPUS_NOW }), d.file).toEqual([]);
    }
  });
});
