import { GIVEN_NAMES as GIVEN } from './given-names';
import * as L from './lexicon';
import { findPersonnummer } from './personnummer';

// Local bindings: module namespace access compiles to getters under some loaders; these are read per token.
const GIVEN_NAMES = GIVEN;
const {
  AMBIGUOUS_NAMES, CHILD_NOUNS_BEFORE, CLASS_ORDINALS, CLASS_WORDS, COLLEAGUE_VERBS, COMMON_WORDS, CONTEXT_WORDS,
  DEIDENTIFIED_WORDS, FAMILY_WORDS, FREEMAIL_DOMAINS, FUNCTIONAL_FRAGMENTS, FUNCTIONAL_MAILBOXES, GREETING_WORDS,
  NEVER_NAMES, OFFICE_WORDS, PHONE_CUES, ROLE_WORDS, STREET_SUFFIXES, SURNAMES, SURNAME_SUFFIXES,
} = L;

/**
 * The identifier detector of the consent gate (SPEC section 6).
 *
 * Direct identifiers (personnummer, samordningsnummer) count wherever they
 * stand. Indirect ones (names, a first name with a class or an age, a street
 * address, a private phone number or e-mail address) count only when the
 * same message is about a child's or family's situation, and never when the
 * message says its case is invented or de-identified.
 *
 * Everything here is a single left-to-right pass over the text and its
 * tokens with Set lookups: no backtracking regular expressions, so the time
 * is linear in the length of the message.
 */

export type IdentifierCategory =
  | 'personnummer' | 'samordningsnummer' | 'name' | 'name-with-class' | 'name-with-age' | 'address' | 'phone' | 'email';

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

const enum Kind { Word, Num, NumClass }

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
  /** The gap before holds a comma, parenthesis or dash (not a sentence end). */
  softBreak: boolean;
  /** The gap before holds an @ or this token is inside a Teams <at> mention. */
  mention: boolean;
  /** The gap before holds a slash directly before the token ("/Lena"). */
  slash: boolean;
}

function isLetterCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7);
}

function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isUpperCode(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde && c !== 0xd7);
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let i = 0;
  let gapStart = 0;
  let inMention = false;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 60 /* < */) {
      if (text.startsWith('<at>', i)) { inMention = true; i += 4; continue; }
      if (text.startsWith('</at>', i)) { inMention = false; i += 5; gapStart = i; continue; }
    }
    const letter = isLetterCode(c);
    if (!letter && !isDigitCode(c)) { i++; continue; }
    const start = i;
    let kind: Kind;
    let colonS = false;
    if (letter) {
      kind = Kind.Word;
      i++;
      for (;;) {
        while (i < n && isLetterCode(text.charCodeAt(i))) i++;
        // Ann-Mari, Karlsson-Lind: a hyphen between letters stays inside the word.
        if (i + 1 < n && text.charCodeAt(i) === 45 && isLetterCode(text.charCodeAt(i + 1))) { i++; continue; }
        break;
      }
    } else {
      kind = Kind.Num;
      while (i < n && isDigitCode(text.charCodeAt(i))) i++;
      // 7B, 9c: one letter right after one or two digits, then no letter.
      if (i - start <= 2 && i < n && isLetterCode(text.charCodeAt(i)) && !(i + 1 < n && isLetterCode(text.charCodeAt(i + 1)))) {
        const l = text.charCodeAt(i) | 32;
        if (l >= 97 && l <= 104) { kind = Kind.NumClass; i++; }
      }
    }
    let end = i;
    const word = text.slice(start, end);
    // Genitive with colon: "Ali:s", "7B:s"; ordinal "7:an" stays a number.
    if (i + 1 < n && text.charCodeAt(i) === 58 && (text.charCodeAt(i + 1) | 32) === 115 && !(i + 2 < n && isLetterCode(text.charCodeAt(i + 2)))) {
      colonS = true;
      i += 2;
    }
    let tight = true;
    let sentenceStart = tokens.length === 0;
    let softBreak = false;
    let mention = inMention;
    let slash = false;
    for (let k = gapStart; k < start; k++) {
      const g = text.charCodeAt(k);
      if (g === 32 || g === 9 || g === 0xa0) continue;
      tight = false;
      if (g === 46 || g === 33 || g === 63 || g === 10 || g === 13 || g === 58 || g === 59 || g === 0x2022 || g === 42 || g === 35) sentenceStart = true;
      else if (g === 44 || g === 40 || g === 41 || g === 45 || g === 0x2013 || g === 0x2014) softBreak = true;
      else if (g === 64) mention = true;
      else if (g === 47 && k === start - 1) slash = true;
    }
    const lower = kind === Kind.Word ? word.toLowerCase() : word;
    const cap = kind === Kind.Word && lower.charCodeAt(0) !== word.charCodeAt(0);
    const allCaps = cap && word.length > 1 && isUpperCode(word.charCodeAt(1));
    tokens.push({ kind, start, end, lower, cap, allCaps, colonS, tight, sentenceStart, softBreak, mention, slash });
    gapStart = i;
    end = i;
  }
  return tokens;
}

