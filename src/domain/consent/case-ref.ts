import { randomBytes } from 'node:crypto';

/**
 * Case references are random, not derived from anything about the child, so
 * they can be written in a channel and stored in the audit log.
 * `SAM-` + 8 characters of Crockford's base32 (no I, L, O, U).
 */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const CASE_REF_PATTERN = /\bSAM-[0-9A-HJKMNP-TV-Z]{8}\b/gi;

export function generateCaseRef(random: (n: number) => Uint8Array = randomBytes): string {
  const bytes = random(8);
  let out = 'SAM-';
  for (let i = 0; i < 8; i++) out += CROCKFORD[bytes[i]! & 31];
  return out;
}

export function isCaseRef(value: string): boolean {
  return /^SAM-[0-9A-HJKMNP-TV-Z]{8}$/.test(value);
}

/** Case references written in a text, upper-cased, each once. */
export function findCaseRefs(text: string): string[] {
  const found = text.match(CASE_REF_PATTERN) ?? [];
  return [...new Set(found.map((r) => r.toUpperCase()))];
}
