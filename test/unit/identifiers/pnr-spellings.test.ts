import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { screen } from '../../../src/domain/consent';
import { findPersonnummer, luhnCheckDigit, normalisePersonnummer } from '../../../src/domain/identifiers';
import { canonicalText } from '../../../src/domain/text/canonical';

/**
 * Direct identifiers in every spelling people (and adversaries) use, as
 * property tests: a generated valid personnummer or samordningsnummer is
 * found by the gate's screening whatever separator, invisible character or
 * digit script it is written with, alone or glued into a list.
 */

const NOW = new Date('2026-03-10T09:00:00Z');
const RUNS = 400;

interface Generated {
  date: string;
  serial: string;
  samordning: boolean;
}

const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** A valid number: a real date from 1910 to 2025, a serial, and the check digit; day + 60 for a samordningsnummer. */
const validNumber = fc
  .record({
    year: fc.integer({ min: 1910, max: 2025 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 31 }),
    serial: fc.integer({ min: 0, max: 999 }),
    samordning: fc.boolean(),
  })
  .filter(({ year, month, day }) => day <= (month === 2 ? (isLeap(year) ? 29 : 28) : DAYS[month - 1]!))
  .map(({ year, month, day, serial, samordning }): Generated => {
    const p2 = (n: number) => String(n).padStart(2, '0');
    const date = `${year}${p2(month)}${p2(samordning ? day + 60 : day)}`;
    const s3 = String(serial).padStart(3, '0');
    return { date, serial: s3 + luhnCheckDigit(date.slice(2) + s3), samordning };
  });

/** Between date and serial: none, `-`, `+` (only before a 10-digit's serial), blanks, tab, newline, `/`, `.`, any dash. */
const SEPARATORS = [
  '',
  '-',
  ' ',
  '  ',
  '\t',
  '\n',
  '\r\n',
  '/',
  '.',
  ' - ',
  '\u2010',
  '\u2011',
  '\u2012',
  '\u2013',
  '\u2014',
  '\u2015',
  '\u2212',
  '\uFE63',
  '\uFF0D',
  '\u00A0',
  '\u202F',
  '\u2007',
  '\u3000',
  ' -\n',
];
const INVISIBLE = ['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD', '\u200E', '\u200F', '\u202A', '\u202C', '\u2066', '\u2069'];
/** Zero of each digit script: ASCII, full-width, Arabic-Indic, Extended Arabic-Indic, Devanagari, Bengali, Thai, Mathematical bold. */
const DIGIT_ZEROS = [0x30, 0xff10, 0x660, 0x6f0, 0x966, 0x9e6, 0xe50, 0x1d7ce];

function inScript(text: string, zero: number): string {
  return text.replace(/[0-9]/g, (d) => String.fromCodePoint(zero + Number(d)));
}

/** The written forms of one number with a separator: 10 digits, 12 digits, and the dashed-date form. */
function written(n: Generated, sep: string, long: boolean): string {
  return long ? `${n.date}${sep}${n.serial}` : `${n.date.slice(2)}${sep}${n.serial}`;
}

/** The century a ten-digit form resolves to at NOW; the test numbers' own century when it is the same. */
function expectedTwelve(n: Generated, long: boolean, plus = false): string | undefined {
  if (long) return n.date + n.serial;
  return normalisePersonnummer(`${n.date.slice(2)}${plus ? '+' : '-'}${n.serial}`, NOW);
}

const found = (text: string) =>
  screen(text, { now: NOW }).findings.filter((f) => f.category === 'personnummer' || f.category === 'samordningsnummer');

const contexts = fc.constantFrom(
  (x: string) => x,
  (x: string) => `Gäller ${x}, mamma har ringt.`,
  (x: string) => `pnr:${x}`,
  (x: string) => `(${x})`,
  (x: string) => `https://prator.example/sip?pnr=${x}&x=1`,
  (x: string) => `Uppföljning elev ${x} frånvaro`,
  (x: string) => `the pupil ${x} disclosed`,
  (x: string) => `${x}.`,
  (x: string) => `personnr: ${x}\nfamiljen har flyttat`,
);

