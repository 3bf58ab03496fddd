import { GIVEN_NAMES as GIVEN } from './given-names';
import * as L from './lexicon';
import { findPersonnummer, findPersonnummerInRuns, type PersonnummerMatch, type Run } from './personnummer';
import { words } from './words';
import { CodeUnits } from '../text/utf16';

// Local bindings: module namespace access compiles to getters under some loaders; these are read per token.
const GIVEN_NAMES = GIVEN;
const {
  AMBIGUOUS_NAMES,
  CHILD_CLAUSE_WORDS,
  CHILD_NOUNS_BEFORE,
  CLASS_ORDINALS,
  CLASS_WORDS,
  COLLEAGUE_VERBS,
  COMMON_WORDS,
  CONTEXT_WORDS,
  COURTESY_TITLES,
  INSTITUTIONAL_CONTEXT,
  DEIDENTIFIED_WORDS,
  DOCTOR_TITLES,
  EN_CHILD_NOUNS,
  FAMILY_WORDS,
  FREEMAIL_DOMAINS,
  FUNCTIONAL_FRAGMENTS,
  FUNCTIONAL_MAILBOXES,
  GREETING_WORDS,
  HOME_CUES,
  INVENTED_NOUNS,
  KIN_NOUNS,
  LOGISTICS_WEAK_WORDS,
  LOGISTICS_WORDS,
  NEGATIONS,
  NEVER_NAMES,
  NOT_INITIALS,
  OFFICE_WORDS,
  OWN_POSSESSIVES,
  PHONE_CUES,
  PRIVATE_PHONE_CUES,
  ROLE_WORDS,
  SCHOOL_SUFFIXES,
  SINGLED_CHILD_NOUNS,
  SINGLING_EVENTS,
  STAFF_MARKERS,
  STREET_SUFFIXES,
  SURNAMES,
  SURNAME_SUFFIXES,
  WORK_NOUNS,
} = L;

/**
 * The identifier detector the consent gate (domain/consent/gate.ts) asks
 * whether a message identifies a person.
 *
 * Direct identifiers (personnummer, samordningsnummer) count wherever they
 * stand. Indirect ones (names, a first name or initials with a class or an
 * age, a street address, a private phone number or e-mail address) count
 * only when the same message is about a child's or family's situation, and
 * never when the message says its case is invented or de-identified. A name
 * or initials with a class or an age, and a child singled out without a name
 * (a class or school with an event or relation: "pojken i 7C vars pappa
 * greps"), are about a child by themselves.
 *
 * The text is expected canonicalised (NFKC, format characters removed, dashes
 * and spaces unified), but any text is read safely.
 *
 * Everything here is a single left-to-right pass over the text and its
 * tokens with Set lookups: no backtracking regular expressions, so the time
 * is linear in the length of the message.
 */

export type IdentifierCategory =
  | 'personnummer'
  | 'samordningsnummer'
  | 'name'
  | 'name-with-class'
  | 'name-with-age'
  | 'singled-out'
  | 'address'
  | 'phone'
  | 'email';

export interface Finding {
  category: IdentifierCategory;
  /** 0..1: how sure the detector is that this identifies a person. */
  confidence: number;
  /** UTF-16 offsets into the text: text.slice(start, end) is the identifier. */
  start: number;
  end: number;
  /** Personnummer: the 12-digit form. Names: normaliseName of the name. */
  normalised?: string;
}

export interface DetectOptions {
  /** Names of the organisation's own people (display names); never flagged. */
  officialNames?: string[];
  /** The municipality's switchboard and office numbers, in any written form. */
  switchboardNumbers?: string[];
  /** Mail domains of the organisation (e.g. `essunga.se`): addresses there are officials' or functional. */
  organisationDomains?: string[];
  /** Resolves the century of ten-digit personnummer; defaults to now. */
  now?: Date;
}

/** Findings below this confidence are not reported. */
export const MIN_CONFIDENCE = 0.5;

/** Lower case, Swedish letters kept (NFC), whitespace collapsed, genitive `:s` dropped. */
export function normaliseName(name: string): string {
  return name.normalize('NFC').replace(/:s\b/g, '').trim().replace(/\s+/g, ' ').toLocaleLowerCase('sv');
}

export function categoriesOf(findings: readonly Finding[]): IdentifierCategory[] {
  const out: IdentifierCategory[] = [];
  for (const f of findings) if (!out.includes(f.category)) out.push(f.category);
  return out;
}

export function isIdentifiable(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.confidence >= MIN_CONFIDENCE);
}

// ---------------------------------------------------------------- tokens

enum Kind {
  Word,
  Num,
  NumClass,
}

interface Token {
  kind: Kind;
  start: number;
  end: number;
  /** Lower case text; for a word with `:s` the part before it. */
  lower: string;
  cap: boolean;
  allCaps: boolean;
  /** Written with `:s` ("Ali:s"). */
  colonS: boolean;
  /** The text between the previous token and this one holds only spaces or tabs. */
  tight: boolean;
  /** A sentence, line or heading begins at this token. */
  sentenceStart: boolean;
  /** A line begins at this token (or it is the first). */
  lineStart: boolean;
  /** The gap before holds a comma, parenthesis or dash (not a sentence end). */
  softBreak: boolean;
  /** The gap before holds an @ or this token is inside a Teams <at> mention. */
  mention: boolean;
  /** The gap before holds a slash directly before the token ("/Lena"). */
  slash: boolean;
  /** A word with a hyphen inside ("Ann-Mari"). */
  hyphen: boolean;
  /** Which word lists hold the lower-case word (B.*), looked up once. */
  bits: number;
  /** Which of the context checks' word lists hold the lower-case word (C.*), looked up with bits. */
  bits2: number;
  /** Whether the word is a job title (isRoleWord), worked out on first use: -1 not yet. */
  role: -1 | 0 | 1;
  /** What the word's letters alone say of it (W.*), worked out on first use: 0 not yet. */
  wb: number;
  /** The word's slot in the intern table, or -1. */
  slot: number;
}

/** Word-list membership bits, so that the passes test a token's lists without hashing its word again. */
const B = {
  GIVEN: 1,
  NEVER: 2,
  COMMON: 4,
  CONTEXT: 8,
  FAMILY: 16,
  CHILD_BEFORE: 32,
  ROLE: 64,
  FLAGS: 128,
  SINGLE: 256,
  NOT_UNKNOWN: 512,
  COURTESY: 1024,
  LOGISTIC: 2048,
  CHILDISH: 4096,
  PLACE: 8192,
  EVENT: 16384,
  KIN: 32768,
  SINGLER: 65536,
  ANCHOR: 131072,
  CLAUSE: 262144,
  WORK: 524288,
  VERB_OBJECT: 1048576,
  OWN: 2097152,
  ONE_OF: 4194304,
  /** "eye", "öga", "ögat": flagsOf reads the word before them for an injury. */
  EYE: 8388608,
  /** "avd", "ca", "kl": an abbreviation whose point ends no sentence. */
  ABBREVIATION: 16777216,
} as const;

/**
 * The small word lists the context checks read around a name, a number or a child word, as bits beside B's: a
 * window of tokens is tested with a bit, not a string hashed into a Set per token. Each bit is exactly the list's
 * membership of a token's `lower` (a number token is in none: no list word begins with a digit).
 */
const C = {
  CLASS_WORD: 1,
  CLASS_ORDINAL: 2,
  PRESCHOOL: 4,
  CLASS_FILLER: 8,
  AGE_FILLER: 16,
  BORN: 32,
  PERSON_VERB: 64,
  COLLEAGUE_VERB: 128,
  PERSON_ONLY_VERB: 256,
  AUXILIARY: 512,
  PERSON_REF: 1024,
  KIN: 2048,
  INSTITUTIONAL: 4096,
  SEND: 8192,
  COPULA_FILLER: 16384,
  AGE_WORD: 32768,
  COLLEAGUE_SUPINE: 65536,
  POSSESSIVE: 131072,
  OWN_WORK: 262144,
  WORK_NOUN: 524288,
  WORK_OBJECT: 1048576,
  KIN_NOUN: 2097152,
  CHILD_CLAUSE: 4194304,
  PRIVATE_PHONE_CUE: 8388608,
  LOGISTICS: 16777216,
  LOGISTICS_WEAK: 33554432,
  SINGLED_CHILD: 67108864,
  EN_CHILD: 134217728,
  HOME_VERB: 268435456,
} as const;

let wordBitsMap: Map<string, number> | undefined;
let wordBits2Map: Map<string, number> | undefined;

/**
 * The word lists' bits in an open-addressing table keyed by a hash the tokenizer computes while it reads a word's
 * letters: most words are in no list, and a miss costs one array read instead of hashing a new string.
 */
const TABLE_BITS = 14;
const TABLE_MASK = (1 << TABLE_BITS) - 1;
/** Per slot: the two hashes and the bits side by side, so that a probe reads one cache line. */
let table: Int32Array | undefined;

/** Two independent hashes of a lower-case word; together they tell the lists' words apart without comparing strings. */
function wordHash(lower: string): number {
  let h = 0;
  for (let q = 0; q < lower.length; q++) h = (Math.imul(h, 31) + lower.charCodeAt(q)) | 0;
  return h;
}
function wordCheck(lower: string): number {
  let g = 0x811c9dc5;
  for (let q = 0; q < lower.length; q++) g = Math.imul(g ^ lower.charCodeAt(q), 0x01000193);
  return g | 1;
}

function buildTable(): void {
  const t = new Int32Array(4 << TABLE_BITS);
  const bits = wordBits();
  const all = new Set([...bits.keys(), ...wordBits2Map!.keys()]);
  for (const w of all) {
    const b = bits.get(w) ?? 0;
    const h = wordHash(w);
    const g = wordCheck(w);
    let idx = (h ^ (h >>> TABLE_BITS)) & TABLE_MASK;
    while (t[idx * 4 + 1] !== 0) {
      if (t[idx * 4] === h && t[idx * 4 + 1] === g) throw new Error(`word table: ${w} collides`);
      idx = (idx + 1) & TABLE_MASK;
    }
    t[idx * 4] = h;
    t[idx * 4 + 1] = g;
    t[idx * 4 + 2] = b;
    t[idx * 4 + 3] = wordBits2Map!.get(w) ?? 0;
  }
  table = t;
}

/** Where the bits (B.*, then C.*) of the word whose two hashes are h and g stand in the table, or -1 when it is in no list. */
function lookupAt(h: number, g: number): number {
  const t = table!;
  let idx = (h ^ (h >>> TABLE_BITS)) & TABLE_MASK;
  for (;;) {
    const c = t[idx * 4 + 1]!;
    if (c === 0) return -1;
    if (c === g && t[idx * 4] === h) return idx * 4 + 2;
    idx = (idx + 1) & TABLE_MASK;
  }
}

/**
 * Words already read, by the tokenizer's two hashes: the lower-case string, its bits and its features, so that a word
 * seen before costs no new string, no lower-casing, no list lookup and no judging of its letters, and the later passes
 * look up a string whose hash V8 has kept. A slot is the word's when its length and both 32-bit hashes (independent:
 * a polynomial and FNV-1a) are the text's word's: one cache line read, where comparing letters read the kept string
 * from wherever it lies in the heap. Words up to INTERN_MAX_LENGTH letters are kept, a long one as a copy (a longer
 * slice may hold its whole message alive); the table is emptied when it fills.
 */
const INTERN_BITS = 13;
const INTERN_MASK = (1 << INTERN_BITS) - 1;
const INTERN_MAX_LENGTH = 32;
/** V8 keeps a slice this long as a view of its whole text: a longer word is copied before it is kept. */
const SLICE_VIEW_LENGTH = 13;
/** Per slot, side by side: [polynomial hash, FNV hash (odd; 0 = empty), bits, length | features << 6]. */
const internSlots = new Int32Array(4 << INTERN_BITS);
/** Per slot, the word's bits2 (C.*): a table of its own, small enough to stay in cache beside the slots. */
const internBits2 = new Int32Array(1 << INTERN_BITS);
const internWords: (string | undefined)[] = new Array(1 << INTERN_BITS).fill(undefined);
let internCount = 0;

/** The slot of the word of `length` letters with hashes h and g: where it is, or the empty slot where it would go. */
function internSlot(h: number, g: number, length: number): number {
  const slots = internSlots;
  let idx = (h ^ (h >>> INTERN_BITS)) & INTERN_MASK;
  for (;;) {
    const at = idx << 2;
    const check = slots[at + 1]!;
    if (check === 0 || (check === g && slots[at]! === h && (slots[at + 3]! & 63) === length)) return idx;
    idx = (idx + 1) & INTERN_MASK;
  }
}

function internAdd(slot: number, h: number, g: number, lower: string, bits: number, bits2: number): number {
  if (internCount >= (3 << INTERN_BITS) >> 2) {
    internWords.fill(undefined);
    internSlots.fill(0);
    internCount = 0;
    slot = internSlot(h, g, lower.length);
  }
  const at = slot << 2;
  internSlots[at] = h;
  internSlots[at + 1] = g;
  internSlots[at + 2] = bits;
  internSlots[at + 3] = lower.length;
  internBits2[slot] = bits2;
  internWords[slot] = lower;
  internCount++;
  return slot;
}

/** The tokenizer's character classes below CHAR_CLASS_LIMIT (the letters isLetterCode knows end at U+024F). */
const C_OTHER = 0;
const C_LOWER = 1;
const C_UPPER = 2;
const C_WIDE = 3;
const CHAR_CLASS_LIMIT = 0x250;
const CHAR_CLASS = (() => {
  const t = new Uint8Array(CHAR_CLASS_LIMIT);
  for (let c = 0; c < CHAR_CLASS_LIMIT; c++) {
    const letter = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7);
    t[c] = !letter ? C_OTHER : (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde) ? C_UPPER : c > 0xff ? C_WIDE : C_LOWER;
  }
  return t;
})();

/** Built on first use, once every list of this module is defined. */
function wordBits(): Map<string, number> {
  if (wordBitsMap) return wordBitsMap;
  const m = new Map<string, number>();
  const mark = (words: Iterable<string>, bit: number) => {
    for (const w of words) m.set(w, (m.get(w) ?? 0) | bit);
  };
  mark(GIVEN_NAMES, B.GIVEN);
  mark(NEVER_NAMES, B.NEVER);
  for (const w of NEVER_NAMES) m.set(w, (m.get(w)! & ~B.GIVEN) | B.NEVER);
  mark(COMMON_WORDS, B.COMMON);
  mark(CONTEXT_WORDS, B.CONTEXT);
  mark(FAMILY_WORDS, B.FAMILY);
  mark(CHILD_NOUNS_BEFORE, B.CHILD_BEFORE);
  mark(ROLE_WORDS, B.ROLE);
  mark(DEIDENTIFIED_WORDS, B.FLAGS | B.NOT_UNKNOWN);
  mark(FLAG_TRIGGERS, B.FLAGS);
  mark(STAFF_MARKERS, B.FLAGS);
  mark(MOVED, B.FLAGS);
  mark(TAKE_OVER, B.FLAGS);
  mark(POSSESSIVE_PRONOUNS, B.FLAGS);
  mark(SINGLED_CHILD_NOUNS, B.SINGLE);
  mark(EN_CHILD_NOUNS, B.SINGLE);
  mark(KIN_NOUNS, B.SINGLE);
  mark(['hon', 'han', 'hen'], B.SINGLE);
  mark(GREETING_WORDS, B.NOT_UNKNOWN);
  mark(COLLEAGUE_VERBS, B.NOT_UNKNOWN);
  mark(CLASS_WORDS, B.NOT_UNKNOWN);
  mark(COURTESY_TITLES, B.COURTESY);
  mark(LOGISTICS_WORDS, B.LOGISTIC);
  mark(LOGISTICS_WEAK_WORDS, B.LOGISTIC);
  mark(CHILD_CLAUSE_WORDS, B.CHILDISH);
  mark(FAMILY_WORDS, B.CHILDISH);
  mark(KIN_NOUNS, B.CHILDISH);
  mark(SINGLED_CHILD_NOUNS, B.CHILDISH);
  mark(EN_CHILD_NOUNS, B.CHILDISH);
  mark(PLACE_WORDS, B.PLACE);
  mark(SINGLING_EVENTS, B.EVENT);
  mark(DANGER_WORDS, B.EVENT);
  for (const w of FAMILY_WORDS)
    if (isKin(w)) {
      mark([w, `${w}s`], B.KIN);
    }
  mark(RELATIVES, B.SINGLER);
  mark(PAST_TIMES, B.SINGLER);
  mark(['går'], B.SINGLER);
  // Words that begin a class or a school: "åk 7", "sjuan", "nians", "förskoleklass", "min klass", "förskolan Solen".
  mark(CLASS_WORDS, B.ANCHOR);
  mark(CLASS_ORDINALS, B.ANCHOR);
  mark(
    [...CLASS_ORDINALS].map((w) => `${w}s`),
    B.ANCHOR,
  );
  mark(PRESCHOOL_CLASS, B.ANCHOR);
  mark(['min', 'vår', 'my', 'our', 'förskolan', 'avdelning', 'avdelningen', 'skolan'], B.ANCHOR);
  // What clauseScore weighs: a child's clause words and helplines, work objects, a case's adults and times, "sin".
  mark(CHILD_CLAUSE_WORDS, B.CLAUSE);
  mark(HELPLINES, B.CLAUSE);
  mark(WORK_OBJECTS, B.WORK);
  mark(WORK_NOUNS, B.WORK);
  mark(LOGISTICS_WORDS, B.WORK);
  mark(KIN_AND_TIME_OBJECTS, B.VERB_OBJECT);
  mark(OWN_POSSESSIVES, B.OWN);
  mark(ONE_OF_CHILDREN, B.ONE_OF);
  mark(['eye', 'öga', 'ögat'], B.EYE);
  mark(ABBREVIATIONS, B.ABBREVIATION);
  const m2 = new Map<string, number>();
  const mark2 = (words: Iterable<string>, bit: number) => {
    for (const w of words) m2.set(w, (m2.get(w) ?? 0) | bit);
  };
  mark2(CLASS_WORDS, C.CLASS_WORD);
  mark2(CLASS_ORDINALS, C.CLASS_ORDINAL);
  mark2(PRESCHOOL_CLASS, C.PRESCHOOL);
  mark2(CLASS_FILLER, C.CLASS_FILLER);
  mark2(AGE_FILLER, C.AGE_FILLER);
  mark2(BORN_WORDS, C.BORN);
  mark2(PERSON_VERBS, C.PERSON_VERB);
  mark2(COLLEAGUE_VERBS, C.COLLEAGUE_VERB);
  mark2(PERSON_ONLY_VERBS, C.PERSON_ONLY_VERB);
  mark2(AUXILIARIES, C.AUXILIARY);
  mark2(PERSON_REFS, C.PERSON_REF);
  mark2(
    [...FAMILY_WORDS].filter((w) => isKin(w)),
    C.KIN,
  );
  mark2(INSTITUTIONAL_CONTEXT, C.INSTITUTIONAL);
  mark2(SEND_WORDS, C.SEND);
  mark2(COPULA_FILLERS, C.COPULA_FILLER);
  mark2(AGE_WORDS, C.AGE_WORD);
  mark2(COLLEAGUE_SUPINES, C.COLLEAGUE_SUPINE);
  mark2(POSSESSIVE_PRONOUNS, C.POSSESSIVE);
  mark2(OWN_WORK, C.OWN_WORK);
  mark2(WORK_NOUNS, C.WORK_NOUN);
  mark2(WORK_OBJECTS, C.WORK_OBJECT);
  mark2(KIN_NOUNS, C.KIN_NOUN);
  mark2(CHILD_CLAUSE_WORDS, C.CHILD_CLAUSE);
  mark2(PRIVATE_PHONE_CUES, C.PRIVATE_PHONE_CUE);
  mark2(LOGISTICS_WORDS, C.LOGISTICS);
  mark2(LOGISTICS_WEAK_WORDS, C.LOGISTICS_WEAK);
  mark2(SINGLED_CHILD_NOUNS, C.SINGLED_CHILD);
  mark2(EN_CHILD_NOUNS, C.EN_CHILD);
  mark2(HOME_VERBS, C.HOME_VERB);
  for (const w of m2.keys())
    if (w.length === 0 || isDigitCode(w.charCodeAt(0))) throw new Error(`word list: '${w}' cannot be a word token`);
  wordBits2Map = m2;
  wordBitsMap = m;
  return m;
}

/** Words that start an invented-case or reality phrase, or "social services". */
const FLAG_TRIGGERS = [
  'tänkt',
  'tänkta',
  'invented',
  'imaginary',
  'påhittade',
  'made',
  'case',
  'example',
  'exempel',
  'exempelvis',
  'riktigt',
  'riktig',
  'riktiga',
  'verkligt',
  'verklig',
  'verkliga',
  'verkligheten',
  'hände',
  'happened',
  'real',
  'services',
  'worker',
  'care',
  'scenario',
  'scenariot',
  'tänk',
  'föreställ',
  'imagine',
  'suppose',
  'låtsas',
  'fall',
  'övning',
  'uppgift',
  'exercise',
];

function isLetterCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7);
}

function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isUpperCode(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde && c !== 0xd7);
}

/** Abbreviations whose point is no sentence end. */
const ABBREVIATIONS = new Set(['avd', 'ca', 'kl', 'nr', 'tel', 'tfn', 'resp', 'inkl', 'exkl', 'jfr', 'bl', 'ev', 'vard', 'avdelning']);

/**
 * Token objects are reused from call to call: a message's tokens live only while it is read (no finding keeps one),
 * and the detector is synchronous, so a pool spares the collector most of the per-message garbage.
 */
const tokenPool: Token[] = [];
const tokenView: Token[] = [];

/**
 * The text's UTF-16 codes, copied once per message: the tokenizer reads most characters several times (its scan, the
 * interned word's comparison, the gaps). Three zeros past the end; read again by digitRunsOf after tokenize.
 */
const codeUnits = new CodeUnits();
let codes: Uint16Array = new Uint16Array(0);

/** How many ASCII digits the last text tokenized holds. */
let digitCount = 0;

