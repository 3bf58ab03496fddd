import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { findPersonnummer } from '../../src/domain/identifiers';
import { auditRowKey, letterHex } from '../../src/storage/audit';

/**
 * The audit log's row keys (also copied to AuditByGroup and Figures) hold no run of digits that reads as a
 * personnummer: their hash part is written in letters. In hex, 100,000 keys held dozens that did.
 */
describe('audit row keys', () => {
  const NOW = new Date('2026-12-03T13:39:00Z');

  it('writes hex as the letters a–p, one for one, and nothing else', () => {
    expect(letterHex('0123456789abcdef')).toBe('abcdefghijklmnop');
    const hex = randomBytes(32).toString('hex');
    const letters = letterHex(hex);
    expect(letters).toMatch(/^[a-p]{64}$/);
    // One for one: the letters give the hex back.
    expect(letters.replace(/[a-p]/g, (c) => (c.charCodeAt(0) - 97).toString(16))).toBe(hex);
  });

  it('keys the same entry the same way, and different entries differently', () => {
    const time = new Date('2026-12-03T13:39:12.345Z');
    expect(auditRowKey({ time, onceKey: 'activity-1' })).toBe(auditRowKey({ time, onceKey: 'activity-1' }));
    expect(auditRowKey({ time, onceKey: 'activity-1' })).not.toBe(auditRowKey({ time, onceKey: 'activity-2' }));
    expect(auditRowKey({ time, onceKey: 'activity-1' })).toMatch(/^2026-12-03T13:39:12\.345Z_[a-p]{12}$/);
  });

  it('holds no personnummer in 100,000 keys, where their hash in hex held some', () => {
    const time = new Date('2026-12-03T13:39:12.345Z');
    let inKeys = 0;
    let inHex = 0;
    for (let i = 0; i < 100_000; i++) {
      const key = auditRowKey({ time, onceKey: `activity-${i}` });
      if (findPersonnummer(key, NOW).length > 0) inKeys++;
      const hex = key.slice(key.indexOf('_') + 1).replace(/[a-p]/g, (c) => (c.charCodeAt(0) - 97).toString(16));
      if (findPersonnummer(`${key.slice(0, key.indexOf('_'))}_${hex}`, NOW).length > 0) inHex++;
    }
    expect(inKeys).toBe(0);
    // The check can fail: the same keys in hex read as personnummer.
    expect(inHex).toBeGreaterThan(0);
  });
});
