import { describe, expect, it } from 'vitest';
import { screen } from '../../../src/domain/consent';

/**
 * Rules added after held-out #2 showed its weak categories (pet names, lower-case names, names alone on a line,
 * homes with unusual street names, a parent's number with a spaced dash, staff signatures). Each rule is tuned on
 * the category, not on a held-out sentence: these examples are written for it, with other names, streets and
 * situations, and each rule has negatives beside it that it must not catch.
 */

const NOW = new Date('2026-12-02T09:00:00Z');
const refused = (text: string) => screen(text, { now: NOW }).findings.length > 0;

function table(positives: string[], negatives: string[]) {
  for (const text of positives) it(`refuses: ${text}`, () => expect(refused(text)).toBe(true));
  for (const text of negatives) it(`lets through: ${text}`, () => expect(refused(text)).toBe(false));
}

describe('pet names: a doubled consonant and a pet ending, with a class, a preschool unit or an aside', () => {
  table(
    [
      'Jocken i 6A har slutat äta i matsalen och säger att pappa tar hans pengar.',
      'Kossan i 7D säger att han får sova i bilen när det är fest hemma.',
      'Lillen på avd. Humlan bet sig själv i armen igen när mamma gick.',
      'Nettis i förskoleklassen kom utan vantar, tredje dagen i rad.',
      'Nettan i förskoleklassen kom utan vantar igen, mamma hämtade inte förrän sju.',
      'Tusse på avdelning Ekorren har blåmärken på ryggen, dokumenterat.',
      'Emil-Esset (han vill bli kallad så) i 2C har fått en orosanmälan.',
      'Liv-Lo i 4B vill inte gå hem efter skolan, mamma är inlagd.',
    ],
    [
      'Klockan i 8B är trasig, vaktmästaren är meddelad.',
      'Bollen i 3A är borttappad, har någon sett den?',
      'Kaffet i personalrummet är slut, någon som handlar?',
      'Bussen till Lekeberg går 8.10, samling vid entrén.',
      'Dockan på avd. Humlan är lagad nu, tack Berit!',
      'Nettan i förskoleklassen: vi behöver fler vantar till lådan.',
      'Mötet (det om budgeten) i rum 3 börjar kl 10.',
    ],
  );
});

describe('a lower-case name doing something, and a name alone on the last line, in a child’s case', () => {
  table(
    [
      'fick höra att viggo ska omplaceras igen, skolan vet inget',
      'såg idag att vilgot har blåmärke på armen igen, ska prata med mentorn',
      'Pojken har inte ätit på hela dagen och säger att ingen är hemma på kvällarna.\nAlvar',
      'Hon har sovit i trapphuset två nätter, mamma svarar inte i telefon.\nelvira',
      'Ringt vårdnadshavare utan svar, barnet har varit utåtagerande hela veckan.\nSigrid',
    ],
    [
      'Tack för idag, vi ses på torsdag!\nvh Margareta',
      'Protokollet ligger i Teams.\nvh Jonas (tf enhetschef)',
      'Kom ihåg att boka rum till utbildningen.\nMaria',
      'Hej alla, mötet om skolfrånvaro flyttas till fredag.\nAnders',
    ],
  );
});

describe('a home with an unusual street name or in a residential building, and offices moving', () => {
  table(
    [
      'Hembesök Bäckvändan 7 lgh 1101, lägenheten luktade rök och 3-åringen var ensam.',
      'Familjen bor i trapphuset Västra Kyrkogatan 9, uppgång C, barnen har inga sängar.',
      'Ny adress: Lönnkroken 4, 1 tr (pappa och två barn efter skilsmässan).',
      'Mamman och 4-åringen har flyttat till Tallsvängen 12, hon vill inte att pappan får veta.',
    ],
    [
      'IFO flyttar till Storgatan 14 i februari, nya nycklar hämtas i receptionen.',
      'Socialkontoret flyttar till Järnvägsgatan 3 efter årsskiftet.',
      'Utbildningen om skolfrånvaro hålls på Bäckvändan 7 i konferenshuset.',
    ],
  );
});

describe('signs of a child’s situation the word lists lacked', () => {
  table(
    [
      'Can you call me about Freya? She came in with a black eye again and says she walked into a door.',
      'Lova kom berusad till fritids, personalen ringde mamma som inte svarade.',
      'The twins in year 4 at Hillside, their mum turned up drunk at pickup again.',
      'Tvillingarna i förskoleklass på Ekdalen, deras pappa är inlagd sedan i söndags.',
      'Ring faster på 070 - 412 88 31, hon har pojken hos sig i helgen.',
    ],
    [
      'Exempel ur boken: pojken Max, 8 år, bor växelvis hos sina föräldrar. Diskutera i grupp.',
      'Example from the textbook: a girl called Lily, 9, is often absent. What would you do?',
      'Hej! Ring växeln på 0512 - 570 00 om ni inte når mig.',
    ],
  );
});