describe('a generated personnummer or samordningsnummer', () => {
  it('is found with every separator, 10 or 12 digits, in any context', () => {
    fc.assert(
      fc.property(validNumber, fc.constantFrom(...SEPARATORS), fc.boolean(), contexts, (n, sep, long, ctx) => {
        const hits = found(ctx(written(n, sep, long)));
        expect(hits.map((h) => h.normalised)).toContain(expectedTwelve(n, long));
        expect(hits[0]!.category).toBe(n.samordning ? 'samordningsnummer' : 'personnummer');
      }),
      { numRuns: RUNS, seed: 1301 },
    );
  });

  it('is found with `+` between date and serial, as someone over 100 writes it', () => {
    fc.assert(
      fc.property(validNumber, (n) => {
        expect(found(`mormor ${n.date.slice(2)}+${n.serial}`).map((h) => h.normalised)).toContain(expectedTwelve(n, false, true));
      }),
      { numRuns: RUNS, seed: 1302 },
    );
  });

  it('is found with any invisible character inserted anywhere, once or several times', () => {
    fc.assert(
      fc.property(
        validNumber,
        fc.constantFrom('', '-', ' '),
        fc.boolean(),
        fc.array(fc.tuple(fc.nat(), fc.constantFrom(...INVISIBLE)), { minLength: 1, maxLength: 4 }),
        (n, sep, long, inserts) => {
          let text = written(n, sep, long);
          for (const [at, ch] of inserts) {
            const i = at % (text.length + 1);
            text = text.slice(0, i) + ch + text.slice(i);
          }
          expect(found(`elev ${text} frånvaro`).map((h) => h.normalised)).toContain(expectedTwelve(n, long));
        },
      ),
      { numRuns: RUNS, seed: 1303 },
    );
  });

  it('is found in any digit script, separators of any kind included', () => {
    fc.assert(
      fc.property(validNumber, fc.constantFrom(...SEPARATORS), fc.boolean(), fc.constantFrom(...DIGIT_ZEROS), (n, sep, long, zero) => {
        expect(found(`Gäller ${inScript(written(n, sep, long), zero)} idag`).map((h) => h.normalised)).toContain(expectedTwelve(n, long));
      }),
      { numRuns: RUNS, seed: 1304 },
    );
  });

  it('is found as a 12-digit number written as a dated date plus four digits', () => {
    fc.assert(
      fc.property(validNumber, fc.constantFrom('-', '/', '.'), fc.constantFrom('-', ' - ', '\u2013'), (n, dsep, ssep) => {
        const d = n.date;
        const text = `${d.slice(0, 4)}${dsep}${d.slice(4, 6)}${dsep}${d.slice(6, 8)}${ssep}${n.serial}`;
        expect(found(`Gäller ${text}`).map((h) => h.normalised)).toContain(d + n.serial);
      }),
      { numRuns: RUNS, seed: 1305 },
    );
  });

  it('is found, each of them, in lists of two or three glued by , ; or /', () => {
    fc.assert(
      fc.property(
        fc.array(validNumber, { minLength: 2, maxLength: 3 }),
        fc.constantFrom(',', ';', '/', ', ', ' / ', ' och '),
        fc.constantFrom('', '-'),
        fc.boolean(),
        (ns, glue, sep, long) => {
          const text = ns.map((n) => written(n, sep, long)).join(glue);
          const hits = found(`syskonen ${text}`).map((h) => h.normalised);
          for (const n of ns) expect(hits).toContain(expectedTwelve(n, long));
        },
      ),
      { numRuns: RUNS, seed: 1306 },
    );
  });

  it('is found inside HTML: tags between the digits, entities for the separator', () => {
    fc.assert(
      fc.property(
        validNumber,
        fc.constantFrom('&#45;', '&ndash;', '&nbsp;', '&#x2011;', '<b></b>', '</span><span>', '<br>', '&amp;#45;'),
        (n, html) => {
          const text = `${n.date.slice(2)}${html}${n.serial}`;
          expect(found(`<p>elev ${text}</p>`).map((h) => h.normalised)).toContain(expectedTwelve(n, false));
        },
      ),
      { numRuns: RUNS, seed: 1307 },
    );
  });

  it('is found spelled out digit by digit, in pairs, or as 3-3-4, to slip past a reader', () => {
    fc.assert(
      fc.property(
        validNumber,
        fc.boolean(),
        fc.constantFrom(' ', '.', '-', '\u00A0', ' - '),
        fc.constantFrom('ones', 'pairs', '334'),
        (n, long, gap, shape) => {
          const digits = long ? n.date + n.serial : n.date.slice(2) + n.serial;
          if (shape === '334' && (long || digits[0] === '0')) return;
          const groups =
            shape === 'ones'
              ? digits.split('')
              : shape === 'pairs'
                ? digits.match(/../g)!
                : [digits.slice(0, 3), digits.slice(3, 6), digits.slice(6)];
          expect(found(`elev ${groups.join(gap)} har hög frånvaro`).map((h) => h.normalised)).toContain(expectedTwelve(n, long));
        },
      ),
      { numRuns: RUNS, seed: 1311 },
    );
  });

  it('is normalised from any of these spellings when typed into the consent form', () => {
    fc.assert(
      fc.property(
        validNumber,
        fc.constantFrom(...SEPARATORS.filter((s) => s.trim() !== '' || s === '' || s === ' ')),
        fc.boolean(),
        fc.constantFrom(...DIGIT_ZEROS),
        (n, sep, long, zero) => {
          expect(normalisePersonnummer(inScript(written(n, sep, long), zero), NOW)).toBe(expectedTwelve(n, long));
        },
      ),
      { numRuns: RUNS, seed: 1308 },
    );
  });
});

