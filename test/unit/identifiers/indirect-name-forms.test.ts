import { describe, expect, it } from 'vitest';
import { categoriesOf, detectIdentifiers, isIdentifiable } from '../../../src/domain/identifiers';

/**
 * Issue 13, point 2: the other ways a child's name is written. Initials
 * with a class or a school, a nickname in parentheses, a name in lower case
 * in a case, and English case talk read by the same rules as Swedish.
 */

const NOW = new Date('2026-03-10T09:00:00Z');
const cats = (text: string) => categoriesOf(detectIdentifiers(text, { now: NOW }));
const refused = (text: string) => isIdentifiable(detectIdentifiers(text, { now: NOW }));

function table(positives: string[], negatives: string[]) {
  for (const text of positives) it(`refuses: ${text}`, () => expect(refused(text)).toBe(true));
  for (const text of negatives) it(`lets through: ${text}`, () => expect(cats(text)).toEqual([]));
}

describe('initials with a class or a school', () => {
  table(
    [
      'JK i 8B har inte kommit till skolan sedan lovet och mamma svarar inte.',
      'S.T. på Västerskolan har berättat för kuratorn om våld hemma.',
      'Kan vi ta upp M. A. i 4D på fredag? Pappan har hört av sig om frånvaron.',
      'Orosanmälan gjord för RH i åk 6, familjen har flyttat.',
      'L.B. at Oakwood Primary disclosed that her stepdad hits her mum.',
      'Pupil DW in 9C has missed three weeks, the parents are not answering.',
      // In lower case, as typed in a hurry: every letter with its point, in a case's context.
      'j.s. i 4c har 60 % frånvaro, hemmasittare sedan september',
      'orosanmälan gällande m.k. på Västerskolan, pappan har hört av sig',
    ],
    [
      'NO i 7B är flyttad till tisdag, säg till eleverna.',
      'SVA i 4C har fått en ny lärare från och med vecka 12.',
      'EHT i 8A träffas varje torsdag kl 13.',
      'PE in 7C is cancelled because the hall is being painted.',
      'Vi har SYV i 9A nästa vecka och föräldramöte i 9B.',
      'IT i 6B: datorerna är lagade och laddade.',
      // Dotted abbreviations in lower case, and a lone "i" after initials is the preposition, not a third initial.
      't.o.m. åk 9 har vi hög frånvaro, vi tar det på EHT.',
      'Frånvaron är hög, t.ex. i 8b, p.g.a. sjukdom; s.k. hemmasittare finns i 7c.',
      'e.g. in 4B the absence rate is high this term.',
    ],
  );
});

describe('a nickname in parentheses', () => {
  table(
    [
      'Alexander (Sasha) i 5C har berättat att pappa låser in honom.',
      'Eleven Johanna (Jojo) i 3A vill inte gå hem efter skolan.',
      'Muhammad (Mo) Yusuf i 8D har ett pågående LVU-ärende.',
      'Elizabeth (Lizzie) in year 4 told her teacher that mum is in hospital.',
      'William (Billy), 11, is staying with his nan while dad is in custody.',
    ],
    [
      'Kursen (BBIC) hålls i aulan på tisdag.',
      'Rutinen (version 3) gäller från 1 april för alla skolor.',
      'Föreläsningen (Trygg skola) i 9A flyttas till nästa vecka.',
      'The workshop (Safe Schools) for year 6 staff is on Monday.',
      'Handlingsplanen (reviderad) skickas till styrgruppen.',
    ],
  );
});

describe('names in lower case in a case', () => {
  table(
    [
      'pratade med ella berg om frånvaron, hon säger att det är bråk hemma',
      'mamma till noah lindqvist ringde igen om placeringen',
      'elsa i 4b har berättat att pappa slår',
      'orosanmälan gällande wilma johansson kom från bvc',
      'hugo 9 år bor hos mormor sedan i höstas',
      'talked to oscar nilsson about his absence, his dad has left',
      // A first name alone, opening a sentence or after a word of talk, in a message about a child.
      'pratade med hugo. han säger att mamma sover hela dagarna och han får ingen frukost',
      'fick en orosanmälan om ture från förskolan idag',
      // The person a care plan is for is its client, in either case.
      'Vi behöver en genomförandeplan för alva innan hon skrivs ut, soc är inkopplade.',
      'The care plan for Mason has to be signed before he leaves the unit, social services are involved.',
    ],
    [
      'vi ses på mötet i morgon om frånvaron i åk 8',
      'kan någon ta protokollet från sip-mötet, jag är sjuk',
      'mamman vill att vi pratar om skolgången på fredag',
      'i juni i 2b har vi utvecklingssamtal med alla vårdnadshavare',
      'alla i 7b ska få information om kuratorns öppettider',
      'the parents want a meeting about attendance next week',
      'möte med ulla om elevhälsoplanen och frånvaron i åk 7',
      'Vi behöver en plan för Lena nu när hon går ner i tid, ärendena måste fördelas.',
    ],
  );
});

describe('English case talk', () => {
  table(
    [
      'Oliver Smith in year 6 at Bryngeskolan disclosed that his dad hits him.',
      "Maya's mum called again, she wants the meeting moved.",
      'Pupil Amelia has not been in school for two weeks and the parents are not answering.',
      'Jacob (12) was found by the police at 2 am, mum had not reported him missing.',
      'Safeguarding: Harry Jones, grade 4, arrived with bruises on his arms.',
      'Referral sent to CAMHS for Isla Brown, the school nurse is worried about self-harm.',
      '12-year-old Leo is living with his foster carers since the autumn.',
      'Social services want a meeting about Freddie in class 3B, his dad is in prison.',
      'Zoë Lindqvist har berättat om självskada för skolsköterskan.',
      'Jérôme, 10 år, bor hos farmor efter att mamma lades in.',
    ],
    [
      'The safeguarding training is on Monday at 9 in the main hall.',
      'Attendance in year 9 is down to 91 %, we need a plan for the spring term.',
      'Our school nurse Karen Hill will present the new referral routine.',
      'Thanks Sarah, I will send the minutes to the parents tomorrow.',
      'Ms Taylor, the class teacher in 5B, will call the parents after lunch.',
      'The year 6 parents evening is moved to Thursday.',
      'Dr. Patel from CAMHS will join the meeting about referrals.',
      'Reference: Munro (2011), The Munro Review of Child Protection.',
      'Se Sara Lind: Barn som far illa (Studentlitteratur 2019).',
    ],
  );
});

describe('a family name outside the lists, between a given name and a class', () => {
  table(
    [
      // With nothing else of a case in the message: the class makes the name a pupil's.
      'kan du ta med Samir Haddad 6B på EHT på torsdag?',
      'Vi lyfter Lucas Moreau 5B på elevhälsomötet.',
      // A school, then its class.
      'Linus på Åsens skola i åk 5 har fått LSS-beslut.',
      'Mia at Oakwood Primary, year 4, has an LSS decision now.',
    ],
    ['Lena tar Engelska 7C idag, Johan har Matte 8B.', 'Ta med Idrott 7C till planeringen på fredag.'],
  );
});
