import { describe, expect, it } from 'vitest';
import { broadcastId, parseGroupIds, percent, readRates, validUrl } from '../../../src/domain/broadcast/broadcast';
import type { CheckedText } from '../../../src/domain/consent/checked-text';
import { loadOrganisation, type Organisation } from '../../../src/domain/organisation';

const ct = (s: string) => s as CheckedText;
function demo(): Organisation {
  const r = loadOrganisation('local-demo');
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.organisation;
}

describe('broadcasts (§11, telling staff)', () => {
  const org = demo();

  it('names groups by id, once each, and lists what names none', () => {
    expect(parseGroupIds(org, 'operativ, samverkansgrupp;operativ')).toEqual({ ids: ['operativ', 'samverkansgrupp'], unknown: [] });
    expect(parseGroupIds(org, 'Operativ okänd')).toEqual({ ids: ['operativ'], unknown: ['okänd'] });
    expect(parseGroupIds(org, '  ')).toEqual({ ids: [], unknown: [] });
  });

  it('takes an empty link or an https one, nothing else', () => {
    expect(validUrl('')).toBe(true);
    expect(validUrl('https://example.se/rutin.pdf')).toBe(true);
    expect(validUrl('http://example.se/rutin.pdf')).toBe(false);
    expect(validUrl('javascript:alert(1)')).toBe(false);
    expect(validUrl('https://example.se/a b')).toBe(false);
    expect(validUrl(`https://example.se/${'a'.repeat(600)}`)).toBe(false);
  });

  it('gives a resent broadcast the same id, whatever the order of its groups, and another sender another', () => {
    const b = { title: ct('Rutin'), text: ct('Text'), url: '', groupIds: ['operativ', 'styrgrupp'] };
    expect(broadcastId('u1', b)).toBe(broadcastId('u1', { ...b, groupIds: ['styrgrupp', 'operativ'] }));
    expect(broadcastId('u1', b)).not.toBe(broadcastId('u2', b));
    expect(broadcastId('u1', b)).not.toBe(broadcastId('u1', { ...b, title: ct('Rutin 2') }));
    expect(broadcastId('u1', b)).toMatch(/^b-[0-9a-f]{16}$/);
  });

  it('counts a reader in every group of the broadcast they are a member of, conveners included, and nobody else', () => {
    const rates = readRates(
      org,
      { groupIds: ['operativ', 'samverkansgrupp', 'gone'] },
      new Set(['megan.bowen', 'alex.wilber', 'isaiah.langer']),
    );
    expect(rates).toEqual([
      { groupId: 'operativ', recipients: 9, read: 2 },
      { groupId: 'samverkansgrupp', recipients: 9, read: 1 },
    ]);
    expect(percent(2, 9)).toBe(22);
    expect(percent(0, 0)).toBeNull();
    expect(percent(12, 9)).toBe(100);
  });
});
