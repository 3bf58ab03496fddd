import { luhnCheckDigit } from '../../../../src/domain/identifiers/personnummer';

/**
 * Test personnummer built here, with a valid check digit, so the corpus holds
 * no real person's number. `date` is YYYYMMDD (add 60 to the day for a
 * samordningsnummer), `serial` three digits.
 */
export function testNumber(date: string, serial: string) {
  const ten9 = date.slice(2) + serial;
  const check = String(luhnCheckDigit(ten9));
  const yymmdd = date.slice(2);
  const last = serial + check;
  return {
    dash: `${yymmdd}-${last}`,
    plain: `${yymmdd}${last}`,
    plus: `${yymmdd}+${last}`,
    space: `${yymmdd} ${last}`,
    long: `${date}-${last}`,
    longPlain: `${date}${last}`,
    longSpace: `${date} ${last}`,
    twelve: `${date}${last}`,
    /** The same digits with a wrong check digit. */
    badCheck: `${yymmdd}-${serial}${(Number(check) + 1) % 10}`,
  };
}

/** The date every corpus test runs at, so ten-digit centuries resolve the same way every year. */
export const CORPUS_NOW = new Date('2026-03-10T09:00:00Z');
