import { z } from 'zod';
import {
  CHILD_VIEW_AGE,
  CHILD_VIEWS,
  CONSENT_FORMS,
  guardiansOf,
  PARTIES,
  SINGLE_GUARDIAN_REASONS,
  type ChildView,
  type ConsentForm,
  type Party,
  type SingleGuardianReason,
} from './consent';
import type { GroupLevel } from './gate';
import { approvedIfNone, EMPTY_TEXT, screen, type CheckedText } from './checked-text';
import { findPersonnummer } from '../identifiers';
import { normaliseName, normalisePersonnummer, type DetectOptions } from './identifiers';
import { canonicalForms, canonicalText } from '../text/canonical';
import { isIsoDate as isRealDate } from '../organisation/dates';

/**
 * The `consent.record` action's data as the card's inputs send it: every
 * field a string, lists comma-separated. This schema only checks the shape;
 * `consentRecordRules` checks the meaning.
 */
const field = (max: number) => z.string().max(max, 'tooLong').optional().default('');
export const consentRecordDataSchema = z.object({
  subjectPersonnummer: field(40),
  subjectName: field(120),
  groupIds: field(600),
  validFrom: field(20),
  validUntil: field(20),
  parties: field(200),
  purpose: field(1000),
  informationCategories: field(1000),
  exclusions: field(1000),
  form: field(20),
  documentRef: field(200),
  /** The agencies the consent covers (agency ids, comma-separated); empty: those of its groups. */
  agencies: field(600),
  /** Why fewer than both guardians consented: `soleCustody`, `ownConsent`, `other`. */
  singleGuardianReason: field(40),
  /** The child's age in years, as stated. */
  childAge: field(10),
  /** The child's view: `agrees`, `objects`, `notAsked`. */
  childView: field(20),
  childViewNote: field(1000),
});
export type ConsentRecordData = z.infer<typeof consentRecordDataSchema>;

/** A validated consent, before it gets its case reference and hashes. */
export interface ConsentDraft {
  personnummer?: string;
  name?: string;
  groupIds: string[];
  validFrom: string;
  validUntil: string;
  parties: Party[];
  purpose: CheckedText;
  informationCategories: CheckedText;
  exclusions: CheckedText;
  form: ConsentForm;
  documentRef: CheckedText;
  agencies: string[];
  singleGuardianReason?: SingleGuardianReason;
  childAge?: number;
  childView?: ChildView;
  childViewNote: CheckedText;
}

/** Codes of the problems a person can fix on the card; the card localises them. */
export type RecordProblem =
  | 'subjectMissing'
  | 'personnummerInvalid'
  | 'nameInvalid'
  | 'groupMissing'
  | 'groupUnknown'
  | 'groupNotOperative'
  | 'validFromInvalid'
  | 'validUntilMissing'
  | 'validUntilInvalid'
  | 'validUntilPast'
  | 'validUntilBeforeFrom'
  | 'partiesMissing'
  | 'partyUnknown'
  | 'formInvalid'
  | 'purposeMissing'
  | 'agencyUnknown'
  | 'reasonUnknown'
  | 'ownConsentNeedsChild'
  | 'ownConsentNeedsAge'
  | 'childAgeInvalid'
  | 'childViewUnknown'
  | 'childViewMissing'
  | 'identifierInText'
  | 'subjectInText'
  | 'tooLong';

export interface RecordRules {
  /** YYYY-MM-DD. */
  today: string;
  now?: Date;
  /** Every group of the organisation, by id. */
  groups: ReadonlyMap<string, GroupLevel>;
  /** The organisation's officials, switchboards and mail domains, as the gate reads them. */
  detectOptions?: Omit<DetectOptions, 'now'>;
  /** The organisation's agency ids; when given, the `agencies` field must name only these. */
  agencies?: ReadonlySet<string>;
}

const TEXT_FIELDS = ['purpose', 'informationCategories', 'exclusions', 'documentRef', 'childViewNote'] as const;

/**
 * Whether a text names the consent's own subject: their name or any part of
 * it as a word (also in the genitive), or their personnummer in any
 * spelling. The register keeps the subject only as keyed hashes, so their
 * name or number in a free-text field would put them there in clear.
 */
export function namesSubject(text: string, subject: { name?: string; personnummer?: string }, now?: Date): boolean {
  const { view } = canonicalForms(text);
  if (subject.personnummer) {
    if (findPersonnummer(view, now).some((m) => m.normalised === subject.personnummer)) return true;
    const digits = view.replace(/\D+/g, '');
    if (digits.includes(subject.personnummer.slice(2))) return true;
  }
  if (subject.name) {
    const lower = view.toLocaleLowerCase('sv');
    const parts = [subject.name, ...subject.name.split(/[\s-]+/)].filter((p) => [...p].length >= 2);
    for (const part of parts) {
      const word = new RegExp(`(?<![\\p{L}\\p{N}])${part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?::?s)?(?![\\p{L}\\p{N}])`, 'u');
      if (word.test(lower)) return true;
    }
  }
  return false;
}

const list = (s: string) => [
  ...new Set(
    s
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean),
  ),
];

/**
 * The meaning of a consent.record: a subject (a valid personnummer, a name,
 * or both), operative groups only, an end date that is not in the past nor
 * before the start, known parties and form, a purpose — and no identifier in
 * the free-text fields, which are stored in clear.
 */