// ---------------------------------------------------------------- helpers

const CONTEXT_PREFIXES = ['orosanm', 'familjehem', 'frånvar', 'placer', 'vårdnadshav', 'hemmasitt', 'skolfrånv', 'sip-', 'lvu', 'jourhem'];
const CONTEXT_PREFIX_FIRST = new Set(CONTEXT_PREFIXES.map((p) => p.charCodeAt(0)));

function isContextWord(lower: string): boolean {
  if (CONTEXT_WORDS.has(lower)) return true;
  if (lower.length < 3 || !CONTEXT_PREFIX_FIRST.has(lower.charCodeAt(0))) return false;
  for (const p of CONTEXT_PREFIXES) if (lower.startsWith(p)) return true;
  return false;
}

function endsWithAny(s: string, suffixes: readonly string[], minStem: number): boolean {
  for (const x of suffixes) if (s.length >= x.length + minStem && s.endsWith(x)) return true;
  return false;
}

/** "Esplanaden", "Strandvägen": a long street ending is a street name by itself. */
function isStreetName(lower: string): boolean {
  if (endsWithAny(lower, STREET_SUFFIXES, 3)) return true;
  for (const x of STREET_SUFFIXES) if (x.length >= 6 && lower === x) return true;
  return false;
}

const MEETING_WORDS = new Set(['mötet', 'möte', 'träffas', 'ses', 'träff', 'samling', 'samlas', 'lokal', 'kommunhusets', 'stadshusets', 'konferens']);

/** Lexicon given name, also hyphenated ("anna-karin", "ali-reza"). */
function isGivenName(lower: string): boolean {
  if (NEVER_NAMES.has(lower)) return false;
  if (GIVEN_NAMES.has(lower)) return true;
  const dash = lower.indexOf('-');
  if (dash > 0) {
    const a = lower.slice(0, dash);
    const b = lower.slice(dash + 1);
    return GIVEN_NAMES.has(a) && GIVEN_NAMES.has(b);
  }
  return false;
}

function isAmbiguous(lower: string): boolean {
  return lower.length <= 3 || AMBIGUOUS_NAMES.has(lower);
}

/** Endings of Swedish definite and plural nouns: an unknown capitalised word with them is a noun, not a name. */
const NOUN_ENDINGS = ['en', 'et', 'on', 'onen', 'na', 'erna', 'arna', 'orna', 'an', 'ten', 'ning', 'ningen', 'het', 'heten', 'else', 'skap', 'tion', 'are', 'ande', 'ende', 'isk', 'iska', 'lig', 'liga', 'ad', 'at', 'ade', 'ar', 'er', 'or'];

function couldBeUnknownName(t: Token): boolean {
  if (t.kind !== Kind.Word || !t.cap || t.allCaps || t.lower.length < 3) return false;
  const l = t.lower;
  if (COMMON_WORDS.has(l) || NEVER_NAMES.has(l) || isContextWord(l) || ROLE_WORDS.has(l) || FAMILY_WORDS.has(l) || CHILD_NOUNS_BEFORE.has(l)) return false;
  if (DEIDENTIFIED_WORDS.has(l) || GREETING_WORDS.has(l) || COLLEAGUE_VERBS.has(l) || CLASS_WORDS.has(l)) return false;
  if (endsWithAny(l, NOUN_ENDINGS, 3)) return false;
  return true;
}

