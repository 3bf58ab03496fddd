import { CodeUnits } from './utf16';

/**
 * The one canonical form of user text: the form the consent gate checks and
 * the only form the bot stores and shows. Checking one form and keeping
 * another is how an identifier slips through (a zero-width space inside a
 * personnummer, removed after the check), so every path turns text into this
 * form first and keeps exactly what was checked.
 *
 * - Unicode NFKC (full-width letters and digits, ligatures, compatibility
 *   spaces become their plain forms);
 * - format characters (category Cf: zero-width space and joiners, word
 *   joiner, BOM, soft hyphen, bidirectional marks) removed;
 * - decimal digits of every script (Arabic-Indic, Devanagari, …) as ASCII;
 * - every dash-like character (hyphen, non-breaking hyphen, figure dash,
 *   en and em dash, horizontal bar, minus sign, small and full-width
 *   hyphen-minus) as `-`;
 * - every horizontal space-like character (tab, no-break and narrow no-break
 *   space, figure space, the other Unicode spaces) as one space, runs
 *   collapsed; every line break (CR LF, CR, vertical tab, form feed, NEL,
 *   line and paragraph separator) as `\n`, at most one empty line in a row;
 *   spaces at line ends and the text's ends trimmed.
 *
 * Linear in the text's length; idempotent: canonicalText(canonicalText(s)) === canonicalText(s).
 */
export function canonicalText(raw: string): string {
  sawMarkup = false;
  if (typeof raw !== 'string' || raw.length === 0) return '';
  const table = bmpTable();
  const n = raw.length;
  let u = units.of(raw, 1);
  // Most messages are already canonical: stable characters, single spaces and line breaks, no blank at either end.
  // One pass over the codes says so (a regex over the same rules took three times as long).
  let i = 0;
  let prev = 10;
  let breaks = 2;
  for (; i < n; i++) {
    const c = u[i]!;
    const e = table[c]!;
    if (e === PLAIN) {
      prev = c;
      breaks = 0;
      continue;
    }
    if (e === MARKUP) {
      sawMarkup = true;
      prev = c;
      breaks = 0;
      continue;
    }
    if (c === 32) {
      if (prev === 32 || prev === 10) break;
      prev = 32;
      continue;
    }
    if (c === 10) {
      if (prev === 32 || breaks === 2) break;
      prev = 10;
      breaks++;
      continue;
    }
    break;
  }
  if (i === n && prev !== 32 && prev !== 10) return raw;
  // NFKC only when a character could change under it: most texts that are not canonical hold only a dash or a blank
  // to rewrite, and the normalisation would copy the whole text for nothing.
  let unstable = false;
  for (let j = i; j < n; j++)
    if (table[u[j]!]! & UNSTABLE) {
      unstable = true;
      break;
    }
  const s = unstable ? raw.normalize('NFKC') : raw;
  if (unstable) u = units.of(s, 1);
  // Plain stretches are copied whole; `pending` holds what goes before the next plain character:
  // 0 nothing, 1 a space, 2 a line break, 3 an empty line.
  let out = '';
  let pending = 0;
  let runStart = -1;
  let started = false;
  let dropped = false;
  let seen = 0;
  const end = s.length;
  // The text read so far is canonical up to its last plain character: without NFKC it is kept as one stretch, and the
  // rewriting starts there rather than at the first character (a dash half-way through is the usual case).
  let from = 0;
  if (!unstable) {
    from = i;
    while (from > 0 && (u[from - 1] === 32 || u[from - 1] === 10)) from--;
    if (from > 0) {
      runStart = 0;
      started = true;
    }
  }
  for (let i = from; i < end; i++) {
    const c = u[i]!;
    let kind: number;
    let cp = c;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < end) {
      cp = s.codePointAt(i)!;
      kind = astralKind(cp);
    } else {
      const e = table[c]!;
      seen |= e;
      kind = e & KIND;
    }
    if (kind === PLAIN) {
      if (runStart < 0) {
        if (pending !== 0) out += pending === 1 ? ' ' : pending === 2 ? '\n' : '\n\n';
        pending = 0;
        runStart = i;
        started = true;
      }
      if (cp > 0xffff) i++;
      continue;
    }
    // A single space or line break between two plain characters stays in the stretch: it is written as it stands,
    // and the text is copied in a few pieces rather than one per word.
    if ((c === 32 || c === 10) && runStart >= 0 && i + 1 < end) {
      const next = u[i + 1]!;
      if ((next < 0xd800 || next > 0xdfff) && (table[next]! & KIND) === PLAIN) continue;
    }
    if (runStart >= 0) {
      out += s.slice(runStart, i);
      runStart = -1;
    }
    if (cp > 0xffff) i++;
    if (kind === CR && u[i + 1] === 10) continue;
    if (kind === BREAK || kind === CR) {
      if (started) pending = pending >= 2 ? 3 : 2;
      continue;
    }
    if (kind === SPACE) {
      if (started && pending === 0) pending = 1;
      continue;
    }
    if (kind === DROP) {
      dropped = true;
      continue;
    }
    // A dash or a digit of another script: written as its plain form.
    if (pending !== 0) out += pending === 1 ? ' ' : pending === 2 ? '\n' : '\n\n';
    pending = 0;
    started = true;
    out += kind === DASH ? '-' : String.fromCharCode(48 + digitValue(cp));
  }
  if (runStart >= 0) out += runStart === 0 ? s : s.slice(runStart);
  if (seen & MARKUP) sawMarkup = true;
  // A mark that followed a removed format character now follows its letter ("a\u200b\u0301"): compose them, or the
  // canonical form of the result would differ from it.
  return dropped && unstable ? out.normalize('NFKC') : out;
}

