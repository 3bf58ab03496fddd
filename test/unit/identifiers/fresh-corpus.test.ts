import { describe, expect, it } from 'vitest';
import { screen } from '../../../src/domain/consent';
import { canonicalText } from '../../../src/domain/text/canonical';
import { categoriesOf, isIdentifiable, type DetectOptions, type Finding } from '../../../src/domain/identifiers';
import { loadOrganisation, PRESET_NAMES } from '../../../src/domain/organisation';
import { DIRECT_TOPIC, FRESH, IDENTIFIABLE_TOPICS, NEGATIVE_TOPICS, type FreshMessage } from './corpus/fresh';
import { CORPUS_NOW } from './corpus/test-numbers';

/**
 * The consent gate on a fresh corpus (corpus/fresh.ts): messages written
 * after the detector was tuned, per topic. The bars: every personnummer and
 * samordningsnummer found however it is written (direct recall 1), at least
 * 90 % of the other identifiable messages refused (indirect recall), and at
 * most 1 % of the negatives refused (false alarms).
 *
 * A message is read as the gate reads it: in canonical form, and in its
 * rendered view (HTML entities decoded, tags and emphasis removed).
 */

// The organisation's own context, as the bot passes it, with the people of every preset.
const officialNames = PRESET_NAMES.flatMap((name) => {
  const loaded = loadOrganisation(name);
  if (!loaded.ok) throw new Error(`preset ${name}: ${loaded.errors.join('; ')}`);
  return loaded.organisation.people.map((p) => p.displayName);
});
const OPTIONS: DetectOptions = {
  now: CORPUS_NOW,
  switchboardNumbers: ['0512-570 00'],
  organisationDomains: ['essunga.se'],
  officialNames,
};

const DIRECT = new Set<string>(['personnummer', 'samordningsnummer']);
const isIdentifiableTopic = (topic: string) => (IDENTIFIABLE_TOPICS as readonly string[]).includes(topic);
const isNegativeTopic = (topic: string) => (NEGATIVE_TOPICS as readonly string[]).includes(topic);

/** The brief's minimum number of messages per topic. */
const MIN_PER_TOPIC: Record<string, number> = {
  'pnr-spelling': 50,
  'singled-out': 25,
  'initials-class': 15,
  nickname: 10,
  'lowercase-name': 15,
  'split-name': 10,
  'english-case': 30,
  'name-colleague-verb': 25,
  'name-bup': 10,
  'parent-phone-address': 25,
  'name-alone-line': 10,
  classic: 30,
  'marker-holes': 15,
  'staff-logistics': 70,
  'titled-professional': 30,
  invented: 30,
  'stats-groups': 30,
  references: 30,
  'places-things': 20,
};

/** What the gate finds, read exactly as the gate reads it. */
const findingsOf = (raw: string): Finding[] => screen(raw, OPTIONS).findings;

