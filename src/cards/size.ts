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
 * A short list is rendered whole once when it fits; a long one is measured
 * on its first few items, and the count that fits is searched by halves
 * near the estimate (a handful of renders of what fits, never of the whole
 * list). Throws CardTooLargeError when even no items do not fit.
 */
export function fitList<T, C>(
  items: readonly T[],
  build: (shown: readonly T[], omitted: number) => C,
  maxBytes: number = MAX_CARD_BYTES,
): FittedList<C> {
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
