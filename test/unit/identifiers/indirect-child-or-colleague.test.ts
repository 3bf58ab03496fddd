import { describe, expect, it } from 'vitest';
import { categoriesOf, detectIdentifiers, isIdentifiable } from '../../../src/domain/identifiers';

/**
 * Issue 13, point 3: a child's name before a verb that also fits a
 * colleague ("tog med sig", "ringde", "skickade"), and a name before "på
 * BUP" or "på HAB", in a message about a case. What the rest of the
 * sentence says decides: a knife, one's own mother, a lesson, a threat are a
 * child's; a form, a meeting, the parents and tomorrow are a professional's.
 */

const NOW = new Date('2026-03-10T09:00:00Z');
const cats = (text: string) => categoriesOf(detectIdentifiers(text, { now: NOW }));
const refused = (text: string) => isIdentifiable(detectIdentifiers(text, { now: NOW }));

function table(positives: string[], negatives: string[]) {
  for (const text of positives) it(`refuses: ${text}`, () => expect(refused(text)).toBe(true));
  for (const text of negatives) it(`lets through: ${text}`, () => expect(cats(text)).toEqual([]));
}

describe('a name before a colleague verb', () => {
  table(
    [
      'Ella tog med sig en kniv till skolan i går, mamma vet inte om det.',
      'Noah ringde sin mamma från toaletten och grät, hon hämtade honom.',
      'Isak skickade hotfulla sms till en klasskompis i helgen, pappan är informerad.',
      'Selma skrev i dagboken att hon vill dö, mentorn har pratat med vårdnadshavarna.',
      'Vilmer tar med sig sin lillebror till skolan varje morgon, föräldrarna sover.',
      'Astrid har ringt BRIS två gånger den här veckan enligt mamma.',
      'Jayden brought a knife to school on Monday, his mum has been told.',
      'Amira called her dad from the nurse’s office, she was scared to go home.',
      // A child's act right after the name: in a message whose only context words are the work's (elevhälsan, soc).
      'Ture vägrar gå in i klassrummet, tredje veckan nu. Ska vi ta in elevhälsan eller soc?',
      'Elias vägrade gå till skolan i dag igen, frånvaron är över 50 %.',
      // Afraid to go home: the words of the child who called.
      'Elin ringde och sa att hon inte vågar gå hem ikväll.',
      "Jamal called from the library and said he daren't go home tonight, I've phoned the duty social worker.",
    ],
    [
      'Lena tar med sig samtyckesblanketten till SIP-mötet på torsdag.',
      'Johan ringer mamman i eftermiddag och återkommer om placeringen.',
      'Lena ringde från skolan och sa att hon inte hinner till mötet om placeringen.',
      'Maria skickar kallelsen till vårdnadshavarna i morgon.',
      'Sara bokade rummet för SIP-mötet med familjen.',
      'Anders har kontaktat socialtjänsten om eleven och väntar på svar.',
      'Karin kan inte ta mötet om placeringen i dag, Petra hoppar in.',
      'Emma will call the parents tomorrow about the referral.',
      'Tom sent the minutes of the safeguarding meeting to the family.',
    ],
  );
});

describe('a name before "på BUP", "hos BUP", "på HAB" in a case', () => {
  table(
    [
      'Alva på BUP har fått en diagnos och mamma vill ha anpassningar i skolan.',
      'Liam går på HAB varannan vecka, därför är han borta på måndagar.',
      'Elin hos BUP har skrivits ut efter en vecka, pappa hämtade henne.',
      'Olle är på BUP-akuten sedan i natt efter självskada.',
      'Frida på HAB har fått en ny rullstol och vårdnadshavarna vill ha skolskjuts.',
    ],
    [
      'Anna Berg, kurator på BUP, kommer till SIP-mötet om eleven.',
      'Dr. Lind på BUP har skickat utlåtandet om barnet till skolan.',
      'Psykolog Eva Holm på HAB leder föräldrautbildningen.',
      'Anna på BUP har bokat in ett första samtal med barnet.',
      'Johan på BUP ringer vårdnadshavarna i morgon om remissen.',
      'Petra är på BUP-mötet hela förmiddagen och svarar efter lunch.',
    ],
  );
});
