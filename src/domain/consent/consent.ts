import type { CheckedText } from './checked-text';
/**
 * A recorded consent (samtycke) to share information about one child between
 * authorities (OSL 2009:400, 12 kap. 2 §). The subject is held only as keyed
 * hashes; the case reference is the pseudonym people write and see.
 */
export type Party = 'guardian1' | 'guardian2' | 'child' | 'other';
export const PARTIES: readonly Party[] = ['guardian1', 'guardian2', 'child', 'other'];

export type ConsentForm = 'written' | 'oral' | 'e-signature';
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
  /** The recorder's Entra object id. */
  recordedBy: string;
  recordedAt: string;
  withdrawnAt?: string;
  withdrawnBy?: string;
}

export type ConsentStatus = 'inForce' | 'expired' | 'withdrawn' | 'notYetValid';

/** Where a consent stands on a calendar day (YYYY-MM-DD); withdrawal wins over dates. */
export function status(consent: Consent, today: string): ConsentStatus {
  if (consent.withdrawnAt) return 'withdrawn';
  if (today < consent.validFrom) return 'notYetValid';
  if (today > consent.validUntil) return 'expired';
  return 'inForce';
}

export function coversGroup(consent: Consent, groupId: string): boolean {
  return consent.scope.groupIds.includes(groupId);
}

/** The calendar day of an instant in a time zone, as YYYY-MM-DD. */
export function calendarDay(at: Date, timeZone = 'Europe/Stockholm'): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}