/** The code units of the text being canonicalised. */
const units = new CodeUnits();

const PLAIN = 0;
const SPACE = 1;
const BREAK = 2;
const CR = 3;
const DROP = 4;
const DASH = 5;
const DIGIT = 6;
/** The kind's bits in a table entry. */
const KIND = 7;
/**
 * Set on a character NFKC could change: one it maps to another form, a combining mark or Hangul vowel or final (which
 * compose with what comes before), a surrogate. A text without one is its own NFKC form.
 */
const UNSTABLE = 8;
/** Set on the characters the detection view reads as markup (`&`, `<`, `*`, `_`, `~`, a backtick, a backslash). */
const MARKUP = 16;
const MARKUP_CHARS = '&<*_~`\\';

/**
 * Whether the text the last canonicalText call read held a markup character (its result holds one exactly when the
 * text did: the rewriting neither adds nor removes one). Reset by every call.
 */
let sawMarkup = false;

let table: Uint8Array | undefined;

/** How each character of the Basic Multilingual Plane is canonicalised, computed once. */
function bmpTable(): Uint8Array {
  if (table) return table;
  const t = new Uint8Array(0x10000);
  for (let cp = 0; cp < 0x10000; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    t[cp] = kindOf(cp) | (nfkcStable(cp) ? 0 : UNSTABLE);
  }
  for (let cp = 0xd800; cp <= 0xdfff; cp++) t[cp] = UNSTABLE;
  for (let k = 0; k < MARKUP_CHARS.length; k++) t[MARKUP_CHARS.charCodeAt(k)]! |= MARKUP;
  return (table = t);
}

const MARK_RE = /\p{M}/u;

function nfkcStable(cp: number): boolean {
  if (cp < 0xa0) return true;
  if (cp >= 0x1160 && cp <= 0x11ff) return false;
  const c = String.fromCharCode(cp);
  return c.normalize('NFKC') === c && !MARK_RE.test(c);
}

function kindOf(cp: number): number {
  if (cp === 13) return CR;
  if (isLineBreak(cp)) return BREAK;
  if (isSpaceLike(cp)) return SPACE;
  if (isFormat(cp) || isDiscardedControl(cp)) return DROP;
  if (isDashLike(cp)) return cp === 45 ? PLAIN : DASH;
  const d = digitValue(cp);
  if (d >= 0) return cp >= 48 && cp <= 57 ? PLAIN : DIGIT;
  return PLAIN;
}

