import { describe, expect, it } from 'vitest';
import { categoriesOf, detectIdentifiers } from '../../../src/domain/identifiers';

/**
 * Issue 13, point 4: a parent's mobile number or a home address in a case
 * is flagged even with an office word nearby, by the nearest cue to whom it
 * belongs; the switchboard and numbers said to be the writer's or an
 * office's are not. A name alone on the last line after a case that names
 * no one else, without a greeting, is the child, not a signature.
 */

const NOW = new Date('2026-03-10T09:00:00Z');
const OPTIONS = { now: NOW, switchboardNumbers: ['0512-570 00'] };
const cats = (text: string) => categoriesOf(detectIdentifiers(text, OPTIONS));

function table(category: string, positives: string[], negatives: string[]) {
  for (const text of positives) it(`flags: ${text}`, () => expect(cats(text)).toContain(category));
  for (const text of negatives) it(`does not flag: ${text}`, () => expect(cats(text)).not.toContain(category));
}

describe("a parent's number in a case, with an office word nearby", () => {
  table(
    'phone',
    [
      'Skolan har fått mammans nya mobilnummer: 070-412 33 90, hon vill bli uppringd om frånvaron.',
      'Pappan jobbar på polisen men nås privat på 073-201 44 18 om sonen.',
      'Kuratorn på skolan har pratat med vårdnadshavaren, 076-555 01 23, om placeringen.',
      'Mormor ringer skolan från 072-300 12 45 varje dag och frågar efter barnet.',
      'Vh nås på 070-318 22 94, skolans expedition har fel nummer.',
      "Mum's mobile is 070-412 55 10 – the school office has an old number for the family.",
    ],
    [
      'Ring mig på 070-111 22 33 om du har frågor om eleven.',
      'Kontorets nummer är 0512-571 10 om mamman ringer och vill prata.',
      'Vårdnadshavare når skolan på 0512-570 00 (växel) om barnet är sjukt.',
      'Mamman kan ringa kuratorns direktnummer 0512-571 23 om sonen.',
      'Pappan ska ringa skolans expedition på 0512-572 10 när han kommer.',
      'Call me on 070-987 65 43 if the parents turn up at reception.',
    ],
  );
});

describe('a home address in a case, with an office word nearby', () => {
  table(
    'address',
    [
      'Familjen bor på Lindvägen 7, mittemot skolan, och barnen går hem själva.',
      'Polisen har varit på Tallgatan 19 hos familjen två gånger i månaden.',
      'Barnet bor växelvis hos mamma på Ekvägen 14 och hos pappa på Åsgatan 3.',
      'Kuratorn gjorde hembesök hos pappan på Kvarnbacken 5 efter skolan.',
      'The family lives at Storgatan 22, just behind the school, and the boy walks home alone.',
    ],
    [
      'Mötet om eleven hålls på Storgatan 12, kommunhusets plan 3.',
      'Vi träffar vårdnadshavarna på socialkontoret, Drottninggatan 4.',
      'Familjecentralen har flyttat till Järnvägsgatan 8, plan 2, och tar emot föräldrar där.',
      'Skolan ligger på Björkvägen 30 och eleverna äter i matsalen.',
      'The parents meeting will be held at Kyrkogatan 10, 2nd floor of the council offices.',
    ],
  );
});

describe('a name alone on the last line', () => {
  const child = [
    'Har inte varit i skolan på två veckor och mamma svarar inte i telefon.\nElvira',
    'Pappan har hämtat barnet utan lov igen, förskolan är orolig.\n\nTheo Lind',
    'Orosanmälan skickad i dag om blåmärken på armarna.\nNova',
    'Absent for three weeks now, mum is not answering the phone.\nLily Evans',
    'Berättade i dag att styvpappan slår, polisanmälan är gjord.\nMelker',
  ];
  const signature = [
    'Mamma har ringt om frånvaron, vi tar det på fredag.\nMvh\nLena',
    'Eleven har fått tid hos BUP.\n/Karin',
    'Hej! Vårdnadshavarna har samtyckt till SIP.\nJohan',
    'Ali i 7B har hög frånvaro, mamma svarar inte.\nLena',
    'Thanks all, the parents have agreed to the referral.\nRegards,\nSarah',
    'Kallelsen till SIP-mötet om barnet är skickad.\nHälsningar Petra',
  ];
  for (const text of child)
    it(`is the child: ${JSON.stringify(text)}`, () => expect(cats(text).some((c) => c.startsWith('name'))).toBe(true));
  for (const text of signature) {
    it(`is a signature: ${JSON.stringify(text)}`, () => {
      const names = detectIdentifiers(text, OPTIONS).filter((f) => f.category.startsWith('name'));
      const last = text.slice(text.lastIndexOf('\n') + 1);
      expect(names.some((f) => text.slice(f.start, f.end) === last.replace(/^Hälsningar /, ''))).toBe(false);
    });
  }
});