describe('a name someone goes by, a lower-case name seen or called, a child singled out by their home', () => {
  table(
    [
      'Pojken som kallas Tjotte i 5C har berättat att han sover i bilen.',
      'Hon som kallas Pippi på fritids har blåmärken igen.',
      'Vi har en elev som alla kallar Kruttan, hon har inte ätit på tre dagar.',
      'såg noah gråta på rasten igen, ingen vet varför',
      'kan någon ringa tilde efter skolan, hennes mamma är inlagd',
      'Pojken som bor på Granvägen, den med hunden, har varit ensam hemma hela helgen.',
      'Den äldsta av syskonen i familjen på Björkgatan har slutat komma till skolan.',
      'The youngest of the three brothers in year 2 says his dad hits him.',
    ],
    [
      'Rummet som kallas Solen är bokat för elevhälsomötet.',
      'Mötesrummet kallas Ekorren sedan i höstas, utbildningen om orosanmälan hålls där.',
      'såg lena på mötet om skolfrånvaro idag, hon hade bra bilder',
      'kan någon ringa johan om föräldramötet?',
      'Vi träffade kurator Anna och såg johan från soc på mötet om placeringar.',
      'Barnen som bor på Granvägen får skolskjuts från måndag.',
      'Om pojken bor på Granvägen gäller skolskjuts enligt riktlinjen.',
      'Alla elever som bor på Storgatan ska ha fått brev om skolskjuts.',
    ],
  );
});

describe('a name outside the lexicon: a speaker opening a sentence, or someone talked about in a child’s case', () => {
  table(
    [
      'pratade med Mackan idag, han säger att pappa tar hans pengar',
      'Har någon hört något om Sessan? Mamman har inte hämtat henne på tre dagar.',
      'Totte berättade idag att pappa slår mamma.',
      'Bex said her stepdad hit her again, she doesn’t want to go home.',
      'Can someone check on Jonno? His mum hasn’t picked him up and he is crying.',
      'Vi oroar oss för Kicki på avd. Rosen, hon har gått ner mycket i vikt.',
      'Nisse i trean har slutat prata med alla och pappa är häktad.',
    ],
    [
      'Igår sa mamman att pojken inte vill åka hem.',
      'Sedan sa pappan att han ska hämta barnen.',
      'Grannen berättade att pappan slår barnen.',
      'Polisen kom hem till familjen igår kväll.',
      'Kuratorn sa att eleven mår dåligt.',
      'Hemma sa mamman att hon inte orkar.',
      'Vi hade möte med Hagaby om eleven igår, det gick bra.',
      'Pratade med Skolverket om frånvaron, de återkommer.',
      'Personalen sa att barnet grät hela dagen.',
    ],
  );
});

describe('a lower-case subject after a time word and a verb, one of a group of children, a diagnosis in a class', () => {
  table(
    [
      'idag kom liam utan matsäck igen, mamma svarar inte',
      'igår var selma ledsen hela dagen och sa att pappa skriker',
      'mentorn säger att wilmer inte har varit i skolan på två veckor och att familjen ska flytta',
      'Ett av barnen på avd. Myran har blåmärken på ryggen, pappan blev arg vid hämtningen.',
      'One of the children in 3C says her stepdad hits her.',
      'Flickan i 2B som har diabetes har inte fått sin insulin hemma.',
    ],
    [
      'idag kom lena till jobbet sent, mötet om skolfrånvaro flyttas',
      'Ett av barnen på avd. Myran fyller år idag, vi bjuder på tårta.',
      'En av eleverna i 7B har glömt sin jacka i matsalen.',
      'Möte kl. 14 på avd. Solen om nya rutiner för lämning.',
      'Eleverna i 2B med diabetes får ny rutin för insulin från måndag.',
    ],
  );
});

describe('pet names in lower case with a class, and hyphened pet names on either half', () => {
  table(
    [
      'mackan i 8b säger att han sålt sin medicin, bup behöver veta',
      'jocke i 5a har inte varit hemma på två nätter, mamma ringde polisen',
      'Lill-Kalle i 1B har inte ätit frukost på hela veckan, pappa sover hela dagarna.',
      'Kompis-Elin (hon kallas så) i 3C har blåmärken igen.',
    ],
    [
      'klockan i 8b är trasig igen, vaktmästaren vet',
      'bollen i 3a är borttappad',
      'Fråga Ekonomi-Anna om fakturan, hon sitter på kontoret.',
      'Anna-Lena Berg (rektor) bjuder in till möte om skolfrånvaro.',
    ],
  );
});

describe('a child told from the rest by a description right after the class, or by not being collected', () => {
  table(
    [
      'Eleven i 6C, den med hörapparaten, har inte fått sin medicin hemma.',
      'The boy in 5B, the one with the glasses, says his stepdad locks him out.',
      'Pojken i förskoleklassen som alltid är hungrig har inte hämtats på två dagar.',
    ],
    [
      'Eleverna i 6C, de med cyklar, ska ställa dem vid entrén.',
      'Pojken i förskoleklassen som har födelsedag idag vill ha tårta.',
      'Eleven i 6C har glömt sin mössa, den med tofsen.',
      'Vilken elev i 6C som helst kan låna den med tangentbordet.',
    ],
  );
});