function isSurname(t: Token | undefined, strictOnly: boolean): 'strong' | 'weak' | undefined {
  if (!t || t.kind !== Kind.Word || !t.cap || t.allCaps || !t.tight || t.sentenceStart) return undefined;
  const l = t.lower;
  if (COMMON_WORDS.has(l) || NEVER_NAMES.has(l) || ROLE_WORDS.has(l) || isContextWord(l) || FAMILY_WORDS.has(l)) return undefined;
  if (SURNAMES.has(l)) return 'strong';
  const dash = l.indexOf('-');
  if (dash > 0 && SURNAMES.has(l.slice(0, dash)) && SURNAMES.has(l.slice(dash + 1))) return 'strong';
  if (endsWithAny(l, SURNAME_SUFFIXES, 2)) return 'strong';
  if (GIVEN_NAMES.has(l) && !AMBIGUOUS_NAMES.has(l)) return 'weak';
  if (strictOnly) return undefined;
  if (l.length >= 3 && !endsWithAny(l, NOUN_ENDINGS, 3)) return 'weak';
  return undefined;
}

const CLASS_FILLER = new Set(['i', 'som', 'går', 'gick', 'på', 'från', 'ur', 'är', 'har', 'börjat', 'börjar', 'nu', 'och', 'eleven', 'elev', 'numera']);
const PRESCHOOL_CLASS = new Set(['förskoleklass', 'förskoleklassen', 'f-klass', 'f-klassen', 'fklass', 'sexårs', 'sexårsverksamheten']);
const AGE_FILLER = new Set(['som', 'är', 'blir', 'fyller', 'snart', 'ca', 'cirka', 'nästan', 'bara', 'nyss', 'fyllda', 'och']);
const AGE_WORDS = new Set(['år', 'års', 'åring', 'åringen', 'år,']);
const BORN_WORDS = new Set(['född', 'f', 'föd', 'födde']);
const ORG_AFTER_FROM = new Set([
  'soc', 'socialtjänsten', 'bup', 'skolan', 'elevhälsan', 'ifo', 'polisen', 'bvc', 'hab', 'förvaltningen', 'kommunen',
  'familjecentralen', 'öppenvården', 'fältgruppen', 'barnhälsovården', 'habiliteringen', 'socialförvaltningen', 'utbildningsförvaltningen',
  'fritid', 'fritidsgården', 'ungdomsmottagningen', 'vårdcentralen', 'regionen', 'barn-', 'kultur', 'öppenvårdsteamet',
]);
const SELF_WORDS = new Set(['mig', 'mitt', 'min', 'jag', 'oss', 'vårt', 'vår', 'direkt', 'kontoret', 'arbete', 'jobbet', 'jobbnummer', 'tjänstenummer', 'tjänstetelefon']);

function classAfter(tokens: Token[], j: number): boolean {
  for (let k = j, seen = 0; k < tokens.length && seen < 5; k++, seen++) {
    const t = tokens[k]!;
    if (t.sentenceStart && k > j) return false;
    if (t.kind === Kind.NumClass) return true;
    if (t.kind === Kind.Num) return false;
    const l = t.lower;
    if (CLASS_WORDS.has(l) && l !== 'år') {
      const next = tokens[k + 1];
      return !!next && (next.kind === Kind.Num || next.kind === Kind.NumClass) && next.end - next.start <= 2 && Number(next.lower.slice(0, 2).replace(/\D/g, '')) <= 10;
    }
    if (CLASS_ORDINALS.has(l) || PRESCHOOL_CLASS.has(l)) return true;
    if (!CLASS_FILLER.has(l)) return false;
  }
  return false;
}