function tokenize(text: string): Token[] {
  if (!table) buildTable();
  digitCount = 0;
  // A local binding: the module's variable would be read again at every character.
  const cs = codeUnits.of(text, 3);
  codes = cs;
  const tokens = tokenView;
  // The view keeps its length from the last message until the end: emptying it first would give up its store, and
  // the pushes would grow a new one, message after message.
  let count = 0;
  const n = text.length;
  let i = 0;
  let gapStart = 0;
  let inMention = false;
  while (i < n) {
    const c = cs[i]!;
    if (c === 60 /* < */) {
      if (text.startsWith('<at>', i)) {
        inMention = true;
        i += 4;
        continue;
      }
      if (text.startsWith('</at>', i)) {
        inMention = false;
        i += 5;
        gapStart = i;
        continue;
      }
    }
    const letter = isLetterCode(c);
    if (!letter && !isDigitCode(c)) {
      i++;
      continue;
    }
    const start = i;
    let kind: Kind;
    let colonS = false;
    let hyphen = false;
    // The word's hash over its lower-case letters (Latin-1 folded here; anything above is hashed from the lower-cased word).
    let h = 0;
    let g = 0x811c9dc5;
    let plain = true;
    let upper = 0;
    if (letter) {
      kind = Kind.Word;
      for (;;) {
        for (; i < n; i++) {
          let ch = cs[i]!;
          const cls = ch < CHAR_CLASS_LIMIT ? CHAR_CLASS[ch]! : 0;
          if (cls === C_LOWER) {
            /* as it is */
          } else if (cls === C_UPPER) {
            ch += 32;
            upper++;
          } else if (cls === C_WIDE) plain = false;
          else break;
          h = (Math.imul(h, 31) + ch) | 0;
          g = Math.imul(g ^ ch, 0x01000193);
        }
        // Ann-Mari, Karlsson-Lind: a hyphen between letters stays inside the word.
        if (i + 1 < n && cs[i]! === 45 && isLetterCode(cs[i + 1]!)) {
          h = (Math.imul(h, 31) + 45) | 0;
          g = Math.imul(g ^ 45, 0x01000193);
          i++;
          hyphen = true;
          continue;
        }
        break;
      }
    } else {
      kind = Kind.Num;
      while (i < n && isDigitCode(cs[i]!)) i++;
      digitCount += i - start;
      // 7B, 9c: one letter right after one or two digits, then no letter.
      if (i - start <= 2 && i < n && isLetterCode(cs[i]!) && !(i + 1 < n && isLetterCode(cs[i + 1]!))) {
        const l = cs[i]! | 32;
        if (l >= 97 && l <= 104) {
          kind = Kind.NumClass;
          i++;
        }
      }
      // "6:an", "3an", "9:orna": a school year written as an ordinal is a class.
      if (kind === Kind.Num && i - start <= 2) {
        const c = i < n && cs[i]! === 58 ? i + 1 : i;
        const a = c < n ? cs[c]! | 32 : 0;
        const b = c + 1 < n ? cs[c + 1]! | 32 : 0;
        const year = cs[start]! - 48 + (i - start === 2 ? 9 * (cs[start]! - 48) + cs[start + 1]! - 48 : 0);
        let e = -1;
        if (a === 97 && b === 110) e = c + 2;
        else if (a === 111 && b === 114) e = c + 2 < n && (cs[c + 2]! | 32) === 110 && (cs[c + 3]! | 32) === 97 ? c + 4 : c + 2;
        if (e > 0 && year >= 1 && year <= 10 && !(e < n && isLetterCode(cs[e]!))) {
          kind = Kind.NumClass;
          i = e;
        }
      }
    }
    let end = i;
    // Genitive with colon or apostrophe: "Ali:s", "7B:s", "Maya's"; ordinal "7:an" stays a number.
    if (
      i + 1 < n &&
      (cs[i]! === 58 || (kind === Kind.Word && (cs[i]! === 39 || cs[i]! === 0x2019))) &&
      (cs[i + 1]! | 32) === 115 &&
      !(i + 2 < n && isLetterCode(cs[i + 2]!))
    ) {
      colonS = true;
      i += 2;
    }
    let tight = true;
    let sentenceStart = count === 0;
    let lineStart = sentenceStart;
    let softBreak = false;
    let mention = inMention;
    let slash = false;
    for (let k = gapStart; k < start; k++) {
      const g = cs[k]!;
      if (g === 32 || g === 9 || g === 0xa0) continue;
      tight = false;
      if (g === 10 || g === 13) {
        sentenceStart = true;
        lineStart = true;
      } else if (g === 46 || g === 33 || g === 63 || g === 58 || g === 59 || g === 0x2022 || g === 42 || g === 35) sentenceStart = true;
      else if (g === 44 || g === 40 || g === 41 || g === 45 || g === 0x2013 || g === 0x2014) softBreak = true;
      else if (g === 64) mention = true;
      else if (g === 47 && k === start - 1) slash = true;
    }
    // "avd. Myran", "ca. 3 veckor": the point of an abbreviation ends no sentence.
    if (
      sentenceStart &&
      !lineStart &&
      count > 0 &&
      cs[gapStart]! === 46 &&
      start - gapStart <= 2 &&
      tokens[count - 1]!.bits & B.ABBREVIATION
    )
      sentenceStart = false;
    let lower: string;
    let bits = 0;
    let bits2 = 0;
    let features = 0;
    let wordSlot = -1;
    let cap: boolean;
    if (kind !== Kind.Word) {
      lower = text.slice(start, end);
      cap = false;
    } else if (plain) {
      // Latin-1: capitals are exactly the letters the hash folded.
      const c0 = cs[start]!;
      cap = (c0 >= 65 && c0 <= 90) || (c0 >= 0xc0 && c0 <= 0xde);
      g |= 1;
      const slot = end - start <= INTERN_MAX_LENGTH ? internSlot(h, g, end - start) : -1;
      const known = slot >= 0 ? internWords[slot] : undefined;
      if (known !== undefined) {
        lower = known;
        bits = internSlots[(slot << 2) + 2]!;
        features = internSlots[(slot << 2) + 3]! >>> 6;
        bits2 = internBits2[slot]!;
        wordSlot = slot;
      } else {
        const word = text.slice(start, end);
        // A word of plain lower-case letters is its own lower case: no second string.
        lower = upper > 0 ? word.toLowerCase() : word;
        const at = lookupAt(h, g);
        if (at >= 0) {
          bits = table![at]!;
          bits2 = table![at + 1]!;
        }
        if (slot >= 0) {
          // A long word is kept as a copy: ' ' + word is a string of its own, and its tail no view of the message.
          if (lower.length >= SLICE_VIEW_LENGTH && lower === word) lower = ` ${lower}`.slice(1);
          wordSlot = internAdd(slot, h, g, lower, bits, bits2);
        }
      }
    } else {
      const word = text.slice(start, end);
      lower = word.toLowerCase();
      cap = lower.charCodeAt(0) !== word.charCodeAt(0);
      const at = lookupAt(wordHash(lower), wordCheck(lower));
      if (at >= 0) {
        bits = table![at]!;
        bits2 = table![at + 1]!;
      }
    }
    const allCaps = cap && end - start > 1 && isUpperCode(cs[start + 1]!);
    const at = count;
    let t = tokenPool[at];
    if (!t) {
      t = {
        kind,
        start,
        end,
        lower,
        cap,
        allCaps,
        colonS,
        tight,
        sentenceStart,
        lineStart,
        softBreak,
        mention,
        slash,
        hyphen,
        bits,
        bits2,
        role: -1,
        wb: features,
        slot: wordSlot,
      };
      tokenPool.push(t);
    } else {
      t.kind = kind;
      t.start = start;
      t.end = end;
      t.lower = lower;
      t.cap = cap;
      t.allCaps = allCaps;
      t.colonS = colonS;
      t.tight = tight;
      t.sentenceStart = sentenceStart;
      t.lineStart = lineStart;
      t.softBreak = softBreak;
      t.mention = mention;
      t.slash = slash;
      t.hyphen = hyphen;
      t.bits = bits;
      t.bits2 = bits2;
      t.role = -1;
      t.wb = features;
      t.slot = wordSlot;
    }
    if (at < tokens.length) tokens[at] = t;
    else tokens.push(t);
    count++;
    gapStart = i;
    end = i;
  }
  if (tokens.length !== count) tokens.length = count;
  return tokens;
}

// ---------------------------------------------------------------- helpers

const CONTEXT_PREFIXES = ['orosanm', 'familjehem', 'frånvar', 'placer', 'vårdnadshav', 'hemmasitt', 'skolfrånv', 'sip-', 'lvu', 'jourhem'];
const CONTEXT_PREFIX_FIRST = new Set(CONTEXT_PREFIXES.map((p) => p.charCodeAt(0)));

function isContextWord(lower: string): boolean {
  if (CONTEXT_WORDS.has(lower)) return true;
  if (lower.length < 3) return false;
  if (CONTEXT_PREFIX_FIRST.has(lower.charCodeAt(0))) for (const p of CONTEXT_PREFIXES) if (lower.startsWith(p)) return true;
  return false;
}

/** Definite and genitive endings the word lists lack ("styvpappan", "bonusmammans", "barnmorskan"). */
const FORM_ENDINGS = ['n', 's', 'ns', 'en', 'ens', 'ts'];

/** Forms of context words the list lacks, each mapped to whether the word is a child's (not the institution's). */
let contextForms: Map<string, boolean> | undefined;
function contextFormOf(lower: string): boolean | undefined {
  if (!contextForms) {
    contextForms = new Map();
    for (const w of CONTEXT_WORDS) {
      if (w.length < 4) continue;
      for (const x of FORM_ENDINGS) {
        const f = w + x;
        if (!CONTEXT_WORDS.has(f) && !contextForms.get(f)) contextForms.set(f, !INSTITUTIONAL_CONTEXT.has(w));
      }
    }
  }
  return contextForms.get(lower);
}

/** What a word's letters alone say of it, as bits: worked out once per word and kept with it in the intern table. */
const W = {
  KNOWN: 1,
  ROLE: 2,
  CONTEXT_WORD: 4,
  CONTEXT_FORM: 8,
  CHILD_FORM: 16,
  NICKNAME: 32,
  NOUN_ENDING: 64,
  GIVEN: 128,
  FOLDABLE: 256,
  SURNAME: 512,
  SURNAME_ENDING: 1024,
  /** isAddressOfficeWord: a workplace or venue word around an address. */
  ADDRESS_OFFICE: 2048,
  /** isOfficePhoneWord: an office's or the writer's word around a phone number. */
  PHONE_OFFICE: 4096,
  /** isEventWord: an event that singles a child out. */
  EVENT: 8192,
  /** An ending of a staff gathering (LOGISTIC_ENDINGS). */
  LOGISTIC_ENDING: 16384,
  /** An ending of a work document or gathering (WORK_ENDINGS). */
  WORK_ENDING: 32768,
} as const;

function featuresOfWord(lower: string): number {
  let w: number = W.KNOWN;
  if (isRoleWord(lower)) w |= W.ROLE;
  const contextWord = isContextWord(lower);
  if (contextWord) w |= W.CONTEXT_WORD;
  const form = contextFormOf(lower);
  if (form !== undefined) w |= W.CONTEXT_FORM;
  if (form === true) w |= W.CHILD_FORM;
  if (lower.length >= 4 && lower.length <= 7 && !contextWord && NICKNAME_SHAPE.test(lower)) w |= W.NICKNAME;
  if (endsWithAny(lower, NOUN_ENDINGS, 3)) w |= W.NOUN_ENDING;
  if (isGivenName(lower)) w |= W.GIVEN;
  if (hasFoldable(lower)) w |= W.FOLDABLE;
  if (SURNAMES.has(lower)) w |= W.SURNAME;
  if (SURNAME_ENDINGS.match(lower, 2)) w |= W.SURNAME_ENDING;
  if (isAddressOfficeWord(lower)) w |= W.ADDRESS_OFFICE;
  if (isOfficePhoneWord(lower)) w |= W.PHONE_OFFICE;
  if (isEventWord(lower)) w |= W.EVENT;
  if (LOGISTIC_ENDINGS.match(lower, 2)) w |= W.LOGISTIC_ENDING;
  if (WORK_ENDINGS.match(lower, 2)) w |= W.WORK_ENDING;
  return w;
}

/** The token's word features (W.*), from the intern table or worked out now and kept there. */
function featuresOf(t: Token): number {
  let w = t.wb;
  if (w !== 0) return w;
  w = featuresOfWord(t.lower);
  t.wb = w;
  if (t.slot >= 0 && internWords[t.slot] === t.lower) internSlots[(t.slot << 2) + 3] = t.lower.length | (w << 6);
  return w;
}

/** Word endings, indexed by their last letter so that a test reads only the few that could match. */
class Endings {
  /** Endings by their last two letters (one-letter endings under a key of their own). */
  private readonly byLast = new Map<number, string[]>();
  constructor(list: readonly string[]) {
    for (const x of list) {
      const key = x.length >= 2 ? x.charCodeAt(x.length - 1) * 65536 + x.charCodeAt(x.length - 2) : -x.charCodeAt(0);
      const bucket = this.byLast.get(key);
      if (bucket) bucket.push(x);
      else this.byLast.set(key, [x]);
    }
  }
  /** `s` ends with one of the endings and keeps at least `minStem` letters before it. */
  match(s: string, minStem: number): boolean {
    const n = s.length;
    if (n < 2) return false;
    const bucket = this.byLast.get(s.charCodeAt(n - 1) * 65536 + s.charCodeAt(n - 2));
    if (bucket) for (const x of bucket) if (n >= x.length + minStem && s.endsWith(x)) return true;
    const one = this.byLast.get(-s.charCodeAt(n - 1));
    return !!one && n >= 1 + minStem;
  }
}

const STREET_ENDINGS = new Endings(STREET_SUFFIXES);
const SURNAME_ENDINGS = new Endings(SURNAME_SUFFIXES);
const SCHOOL_ENDINGS = new Endings(SCHOOL_SUFFIXES);

const endingsCache = new Map<readonly string[], Endings>();
function endsWithAny(s: string, suffixes: readonly string[] | Endings, minStem: number): boolean {
  if (suffixes instanceof Endings) return suffixes.match(s, minStem);
  let e = endingsCache.get(suffixes);
  if (!e) {
    e = new Endings(suffixes);
    endingsCache.set(suffixes, e);
  }
  return e.match(s, minStem);
}

/** Endings of job titles: "förskolläraren", "fritidspedagog", "kommunpolis", "advokaten", "the social worker". */
const ROLE_SUFFIXES = new Endings([
  'lärare',
  'läraren',
  'pedagog',
  'pedagogen',
  'sköterska',
  'sköterskan',
  'chef',
  'chefen',
  'sekreterare',
  'sekreteraren',
  'handläggare',
  'handläggaren',
  'assistent',
  'assistenten',
  'ledare',
  'ledaren',
  'behandlare',
  'behandlaren',
  'terapeut',
  'terapeuten',
  'psykolog',
  'psykologen',
  'kurator',
  'kuratorn',
  'samordnare',
  'samordnaren',
  'rådgivare',
  'rådgivaren',
  'vägledare',
  'vägledaren',
  'coach',
  'coachen',
  'advokat',
  'advokaten',
  'tolk',
  'tolken',
  'jurist',
  'juristen',
  'läkare',
  'läkaren',
  'vaktmästare',
  'vaktmästaren',
  'rektor',
  'rektorn',
  'ombud',
  'ombudet',
  'biträde',
  'biträdet',
  'polis',
  'präst',
  'prästen',
  'direktör',
  'direktören',
  'konsulent',
  'konsulenten',
  'inspektör',
  'inspektören',
  'rådet',
  'utredare',
  'utredaren',
  'mentor',
  'mentorn',
  'worker',
  'officer',
  'teacher',
  'nurse',
  'manager',
  'coordinator',
  'therapist',
  'counsellor',
  'counselor',
  'psychologist',
  'interpreter',
  'solicitor',
  'lawyer',
  'headteacher',
  'principal',
  'herde',
  'herden',
  'tränare',
  'tränaren',
  'barnmorska',
  'barnmorskan',
  'vicar',
  'coach',
  'caretaker',
  'janitor',
]);

/** Definite forms of listed titles: "barnmorskan", "fältassistenten". */
const ROLE_DEFINITE = new Set([...ROLE_WORDS].flatMap((w) => [`${w}n`, `${w}en`]));

function isRoleWord(lower: string): boolean {
  if (ROLE_WORDS.has(lower)) return true;
  if (lower.length < 4) return false;
  return ROLE_SUFFIXES.match(lower, 0) || ROLE_DEFINITE.has(lower);
}

function isRoleToken(t: Token): boolean {
  if (t.role < 0) t.role = (t.bits & B.ROLE) !== 0 || (t.kind === Kind.Word && featuresOf(t) & W.ROLE) ? 1 : 0;
  return t.role === 1;
}

/** "Esplanaden", "Strandvägen": a long street ending is a street name by itself. */
function isStreetName(lower: string): boolean {
  if (STREET_ENDINGS.match(lower, 3)) return true;
  if (lower.length >= 7 && (lower.endsWith('vägen') || lower.endsWith('gatan') || lower.endsWith('stigen') || lower.endsWith('gränd')))
    return true;
  for (const x of STREET_SUFFIXES) if (x.length >= 6 && lower === x) return true;
  return false;
}

const MEETING_WORDS = words(`mötet möte träffas ses träff samling samlas lokal kommunhusets stadshusets konferens meeting meet office`);

/** Accented letters folded to the lexicon's spelling: "zoë" → "zoe", "chloé" → "chloe", "søren" → "sören". */
const ACCENT_FOLD: Record<string, string> = {
  à: 'a',
  á: 'a',
  â: 'a',
  ã: 'a',
  è: 'e',
  é: 'e',
  ê: 'e',
  ë: 'e',
  ì: 'i',
  í: 'i',
  î: 'i',
  ï: 'i',
  ò: 'o',
  ó: 'o',
  ô: 'o',
  õ: 'o',
  ù: 'u',
  ú: 'u',
  û: 'u',
  ý: 'y',
  ÿ: 'y',
  ñ: 'n',
  ç: 'c',
  ø: 'ö',
  æ: 'ä',
};

/** The word with accents folded, or undefined when it has none to fold. */
function folded(lower: string): string | undefined {
  let out: string | undefined;
  for (let k = 0; k < lower.length; k++) {
    const c = lower.charCodeAt(k);
    if (c < 0xe0 || c === 0xe4 || c === 0xe5 || c === 0xf6 || c > 0xff) continue;
    const f = ACCENT_FOLD[lower[k]!];
    if (f === undefined) continue;
    out = (out ?? lower).slice(0, k) + f + (out ?? lower).slice(k + 1);
  }
  return out;
}

/** Printable ASCII and Latin-1 letters only: what normaliseName would leave as it is (given lower case, single spaces). */
function plainLatin(s: string): boolean {
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c < 0x20 || (c > 0x7e && c < 0xc0) || c > 0xff) return false;
  }
  return true;
}

/** Whether a word has a letter the accent fold would change. */
function hasFoldable(lower: string): boolean {
  for (let k = 0; k < lower.length; k++) {
    const c = lower.charCodeAt(k);
    if (c >= 0xe0 && c <= 0xff && c !== 0xe4 && c !== 0xe5 && c !== 0xf6) return true;
  }
  return false;
}

/** Lexicon given name, also hyphenated ("anna-karin", "ali-reza") or with accents the lexicon spells without ("zoë"). */
function isGivenName(lower: string): boolean {
  if (NEVER_NAMES.has(lower)) return false;
  if (GIVEN_NAMES.has(lower)) return true;
  const f = folded(lower);
  if (f !== undefined && GIVEN_NAMES.has(f)) return true;
  const dash = lower.indexOf('-');
  if (dash > 0) {
    const a = lower.slice(0, dash);
    const b = lower.slice(dash + 1);
    return GIVEN_NAMES.has(a) && GIVEN_NAMES.has(b);
  }
  return false;
}

/** A name that is also a word. Capitalised, only the listed ones and one or two letters; in lower case also the short ones. */
function isAmbiguous(lower: string, cap = false): boolean {
  return AMBIGUOUS_NAMES.has(lower) || lower.length <= (cap ? 2 : 3);
}

/** Endings of Swedish definite and plural nouns: an unknown capitalised word with them is a noun, not a name. */
const NOUN_ENDINGS = new Endings([
  // "Bokcirkeln", "Nyckeln", "Regeln": a noun in -el, definite.
  'eln',
  'en',
  // "Datorn", "Hamstern", "Projektorn": the definite form of a noun in -or or -er.
  'rn',
  'et',
  'on',
  'onen',
  'na',
  'erna',
  'arna',
  'orna',
  'an',
  'ten',
  'ning',
  'ningen',
  'het',
  'heten',
  'else',
  'skap',
  'tion',
  'are',
  'ande',
  'ende',
  'isk',
  'iska',
  'lig',
  'liga',
  'ad',
  'at',
  'ade',
  'ar',
  'er',
  'or',
]);

function couldBeUnknownName(t: Token): boolean {
  if (t.kind !== Kind.Word || !t.cap || t.allCaps || t.lower.length < 3) return false;
  if (t.bits & (B.COMMON | B.NEVER | B.CONTEXT | B.ROLE | B.FAMILY | B.CHILD_BEFORE | B.NOT_UNKNOWN)) return false;
  return (featuresOf(t) & (W.CONTEXT_WORD | W.ROLE | W.NOUN_ENDING)) === 0;
}

function isSurname(t: Token | undefined, strictOnly: boolean): 'strong' | 'weak' | undefined {
  if (!t || t.kind !== Kind.Word || !t.cap || t.allCaps || !t.tight || t.sentenceStart) return undefined;
  const l = t.lower;
  if (t.bits & (B.COMMON | B.NEVER | B.ROLE | B.CONTEXT | B.FAMILY)) return undefined;
  const w = featuresOf(t);
  if (w & (W.ROLE | W.CONTEXT_WORD)) return undefined;
  if (w & (W.SURNAME | W.SURNAME_ENDING)) return 'strong';
  const dash = t.hyphen ? l.indexOf('-') : -1;
  if (dash > 0 && SURNAMES.has(l.slice(0, dash)) && SURNAMES.has(l.slice(dash + 1))) return 'strong';
  if (t.bits & B.GIVEN && !AMBIGUOUS_NAMES.has(l)) return 'weak';
  if (strictOnly) return undefined;
  if (l.length >= 3 && !(w & W.NOUN_ENDING)) return 'weak';
  return undefined;
}

/** Surname endings strong enough to read a lower-case word as a family name ("ella berg", "noah lindqvist"). */
const LOWER_SURNAME_SUFFIXES = new Endings([
  'sson',
  'berg',
  'ström',
  'qvist',
  'kvist',
  'quist',
  'gren',
  'lund',
  'holm',
  'dahl',
  'ander',
  'ius',
  'stedt',
  'ović',
  'ovic',
  'ević',
  'evic',
  'inen',
  'zadeh',
]);

/** A lower-case family name after a lower-case given name: from the lexicon, or with a family-name ending. */
function isLowerSurname(t: Token | undefined, next?: Token): boolean {
  if (!t || t.kind !== Kind.Word || t.cap || !t.tight || t.sentenceStart || t.lower.length < 2) return false;
  const l = t.lower;
  if (COMMON_WORDS.has(l) || NEVER_NAMES.has(l) || isRoleWord(l) || isContextWord(l) || FAMILY_WORDS.has(l)) return false;
  if (SURNAMES.has(l) || LOWER_SURNAME_SUFFIXES.match(l, 3)) return true;
  // "tyra lundbergs mamma": the genitive of one, before a family word (lower case needs that much more).
  return (
    l.length > 4 &&
    l.endsWith('s') &&
    !!next &&
    next.tight &&
    (next.bits & B.FAMILY) !== 0 &&
    (SURNAMES.has(l.slice(0, -1)) || LOWER_SURNAME_SUFFIXES.match(l.slice(0, -1), 3))
  );
}

/** A word inside an e-mail address, a web address or a file name ("sara.lind@…", "/hugo/"). */
function inAddressToken(text: string, t: Token): boolean {
  const before = text.charCodeAt(t.start - 1);
  const after = text.charCodeAt(t.end);
  const glued = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  if ((before === 46 || before === 64 || before === 47 || before === 95) && glued(text.charCodeAt(t.start - 2))) return true;
  return (after === 46 || after === 64 || after === 47 || after === 95) && glued(text.charCodeAt(t.end + 1));
}

