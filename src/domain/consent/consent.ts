import type { CheckedText } from './checked-text';
/**
 * A recorded consent (samtycke) to share information about one child between
 * authorities (OSL 2009:400, 12 kap. 2 §). The subject is held only as keyed
 * hashes; the case reference is the pseudonym people write and see.
 */
export type Party = 'guardian1' | 'guardian2' | 'child' | 'other';
export const PARTIES: readonly Party[] = ['guardian1', 'guardian2', 'child', 'other'];

export type ConsentForm = 'written' | 'oral' | 'e-signature';

/**
 * Why fewer than both guardians consented (Gnesta: both guardians, the child by
 * age and maturity): sole custody, the young person's own consent at a stated
 * age, or another arrangement (a specially appointed guardian, for example).
 */
export type SingleGuardianReason = 'soleCustody' | 'ownConsent' | 'other';
export const SINGLE_GUARDIAN_REASONS: readonly SingleGuardianReason[] = ['soleCustody', 'ownConsent', 'other'];

/** The child's own view of the sharing, heard by age and maturity; `notAsked` when too young to be asked. */
export type ChildView = 'agrees' | 'objects' | 'notAsked';
export const CHILD_VIEWS: readonly ChildView[] = ['agrees', 'objects', 'notAsked'];

/** From this age the form asks for the child's view when the child is not a party (a child of 12 is heard, FB 6 kap. 2 a §, LVU 36 §). */
export const CHILD_VIEW_AGE = 12;

/** How many guardians are among the parties. */
export function guardiansOf(parties: readonly Party[]): number {
  return parties.filter((p) => p === 'guardian1' || p === 'guardian2').length;
}

/** Whether the consent lacks one or both guardians without a stated reason: the form and the recorded card warn. */
export function guardianWarning(c: { parties: readonly Party[]; singleGuardianReason?: SingleGuardianReason }): boolean {
  return guardiansOf(c.parties) < 2 && !c.singleGuardianReason;
}
export const CONSENT_FORMS: readonly ConsentForm[] = ['written', 'oral', 'e-signature'];

export interface ConsentScope {
  groupIds: string[];
  agencies: string[];
  informationCategories: CheckedText;
  exclusions: CheckedText;
}

/** HMAC-SHA-256 of the subject's identifiers with IDENTIFIER_KEY, never the clear values. */
export interface SubjectHashes {
  personnummer?: string;
  name?: string;
  /**
   * The first name alone, so that "SAM-… Wilma" is known as this consent's
   * subject. Used only with the consent's case reference written beside it,
   * never to find a consent by itself (many children share a first name).
   */
  givenName?: string;
}

export interface Consent {
  caseRef: string;
  tenantId: string;
  subject: SubjectHashes;
  parties: Party[];
  form: ConsentForm;
  documentRef: CheckedText;
  scope: ConsentScope;
  purpose: CheckedText;
  /** Calendar dates, YYYY-MM-DD, both inclusive. */
  validFrom: string;
  validUntil: string;
  /** Why fewer than both guardians consented, when a reason was given. */
  singleGuardianReason?: SingleGuardianReason;
  /** The child's age as the recorder stated it, when given (the young person's own consent, the child's view). */
  childAge?: number;
  /** The child's own view, by age and maturity, when recorded. */
  childView?: ChildView;
  /** A note on the child's view, as the gate checked it; never a name. */
  childViewNote?: CheckedText;
  /** The recorder's Entra object id. */
  recordedBy: string;
  recordedAt: string;
  withdrawnAt?: string;
  withdrawnBy?: string;
}

export type ConsentStatus = 'inForce' | 'expired' | 'withdrawn' | 'notYetValid';

/** Where a consent stands on a calendar day (YYYY-MM-DD); withdrawal wins over dates. */
/** What the register lists of a consent (src/storage/consent-register.ts keeps it by group): no hashes, no free text. */
export type ConsentListing = Pick<Consent, 'caseRef' | 'validFrom' | 'validUntil' | 'recordedBy' | 'recordedAt' | 'withdrawnAt'> & {
  scope: Pick<ConsentScope, 'groupIds'>;
};

export function status(consent: Pick<Consent, 'withdrawnAt' | 'validFrom' | 'validUntil'>, today: string): ConsentStatus {
  if (consent.withdrawnAt) return 'withdrawn';
  if (today < consent.validFrom) return 'notYetValid';
  if (today > consent.validUntil) return 'expired';
  return 'inForce';
}

export function coversGroup(consent: Consent, groupId: string): boolean {
  return consent.scope.groupIds.includes(groupId);
}

/** One formatter per time zone: building one costs more than the gate's whole decision. */
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar day of an instant in a time zone, as YYYY-MM-DD. */
export function calendarDay(at: Date, timeZone = 'Europe/Stockholm'): string {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format);
  }
  return format.format(at);
}