/** Invisible characters spelled out, line breaks shown, so a miss can be read in the log. */
function printable(s: string): string {
  return s
    .replace(/\n/g, '⏎')
    .replace(/\t/g, '⇥')
    .replace(/[\u00ad\u200b-\u200f\u2011\u2060\ufeff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

interface Row {
  kind: 'identifiable' | 'negative';
  messages: number;
  'identifiable expected': number;
  refused: number;
  recall?: number;
  'false alarms'?: number;
}

function evaluate() {
  const rows = new Map<string, Row>();
  const misses: string[] = [];
  let directTotal = 0;
  let directFound = 0;
  let indirectTotal = 0;
  let indirectRefused = 0;
  let negativeTotal = 0;
  let falseAlarms = 0;
  for (const m of FRESH) {
    const identifiable = isIdentifiableTopic(m.topic);
    const row = rows.get(m.topic) ?? {
      kind: identifiable ? 'identifiable' : 'negative',
      messages: 0,
      'identifiable expected': 0,
      refused: 0,
    };
    rows.set(m.topic, row);
    const found = findingsOf(m.text);
    const refused = isIdentifiable(found);
    row.messages++;
    if (m.expected.length > 0) row['identifiable expected']++;
    if (refused) row.refused++;
    const got = categoriesOf(found) as string[];
    let missed = false;
    if (m.topic === DIRECT_TOPIC) {
      // Direct recall: every personnummer and samordningsnummer the label names is found as such.
      directTotal++;
      const ok = m.expected.filter((c) => DIRECT.has(c)).every((c) => got.includes(c));
      if (ok) directFound++;
      else missed = true;
    } else if (identifiable) {
      indirectTotal++;
      if (refused) indirectRefused++;
      else missed = true;
    } else {
      negativeTotal++;
      if (refused) {
        falseAlarms++;
        missed = true;
      }
    }
    if (missed) misses.push(describeMiss(m, found));
  }
  for (const [, row] of rows) {
    if (row.kind === 'identifiable') row.recall = Number((row.refused / row.messages).toFixed(3));
    else row['false alarms'] = row.refused;
  }
  const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
  return {
    rows,
    misses,
    summary: {
      directRecall: ratio(directFound, directTotal),
      indirectRecall: ratio(indirectRefused, indirectTotal),
      falseAlarmRate: negativeTotal === 0 ? 0 : falseAlarms / negativeTotal,
      directFound,
      directTotal,
      indirectRefused,
      indirectTotal,
      falseAlarms,
      negativeTotal,
    },
  };
}

function describeMiss(m: FreshMessage, found: Finding[]): string {
  const text = canonicalText(m.text);
  const spans = found.map((f) =>
    f.start >= 0 && f.end <= text.length ? `${f.category} "${printable(text.slice(f.start, f.end))}"` : f.category,
  );
  return `  ${m.topic} [${m.expected.join(',') || '-'}] → [${spans.join(', ') || '-'}]  ${printable(m.text)}`;
}

describe('the fresh identifier corpus', () => {
  const { rows, misses, summary } = evaluate();
  const table: Record<string, Row> = {};
  for (const topic of [...IDENTIFIABLE_TOPICS, ...NEGATIVE_TOPICS]) if (rows.has(topic)) table[topic] = rows.get(topic)!;
  // The table is the point of this test; print it on every run.
  console.log(
    `\nFresh identifier corpus: ${FRESH.length} messages (${officialNames.length} officials from ${PRESET_NAMES.length} presets)`,
  );
  console.table(table);
  console.table({
    'direct recall (pnr-spelling)': {
      value: Number(summary.directRecall.toFixed(3)),
      count: `${summary.directFound}/${summary.directTotal}`,
      bar: '= 1',
    },
    'indirect recall (other identifiable topics)': {
      value: Number(summary.indirectRecall.toFixed(3)),
      count: `${summary.indirectRefused}/${summary.indirectTotal}`,
      bar: '≥ 0.9',
    },
    'false alarms (all negatives)': {
      value: Number(summary.falseAlarmRate.toFixed(3)),
      count: `${summary.falseAlarms}/${summary.negativeTotal}`,
      bar: '≤ 0.01',
    },
  });
  if (misses.length)
    console.log(
      `Misses (${misses.length}): identifiable messages let through, personnummer not found, negatives refused:\n${misses.join('\n')}`,
    );

  it('has at least 600 messages, 250 identifiable and 250 negatives, in Swedish and English', () => {
    expect(FRESH.length).toBeGreaterThanOrEqual(600);
    expect(FRESH.filter((m) => isIdentifiableTopic(m.topic)).length).toBeGreaterThanOrEqual(250);
    expect(FRESH.filter((m) => isNegativeTopic(m.topic)).length).toBeGreaterThanOrEqual(250);
    expect(FRESH.some((m) => m.lang === 'sv')).toBe(true);
    expect(FRESH.some((m) => m.lang === 'en')).toBe(true);
  });

  it('has every topic with its minimum number of messages, and labels that fit the topic', () => {
    for (const [topic, min] of Object.entries(MIN_PER_TOPIC))
      expect(FRESH.filter((m) => m.topic === topic).length, topic).toBeGreaterThanOrEqual(min);
    for (const m of FRESH) {
      expect(isIdentifiableTopic(m.topic) || isNegativeTopic(m.topic), m.topic).toBe(true);
      if (isNegativeTopic(m.topic)) expect(m.expected, m.text).toEqual([]);
      else expect(m.expected.length, m.text).toBeGreaterThan(0);
      if (m.topic === DIRECT_TOPIC)
        expect(
          m.expected.some((c) => DIRECT.has(c)),
          m.text,
        ).toBe(true);
    }
    expect(new Set(FRESH.map((m) => m.text)).size).toBe(FRESH.length);
  });

  it('meets the bars: direct recall 1, indirect recall at least 0.9, false alarms at most 1 % of the negatives', () => {
    expect(summary.directRecall, `personnummer missed: ${summary.directTotal - summary.directFound}`).toBe(1);
    expect(summary.indirectRecall).toBeGreaterThanOrEqual(0.9);
    expect(summary.falseAlarmRate).toBeLessThanOrEqual(0.01);
  });
});
