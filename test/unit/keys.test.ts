import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeKey, encodeKey } from '../../src/storage/keys';

/** What Azure Table Storage refuses in PartitionKey/RowKey, plus `%` (breaks point operations) and `~` (our escape). */
const FORBIDDEN = /[/\\#?%\u0000-\u001F\u007F-\u009F]/;
const ONLY_SAFE = /^(?:[A-Za-z0-9_.\-=,+@:]|~[0-9A-F]{2})*$/;

const REAL_IDS = [
  '19:abc@thread.tacv2;messageid=1712345',
  '19:channel-operativ@thread.tacv2',
  '19:meeting_NjQ5ZTQ2OTMtMzE5Yi00@thread.v2',
  'a:1xyzQWERTYuiop-ASDFghjkl_zxcvbnm1234567890abcdefGHIJKLmnopqrSTUVwxYZ012345',
  '29:1abcDEFghiJKL-mnoPQRstuVWXyz_0123456789',
  '28:samverkan-bot',
  '8:orgid:00000000-0000-0000-0000-000000000001',
  '00000000-0000-0000-0000-0000000000001',
  'msteams/conversations/19:x@thread.tacv2/users/29:y',
];

const TRICKY = [
  '',
  '~',
  '~~',
  '~41',
  '~none',
  'a/b',
  'a\\b',
  '#hash',
  'what?',
  '100%',
  "O'Brien",
  'Åsa Öberg-Ärlig',
  'ǅ ß ﬁ',
  '日本語',
  '😀👩‍👩‍👧',
  '\u0000\u0001\u001F\u007F\u0080\u009F',
  'tab\there\nnewline\rreturn',
  ' leading and trailing ',
  '\u00A0\u200B\uFEFF',
  'e\u0301', // decomposed é must stay decomposed
  '\u00E9', // composed é must stay composed
];

describe('encodeKey / decodeKey', () => {
  it.each([...REAL_IDS, ...TRICKY])('round-trips %j', (value) => {
    const key = encodeKey(value);
    expect(key).not.toMatch(FORBIDDEN);
    expect(key).toMatch(ONLY_SAFE);
    expect(decodeKey(key)).toBe(value);
  });

  it('keeps Teams ids readable: their : ; @ are not all escaped', () => {
    expect(encodeKey('29:1abc')).toBe('29:1abc');
    expect(encodeKey('19:abc@thread.tacv2;messageid=1712345')).toBe('19:abc@thread.tacv2~3Bmessageid=1712345');
  });

  it('escapes each forbidden character as its UTF-8 bytes', () => {
    expect(encodeKey('/')).toBe('~2F');
    expect(encodeKey('\\')).toBe('~5C');
    expect(encodeKey('#')).toBe('~23');
    expect(encodeKey('?')).toBe('~3F');
    expect(encodeKey('%')).toBe('~25');
    expect(encodeKey('~')).toBe('~7E');
    expect(encodeKey('\u0000')).toBe('~00');
    expect(encodeKey('å')).toBe('~C3~A5');
    expect(encodeKey('😀')).toBe('~F0~9F~98~80');
  });

  it('distinct values never share a key (the escape itself is escaped)', () => {
    const values = ['~7E', '~', '~~7E', '7E', '~2F', '/', 'a~2Fb', 'a/b'];
    const keys = values.map(encodeKey);
    expect(new Set(keys).size).toBe(values.length);
  });

  it('refuses a value whose key would exceed the 1 KiB Table Storage limit', () => {
    expect(() => encodeKey('a'.repeat(1024))).not.toThrow();
    expect(() => encodeKey('a'.repeat(1025))).toThrow(RangeError);
    expect(() => encodeKey('/'.repeat(342))).toThrow(RangeError); // 342 × 3 = 1026
  });

  it('refuses malformed escapes instead of guessing', () => {
    for (const bad of ['~', 'a~4', '~zz', '~4g', '~7e']) expect(() => decodeKey(bad), bad).toThrow(/malformed key escape/);
  });

  it('property: any Unicode string round-trips and encodes to allowed characters only', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (value) => {
        const key = encodeKey(value);
        expect(key).toMatch(ONLY_SAFE);
        expect(key).not.toMatch(FORBIDDEN);
        expect(decodeKey(key)).toBe(value);
      }),
      { numRuns: 2000 },
    );
  });

  it('property: Teams-shaped ids round-trip', () => {
    const idChar = fc.constantFrom(...'abcXYZ0189:;@._-=/~#?%'.split(''));
    const teamsId = fc
      .tuple(
        fc.constantFrom('19:', '29:', 'a:', '8:orgid:'),
        fc.string({ unit: idChar, minLength: 1, maxLength: 60 }),
        fc.option(fc.nat(), { nil: undefined }),
      )
      .map(([prefix, body, msg]) => `${prefix}${body}${msg === undefined ? '' : `;messageid=${msg}`}`);
    fc.assert(
      fc.property(teamsId, (id) => {
        expect(decodeKey(encodeKey(id))).toBe(id);
      }),
      { numRuns: 1000 },
    );
  });

  it('property: encoding is injective', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 20 }), fc.string({ unit: 'binary', maxLength: 20 }), (a, b) => {
        fc.pre(a !== b);
        expect(encodeKey(a)).not.toBe(encodeKey(b));
      }),
      { numRuns: 1000 },
    );
  });
});
