import { createHmac } from 'node:crypto';

export type SubjectKind = 'personnummer' | 'name';

/**
 * The keyed hash by which a consent's subject is found again: HMAC-SHA-256
 * with IDENTIFIER_KEY over the kind and the normalised value, base64url (no
 * long digit runs that could look like a personnummer in a row).
 */
export function subjectHash(key: string, kind: SubjectKind, normalised: string): string {
  return createHmac('sha256', key).update(`${kind}:${normalised}`, 'utf8').digest('base64url');
}