/** Words after which a lower-case first name is a person talked about or with. */
const LOWER_NAME_LEADS = new Set([
  'med',
  'om',
  'för',
  'till',
  'hos',
  'åt',
  'about',
  'with',
  'to',
  'for',
  // Verbs whose object is a person seen, met or called: "såg noah gråta", "kan någon ringa tilde".
  'såg',
  'ser',
  'hörde',
  'träffade',
  'träffar',
  'mötte',
  'ringa',
  'ringer',
  'ringde',
  'hämta',
  'hämtade',
  'saw',
  'met',
]);

/** Words that open a sentence and are no one's name. */
const SENTENCE_ADVERBS = words(
  `igår idag imorgon sedan sen därefter då nu här där sist först efteråt tidigare senare ändå också plötsligt ofta alltid aldrig redan yesterday today then now later after afterwards also suddenly often always never first finally`,
);

/** Words before a pet name or a name someone goes by: "som kallas Pippi", "som alla kallar Kruttan", "known as Jonno". */
// "går under namnet Zacke": the name a child goes by (calledBefore still wants a child word before it).
const CALLED = new Set(['kallas', 'kallad', 'kallade', 'kallar', 'nicknamed', 'aka', 'alias', 'namnet']);

const CLASS_FILLER = words(
  `i som går gick på från ur är har börjat börjar började startade nu och eleven elev numera in is at who goes attends started starts joined joins the pupil student currently now was from and`,
);
const PRESCHOOL_CLASS = words(
  `förskoleklass förskoleklassen f-klass f-klassen fklass sexårs sexårsverksamheten reception nursery preschool pre-school förberedelseklass förberedelseklassen förberedelsegruppen språkintroduktion språkintroduktionen språkintro grundsärskolan särskolan`,
);
const AGE_FILLER = words(
  `som är blir fyller snart ca cirka nästan bara nyss fyllda och is aged age who turns turned just nearly almost about was only`,
);
const AGE_WORDS = new Set(['år', 'års', 'åring', 'åringen', 'år,', 'years', 'year', 'yrs', 'yo', 'year-old', 'years-old']);
const BORN_WORDS = new Set(['född', 'f', 'föd', 'födde', 'born', 'b']);
const ORG_AFTER_FROM = words(
  `soc socialtjänsten bup skolan elevhälsan ifo polisen bvc hab förvaltningen kommunen familjecentralen öppenvården fältgruppen barnhälsovården habiliteringen socialförvaltningen utbildningsförvaltningen fritid fritidsgården ungdomsmottagningen vårdcentralen regionen barn- kultur öppenvårdsteamet camhs school social council`,
);
/** Where children are patients: "Ella på BUP" in a case is a child, unless the text makes her staff. */
const PATIENT_ORGS = new Set(['bup', 'hab', 'habiliteringen', 'barnpsykiatrin', 'camhs']);
const SELF_WORDS = words(
  `mitt min jag vårt vår direkt kontoret arbete jobbet jobbnummer tjänstenummer tjänstetelefon tjänstemobil tjänstemobilen my our work office`,
);
/** Imperatives and infinitives that, before "mig"/"me", make the number the writer's ("ring mig på"). */
const CONTACT_ME = words(`ring ringa nå nås sms:a smsa kontakta mejla maila call text reach contact phone`);
const ME = new Set(['mig', 'me', 'oss', 'us']);
const POSSESSIVE_PRONOUNS = new Set(['hans', 'hennes', 'deras', 'his', 'her', 'their']);
/** Words between a copula and a name: "nu är det Amanda Ek", "it is now Sam Lee". */
const COPULA_FILLERS = new Set(['det', 'nu', 'numera', 'it', 'now', 'fortfarande', 'still']);
/** Verbs of a job before "som": "börjar som socialsekreterare", "works as a family support worker". */
const JOB_VERBS = words(
  `börjar började börjat jobbar jobbade arbetar arbetade anställs anställd slutar vikarierar fortsätter starts started works worked joins joined`,
);
/** When someone starts or works as something: "började idag som ny kurator", "started today as a new social worker". */
const JOB_TIMES = words(`idag i dag nu igår imorgon också today now yesterday tomorrow also officially here`);
/** Words between "som"/"är" and a title: "som ny skolkurator", "is our new family support worker". */
const ROLE_MODIFIERS = words(
  `ny nya new vår våra our the a an en ett tillförordnad tf biträdande vikarierande interim acting deputy family support school social senior lead`,
);
const DETERMINERS = new Set(['the', 'our', 'vår', 'er', 'my', 'min', 'their', 'your', 'skolans', 'a', 'an', 'en', 'ett']);
/** Supines of professional work after "har" ("Anna på BUP har bokat in ett samtal"). */
const COLLEAGUE_SUPINES = words(
  `bokat kallat skickat mejlat mailat dokumenterat informerat kontaktat sammankallat utrett handlagt ringt meddelat samordnat ansvarat bjudit lagt skrivit presenterat rapporterat booked called sent emailed contacted informed arranged written chaired organised organized updated shared prepared finished circulated presented uppdaterat sammanställt förberett delat`,
);
const CONDITIONALS = new Set(['om', 'ifall', 'if', 'suppose', 'anta', 'antag']);
const QUANTIFIERS = new Set(['en', 'ett', 'varje', 'alla', 'någon', 'ingen', 'a', 'an', 'every', 'each', 'any', 'no', 'one', 'some']);
const RELATIVE_WHOSE = new Set(['vars', 'whose']);
const GENERIC_SCHOOLS = words(
  `grundskolan grundskola förskolan förskola gymnasieskolan gymnasieskola särskolan grundsärskolan högstadieskolan mellanstadieskolan lågstadieskolan resursskolan friskolan skolan skola gymnasiet school academy primary sommarskolan hemskolan lovskolan kommunala anpassade`,
);
/** Greetings that close a message before a signature. */
const SIGN_OFFS = words(
  `hälsningar hälsning mvh kram kramar tack tackar regards cheers thanks best hej hejsan hi hello vänligen allt gott`,
);

function classNumberOk(word: string, next: Token): boolean {
  if (!(next.kind === Kind.Num || next.kind === Kind.NumClass) || next.end - next.start > 3) return false;
  const v = Number(next.lower.replace(/\D/g, ''));
  const english = word === 'year' || word === 'grade' || word === 'yr' || word === 'class';
  return v >= 0 && v <= (english ? 13 : 10) && (next.kind === Kind.NumClass || next.end - next.start <= 2);
}

/** A preschool unit named at k: "avd. Myran", "avdelning Blåklockan", "avdelningen Solen". */
function preschoolUnitAt(tokens: Token[], k: number): boolean {
  const t = tokens[k];
  const name = tokens[k + 1];
  if (!t || !name || t.kind !== Kind.Word || name.kind !== Kind.Word || !name.cap || name.allCaps) return false;
  const l = t.lower;
  return l === 'avd' || l === 'avdelning' || l === 'avdelningen';
}

function classAfter(tokens: Token[], j: number): boolean {
  for (let k = j, seen = 0; k < tokens.length && seen < 5; k++, seen++) {
    const t = tokens[k]!;
    if (t.sentenceStart && k > j && !(tokens[k - 1]!.lower === 'avd' && t.cap)) return false;
    if (t.kind === Kind.NumClass) return true;
    if (t.kind === Kind.Num) return false;
    const l = t.lower;
    if (preschoolUnitAt(tokens, k)) return true;
    const b2 = t.bits2;
    if (b2 & C.CLASS_WORD && l !== 'år') {
      const next = tokens[k + 1];
      return !!next && classNumberOk(l, next);
    }
    if (b2 & (C.CLASS_ORDINAL | C.PRESCHOOL)) return true;
    if (!(b2 & C.CLASS_FILLER)) return false;
  }
  return false;
}

/** Generic nouns of school and preschool that a capitalised word before makes a named one ("Solrosens förskola"). */
const SCHOOL_NOUNS = words(`förskola förskolan skola skolan fritids fritidshem fritidshemmet school primary academy college gymnasium`);

/** A named school at token k: "Nossebroskolan", "Solrosens förskola", "förskolan Solen", "Oakwood Primary"; the index after it, or -1. */
function schoolAt(tokens: Token[], k: number): number {
  const t = tokens[k]!;
  if (t.kind !== Kind.Word) return -1;
  const l = t.lower;
  if (!t.cap && l !== 'förskolan' && l !== 'avdelning' && l !== 'avdelningen' && l !== 'skolan') return -1;
  if (t.cap && !GENERIC_SCHOOLS.has(l) && SCHOOL_ENDINGS.match(l, 3)) return k + 1;
  const next = tokens[k + 1];
  if (!next?.tight || next.kind !== Kind.Word) return -1;
  // "förskolan Solen", "avdelning Blåbär"
  if (
    (l === 'förskolan' || l === 'avdelning' || l === 'avdelningen' || l === 'skolan') &&
    next.cap &&
    !COMMON_WORDS.has(next.lower) &&
    !NEVER_NAMES.has(next.lower)
  )
    return k + 2;
  // "Solrosens förskola", "Oakwood Primary"
  if (t.cap && !t.sentenceStart && SCHOOL_NOUNS.has(next.lower) && !COMMON_WORDS.has(l) && !NEVER_NAMES.has(l) && !isContextWord(l))
    return k + 2;
  return -1;
}

/** A named school right after (fillers allowed): "på Nossebroskolan", "at Oakwood Primary"; the index after it, or -1. */
function schoolAfter(tokens: Token[], j: number): number {
  for (let k = j, seen = 0; k < tokens.length && seen < 4; k++, seen++) {
    const t = tokens[k]!;
    if (t.sentenceStart && k > j) return -1;
    const at = schoolAt(tokens, k);
    if (at > 0) return at;
    if (t.kind !== Kind.Word || !(t.bits2 & C.CLASS_FILLER)) return -1;
  }
  return -1;
}

function ageAfter(tokens: Token[], j: number, text: string, birthYears = false): boolean {
  for (let k = j, seen = 0; k < tokens.length && seen < 5; k++, seen++) {
    const t = tokens[k]!;
    if (t.sentenceStart && k > j) return false;
    if (t.kind === Kind.Num) {
      const v = Number(t.lower);
      const len = t.end - t.start;
      const next = tokens[k + 1];
      if (len <= 2 && v <= 25) {
        if (next?.tight && (next.bits2 & C.AGE_WORD || next.lower.startsWith('åring'))) return true;
        if (
          next &&
          !next.tight &&
          (next.lower.startsWith('åri') || next.lower.startsWith('year')) &&
          text.charCodeAt(next.start - 1) === 45
        )
          return true;
        // "Ali (12)" or "Ali, 12, har"
        if (text.charCodeAt(t.start - 1) === 40 && text.charCodeAt(t.end) === 41) return true;
        if (k === j && t.softBreak && text.charCodeAt(t.end) === 44) return true;
        return false;
      }
      // "Elsa Berg (2015)", "Leo, 2014, bor hos mormor": a birth year, in a message about a child.
      if (
        birthYears &&
        k === j &&
        len === 4 &&
        v >= 1990 &&
        v <= 2035 &&
        (text.charCodeAt(t.start - 1) === 40 || (t.softBreak && text.charCodeAt(tokens[k - 1]!.end) === 44))
      )
        return true;
      return false;
    }
    if (t.kind === Kind.NumClass) return false;
    if (t.bits2 & C.BORN) {
      const next = tokens[k + 1];
      return (
        !!next &&
        next.kind === Kind.Num &&
        (next.end - next.start === 4 || next.end - next.start === 2 || next.end - next.start === 6 || next.end - next.start === 8)
      );
    }
    if (!(t.bits2 & C.AGE_FILLER)) return false;
  }
  return false;
}

/** "14-åriga Amina", "12-year-old Maya", "12 year old Maya". */
function ageBefore(tokens: Token[], i: number): boolean {
  const p = tokens[i - 1];
  const pp = tokens[i - 2];
  if (!p || !pp) return false;
  if (pp.kind === Kind.Num && /^åri(ga|ge|ng)$/.test(p.lower)) return true;
  if (pp.kind === Kind.Num && (p.lower === 'year-old' || p.lower === 'years-old')) return true;
  const ppp = tokens[i - 3];
  return p.lower === 'old' && pp.lower.startsWith('year') && !!ppp && ppp.kind === Kind.Num;
}

/** Nouns of a note about someone: "Uppdatering om …", "Follow-up on …". */
const NOTE_NOUNS = words(
  `uppdatering update follow-up followup uppföljning info information nytt news lägesbild status påminnelse reminder fråga question concern concerns anteckning anteckningar note notes rapport report
  plan planen vårdplan vårdplanen genomförandeplan genomförandeplanen handlingsplan handlingsplanen åtgärdsprogram åtgärdsprogrammet careplan`,
);
const SUBJECT_MARKERS = words(
  `gäller gällande angående ang rörande beträffande concerning regarding re lyfta lyfter lyfte diskutera diskuterar discuss raise`,
);
const ABOUT = words(`om gällande angående ang rörande beträffande för av about regarding re for concerning on`);

function childNounBefore(tokens: Token[], i: number): boolean {
  const p = tokens[i - 1];
  // The word right before the name, nothing but blanks between (a token's `tight` says so of the gap before it).
  if (!p || !tokens[i]!.tight) return false;
  if (CHILD_NOUNS_BEFORE.has(p.lower) || p.lower === 'heter' || p.lower === 'hette') return true;
  // "mamma till Ali", "pappa till Sara", "sonen till Lena Ek", "the mother of Ali".
  const pp = tokens[i - 2];
  if (
    (p.lower === 'till' || p.lower === 't' || p.lower === 'of') &&
    pp &&
    p.tight &&
    (FAMILY_WORDS.has(pp.lower) || KIN_NOUNS.has(pp.lower))
  )
    return true;
  // "Det gäller Ronja igen", "Ang. Ebba", "Kan vi lyfta Alice", "Kan vi ta upp Malte": what the message is about.
  if (SUBJECT_MARKERS.has(p.lower)) return true;
  if (
    p.lower === 'upp' &&
    tokens[i - 2] &&
    (tokens[i - 2]!.lower === 'ta' || tokens[i - 2]!.lower === 'tar' || tokens[i - 2]!.lower === 'tog')
  )
    return true;
  // "Uppdatering om Max:", "Follow-up on Poppy:", "Påminnelse om Kevin", "a care plan for Isabella": a note or a plan about the name.
  if (ABOUT.has(p.lower) && pp && p.tight && NOTE_NOUNS.has(pp.lower)) return true;
  // "orosanmälan om leo nyström", "SIP-möte för Nora", "placeringen av William": the case is about the name.
  return ABOUT.has(p.lower) && !!pp && p.tight && isContextWord(pp.lower) && !isRoleToken(pp) && !FAMILY_WORDS.has(pp.lower);
}

/** The text between two tokens is only a full stop and spaces ("Dr. Lind"). */
function dotGap(text: string, a: Token, b: Token): boolean {
  for (let k = a.end; k < b.start; k++) {
    const c = text.charCodeAt(k);
    if (c !== 46 && c !== 32 && c !== 9 && c !== 0xa0) return false;
  }
  return true;
}

/** A role word right after a name, past a comma and a determiner: "Lena Ek, vår kurator", "Ms Smith, the class teacher". */
function roleAfter(tokens: Token[], j: number): boolean {
  const a = tokens[j];
  if (!a) return false;
  if (isRoleToken(a)) return !(a.softBreak && startsClause(tokens, j + 1));
  if (!a.softBreak || !DETERMINERS.has(a.lower)) return false;
  for (let k = j + 1; k < j + 6 && k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.sentenceStart) return false;
    if (isRoleToken(t)) return !startsClause(tokens, k + 1);
  }
  return false;
}

/** "Isla Brown, the school nurse is worried": a verb right after the role makes it a new clause's subject, not an apposition. */
function startsClause(tokens: Token[], k: number): boolean {
  const t = tokens[k];
  return !!t && t.tight && t.kind === Kind.Word && (t.bits2 & (C.PERSON_VERB | C.AUXILIARY)) !== 0 && t.lower !== 'på' && t.lower !== 'i';
}

/**
 * A role word right before ("rektor Anna Berg", "vår kurator Lena", "Dr. Lind") or right after with a comma, dash,
 * parenthesis or line break. A genitive name ("Alis mentor") is not the role. In a case, "Ella på BUP" is not staff
 * by the unit alone: children go to BUP and HAB.
 */
function roleAround(tokens: Token[], i: number, j: number, text: string, context: boolean, genitive: boolean, subject = false): boolean {
  const t = tokens[i]!;
  const p = tokens[i - 1];
  if (p && !t.sentenceStart && isRoleToken(p)) return true;
  if (p && DOCTOR_TITLES.has(p.lower) && dotGap(text, p, t)) return true;
  if (p && COURTESY_TITLES.has(p.lower) && dotGap(text, p, t)) {
    const pp = tokens[i - 2];
    if ((pp && isRoleToken(pp)) || roleAfter(tokens, j)) return true;
  }
  const pp = tokens[i - 2];
  if (p && pp && isRoleToken(pp) && (p.lower === 'rektor' || p.lower === 'kurator' || p.lower === 'ansvarig')) return true;
  // "The new safeguarding lead is Amy Clarke", "Vår nya skolpsykolog heter Ronja Ek", "Ordförande i gruppen är Jonas Lind",
  // "BUP har bytt kontaktperson, nu är det Amanda Ek".
  let cop = i - 1;
  while (cop > 0 && cop > i - 3 && tokens[cop]!.bits2 & C.COPULA_FILLER && !tokens[cop + 1]!.sentenceStart) cop--;
  const copula = tokens[cop];
  if (
    copula &&
    cop < i &&
    !tokens[cop + 1]!.sentenceStart &&
    (copula.lower === 'är' ||
      copula.lower === 'is' ||
      copula.lower === 'heter' ||
      copula.lower === 'blir' ||
      copula.lower === 'was' ||
      copula.lower === 'blev')
  ) {
    for (let k = cop - 1; k >= 0 && k >= cop - 8; k--) {
      if (isRoleToken(tokens[k]!)) return true;
      if (tokens[k + 1]!.sentenceStart || tokens[k]!.bits2 & C.KIN || tokens[k]!.bits & B.SINGLE) break;
    }
  }
  // "God man Peter Svensson", "gode man Lena Ek"
  if (p && pp && (p.lower === 'man' || p.lower === 'mannen') && (pp.lower === 'god' || pp.lower === 'gode')) return true;
  // "Rektor på Nossebroskolan, Eva Lund, …": a title with its workplace, then the name.
  const ppp = tokens[i - 3];
  if (
    t.softBreak &&
    !t.sentenceStart &&
    pp &&
    ppp &&
    (pp.lower === 'på' ||
      pp.lower === 'vid' ||
      pp.lower === 'at' ||
      pp.lower === 'från' ||
      pp.lower === 'from' ||
      pp.lower === 'i' ||
      pp.lower === 'in') &&
    isRoleToken(ppp)
  )
    return true;
  if (genitive) return false;
  if (roleAfter(tokens, j)) return true;
  // "orosanmälan om leo nyström från bvc": the case's subject, whoever sent it.
  if (subject) return false;
  const a = tokens[j];
  // "Lena Ek som är kurator", "Lena från soc", "Johan på skolan".
  if (a && (a.lower === 'från' || a.lower === 'på' || a.lower === 'hos' || a.lower === 'at' || a.lower === 'from')) {
    let b = tokens[j + 1];
    // "Emma from the council"
    if (b && (b.lower === 'the' || b.lower === 'our') && tokens[j + 2]) b = tokens[j + 2];
    if (b && (ORG_AFTER_FROM.has(b.lower) || b.allCaps)) {
      if (!(context && PATIENT_ORGS.has(b.lower) && a.lower !== 'från' && a.lower !== 'from')) return true;
      // "Dr Lind på BUP", "Anna Berg, kurator på BUP" are caught above; a role after the unit still counts.
      if (roleAfter(tokens, j + 2)) return true;
    }
  }
  // "Lena Ek och Johan Berg från socialtjänsten": a role after the second name covers both.
  if (a && a.lower === 'och') {
    let k = j + 1;
    while (k < tokens.length && k < j + 4 && tokens[k]!.cap && tokens[k]!.tight) k++;
    if (k > j + 1 && k < tokens.length && roleAround(tokens, j + 1, k, text, context, false)) return true;
  }
  if (a && (a.lower === 'som' || a.lower === 'who')) {
    const b = tokens[j + 1];
    const c = tokens[j + 2];
    if (
      b &&
      (b.lower === 'är' || b.lower === 'jobbar' || b.lower === 'is' || b.lower === 'works') &&
      c &&
      (isRoleToken(c) ||
        c.lower === 'som' ||
        c.lower === 'as' ||
        (DETERMINERS.has(c.lower) && !!tokens[j + 3] && isRoleToken(tokens[j + 3]!)))
    )
      return true;
  }
  // "Fatima Ali som ny skolkurator", "Hugo Lind är ny verksamhetschef", "Chloe is our new family support worker",
  // "Rasmus och Tove börjar som socialsekreterare".
  const v = predicateAt(tokens, j);
  const b = tokens[v];
  // "började idag som", "started today as": a time between the verb and its "som".
  let asWord = v + 1;
  while (asWord < v + 3 && tokens[asWord] && JOB_TIMES.has(tokens[asWord]!.lower) && !tokens[asWord]!.sentenceStart) asWord++;
  const asAt =
    b && JOB_VERBS.has(b.lower) && tokens[asWord] && (tokens[asWord]!.lower === 'som' || tokens[asWord]!.lower === 'as') ? asWord : j;
  const c = tokens[asAt];
  if (c && (c.lower === 'som' || c.lower === 'är' || c.lower === 'blir' || c.lower === 'is' || c.lower === 'as' || c.lower === 'becomes')) {
    for (let k = asAt + 1; k < asAt + 6 && k < tokens.length; k++) {
      const u = tokens[k]!;
      if (u.sentenceStart) break;
      if (isRoleToken(u)) return !startsClause(tokens, k + 1);
      if (!ROLE_MODIFIERS.has(u.lower)) break;
    }
  }
  // "Lena är i 7B som resurs i dag", "Lena började i 7B som mentor": past the class to a title as what the name is there.
  for (let k = j, seen = 0; k < tokens.length && seen < 5; k++, seen++) {
    const u = tokens[k]!;
    if (k > j && (u.sentenceStart || u.softBreak)) break;
    if (u.kind === Kind.Word && (u.lower === 'som' || u.lower === 'as') && k > j && tokens[k - 1]!.kind === Kind.NumClass) {
      for (let m = k + 1; m < k + 5 && m < tokens.length; m++) {
        const w = tokens[m]!;
        if (w.sentenceStart) break;
        if (isRoleToken(w)) return !startsClause(tokens, m + 1);
        if (!ROLE_MODIFIERS.has(w.lower)) break;
      }
      break;
    }
    if (u.kind !== Kind.NumClass && !(u.bits2 & C.CLASS_FILLER)) break;
  }
  // A name in parentheses with a unit: "Eva Strand (BUP)", "Per Holm (polisen)".
  if (a && text.charCodeAt(a.start - 1) === 40 && (ORG_AFTER_FROM.has(a.lower) || a.allCaps || isRoleToken(a))) return true;
  return false;
}

