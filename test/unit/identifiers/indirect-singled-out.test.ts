import { describe, expect, it } from 'vitest';
import { categoriesOf, detectIdentifiers, isIdentifiable } from '../../../src/domain/identifiers';

/**
 * Issue 13, point 1: a child singled out without a name. A definite child
 * word with a class or a named school, and an event or a relation in the
 * same sentence, points at one child as surely as a name does. Groups,
 * counts, whole classes and indefinite (de-identified) examples do not.
 */

const NOW = new Date('2026-03-10T09:00:00Z');
const cats = (text: string) => categoriesOf(detectIdentifiers(text, { now: NOW }));
const refused = (text: string) => isIdentifiable(detectIdentifiers(text, { now: NOW }));

describe('a child singled out without a name', () => {
  const positives = [
    'Pojken i 6D vars mamma sitter häktad sedan i fredags har inte ätit lunch på hela veckan.',
    'Flickan i 2A som blev biten av pappans hund i helgen vågar inte gå hem.',
    'Tvillingarna på Ängsskolan vars pappa avvisades i januari bor nu hos en moster.',
    'Sonen till rektorn, han som går i 9B, har börjat sälja snus på skolgården.',
    'Killen i 8E som blev rånad vid busshållplatsen i tisdags vill byta skola.',
    'Eleven i 4C vars bror omkom i bilolyckan behöver en vuxen att prata med.',
    'The girl in 5B whose mother was deported in the autumn is staying with a neighbour.',
    'The twins in year 3 whose dad died in January have stopped coming to after-school club.',
    'The boy at Hillside Primary who was excluded last week is now at home all day.',
    "The head teacher's son, the one in 10A, was stopped by the police with a knife.",
    'Sexåringen i förskoleklassen vars mamma lämnades på akuten i natt hämtades av mormor.',
    'Dottern till fritidsledaren, hon i 7C, har berättat om bråk hemma.',
    // A relative clause describes the one child, in a message with a case word.
    'Killen i 8c som säljer snus på rasterna, ska vi anmäla?',
    'The boy in 7A who sleeps at the bus station needs a safeguarding referral.',
    'Flickan på språkintroduktionen som fyller 18 i mars behöver en ny placering.',
  ];
  const negatives = [
    'Tre elever i 7C har hög frånvaro och vi bjuder in vårdnadshavarna till ett möte.',
    'En pojke i åk 7 vars pappa sitter i fängelse – hur arbetar skolan i ett sådant fall?',
    'Hela 8A åker till Göteborg på torsdag, vårdnadshavarna har fått information.',
    'The year 6 class whose parents came to the meeting gave good feedback.',
    'Alla barn i 3B vars föräldrar har skrivit på får åka med på utflykten.',
    'Pojken i 2A behöver en vuxen med sig på rasterna.',
    // A relative clause without a case word: a child in the day's logistics.
    'Flickan i 4A som har födelsedag i dag får välja sång.',
    'Eleven i 7B som tappade sin mobil kan hämta den i receptionen.',
    'Mentorn i 9C vars klass har flest anmälningar vill ha stöd av elevhälsan.',
    'Eleverna i 5A som var med om branden i höstas får prata med kuratorn i grupp.',
    'A pupil in year 9 whose parent is in prison: what support can the school offer?',
    'Om eleven i åk 9 har en förälder som grips ska mentorn kontakta elevhälsan.',
    'Varje elev i 7B vars frånvaro är över 15 % får en kallelse.',
    'Every child in 4C whose parents signed the form can join the trip on Friday.',
  ];

  for (const text of positives) {
    it(`refuses: ${text}`, () => {
      expect(refused(text)).toBe(true);
      expect(cats(text)).toContain('singled-out');
    });
  }
  for (const text of negatives) {
    it(`lets through: ${text}`, () => expect(cats(text)).toEqual([]));
  }

  it('gives the finding the span of the child word and its class', () => {
    const text = 'Pojken i 7C vars pappa greps förra veckan mår dåligt.';
    const [f] = detectIdentifiers(text, { now: NOW });
    expect(f).toMatchObject({ category: 'singled-out' });
    expect(text.slice(f!.start, f!.end)).toBe('Pojken i 7C');
    expect(f!.normalised).toBeUndefined();
  });

  it('does not add a second finding for a child already found by name', () => {
    expect(cats('Pojken Ali i 7C vars pappa greps förra veckan mår dåligt.')).toEqual(['name-with-class']);
  });

  it('is cleared by an invented-case marker like the other indirect identifiers', () => {
    expect(cats('Påhittat fall: flickan i 4A som blev slagen hemma, vad gör skolan?')).toEqual([]);
    expect(cats('Hypothetical case: the boy in 7C whose father was arrested last week.')).toEqual([]);
  });
});
