import { describe, expect, it } from 'vitest';
import { FLAGGED, FLAGGED_FRAGMENTS, SUBJECTS } from '../protocol/consent.fixtures';
import { decodeJsonEscapes, numberSpellings, privacyScanner } from '../support/privacy-scan';

/**
 * The protocol suite's privacy scan (test/protocol/zz-privacy.test.ts) can
 * fail: rows and log lines that hide a fixture subject's number or name
 * behind invisible characters, other digits, other dashes and spaces, or a
 * separator the old scan did not try, are found. Built from the same
 * fixtures the scan uses.
 */
const leaks = privacyScanner({
  twelves: Object.values(SUBJECTS).map((s) => s.twelve),
  numbers: ['150312-1235', '110203-4822'],
  names: Object.values(SUBJECTS).flatMap((s) => [s.name, ...s.name.split(' ')]),
  texts: [...Object.values(FLAGGED), ...FLAGGED_FRAGMENTS],
  now: new Date('2026-03-10T00:00:00Z'),
});

/** A fake Azurite row as the scan serialises it. */
const row = (text: string) => JSON.stringify({ partitionKey: 't', rowKey: 'r1', text, Timestamp: '2026-03-10T09:00:00.1234567Z' });

const toDigits = (s: string, zero: number) => s.replace(/[0-9]/g, (d) => String.fromCodePoint(zero + Number(d)));

describe('privacy scan', () => {
  it('finds nothing in a clean row or log line', () => {
    expect(leaks('row', row('Rutin vid hög frånvaro; beslut 2026-03-10, Ks 2026/123 § 45, SAM-7K2M9QXC'))).toEqual([]);
    expect(
      leaks(
        'log',
        '{"level":30,"time":1773133200000,"pid":4242,"msg":"turn handled","ms":12.5,"etag":"W/\\"datetime\'2026-03-10T09%3A00%3A00.1234567Z\'\\""}',
      ),
    ).toEqual([]);
  });

  it('does not read a name into a hash key, but finds it in text', () => {
    const first = Object.values(SUBJECTS)[0]!.name.split(' ')[0]!;
    // A 32-character base64url key (as messageKey makes them) that holds the first name by chance.
    const key = `Qx7_${first}k9Zr-2mVw8pLt0bN4yHc5uJd`.slice(0, 32);
    expect(leaks('row', row(`delivery.meeting-card:${key}`))).toEqual([]);
    expect(leaks('row', row(`Samtal med ${first} i dag`))).toEqual(["row: a subject's name"]);
  });

  it('tries every separator spelling of a number', () => {
    expect(numberSpellings('201503121236')).toEqual(
      expect.arrayContaining([
        '201503121236',
        '20150312-1236',
        '20150312+1236',
        '20150312 1236',
        '20150312/1236',
        '20150312.1236',
        '1503121236',
        '150312-1236',
        '150312+1236',
        '150312 1236',
        '150312/1236',
        '150312.1236',
      ]),
    );
    for (const sep of ['', '-', '+', ' ', '/', '.'])
      expect(leaks('row', row(`elev 150312${sep}1236 i klass 4`)).join()).toMatch(/personnummer/);
  });

  it('finds a planted number with an invisible character inside', () => {
    expect(leaks('row', row('anmälan om 110203\u200B-4822 idag')).join()).toMatch(/personnummer/);
    for (const cf of ['\u200B', '\uFEFF', '\u00AD', '\u2060', '\u200D']) {
      expect(leaks('row', row(`SIP för 1503${cf}12-12${cf}36`)).join(), JSON.stringify(cf)).toMatch(/test subject's personnummer/);
    }
  });

  it('finds a planted number behind JSON escapes, as a log line holds it', () => {
    const line = '{"level":30,"msg":"text","text":"1503\\u200b12\\u2011 1236"}';
    expect(decodeJsonEscapes(line)).toContain('1503\u200B12\u2011 1236');
    expect(leaks('log', line).join()).toMatch(/test subject's personnummer/);
  });

  it('finds numbers in other digits, dashes and spaces, and as the gate reads them', () => {
    const spellings = [
      toDigits('150312-1236', 0x0660), // Arabic-Indic
      toDigits('150312-1236', 0x0966), // Devanagari
      `${toDigits('150312', 0xff10)}\uFF0D${toDigits('1236', 0xff10)}`, // full-width
      '150312\u20131236',
      '150312\u22121236',
      '150312\u00A01236',
      '150312\u202F1236',
      '150312\u20091236', // en dash, minus, no-break, narrow, thin spaces
      '150312 - 1236',
      '2015-03-12-1236',
      '15.03.12-1236',
      '1503**12**1236',
      '1503&#49;21236',
    ];
    for (const s of spellings) expect(leaks('row', row(`gäller ${s} nu`)).join(), s).toMatch(/personnummer/);
  });

  it('finds any valid personnummer, not only the fixtures', () => {
    expect(leaks('row', row('elev 121212/1212')).join()).toMatch(/a valid personnummer/);
  });

  it('finds a subject’s name split by invisible characters or other spaces', () => {
    for (const name of [
      'Kal\u200Ble Tests\u00ADson',
      'Kalle\u00A0Testsson',
      'KALLE\u2060TESTSSON',
      'Lisa\uFEFF Provsdotter',
      'O\u200Cmar',
    ]) {
      expect(leaks('row', row(`om ${name} i åk 3`)).join(), name).toMatch(/a subject's name/);
    }
  });

  it('finds a name as a word, not inside another word', () => {
    expect(leaks('row', row('Trygghet bland barn och ungdomar'))).toEqual([]);
    expect(leaks('row', row('Kallelse skickas till mötet'))).toEqual([]);
    expect(leaks('row', row('omar4b har hög frånvaro')).join()).toMatch(/a subject's name/);
  });

  it('finds flagged text with its spaces and dashes changed', () => {
    expect(leaks('log', row('hög\u00A0frånvaro\u200B igen')).join()).toMatch(/flagged message text/);
  });
});