const CONJUNCTIONS = new Set(['och', 'eller', 'samt', 'and', 'or']);

/** After a name: past "på BUP", "från soc" and a nickname in parentheses, where the predicate begins. */
function predicateAt(tokens: Token[], j: number): number {
  // "Lena och Johan tar …", "Sofia eller Anders": the shared predicate after the second name.
  const c = tokens[j];
  if (
    c &&
    CONJUNCTIONS.has(c.lower) &&
    tokens[j + 1] &&
    tokens[j + 1]!.cap &&
    !tokens[j + 1]!.sentenceStart &&
    (tokens[j + 1]!.bits & B.GIVEN || couldBeUnknownName(tokens[j + 1]!))
  ) {
    j += 2;
    if (tokens[j] && isSurname(tokens[j], true)) j++;
  }
  const a = tokens[j];
  if (a && (a.lower === 'på' || a.lower === 'hos' || a.lower === 'från' || a.lower === 'at' || a.lower === 'from')) {
    const b = tokens[j + 1];
    if (b && (ORG_AFTER_FROM.has(b.lower) || b.allCaps)) return j + 2;
  }
  return j;
}

/** A case's adults as notes name them: the family, the parents, the guardians ("vh"). */
const CASE_ADULTS = ['familjen', 'mamman', 'pappan', 'vårdnadshavare', 'vårdnadshavaren', 'vårdnadshavarna', 'föräldrarna', 'vh'];
/** When a professional plans to do something: "i morgon", "på måndag", "nästa vecka". */
const PLANNING_TIMES = ['morgon', 'imorgon', 'eftermiddag', 'förmiddag', 'måndag', 'tisdag', 'onsdag', 'torsdag', 'fredag', 'nästa'];

/** Things a professional handles: in the clause after a verb they make its subject a colleague. */
const WORK_OBJECTS = new Set([
  ...CASE_ADULTS,
  ...PLANNING_TIMES,
  ...words(
    `kallelse kallelsen kallelser blankett blanketten samtyckesblankett samtyckesblanketten protokoll protokollet rummet dokumentation dokumentationen journal journalen över återkommer återkoppla systemet listan listor underlag underlaget samtycke samtycket mejl mejlet mail mailet rapport rapporten statistik sip-mötet dagordning dagordningen inbjudan agenda minutes form report parents tomorrow monday tuesday wednesday thursday friday kollegor kollegorna teamet gruppen nämnden chefen orosanmälningar orosanmälningarna ärendena sip:en sip:ar sip:arna sip-mötena familjerna eleverna frågor frågorna ansvar ansvaret samverkansgruppen styrgruppen uppdrag rekrytering rekryteringen handlingsplanen team cases inbox rota questions emails files rutinen nätverket kallelserna kallelse förslag förslaget sammanställning sammanställningen presentation presentationen material materialet genomgång genomgången enkät enkäten systemet länken mappen kalendern flowchart policy procedure slides figures spreadsheet template`,
  ),
]);
/** A case's adults and planning times: a professional's objects after a colleague verb ("ringer mamman i eftermiddag"), not otherwise. */
const KIN_AND_TIME_OBJECTS = new Set([
  ...CASE_ADULTS,
  ...PLANNING_TIMES,
  ...words(
    `ärende ärendet kontakt tillbaka upp beslut beslutet soc socialtjänsten orosanmälan anmälan utredning utredningen remiss remissen referral parents tomorrow monday tuesday wednesday thursday friday`,
  ),
]);
/** Children's helplines: only a child calls them. */
const HELPLINES = new Set(['bris', 'childline', 'hjälptelefon', 'hjälptelefonen', 'jourhavande']);
/** After "sin"/"sina", things of one's own that are a professional's, not a child's ("tar med sig sin dator"). */
const OWN_WORK = words(
  `dator datorn kalender kalendern chef chefen kollegor kollega klienter telefon anteckningar schema ärenden möten team grupp laptop colleagues manager caseload cases notes diary`,
);
const AUXILIARIES = words(
  `har hade ska skulle kan kunde måste kommer att inte hunnit tänker behöver vill får också redan gärna nog will can could has had not is going to also already ll`,
);

/** Endings of work documents and gatherings: "frånvarorapporten", "hämtningslistan", "SIP-mötena". */
const WORK_ENDINGS = new Endings([
  'rapporten',
  'rapport',
  'listan',
  'listor',
  'listorna',
  'mallen',
  'rutinen',
  'rutiner',
  'underlaget',
  'protokollet',
  'kallelserna',
  'statistiken',
  'enkäten',
  'planen',
  'mötet',
  'mötena',
  'möten',
  'schemat',
  'blanketten',
  'blanketter',
  'ärendena',
  'anmälningar',
  'anmälningarna',
  'placeringar',
  'placeringarna',
  'utredningar',
  'utredningarna',
  'insatserna',
  'samverkan',
  'uppdraget',
  'tjänsten',
]);

/**
 * How much the rest of a clause after a name or a verb says its subject is a child (above 0) or a professional
 * (below 0): what a child brings, suffers, writes or whom a child turns to ("tog med sig en kniv", "ringde sin mamma",
 * "mejlade mentorn ett hot i natt") against what a professional handles ("ringer mamman i eftermiddag", "tar med
 * blanketten till SIP-mötet", "svarar på frågor om placeringarna").
 */
function clauseScore(tokens: Token[], from: number, afterVerb = true): number {
  let score = 0;
  for (let k = from; k < tokens.length && k < from + 14; k++) {
    const t = tokens[k]!;
    // A comma or a full stop ends the clause: what follows has a subject of its own.
    if (k > from && (t.sentenceStart || t.softBreak)) break;
    if (t.kind !== Kind.Word) continue;
    const l = t.lower;
    const b = t.bits;
    if (b & B.CLAUSE) score += HELPLINES.has(l) ? 2 : 1;
    // "vågar inte gå hem", "daren't go home": afraid of home, a child's words.
    else if (DARE.has(l) && goesHome(tokens, k)) score += 2;
    else if (b & B.VERB_OBJECT) score -= afterVerb ? 1 : 0;
    // A parent without an article is one's own: "har semester med pappa", "bor hos mormor".
    else if (!afterVerb && b & B.KIN) score++;
    else if (b & B.WORK || (l.length > 6 && featuresOf(t) & W.WORK_ENDING)) score--;
    // Whom a child turns to ("mejlade mentorn"), against staff in general ("alla mentorer").
    else if (isRoleToken(t)) {
      const q = tokens[k - 1]?.lower ?? '';
      score +=
        q === 'alla' || q === 'all' || q === 'samtliga' || q === 'berörda' || q === 'varje' || q === 'every'
          ? -0.5
          : l.endsWith('n')
            ? 0.5
            : 0;
    }
    if (b & B.OWN) {
      // The noun it governs, past up to two modifiers: "sin lillebror", "her safeguarding meetings".
      let head = -1;
      let work = false;
      for (let m = k + 1; m < tokens.length && m <= k + 3; m++) {
        const u = tokens[m]!;
        if (u.softBreak || u.sentenceStart) break;
        if (u.bits2 & (C.OWN_WORK | C.WORK_NOUN | C.WORK_OBJECT)) {
          work = true;
          head = m;
          break;
        }
        if (u.bits2 & (C.KIN | C.KIN_NOUN | C.CHILD_CLAUSE) || isRoleToken(u)) {
          head = m;
          break;
        }
      }
      if (work) score -= 1;
      else if (head > 0) score += 2;
      // "sina BUP-tider": Swedish "sin" is the subject's own; English "her" may be someone else's.
      else if (l === 'sin' || l === 'sina' || l === 'sitt') score += 1;
      if (head > 0) k = head;
    }
  }
  return score;
}

const DARE = words(`vågar vågade törs tordes dare dares daren`);
const HOME = words(`hem hemma home`);

/** "hem" or "home" within the three words after token k, in its clause. */
function goesHome(tokens: Token[], k: number): boolean {
  for (let m = k + 1; m < tokens.length && m <= k + 3; m++) {
    const u = tokens[m]!;
    if (u.sentenceStart || u.softBreak) return false;
    if (HOME.has(u.lower)) return true;
  }
  return false;
}

function childClause(tokens: Token[], from: number): boolean {
  return clauseScore(tokens, from) >= 1;
}

/** The predicate after a name is professional work: a colleague verb, "har bokat", "kan inte ta", "will call", not about a child. */
function colleagueVerbAt(tokens: Token[], v: number): boolean {
  let k = v;
  while (k < tokens.length && k < v + 3 && tokens[k]!.bits2 & C.AUXILIARY && !(k > v && tokens[k]!.sentenceStart)) k++;
  const a = tokens[k];
  if (!a || (k > v && a.sentenceStart)) return false;
  if (!(a.bits2 & (C.COLLEAGUE_VERB | C.COLLEAGUE_SUPINE))) return false;
  return !childClause(tokens, k + 1);
}

const CONTACT_IMPERATIVES = words(
  `kontakta ring fråga mejla maila hälsa tacka tack kalla bjud invite contact ask call email thank thanks cc`,
);
/** Welcomes and congratulations: the name after them is a colleague's ("Vi välkomnar Fatima Ali som …"). */
const WELCOMES = new Set(['välkomnar', 'välkommen', 'välkomna', 'grattis', 'gratulerar', 'welcome', 'congratulations', 'congrats']);
/** Verbs both children and colleagues do, that make a colleague only with work after them ("svarar på frågor"). */
const WEAK_COLLEAGUE_VERBS = words(`svarar svarade kör körde går gick har hade är var fixar gör gjorde answers is has does runs`);

/** Later in the sentence, a child's signs: a parent or a "han"/"hon" doing something, a danger, a helpline. */
function childLater(tokens: Token[], from: number): boolean {
  for (let k = from; k < tokens.length && k < from + 25; k++) {
    const t = tokens[k]!;
    if (k > from && t.sentenceStart) break;
    if (t.bits & B.CLAUSE) return true;
    const n = tokens[k + 1];
    if (t.bits & B.KIN && n && n.tight && n.bits2 & C.PERSON_VERB) return true;
  }
  return false;
}

function colleagueAround(tokens: Token[], i: number, j: number, text: string): boolean {
  const p = tokens[i - 1];
  const t = tokens[i]!;
  if (t.mention || t.slash) return true;
  if (
    p &&
    GREETING_WORDS.has(p.lower) &&
    (p.sentenceStart ||
      i - 1 === 0 ||
      !tokens[i - 2] ||
      tokens[i - 2]!.sentenceStart ||
      p.lower === 'tack' ||
      p.lower === 'hej' ||
      p.lower === 'thanks' ||
      p.lower === 'hi')
  )
    return true;
  if (p && (p.lower === 'och' || p.lower === 'and') && (tokens[i - 2]?.lower === 'jag' || tokens[i - 2]?.lower === 'i')) return true;
  if (p && WELCOMES.has(p.lower)) return true;
  // "…, kontakta Erik istället", "Please thank Oliver", "Hälsa Lisa att …": someone to contact or thank.
  if (
    p &&
    CONTACT_IMPERATIVES.has(p.lower) &&
    (p.sentenceStart ||
      p.softBreak ||
      i - 1 === 0 ||
      (tokens[i - 2] && (tokens[i - 2]!.lower === 'please' || tokens[i - 2]!.lower === 'vänligen')))
  )
    return true;
  const v = predicateAt(tokens, j);
  const a = tokens[v];
  if (colleagueVerbAt(tokens, v)) return true;
  // "Emma svarar på frågor om placeringarna", "Kajsa har fått ansvar för samverkan": work, whatever the verb,
  // unless the sentence goes on about a child ("…, pappan säger att han sover").
  if (
    ((a && WEAK_COLLEAGUE_VERBS.has(a.lower) && clauseScore(tokens, v + 1, false) <= -1) || clauseScore(tokens, v, false) <= -2) &&
    !childLater(tokens, v)
  )
    return true;
  if (a && (a.lower === 'och' || a.lower === 'and') && (tokens[v + 1]?.lower === 'jag' || tokens[v + 1]?.lower === 'i')) return true;
  // "Kan Sara ta …", "Kan du, Sara, …"
  if (
    p &&
    (p.lower === 'kan' || p.lower === 'skulle' || p.lower === 'vill' || p.lower === 'can' || p.lower === 'could') &&
    a &&
    a.bits2 & C.COLLEAGUE_VERB &&
    !childClause(tokens, v + 1)
  )
    return true;
  if (
    p &&
    (p.lower === 'kan' || p.lower === 'vill' || p.lower === 'skulle') &&
    tokens[v + 1] &&
    tokens[v + 1]!.bits2 & C.COLLEAGUE_VERB &&
    !childClause(tokens, v + 2)
  )
    return true;
  if (
    a?.softBreak &&
    (a.lower === 'kan' || a.lower === 'vill' || a.lower === 'tar' || a.lower === 'can' || a.lower === 'could') &&
    (tokens[v + 1]?.lower === 'du' || tokens[v + 1]?.lower === 'you')
  )
    return true;
  return signatureAt(tokens, i, j, text);
}

/**
 * A name closing the message on its own line (or after a full stop) is a signature when a greeting or a slash or
 * dash marks it, or when the text before it names someone else. A bare name after a case that names no one is the
 * child the case is about.
 */
function signatureAt(tokens: Token[], i: number, j: number, text: string): boolean {
  const t = tokens[i]!;
  if (i === 0 || !t.sentenceStart || j < tokens.length - 1) return false;
  // "- Lena", "–Lena", "// Lena" on the name's own line (a dash on a line of its own is only a separator).
  for (let k = t.start - 1; k >= tokens[i - 1]!.end; k--) {
    const c = text.charCodeAt(k);
    if (c === 10 || c === 13) break;
    if (c === 45 || c === 0x2013 || c === 0x2014 || c === 47) return true;
  }
  // "Mvh Lena", "Hälsningar\nLena", "Tack!\nLena", and a letter that opens with "Hej".
  for (let k = i - 1; k >= 0 && k >= i - 3; k--) if (SIGN_OFFS.has(tokens[k]!.lower)) return true;
  const first = tokens[0]!;
  if (
    first.lower === 'hej' ||
    first.lower === 'hejsan' ||
    first.lower === 'hi' ||
    first.lower === 'hello' ||
    first.lower === 'dear' ||
    first.lower === 'hallå' ||
    first.lower === 'tjena'
  )
    return true;
  // The case text names someone else: the last name is the writer's.
  for (let k = 0; k < i; k++) {
    const u = tokens[k]!;
    if (
      u.kind === Kind.Word &&
      u.cap &&
      !u.allCaps &&
      (isGivenName(u.lower) || (u.colonS && isGivenName(u.lower))) &&
      !(u.sentenceStart && isAmbiguous(u.lower))
    )
      return true;
  }
  return false;
}

/** Where someone works from, not who they are: no sign of a child by itself ("jobbar hemma idag"). */
const PLACE_WORDS = new Set(['hemma', 'hem', 'hemifrån', 'home']);

/** Endings of staff gatherings: "BUP-mötet", "nätverksträffen", "APT-mötet", "länskonferensen". */
const LOGISTIC_ENDINGS = new Endings([
  'mötet',
  'nätverket',
  'nätverksträffen',
  'träffen',
  'konferensen',
  'utbildningen',
  'kursen',
  'seminariet',
  'studiedagen',
  'planeringsdagen',
]);

/** What a word says of a clause about a named person: 1 staff logistics, 2 a child's own sign, 0 neither. */
/** Part of a name of several capitalised words inside a sentence: "Rädda Barnen", "Barnens Hus". */
function properNoun(t: Token, prev: Token | undefined, next: Token | undefined): boolean {
  if (!t.cap || t.sentenceStart) return false;
  return (!!prev && prev.cap && t.tight && !prev.sentenceStart) || (!!next && next.cap && next.tight);
}

/** LOGISTIC_ENDINGS.match(t.lower, 2), from the word's features when it is a word. */
function logisticEnding(t: Token): boolean {
  return t.kind === Kind.Word ? (featuresOf(t) & W.LOGISTIC_ENDING) !== 0 : LOGISTIC_ENDINGS.match(t.lower, 2);
}

function logisticsSign(t: Token, staffTalk: boolean, next: Token | undefined, prev?: Token): number {
  const b = t.bits;
  const l = t.lower;
  // A capital inside a sentence is a proper noun: "Rädda Barnen", "Barnens hus" are organisations, not a child's sign;
  // "barn", "familjer" are the work's subject in general ("föreläser om barn i utsatthet").
  const b2 = t.bits2;
  if (b & B.CHILDISH && (properNoun(t, prev, next) || b2 & C.INSTITUTIONAL)) return b & B.LOGISTIC ? 1 : 0;
  if (b & B.OWN) return next && next.bits2 & (C.OWN_WORK | C.WORK_NOUN) ? 1 : 2;
  if (!(b & (B.LOGISTIC | B.CHILDISH))) return l.length > 6 && logisticEnding(t) ? 1 : 0;
  if (b & B.PLACE) return 0;
  // Only a child's own signs count against logistics: "orosanmälningar", "SIP" and "ärenden" are staff work too.
  if (b2 & (C.CHILD_CLAUSE | C.KIN | C.KIN_NOUN | C.SINGLED_CHILD | C.EN_CHILD)) return 2;
  if (b2 & C.LOGISTICS || (staffTalk && b2 & C.LOGISTICS_WEAK) || logisticEnding(t)) return 1;
  return 0;
}

/** The clause around a name is staff logistics ("Lena är sjukskriven", "utbildningen leds av Anna Berg"). */
function logisticsAround(tokens: Token[], i: number, j: number, staffTalk: boolean): boolean {
  let logistic = false;
  for (let k = j; k < tokens.length && k < j + 10; k++) {
    const t = tokens[k]!;
    if (k > j && (t.sentenceStart || t.softBreak)) break;
    const sign = logisticsSign(t, staffTalk, tokens[k + 1], tokens[k - 1]);
    if (sign === 2) return false;
    if (sign === 1) logistic = true;
  }
  for (let k = i - 1; k >= 0 && k >= i - 8; k--) {
    const next = tokens[k + 1]!;
    if (next.sentenceStart || next.softBreak) break;
    const sign = logisticsSign(tokens[k]!, staffTalk, tokens[k + 1], tokens[k - 1]);
    if (sign === 2) return false;
    if (sign === 1) logistic = true;
  }
  return logistic;
}

function officialMatch(name: string, first: string, officials: ReadonlySet<string>): boolean {
  return officials.size > 0 && (officials.has(name) || officials.has(first));
}

/** How many tokens from i spell out an official's full name (2 or 3), or 0. */
function officialSpelledOut(tokens: Token[], i: number, officials: ReadonlySet<string>): number {
  if (officials.size === 0) return 0;
  let name = tokens[i]!.lower;
  for (let k = i + 1; k < i + 3 && k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.kind !== Kind.Word) return 0;
    name += ` ${t.lower}`;
    const normalised = plainLatin(name) ? name : normaliseName(name);
    if (officials.has(normalised)) return k - i + 1;
  }
  return 0;
}

const OPEN_QUOTES = new Set([34, 39, 0x201c, 0x201d, 0x2018, 0x2019, 0xab, 0xbb, 0x201e]);

/** "Mohammed (Mo)", 'Mustafa "Musse"': a short capitalised word in parentheses or quotes right after a name is a nickname. */
/** "Kalle-Kula", "Moa-Mo", "Kompis-Elin": a given name with a capitalised nickname joined by a hyphen. */
function hyphenNickname(text: string, t: Token): boolean {
  const dash = t.lower.indexOf('-');
  if (dash <= 1 || !t.cap || !isUpperCode(text.charCodeAt(t.start + dash + 1))) return false;
  // "Kalle-Kula", and "Kompis-Elin": either half a given name, both capitalised.
  return GIVEN_NAMES.has(t.lower.slice(0, dash)) || GIVEN_NAMES.has(t.lower.slice(dash + 1));
}

/**
 * The shape of a Swedish pet name: a short stem, a doubled consonant and a pet ending ("Mackan", "Sessan", "Bebben",
 * "Totte", "Lillen", "Nisse"), which the noun endings would otherwise turn away. Only a candidate: a name outside
 * the lexicon still needs a class, an age, a child word before it or a surname. The endings -an and -en are also a
 * noun's definite form ("Klockan i 8B är trasig"), so those count only in a message about a child or with a person (a
 * pronoun, a relative) later on its line.
 */
const NICKNAME_SHAPE = /^[^aeiouyåäö]{0,2}[aeiouyåäö](bb|dd|ff|gg|kk|ck|ll|mm|nn|pp|rr|ss|tt|jj|zz)(an|en|e|is|o|y|ie|i)$/;
function nicknameShape(t: Token, tokens: Token[], i: number, childContext: boolean): boolean {
  if (t.kind !== Kind.Word || t.lower.length < 4 || t.lower.length > 7) return false;
  if (t.bits & (B.COMMON | B.NEVER | B.CONTEXT | B.ROLE | B.FAMILY | B.CHILD_BEFORE | B.NOT_UNKNOWN)) return false;
  if (!(featuresOf(t) & W.NICKNAME)) return false;
  // The person on the line is looked for last: this runs for most words of a message.
  return childContext || !(t.lower.endsWith('an') || t.lower.endsWith('en')) || personInSentence(tokens, i + 1);
}

/**
 * "Tjorven i 2A har blåmärken", "Smulan på avdelning Blåbäret berättade …": in a message about a child, a capitalised
 * word in no list, with a class or a preschool unit right after it and a child's clause or a person later in the
 * sentence, is what the child is called, whatever its ending ("Klockan i 8B är trasig" has neither after the class).
 */
function petWithClass(tokens: Token[], i: number): boolean {
  const t = tokens[i]!;
  if (t.kind !== Kind.Word || !t.cap || t.allCaps || t.hyphen || t.lower.length < 4 || t.lower.length > 9) return false;
  if (t.bits & (B.COMMON | B.NEVER | B.CONTEXT | B.ROLE | B.FAMILY | B.CHILD_BEFORE | B.NOT_UNKNOWN | B.LOGISTIC | B.PLACE)) return false;
  if (!classAfter(tokens, i + 1) || featuresOf(t) & (W.CONTEXT_WORD | W.ROLE)) return false;
  // A neuter or -or/-er noun's definite form is a thing's ("Teamet", "Datorn", "Hamstern"), not a pet name.
  if (t.lower.endsWith('et') || t.lower.endsWith('rn')) return false;
  // Past the class ("i 2A", "på avdelning Blåbäret", "i förskoleklassen") to what is said of the child.
  let k = i + 1;
  while (
    k < tokens.length &&
    k < i + 5 &&
    !tokens[k]!.sentenceStart &&
    (tokens[k]!.kind !== Kind.Word || !PERSON_ONLY_VERBS.has(tokens[k]!.lower)) &&
    !PATIENT_VERBS.has(tokens[k]!.lower)
  )
    k++;
  const v = tokens[k];
  if (!v) return false;
  // "Kan någon kolla till Tjorven i 2A? Mamma har inte hämtat henne.": the class ends the sentence, the next one has the
  // child as its object.
  if (v.sentenceStart) {
    for (let m = k; m < tokens.length && m < k + 12 && (m === k || !tokens[m]!.sentenceStart); m++)
      if (OBJECT_PRONOUNS.has(tokens[m]!.lower)) return !v.lineStart;
    return false;
  }
  return PERSON_ONLY_VERBS.has(v.lower);
}