const astralKinds = new Map<number, number>();

function astralKind(cp: number): number {
  let k = astralKinds.get(cp);
  if (k === undefined) {
    k = kindOf(cp);
    if (astralKinds.size < 10_000) astralKinds.set(cp, k);
  }
  return k;
}

/** Whether text is already in canonical form. */
export function isCanonical(text: string): boolean {
  return canonicalText(text) === text;
}

function isLineBreak(cp: number): boolean {
  return cp === 10 || cp === 11 || cp === 12 || cp === 13 || cp === 0x85 || cp === 0x2028 || cp === 0x2029;
}

const SPACE_RE = /\p{Zs}/u;

function isSpaceLike(cp: number): boolean {
  if (cp === 32 || cp === 9) return true;
  if (cp < 0xa0) return false;
  return cp === 0x180e || SPACE_RE.test(String.fromCodePoint(cp));
}

const FORMAT_RE = /\p{Cf}/u;

function isFormat(cp: number): boolean {
  if (cp < 0xad) return false;
  return FORMAT_RE.test(String.fromCodePoint(cp)) || cp === 0x115f || cp === 0x1160 || cp === 0x3164 || cp === 0xffa0 || cp === 0x034f;
}

/** C0 and C1 control characters other than the line breaks and tab handled above. */
function isDiscardedControl(cp: number): boolean {
  return cp < 32 || (cp >= 0x7f && cp < 0xa0);
}

const DASH_RE = /\p{Pd}/u;

function isDashLike(cp: number): boolean {
  if (cp === 45) return true;
  if (cp < 0x2d0) return false;
  // Minus sign, modifier minus, hyphen bullet, heavy minus, small and full-width hyphen-minus, dash punctuation.
  return (
    cp === 0x2212 ||
    cp === 0x02d7 ||
    cp === 0x2043 ||
    cp === 0x2796 ||
    cp === 0xfe63 ||
    cp === 0xff0d ||
    (DASH_RE.test(String.fromCodePoint(cp)) && cp !== 0x301c && cp !== 0x3030)
  );
}

const DIGIT_RE = /\p{Nd}/u;

/** The value of a decimal digit of any script, or -1. */
export function digitValue(cp: number): number {
  if (cp >= 48 && cp <= 57) return cp - 48;
  if (cp < 0x660) return -1;
  if (!DIGIT_RE.test(String.fromCodePoint(cp))) return -1;
  // Unicode keeps each script's digits 0-9 in one run of ten code points; find the run's zero.
  let zero = cp;
  while (cp - zero < 9 && DIGIT_RE.test(String.fromCodePoint(zero - 1))) zero--;
  return (cp - zero) % 10;
}

// ---------------------------------------------------------------- detection view

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ensp: ' ',
  emsp: ' ',
  thinsp: ' ',
  shy: '',
  zwsp: '',
  zwnj: '',
  zwj: '',
  lrm: '',
  rlm: '',
  ndash: '-',
  mdash: '-',
  minus: '-',
  hyphen: '-',
  dash: '-',
  horbar: '-',
  period: '.',
  comma: ',',
  colon: ':',
  semi: ';',
  sol: '/',
  plus: '+',
  lpar: '(',
  rpar: ')',
  num: '#',
  commat: '@',
  NewLine: '\n',
  Tab: ' ',
  auml: 'ä',
  ouml: 'ö',
  aring: 'å',
  Auml: 'Ä',
  Ouml: 'Ö',
  Aring: 'Å',
  eacute: 'é',
  Eacute: 'É',
  uuml: 'ü',
  Uuml: 'ü',
  ZeroWidthSpace: '',
  NoBreak: '',
  NonBreakingSpace: ' ',
};

/** Block-level tags that break a line when they are removed. */
const BREAKING_TAGS = new Set([
  'br',
  'p',
  'div',
  'li',
  'ul',
  'ol',
  'tr',
  'td',
  'th',
  'table',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'blockquote',
  'pre',
]);

