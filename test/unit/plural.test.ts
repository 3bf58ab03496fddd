import { describe, expect, it } from 'vitest';
import type { Digest } from '../../src/domain/digest/digest';
import { digestCard } from '../../src/features/digest/card';
import { bundle, t, type Locale } from '../../src/i18n';

function flatten(node: unknown, prefix = '', out = new Map<string, unknown>()): Map<string, unknown> {
  if (node && typeof node === 'object' && !Array.isArray(node)) {
    for (const [k, v] of Object.entries(node)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else out.set(prefix, node);
  return out;
}

const text = (card: unknown) => JSON.stringify(card);

function group(i: number, over: Partial<Digest['groups'][number]> = {}): Digest['groups'][number] {
  return {
    groupId: `g${i}`,
    name: `Grupp ${i}`,
    level: 'operative',
    cadence: { expectedSoFar: 1, held: 1, expectedYear: 8, onTrack: true },
    coming: [],
    minutesMissing: 0,
    overdueActions: 0,
    consentsExpiring: 0,
    refusalsLastWeek: 0,
    ...over,
  };
}

describe('counts in strings: singular for one, plural otherwise', () => {
  it('t() takes the _one form for a count of 1 and the plain key for 0, 2 and more', () => {
    expect(t('sv', 'digest.inOrder', { count: 1 })).toBe('1 grupp i ordning');
    expect(t('sv', 'digest.inOrder', { count: 2 })).toBe('2 grupper i ordning');
    expect(t('sv', 'digest.inOrder', { count: 0 })).toBe('0 grupper i ordning');
    expect(t('en', 'digest.inOrder', { count: 1 })).toBe('1 group in order');
    expect(t('en', 'digest.inOrder', { count: 21 })).toBe('21 groups in order');
    // A key without a singular form is unchanged.
    expect(t('sv', 'digest.lines.overdueActions', { count: 1 })).toBe('Försenade åtgärder: 1');
  });

  it('every _one form has its plural key beside it, in both languages, with no placeholder the plural lacks', () => {
    for (const locale of ['sv', 'en'] as Locale[]) {
      const flat = flatten(bundle(locale));
      const ones = [...flat.keys()].filter((k) => k.endsWith('_one'));
      expect(ones.length).toBeGreaterThan(10);
      for (const k of ones) {
        const base = k.slice(0, -4);
        expect(typeof flat.get(base), `${locale} ${base}`).toBe('string');
        const ph = (s: unknown) => [...String(s).matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
        // The singular may spell the one out ('en SIP'), so it names no placeholder the plural lacks.
        for (const name of ph(flat.get(k))) expect(ph(flat.get(base)), `${k} {${name}}`).toContain(name);
      }
    }
  });

  it('no Swedish or English string says "1 grupper", "1 möten", "1 samtycken" or "1 groups" for any count-1 key', () => {
    const bad = /\b1 (grupper|möten|samtycken|åtgärder|ärenden|roller|groups|meetings|consents|actions|cases|roles)\b/;
    // Said only of two or more (a series is booked as one meeting otherwise).
    const neverOne = new Set(['meetings.notices.seriesBooked']);
    const wrong: string[] = [];
    for (const locale of ['sv', 'en'] as Locale[]) {
      for (const [key, value] of flatten(bundle(locale))) {
        if (typeof value !== 'string' || !value.includes('{count}') || key.endsWith('_one') || neverOne.has(key)) continue;
        const filled = t(locale, key, { count: 1, held: 1, expected: 1, groups: 'A', shown: 1, total: 2, refs: 'x', week: 1, next: '-' });
        if (bad.test(filled)) wrong.push(`${locale} ${key}: ${filled}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('a digest of one group says "1 grupp" and of many "N grupper"; 1 of 1 meeting in the singular', () => {
    const one = text(
      digestCard('sv', { managerId: 'm', weekOf: '2026-11-23', groups: [group(0)], reviews: [] }, { week: 48, nextOf: () => 'x' }),
    );
    expect(one).toContain('Vecka 48 · 1 grupp"');
    expect(one).toContain('1 av 1 möte · nästa');
    expect(one).not.toMatch(/1 grupper|1 av 1 möten/);
    // 13 groups, one needing attention: the summary counts the rest.
    const many = [group(0, { minutesMissing: 1 }), ...Array.from({ length: 12 }, (_, i) => group(i + 1))];
    const sv = text(digestCard('sv', { managerId: 'm', weekOf: '2026-11-23', groups: many, reviews: [] }, { week: 48, nextOf: () => 'x' }));
    expect(sv).toContain('Vecka 48 · 13 grupper');
    expect(sv).toContain('12 grupper i ordning');
    const twelve = [...Array.from({ length: 12 }, (_, i) => group(i, { minutesMissing: 1 })), group(12)];
    const en = text(
      digestCard('en', { managerId: 'm', weekOf: '2026-11-23', groups: twelve, reviews: [] }, { week: 48, nextOf: () => 'x' }),
    );
    expect(en).toContain('1 group in order');
    expect(en).not.toContain('1 groups');
    // A page of the overview with one group left names it alone, not as a range of one.
    const last = text(
      digestCard('sv', { managerId: 'm', weekOf: '2026-11-23', groups: many, reviews: [] }, { week: 48, nextOf: () => 'x', from: 12 }),
    );
    expect(last).toContain('Grupp 13 av 13, de som');
    expect(last).not.toContain('13–13');
    const page = text(
      digestCard('en', { managerId: 'm', weekOf: '2026-11-23', groups: many, reviews: [] }, { week: 48, nextOf: () => 'x', from: 0 }),
    );
    expect(page).toContain('Groups 1–13 of 13, those');
  });
});