/** The only word on the message's last line, after other lines. */
function loneLastLine(text: string, tokens: Token[], i: number): boolean {
  const t = tokens[i]!;
  if (i === 0 || i !== tokens.length - 1 || !t.lineStart) return false;
  for (let k = t.end; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (isLetterCode(c) || isDigitCode(c)) return false;
  }
  return true;
}

/** A named school and then its class, from token k: "på Åsens skola, åk 5", "at Oakwood Primary, year 4". */
function classAfterSchool(tokens: Token[], k: number): boolean {
  const end = schoolAfter(tokens, k);
  return end > 0 && classAfter(tokens, end);
}

/** A capitalised word in no word list, right after a name (blanks only between) and right before a class. */
function unknownSurnameBeforeClass(tokens: Token[], j: number): boolean {
  const u = tokens[j];
  if (!u || u.kind !== Kind.Word || !u.cap || u.allCaps || !u.tight || u.colonS || u.sentenceStart) return false;
  if (u.bits & (B.COMMON | B.NEVER | B.ROLE | B.CONTEXT | B.FAMILY | B.PLACE | B.LOGISTIC | B.SINGLE)) return false;
  return classAfter(tokens, j + 1);
}

/** The token after an aside in parentheses that opens right after token k-1 and holds two words or more; else k. */
function pastAside(text: string, tokens: Token[], k: number): number {
  const t = tokens[k];
  if (!t || k === 0 || isNickname(text, t)) return k;
  // Both searches are bounded: the gap before the aside, and 80 characters for the aside itself.
  let open = -1;
  for (let q = tokens[k - 1]!.end; q < t.start; q++) if (text.charCodeAt(q) === 40) open = q;
  if (open < 0) return k;
  let close = -1;
  for (let q = t.end; q < text.length && q - open <= 80; q++) {
    const c = text.charCodeAt(q);
    if (c === 10 || c === 40) return k;
    if (c === 41) {
      close = q;
      break;
    }
  }
  if (close < 0) return k;
  let m = k;
  while (m < tokens.length && tokens[m]!.start < close) m++;
  return m - k >= 2 ? m : k;
}

/** Object pronouns: "Mamma har inte hämtat henne". */
const OBJECT_PRONOUNS = new Set(['honom', 'henne', 'him', 'her']);

/** A child without an article's ending: "en kille i 9B som alla kallar Snobben". */
const A_CHILD = words(`kille tjej pojke flicka unge grabb boy girl kid`);

/** "pojken som kallas X", "en elev som alla kallar X", "a boy known as X": a person goes by the name (not a room). */
function calledBefore(tokens: Token[], i: number): boolean {
  const p = tokens[i - 1]!;
  let at: number;
  if (CALLED.has(p.lower)) at = i - 1;
  else if (p.lower === 'as' && tokens[i - 2]?.lower === 'known') at = i - 2;
  else return false;
  for (let k = at - 1; k >= 0 && k >= at - 5; k--) {
    const u = tokens[k]!;
    if (u.bits & (B.SINGLE | B.CHILD_BEFORE | B.KIN) || PERSON_REFS.has(u.lower) || A_CHILD.has(u.lower)) return true;
    if (u.sentenceStart) break;
  }
  return false;
}

/** A verb a person does right after a lower-case name ("amir ska …", "elsa har …"). */
function verbAfter(after: Token | undefined, next?: Token): boolean {
  if (!after?.tight) return false;
  if (after.bits2 & C.PERSON_VERB) return true;
  // "att wilmer inte har varit …": one adverb between.
  return MID_ADVERBS.has(after.lower) && !!next && next.tight && (next.bits2 & C.PERSON_VERB) !== 0;
}

const MID_ADVERBS = words(`inte också alltid aldrig redan fortfarande ofta ju nog bara not also always never still often just`);

/** "idag kom liam …", "igår var selma …": the subject after a verb that follows a time word opening the sentence. */
function invertedSubject(tokens: Token[], i: number): boolean {
  const v = tokens[i - 1];
  const a = tokens[i - 2];
  return !!v && !!a && v.tight && a.sentenceStart && (v.bits2 & C.PERSON_VERB) !== 0 && SENTENCE_ADVERBS.has(a.lower);
}

function isNickname(text: string, t: Token | undefined): boolean {
  if (!t || t.kind !== Kind.Word || !t.cap || t.allCaps || t.end - t.start > 12 || isRoleToken(t) || t.bits & B.COMMON) return false;
  const a = text.charCodeAt(t.start - 1);
  const b = text.charCodeAt(t.end);
  return (a === 40 && b === 41) || (OPEN_QUOTES.has(a) && OPEN_QUOTES.has(b));
}

/** What a person does that no thing or office does: tells, cries, refuses, sleeps. */
const PERSON_ACTS = ['berättade', 'berättar', 'berättat', 'grät', 'gråter', 'vägrar', 'vägrade', 'sover', 'sov'];

/** Verbs a person does as the subject of a sentence ("Iris fick ett utbrott", "om Julian kom dit"). */
const PERSON_VERBS = new Set([
  ...PERSON_ACTS,
  ...words(
    `mår mådde kom kommer sa säger sade slog slår blev fick rymde rymt bor bodde har hade är var går gick ska skulle verkar behöver känner kände tycker orkar äter åt skriker sitter satt gjorde vill kan kunde hittades saknas syns svarar pratar pratade träffade fyller fyllde började slutade is was has had says said told came comes lives goes went feels seems refuses refused cried ran got keeps needs wants disclosed arrived left missed`,
  ),
]);
/** Verbs only a person does: with them an unknown capitalised word inside a sentence is someone ("om Julian kom dit"). */
const PERSON_ONLY_VERBS = new Set([
  ...PERSON_ACTS,
  ...words(
    `mår mådde kom sa sade säger rymde rymt bodde bor skriker orkar äter känner kände tycker hittades slog slår fyller fyllde said told cried refuses refused lives feels ran disclosed arrived`,
  ),
]);
/**
 * What a child does, not a colleague at work, as the verb right after a name: "Ture vägrar gå in i klassrummet",
 * "Sam grät på rasten". With one, and no work in its clause ("vägrar ta fler ärenden"), a first name alone in a message
 * about the work is no colleague's.
 */
const CHILD_ACTS = words(`grät gråter gråtit vägrar vägrade vägrat rymde rymt rymmer skriker skrek cries cried refuses refused`);

/** Third-person words that, in the same sentence, say it is about a person ("… hon är avstängd"). */
const PERSON_REFS = words(`hon han hen henne honom hennes hans sig sin sina sitt she he her him his they them`);
/** Prepositions of place: an unknown capitalised word after them is a place ("på Ersta Sköndal", "i Vara"). */
const PLACE_PREPOSITIONS = new Set(['på', 'i', 'vid', 'mot', 'via', 'utanför', 'inne', 'till', 'från', 'at', 'in', 'to', 'from', 'near']);
/** Before a lower-case name, prepositions that make an ambiguous word a date or a measure ("i juni", "per år"). */
const DATE_PREPOSITIONS = words(`i per varje sedan sen från till under efter före innan in since every each by`);
/** Sending verbs and things sent: a name after "till" with them is a colleague receiving ("skicka listorna till Irene"). */
const SEND_WORDS = words(
  `skicka skickar skickas skickade mejla mejlar mejlas maila mailar lämna lämnar lämnas anmälan anmälningar frågor synpunkter svar vidarebefordra send sent email forward questions rsvp replies hör hörs vänd vänder hänvisa hänvisar hänvisas ring ringa speak talk reach contact ask go refer fördelas fördelar fördela delas distributed split shared reallocated passed över vikarierar ersätter efterträder replaces covering covers over påminnelse påminnelser reminder thanks tack grattis välkommen`,
);

/** "Vilda är på BUP varje tisdag", "Leon går på HAB", "Frans är hos BUP för utredning": a patient of a children's clinic. */
function patientAfter(tokens: Token[], j: number): boolean {
  let k = j;
  for (let n = 0; n < 2 && k < tokens.length && PATIENT_VERBS.has(tokens[k]!.lower); n++) k++;
  if (k === j) return false;
  // "har tid hos BUP", "has an appointment at CAMHS"
  for (let n = 0; n < 2 && k < tokens.length && APPOINTMENT_WORDS.has(tokens[k]!.lower); n++) k++;
  const a = tokens[k];
  if (!a || a.sentenceStart) return false;
  let b = a;
  if (a.lower === 'på' || a.lower === 'hos' || a.lower === 'at' || a.lower === 'till' || a.lower === 'to') b = tokens[k + 1]!;
  if (!b) return false;
  const l = b.lower;
  if (PATIENT_ORGS.has(l)) return true;
  // "BUP-akuten", "HAB-mottagningen"; not "BUP-mötet" or "BUP-nätverket", where staff go.
  const dash = l.indexOf('-');
  return dash > 0 && PATIENT_ORGS.has(l.slice(0, dash)) && PATIENT_PLACES.has(l.slice(dash + 1));
}
const PATIENT_PLACES = words(`akuten akut mottagningen utredning utredningen behandling behandlingen kontakt avdelningen`);
/** "Axel på BUP mår bättre": in a case, the unit right after the name. */
function patientHere(tokens: Token[], k: number): boolean {
  const a = tokens[k];
  const b = tokens[k + 1];
  return !!a && !!b && (a.lower === 'på' || a.lower === 'hos' || a.lower === 'at') && PATIENT_ORGS.has(b.lower);
}
const APPOINTMENT_WORDS = words(`tid en ny besök samtal an appointment a new inskriven aktuell registered known`);
const PATIENT_VERBS = words(`är var går gick har hade varit gått kommer ska is was goes went attends has been sees`);

/** What a case gives a child: after "fått"/"fick"/"got" they make the subject a client ("har fått plats på HVB"). */
const CASE_GRANTS = words(
  `plats diagnos diagnosen beslut beslutet insats insatsen kontaktfamilj familjehem placering placeringen remiss medicin stöd anpassningar tid adhd god diagnosis placement referral support`,
);
const RECEIVES = new Set(['fått', 'fick', 'får', 'got', 'gets', 'received', 'receives']);
/** Where a child is placed or moved to ("har flyttat till HVB", "placerad i jourhem"). */
const PLACEMENTS = words(`hvb hvb-hem hvb-hemmet familjehem familjehemmet jourhem jourhemmet sis-hem boende stödboende`);

/** A case word in the clause around a name ("Frånvaron för Noel", "Kuratorn har haft samtal med Ellie om självskadan"). */
function caseWordInClause(tokens: Token[], i: number, j: number): boolean {
  for (let k = i - 1; k >= 0 && k >= i - 8; k--) {
    if (tokens[k + 1]!.sentenceStart || tokens[k + 1]!.softBreak) break;
    const t = tokens[k]!;
    if (t.bits & B.CONTEXT || (t.kind === Kind.Word && featuresOf(t) & W.CONTEXT_WORD)) return true;
  }
  for (let k = j; k < tokens.length && k < j + 10; k++) {
    const t = tokens[k]!;
    if (k > j && (t.sentenceStart || t.softBreak)) break;
    if (t.bits & B.CONTEXT || (t.kind === Kind.Word && featuresOf(t) & W.CONTEXT_WORD)) return true;
  }
  return false;
}

/** The clause after a name is a client's: granted a place, a diagnosis or a decision, moved to a placement, or a child's own words. */
function clientClause(tokens: Token[], from: number): boolean {
  if (clauseScore(tokens, from, false) >= 1) return true;
  for (let k = from; k < tokens.length && k < from + 10; k++) {
    const t = tokens[k]!;
    if (k > from && (t.sentenceStart || t.softBreak)) break;
    const l = t.lower;
    if (RECEIVES.has(l)) {
      for (let m = k + 1; m < k + 4 && m < tokens.length; m++) {
        const u = tokens[m]!.lower;
        if (CASE_GRANTS.has(u) || u.startsWith('lvu') || u.startsWith('hvb')) return true;
      }
    }
    if (PLACEMENTS.has(l) || l.startsWith('lvu-')) return true;
  }
  return false;
}

/** After a name, up to the end of its line, a pronoun or a relative says the sentence is about a person ("… hon är avstängd"). */
function personInSentence(tokens: Token[], from: number): boolean {
  for (let k = from; k < tokens.length && k < from + 20; k++) {
    const t = tokens[k]!;
    if (k > from && t.lineStart) break;
    if (t.bits2 & (C.PERSON_REF | C.KIN)) return true;
  }
  return false;
}

/** "till Irene", "mellan Petra och Hassan", "efter Ingrid" (taking over), "för Louise" (covering). */
const RECEIVING_PREPOSITIONS = new Set(['till', 'to', 'åt', 'mellan', 'between', 'among', 'efter', 'after', 'för', 'for']);

/** "skicka frånvarolistor till Irene senast fredag", "anmälan till Ylva": the name receives work. */
/** "Utbildningen … hålls av Linda Sjöberg", "the training is run by Sam Lee": the agent of a staff event. */
function logisticsAgent(tokens: Token[], i: number): boolean {
  const p = tokens[i - 1];
  const pp = tokens[i - 2];
  if (!p || !pp || (p.lower !== 'av' && p.lower !== 'by')) return false;
  if (!(pp.lower.endsWith('s') && pp.lower.length > 3) && !EN_PASSIVES.has(pp.lower)) return false;
  for (let k = i - 3; k >= 0 && k >= i - 12; k--) {
    const t = tokens[k]!;
    if (t.bits & B.LOGISTIC || logisticEnding(t)) return true;
    if (t.sentenceStart) break;
  }
  return false;
}
const EN_PASSIVES = words(`held led run given presented hosted organised organized delivered chaired facilitated`);

function recipientBefore(tokens: Token[], i: number): boolean {
  const p = tokens[i - 1];
  if (!p || !RECEIVING_PREPOSITIONS.has(p.lower)) return false;
  for (let k = i - 2; k >= 0 && k >= i - 7; k--) {
    if (tokens[k]!.bits2 & C.SEND) return true;
    if (tokens[k + 1]!.sentenceStart) break;
  }
  return false;
}

/** Headings of lists of people at work: "Närvarande: …", "Ansvarig: …", "Attendees: …". */
const LIST_HEADERS = words(
  `deltagare närvarande frånvarande sekreterare justerare ansvarig ansvariga ordförande mötesledare kallade inbjudna sändlista mottagare kopia cc förhinder anmälda talare föreläsare moderator kontaktperson kontaktpersoner handläggare attendees present apologies absent chair owner owners responsible lead participants invited distribution speakers facilitator minutes contact contacts staff`,
);

/** The name stands in a list under a heading with a colon: "Närvarande: Maria Holm, Anders Nilsson, Lisa Berg." */
function listLine(text: string, tokens: Token[], i: number): boolean {
  let s = i;
  while (s > 0 && s > i - 30 && !tokens[s]!.sentenceStart) s--;
  const h = tokens[s - 1];
  if (!h || !LIST_HEADERS.has(h.lower)) return false;
  for (let k = h.end; k < tokens[s]!.start; k++) if (text.charCodeAt(k) === 58) return true;
  return false;
}

/** "Petra och Hassan", "Maria Holm, Anders Nilsson": a name right after a staff name, joined by a comma or "och". */
function coordinatedWith(tokens: Token[], i: number, staffEnd: number): boolean {
  if (staffEnd < 0) return false;
  const t = tokens[i]!;
  if (staffEnd === i && t.softBreak && !t.sentenceStart) return true;
  const p = tokens[i - 1];
  return staffEnd === i - 1 && !!p && CONJUNCTIONS.has(p.lower) && !t.sentenceStart;
}

const CITATION_HEADERS = words(
  `reference references referens referenser källa källor litteratur literature sources source bibliography citation`,
);

function citationHeaded(tokens: Token[], i: number): boolean {
  let st = i;
  while (st > 0 && st > i - 12 && !tokens[st]!.sentenceStart) st--;
  const h = tokens[st - 1];
  return !!h && CITATION_HEADERS.has(h.lower);
}

/** An author in a reference: after "se"/"see"/"cf.", or before a year in parentheses or after a comma. */
function citationAt(text: string, tokens: Token[], i: number, j: number): boolean {
  // In a list of sources: "Reference: Munro (2011)", "Källor: Lind (2019)".
  let st = i;
  while (st > 0 && st > i - 12 && !tokens[st]!.sentenceStart) st--;
  const h = tokens[st - 1];
  if (h && CITATION_HEADERS.has(h.lower)) return true;
  const p = tokens[i - 1];
  if (
    p &&
    (p.lower === 'se' || p.lower === 'see' || p.lower === 'cf' || p.lower === 'jfr') &&
    (p.sentenceStart || text.charCodeAt(p.start - 1) === 40)
  )
    return true;
  const a = tokens[j];
  if (
    a &&
    a.kind === Kind.Num &&
    a.end - a.start === 4 &&
    (text.charCodeAt(a.start - 1) === 40 || (a.softBreak && text.charCodeAt(tokens[j - 1]!.end) === 44))
  ) {
    const y = Number(a.lower);
    return y >= 1900 && y <= 2100;
  }
  return false;
}

/** Famous people whose names stand for books, films, prizes and places in school talk. */
const FAMOUS = new Set([
  'alfons åberg',
  'pippi långstrump',
  'ronja rövardotter',
  'harry potter',
  'astrid lindgren',
  'elsa beskow',
  'greta thunberg',
  'karin boye',
  'olof palme',
  'selma lagerlöf',
  'anne frank',
  'nils holgersson',
  'emil i',
  'karlsson på',
  'alfred nobel',
  'carl larsson',
  'albert engström',
  'gustav vasa',
  'dag hammarskjöld',
  'raoul wallenberg',
  'martin luther',
  'malala yousafzai',
]);

/** The first words of the famous names: only a name that begins with one is looked up with the word after it. */
const FAMOUS_FIRST = new Set([...FAMOUS].map((f) => f.slice(0, f.indexOf(' '))));

/** A name in quotes, a famous one, or one joined to a noun by a hyphen ("Karin Boye-salen", "Elsa Beskow-temat"). */
function eponymAt(text: string, tokens: Token[], i: number, j: number, name: string): boolean {
  const t = tokens[i]!;
  const q = text.charCodeAt(t.start - 1);
  if (q === 34 || q === 0x201c || q === 0x201d || q === 0xab || q === 0x201e) return true;
  if (FAMOUS.has(name) || (j > i + 1 && FAMOUS_FIRST.has(tokens[i]!.lower) && FAMOUS.has(`${tokens[i]!.lower} ${tokens[i + 1]!.lower}`)))
    return true;
  const n = tokens[i + 1];
  if (n?.tight && n.cap && n.hyphen) {
    const dash = text.lastIndexOf('-', n.end - 1);
    if (dash > n.start && !isUpperCode(text.charCodeAt(dash + 1))) return true;
  }
  return false;
}

// ---------------------------------------------------------------- names

/**
 * Names. Without a child's context in the message only a name with a school
 * class or an age is kept: that pairing is itself about a pupil or a child.
 */
/**
 * Children of books and films read in Swedish schools, each with what names the book in the same message: "Emil" is a
 * child in a case, "Emil i Lönneberga" is a book, and so is every "Emil" after it in that message.
 */