/**
 * The text as a reader sees it once HTML is rendered, for detection only:
 * entities decoded (named, decimal, hexadecimal, also doubly encoded),
 * tags removed (block tags leave a line break, inline ones nothing, so
 * `1102<b>03</b>-4822` reads as one number) except Teams' `<at>` mentions,
 * Markdown emphasis between letters or digits removed (`11**02**03`), and
 * the result canonicalised again. Returns the input itself when it holds
 * none of `&`, `<`, `*`, `_`, `~`, a backtick or a backslash.
 */
export function detectionView(canonical: string): string {
  if (!MARKUP_RE.test(canonical)) return canonical;
  return markupView(canonical);
}

const MARKUP_RE = /[&<*_~`\\]/;

/**
 * The canonical form of a user text and its detection view, as canonicalText and detectionView give them: the
 * canonicalisation notes whether the text holds a markup character as it reads it, so a text without one (most) is
 * not read again to find none.
 */
export function canonicalForms(raw: string): { text: string; view: string } {
  const text = canonicalText(raw);
  return { text, view: sawMarkup ? markupView(text) : text };
}

function markupView(canonical: string): string {
  let s = canonical;
  // Twice: `&amp;#45;` is `&#45;` is `-`.
  for (let round = 0; round < 2 && s.includes('&'); round++) s = decodeEntities(s);
  if (s.includes('<')) s = stripTags(s);
  s = stripInlineMarkup(s);
  return canonicalText(s);
}

function decodeEntities(s: string): string {
  return s.replace(/&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});?/g, (whole, body: string) => {
    if (body[0] === '#') {
      const cp = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(cp) && cp > 0 && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff) ? String.fromCodePoint(cp) : whole;
    }
    const v = NAMED_ENTITIES[body] ?? NAMED_ENTITIES[body.toLowerCase()];
    return v ?? whole;
  });
}

function stripTags(s: string): string {
  return s.replace(
    /<(\/?)([A-Za-z][A-Za-z0-9-]{0,20})\b[^<>]{0,500}>|<!--[\s\S]{0,2000}?-->/g,
    (whole, _slash: string, name: string | undefined) => {
      if (!name) return '';
      const lower = name.toLowerCase();
      if (lower === 'at') return whole;
      return BREAKING_TAGS.has(lower) ? '\n' : '';
    },
  );
}

/** A marker or backslash: where a run of inline markup can begin. */
const MARKUP_CHAR = /[*_~`\\]/g;
/** At a letter or digit: the markers and escapes glued after it, when a letter, digit or hyphen follows them. */
const GLUED_MARKUP = /([\p{L}\p{N}])(?:[*_~`]+|\\(?=[\p{L}\p{N}\-.]))+(?=[\p{L}\p{N}-])/uy;

/**
 * Emphasis markers and escapes glued between word characters do not separate what they join: `11**02**03` reads
 * `110203`. The same as replacing GLUED_MARKUP globally, but the Unicode pattern is tried only at the character
 * before each marker (where every match begins), not at every character: a twelfth of the time on a text with a few
 * underscores (test/unit/canonical-fast-paths.test.ts holds the two equal).
 */
function stripInlineMarkup(s: string): string {
  let out = '';
  let last = 0;
  MARKUP_CHAR.lastIndex = 0;
  for (let m = MARKUP_CHAR.exec(s); m !== null; m = MARKUP_CHAR.exec(s)) {
    // The letter before the marker: one code unit, or two for a letter outside the BMP.
    let at = m.index - 1;
    if (at > 0) {
      const low = s.charCodeAt(at);
      const high = s.charCodeAt(at - 1);
      if (low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff) at--;
    }
    // Inside the last match: the global replacement would not start there either.
    if (at < last) continue;
    GLUED_MARKUP.lastIndex = at;
    const glued = GLUED_MARKUP.exec(s);
    if (glued === null) continue;
    out += s.slice(last, at) + glued[1];
    last = at + glued[0].length;
    MARKUP_CHAR.lastIndex = last;
  }
  return last === 0 ? s : out + s.slice(last);
}
