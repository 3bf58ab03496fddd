import { describe, expect, it } from 'vitest';
import { categoriesOf, detectIdentifiers, isIdentifiable } from '../../../src/domain/identifiers';
import { testNumber } from './corpus/test-numbers';

/**
 * Issue 13, point 5: fewer false alarms without opening holes. The
 * organisation's own people are staff unless the text makes them a case's
 * subject; titled professionals and staff logistics are not cases; an
 * invented case is cleared in English too. And the markers cannot be used
 * to slip a real case through: "tänkt" alone is no marker, a negated or
 * denied marker counts for nothing, a case said to be real is real, and a
 * personnummer is never cleared.
 */

const NOW = new Date('2026-03-10T09:00:00Z');
const OFFICIALS = { now: NOW, officialNames: ['Lena Ek', 'Johan Berg', 'Sara Lindqvist', 'Oscar Wallin'] };
const cats = (text: string, options = {}) => categoriesOf(detectIdentifiers(text, { now: NOW, ...options }));
const refused = (text: string, options = {}) => isIdentifiable(detectIdentifiers(text, { now: NOW, ...options }));

describe('people in the organisation file', () => {
  const staff = [
    'Lena Ek har pratat med mamman om frånvaron.',
    'Johan Berg tar SIP-mötet för eleven på torsdag.',
    'Sara Lindqvist är orolig för barnet och gör en orosanmälan.',
    'Oscar Wallin har haft samtal med vårdnadshavarna om placeringen.',
    'Vi väntar på att Lena Ek återkommer om utredningen.',
  ];
  const subjects = [
    'Lena Ek i 7B har berättat att pappa slår.',
    'Lena Eks son har hög frånvaro och mår dåligt.',
    'Sonen till Johan Berg har blivit placerad i jourhem.',
    'Sara Lindqvist, 14 år, har rymt hemifrån igen.',
    'Mamma Sara Lindqvist vill inte att skolan pratar med soc.',
  ];
  for (const text of staff) it(`staff: ${text}`, () => expect(cats(text, OFFICIALS)).toEqual([]));
  for (const text of subjects) it(`a case's subject: ${text}`, () => expect(refused(text, OFFICIALS)).toBe(true));
});

describe('named professionals with titles', () => {
  const negatives = [
    'Dr. Sandberg på BUP har skickat remissvaret om barnet.',
    'dr Holmqvist har träffat eleven och föräldrarna.',
    'Doktor Nyberg tar kontakt med vårdnadshavarna om medicineringen.',
    'Skolsköterskan Ingrid Falk har sett blåmärken på eleven.',
    'Socialsekreterare Amir Rahimi handlägger ärendet om familjen.',
    'Specialpedagog Tove Strand gör en kartläggning av flickans behov.',
    'Handläggare Pia Norén har beslutat om kontaktfamilj för barnet.',
    'Ms Clarke, the school counsellor, has spoken to the boy and his mum.',
    'Mr Ahmed (head of year 9) will meet the parents on Friday about the referral.',
    'Förskolläraren Jessica på avdelning Humlan har pratat med pappan.',
  ];
  const positives = [
    'Mrs Patel called about her son, he has been missing since Friday.',
    'Doktorn sa att Alice Holm behöver stanna på BUP över helgen.',
    'Kuratorn pratade med Wilma Nyström om pappans drickande.',
    'The social worker met Lucas Green and his mum at home.',
    'Rektorn har träffat Emil i 6A och hans föräldrar.',
  ];
  for (const text of negatives) it(`lets through: ${text}`, () => expect(cats(text)).toEqual([]));
  for (const text of positives) it(`refuses: ${text}`, () => expect(refused(text)).toBe(true));
});