function ageAfter(tokens: Token[], j: number, text: string): boolean {
  for (let k = j, seen = 0; k < tokens.length && seen < 5; k++, seen++) {
    const t = tokens[k]!;
    if (t.sentenceStart && k > j) return false;
    if (t.kind === Kind.Num) {
      const v = Number(t.lower);
      const len = t.end - t.start;
      const next = tokens[k + 1];
      if (len <= 2 && v <= 25) {
        if (next && next.tight && (AGE_WORDS.has(next.lower) || next.lower.startsWith('åring'))) return true;
        if (next && !next.tight && next.lower.startsWith('åri') && text.charCodeAt(next.start - 1) === 45) return true;
        // "Ali (12)" or "Ali, 12, har"
        if (text.charCodeAt(t.start - 1) === 40 && text.charCodeAt(t.end) === 41) return true;
        if (k === j && t.softBreak && text.charCodeAt(t.end) === 44) return true;
        return false;
      }
      return false;
    }
    if (t.kind === Kind.NumClass) return false;
    const l = t.lower;
    if (BORN_WORDS.has(l)) {
      const next = tokens[k + 1];
      return !!next && next.kind === Kind.Num && (next.end - next.start === 4 || next.end - next.start === 2 || next.end - next.start === 6 || next.end - next.start === 8);
    }
    if (!AGE_FILLER.has(l)) return false;
  }
  return false;
}

function ageBefore(tokens: Token[], i: number): boolean {
  const p = tokens[i - 1];
  const pp = tokens[i - 2];
  return !!p && !!pp && pp.kind === Kind.Num && /^åri(ga|ge|ng)$/.test(p.lower);
}

function childNounBefore(tokens: Token[], i: number): boolean {
  const p = tokens[i - 1];
  if (!p || !p.tight) return false;
  if (CHILD_NOUNS_BEFORE.has(p.lower) || p.lower === 'heter' || p.lower === 'hette') return true;
  // "mamma till Ali", "pappa till Sara".
  const pp = tokens[i - 2];
  return p.lower === 'till' && !!pp && pp.tight && FAMILY_WORDS.has(pp.lower);
}

/** A role word right before ("rektor Anna Berg", "vår kurator Lena") or right after with a comma, dash, parenthesis or line break. */
function roleAround(tokens: Token[], i: number, j: number): boolean {
  const p = tokens[i - 1];
  if (p && !tokens[i]!.sentenceStart && ROLE_WORDS.has(p.lower)) return true;
  const pp = tokens[i - 2];
  if (p && pp && ROLE_WORDS.has(pp.lower) && (p.lower === 'rektor' || p.lower === 'kurator' || p.lower === 'ansvarig')) return true;
  const a = tokens[j];
  if (a && ROLE_WORDS.has(a.lower)) return true;
  // "Lena Ek som är kurator", "Lena från soc", "Anna på BUP".
  if (a && (a.lower === 'från' || a.lower === 'på' || a.lower === 'på')) {
    const b = tokens[j + 1];
    if (b && (ORG_AFTER_FROM.has(b.lower) || b.allCaps)) return true;
  }
  // "Lena Ek och Johan Berg från socialtjänsten": a role after the second name covers both.
  if (a && a.lower === 'och') {
    let k = j + 1;
    while (k < tokens.length && k < j + 4 && tokens[k]!.cap && tokens[k]!.tight) k++;
    if (k > j + 1 && k < tokens.length && roleAround(tokens, j + 1, k)) return true;
  }
  if (a && a.lower === 'som') {
    const b = tokens[j + 1];
    const c = tokens[j + 2];
    if (b && (b.lower === 'är' || b.lower === 'jobbar') && c && (ROLE_WORDS.has(c.lower) || c.lower === 'som')) return true;
  }
  return false;
}

