import { findPersonnummer } from '../../src/domain/identifiers';
import { canonicalText, detectionView } from '../../src/domain/text/canonical';

/**
 * The privacy scan's reader (issue 13): what a stored row or a log line
 * holds, read the way the consent gate reads text when it searches, so a
 * personnummer or a name cannot hide from the scan behind a spelling the
 * gate would see through.
 *
 * Each piece of text is read in two views, as the gate does: its canonical
 * form (`canonicalText`: NFKC, format characters such as U+200B, U+FEFF,
 * U+00AD and U+2060 removed, every dash `-`, every space ` `, every
 * script's digits ASCII) and the rendered view of that (`detectionView`:
 * HTML entities decoded, tags and Markdown emphasis removed). JSON escapes
 * (`\u200b`, `\n`) are decoded first, since rows and log lines are JSON.
 *
 * In both views it looks for the fixture subjects' numbers in every
 * separator spelling (none, `-`, `+`, space, `/`, `.`, 10 and 12 digits),
 * for any number the gate's own scanner reads as one of theirs (blanks
 * around a mark, dashed dates), for their names, and for flagged texts; and,
 * outside hashes and random tokens, for any valid personnummer at all.
 */

export interface PrivacyFixtures {
  /** The subjects' numbers, 12 digits (YYYYMMDDNNNN). */
  twelves: readonly string[];
  /** Further numbers to look for literally, in any spelling. */
  numbers?: readonly string[];
  names: readonly string[];
  texts: readonly string[];
  /** The date the numbers are judged at (a ten-digit form's century). */
  now: Date;
}

export const SEPARATORS = ['', '-', '+', ' ', '/', '.'] as const;

/** Every separator spelling of a number given as 12 digits (also its 10-digit forms) or 10 digits. */
export function numberSpellings(digits: string): string[] {
  const forms =
    digits.length === 12
      ? [
          [digits.slice(0, 8), digits.slice(8)],
          [digits.slice(2, 8), digits.slice(8)],
        ]
      : [[digits.slice(0, 6), digits.slice(6)]];
  return [...new Set(forms.flatMap(([date, serial]) => SEPARATORS.map((sep) => `${date}${sep}${serial}`)))];
}

/** JSON string escapes decoded, so `\u200b` and `\n` in a serialised row or log line are what they stand for. */
export function decodeJsonEscapes(text: string): string {
  if (!text.includes('\\')) return text;
  const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
  return text.replace(/\\(?:u([0-9a-fA-F]{4})|(["\\/bfnrt]))/g, (_m, hex: string | undefined, c: string | undefined) =>
    hex ? String.fromCharCode(parseInt(hex, 16)) : simple[c!]!,
  );
}

/** The views the scan searches: the canonical text and, when it differs, its rendered view. */
export function scanViews(text: string): string[] {
  const canonical = canonicalText(decodeJsonEscapes(text));
  const view = detectionView(canonical);
  return view === canonical ? [canonical] : [canonical, view];
}

/** A name as the scan looks for it: canonical (invisible characters gone), lower case. */
const nameKey = (name: string) => canonicalText(name).toLocaleLowerCase('sv');

/** Builds the scan: `leaks(where, text)` lists every forbidden thing `text` holds, empty when none. */
export function privacyScanner(f: PrivacyFixtures): (where: string, text: string) => string[] {
  const twelves = new Set(f.twelves);
  const spellings = [...f.twelves, ...(f.numbers ?? [])].flatMap((n) => numberSpellings(canonicalText(n).replace(/[^0-9]/g, '')));
  // A name is found as a word (no letter on either side): 'Omar' is not in 'ungdomar', nor 'Kalle' in 'kallelse'.
  // Digits, punctuation and invisible characters (gone in the canonical view) around it do not hide it.
  // A full name also as one word: a word joiner between its parts is gone in the canonical view.
  const keys = f.names.map(nameKey).flatMap((n) => (n.includes(' ') ? [n, n.replace(/\s+/g, '')] : [n]));
  const names = [...new Set(keys.filter((n) => n.length >= 3))].map(
    (n) => [n, new RegExp(`(?<!\\p{L})${n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?!\\p{L})`, 'u')] as const,
  );
  const texts = [...new Set(f.texts.map((m) => canonicalText(m)))];
  return (where, text) => {
    const out = new Set<string>();
    for (const view of scanViews(text)) {
      for (const s of spellings) if (view.includes(s)) out.add(`${where}: a test subject's personnummer (${s.slice(0, 2)}…)`);
      for (const m of findPersonnummer(view, f.now)) {
        if (twelves.has(m.normalised))
          out.add(`${where}: a test subject's personnummer, as the gate reads it (${m.normalised.slice(0, 4)}…)`);
      }
      // Hashes are left out of the name search: a 32-character base64url key (messageKey, a delivery job's id)
      // holds a four-letter first name by chance about once in a thousand keys, and a full run found 'JobIds: a subject's
      // name' in one (28 here: the rendered view drops a key's underscores). A name glued into such a run is the price.
      const lower = view.replace(/[A-Za-z0-9_-]{28,}/g, '#').toLocaleLowerCase('sv');
      for (const [, re] of names) if (re.test(lower)) out.add(`${where}: a subject's name`);
      for (const m of texts) if (view.includes(m)) out.add(`${where}: flagged message text`);
      // Any valid personnummer or samordningsnummer at all, in any spelling the gate reads. Hashes and random
      // tokens (hex of 32+, base64url of 40+ characters) are left out of this one: their digit runs pass the
      // date and check-digit test by chance (a minutes link's SHA-256 did, once in a CI run).
      const plain = view.replace(/[0-9a-f]{32,}/gi, '#').replace(/[A-Za-z0-9_-]{40,}/g, '#');
      if (findPersonnummer(plain, f.now).length > 0) out.add(`${where}: a valid personnummer`);
    }
    return [...out];
  };
}
