import { describe, expect, it } from 'vitest';
import { renderCard } from '../../../src/cards/render';
import { CardTooLargeError, FIT_MARGIN, MAX_CARD_BYTES, cardBytes, fitCard, fitList, fitsCard, jsonBytes } from '../../../src/cards/size';

describe('card size', () => {
  it('counts UTF-8 bytes of the JSON', () => {
    expect(cardBytes({ a: 'x' })).toBe(9);
    expect(cardBytes({ a: 'å' })).toBe(10);
    expect(MAX_CARD_BYTES).toBe(40_000);
  });

  it('fitCard passes a small card and refuses a large one with its size', () => {
    const small = { body: ['x'] };
    expect(fitCard(small, 100)).toBe(small);
    expect(fitsCard(small, 5)).toBe(false);
    const big = { body: 'y'.repeat(200) };
    expect(() => fitCard(big, 100)).toThrow(CardTooLargeError);
    try {
      fitCard(big, 100);
    } catch (e) {
      expect((e as CardTooLargeError).bytes).toBe(cardBytes(big));
    }
  });

  it('fitList keeps the first items that fit and says how many it left out', () => {
    const items = Array.from({ length: 1000 }, (_, i) => `item-${String(i).padStart(4, '0')}`);
    const build = (shown: readonly string[], omitted: number) => ({ items: shown, more: omitted });
    const fitted = fitList(items, build, 2_000);
    expect(cardBytes(fitted.card)).toBeLessThanOrEqual(2_000);
    expect(fitted.shown + fitted.omitted).toBe(1000);
    expect(fitted.card.items).toEqual(items.slice(0, fitted.shown));
    // one more would not have fitted
    expect(cardBytes(build(items.slice(0, fitted.shown + 1), fitted.omitted - 1))).toBeGreaterThan(2_000);
    expect(fitted.shown).toBeGreaterThan(100);
  });

  it('fitList renders the whole list when it fits, and throws when even an empty one does not', () => {
    const fitted = fitList(['a', 'b'], (shown, omitted) => ({ shown, omitted }), 1_000);
    expect(fitted).toMatchObject({ shown: 2, omitted: 0 });
    expect(() => fitList(['a'], () => ({ pad: 'z'.repeat(50) }), 10)).toThrow(CardTooLargeError);
  });

  describe('with weights (each item weighed once, no search by renders)', () => {
    // Maximal data: long rows of varied lengths, letters of two and three bytes, quotes and control characters
    // (escaped in JSON), on the digest's template, whose group list has a container only when it is not empty.
    const rows = Array.from({ length: 1000 }, (_, i) => ({
      name: `Samverkansgrupp ${i} "Östra" skolområdet ${'åäö€'.repeat(i % 23)}\t${'x'.repeat((i * 37) % 120)}`,
      mark: i % 2 ? '●' : '▲',
      color: i % 2 ? 'Good' : 'Attention',
      line: `${i % 13} av 12 möten · nästa: tis 1 dec. 13:00–14:30${'\u0001'.repeat(i % 5)}`,
    }));
    const base = {
      title: 'Samverkan – veckans läge',
      subtitle: 'Vecka 48 · 1000 grupper',
      headline: 'Behöver uppmärksamhet',
      headlineStyle: 'warning',
      lines: [{ text: 'Grupper efter sin mötesplan: 700' }],
      moreFrom: 0,
      reviews: [],
      labels: { reviews: 'Visa styrdokumenten', meetings: 'Visa mötena' },
    };
    let builds = 0;
    const build = (shown: readonly (typeof rows)[number][], omitted: number) => {
      builds += 1;
      return renderCard('digest', {
        ...base,
        groups: shown,
        rest: omitted ? `${omitted} grupper till` : '',
        moreButton: omitted ? 'Visa alla 1000 grupper' : '',
      });
    };

    it('fills the card to within the margin of the most that fits, with a handful of renders, weighing only what could fit', () => {
      for (const max of [MAX_CARD_BYTES, 12_000, 3_000]) {
        let weighed = 0;
        builds = 0;
        const fitted = fitList(rows, build, max, (r) => {
          weighed += 1;
          return jsonBytes(r);
        });
        expect(builds).toBeLessThanOrEqual(5);
        expect(weighed).toBeLessThan(rows.length / 2);
        expect(cardBytes(fitted.card)).toBeLessThanOrEqual(max);
        expect(cardBytes(fitted.card)).toBeGreaterThan(max - FIT_MARGIN - 2 * Math.max(...rows.map(jsonBytes)) - 300);
        // The search by renders finds the most that fit: the weights leave out at most the one item the margin may cost.
        const most = fitList(rows, build, max);
        expect(fitted.shown).toBeLessThanOrEqual(most.shown);
        expect(most.shown - fitted.shown).toBeLessThanOrEqual(1);
        expect(fitted.shown + fitted.omitted).toBe(rows.length);
      }
    });

    it('renders a list that fits whole once more and whole, and renders fewer when the weights were short', () => {
      const few = rows.slice(0, 40);
      const whole = fitList(few, build, MAX_CARD_BYTES, jsonBytes);
      expect(whole).toMatchObject({ shown: 40, omitted: 0 });
      // Weights that say half of the truth: the card still fits, after a render or two more.
      const fitted = fitList(rows, build, 12_000, (r) => jsonBytes(r) / 2);
      expect(cardBytes(fitted.card)).toBeLessThanOrEqual(12_000);
      expect(fitted.shown).toBeGreaterThan(0);
      expect(() => fitList(rows, () => ({ pad: 'z'.repeat(500) }), 100, jsonBytes)).toThrow(CardTooLargeError);
    });
  });
});