describe('a pet name in no list with a class and a verb only a person does, and the name a child goes by', () => {
  table(
    [
      'Stumpan i 1B berättade att mamma sover hela dagarna.',
      'Smulan på avdelning Blåbäret kom med brännmärken på handen idag.',
      'Kan någon titta till Bulan i 3C? Pappa har inte hämtat honom.',
      'Kan någon kolla till Tjorven i 2A? Mamma har inte hämtat henne.',
      'Pojken går under namnet Zacke på fritids, han har berättat om bråk hemma.',
      'Flickan går under namnet Tussi på fritids och hon säger att hon inte får mat hemma.',
      'Vi har en kille i 9B som alla kallar Snobben, han har inte varit hemma sedan i fredags.',
    ],
    [
      'Tavlan i 7C har ramlat ner, kan vaktmästaren titta på den?',
      'Kaninen på avdelning Blåbäret har fått ungar, barnen är glada!',
      'Datorn i 9A har slutat fungera igen, eleverna kan inte skriva prov.',
      'Projektorn i 6B är trasig och eleven som skulle redovisa fick vänta.',
      'Hamstern i 2A dog i helgen, barnen är ledsna och vi pratar om det i klassen.',
      'Teamet på avdelning Solen berättade om nya rutiner för lämning.',
      'Lådan i förskoleklassen är full av vantar, säg till föräldrarna.',
      'Akvariet i 3B läcker. Hon som städar har sagt till.',
      'Vi kallar rummet Grottan, där har eleven i 9B sina samtal.',
      'Lokalen går under namnet Solen, mötet om eleven hålls där.',
      'Skolan går under namnet Västra, eleven börjar där på måndag.',
      'Personalen i 4C säger att barnen behöver mer rast.',
    ],
  );
});

describe('rules added after held-outs #3–#5 were measured (each with its own examples, not the held-outs’ sentences)', () => {
  describe('a pet name opening a sentence in a child’s case, with a person’s verb, a named school or its family after it', () => {
    table(
      [
        'Pålle har blivit omhändertagen i natt, socialjouren ringde skolan.',
        'Lisse från Ekbackaskolan sitter hos polisen sedan i morse, mamma är meddelad.',
        'Nettan och hennes storebror har inte blivit hämtade från fritids, soc-jouren kontaktad.',
        'Mirre på Vallaskolan – pappan har kommit dit trots kontaktförbud.',
      ],
      [
        'Grannen berättade att pappan slår barnen.',
        'Kassan är stängd i dag, ring familjeenheten om ärendet.',
        'Bussen från Ekbackaskolan går kl 8, barnen samlas vid entrén.',
      ],
    );
  });
  describe('a school year written as an ordinal is a class: "6:an", "3an"', () => {
    table(
      ['Linnea Holm i 6:an har fått plats i en särskild undervisningsgrupp.', 'Melker i 3an har berättat att storasyster slår honom.'],
      ['Flera elever i 9:orna skolkar på fredagar.', 'Vi ses i rum 10 kl 3, ta med listan.'],
    );
  });
  describe('a person placed at a named school, with a family name or a child’s clause', () => {
    table(
      ['Elin Persson på Tallbackaskolan har slutat äta i skolan.', 'Frida Ahmadi från Norrskolan har inte kommit hem sedan i fredags.'],
      ['Anna Svensson på Tallbackaskolan håller i utbildningen på torsdag.', 'Ulrika på Norrskolan har skickat listan.'],
    );
  });
  describe('a child set apart by a trait, a multiple birth or a diagnosis', () => {
    table(
      [
        'Den gravida eleven i 9A har fått tid på ungdomsmottagningen.',
        'Trillingarna i 1B har inte fått mat hemma på hela veckan.',
        'Den rullstolsburna killen i 5C blev inlåst i ett förråd av klasskamrater.',
        'Sixten har fått en autism-diagnos, vi behöver anpassa dagen.',
      ],
      ['Gravida medarbetare ska göra en riskbedömning med chefen.', 'Tre elever i 9A har fått diagnos i år enligt statistiken.'],
    );
  });
  describe('a child word right before initials or a name counts after a colon too', () => {
    table(
      ['Åk 5: eleven K.M. berättar att hon inte får äta middag hemma.', 'Kan vi ta upp TS i 7B på EHT? Misstänkt hedersförtryck.'],
      ['Åk 5: eleverna K-M har idrott på fredag.'],
    );
  });
  describe('books, case references and help lines are nobody’s case', () => {
    table(
      ['Uppföljning: SAM-ELSABERG i 4B har hög frånvaro igen, mamma svarar inte.'],
      [
        'Fyran läser Emil i Lönneberga, Emil hamnar i snickarboa igen – bra om regler och straff.',
        'Harry Potter växer upp hos familjen Dursley, vi använder boken i temat om försummelse.',
        'Samtycket för SAM-Q4P8DL2U gäller till 2027-03-31.',
        'BRIS vuxentelefon 077-150 50 50 kan tipsas till föräldrar.',
        'Elevhälsans gemensamma telefon 0498-11 22 33 är bemannad 8–12.',
      ],
    );
  });
});