const FICTION: ReadonlyMap<string, readonly string[]> = new Map([
  ['pippi', ['långstrump', 'villa villekulla', 'villekulla']],
  ['emil', ['lönneberga', 'katthult']],
  ['ida', ['lönneberga', 'katthult']],
  ['harry', ['potter', 'hogwarts', 'dursley']],
  ['hermione', ['potter', 'hogwarts', 'granger']],
  ['ronja', ['rövardotter', 'mattisborgen', 'birk borkason']],
  ['birk', ['ronja', 'borkason']],
  ['matilda', ['roald dahl', 'miss trunchbull']],
  ['alfons', ['åberg', 'milla']],
  ['nils', ['holgersson', 'wonderful adventures']],
  ['lotta', ['bråkmakargatan']],
  ['madicken', ['junibacken', 'lisabet']],
  ['karlsson', ['på taket', 'lillebror och karlsson']],
  ['mio', ['min mio']],
  ['jonatan', ['lejonhjärta']],
  ['skorpan', ['lejonhjärta']],
  ['pettson', ['findus']],
  ['tjorven', ['saltkråkan']],
  ['greg', ['heffley', 'dagbok för alla mina fans', 'wimpy kid']],
  ['dursley', ['potter', 'hogwarts']],
  ['roald', ['dahl']],
  ['astrid', ['lindgren']],
  ['långstrump', ['pippi']],
  ['potter', ['harry']],
  ['rövardotter', ['ronja']],
  ['holgersson', ['nils']],
  ['åberg', ['alfons']],
  ['annika', ['långstrump', 'villa villekulla', 'villekulla']],
  ['tommy', ['långstrump', 'villa villekulla', 'villekulla']],
]);
/** Each name's book marks as one case-insensitive pattern: the text is searched as it stands, not lower-cased first. */
const FICTION_MARKS: ReadonlyMap<string, RegExp> = new Map(
  [...FICTION].map(([name, marks]) => [name, new RegExp(marks.map((m) => m.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'i')]),
);
function fictionAt(text: string, lower: string): boolean {
  const marks = FICTION_MARKS.get(lower);
  return marks?.test(text) === true;
}

/**
 * "Alva Nyström på Nossebroskolan har slutat äta": a person placed at a named school, with a family name, in a child's
 * case or with a child's clause after the school. Not strong: a colleague at a school is still read as one afterwards.
 */
function atSchoolAfter(tokens: Token[], k: number, strong: boolean, surname: boolean, childContext: boolean): boolean {
  if (strong) return false;
  const end = schoolAfter(tokens, k);
  return end > 0 && (surname || childContext || childClause(tokens, end));
}

/** Verbs after a pet name that make it a person's: what a child does or has done to it. */
const PET_VERBS = words(
  `har hade är var blev kom ska sitter satt hotade hotar slog slår sprang springer rymmer rymde vägrar vägrade mår säger sa berättade berättar gråter grät bor bodde has had is was told said ran hit`,
);
function petVerbAfter(t: Token | undefined): boolean {
  return !!t && t.tight && t.kind === Kind.Word && PET_VERBS.has(t.lower);
}
/** "Tessan och hennes lillasyster": the name, then its family. */
function familyWithAfter(tokens: Token[], k: number): boolean {
  const a = tokens[k];
  const b = tokens[k + 1];
  const c = tokens[k + 2];
  return (
    !!a &&
    !!b &&
    !!c &&
    (a.lower === 'och' || a.lower === 'med' || a.lower === 'and' || a.lower === 'with') &&
    (b.bits2 & C.POSSESSIVE) !== 0 &&
    (c.bits2 & (C.KIN | C.KIN_NOUN)) !== 0
  );
}

function findNames(text: string, tokens: Token[], officials: ReadonlySet<string>, flags: Flags, out: Finding[]): void {
  const { context } = flags;
  // Staff talk grows as the message names colleagues: "Lena och Johan tar SIP-mötena, Maria är borta".
  let staffTalk = flags.staffTalk;
  // Where the last name read as staff ended: a name listed or coordinated right after it is staff too.
  let staffEnd = -1;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind !== Kind.Word) continue;
    // Most words: in lower case, no hyphen, in neither name list, and too short or too long for a pet name's shape,
    // they can only be "alis" before a family word (what the checks below come to for them, read first).
    if (!t.cap && !t.hyphen && !(t.bits & (B.GIVEN | B.NEVER)) && (t.lower.length < 4 || t.lower.length > 7)) {
      const next = tokens[i + 1];
      if (!(next?.tight && next.bits & B.FAMILY && t.lower.length > 3 && t.lower.endsWith('s'))) continue;
    }
    let lower = t.lower;
    let genitive = t.colonS;
    let given =
      (t.bits & B.GIVEN) !== 0 ||
      ((t.hyphen || (t.cap && !t.allCaps && !(t.bits & B.NEVER))) && (featuresOf(t) & (W.FOLDABLE | W.GIVEN)) === (W.FOLDABLE | W.GIVEN)) ||
      (t.hyphen && (featuresOf(t) & W.GIVEN || hyphenNickname(text, t)));
    // A word alone on the message's last line after a child's case: the child it is about ("…bråk hemma på nätterna.\nKassandra").
    const lone = flags.childContext && loneLastLine(text, tokens, i);
    // "mackan i 8b säger att han …": a pet name in lower case, with a class right after it.
    const lowerNickname =
      !given && !t.cap && nicknameShape(t, tokens, i, flags.childContext) && classAfter(tokens, i + 1) && !inAddressToken(text, t);
    if (!given && !t.cap && !(t.bits & B.NEVER) && !lowerNickname) {
      // Lower case and not a lexicon name: only "alis mamma" can still be one.
      const next = tokens[i + 1];
      if (!(next?.tight && next.bits & B.FAMILY && lower.length > 3 && lower.endsWith('s'))) continue;
    }
    // "Alis mamma": genitive s on a lexicon name.
    if (!given && lower.length > 3 && lower.endsWith('s')) {
      const next = tokens[i + 1];
      if (next?.tight && next.bits & B.FAMILY && isGivenName(lower.slice(0, -1))) {
        lower = lower.slice(0, -1);
        given = true;
        genitive = true;
      }
    }
    const p = tokens[i - 1];
    // "lex Sarah", "lex Maria": laws, not people.
    if (p && p.lower === 'lex') continue;
    // "vh Annika" opening the last line: "vänliga hälsningar", the writer's sign-off (not "vårdnadshavare Annika").
    if (p && p.lower === 'vh' && p.lineStart && text.indexOf('\n', t.end) < 0) continue;
    // "Mrs Patel", "Mr Jones": a courtesy title makes the next capitalised word a family name.
    const titled =
      !!p && (p.bits & B.COURTESY) !== 0 && p.cap && t.cap && !t.allCaps && dotGap(text, p, t) && !(t.bits & (B.COMMON | B.NEVER));
    const called = !!p && t.cap && !t.allCaps && calledBefore(tokens, i);
    const unknown =
      !given &&
      (titled ||
        called ||
        lowerNickname ||
        couldBeUnknownName(t) ||
        (t.cap && !t.allCaps && nicknameShape(t, tokens, i, flags.childContext)) ||
        (flags.childContext && petWithClass(tokens, i)) ||
        (lone && t.cap && !t.allCaps && !(t.bits & (B.COMMON | B.NEVER | B.ROLE | B.CONTEXT | B.FAMILY)) && !isRoleWord(lower)));
    if (!given && !unknown) continue;
    // "Bokcirkeln läser Pippi Långstrump, Pippi bor ensam …": a well-known book's child, named with its book.
    if (fictionAt(text, lower)) continue;
    if (given && !t.cap && COMMON_WORDS.has(lower)) continue;
    if (t.allCaps && !given) continue;
    // A word outside the lexicon opening a sentence is a name only with a class or an age right after it ("Kallelse",
    // "Påminnelse" are not): the cheap test first.
    // "Totte berättade …", "Bex said …": a word outside the lexicon opening a sentence, a person's verb right after it,
    // in a message about a child, is a name (not a noun with a definite ending, not a sentence adverb).
    const speaker =
      !given &&
      t.sentenceStart &&
      t.cap &&
      !t.allCaps &&
      flags.childContext &&
      !!tokens[i + 1]?.tight &&
      (tokens[i + 1]!.bits2 & C.PERSON_ONLY_VERB) !== 0 &&
      couldBeUnknownName(t) &&
      !SENTENCE_ADVERBS.has(lower);
    // "Mackan har blivit gripen", "Jojje på Bragnumskolan – pappan …", "Affe från Lövåsskolan sitter häktad": a pet name's
    // shape opening a sentence in a message about a child, with a person's verb or a named school right after it.
    const petSpeaker =
      !given &&
      !speaker &&
      t.sentenceStart &&
      t.cap &&
      !t.allCaps &&
      flags.childContext &&
      !SENTENCE_ADVERBS.has(lower) &&
      nicknameShape(t, tokens, i, true) &&
      // "Grannen berättade …": -en is a noun's definite form far more often than a pet name's ending.
      !lower.endsWith('en') &&
      // "Kassan är stängd": -an too, unless a person ("han", "hennes") is in the sentence or its family follows.
      (!lower.endsWith('an') || personInSentence(tokens, i + 1) || familyWithAfter(tokens, i + 1)) &&
      (petVerbAfter(tokens[i + 1]) || schoolAfter(tokens, i + 1) > 0 || familyWithAfter(tokens, i + 1));
    if (
      !given &&
      !titled &&
      !lone &&
      !speaker &&
      !petSpeaker &&
      t.sentenceStart &&
      !classAfter(tokens, i + 1) &&
      !classAfter(tokens, i + 2) &&
      !classAfter(tokens, i + 3) &&
      !ageAfter(tokens, i + 1, text, flags.childContext) &&
      !ageAfter(tokens, i + 2, text, flags.childContext)
    )
      continue;

    // The name's extent: first name, then up to two surnames.
    let j = i + 1;
    let surname: 'strong' | 'weak' | undefined;
    let lowerSurname = false;
    if (!genitive) {
      const s1 = isSurname(tokens[j], !given);
      if (s1 && !tokens[j]!.colonS) {
        surname = s1;
        j++;
        const s2 = isSurname(tokens[j], true);
        if (s2 === 'strong') j++;
      } else if (s1) {
        surname = s1;
        j++;
      } else if (given && !t.cap && !AMBIGUOUS_NAMES.has(lower) && isLowerSurname(tokens[j], tokens[j + 1])) {
        // "ella berg": a lower-case name with a family name.
        lowerSurname = true;
        j++;
      } else if (given && t.cap && unknownSurnameBeforeClass(tokens, j)) {
        // "Omar Haddad 7C", "Lucas Moreau i 5B": a capitalised word in no list, between a given name and a class, is
        // the family name, whatever its form.
        surname = 'weak';
        j++;
      }
    }
    const last = tokens[j - 1]!;
    // A nickname in parentheses belongs to the name: "Mohammed (Mo) i 6B".
    let k = j;
    if (isNickname(text, tokens[k])) {
      k++;
      // 'Mustafa "Musse" Karimi': the family name after the nickname.
      const f = tokens[k];
      if (f?.cap && !f.sentenceStart && (SURNAMES.has(f.lower) || SURNAME_ENDINGS.match(f.lower, 2))) {
        k++;
        j = k;
        surname = 'strong';
      }
    }
    const after = tokens[k];
    const familyAfter = !!after && after.tight && (after.bits & B.FAMILY) !== 0;
    // "Ali Hassans mamma": the genitive s belongs to no one's name.
    const surnameGenitive = j > i + 1 && familyAfter && !last.colonS && last.lower.endsWith('s') && !SURNAMES.has(last.lower);
    if (surnameGenitive) genitive = true;
    // "Alis mamma", and "oliver och hans pappa", "Ronja och hennes lillebror": the name has a family.
    const withFamily =
      !!after &&
      (after.lower === 'och' || after.lower === 'and' || after.lower === 'med' || after.lower === 'with') &&
      !!tokens[k + 1] &&
      (tokens[k + 1]!.bits2 & C.POSSESSIVE) !== 0 &&
      !!tokens[k + 2] &&
      (tokens[k + 2]!.bits2 & (C.KIN | C.KIN_NOUN)) !== 0;
    const genitiveFamily = ((genitive || last.colonS) && familyAfter) || withFamily;
    // A short aside in parentheses right after the name is read past for a class: "Kalle-Kula (ja, han vill kallas så) i 3A".
    const aside = pastAside(text, tokens, k);
    // "Lucas på Åsens skola, åk 5", "Ella på Ekbackeskolan i 4B": a school, then its class.
    const withClass = classAfter(tokens, k) || (aside !== k && classAfter(tokens, aside)) || classAfterSchool(tokens, k);
    const withAge = ageAfter(tokens, k, text, flags.childContext && !citationHeaded(tokens, i)) || ageBefore(tokens, i);
    const childBefore = childNounBefore(tokens, i);
    // "Vilda är på BUP varje tisdag" is a patient's sentence; "Axel på BUP mår bättre" too, unless a colleague's verb follows.
    const patient = patientAfter(tokens, k);
    const atClinic = patient || (context && patientHere(tokens, k));
    const strong = withClass || withAge || childBefore || genitiveFamily;
    const firstName = lower;

    // A verb a person does, right after the name: with a pronoun or a relative later on, a child's sentence.
    const personVerb = !!after && after.tight && (after.bits2 & (C.PERSON_VERB | C.COLLEAGUE_VERB)) !== 0;
    const personOnlyVerb = !!after && after.tight && (after.bits2 & C.PERSON_ONLY_VERB) !== 0 && !!p && p.kind === Kind.Word && !p.cap;
    let confidence = 0;
    if (titled) {
      confidence = 0.7;
    } else if (given) {
      const ambiguous = isAmbiguous(lower, t.cap && !t.allCaps);
      // Lower case: a name only with strong evidence or a family name, two cues for a name that is also a word.
      if (!t.cap) {
        // "saga 9 år", "juni i 2b", but not "i juni i 2b" or "3 maj i 7b".
        const datePrep = !!p && (DATE_PREPOSITIONS.has(p.lower) || p.kind !== Kind.Word);
        if (ambiguous) {
          const short = !AMBIGUOUS_NAMES.has(lower);
          confidence =
            (withClass || withAge) && (childBefore || !datePrep)
              ? 0.6
              : short && lowerSurname
                ? 0.7
                : short && (childBefore || genitiveFamily)
                  ? 0.6
                  : 0;
        }
        // "elsa har inte ätit", "pratade med hugo idag": a lower-case first name that is no word, opening a sentence or
        // after a preposition of talk, in a message about a child.
        else
          confidence =
            strong || patient
              ? 0.7
              : lowerSurname
                ? 0.7
                : flags.childContext &&
                    (t.sentenceStart ||
                      lone ||
                      (!!p && LOWER_NAME_LEADS.has(p.lower)) ||
                      verbAfter(after, tokens[k + 1]) ||
                      invertedSubject(tokens, i)) &&
                    !inAddressToken(text, t)
                  ? 0.6
                  : 0;
      } else if (ambiguous) {
        if (strong || surname === 'strong' || atClinic) confidence = 0.75;
        else if (surname === 'weak' && !t.sentenceStart) confidence = 0.6;
        else if (personVerb && context && (personInSentence(tokens, j) || childClause(tokens, k + 1))) confidence = 0.6;
      } else if (strong) confidence = 0.9;
      else if (surname) confidence = 0.85;
      else confidence = 0.6;
    } else {
      // A name outside the lexicon needs structure: a child word before it, a class or an age after it, or a surname form.
      const atPlace = !!p && PLACE_PREPOSITIONS.has(p.lower) && !t.sentenceStart;
      if (strong && !t.sentenceStart) confidence = 0.75;
      else if (strong && (withClass || withAge) && surname) confidence = 0.7;
      else if (strong && t.sentenceStart && (withClass || withAge)) confidence = 0.6;
      else if (surname === 'strong' && !t.sentenceStart && !atPlace) confidence = 0.65;
      else if (patient && !t.sentenceStart) confidence = 0.6;
      else if (lone && !signatureAt(tokens, i, j, text)) confidence = 0.6;
      else if (called && context) confidence = 0.75;
      else if (speaker || petSpeaker) confidence = 0.6;
      // "pratade med Mackan idag, han …", "check on Jonno? His mum …": talked about, in a child's case, a person after.
      else if (
        !t.sentenceStart &&
        p &&
        (LOWER_NAME_LEADS.has(p.lower) || p.lower === 'on') &&
        flags.childContext &&
        !(tokens[i + 1]?.cap && tokens[i + 1]!.tight) &&
        personInSentence(tokens, i + 1)
      )
        confidence = 0.6;
      // "om Julian kom dit": a capitalised word inside a sentence doing what a person does.
      else if (personOnlyVerb && context && !t.sentenceStart && !atPlace && !surname) confidence = 0.6;
    }
    // Only a name that would be flagged is weighed against being staff: the checks below read around it.
    if (confidence < MIN_CONFIDENCE) continue;
    if (!context && !withClass && !withAge && !patient && !atSchoolAfter(tokens, k, strong, !!surname, flags.childContext)) continue;
    // A first name alone, with nothing else of a child about it, in a message only about the work is a colleague's,
    // unless its own clause is a client's ("har fått plats på HVB", "fick ett LVU-beslut", "svarade inte om ärren").
    if (
      !flags.childContext &&
      !strong &&
      !surname &&
      !lowerSurname &&
      !patient &&
      !titled &&
      !atClinic &&
      !called &&
      !(after?.tight && CHILD_ACTS.has(after.lower) && clauseScore(tokens, k + 1) >= 0) &&
      !clientClause(tokens, k) &&
      !caseWordInClause(tokens, i, k)
    )
      continue;

    // The name as the gate keys it. The parts are lower case already; normaliseName's ICU work is only for unusual text.
    let joined = lower;
    for (let m = i + 1; m < j; m++) joined += ` ${m === j - 1 && surnameGenitive ? tokens[m]!.lower.slice(0, -1) : tokens[m]!.lower}`;
    const name = plainLatin(joined) ? joined : normaliseName(joined);

    // The organisation's own people are staff, unless the text makes them a case's subject ("Lena Ek i 7B", "Lena Eks son").
    if (!strong) {
      if (officialMatch(name, firstName, officials)) {
        staffEnd = j;
        i = j - 1;
        continue;
      }
      // An official's full name written out, even when their surname is not one the lexicon knows ("Alex Wilber").
      const spelled = officialSpelledOut(tokens, i, officials);
      if (spelled > 0) {
        staffEnd = i + spelled;
        i = i + spelled - 1;
        continue;
      }
      // A book, a film, a prize or a room named after someone: "Ronja Rövardotter" in quotes, "Karin Boye-salen".
      if (eponymAt(text, tokens, i, j, name)) {
        i = j;
        continue;
      }
      // An author cited: "Se Sara Lind: Barn som far illa", "Lind (2021)", "Andersson, 2019" (in a message about a child
      // the year after a name is a birth year, unless it stands in a list of sources).
      if ((!flags.childContext || citationHeaded(tokens, i)) && citationAt(text, tokens, i, j)) {
        i = j - 1;
        continue;
      }
    }
    if (roleAround(tokens, i, j, text, context, genitive || last.colonS, childBefore)) {
      staffEnd = j;
      staffTalk = true;
      i = j - 1;
      continue;
    }
    if (
      !strong &&
      (logisticsAround(tokens, i, j, staffTalk) ||
        recipientBefore(tokens, i) ||
        logisticsAgent(tokens, i) ||
        listLine(text, tokens, i) ||
        coordinatedWith(tokens, i, staffEnd))
    ) {
      staffEnd = j;
      staffTalk = true;
      i = j - 1;
      continue;
    }

    if (!strong && (titled || !patient) && colleagueAround(tokens, i, j, text)) {
      staffTalk = true;
      staffEnd = j;
      i = j - 1;
      continue;
    }

    const category: IdentifierCategory = withClass ? 'name-with-class' : withAge ? 'name-with-age' : 'name';
    const start = titled ? p!.start : t.start;
    out.push({ category, confidence, start, end: last.end, normalised: titled ? normaliseName(`${p!.lower} ${name}`) : name });
    i = j - 1;
  }
}

// ---------------------------------------------------------------- initials

function isUpperWord(text: string, t: Token): boolean {
  for (let k = t.start; k < t.end; k++) if (!isUpperCode(text.charCodeAt(k))) return false;
  return true;
}

/** Abbreviations written as dotted single letters, by their letters: "t.o.m.", "e.g.", "p.g.a.", "s.k.". */
// Only letters that stand alone between points can be read here: "m.fl.", "bl.a.", "jfr." never reach this list.
const DOTTED_ABBREVIATIONS = words(
  `tom eg ie pga sk osv mm dvs fd vg ed aka od tv th ev ca fm em ps ok vs nb fo ks ff sa am pm fv ht vt lo ab ta`,
);

/**
 * Initials with a class or a school: "E.K. på Nossebroskolan", "AB i 5A". Dotted initials are a person's by their
 * form; two or three capitals only in a child's context and when they are no subject, unit or diagnosis.
 */
function findInitials(text: string, tokens: Token[], context: boolean, out: Finding[]): void {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    // "j.s. i 4c": dotted initials in lower case too, in a case's context (and not an abbreviation such as "t.o.m.").
    if (t.kind !== Kind.Word || !(t.cap || (context && t.end - t.start === 1))) continue;
    const len = t.end - t.start;
    let last = i;
    let dotted = false;
    if (len === 1 && text.charCodeAt(t.end) === 46) {
      let k = i + 1;
      while (k < tokens.length && k < i + 3) {
        const u = tokens[k]!;
        if (
          u.kind !== Kind.Word ||
          u.end - u.start !== 1 ||
          u.cap !== t.cap ||
          // In lower case every letter has its point: "j.s. i 4c" is two initials, not three.
          (!t.cap && text.charCodeAt(u.end) !== 46) ||
          !dotGap(text, tokens[k - 1]!, u) ||
          u.start - tokens[k - 1]!.end > 2
        )
          break;
        k++;
      }
      if (k - i < 2) continue;
      last = k - 1;
      dotted = true;
      if (!t.cap) {
        let letters = t.lower;
        for (let m = i + 1; m <= last; m++) letters += tokens[m]!.lower;
        // A dotted abbreviation, or a lower-case word right before it ("elev j.s." is one; "t.ex." is not).
        if (DOTTED_ABBREVIATIONS.has(letters) || text.charCodeAt(tokens[last]!.end) !== 46) {
          i = last;
          continue;
        }
      }
    } else if (!t.cap) continue;
    else if (len >= 2 && len <= 3 && t.allCaps && isUpperWord(text, t) && !NOT_INITIALS.has(t.lower) && !isGivenName(t.lower)) {
      if (!context) continue;
    } else continue;
    const next = last + 1;
    const anchored = classAfter(tokens, next) || schoolAfter(tokens, next) > 0 || (context && childNounBefore(tokens, i));
    if (!anchored) {
      i = last;
      continue;
    }
    let end = tokens[last]!.end;
    if (dotted && text.charCodeAt(end) === 46) end++;
    if (!overlapsAny(out, t.start, end)) out.push({ category: 'name-with-class', confidence: 0.75, start: t.start, end });
    i = last;
  }
}

// ---------------------------------------------------------------- singled out

/** How a class or school follows a child word: 2 a class or a named school, 1 a whole year ("åk 7"), 0 none. */
function anchorAfter(tokens: Token[], j: number): { kind: 0 | 1 | 2; end: number } {
  for (let k = j, seen = 0; k < tokens.length && seen < 5; k++, seen++) {
    const t = tokens[k]!;
    if (t.sentenceStart && k > j) break;
    if (t.kind === Kind.NumClass) return { kind: 2, end: k + 1 };
    if (t.kind === Kind.Num) break;
    const l = t.lower;
    const b2 = t.bits2;
    if (b2 & C.CLASS_WORD && l !== 'år') {
      const next = tokens[k + 1];
      if (next && classNumberOk(l, next)) return { kind: next.kind === Kind.NumClass ? 2 : 1, end: k + 2 };
      break;
    }
    if (b2 & (C.CLASS_ORDINAL | C.PRESCHOOL)) return { kind: 1, end: k + 1 };
    if (preschoolUnitAt(tokens, k)) return { kind: 2, end: k + 2 };
    // "i min klass", "in my class"
    if (
      (l === 'min' || l === 'vår' || l === 'my' || l === 'our') &&
      tokens[k + 1] &&
      (tokens[k + 1]!.lower === 'klass' || tokens[k + 1]!.lower === 'class' || tokens[k + 1]!.lower === 'grupp')
    )
      return { kind: 2, end: k + 2 };
    const school = schoolAfter(tokens, k);
    if (school > 0) return { kind: 2, end: school };
    if (!(b2 & C.CLASS_FILLER)) break;
  }
  return { kind: 0, end: j };
}

/** Family words that are relatives (not a class, a mentor, absence or a placement). */
const NOT_KIN = words(
  `mentor mentorn klass klassen frånvaro frånvaron skolgång situation placering ärende attendance absence placement class`,
);
function isKin(w: string): boolean {
  return FAMILY_WORDS.has(w) && !KIN_NOUNS.has(w) && !NOT_KIN.has(w);
}

/** "the boy", "the new girl", "the 7C boy": a definite English child noun, and a class written before it. */
function englishChildRef(tokens: Token[], i: number): { ok: boolean; anchor: 0 | 1 | 2 } {
  let anchor: 0 | 1 | 2 = 0;
  for (let k = i - 1; k >= 0 && k >= i - 4; k--) {
    const u = tokens[k]!;
    if (tokens[k + 1]!.sentenceStart) return { ok: false, anchor: 0 };
    if (u.lower === 'the' || u.lower === 'this' || u.lower === 'that') return { ok: true, anchor };
    if (u.kind === Kind.NumClass) anchor = 2;
    else if (u.kind === Kind.Num && k > 0 && CLASS_WORDS.has(tokens[k - 1]!.lower) && anchor === 0) anchor = 1;
    if (QUANTIFIERS.has(u.lower)) return { ok: false, anchor: 0 };
  }
  return { ok: false, anchor: 0 };
}

/** "rektorns dotter", "the head's son": a kin noun after a role in the genitive. */
function roleGenitiveBefore(tokens: Token[], i: number): boolean {
  const p = tokens[i - 1];
  if (!p?.tight) return false;
  if (p.colonS && (isRoleToken(p) || p.lower === 'head')) return true;
  return p.lower.length > 3 && p.lower.endsWith('s') && isRoleWord(p.lower.slice(0, -1));
}

/** "dottern till rektorn", "the daughter of the headteacher". */
function kinOfRoleAt(tokens: Token[], k: number): boolean {
  if (!(tokens[k]!.bits2 & C.KIN_NOUN)) return false;
  const a = tokens[k + 1];
  if (!a || (a.lower !== 'till' && a.lower !== 'of' && a.lower !== 'åt')) return roleGenitiveBefore(tokens, k);
  let b = tokens[k + 2];
  if (b && (b.lower === 'the' || b.lower === 'our' || b.lower === 'vår' || b.lower === 'skolans')) b = tokens[k + 3];
  return !!b && (isRoleToken(b) || b.lower === 'head');
}

