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
 * Renders the whole list once when it fits, else searches by halves
 * (about log2(n) renders). Throws CardTooLargeError when even no items do not fit.
 */
export function fitList<T, C>(
  items: readonly T[],
  build: (shown: readonly T[], omitted: number) => C,
  maxBytes: number = MAX_CARD_BYTES,
): FittedList<C> {
  const all = build(items, 0);
  if (cardBytes(all) <= maxBytes) return { card: all, shown: items.length, omitted: 0 };
  let lo = 0;
  let hi = items.length - 1;
  let best: C | undefined;
  let bestN = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const card = build(items.slice(0, mid), items.length - mid);
    if (cardBytes(card) <= maxBytes) {
      best = card;
      bestN = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (best === undefined) {
    const empty = build([], items.length);
    throw new CardTooLargeError(cardBytes(empty), maxBytes);
  }
  return { card: best, shown: bestN, omitted: items.length - bestN };
}