function colleagueAround(tokens: Token[], i: number, j: number): boolean {
  const p = tokens[i - 1];
  const t = tokens[i]!;
  if (t.mention || t.slash) return true;
  if (p && GREETING_WORDS.has(p.lower) && (p.sentenceStart || i - 1 === 0 || !tokens[i - 2] || tokens[i - 2]!.sentenceStart || p.lower === 'tack' || p.lower === 'hej')) return true;
  if (p && p.lower === 'och' && tokens[i - 2]?.lower === 'jag') return true;
  const a = tokens[j];
  if (a && COLLEAGUE_VERBS.has(a.lower)) return true;
  if (a && a.lower === 'och' && tokens[j + 1]?.lower === 'jag') return true;
  // "Kan Sara ta …", "Kan du, Sara, …"
  if (p && (p.lower === 'kan' || p.lower === 'skulle' || p.lower === 'vill') && a && COLLEAGUE_VERBS.has(a.lower)) return true;
  if (p && (p.lower === 'kan' || p.lower === 'vill' || p.lower === 'skulle') && tokens[j + 1] && COLLEAGUE_VERBS.has(tokens[j + 1]!.lower)) return true;
  if (a && a.softBreak && (a.lower === 'kan' || a.lower === 'vill' || a.lower === 'tar') && tokens[j + 1]?.lower === 'du') return true;
  // A name closing a message after a line break: a signature.
  if (t.sentenceStart && j >= tokens.length - 1 && i > 0) return true;
  return false;
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
    const normalised = /[^\x20-\x7e\u00c0-\u00ff]/.test(name) ? normaliseName(name) : name;
    if (officials.has(normalised)) return k - i + 1;
  }
  return 0;
}

// ---------------------------------------------------------------- names

/**
 * Names. Without a child's context in the message only a name with a school
 * class or an age is kept: that pairing is itself about a pupil or a child.
 */
function findNames(text: string, tokens: Token[], officials: ReadonlySet<string>, context: boolean, out: Finding[]): void {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind !== Kind.Word) continue;
    let lower = t.lower;
    let genitive = t.colonS;
    let given = isGivenName(lower);
    // "Alis mamma": genitive s on a lexicon name.
    if (!given && lower.length > 3 && lower.endsWith('s') && isGivenName(lower.slice(0, -1))) {
      const next = tokens[i + 1];
      if (next && next.tight && FAMILY_WORDS.has(next.lower)) { lower = lower.slice(0, -1); given = true; genitive = true; }
    }
    const unknown = !given && couldBeUnknownName(t);
    if (!given && !unknown) continue;
    if (given && !t.cap && COMMON_WORDS.has(lower)) continue;
    if (t.allCaps && !given) continue;

    // The name's extent: first name, then up to two surnames.
    let j = i + 1;
    let surname: 'strong' | 'weak' | undefined;
    if (!genitive) {
      const s1 = isSurname(tokens[j], !given);
      if (s1 && !tokens[j]!.colonS) {
        surname = s1;
        j++;
        const s2 = isSurname(tokens[j], true);
        if (s2 === 'strong') j++;
        else if (tokens[j - 1]!.colonS) { /* genitive ends the name */ }
      } else if (s1) {
        surname = s1;
        j++;
      }
    }
    const last = tokens[j - 1]!;
    const after = tokens[j];
    const familyAfter = !!after && after.tight && FAMILY_WORDS.has(after.lower);
    const parts: string[] = [];
    for (let k = i; k < j; k++) parts.push(k === i ? lower : tokens[k]!.lower);
    // "Ali Hassans mamma": the genitive s belongs to no one's name.
    if (j > i + 1 && familyAfter && !last.colonS && parts[parts.length - 1]!.endsWith('s') && !SURNAMES.has(last.lower)) {
      parts[parts.length - 1] = parts[parts.length - 1]!.slice(0, -1);
      genitive = true;
    }
    const genitiveFamily = (genitive || last.colonS) && familyAfter;
    const withClass = classAfter(tokens, j);
    const withAge = ageAfter(tokens, j, text) || ageBefore(tokens, i);
    const childBefore = childNounBefore(tokens, i);
    const strong = withClass || withAge || childBefore || genitiveFamily;
    // The parts are lower case already; normaliseName's ICU work is only needed for unusual text.
    const joined = parts.join(' ');
    const name = /[^\x20-\x7e\u00c0-\u00ff]/.test(joined) ? normaliseName(joined) : joined;
    const firstName = lower;

    if (officialMatch(name, firstName, officials)) { i = j - 1; continue; }
    // An official's full name written out, even when their surname is not one the lexicon knows ("Alex Wilber").
    const spelled = officialSpelledOut(tokens, i, officials);
    if (spelled > 0) { i = i + spelled - 1; continue; }
    if (roleAround(tokens, i, j)) { i = j - 1; continue; }

    let confidence = 0;
    if (given) {
      const ambiguous = isAmbiguous(lower);
      // Lower case: a name only with strong evidence, two cues for a name that is also a word.
      if (!t.cap) confidence = ambiguous ? (childBefore && (withClass || withAge) ? 0.6 : 0) : strong ? 0.7 : 0;
      else if (ambiguous) {
        if (strong || surname === 'strong') confidence = 0.75;
        else if (surname === 'weak' && !t.sentenceStart) confidence = 0.6;
      } else if (strong) confidence = 0.9;
      else if (surname) confidence = 0.85;
      else confidence = colleagueAround(tokens, i, j) ? 0 : 0.6;
      if (confidence > 0 && !strong && colleagueAround(tokens, i, j)) confidence = 0;
    } else {
      // A name outside the lexicon needs structure: a child word before it, a class or an age after it, or a surname form.
      if (strong && !t.sentenceStart) confidence = 0.75;
      else if (strong && (withClass || withAge) && surname) confidence = 0.7;
      else if (strong && t.sentenceStart && (withClass || withAge)) confidence = 0.6;
      else if (surname === 'strong' && !t.sentenceStart) confidence = 0.65;
      if (confidence > 0 && !strong && colleagueAround(tokens, i, j)) confidence = 0;
    }
    if (confidence < MIN_CONFIDENCE) continue;
    if (!context && !withClass && !withAge) continue;
    const category: IdentifierCategory = withClass ? 'name-with-class' : withAge ? 'name-with-age' : 'name';
    out.push({ category, confidence, start: t.start, end: last.end, normalised: name });
    i = j - 1;
  }
}

