import { describe, expect, it } from 'vitest';
import { status } from '../../../src/domain/consent';
import { aConsent } from './fixtures';
import { findCaseRefs, generateCaseRef, isCaseRef } from '../../../src/domain/consent';
import { subjectHash } from '../../../src/domain/consent';

describe('status of a consent', () => {
  it('is in force from its first to its last day, both inclusive', () => {
    expect(status(aConsent(), '2026-01-01')).toBe('inForce');
    expect(status(aConsent(), '2026-06-30')).toBe('inForce');
  });
  it('is not yet valid before its first day', () => {
    expect(status(aConsent(), '2025-12-31')).toBe('notYetValid');
  });
  it('has expired after its last day', () => {
    expect(status(aConsent(), '2026-07-01')).toBe('expired');
  });
  it('is withdrawn from the moment it is withdrawn, whatever the dates', () => {
    expect(status(aConsent({ withdrawnAt: '2026-02-01T10:00:00Z', withdrawnBy: 'x' }), '2026-03-01')).toBe('withdrawn');
  });
});

describe('case references', () => {
  it('are SAM- and eight Crockford base32 characters, random', () => {
    const a = generateCaseRef();
    expect(isCaseRef(a)).toBe(true);
    expect(generateCaseRef()).not.toBe(a);
    expect(/[ILOU]/.test(a.slice(4))).toBe(false);
  });
  it('are found in a text in any letter case, each once', () => {
    expect(findCaseRefs('Om sam-7k2m9qxa och SAM-7K2M9QXA, inte SAM-123')).toEqual(['SAM-7K2M9QXA']);
  });
});

describe('subject hashes', () => {
  it('are keyed: another key gives another hash, and hold no digit run', () => {
    const a = subjectHash('key-one-0123456789abcdef0123456789', 'personnummer', '201503121235');
    const b = subjectHash('key-two-0123456789abcdef0123456789', 'personnummer', '201503121235');
    expect(a).not.toBe(b);
    expect(a).not.toContain('201503121235');
    expect(subjectHash('k', 'name', 'x')).not.toBe(subjectHash('k', 'personnummer', 'x'));
  });
});