/** Words right before a child word that single one out by themselves with a class ("den nya eleven i 7C", "the only girl"). */
const MULTIPLE_BIRTHS = words(
  `trillingarna tvillingarna tvillingpojkarna tvillingflickorna tvillingsystrarna tvillingbröderna triplets twins`,
);
const SINGLING_ADJECTIVES = new Set([
  ...words(
    `nya nyanlända nyanländ enda new only gravida ensamkommande rullstolsburna adopterade blinda döva pregnant adopted unaccompanied`,
  ),
]);
/** Dangerous things a child brought or used: an event by themselves. */
const DANGER_WORDS = words(
  `kniv kniven knivar vapen vapnet pistol pistolen droger drogerna narkotika hasch cannabis eld brand knife weapon gun drugs fire`,
);
/** Beginnings of event words in their many forms ("LVU-placeringen", "knivhöggs", "avstängd"). */
const EVENT_PREFIXES = [
  'lvu',
  'placer',
  'orosanm',
  'polisanm',
  'omhänder',
  'misshand',
  'självmord',
  'självskad',
  'våldt',
  'knivh',
  'knivsk',
  'övergrepp',
  'hedersrel',
  'tvångsgift',
  'könsstymp',
  'anhåll',
  'häkt',
  'fängel',
  'avstäng',
  'rattfyll',
  'stöld',
  'skottloss',
  'mörd',
  'ihjäl',
  'polisen',
  'suspend',
  'expel',
  'exclu',
  'arrest',
  'assault',
  'stab',
  'abus',
  'overdos',
  'police',
  'kidnap',
  'rape',
];
/** Past-time words that, with a relative clause, make it one child's event ("som kom … i höstas", "who … last Friday"). */
const PAST_TIMES = words(
  `höstas våras somras vintras helgen igår förrgår lördags söndags måndags tisdags onsdags torsdags fredags förra yesterday last ago natt morse`,
);
const RELATIVES = new Set(['som', 'who', 'that', 'vars', 'whose']);
const PRONOUN_STARTS = new Set(['hon', 'han', 'hen', 'she', 'he', 'hennes', 'hans', 'his', 'her', 'they']);

const EVENT_PREFIX_BY_FIRST = new Map<number, string[]>();
for (const x of EVENT_PREFIXES) {
  const c = x.charCodeAt(0);
  EVENT_PREFIX_BY_FIRST.set(c, [...(EVENT_PREFIX_BY_FIRST.get(c) ?? []), x]);
}

function isEventWord(w: string): boolean {
  if (SINGLING_EVENTS.has(w) || DANGER_WORDS.has(w)) return true;
  if (w.length < 4) return false;
  const bucket = EVENT_PREFIX_BY_FIRST.get(w.charCodeAt(0));
  if (bucket) for (const x of bucket) if (w.startsWith(x)) return true;
  return false;
}

/** A class or a named school anywhere in tokens [from, to): 2 a class or a school, 1 a whole year, 0 none; and where it ends. */
function anchorIn(tokens: Token[], from: number, to: number): { kind: 0 | 1 | 2; end: number } {
  for (let k = from; k < to; k++) {
    const t = tokens[k]!;
    if (t.kind === Kind.NumClass) return { kind: 2, end: k + 1 };
    // Only class words, ordinals and capitalised words can begin an anchor.
    if (t.kind !== Kind.Word || !(t.bits & B.ANCHOR || t.cap)) continue;
    const l = t.lower;
    if (t.bits2 & C.CLASS_WORD && l !== 'år') {
      const next = tokens[k + 1];
      if (next && classNumberOk(l, next)) return { kind: next.kind === Kind.NumClass ? 2 : 1, end: k + 2 };
      continue;
    }
    if (t.bits2 & (C.CLASS_ORDINAL | C.PRESCHOOL) || (l.endsWith('s') && CLASS_ORDINALS.has(l.slice(0, -1))))
      return { kind: 1, end: k + 1 };
    if (
      (l === 'min' || l === 'vår' || l === 'my' || l === 'our') &&
      tokens[k + 1] &&
      (tokens[k + 1]!.lower === 'klass' || tokens[k + 1]!.lower === 'class')
    )
      return { kind: 2, end: k + 2 };
    const school = schoolAt(tokens, k);
    if (school > 0) return { kind: 2, end: school };
  }
  return { kind: 0, end: from };
}

/**
 * A child singled out without a name: a definite child word ("pojken", "tvillingarna", "sjuåringen", "the boy",
 * "han i 9A", "hon som går i") with a class or a named school in the same sentence, and there (or in the next
 * sentence, if it goes on about him or her) an event or a relation: "vars pappa greps", "som blev slagen",
 * "dottern till rektorn", "den nya eleven", "som kom … i höstas". Groups, counts and indefinite examples
 * ("tre elever i 7C", "en pojke i åk 7", "hela 8A") single no one out.
 */
/** Plural child nouns that "ett av", "en av", "one of" make one child. */
const ONE_OF_CHILDREN = words(`barnen eleverna pojkarna flickorna killarna tjejerna children pupils kids boys girls students`);

/** "ett av barnen", "en av eleverna", "one of the children". */
function oneOfBefore(tokens: Token[], i: number): boolean {
  let k = i - 1;
  if (tokens[k]?.lower === 'the') k--;
  const of = tokens[k];
  const one = tokens[k - 1];
  return !!of && !!one && (of.lower === 'av' || of.lower === 'of') && (one.lower === 'ett' || one.lower === 'en' || one.lower === 'one');
}

const HOME_VERBS = words(`bor bodde boende familjen familj lives lived living family`);

/** The end of "bor på <street>" / "familjen på <street>" within the child noun's sentence, or 0. */
function homeStreetAfter(tokens: Token[], i: number): number {
  for (let k = i + 1; k < tokens.length && k < i + 10; k++) {
    const u = tokens[k]!;
    if (u.sentenceStart) return 0;
    if (!(u.bits2 & C.HOME_VERB)) continue;
    const prep = tokens[k + 1];
    const street = tokens[k + 2];
    if (!prep || !street?.tight || prep.softBreak) return 0;
    if (prep.lower !== 'på' && prep.lower !== 'i' && prep.lower !== 'on' && prep.lower !== 'in') return 0;
    if (street.kind === Kind.Word && street.cap && !street.allCaps && isStreetName(street.lower)) return k + 3;
    return 0;
  }
  return 0;
}

/** Whether a word of a case ("orosanmälan", "anmäla", "LVU", "placerad") is in the text: a word for a child is not one. */
function hasCaseWord(tokens: Token[]): boolean {
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.kind === Kind.Word && !(t.bits & (B.SINGLE | B.ONE_OF)) && (t.bits & B.CONTEXT || featuresOf(t) & W.CONTEXT_WORD)) return true;
  }
  return false;
}

function findSingledOut(tokens: Token[], out: Finding[]): void {
  // Without a class, a school-like capitalised word or a kin noun anywhere, no child can be singled out.
  let possible = false;
  for (const t of tokens)
    if (
      t.kind === Kind.NumClass ||
      t.bits & (B.ANCHOR | B.KIN) ||
      (t.cap && t.kind === Kind.Word && !t.sentenceStart) ||
      (t.bits & B.SINGLE && t.bits2 & C.KIN_NOUN)
    ) {
      possible = true;
      break;
    }
  if (!possible) return;
  let caseWords: boolean | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind !== Kind.Word) continue;
    const l = t.lower;
    const oneOf = (t.bits & B.ONE_OF) !== 0 && oneOfBefore(tokens, i);
    if (!(t.bits & B.SINGLE) && !oneOf && !(l.length > 6 && l.charCodeAt(l.length - 1) === 110 && l.endsWith('åringen'))) continue;
    const p = tokens[i - 1];
    let anchorKind: 0 | 1 | 2 = 0;
    let anchorEnd = i + 1;
    if (oneOf) {
      /* "ett av barnen på avd. Myran": one child of a group */
    } else if (t.bits2 & C.SINGLED_CHILD || (l.endsWith('åringen') && (l.length > 7 || (!!p && p.kind === Kind.Num)))) {
      if (p && !t.sentenceStart && QUANTIFIERS.has(p.lower)) continue;
    } else if (t.bits2 & C.EN_CHILD) {
      const ref = englishChildRef(tokens, i);
      if (!ref.ok) continue;
      anchorKind = ref.anchor;
    } else if (l === 'hon' || l === 'han' || l === 'hen') {
      // "hon som går i 8A", "han i 9A", "han går i 5A"
      const n = tokens[i + 1];
      if (!n || (n.lower !== 'som' && n.lower !== 'i' && n.lower !== 'går' && n.lower !== 'på')) continue;
    } else if (t.bits2 & C.KIN_NOUN && roleGenitiveBefore(tokens, i)) {
      // "rektorns dotter i 8A"
    } else continue;
    if (anchorKind === 0) {
      const a = anchorAfter(tokens, i + 1);
      anchorKind = a.kind;
      anchorEnd = a.end;
    }
    // A class or school later in the sentence: "han som blev avstängd från Frejaskolan i åttan".
    if (anchorKind === 0) {
      let end = i + 1;
      while (end < tokens.length && end < i + 14 && !tokens[end]!.sentenceStart) end++;
      const a = anchorIn(tokens, i + 1, end);
      anchorKind = a.kind;
      anchorEnd = a.end;
    }
    const relationHere = kinOfRoleAt(tokens, i);
    // "pojken som bor på Granvägen", "den äldsta av syskonen i familjen på Björkgatan": a home singles a child out.
    if (anchorKind === 0 && !relationHere) {
      let s0 = i;
      while (s0 > 0 && !tokens[s0]!.sentenceStart) s0--;
      const home = CONDITIONALS.has(tokens[s0]!.lower) ? 0 : homeStreetAfter(tokens, i);
      if (home > 0 && !nameOverlaps(out, t.start, tokens[home - 1]!.end))
        out.push({ category: 'singled-out', confidence: 0.75, start: t.start, end: tokens[home - 1]!.end });
      continue;
    }

    // The sentence around, and the next one when it goes on with a pronoun.
    let from = i;
    while (from > 0 && from > i - 25 && !tokens[from]!.sentenceStart) from--;
    let to = i + 1;
    while (to < tokens.length && to < i + 25 && !tokens[to]!.sentenceStart) to++;
    const nextStart = tokens[to];
    if (nextStart && PRONOUN_STARTS.has(nextStart.lower)) {
      to++;
      while (to < tokens.length && to < i + 40 && !tokens[to]!.sentenceStart) to++;
    }
    // A rule or a hypothetical ("Om eleven i åk 9 …") singles no one out.
    if (CONDITIONALS.has(tokens[from]!.lower) && from < i) continue;
    let whose = false;
    let family = false;
    let event = false;
    let relative = false;
    let pastTime = false;
    let relation = relationHere;
    for (let k = from; k < to; k++) {
      if (k === i) continue;
      const u = tokens[k]!;
      const b = u.bits;
      if (b & B.SINGLER) {
        const w = u.lower;
        if (RELATIVE_WHOSE.has(w)) whose = true;
        if (k > i && RELATIVES.has(w)) relative = true;
        if (PAST_TIMES.has(w) || (w === 'går' && tokens[k - 1]?.lower === 'i')) pastTime = true;
      }
      if (b & B.EVENT || (u.kind === Kind.Word && featuresOf(u) & W.EVENT)) event = true;
      if (b & B.KIN) family = true;
      if (!relation && b & B.SINGLE && kinOfRoleAt(tokens, k)) relation = true;
      // "eleven i 6C, den med hörapparaten", "the boy in 5B, the one with the broken arm": right after the class, a
      // description that tells one child from the rest.
      if (
        k > i &&
        k <= Math.max(anchorEnd, i + 1) + 3 &&
        ((u.lower === 'med' && tokens[k - 1]!.lower === 'den') ||
          (u.lower === 'with' && tokens[k - 1]!.lower === 'one' && tokens[k - 2]?.lower === 'the'))
      )
        event = true;
    }
    const adjective = !!p && SINGLING_ADJECTIVES.has(p.lower);
    // "Trillingarna i 1B": a multiple birth in a class is one family's children by itself.
    const multiple = MULTIPLE_BIRTHS.has(l);
    // "tjejen i 9a som bor hos sin pojkvän … måste vi anmäla": with a case word in the message (a child word is not
    // one), a relative clause describes the one child ("pojken i förskoleklassen som har födelsedag idag" does not).
    const specific = whose || event || relation || adjective || multiple || (relative && (pastTime || (caseWords ??= hasCaseWord(tokens))));
    const singled = anchorKind === 2 ? specific || family : anchorKind === 1 ? specific : relation && event;
    if (!singled) continue;
    const start = t.start;
    const end = tokens[Math.max(anchorEnd, i + 1) - 1]!.end;
    // A child already found by name needs no second finding.
    const winStart = tokens[from]!.start;
    const winEnd = tokens[to - 1]!.end;
    if (nameOverlaps(out, winStart, winEnd)) {
      i = to - 1;
      continue;
    }
    out.push({ category: 'singled-out', confidence: 0.75, start: Math.min(start, end), end: Math.max(start, end, t.end) });
    i = to - 1;
  }
}

// ---------------------------------------------------------------- addresses

/**
 * Whose a number or an address is, by the nearest cue around it: a family's ("mammans", "bor hos", "privat") or an
 * office's or the writer's ("skolan", "kontorets", "ring mig på", "(växel)"). Before it up to `back` tokens, after it
 * up to three; the nearer wins, a tie goes to the one before. "hans"/"hennes" defer to the noun they stand for.
 */
function ownerCue(
  tokens: Token[],
  ti: number,
  after: number,
  back: number,
  home: ReadonlySet<string>,
  office: (t: Token, k: number, tokens: Token[]) => boolean,
  ahead = 3,
): 'home' | 'office' | undefined {
  let before: 'home' | 'office' | undefined;
  let beforeDist = Infinity;
  let possessive = -1;
  for (let k = ti - 1; k >= 0 && k >= ti - back; k--) {
    const u = tokens[k]!;
    if (office(u, k, tokens)) {
      before = 'office';
      beforeDist = ti - k;
      break;
    }
    if (u.bits2 & C.POSSESSIVE) {
      if (possessive < 0) possessive = k;
      continue;
    }
    if (home.has(u.lower) || (u.lower.length > 3 && u.lower.endsWith('s') && home.has(u.lower.slice(0, -1)))) {
      before = 'home';
      beforeDist = ti - k;
      break;
    }
  }
  if (!before && possessive >= 0) {
    before = 'home';
    beforeDist = ti - possessive;
  }
  let afterCue: 'home' | 'office' | undefined;
  let afterDist = Infinity;
  for (let k = after; k < tokens.length && k < after + ahead; k++) {
    const u = tokens[k]!;
    if (k > after && u.sentenceStart) break;
    if (office(u, k, tokens)) {
      afterCue = 'office';
      afterDist = k - after + 1;
      break;
    }
    if (home.has(u.lower)) {
      afterCue = 'home';
      afterDist = k - after + 1;
      break;
    }
  }
  return afterDist < beforeDist ? afterCue : before;
}

/** Words around an address that make it a workplace or a venue, not a home. The police visit homes: not here. */
const ADDRESS_OFFICE_WORDS = words(
  `hus huset öppettider öppet öppnar entré entrén plan våning våningen kontorshuset lokaler lokalerna floor office offices council centre center hall venue library reception held training course session workshop utbildningen kursen föreläsningen kurs utbildning`,
);
const OFFICE_ENDINGS = new Endings([
  'enheten',
  'kontoret',
  'centralen',
  'mottagningen',
  'förvaltningen',
  'gården',
  'huset',
  'sektionen',
  'avdelningen',
  'jouren',
  'expeditionen',
  'receptionen',
  'växeln',
]);

function isAddressOffice(u: Token): boolean {
  return u.kind === Kind.Word ? (featuresOf(u) & W.ADDRESS_OFFICE) !== 0 : isAddressOfficeWord(u.lower);
}

function isAddressOfficeWord(l: string): boolean {
  // A stairwell, a flat, a terraced house: where a family lives, whatever its ending ("trapphuset").
  if (l === 'polisen' || HOME_CUES.has(l)) return false;
  return OFFICE_WORDS.has(l) || MEETING_WORDS.has(l) || ADDRESS_OFFICE_WORDS.has(l) || endsWithAny(l, OFFICE_ENDINGS, 3);
}

/** "BUP Centrum flyttar till Sjukhusgatan 5", "Socialkontoret flyttar till …": an office moving, earlier in the sentence. */
function officeMoves(tokens: Token[], i: number): boolean {
  for (let k = i - 1; k >= 0 && k >= i - 6; k--) {
    const u = tokens[k]!;
    if (u.lower === 'flyttar' || u.lower === 'flyttade' || u.lower === 'flyttas' || u.lower === 'moves' || u.lower === 'moving') {
      for (let m = k - 1; m >= 0 && m >= k - 3; m--) {
        const o = tokens[m]!;
        if ((o.allCaps && o.kind === Kind.Word && o.end - o.start <= 5) || isAddressOffice(o)) return true;
        if (o.sentenceStart) break;
      }
      return false;
    }
    if (u.sentenceStart) break;
  }
  return false;
}

function findAddresses(tokens: Token[], out: Finding[]): void {
  const isOffice = isAddressOffice;
  for (let i = 0; i < tokens.length - 1; i++) {
    const t = tokens[i]!;
    if (t.kind !== Kind.Word || !t.cap) continue;
    const n = tokens[i + 1]!;
    if ((n.kind !== Kind.Num && n.kind !== Kind.NumClass) || !n.tight || n.end - n.start > 4) continue;
    if (!isStreetName(t.lower)) continue;
    const v = parseInt(n.lower, 10);
    if (!(v >= 1 && v <= 400)) continue;
    if (ownerCue(tokens, i, i + 2, 8, HOME_CUES, isOffice) === 'office' || officeMoves(tokens, i)) continue;
    let end = n.end;
    // "Storgatan 12 B", "lgh 1102"
    const after = tokens[i + 2];
    if (after?.tight && after.kind === Kind.Word && after.lower.length === 1 && after.cap) end = after.end;
    out.push({ category: 'address', confidence: 0.8, start: t.start, end });
    i++;
  }
  // Postal code and town: "523 31 Ulricehamn".
  for (let i = 0; i + 2 < tokens.length; i++) {
    const a = tokens[i]!;
    const b = tokens[i + 1]!;
    const c = tokens[i + 2]!;
    if (
      a.kind === Kind.Num &&
      a.end - a.start === 3 &&
      b.kind === Kind.Num &&
      b.end - b.start === 2 &&
      b.tight &&
      c.kind === Kind.Word &&
      c.cap &&
      c.tight
    ) {
      if (a.lower[0] === '0') continue;
      if (addressJustBefore(out, a.start)) {
        out.push({ category: 'address', confidence: 0.7, start: a.start, end: c.end });
      }
    }
  }
}

// ---------------------------------------------------------------- phones

function digitsOnly(s: string): string {
  let o = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) o += s[i];
  }
  return o;
}

/** The national form (leading 0) of a written Swedish phone number, or the digits as written. */
export function nationalPhone(written: string): string {
  let d = digitsOnly(written);
  if (written.trimStart().startsWith('+46')) d = `0${d.slice(2).replace(/^0/, '')}`;
  else if (d.startsWith('0046')) d = `0${d.slice(4).replace(/^0/, '')}`;
  return d;
}

interface PhoneSpan {
  start: number;
  end: number;
  national: string;
}

function scanPhones(text: string, tokens: readonly Token[], found: readonly Finding[]): PhoneSpan[] {
  const out: PhoneSpan[] = [];
  const n = text.length;
  let i = 0;
  // A number starts at a number token: at its first digit, or at the + before "46". Only those places are read.
  for (let q = 0; q < tokens.length; q++) {
    const u = tokens[q]!;
    if (u.kind === Kind.Word || u.start < i) continue;
    // "+46 …" is read from its +; any other number from its first digit.
    i =
      u.start > 0 && text.charCodeAt(u.start - 1) === 43 && text.charCodeAt(u.start) === 52 && text.charCodeAt(u.start + 1) === 54
        ? u.start - 1
        : u.start;
    const c = text.charCodeAt(i);
    const plus = c === 43 && text.charCodeAt(i + 1) === 52 && text.charCodeAt(i + 2) === 54;
    if (
      !(plus || c === 48) ||
      (i > 0 &&
        (isDigitCode(text.charCodeAt(i - 1)) ||
          isLetterCode(text.charCodeAt(i - 1)) ||
          text.charCodeAt(i - 1) === 46 ||
          text.charCodeAt(i - 1) === 47 ||
          text.charCodeAt(i - 1) === 58))
    ) {
      i++;
      continue;
    }
    const start = i;
    let k = plus ? i + 1 : i;
    let digits = 0;
    // The zeros of "(0)" groups, which the count of digits skips but the written number holds.
    let zeros = 0;
    let end = k;
    while (k < n && digits < 14) {
      const d = text.charCodeAt(k);
      if (isDigitCode(d)) {
        digits++;
        k++;
        end = k;
        continue;
      }
      // One separator between digit groups: space, hyphen, or "(0)" after +46.
      if ((d === 32 || d === 45 || d === 0xa0 || d === 0x2013) && isDigitCode(text.charCodeAt(k + 1))) {
        k++;
        continue;
      }
      // A spaced dash between groups: "073 - 910 22 64" (an en dash is a hyphen in canonical text).
      if (d === 32 && text.charCodeAt(k + 1) === 45 && text.charCodeAt(k + 2) === 32 && isDigitCode(text.charCodeAt(k + 3))) {
        k += 3;
        continue;
      }
      if (d === 32 && text.charCodeAt(k + 1) === 40 && text.charCodeAt(k + 2) === 48 && text.charCodeAt(k + 3) === 41) {
        k += 4;
        zeros++;
        continue;
      }
      if (d === 40 && text.charCodeAt(k + 1) === 48 && text.charCodeAt(k + 2) === 41) {
        k += 3;
        zeros++;
        continue;
      }
      break;
    }
    i = Math.max(end, i + 1);
    if (end < n && (isDigitCode(text.charCodeAt(end)) || isLetterCode(text.charCodeAt(end)))) continue;
    // The national form has no more digits than the written number: under eight, no phone number (a time, a date).
    if (digits + zeros < 8) continue;
    const written = text.slice(start, end);
    const national = nationalPhone(written);
    if (national.length < 8 || national.length > 10 || national[0] !== '0' || national[1] === '0') continue;
    // Swedish numbers are grouped: a plain run of 8 digits is more likely something else.
    if (!plus && national.length === 8 && written.indexOf('-') < 0 && written.indexOf(' ') < 0) continue;
    if (overlapsAny(found, start, end)) continue;
    out.push({ start, end, national });
  }
  return out;
}

const GIVE_VERBS = new Set(['gav', 'ger', 'lämnade', 'lämnar', 'skickade', 'uppgav', 'gave', 'gives', 'left', 'sent', 'texted']);
const SWITCHBOARD_WORDS = new Set(['växel', 'växeln', 'vx', 'vxl', 'switchboard']);

/** A family member calling or writing earlier in the sentence: "Styvpappan ringer skolan från …". */
function callerBefore(tokens: Token[], k: number): boolean {
  for (let m = k - 1; m >= 0 && m >= k - 8; m--) {
    const u = tokens[m]!;
    if ((u.bits2 & (C.PRIVATE_PHONE_CUE | C.POSSESSIVE)) === C.PRIVATE_PHONE_CUE) return true;
    if (u.sentenceStart) break;
  }
  return false;
}

