import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalForms, canonicalText, detectionView, digitValue, isCanonical } from '../../src/domain/text/canonical';

/**
 * The canonical form written the slow, obvious way, from the rules in canonical.ts's header: NFKC always, then every
 * character mapped on its own, then blanks collapsed by regular expressions, and NFKC again (for marks that followed a removed format character). canonicalText skips NFKC for texts it
 * cannot change and copies plain stretches whole; on every text it must give what this gives.
 */
function reference(raw: string): string {
  const mapped = [...raw.normalize('NFKC').replace(/\r\n/g, '\n')]
    .map((ch) => {
      const cp = ch.codePointAt(0)!;
      if (/[\n\r\v\f\u0085\u2028\u2029]/.test(ch)) return '\n';
      if (cp === 9 || cp === 0x180e || /\p{Zs}/u.test(ch)) return ' ';
      if (/\p{Cf}/u.test(ch) || [0x115f, 0x1160, 0x3164, 0xffa0, 0x034f].includes(cp)) return '';
      if (cp < 32 || (cp >= 0x7f && cp < 0xa0)) return '';
      if (cp === 0x2212 || cp === 0x02d7 || cp === 0x2043 || cp === 0x2796 || cp === 0xfe63 || cp === 0xff0d) return '-';
      if (cp >= 0x2d0 && /\p{Pd}/u.test(ch) && cp !== 0x301c && cp !== 0x3030) return '-';
      const d = digitValue(cp);
      if (d >= 0) return String(d);
      return ch;
    })
    .join('');
  return mapped
    .replace(/[ \n]+/g, (blank) => {
      const breaks = blank.split('\n').length - 1;
      return breaks === 0 ? ' ' : breaks === 1 ? '\n' : '\n\n';
    })
    .replace(/^[ \n]+|[ \n]+$/g, '')
    .normalize('NFKC'); // a mark that followed a removed format character composes with its letter
}

/** Characters each rule is about, and plain ones around them. */
const ALPHABET = [
  'a',
  'B',
  'ä',
  'Ö',
  'é',
  '§',
  '1',
  '0',
  '-',
  '.',
  ' ',
  ' ',
  ' ',
  '\n',
  '\n',
  '\r',
  '\t',
  '\u00a0',
  '\u202f',
  '\u2013',
  '\u2014',
  '\u2212',
  '\u2011',
  '\u200b',
  '\ufeff',
  '\u00ad',
  '\u2060',
  '\u0301',
  '\u0308',
  '\uff11',
  '\uff21',
  '\u0661',
  '\u0967',
  '\ufb01',
  '\u00bd',
  '\u00b2',
  '\u1100',
  '\u1161',
  '\u11a8',
  '\uac00',
  '\u{1d7cf}',
  '\u{e0001}',
  '\u0085',
  '\u2028',
  '\u0001',
  '\u007f',
  '\ud800',
  '\udc00',
  'å',
  '\u212b',
  '\u0130',
];

describe('the canonical text, read fast', () => {
  it('equals the rule-by-rule form on every mix of plain, blank, dash, digit, format and combining characters', () => {
    let skippedNfkc = 0;
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...ALPHABET), { maxLength: 40 }), (chars) => {
        const raw = chars.join('');
        if (raw.normalize('NFKC') === raw) skippedNfkc++;
        const fast = canonicalText(raw);
        expect(fast).toBe(reference(raw));
        expect(canonicalText(fast)).toBe(fast);
      }),
      { numRuns: 20_000 },
    );
    // The texts NFKC leaves alone are the ones the fast path reads without it: the property covered both kinds.
    expect(skippedNfkc).toBeGreaterThan(1_000);
  });

  it('returns a canonical text itself and rewrites one that is not', () => {
    const plain = 'Uppföljning elev 7B, möte kl. 13.00 §3\nNästa rad';
    expect(canonicalText(plain)).toBe(plain);
    expect(isCanonical(plain)).toBe(true);
    for (const [raw, canonical] of [
      [' a', 'a'],
      ['a ', 'a'],
      ['a\n', 'a'],
      ['a  b', 'a b'],
      ['a \nb', 'a\nb'],
      ['a\n b', 'a\nb'],
      ['a\n\n\nb', 'a\n\nb'],
      ['Möte – rutin', 'Möte - rutin'],
      ['110203\u200b-4822', '110203-4822'],
      ['Ka\u0308rin', 'Kärin'],
    ] as const) {
      expect(canonicalText(raw)).toBe(canonical);
      expect(isCanonical(raw)).toBe(false);
    }
  });
});

/** Inline markup as one global replacement: what the view's faster reading must equal. */
const GLUED = /([\p{L}\p{N}])(?:[*_~`]+|\\(?=[\p{L}\p{N}\-.]))+(?=[\p{L}\p{N}-])/gu;
const MARKUP_ALPHABET = [
  'a',
  'B',
  'ä',
  '1',
  '\u0663',
  '\u{1d400}',
  '\u{10400}',
  '\u{1f600}',
  '*',
  '_',
  '~',
  '`',
  '\\',
  '-',
  '.',
  ' ',
  '\n',
];

describe('the detection view, read fast', () => {
  it('removes glued emphasis markers and escapes as the one global replacement does, also around letters outside the BMP', () => {
    let changed = 0;
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...MARKUP_ALPHABET), { maxLength: 30 }), (chars) => {
        const text = canonicalText(chars.join(''));
        const expected = canonicalText(text.replace(GLUED, '$1'));
        if (expected !== text) changed++;
        expect(detectionView(text)).toBe(expected);
      }),
      { numRuns: 50_000 },
    );
    expect(changed).toBeGreaterThan(5_000);
  });

  it('is what canonicalForms gives beside the canonical text, markup noted in the canonicalising pass', () => {
    // The canonical rules' characters, every markup character, entities and tags, and full-width forms NFKC turns into
    // markup: the view must be detectionView's whether the markup came in plain, after a change, or out of NFKC.
    const alphabet = [
      ...ALPHABET,
      '&',
      '<',
      '>',
      '*',
      '_',
      '~',
      '`',
      '\\',
      '#',
      'b',
      ';',
      '\uff0a',
      '\uff3f',
      '\uff06',
      '&amp;',
      '<b>',
      '&#49;',
    ];
    let marked = 0;
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 30 }), (chars) => {
        const raw = chars.join('');
        const text = canonicalText(raw);
        const view = detectionView(text);
        if (/[&<*_~`\\]/.test(text)) marked++;
        expect(canonicalForms(raw)).toEqual({ text, view });
      }),
      { numRuns: 30_000 },
    );
    expect(marked).toBeGreaterThan(10_000);
  });

  it('reads a number broken by emphasis and escapes as one', () => {
    expect(detectionView('11**02**03\\-4822 och _Ella_ i 4B')).toBe('110203-4822 och _Ella_ i 4B');
    expect(detectionView('1*1*0*2*0*3-4*8*2*2')).toBe('110203-4822');
  });
});