// ---------------------------------------------------------------- addresses

function findAddresses(tokens: Token[], out: Finding[]): void {
  for (let i = 0; i < tokens.length - 1; i++) {
    const t = tokens[i]!;
    if (t.kind !== Kind.Word || !t.cap) continue;
    const n = tokens[i + 1]!;
    if ((n.kind !== Kind.Num && n.kind !== Kind.NumClass) || !n.tight || n.end - n.start > 4) continue;
    if (!isStreetName(t.lower)) continue;
    const v = parseInt(n.lower, 10);
    if (!(v >= 1 && v <= 400)) continue;
    let office = false;
    for (let k = Math.max(0, i - 6); k < Math.min(tokens.length, i + 5); k++) {
      const l = tokens[k]!.lower;
      if (OFFICE_WORDS.has(l) || MEETING_WORDS.has(l)) office = true;
    }
    if (office) continue;
    let end = n.end;
    // "Storgatan 12 B", "lgh 1102"
    const after = tokens[i + 2];
    if (after && after.tight && after.kind === Kind.Word && after.lower.length === 1 && after.cap) end = after.end;
    out.push({ category: 'address', confidence: 0.8, start: t.start, end });
    i++;
  }
  // Postal code and town: "523 31 Ulricehamn".
  for (let i = 0; i + 2 < tokens.length; i++) {
    const a = tokens[i]!;
    const b = tokens[i + 1]!;
    const c = tokens[i + 2]!;
    if (a.kind === Kind.Num && a.end - a.start === 3 && b.kind === Kind.Num && b.end - b.start === 2 && b.tight && c.kind === Kind.Word && c.cap && c.tight) {
      if (a.lower[0] === '0') continue;
      if (out.some((f) => f.category === 'address' && f.end <= a.start && a.start - f.end < 4)) {
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
  if (written.trimStart().startsWith('+46')) d = '0' + d.slice(2).replace(/^0/, '');
  else if (d.startsWith('0046')) d = '0' + d.slice(4).replace(/^0/, '');
  return d;
}

interface PhoneSpan { start: number; end: number; national: string }

function scanPhones(text: string, covered: (s: number, e: number) => boolean): PhoneSpan[] {
  const out: PhoneSpan[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    const plus = c === 43 && text.charCodeAt(i + 1) === 52 && text.charCodeAt(i + 2) === 54;
    if (!(plus || c === 48) || (i > 0 && (isDigitCode(text.charCodeAt(i - 1)) || isLetterCode(text.charCodeAt(i - 1)) || text.charCodeAt(i - 1) === 46 || text.charCodeAt(i - 1) === 47 || text.charCodeAt(i - 1) === 58))) {
      i++;
      continue;
    }
    const start = i;
    let k = plus ? i + 1 : i;
    let digits = 0;
    let end = k;
    while (k < n && digits < 14) {
      const d = text.charCodeAt(k);
      if (isDigitCode(d)) { digits++; k++; end = k; continue; }
      // One separator between digit groups: space, hyphen, or "(0)" after +46.
      if ((d === 32 || d === 45 || d === 0xa0 || d === 0x2013) && isDigitCode(text.charCodeAt(k + 1))) { k++; continue; }
      if (d === 32 && text.charCodeAt(k + 1) === 40 && text.charCodeAt(k + 2) === 48 && text.charCodeAt(k + 3) === 41) { k += 4; continue; }
      if (d === 40 && text.charCodeAt(k + 1) === 48 && text.charCodeAt(k + 2) === 41) { k += 3; continue; }
      break;
    }
    i = Math.max(end, i + 1);
    if (end < n && (isDigitCode(text.charCodeAt(end)) || isLetterCode(text.charCodeAt(end)))) continue;
    const written = text.slice(start, end);
    const national = nationalPhone(written);
    if (national.length < 8 || national.length > 10 || national[0] !== '0' || national[1] === '0') continue;
    // Swedish numbers are grouped: a plain run of 8 digits is more likely something else.
    if (!plus && national.length === 8 && written.indexOf('-') < 0 && written.indexOf(' ') < 0) continue;
    if (covered(start, end)) continue;
    out.push({ start, end, national });
  }
  return out;
}

function findPhones(text: string, tokens: Token[], switchboards: ReadonlySet<string>, covered: (s: number, e: number) => boolean, out: Finding[]): void {
  const phones = scanPhones(text, covered);
  if (!phones.length) return;
  let ti = 0;
  for (const p of phones) {
    if (switchboards.has(p.national)) continue;
    while (ti < tokens.length && tokens[ti]!.start < p.start) ti++;
    let office = false;
    for (let k = Math.max(0, ti - 5); k < ti; k++) {
      const l = tokens[k]!.lower;
      if (OFFICE_WORDS.has(l) || SELF_WORDS.has(l) || ROLE_WORDS.has(l)) office = true;
    }
    // "0512-570 00 (växel)": a switchboard named after the number.
    let k = ti;
    while (k < tokens.length && tokens[k]!.start < p.end) k++;
    for (let m = k; m < Math.min(tokens.length, k + 2); m++) if (OFFICE_WORDS.has(tokens[m]!.lower)) office = true;
    if (office) continue;
    const mobile = p.national[1] === '7';
    // A landline ending in 00 is a switchboard by convention.
    if (!mobile && p.national.endsWith('00')) continue;
    out.push({ category: 'phone', confidence: mobile ? 0.85 : 0.7, start: p.start, end: p.end });
  }
}

// ---------------------------------------------------------------- e-mail

function isLocalCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || isDigitCode(c) || c === 46 || c === 95 || c === 37 || c === 43 || c === 45 || (c >= 0xc0 && c <= 0x24f);
}

function isDomainCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || isDigitCode(c) || c === 46 || c === 45 || (c >= 0xc0 && c <= 0x24f);
}

function domainIsOrganisation(domain: string, orgDomains: readonly string[]): boolean {
  for (const d of orgDomains) if (domain === d || domain.endsWith('.' + d)) return true;
  return domain.includes('kommun') || domain.endsWith('.gov') || domain.endsWith('.gov.se') || domain.startsWith('skola.') || domain.includes('region');
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
      if (!functional) for (const f of FUNCTIONAL_FRAGMENTS) if (l.includes(f)) { functional = true; break; }
      if (!functional) {
        out.push({ category: 'email', confidence: FREEMAIL_DOMAINS.has(domain) ? 0.9 : 0.7, start: s + (text.slice(s, at).length - local.length), end: e });
      }
    }
    floor = Math.max(at + 1, e);
    at = text.indexOf('@', at + 1);
  }
}

