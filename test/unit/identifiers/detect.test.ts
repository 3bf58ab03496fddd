import { describe, expect, it } from 'vitest';
import { categoriesOf, detectIdentifiers, isIdentifiable, normaliseName } from '../../../src/domain/identifiers';
import { testNumber } from './corpus/test-numbers';

const NOW = new Date('2026-03-10T09:00:00Z');
const cats = (text: string, options = {}) => categoriesOf(detectIdentifiers(text, { now: NOW, ...options }));

describe('detectIdentifiers', () => {
  it('gives a personnummer its span and 12-digit form', () => {
    const n = testNumber('20120314', '238');
    const text = `Eleven ${n.dash} har hög frånvaro.`;
    const [f] = detectIdentifiers(text, { now: NOW });
    expect(f).toMatchObject({ category: 'personnummer', confidence: 1, normalised: n.twelve });
    expect(text.slice(f!.start, f!.end)).toBe(n.dash);
  });

  it('flags a name with a class, but not the official in role', () => {
    const text = 'kurator Lena Ek ringde om eleven Ali i 7B';
    const found = detectIdentifiers(text, { now: NOW });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ category: 'name-with-class', normalised: 'ali' });
    expect(text.slice(found[0]!.start, found[0]!.end)).toBe('Ali');
  });

  it("flags names only in a child's or family's context", () => {
    expect(cats('Ali Hassan har hög frånvaro, mamma har ringt.')).toEqual(['name']);
    expect(cats('Ali Hassan kommer på konferensen i maj.')).toEqual([]);
  });

  it('does not flag officials named in role, nor names in options.officialNames', () => {
    expect(cats('Henrik Wågesson, skolchef, informerade om elevernas frånvaro.')).toEqual([]);
    expect(cats('Rektor Anna Berg tar kontakt med vårdnadshavarna.')).toEqual([]);
    expect(cats('Maria Lind tar kontakt med vårdnadshavarna.', { officialNames: ['Maria Lind'] })).toEqual([]);
    expect(cats('Maria Lind har kontakt med vårdnadshavarna om frånvaron.')).toEqual(['name']);
    expect(cats('Maria Lind har kontakt med vårdnadshavarna om frånvaron.', { officialNames: ['maria lind'] })).toEqual([]);
    // An official's surname the lexicon does not know, written out in full in a child's context (a minutes action).
    const officials = { officialNames: ['Alex Wilber', 'Adele Vance'] };
    expect(cats('Uppdatera rutinen; Alex Wilber; 2027-01-15\nBjud in BUP om elevens frånvaro; Adele Vance; 2027-02-01', officials)).toEqual(
      [],
    );
    // The first name alone is not the official: a child may share it.
    expect(cats('Alex i 7B har hög frånvaro.', officials)).toEqual(['name-with-class']);
  });

  it('does not flag invented or de-identified cases', () => {
    expect(cats('Ett påhittat fall: Kalle, 10 år, i 4B har blåmärken och pappa dricker.')).toEqual([]);
    expect(cats('En pojke i åk 7 har hög frånvaro och mamman svarar inte.')).toEqual([]);
    expect(cats('Elev A i årskurs 8 har hög frånvaro.')).toEqual([]);
  });

  it('tells a private phone number from the switchboard and office numbers', () => {
    expect(cats('Mamman nås på 070-123 45 67 om barnet.')).toEqual(['phone']);
    expect(cats('Mamman nås på +46 70 123 45 67 om barnet.')).toEqual(['phone']);
    expect(cats('Ring växeln 0512-570 00 om barnet.')).toEqual([]);
    expect(cats('Ring 0512-571 23 om barnet.', { switchboardNumbers: ['0512571 23'] })).toEqual([]);
  });

  it('tells a private e-mail address from functional and organisation mailboxes', () => {
    expect(cats('Mamman vill ha kallelsen till sara.lind@gmail.com.')).toEqual(['email']);
    expect(cats('Skicka orosanmälan om barnet till socialtjansten@essunga.se.')).toEqual([]);
    expect(cats('Mejla anna.berg@essunga.se om eleven.', { organisationDomains: ['essunga.se'] })).toEqual([]);
    expect(cats('Mejla info@skolan.se om eleven.')).toEqual([]);
  });

  it('flags a home address, not the office', () => {
    expect(cats('Familjen bor på Björkvägen 12 B.')).toEqual(['address']);
    expect(cats('Vi träffar familjen på socialkontoret, Storgatan 45.')).toEqual([]);
  });

  it('reports whether a message is identifiable', () => {
    expect(isIdentifiable(detectIdentifiers('Vi ses i morgon.', { now: NOW }))).toBe(false);
    expect(isIdentifiable(detectIdentifiers('Sara (12 år) är placerad.', { now: NOW }))).toBe(true);
  });
});

describe('normaliseName', () => {
  it('lower-cases, keeps å ä ö, collapses whitespace and drops the genitive', () => {
    expect(normaliseName('  Åsa   ÖBERG ')).toBe('åsa öberg');
    expect(normaliseName('A\u030asa')).toBe('åsa');
    expect(normaliseName('Ali:s')).toBe('ali');
  });
});

describe('time on adversarial input', () => {
  const shapes: Record<string, (n: number) => string> = {
    digits: (n) => '1'.repeat(n),
    'digit groups': (n) => '850101-1234 '.repeat(Math.ceil(n / 12)).slice(0, n),
    'at signs': (n) => 'a@'.repeat(n / 2),
    'local parts': (n) => `${'a'.repeat(60)}@`.repeat(Math.ceil(n / 61)).slice(0, n),
    'capitalised words': (n) => 'Ali Hassan Berg i 7B, eleven '.repeat(Math.ceil(n / 29)).slice(0, n),
    'phone-like': (n) => '070-12 '.repeat(Math.ceil(n / 7)).slice(0, n),
    separators: (n) => '0 - 0 - '.repeat(n / 8),
    'mention tags': (n) => '<at><at></at>'.repeat(Math.ceil(n / 13)).slice(0, n),
  };

  for (const [name, make] of Object.entries(shapes)) {
    it(`grows linearly on ${name} (10 KB → 100 KB)`, () => {
      // Best of 7 rounds; each round reads the same number of bytes (10 × 10 KB or 1 × 100 KB), so collection costs compare fairly.
      // CPU time of the process, not the wall clock, which on the shared machine holds every pause the scheduler makes.
      const time = (s: string, repeat: number) => {
        let best = Infinity;
        for (let r = 0; r < 7; r++) {
          const t0 = process.cpuUsage();
          for (let k = 0; k < repeat; k++) detectIdentifiers(s, { now: NOW });
          const used = process.cpuUsage(t0);
          best = Math.min(best, (used.user + used.system) / 1000 / repeat);
        }
        return best;
      };
      const small = make(10_000);
      const large = make(100_000);
      time(small, 10);
      time(large, 1);
      const ts = Math.max(time(small, 10), 0.05);
      const tl = time(large, 1);
      // Ten times the input: linear is ~10, quadratic ~100; 30 leaves room for GC and cache noise.
      expect(tl / ts, `${name}: ${ts.toFixed(2)} ms → ${tl.toFixed(2)} ms`).toBeLessThan(30);
    });
  }
});
