/**
 * How big a card is, and a guard that keeps a growing list inside a size.
 *
 * Teams counts a bot message as UTF-16, refuses one over 100 KB
 * (413 MessageSizeTooBig) and Microsoft recommends staying within 80 KB.
 * Every message the bot sends stays within 40 KB as JSON (UTF-8), which is at
 * most 80 KB as UTF-16 whatever the characters.
 */

/** The most a card may weigh as JSON (UTF-8 bytes). */
export const MAX_CARD_BYTES = 40_000;

/** The card's size as JSON in UTF-8 bytes, as it goes over the wire. */
export function cardBytes(card: unknown): number {
  return Buffer.byteLength(JSON.stringify(card), 'utf8');
}

/** Whether the card is within `maxBytes` as JSON. */
export function fitsCard(card: unknown, maxBytes: number = MAX_CARD_BYTES): boolean {
  return cardBytes(card) <= maxBytes;
}

export class CardTooLargeError extends Error {
  constructor(
    readonly bytes: number,
    readonly maxBytes: number,
  ) {
    super(`card of ${bytes} bytes exceeds ${maxBytes}`);
    this.name = 'CardTooLargeError';
  }
}

/** The card itself when it fits; a CardTooLargeError (with the sizes, never the content) when it does not. */
export function fitCard<C>(card: C, maxBytes: number = MAX_CARD_BYTES): C {
  const bytes = cardBytes(card);
  if (bytes > maxBytes) throw new CardTooLargeError(bytes, maxBytes);
  return card;
}

export interface FittedList<C> {
  card: C;
  /** How many of the items the card shows (the first ones). */
  shown: number;
  /** How many it leaves out (the card should say so and point to the rest). */
  omitted: number;
}

/**
 * The card with as many of `items` (in their order: put what concerns the
 * reader first) as fit in `maxBytes`. `build(shown, omitted)` renders the card
 * from the first items and the number left out; it must grow with `shown`.
 * Throws CardTooLargeError when even no items do not fit.
 *
 * With `weigh` (an item's share of the card as JSON: its rendered fields'
 * JSON bytes, for instance `jsonBytes` of the row the card shows), a long
 * list is fitted in O(n): each item is weighed once (only those up to the
 * first that no longer fits), the card's fixed part
 * and the template's per-item part are measured from cards of none, one and
 * two of the first items, and the count whose sum fits is rendered; it is
 * rendered again, a few items fewer, only when the sum was short. Without
 * it, a long list is measured on its first few items and the count that fits
 * is searched by halves near the estimate (a handful of renders of what
 * fits, never of the whole list). A short list is rendered whole once when
 * it fits.
 */
export function fitList<T, C>(
  items: readonly T[],
  build: (shown: readonly T[], omitted: number) => C,
  maxBytes: number = MAX_CARD_BYTES,
  weigh?: (item: T) => number,
): FittedList<C> {
  const n = items.length;
  if (weigh && n > SAMPLE * 2) {
    const fitted = fitByWeight(items, build, maxBytes, weigh);
    if (fitted) return fitted;
  }
  return fitBySearch(items, build, maxBytes);
}

/** The UTF-8 bytes of a value as JSON (what a row adds to a card, up to the template's fixed part per row). */
export function jsonBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value), 'utf8');
}

/**
 * How much the count left out may change the card between the estimate and
 * the render (its digits in a "n more" text and the like), in bytes.
 */
export const FIT_MARGIN = 64;

/** fitList with weights: three small renders, the sum, one render of what fits (rarely two or three); undefined to fall back to the search. */
function fitByWeight<T, C>(
  items: readonly T[],
  build: (shown: readonly T[], omitted: number) => C,
  maxBytes: number,
  weigh: (item: T) => number,
): FittedList<C> | undefined {
  const n = items.length;
  const empty = cardBytes(build([], n));
  if (empty > maxBytes) throw new CardTooLargeError(empty, maxBytes);
  // The first item may bring a part the list has only when it is not empty (its container): measured, not estimated.
  const one = cardBytes(build(items.slice(0, 1), n - 1));
  const second = weigh(items[1]!);
  // The template's own bytes around each further item (separator, fixed properties): what it adds beyond its weight.
  const perItem = cardBytes(build(items.slice(0, 2), n - 2)) - one - second;
  // ends[k]: the estimated size of the card with the first k items, up to the first past maxBytes (the items after it are never weighed).
  const ends = [empty, one];
  for (let i = 1; i < n && ends[i]! <= maxBytes; i++) ends.push(ends[i]! + (i === 1 ? second : weigh(items[i]!)) + perItem);
  if (ends.length === n + 1 && ends[n]! <= maxBytes) {
    const card = build(items, 0);
    if (cardBytes(card) <= maxBytes) return { card, shown: n, omitted: 0 };
  }
  let budget = maxBytes - FIT_MARGIN;
  for (let attempt = 0; attempt < 3; attempt++) {
    // The largest k < n whose estimate is within the budget.
    let a = 0;
    let b = Math.min(n - 1, ends.length - 1);
    while (a < b) {
      const mid = (a + b + 1) >>> 1;
      if (ends[mid]! <= budget) a = mid;
      else b = mid - 1;
    }
    const k = a;
    const card = build(items.slice(0, k), n - k);
    const bytes = cardBytes(card);
    if (bytes <= maxBytes) return { card, shown: k, omitted: n - k };
    if (k === 0) throw new CardTooLargeError(bytes, maxBytes);
    // The estimate was short by this much: take it off the budget and render fewer.
    budget = Math.min(budget - 1, maxBytes - (bytes - ends[k]!) - FIT_MARGIN);
  }
  return undefined;
}

function fitBySearch<T, C>(items: readonly T[], build: (shown: readonly T[], omitted: number) => C, maxBytes: number): FittedList<C> {
  const n = items.length;
  const tryN = (k: number) => {
    const card = build(items.slice(0, k), n - k);
    return { card, fits: cardBytes(card) <= maxBytes };
  };
  let lo = 0;
  let hi = n;
  if (n > SAMPLE * 2) {
    // Estimate from an empty card and the first SAMPLE items, then search around the estimate.
    const empty = cardBytes(build([], n));
    const some = cardBytes(build(items.slice(0, SAMPLE), n - SAMPLE));
    const per = Math.max(1, (some - empty) / SAMPLE);
    const guess = Math.floor((maxBytes - empty) / per);
    lo = Math.max(0, Math.min(n, Math.floor(guess * 0.8)));
    hi = Math.min(n, Math.ceil(guess * 1.25) + 1);
    if (lo > 0 && !tryN(lo).fits) lo = 0;
  }
  const whole = hi === n ? tryN(n) : undefined;
  if (whole?.fits) return { card: whole.card, shown: n, omitted: 0 };
  // The largest k in [lo, hi) that fits: lo fits (or is 0, which is checked last).
  let best: C | undefined;
  let bestN = -1;
  let a = lo;
  let b = hi - 1;
  while (a <= b) {
    const mid = (a + b) >>> 1;
    const r = tryN(mid);
    if (r.fits) {
      best = r.card;
      bestN = mid;
      a = mid + 1;
    } else b = mid - 1;
  }
  if (best === undefined) {
    const empty = build([], n);
    throw new CardTooLargeError(cardBytes(empty), maxBytes);
  }
  return { card: best, shown: bestN, omitted: n - bestN };
}

/** How many items fitList measures a long list's items by. */
const SAMPLE = 16;