// ---------------------------------------------------------------- detector

const optionCache = new WeakMap<DetectOptions, { officials: Set<string>; switchboards: Set<string>; domains: string[] }>();

function prepared(options: DetectOptions) {
  let p = optionCache.get(options);
  if (!p) {
    p = {
      officials: new Set((options.officialNames ?? []).map(normaliseName).filter(Boolean)),
      switchboards: new Set((options.switchboardNumbers ?? []).map(nationalPhone).filter(Boolean)),
      domains: (options.organisationDomains ?? []).map((d) => d.trim().toLowerCase().replace(/^@/, '')).filter(Boolean),
    };
    optionCache.set(options, p);
  }
  return p;
}

const NO_OPTIONS: DetectOptions = {};

interface Flags { context: boolean; invented: boolean }

function flagsOf(tokens: Token[]): Flags {
  let context = false;
  let invented = false;
  for (const t of tokens) {
    if (t.kind !== Kind.Word) continue;
    if (!context && isContextWord(t.lower)) context = true;
    if (!invented && DEIDENTIFIED_WORDS.has(t.lower)) invented = true;
  }
  return { context, invented };
}

/** Texts longer than this are read in pieces, so that the work stays linear and small. */
const CHUNK = 2048;

/** Every identifier in `text` that makes it about an identifiable person (SPEC section 6), in text order. */
export function detectIdentifiers(text: string, options: DetectOptions = NO_OPTIONS): Finding[] {
  const now = options.now ?? new Date();
  if (text.length <= CHUNK * 2) return detectIn(text, options, now, undefined);
  // A long text: the whole text decides the context, then each piece is read on its own.
  const bounds = chunkBounds(text);
  const flags: Flags = { context: false, invented: false };
  for (let k = 0; k + 1 < bounds.length; k++) {
    const piece = text.slice(bounds[k], bounds[k + 1]);
    const f = flagsOf(tokenize(piece));
    flags.context ||= f.context || findPersonnummer(piece, now).length > 0;
    flags.invented ||= f.invented;
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
      if (c === 10 || ((c === 32) && text.charCodeAt(k - 1) === 46)) cut = k + 1;
    }
    for (let k = target; k > target - 512 && cut < 0; k--) {
      if (text.charCodeAt(k) === 32 && isLetterCode(text.charCodeAt(k - 1)) && !isLetterCode(text.charCodeAt(k + 1)) === false && text.charCodeAt(k + 1) !== 32) {
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

function detectIn(text: string, options: DetectOptions, now: Date, forced: Flags | undefined): Finding[] {
  const out: Finding[] = [];
  const pnrs = findPersonnummer(text, now);
  for (const m of pnrs) {
    out.push({ category: m.kind, confidence: 1, start: m.start, end: m.end, normalised: m.normalised });
  }
  const tokens = tokenize(text);
  let { context, invented } = forced ?? flagsOf(tokens);
  // A ten-digit run starting 07 right after a phone word is a mobile number, not a personnummer.
  if (pnrs.length) reclassifyPhoneLike(text, tokens, out);
  if (invented) return out.filter((f) => f.category !== 'phone');
  // A personnummer makes the message about a person: what else it says of them counts too.
  if (pnrs.length) context = true;

  const { officials, switchboards, domains } = prepared(options);
  findNames(text, tokens, officials, context, out);
  if (!context) {
    if (out.length > 1) out.sort((x, y) => x.start - y.start);
    return out.filter((f) => f.category !== 'phone');
  }
  findAddresses(tokens, out);
  const covered = (s: number, e: number) => {
    for (const f of out) if (f.start < e && s < f.end) return true;
    return false;
  };
  findPhones(text, tokens, switchboards, covered, out);
  if (text.indexOf('@') >= 0) findEmails(text, domains, out);
  if (out.length > 1) out.sort((a, b) => a.start - b.start);
  return out;
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