describe('numbers that are not personnummer', () => {
  it('organisation numbers (month 20 or more) are never found, in any spelling', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 20, max: 99 }),
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 0, max: 999 }),
        fc.constantFrom(...SEPARATORS),
        (a, month, c, serial, sep) => {
          const nine = `${String(a).padStart(2, '0')}${month}${String(c).padStart(2, '0')}${String(serial).padStart(3, '0')}`;
          const org = `${nine.slice(0, 6)}${sep}${nine.slice(6)}${luhnCheckDigit(nine)}`;
          expect(found(`Leverantör org.nr ${org}`)).toEqual([]);
        },
      ),
      { numRuns: RUNS, seed: 1309 },
    );
  });

  it('a wrong check digit is never found', () => {
    fc.assert(
      fc.property(validNumber, fc.constantFrom('', '-', ' '), fc.integer({ min: 1, max: 9 }), (n, sep, delta) => {
        const bad = n.serial.slice(0, 3) + ((Number(n.serial[3]) + delta) % 10);
        expect(found(`elev ${n.date.slice(2)}${sep}${bad}`)).toEqual([]);
      }),
      { numRuns: RUNS, seed: 1310 },
    );
  });

  it('phone numbers, dates with times and long digit runs written in groups are not read as one', () => {
    for (const text of [
      '070 123 4567',
      '070-123 45 67',
      '08 123 456 78',
      'möte 2025-03-14 10.30',
      'möte 25-03-14 10:30',
      'kl 11 02 03 48 22 33 44',
      '0512-570 00',
    ]) {
      expect(findPersonnummer(canonicalText(text), NOW), text).toEqual([]);
    }
  });

  it('longer numbers, decimals and phone numbers around a valid one are not split into one', () => {
    const n = { date: '20120314', serial: `238${luhnCheckDigit('120314238')}` };
    for (const text of [
      `${n.date.slice(2)}-${n.serial}-5`,
      `${n.date.slice(2)}${n.serial},50 kr`,
      `12.${n.date.slice(2)}${n.serial}`,
      `+46 ${n.date.slice(2)}-${n.serial}`,
      `1${n.date.slice(2)}${n.serial}`,
      `${n.date.slice(2)}${n.serial}3`,
    ])
      expect(findPersonnummer(canonicalText(text), NOW), text).toEqual([]);
  });
});
