import { describe, expect, it } from 'vitest';
import { CardTooLargeError, MAX_CARD_BYTES, cardBytes, fitCard, fitList, fitsCard } from '../../../src/cards/size';

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
});