function isOfficePhoneCue(u: Token, k: number, tokens: Token[]): boolean {
  const l = u.lower;
  if (isRoleToken(u) || (u.kind === Kind.Word ? (featuresOf(u) & W.PHONE_OFFICE) !== 0 : isOfficePhoneWord(l))) return true;
  return ME.has(l) && k > 0 && CONTACT_ME.has(tokens[k - 1]!.lower);
}

/** What of isOfficePhoneCue the word alone says. */
function isOfficePhoneWord(l: string): boolean {
  if (OFFICE_WORDS.has(l) || SELF_WORDS.has(l)) return true;
  // "BRIS vuxentelefon", "stödtelefonen": a line that answers the public.
  if (l.length > 8 && l.charCodeAt(l.length - 1) === 110 && (l.endsWith('telefon') || l.endsWith('telefonen') || l.endsWith('linjen')))
    return true;
  if (HELPLINES.has(l)) return true;
  // "Socialjourens nummer", "familjecentralens telefon": a unit's, in the genitive or by its ending.
  if (
    l.length > 5 &&
    (OFFICE_ENDINGS.match(l, 3) || (l.endsWith('s') && (OFFICE_WORDS.has(l.slice(0, -1)) || OFFICE_ENDINGS.match(l.slice(0, -1), 3))))
  )
    return true;
  return false;
}

function findPhones(text: string, tokens: Token[], switchboards: ReadonlySet<string>, out: Finding[]): void {
  const phones = scanPhones(text, tokens, out);
  if (!phones.length) return;
  let ti = 0;
  for (const p of phones) {
    if (switchboards.has(p.national)) continue;
    while (ti < tokens.length && tokens[ti]!.start < p.start) ti++;
    let k = ti;
    while (k < tokens.length && tokens[k]!.start < p.end) k++;
    // "0512-570 00 (växel)": a number labelled an office's right after it, in parentheses or as the switchboard.
    const label = tokens[k];
    if (
      label &&
      OFFICE_WORDS.has(label.lower) &&
      label.start - p.end <= 3 &&
      (text.charCodeAt(label.start - 1) === 40 || SWITCHBOARD_WORDS.has(label.lower))
    )
      continue;
    // "Styvpappan ringer skolan från 070-…": a number called from is the caller's.
    const from = tokens[ti - 1];
    // "… gav oss 070-…", "left me her number": given by someone named before.
    const given = !!from && ME.has(from.lower) && !!tokens[ti - 2] && GIVE_VERBS.has(tokens[ti - 2]!.lower);
    if (from && (from.lower === 'från' || from.lower === 'from' || given) && callerBefore(tokens, ti - 1)) {
      /* the caller's */
    }
    // The nearest cue decides: "pappan jobbar på polisen men nås privat på …" is the father's, "ring mig på …" the writer's.
    // After the number only a label right after it counts: "070-… (mamma)"; a comma starts another clause.
    else if (
      ownerCue(
        tokens,
        ti,
        k,
        6,
        PRIVATE_PHONE_CUES,
        isOfficePhoneCue,
        tokens[k] && !tokens[k]!.softBreak && !tokens[k]!.sentenceStart ? 1 : 0,
      ) === 'office'
    )
      continue;
    const mobile = p.national[1] === '7';
    // A landline ending in 00 is a switchboard by convention.
    if (!mobile && p.national.endsWith('00')) continue;
    out.push({ category: 'phone', confidence: mobile ? 0.85 : 0.7, start: p.start, end: p.end });
  }
}

// ---------------------------------------------------------------- e-mail

function isLocalCode(c: number): boolean {
  return (
    (c >= 97 && c <= 122) ||
    (c >= 65 && c <= 90) ||
    isDigitCode(c) ||
    c === 46 ||
    c === 95 ||
    c === 37 ||
    c === 43 ||
    c === 45 ||
    (c >= 0xc0 && c <= 0x24f)
  );
}

function isDomainCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || isDigitCode(c) || c === 46 || c === 45 || (c >= 0xc0 && c <= 0x24f);
}

function domainIsOrganisation(domain: string, orgDomains: readonly string[]): boolean {
  for (const d of orgDomains) if (domain === d || domain.endsWith(`.${d}`)) return true;
  return (
    domain.includes('kommun') ||
    domain.endsWith('.gov') ||
    domain.endsWith('.gov.se') ||
    domain.startsWith('skola.') ||
    domain.includes('region')
  );
}

function findEmails(text: string, orgDomains: readonly string[], out: Finding[]): void {
  let at = text.indexOf('@');
  let floor = 0;
  while (at >= 0) {
    let s = at;
    while (s > floor && s > at - 64 && isLocalCode(text.charCodeAt(s - 1))) s--;
    let e = at + 1;
    while (e < text.length && e < at + 254 && isDomainCode(text.charCodeAt(e))) e++;
    while (e > at + 1 && (text.charCodeAt(e - 1) === 46 || text.charCodeAt(e - 1) === 45)) e--;
    const local = text.slice(s, at).replace(/^[.]+/, '');
    const domain = text.slice(at + 1, e).toLowerCase();
    const dot = domain.lastIndexOf('.');
    if (local.length > 0 && dot > 0 && domain.length - dot - 1 >= 2) {
      const l = local.toLowerCase();
      let functional = FUNCTIONAL_MAILBOXES.has(l) || domainIsOrganisation(domain, orgDomains);
      if (!functional)
        for (const f of FUNCTIONAL_FRAGMENTS)
          if (l.includes(f)) {
            functional = true;
            break;
          }
      if (!functional) {
        out.push({
          category: 'email',
          confidence: FREEMAIL_DOMAINS.has(domain) ? 0.9 : 0.7,
          start: s + (text.slice(s, at).length - local.length),
          end: e,
        });
      }
    }
    floor = Math.max(at + 1, e);
    at = text.indexOf('@', at + 1);
  }
}

// ---------------------------------------------------------------- detector

/**
 * What the detector derives from the organisation's lists (normalised names,
 * national phone numbers, domains), kept per list: the lists are the same
 * arrays for the organisation's life, while the options object around them is
 * new for every message (it carries the message's time).
 */
const NONE: readonly string[] = [];
const officialsOf = new WeakMap<readonly string[], Set<string>>();
const switchboardsOf = new WeakMap<readonly string[], Set<string>>();
const domainsOf = new WeakMap<readonly string[], string[]>();

function kept<T>(cache: WeakMap<readonly string[], T>, list: readonly string[], derive: (list: readonly string[]) => T): T {
  let value = cache.get(list);
  if (value === undefined) {
    value = derive(list);
    cache.set(list, value);
  }
  return value;
}

// The derivations are module functions, not closures made per call (a loader that keeps names wraps each closure made).
function officialSet(l: readonly string[]): Set<string> {
  return new Set(l.map(normaliseName).filter(Boolean));
}
function switchboardSet(l: readonly string[]): Set<string> {
  return new Set(l.map(nationalPhone).filter(Boolean));
}
function domainList(l: readonly string[]): string[] {
  return l.map((d) => d.trim().toLowerCase().replace(/^@/, '')).filter(Boolean);
}

/** Whether a finding overlaps [s, e). */
function overlapsAny(out: readonly Finding[], s: number, e: number): boolean {
  for (let k = 0; k < out.length; k++) {
    const f = out[k]!;
    if (f.start < e && s < f.end) return true;
  }
  return false;
}

/** Whether a name finding overlaps [s, e). */
function nameOverlaps(out: readonly Finding[], s: number, e: number): boolean {
  for (let k = 0; k < out.length; k++) {
    const f = out[k]!;
    if (f.start < e && s < f.end && (f.category === 'name' || f.category === 'name-with-class' || f.category === 'name-with-age'))
      return true;
  }
  return false;
}

/** Whether an address finding ends less than four characters before `at`. */
function addressJustBefore(out: readonly Finding[], at: number): boolean {
  for (let k = 0; k < out.length; k++) {
    const f = out[k]!;
    if (f.category === 'address' && f.end <= at && at - f.end < 4) return true;
  }
  return false;
}

/**
 * The findings in text order, stably (as Array.prototype.sort with a comparator of starts): an insertion sort, since
 * a message has a handful of findings, and the library sort's set-up costs more than sorting them.
 */
function sortByStart(out: Finding[]): void {
  for (let k = 1; k < out.length; k++) {
    const f = out[k]!;
    let m = k - 1;
    if (out[m]!.start <= f.start) continue;
    while (m >= 0 && out[m]!.start > f.start) {
      out[m + 1] = out[m]!;
      m--;
    }
    out[m + 1] = f;
  }
}

/** The findings without phone numbers (a number counts only in a message about a child). */
function withoutPhones(out: Finding[]): Finding[] {
  let k = 0;
  while (k < out.length && out[k]!.category !== 'phone') k++;
  if (k === out.length) return out;
  const kept: Finding[] = [];
  for (const f of out) if (f.category !== 'phone') kept.push(f);
  return kept;
}

const NO_OPTIONS: DetectOptions = {};

interface Flags {
  /** The message is about a child's or family's situation. */
  context: boolean;
  /** The message says its case is invented or de-identified (and does not deny it). */
  invented: boolean;
  /** The message speaks of one child or family: not only of the institution's work (INSTITUTIONAL_CONTEXT). */
  childContext: boolean;
  /** The message says its case is real ("på riktigt", "det hände i går"): a marker does not clear it. */
  real: boolean;
  /** The message is about staff work: cover, colleagues, someone's caseload, a meeting moved. */
  staffTalk: boolean;
}

const TAKE_OVER = new Set(['tar', 'ta', 'tagit', 'tog', 'take', 'takes', 'taking', 'took', 'täcker', 'täcka']);
const OVER = new Set(['över', 'over', 'upp']);
const MOVED = words(`flyttas ställs inställt inställd inställda utgår skjuts cancelled canceled postponed rescheduled`);

const BOOKISH = words(
  `boken böckerna litteraturen kurslitteraturen rapporten filmen läroboken book books textbook literature report film novel`,
);
const TRAINING_WORDS = words(`training practice teaching discussion övnings utbildnings tänkt tänkta fictional hypothetical`);

/** Whether the marker at k is an invented-case marker: a word, or a phrase ("tänkt fall", "made up", "case study", "Exempel:"). */
function inventedAt(text: string, tokens: Token[], k: number): boolean {
  const t = tokens[k]!;
  const l = t.lower;
  if (DEIDENTIFIED_WORDS.has(l)) return true;
  const next = tokens[k + 1];
  const n = next?.tight ? next.lower : '';
  if ((l === 'tänkt' || l === 'tänkta' || l === 'invented' || l === 'imaginary' || l === 'påhittade') && INVENTED_NOUNS.has(n)) return true;
  if (l === 'made' && n === 'up') return true;
  // "Tänk er följande:", "Föreställ dig en elev …", "Imagine a pupil …", "Låtsas att …"
  if (t.sentenceStart && (l === 'tänk' || l === 'föreställ') && (n === 'er' || n === 'dig' || n === 'er,')) return true;
  if (t.sentenceStart && (l === 'imagine' || l === 'suppose' || l === 'låtsas')) return true;
  // "Fall 1:", "Case B –", "Övning 2:" numbering the cases of an exercise
  if (
    t.sentenceStart &&
    (l === 'fall' || l === 'case' || l === 'övning' || l === 'uppgift' || l === 'exercise') &&
    next?.tight &&
    (next.kind !== Kind.Word || next.end - next.start === 1)
  ) {
    const c = text.charCodeAt(next.end);
    if (c === 58 || c === 46 || (c === 32 && (text.charCodeAt(next.end + 1) === 45 || text.charCodeAt(next.end + 1) === 0x2013)))
      return true;
  }
  if (l === 'case' && n === 'study') return true;
  if (l === 'example' || l === 'exempel' || l === 'exempelvis' || l === 'scenario' || l === 'scenariot') {
    if (n === 'case' || n === 'scenario' || n === 'fall' || n === 'vignette') return true;
    // "Exempel: …", "Ett exempel: …", "Example – …"
    const p = tokens[k - 1];
    const opens =
      t.sentenceStart || (!!p && p.sentenceStart && (p.lower === 'ett' || p.lower === 'an' || p.lower === 'a' || p.lower === 'one'));
    if (opens && k + 1 < tokens.length && (text.charCodeAt(t.end) === 58 || (next?.softBreak && !next.tight))) return true;
    // "the training scenario", "ett övningsexempel"
    if (p && TRAINING_WORDS.has(p.lower)) return true;
    // "Exempel ur boken …", "an example from the literature": a case from a book.
    if (n === 'ur' || n === 'från' || n === 'from') {
      const a = tokens[k + 2]?.lower ?? '';
      if (BOOKISH.has(a) || ((a === 'the' || a === 'a') && BOOKISH.has(tokens[k + 3]?.lower ?? ''))) return true;
    }
  }
  return false;
}

/**
 * A marker that does not mark this case: negated a few words before ("inte ett påhittat fall", "this isn't a made-up
 * case"), hedged ("det låter hypotetiskt men …"), or denied right after ("Fingerat? Nej, …", "Case study? No – …").
 */
function negatedBefore(tokens: Token[], k: number): boolean {
  for (let m = k - 1; m >= 0 && m >= k - 4; m--) {
    const after = tokens[m + 1]!;
    if (after.sentenceStart || after.softBreak) break;
    const l = tokens[m]!.lower;
    if (NEGATIONS.has(l) || HEDGES.has(l)) return true;
  }
  for (let m = k + 1; m < tokens.length && m <= k + 2; m++) {
    const u = tokens[m]!;
    if (u.sentenceStart && DENIALS.has(u.lower)) return true;
  }
  return false;
}
const HEDGES = new Set(['låter', 'verkar', 'känns', 'sounds', 'seems', 'looks', 'like']);
const DENIALS = new Set(['nej', 'no', 'nope', 'inte', 'not']);
const HAPPENS = new Set(['händer', 'förekommer', 'sker', 'happens', 'happen', 'occur', 'occurs']);

/**
 * The message says its case is real: "på riktigt", "ett riktigt fall", "jag behöver hjälp med ett riktigt:", "det
 * hände i går", "this is real". Not as an intensifier ("ett riktigt svårt fall", "a real concern") and not denied
 * ("ett påhittat fall, inte ett verkligt").
 */
function realityAt(tokens: Token[], k: number): boolean {
  const l = tokens[k]!.lower;
  const prev = tokens[k - 1]?.lower ?? '';
  const next = tokens[k + 1];
  const ends = !next || next.sentenceStart || next.softBreak;
  const noun =
    !!next &&
    !ends &&
    (INVENTED_NOUNS.has(next.lower) ||
      next.lower === 'händelse' ||
      next.lower === 'person' ||
      next.lower === 'pupil' ||
      next.lower === 'child');
  let real = false;
  if (l === 'riktigt' || l === 'riktig' || l === 'riktiga')
    real = prev === 'på' ? !HAPPENS.has(tokens[k - 2]?.lower ?? '') : noun || ((prev === 'ett' || prev === 'en') && ends);
  else if (l === 'verkligt' || l === 'verklig' || l === 'verkliga') real = !HAPPENS.has(prev) && (noun || ends);
  else if (l === 'verkligheten')
    real = !HAPPENS.has(prev) && prev === 'i' && (tokens[k - 2]?.lower === 'det' || tokens[k - 2]?.lower === 'är');
  else if (l === 'hände' || l === 'happened')
    real = prev === 'det' || prev === 'it' || prev === 'this' || prev === 'actually' || prev === 'faktiskt';
  else if (l === 'real') real = noun || ((prev === 'is' || prev === 'for' || prev === 'are') && ends);
  return real && !negatedBefore(tokens, k);
}

function flagsOf(text: string, tokens: Token[]): Flags {
  let context = false;
  let invented = false;
  let staffTalk = false;
  let reality = false;
  let childContext = false;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.kind !== Kind.Word) continue;
    const l = t.lower;
    // "a black eye", "ett blått öga": an injury.
    if (
      t.bits & B.EYE &&
      ((l === 'eye' && tokens[k - 1]?.lower === 'black') || ((l === 'öga' || l === 'ögat') && tokens[k - 1]?.lower.startsWith('blå')))
    )
      childContext = context = true;
    if (!childContext && (t.bits & B.CONTEXT || (!context && featuresOf(t) & (W.CONTEXT_WORD | W.CONTEXT_FORM)))) {
      context = true;
      // "Rädda Barnen", "Barnens Hus": capitals inside a sentence name an organisation.
      if (properNoun(t, tokens[k - 1], tokens[k + 1])) continue;
      // Exact list words that are no institution's; a word known only by its prefix ("placeringskostnader") is one.
      if (t.bits & B.CONTEXT ? !(t.bits2 & C.INSTITUTIONAL) : featuresOf(t) & W.CHILD_FORM) childContext = true;
    }
    if (
      !childContext &&
      t.bits & (B.KIN | B.CHILDISH) &&
      !properNoun(t, tokens[k - 1], tokens[k + 1]) &&
      !(t.bits2 & C.INSTITUTIONAL) &&
      !(t.bits & B.FAMILY && t.bits2 & C.WORK_NOUN)
    )
      childContext = context = true;
    if (!(t.bits & B.FLAGS)) continue;
    if (!context && (l === 'services' || l === 'worker' || l === 'care') && tokens[k - 1]?.lower === 'social') context = true;
    if (!invented && inventedAt(text, tokens, k) && !negatedBefore(tokens, k)) invented = true;
    if (!reality && realityAt(tokens, k)) reality = true;
    if (!staffTalk) {
      const n = tokens[k + 1]?.lower ?? '';
      if (STAFF_MARKERS.has(l) || MOVED.has(l) || (TAKE_OVER.has(l) && OVER.has(n)) || (POSSESSIVE_PRONOUNS.has(l) && WORK_NOUNS.has(n)))
        staffTalk = true;
    }
  }
  return { context, childContext, invented, real: reality, staffTalk };
}

/** Texts longer than this are read in pieces, so that the work stays linear and small. */
const CHUNK = 2048;

/** Every identifier in `text` that makes it about an identifiable person, in text order. */
export function detectIdentifiers(text: string, options: DetectOptions = NO_OPTIONS): Finding[] {
  const now = options.now ?? new Date();
  if (text.length <= CHUNK * 2) return detectIn(text, options, now, undefined);
  // A long text: the whole text decides the context, then each piece is read on its own.
  const bounds = chunkBounds(text);
  const flags: Flags = { context: false, childContext: false, invented: false, real: false, staffTalk: false };
  for (let k = 0; k + 1 < bounds.length; k++) {
    const piece = text.slice(bounds[k], bounds[k + 1]);
    const f = flagsOf(piece, tokenize(piece));
    const pnr = findPersonnummer(piece, now).length > 0;
    flags.context ||= f.context || pnr;
    flags.childContext ||= f.childContext || pnr;
    flags.invented ||= f.invented;
    flags.staffTalk ||= f.staffTalk;
    flags.real ||= f.real;
  }
  const out: Finding[] = [];
  for (let k = 0; k + 1 < bounds.length; k++) {
    const offset = bounds[k]!;
    for (const f of detectIn(text.slice(offset, bounds[k + 1]), options, now, flags)) {
      f.start += offset;
      f.end += offset;
      out.push(f);
    }
  }
  return out;
}

/** Piece boundaries near every CHUNK characters: at a line or sentence end, else a space after a letter. */
function chunkBounds(text: string): number[] {
  const bounds = [0];
  let at = 0;
  while (text.length - at > CHUNK * 2) {
    const target = at + CHUNK;
    let cut = -1;
    for (let k = target; k > target - 512 && cut < 0; k--) {
      const c = text.charCodeAt(k);
      if (c === 10 || (c === 32 && text.charCodeAt(k - 1) === 46)) cut = k + 1;
    }
    for (let k = target; k > target - 512 && cut < 0; k--) {
      if (
        text.charCodeAt(k) === 32 &&
        isLetterCode(text.charCodeAt(k - 1)) &&
        !isLetterCode(text.charCodeAt(k + 1)) === false &&
        text.charCodeAt(k + 1) !== 32
      ) {
        const next = text.charCodeAt(k + 1);
        if (!isDigitCode(next) && next !== 43) cut = k + 1;
      }
    }
    if (cut < 0) cut = target;
    bounds.push(cut);
    at = cut;
  }
  bounds.push(text.length);
  return bounds;
}

const NO_MATCHES: readonly PersonnummerMatch[] = [];

function detectIn(text: string, options: DetectOptions, now: Date, forced: Flags | undefined): Finding[] {
  const out: Finding[] = [];
  const tokens = tokenize(text);
  // Every written personnummer holds ten digits or more (counted by tokenize): most messages have fewer and need no
  // scan for one.
  const pnrs = digitCount < 10 ? NO_MATCHES : findPersonnummerInRuns(text, digitRunsOf(tokens), now);
  for (const m of pnrs) {
    out.push({ category: m.kind, confidence: 1, start: m.start, end: m.end, normalised: m.normalised });
  }
  const flags = forced ? { ...forced } : flagsOf(text, tokens);
  // A ten-digit run starting 07 right after a phone word is a mobile number, not a personnummer.
  if (pnrs.length) reclassifyPhoneLike(text, tokens, out);
  // An invented case clears the indirect identifiers only: a personnummer is a real person's wherever it stands.
  // "Vi tog ett påhittat exempel på utbildningen, men nu gäller det … på riktigt": a case said to be real is real.
  if (flags.invented && !flags.real) return withoutPhones(out);
  // A personnummer makes the message about a person: what else it says of them counts too.
  if (pnrs.length) {
    flags.context = true;
    flags.childContext = true;
  }
  const { context } = flags;

  const officials = kept(officialsOf, options.officialNames ?? NONE, officialSet);
  findNames(text, tokens, officials, flags, out);
  findInitials(text, tokens, context, out);
  findSingledOut(tokens, out);
  if (!context) {
    if (out.length > 1) sortByStart(out);
    return withoutPhones(out);
  }
  findAddresses(tokens, out);
  findPhones(text, tokens, kept(switchboardsOf, options.switchboardNumbers ?? NONE, switchboardSet), out);
  if (text.indexOf('@') >= 0) findEmails(text, kept(domainsOf, options.organisationDomains ?? NONE, domainList), out);
  if (out.length > 1) sortByStart(out);
  return out;
}

/**
 * The text's runs of ASCII digits, from its number tokens: every such digit is in one, and a number token begins with
 * a whole run (a class's letter or an ordinal's ending may follow it in the token). Read right after tokenize(text).
 */
function digitRunsOf(tokens: readonly Token[]): Run[] {
  const runs: Run[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.kind === Kind.Word) continue;
    let end = t.start;
    while (end < t.end && isDigitCode(codes[end]!)) end++;
    runs.push({ start: t.start, end });
  }
  return runs;
}

function reclassifyPhoneLike(text: string, tokens: Token[], out: Finding[]): void {
  for (let f = 0; f < out.length; f++) {
    const x = out[f]!;
    if (x.end - x.start !== 10 || text.charCodeAt(x.start) !== 48 || text.charCodeAt(x.start + 1) !== 55) continue;
    let cue = false;
    for (const t of tokens) {
      if (t.end > x.start) break;
      if (x.start - t.end < 20 && PHONE_CUES.has(t.lower)) cue = true;
    }
    if (cue) out[f] = { category: 'phone', confidence: 0.8, start: x.start, end: x.end };
  }
}
