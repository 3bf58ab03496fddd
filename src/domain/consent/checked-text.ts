import { canonicalForms, canonicalText } from '../text/canonical';
import { detectIdentifiers, type DetectOptions, type Finding } from './identifiers';

declare const checked: unique symbol;

/**
 * User text that has passed the consent gate, in the canonical form the gate
 * checked. Every store and every card builder that keeps or shows user text
 * takes this type, not `string`, so text that did not pass the gate in this
 * very form cannot be kept or shown: the type is made only here, by
 * `approved` (the gate's decision), `approvedIfNone` (fields where no
 * identifier is allowed at all), and `fromStore` (text read back from the
 * bot's own tables, which hold nothing else).
 */
export type CheckedText = string & { readonly [checked]: true };

/** A text read for the gate: the canonical form, and what the detector found in it. */
export interface Screening {
  /** The canonical form: what is checked, and what is kept and shown if it passes. */
  readonly text: string;
  readonly findings: Finding[];
}

/**
 * Reads a user text for the gate: canonicalises it and detects identifiers
 * in the canonical form and in its rendered view (HTML entities decoded,
 * tags and Markdown emphasis removed), so that neither spelling hides one.
 */
export function screen(raw: string, options: DetectOptions = {}): Screening {
  const { text, view } = canonicalForms(raw);
  const findings = detectIdentifiers(withoutCaseRefs(text), options);
  if (view !== text) {
    const seen = new Set(findings.map(findingKey));
    for (const f of detectIdentifiers(withoutCaseRefs(view), options)) {
      const key = findingKey(f);
      if (!seen.has(key)) {
        seen.add(key);
        findings.push({ ...f, start: -1, end: -1 });
      }
    }
  }
  return { text, findings };
}

/**
 * The text with every case reference blanked (same length, so findings keep
 * their offsets). A reference is written lower-case as often as not, and
 * `sam-4d41e2v8` read as the name Sam with the class 4D, `sam-vy08h19d` as
 * Vy in 8H: one reference in 31 made the gate refuse the very command that
 * names a consent. A run of six or more digits in a reference is left to be
 * read, so a date or number dressed up as one is found as before. A
 * mistyped reference ("SAM-K4P8DL2V" has an L, which the alphabet leaves out)
 * is blanked too when it holds two digits or more, so a name written in its
 * shape ("SAM-ELSABERG") is still read.
 */
const CASE_REF_SHAPE = /\bSAM-[0-9A-Z]{8}\b/gi;
const CASE_REF_ALPHABET = /^SAM-[0-9A-HJKMNP-TV-Z]{8}$/i;

function withoutCaseRefs(text: string): string {
  if (!mayHoldCaseRef(text)) return text;
  return text.replace(CASE_REF_SHAPE, (ref) =>
    !CASE_REF_ALPHABET.test(ref) && (ref.match(/\d/g)?.length ?? 0) < 2
      ? ref
      : ref.replace(/\d{6,}|[^\d]+|\d{1,5}/g, (part) => (/^\d{6,}$/.test(part) ? part : ' '.repeat(part.length))),
  );
}

/** Whether a hyphen in the text follows "sam" in any case: most texts have none, and need no pass of the pattern. */
function mayHoldCaseRef(text: string): boolean {
  for (let k = text.indexOf('-', 3); k >= 0; k = text.indexOf('-', k + 1)) {
    if ((text.charCodeAt(k - 1) | 32) === 109 && (text.charCodeAt(k - 2) | 32) === 97 && (text.charCodeAt(k - 3) | 32) === 115) return true;
  }
  return false;
}

/** The checked text of a screening the gate allowed. */
export function approved(screening: Screening, decision: { allowed: boolean }): CheckedText | undefined {
  return decision.allowed ? (screening.text as CheckedText) : undefined;
}

/** The checked text when the screening found no identifier at all (for fields that may never hold one). */
export function approvedIfNone(screening: Screening): CheckedText | undefined {
  return screening.findings.length === 0 ? (screening.text as CheckedText) : undefined;
}

/**
 * Text read back from the bot's own tables. Only checked text is ever
 * written there; it is canonicalised again so that a row written before the
 * canonical form existed is shown in it.
 */
export function fromStore(value: unknown): CheckedText {
  return (typeof value === 'string' ? canonicalText(value) : '') as CheckedText;
}

/** The empty text, which holds nothing to check. */
export const EMPTY_TEXT = '' as CheckedText;

/**
 * Text the municipality itself configured (the organisation file: group
 * names, standing agenda items, places), not written by a user in a
 * conversation; canonicalised like user text.
 */
export function configuredText(value: string): CheckedText {
  return canonicalText(value) as CheckedText;
}

/**
 * A text made from checked text (a part cut out, a suffix removed), checked
 * again: it is kept only when it identifies no one the source did not
 * already identify, since cutting text can join what was apart.
 */
export function derived(source: CheckedText, raw: string, options: DetectOptions = {}): CheckedText | undefined {
  const next = screen(raw, options);
  if (next.findings.length === 0) return next.text as CheckedText;
  const known = new Set(screen(source, options).findings.map(findingKey));
  return next.findings.every((f) => known.has(findingKey(f))) ? (next.text as CheckedText) : undefined;
}

function findingKey(f: Finding): string {
  return `${f.category}:${f.normalised ?? ''}`;
}

/**
 * The parts of a checked text cut at a separator, each trimmed. Cutting only
 * takes away: no part can identify anyone the whole did not.
 */
export function splitChecked(text: CheckedText, separator: string | RegExp): CheckedText[] {
  return text.split(separator).map((p) => p.trim()) as CheckedText[];
}

/** A checked text without its leading and trailing blanks. */
export function trimChecked(text: CheckedText): CheckedText {
  return text.trim() as CheckedText;
}