export function consentRecordRules(rules: RecordRules) {
  return consentRecordDataSchema.transform((d, ctx): ConsentDraft => {
    const problem = (path: keyof ConsentRecordData, message: RecordProblem) =>
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: [path], message });
    const pnrRaw = d.subjectPersonnummer.trim();
    const nameRaw = d.subjectName.trim();
    let personnummer: string | undefined;
    let name: string | undefined;
    if (!pnrRaw && !nameRaw) problem('subjectPersonnummer', 'subjectMissing');
    if (pnrRaw) {
      personnummer = normalisePersonnummer(pnrRaw, rules.now);
      if (!personnummer) problem('subjectPersonnummer', 'personnummerInvalid');
    }
    if (nameRaw) {
      if (!/\p{L}/u.test(nameRaw) || /\d/.test(nameRaw)) problem('subjectName', 'nameInvalid');
      else name = normaliseName(nameRaw);
    }

    const groupIds = list(d.groupIds);
    if (groupIds.length === 0) problem('groupIds', 'groupMissing');
    for (const id of groupIds) {
      const level = rules.groups.get(id);
      if (!level) problem('groupIds', 'groupUnknown');
      else if (level !== 'operative') problem('groupIds', 'groupNotOperative');
    }

    const validFrom = d.validFrom.trim() || rules.today;
    if (!isRealDate(validFrom)) problem('validFrom', 'validFromInvalid');
    const validUntil = d.validUntil.trim();
    if (!validUntil) problem('validUntil', 'validUntilMissing');
    else if (!isRealDate(validUntil)) problem('validUntil', 'validUntilInvalid');
    else if (validUntil < rules.today) problem('validUntil', 'validUntilPast');
    else if (isRealDate(validFrom) && validUntil < validFrom) problem('validUntil', 'validUntilBeforeFrom');

    const partyList = list(d.parties);
    if (partyList.length === 0) problem('parties', 'partiesMissing');
    if (partyList.some((p) => !(PARTIES as readonly string[]).includes(p))) problem('parties', 'partyUnknown');

    const agencies = list(d.agencies);
    if (rules.agencies && agencies.some((a) => !rules.agencies!.has(a))) problem('agencies', 'agencyUnknown');

    // Both guardians, and the child by age and maturity (seed 002): fewer than both is recorded with
    // a warning; a reason may be given, and the young person's own consent needs the child and an age.
    const reason = d.singleGuardianReason.trim();
    if (reason && !(SINGLE_GUARDIAN_REASONS as readonly string[]).includes(reason)) problem('singleGuardianReason', 'reasonUnknown');
    const ageRaw = d.childAge.trim();
    const childAge = /^\d{1,2}$/.test(ageRaw) && Number(ageRaw) <= 25 ? Number(ageRaw) : undefined;
    if (ageRaw && childAge === undefined) problem('childAge', 'childAgeInvalid');
    if (reason === 'ownConsent') {
      if (!partyList.includes('child')) problem('singleGuardianReason', 'ownConsentNeedsChild');
      if (!ageRaw) problem('childAge', 'ownConsentNeedsAge');
    }
    const view = d.childView.trim();
    if (view && !(CHILD_VIEWS as readonly string[]).includes(view)) problem('childView', 'childViewUnknown');
    if (!view && childAge !== undefined && childAge >= CHILD_VIEW_AGE && !partyList.includes('child'))
      problem('childView', 'childViewMissing');

    const form = d.form.trim() || 'written';
    if (!(CONSENT_FORMS as readonly string[]).includes(form)) problem('form', 'formInvalid');

    // The free-text fields are kept in clear: they may hold no identifier at all, and
    // above all not the subject's own name or number from this very form.
    const texts = {} as Record<(typeof TEXT_FIELDS)[number], CheckedText>;
    for (const key of TEXT_FIELDS) {
      const screening = screen(d[key], { ...rules.detectOptions, now: rules.now });
      const checked = approvedIfNone(screening);
      if (checked === undefined) problem(key, 'identifierInText');
      else if (namesSubject(screening.text, { name, personnummer }, rules.now)) problem(key, 'subjectInText');
      texts[key] = checked ?? EMPTY_TEXT;
    }
    const purpose = texts.purpose;
    if (!canonicalText(d.purpose)) problem('purpose', 'purposeMissing');

    return {
      personnummer,
      name,
      groupIds,
      validFrom,
      validUntil,
      parties: partyList as Party[],
      purpose,
      informationCategories: texts.informationCategories,
      exclusions: texts.exclusions,
      form: form as ConsentForm,
      documentRef: texts.documentRef,
      agencies,
      // A reason only where it explains something: with both guardians there is nothing to explain.
      singleGuardianReason: reason && guardiansOf(partyList as Party[]) < 2 ? (reason as SingleGuardianReason) : undefined,
      childAge,
      childView: view ? (view as ChildView) : undefined,
      childViewNote: texts.childViewNote,
    };
  });
}

/** Problems by field, in card order, each once. */
export function problemsByField(error: z.ZodError): Partial<Record<keyof ConsentRecordData, RecordProblem[]>> {
  const out: Partial<Record<keyof ConsentRecordData, RecordProblem[]>> = {};
  for (const issue of error.issues) {
    const key = issue.path[0] as keyof ConsentRecordData;
    const code = (issue.message === 'tooLong' ? 'tooLong' : issue.message) as RecordProblem;
    const list = (out[key] ??= []);
    if (!list.includes(code)) list.push(code);
  }
  return out;
}