describe('staff logistics', () => {
  const negatives = [
    'Lena är sjuk idag, Johan tar över hennes SIP-möten.',
    'Petra har semester vecka 28–31, ärendena fördelas på teamet.',
    'Anna Holm leder utbildningen om orosanmälan på onsdag.',
    'Karin har bokat konferensrummet för elevhälsomötet.',
    'Johan är föräldraledig från mars, vikarien heter Tobias.',
    'Maria vabbar i dag, mötet om placeringarna flyttas.',
    'Erik går kursen i BBIC och är borta hela veckan.',
    'Sarah is off sick today, Tom is covering her safeguarding meetings.',
    'Hannah is on annual leave next week, please send referrals to the duty team.',
    'Utbildningen om barn som far illa hålls av Linda Sjöberg i aulan.',
    'Vem av er tar SIP-mötet på torsdag, Kristin eller Mattias?',
    'Maja gör en sammanställning av alla SIP:ar under hösten.',
    'Rasmus och Tove börjar som socialsekreterare på barn och unga i april.',
    'Närvarande: Maria Holm, Anders Nilsson, Lisa Berg. Frånvarande: Tomas Ek.',
    'Emma svarar på frågor om placeringarna den här veckan.',
    'Vi välkomnar Fatima Ali som ny skolkurator på Bryngeskolan!',
    'Ali har slutat, hans ärenden fördelas mellan Petra och Hassan.',
    'Please thank Oliver for organising the CAMHS drop-in sessions.',
    'The new safeguarding lead is Amy Clarke, she starts on Monday.',
    'Vi har bokat Karin Boye-salen för mötet om placeringarna.',
    // A start as a title, with a time between, or a title after the class a colleague works in.
    'Hej alla, Omar började idag som ny socialsekreterare på barn- och ungdomsenheten!',
    'Welcome everyone: Priya started today as our new family support worker in the children and families team.',
    'Lena började i 7B som mentor i augusti, frånvarorapporterna går till henne.',
    'Ahmed är i 8C som elevassistent hela veckan.',
  ];
  const positives = [
    'Ella är sjuk igen, mamma säger att hon har ont i magen varje morgon.',
    'Noah har semester med pappa i Turkiet och missar nationella proven.',
    'Lena Ek har semester, men Alis mamma ringde om frånvaron.',
    'Johan tar över ärendet om Wilma i 4B, pappan har hört av sig.',
    'Maya is off sick again, her mum says she refuses to get out of bed.',
    'Frånvaron för Noel är nu 60 %, mentor har inte fått svar.',
    'Isak är aktuell hos socialtjänsten sedan i våras.',
    'Kuratorn har haft samtal med Ellie om självskadan.',
    'Melvin har fått plats på ett HVB-hem i Skövde, flytten sker på fredag.',
    'Jack has been referred to CAMHS after the incident on Friday.',
    // A start in a class is a pupil's.
    'Omar började i 7B idag, han bor i familjehem sedan i somras.',
    'Noah started in 5C after half term, his mum has moved out.',
  ];
  for (const text of negatives) it(`lets through: ${text}`, () => expect(cats(text)).toEqual([]));
  for (const text of positives) it(`refuses: ${text}`, () => expect(refused(text)).toBe(true));
});

describe('invented cases, in Swedish and in English', () => {
  const negatives = [
    'Fictional case for the training day: Ben, 9, in 3A, whose mum drinks.',
    'Case study: Lily Smith (14) in year 9 has missed half the term.',
    'A made-up example: Omar in 7C tells his teacher that dad hits him.',
    'Hypothetical: if Sara in 5B says she is scared to go home, who reports?',
    'Example: Adam, 12, in class 6B, lives with his grandmother.',
    'Påhittat fall till utbildningen: Kalle i 4B, 10 år, pappa dricker.',
    'Avidentifierat: en flicka i åk 5 vars mamma är sjuk.',
    'Ett tänkt fall: Elsa i 3A har blåmärken och mamma svarar inte.',
    'Tänk er följande: Hugo i 6C kommer hungrig varje måndag och pappa svarar inte.',
    'Fall 2: Omar, 9 år, i 3C berättar om våld hemma. Vad gör ni?',
    'Imagine a pupil, Jack in 5B, who arrives hungry every Monday.',
    'Det här är ett påhittat fall, inte ett verkligt: Ali i 7B har blåmärken.',
    'Ett riktigt svårt övningsfall: Sara i 8A vill inte gå hem.',
  ];
  for (const text of negatives) it(`lets through: ${text}`, () => expect(cats(text)).toEqual([]));
});

describe('markers do not open holes', () => {
  const real = [
    'Jag hade tänkt ringa Ali i 7B:s mamma om frånvaron.',
    'Det här är inte ett påhittat fall: Omar i 8C har blåmärken.',
    'This is not a made-up case: Jack Brown in year 5 is sleeping in a car with his dad.',
    'Fiktivt? Nej, det gäller Wilma Berg i 6A och hon har rymt.',
    'Isn’t hypothetical, unfortunately: Grace in 4B was left alone at home all weekend.',
    'Vi har använt påhittade exempel förut, men nu gäller det Ebba Holm på riktigt – hon vågar inte gå hem.',
    'Det låter fiktivt men det hände i går: Melvin i 2B blev lämnad på skolan.',
    'Tänkte ta upp Sixten i 5A, pappan har hört av sig igen.',
  ];
  for (const text of real) it(`refuses: ${text}`, () => expect(refused(text)).toBe(true));

  it('never clears a personnummer', () => {
    const n = testNumber('20120314', '238');
    for (const text of [
      `Påhittat fall: ${n.dash} har hög frånvaro.`,
      `Fictional case study: pupil ${n.plain} in year 7.`,
      `Avidentifierat exempel, ${n.long}, mamma dricker.`,
    ]) {
      expect(cats(text)).toContain('personnummer');
      expect(refused(text)).toBe(true);
    }
  });
});
