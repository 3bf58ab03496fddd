import { describe, expect, it } from 'vitest';
import {
  findPersonnummer,
  isSamordningsnummer,
  isValidPersonnummer,
  luhnCheckDigit,
  normalisePersonnummer,
} from '../../../src/domain/identifiers';
import { testNumber } from './corpus/test-numbers';

const NOW = new Date('2026-03-10T09:00:00Z');
const kid = testNumber('20120314', '238');

describe('a personnummer', () => {
  it.each([
    ['YYMMDD-NNNN', kid.dash],
    ['YYMMDDNNNN', kid.plain],
    ['YYMMDD NNNN', kid.space],
    ['YYYYMMDD-NNNN', kid.long],
    ['YYYYMMDDNNNN', kid.longPlain],
    ['YYYYMMDD NNNN', kid.longSpace],
  ])('is valid and found in the form %s', (_form, written) => {
    expect(isValidPersonnummer(written, NOW)).toBe(true);
    expect(normalisePersonnummer(written, NOW)).toBe(kid.twelve);
    const text = `Gäller ${written}, mamma har ringt.`;
    expect(findPersonnummer(text, NOW)).toEqual([{ kind: 'personnummer', start: 7, end: 7 + written.length, normalised: kid.twelve }]);
  });

  it('with + belongs to someone 100 or older', () => {
    const old = testNumber('19250607', '840');
    expect(normalisePersonnummer(old.plus, NOW)).toBe(old.twelve);
    // Without + the same digits are a baby born in 2025.
    expect(normalisePersonnummer(old.dash, NOW)).toBe(`20${old.twelve.slice(2)}`);
    expect(findPersonnummer(`mormor ${old.plus}`, NOW)[0]?.normalised).toBe(old.twelve);
  });

  it('takes the century that does not put the birth in the future', () => {
    const past = testNumber('19990101', '123');
    expect(normalisePersonnummer(past.dash, NOW)).toBe(past.twelve);
    const soon = testNumber('19261224', '456'); // 2026-12-24 has not come yet, so 1926
    expect(normalisePersonnummer(soon.dash, NOW)).toBe(soon.twelve);
  });

  it('is refused with a bad check digit', () => {
    expect(isValidPersonnummer(kid.badCheck, NOW)).toBe(false);
    expect(findPersonnummer(`pnr ${kid.badCheck}`, NOW)).toEqual([]);
  });

  it('is refused on 30 February, in the 13th month and on day 0 or 32', () => {
    for (const date of ['20120230', '20121301', '20120100', '20120132', '20120431']) {
      const serial = '123';
      const check = luhnCheckDigit(date.slice(2) + serial);
      expect(isValidPersonnummer(`${date.slice(2)}-${serial}${check}`, NOW), date).toBe(false);
    }
  });

  it('accepts 29 February only in leap years, also across the + century', () => {
    const leap = testNumber('20120229', '113');
    expect(isValidPersonnummer(leap.dash, NOW)).toBe(true);
    const nonLeap = `110229-113${luhnCheckDigit('110229113')}`;
    expect(isValidPersonnummer(nonLeap, NOW)).toBe(false);
    // 000229: 2000 was a leap year, 1900 (with +) was not.
    const y2000 = `000229-113${luhnCheckDigit('000229113')}`;
    expect(isValidPersonnummer(y2000, NOW)).toBe(true);
    expect(isValidPersonnummer(y2000.replace('-', '+'), NOW)).toBe(false);
    expect(isValidPersonnummer(`19000229-113${luhnCheckDigit('000229113')}`, NOW)).toBe(false);
  });

  it('is not found inside a longer digit run (13 digits) or a longer number', () => {
    expect(findPersonnummer(`x${kid.longPlain}1 y`, NOW)).toEqual([]);
    expect(findPersonnummer(`1${kid.plain}`, NOW)).toEqual([]);
    expect(findPersonnummer(`${kid.dash}-5`, NOW)).toEqual([]);
    expect(findPersonnummer(`2024-${kid.dash}`, NOW)).toEqual([]);
    expect(findPersonnummer(`+46 ${kid.dash}`, NOW)).toEqual([]);
  });

  it('is not an organisation number', () => {
    for (const org of ['212000-1355', '556677-8899', '802002-4280', '16556677-8899']) {
      expect(isValidPersonnummer(org, NOW), org).toBe(false);
      expect(findPersonnummer(`org.nr ${org}`, NOW), org).toEqual([]);
    }
  });

  it('is not a date, time, amount, paragraph, law or case reference', () => {
    const text = '2024-12-04 § 199, Ks 2024/393, SoL 14 kap. 1 §, OSL 2009:400, kl. 13:30, 1 250 000 kr, 20241204, 1250000 kr, 08.30-10.00';
    expect(findPersonnummer(text, NOW)).toEqual([]);
  });
});

describe('a samordningsnummer', () => {
  it('has day + 60 and is found in every form', () => {
    const s = testNumber('20110375', '894');
    for (const w of [s.dash, s.plain, s.space, s.long, s.longPlain, s.longSpace]) {
      expect(isSamordningsnummer(w, NOW), w).toBe(true);
      expect(findPersonnummer(`nr ${w}.`, NOW)[0]?.kind).toBe('samordningsnummer');
    }
  });

  it('accepts days 61–91 only as far as the month has days', () => {
    const ok = testNumber('20110161', '111');
    const last = testNumber('20110191', '111');
    expect(isSamordningsnummer(ok.dash, NOW)).toBe(true);
    expect(isSamordningsnummer(last.dash, NOW)).toBe(true);
    const feb = `110289-111${luhnCheckDigit('110289111')}`; // 29 Feb 2011 + 60
    expect(isValidPersonnummer(feb, NOW)).toBe(false);
    const leapFeb = `120289-111${luhnCheckDigit('120289111')}`; // 29 Feb 2012 + 60
    expect(isSamordningsnummer(leapFeb, NOW)).toBe(true);
    expect(isValidPersonnummer(`110192-111${luhnCheckDigit('110192111')}`, NOW)).toBe(false);
    expect(isValidPersonnummer(`110160-111${luhnCheckDigit('110160111')}`, NOW)).toBe(false);
  });
});
