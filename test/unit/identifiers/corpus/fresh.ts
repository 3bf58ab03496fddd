import type { IdentifierCategory } from '../../../../src/domain/identifiers';
import { testNumber as t } from './test-numbers';

/**
 * A fresh labelled corpus of chat messages for the identifier detector,
 * written after the detector was tuned on messages.ts and holdout.ts, so it
 * measures how the detector does on wordings it has not seen: as social
 * workers, school counsellors, principals, BUP and HAB staff and heads of
 * administration write in Teams channels (short, informal, lower case,
 * typos, abbreviations, some English).
 *
 * Each message has a topic and is labelled with what a careful reader finds
 * in it. Identifiable topics carry at least one category; the negative
 * topics (staff logistics, titled professionals, invented cases, statistics,
 * references, places) carry none. "marker-holes" are real cases that use a
 * marker word ("inte ett påhittat fall") and count as identifiable.
 *
 * Every personnummer and samordningsnummer is a constructed test number
 * (testNumber); every phone number is a made-up 070 number.
 */

/**
 * `singled-out`: a specific child identifiable without a name (a class or
 * school plus a singular event or relation). Declared here as well, so the
 * corpus compiles whether or not IdentifierCategory has the label yet.
 */
export type FreshCategory = IdentifierCategory | 'singled-out';

export interface FreshMessage {
  topic: string;
  lang: 'sv' | 'en';
  text: string;
  expected: FreshCategory[];
}

/** Topics whose messages identify a child or family (every message has at least one label). */
export const IDENTIFIABLE_TOPICS = [
  'pnr-spelling',
  'singled-out',
  'initials-class',
  'nickname',
  'lowercase-name',
  'split-name',
  'english-case',
  'name-colleague-verb',
  'name-bup',
  'parent-phone-address',
  'name-alone-line',
  'classic',
  'marker-holes',
] as const;

/** Topics whose messages identify no one (every message is labelled []). */
export const NEGATIVE_TOPICS = [
  'staff-logistics',
  'titled-professional',
  'invented',
  'stats-groups',
  'references',
  'places-things',
] as const;

/** The direct identifiers' topic: recall there must be 1. */
export const DIRECT_TOPIC = 'pnr-spelling';

type Topic = (typeof IDENTIFIABLE_TOPICS)[number] | (typeof NEGATIVE_TOPICS)[number];

function topic(name: Topic) {
  return {
    sv: (text: string, ...expected: FreshCategory[]): FreshMessage => ({ topic: name, lang: 'sv', text, expected }),
    en: (text: string, ...expected: FreshCategory[]): FreshMessage => ({ topic: name, lang: 'en', text, expected }),
  };
}

const P: FreshCategory = 'personnummer';
const S: FreshCategory = 'samordningsnummer';
const N: FreshCategory = 'name';
const NC: FreshCategory = 'name-with-class';
const NA: FreshCategory = 'name-with-age';
const A: FreshCategory = 'address';
const PH: FreshCategory = 'phone';
const SO: FreshCategory = 'singled-out';

// ---------------------------------------------------------------- constructed numbers

type Num = ReturnType<typeof t>;
const p1 = t('20130417', '238');
const p2 = t('20100823', '561');
const p3 = t('20150630', '147');
const p4 = t('20081102', '384');
const p5 = t('20111219', '905');
const p6 = t('20140205', '273');
const p7 = t('20090728', '416');
const p8 = t('20160911', '652');
const p9 = t('20070314', '819');
const p10 = t('20120525', '030');
const p11 = t('20180101', '447'); // a preschooler
const p12 = t('19820916', '735'); // a parent
const p13 = t('19790304', '268'); // a parent
const p14 = t('19240812', '583'); // a great-grandmother over 100: written with +
const p15 = t('20121031', '190');
const p16 = t('20200229', '661'); // leap day
const s1 = t('20100372', '518'); // samordningsnummer: 12 March + 60
const s2 = t('20090887', '346'); // 27 August + 60
const s3 = t('20130661', '725'); // 1 June + 60
const s4 = t('19880979', '402'); // a parent, 19 September + 60
const s5 = t('20150490', '253'); // 30 April + 60

/** Date part (YYMMDD) and last four of the ten-digit form. */
const D = (n: Num) => n.plain.slice(0, 6);
const L = (n: Num) => n.plain.slice(6);
/** Ten digits with `sep` between date and number. */
const ten = (n: Num, sep: string) => `${D(n)}${sep}${L(n)}`;
/** Twelve digits with `sep` between date and number. */
const twelve = (n: Num, sep: string) => `${n.twelve.slice(0, 8)}${sep}${n.twelve.slice(8)}`;
/** The twelve-digit form as a dashed date plus four digits: 2013-04-17-2384. */
const dashedDate = (n: Num) => `${n.twelve.slice(0, 4)}-${n.twelve.slice(4, 6)}-${n.twelve.slice(6, 8)}-${n.twelve.slice(8)}`;
const digitsIn = (zero: number) => (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(zero + Number(d)));
/** Full-width digits (U+FF10..). */
const fw = digitsIn(0xff10);
/** Arabic-Indic digits (U+0660..). */
const ar = digitsIn(0x0660);
/** Extended Arabic-Indic (Persian) digits (U+06F0..). */
const fa = digitsIn(0x06f0);
/** `ch` inserted at `at`. */
const inject = (s: string, at: number, ch: string) => s.slice(0, at) + ch + s.slice(at);

// ---------------------------------------------------------------- pnr-spelling
const pn = topic('pnr-spelling');
const PNR: FreshMessage[] = [
  pn.sv(`${ten(p1, '')} har varit borta hela veckan, mentor har ringt hem utan svar`, P),
  pn.sv(`kolla ${p2.twelve} i procapita – finns det en pågående utredning?`, P),
  pn.sv(`${p3.long} aktuell på BUP sen i höstas, vh vill ha SIP före sommaren`, P),
  pn.sv(`gammelmormor ${ten(p14, '+')} har vårdnaden nu, hon vill vara med på mötet`, P),
  pn.sv(`ang ${p4.dash} – orosanmälan från fritids inkom igår em`, P),
  pn.sv(`${ten(p5, '  ')} frånvaro 46 % ht, inget svar från hemmet`, P),
  pn.sv(`elev\t${ten(p6, '\t')}\tåk 5\tfrånvaro 38 %`, P),
  pn.sv(`Barnets pnr:\n${ten(p7, '\n')}\nmamma ringer efter lunch`, P),
  pn.sv(`pnr ${ten(p8, '/')}, hon har flyttat till sin moster i helgen`, P),
  pn.sv(`${ten(p9, '.')} – nytt LVU-beslut idag, placeras på HVB`, P),
  pn.sv(`Gäller ${ten(p10, '\u2013')}, familjen har flyttat till Vara utan att säga nåt`, P),
  pn.sv(`Ärende ${ten(p11, '\u2014')} — förskolan har sett blåmärken igen`, P),
  pn.sv(`kan nån kolla ${ten(p15, '\u2212')}? skolan säger att han inte varit där sen lovet`, P),
  pn.sv(`SIP för ${ten(p1, '\u2011')} bokad till 24/3, vh har samtyckt`, P),
  pn.sv(`${ten(p2, '\u2012')} har fått plats i familjehem från måndag`, P),
  pn.sv(`pnr ${ten(p3, '\uff0d')} mamma orolig för skolfrånvaron`, P),
  pn.sv(`${fw(p4.dash)} har fått LVU, skolan är informerad`, P),
  pn.sv(`Personnummer: ${fw(p5.long)} – vh har inte samtyckt än`, P),
  pn.sv(`${fw(ten(p6, '\uff0d'))} orosanmälan från BVC, skickad vidare till mottagningen`, P),
  pn.sv(`Pappan skickade sonens nummer i sms: ${ar(p7.dash)}, han vill ha möte om frånvaron`, P),
  pn.sv(`${ar(p8.twelve)} är inskriven på Frejaskolan enligt mamman men har aldrig kommit`, P),
  pn.sv(`mamman skrev barnets nummer på dari: ${fa(p9.dash)} – tolk bokad till SIP`, P),
  pn.sv(`${inject(p10.dash, 3, '\u200b')} har hög frånvaro igen, tredje veckan i rad`, P),
  pn.sv(`Gäller ${inject(p11.plain, 6, '\ufeff')} – ny anmälan från förskolan`, P),
  pn.sv(`Placering av ${inject(p15.long, 4, '\u00ad')} förlängs till juni`, P),
  pn.sv(`${inject(inject(p1.plain, 2, '\u200d'), 8, '\u200d')} vill inte gå hem efter fritids`, P),
  pn.sv(`elevens pnr ${inject(p2.dash, 7, '\u2060')} behövs till kallelsen`, P),
  pn.sv(`${p2.dash},${p3.dash} syskon, båda placerade hos farmor sen fredag`, P),
  pn.sv(`${p4.plain};${p5.plain};${p6.plain} – alla tre har frånvaro över 30%`, P),
  pn.sv(`${p7.dash}/${p8.dash} tvillingar, vi kör gemensam SIP`, P),
  pn.sv(`Eleven (${p9.plain}) har slutat komma, mentor fick inget svar hemma`, P),
  pn.sv(`https://prator.essunga.example/elev?pnr=${p10.twelve}&flik=franvaro – se frånvaron där`, P),
  pn.sv(`länk till akten: https://w3d3.gnesta.example/arende/visa?personnr=${p11.dash}&v=2`, P),
  pn.sv(`pnr:${p15.dash} vh vill ha möte asap`, P),
  pn.sv(`personnr: ${p16.long} (skottdagsbarn) mamma ringer imorgon om umgänget`, P),
  pn.sv(`Personnr.${p12.plain} pappan vill delta på SIP:en digitalt`, P),
  pn.sv(`Barnet: ${dashedDate(p1)} – hemmasittare sedan i höstas, BUP inkopplat`, P),
  pn.sv(`${dashedDate(p13)} är mamman, hon har ett eget ärende på vuxenenheten`, P),
  pn.sv(`<p>Gäller elev <b>${p2.dash}</b>, orosanmälan skickad</p>`, P),
  pn.sv(`${D(p3)}&#45;${L(p3)} har inte kommit till skolan sedan 3/2`, P),
  pn.sv(`pnr ${D(p4)}&nbsp;${L(p4)} placerad i jourhem i natt`, P),
  pn.sv(`<span>${D(p5)}</span>-${L(p5)} har fått kontaktperson via IFO`, P),
  pn.sv(`Uppföljning ${D(p6)}&ndash;${L(p6)}: frånvaron har minskat till 12 %`, P),
  pn.sv(`<div>Elev: ${D(p7)}&#8209;${L(p7)}<br>Åk 8, hög frånvaro</div>`, P),
  pn.sv(`samordningsnr ${s1.dash}, ensamkommande, bor på HVB i Vara`, S),
  pn.sv(`${ten(s2, '\u2013')} har fått god man, skolplacering klar`, S),
  pn.sv(`snr ${fw(s3.long)} behöver tolk till SIP-mötet`, S),
  pn.sv(`mamman har samordningsnummer ${s4.plain}, pratar tigrinja`, S),
  pn.sv(`${inject(s5.dash, 4, '\u200b')} nyanländ, kartläggning pågår`, S),
  pn.sv(`${s1.twelve};${s2.twelve} bröder, båda på samma boende`, S),
  pn.sv(`samordningsnummer: ${ten(s3, '  ')} – Migrationsverket har inte svarat`, S),
  pn.sv(`${s2.dash} och brodern ${p8.dash} bor hos en kusin just nu`, S, P),
  pn.sv(`${twelve(p12, '   ')} pappa, har kontaktförbud mot barnen`, P),
  pn.sv(`${twelve(p13, '\u00a0')} mamma, samtycker till SIP men inte till BUP`, P),
  pn.sv(`${ten(p16, '\u202f')} har börjat på förskolan igen efter uppehållet`, P),
  pn.sv(`${ten(p15, '\u2009')} pojken har berättat om slag hemma`, P),
  pn.sv(`${D(p1)} - ${L(p1)} har fått beslut om kontaktfamilj`, P),
  pn.sv(`| ${p2.dash} | åk 6 | 32 % | vh ej nåbar |`, P),
  pn.sv(`\`${p3.plain}\` – sorry, glömde att vi inte ska skriva pnr här`, P),
  pn.sv(`> ${p11.dash} har hög frånvaro\nsvar: vi tar det på torsdag`, P),
  pn.sv(`${twelve(p10, '\n')}\nny placering från 1/4`, P),
  pn.sv(`farmor ${p14.plus} vill bli familjehem, utredning startar`, P),
  pn.en(`Child's ID ${p4.dash} – the school has made a referral to soc`, P),
  pn.en(`pnr ${ten(p5, '\u2014')} was placed in emergency foster care last night`, P),
  pn.en(`ID no. ${twelve(p6, '-')} – mum has given consent for the SIP`, P),
  pn.en(`Forwarding from the school: "${p7.plain}, absence 44%, no contact with guardians"`, P),
  pn.en(`the kid's personnummer is ${fw(p8.dash)} (my phone keyboard did that)`, P),
  pn.en(`link to the record: https://edu.example/student?pnr=${p9.plain}`, P),
  pn.en(`coordination number ${s1.dash}, unaccompanied minor, needs a guardian`, S),
  pn.sv(
    `Sammanfattning inför operativa gruppen torsdag:\n` +
      `1. ${p4.dash} – frånvaro 52 % sedan nyår, mentor har ringt 6 ggr, inget svar. Förslag: hembesök tillsammans med soc.\n` +
      `2. ${ten(p9, ' ')} – LVU-beslut i fredags, placerad på HVB utanför kommunen, skolgången behöver lösas med distansstöd.\n` +
      `3. ${s3.dash} – nyanländ, god man utsedd, kartläggning klar, behöver modersmålsstöd och kontakt med BUP för trauma.\n` +
      `Samtycke finns för 1 och 3, för 2 inväntar vi vårdnadshavarnas svar. Säg till om ni vill lägga till något!`,
    P,
    S,
  ),
];

// ---------------------------------------------------------------- singled-out
const so = topic('singled-out');
const SINGLED_OUT: FreshMessage[] = [
  so.sv('Killen i 8B vars pappa åkte fast för narkotikabrott i helgen var inte i skolan idag, hur gör vi?', SO),
  so.sv('tjejen i 6A som blev omhändertagen i fredags – vet nån om hon kommer tillbaka till klassen?', SO),
  so.sv('Tvillingarna i 2C, de vars mamma gick bort i januari, har slutat äta lunch enligt fritids.', SO),
  so.sv('Sonen till vaktmästaren på Nossebroskolan, han i 9A, har börjat skolka igen', SO),
  so.sv('dottern till rektorn på Frejaskolan, hon som går i 7B, har berättat för kuratorn att hon skadar sig', SO),
  so.sv('Den enda eleven i 4B med skyddad identitet har fått ett brev hemskickat till fel adress', SO),
  so.sv('Flickan i 5C vars bror sitter på SiS-hem har varit ledsen och frånvarande hela veckan', SO),
  so.sv('pojken i förskoleklassen på Bryngeskolan som kom med blåmärken i måndags – orosanmälan är gjord', SO),
  so.sv('Han i 9C som knivhöggs utanför fritidsgården i lördags är hemma nu, mamman vill ha ett möte', SO),
  so.sv('Den nya eleven i 3B som kom från Ukraina i januari – hennes pappa ringde skolan och var berusad', SO),
  so.sv('Barnet på Solrosens förskola vars pappa dömdes för misshandel av mamman i höstas ska börja umgås med honom igen', SO),
  so.sv('lillebror till killen som dog i trafikolyckan i november, han går i 5A, mår väldigt dåligt', SO),
  so.sv('Tjejen i 9B som är gravid – skolsköterskan är orolig, pojkvännen ska vara 22', SO),
  so.sv('han som blev avstängd från Frejaskolan i åttan förra månaden har nu fått placering på HVB', SO),
  so.sv('Kommunalrådets dotter, hon i 8C, har 40 % frånvaro. Känsligt, ta det inte i den stora gruppen.', SO),
  so.sv('Pojken i 1A med rullstol vars mamma har flyttat ut – pappan klarar inte hämtningarna', SO),
  so.sv('Eleven i 9A som tog med sig ett vapen till skolan i höstas är tillbaka efter LVU-placeringen', SO),
  so.sv('Systern till flickan som hittades död i sjön i somras går nu i 4A, mamma vill att hon får stöd', SO),
  so.sv('eleven på Nossebroskolan som åkte ambulans från idrotten i tisdags – det var en överdos enligt mamman', SO),
  so.sv('Killen i 7C som bor på HVB-hemmet vid kyrkan har rymt igen i natt', SO),
  so.sv('Den enda tjejen i nians IM-grupp på Frejaskolan har berättat om hedersrelaterat förtryck', SO),
  so.sv('sjuåringen i 1B vars pappa stod i tidningen för rattfyllan frågar läraren varje dag om pappa ska i fängelse', SO),
  so.sv('Den nyanlända pojken i 5C som kom ensam från Afghanistan i höstas har fortfarande ingen god man', SO),
  so.sv('vaktmästarens barnbarn i 3A, hon som bor hos honom, har berättat om bråk hemma hos mamman', SO),
  so.sv('Eleven i 6B vars mamma jobbar i matsalen har inte ätit på tre dagar', SO),
  so.en("the girl in 5B whose mum was deported in December hasn't been in school since", SO),
  so.en("The twins in year 3 at Nossebroskolan whose dad is in prison – their teacher says they're withdrawn", SO),
  so.en('the only Somali-speaking kid in 2A, the one whose dad was arrested, needs an interpreter at the SIP', SO),
  so.en('That boy in 8C who set fire to the bins last Friday – the police want a meeting with soc', SO),
  so.en("The headteacher's son, the one in 9B, disclosed self-harm to the school nurse today", SO),
  so.en('the new girl in year 7 who arrived from Syria in January keeps asking if her dad is alive', SO),
];

// ---------------------------------------------------------------- initials with class or school
const ic = topic('initials-class');
const INITIALS: FreshMessage[] = [
  ic.sv('AB i 5A har inte varit här sen lovet, vh svarar inte', NC),
  ic.sv('J.L. på Bryngeskolan åk 6 – fritids har gjort orosanmälan igen', NC),
  ic.sv('MK 7b säger att han sover i bilen med pappa', NC),
  ic.sv('Kan vi ta S.A. (8C) först? mamman har ringt tre gånger i morse', NC),
  ic.sv('FH i 9A har 60 % frånvaro, SIP bokad tors', NC),
  ic.sv('ang. T.N. i förskoleklass – förskolan har sett blåmärken igen', NC),
  ic.sv('HA åk 2 vill inte gå hem efter skolan, fritids är oroliga', NC),
  ic.sv('L. B. i 3C berättade idag att mamma är borta på nätterna', NC),
  ic.sv('OS på Frejaskolan har slutat komma, pappan har tagit med honom till hemlandet', N),
  ic.sv('ME (6B) och syster ME (4A) – båda aktuella hos IFO sedan i höstas', NC),
  ic.sv('Uppföljning RJ åk 8: kontaktperson tillsatt, frånvaron oförändrad', NC),
  ic.sv('N.Y. i 1A kommer ofta utan frukost och utan kläder efter väder', NC),
  ic.sv('KL, Nossebroskolan, har berättat för kurator om hot hemifrån', N),
  ic.sv('DA 9C: placerad i jourhem sedan i går kväll', NC),
  ic.sv('Eleven A.S. i sjuan har skickat nakenbilder enligt polisen, vh är informerade', NC),
  ic.sv('IG 5B – mamma vill inte att soc kontaktas men vi har gjort en orosanmälan', NC),
  ic.sv('V.H. på Bryngeskolan, hon med skyddad adress, har fått ett brev från pappan', N),
  ic.en('JP in year 4 told the teacher his dad hits him', NC),
  ic.en('re: A.M. (class 6C) – the LVU hearing is on Thursday', NC),
];

// ---------------------------------------------------------------- nicknames
const nn = topic('nickname');
const NICKNAMES: FreshMessage[] = [
  nn.sv('Muhammed (Mo) i 5C har slagit en klasskompis igen, vh kallade till möte', NC),
  nn.sv('Alexandra (Sasha) Nilsson har inte kommit hem i natt, mamma har ringt polisen', N),
  nn.sv('Elisabeth (Lisa) i 8A har berättat om ätstörning, skolsköterskan vill ha SIP', NC),
  nn.sv('Mustafa "Musse" Karimi i 9B är gripen igen enligt fältgruppen', NC),
  nn.sv('Jonathan (Jonte) 11 år – orosanmälan från fritidsgården i går kväll', NA),
  nn.sv('Viktoria (Vicky) Persson, 15, har flyttat till sin pappa utan att soc vet om det', NA),
  nn.sv('Abdirahman (Abdi) i sjuan har skolkat sen sportlovet, pappa säger att han jobbar', NC),
  nn.sv('Katarina (Kattis) Holmqvist – vh vill ha samtal om placeringen', N),
  nn.sv('Fredrika (Freddie) i 4B har blivit hämtad av en okänd man två gånger', NC),
  nn.sv('Maximilian (Max) Ekström har LVU sedan i går, flyttad till HVB', N),
  nn.sv('Gabriella (Gabbi) åk 5 säger att mamma dricker varje kväll', NC),
  nn.sv('Johannes (Jojje) i 3A har stora behov, HAB är inkopplade men vh vill inte ha SIP', NC),
  nn.en("Alexander (Sandy) Khan in year 7 – mum says he's not sleeping at home", NC),
];

// ---------------------------------------------------------------- names in lower case
const lc = topic('lowercase-name');
const LOWERCASE: FreshMessage[] = [
  lc.sv('pratade med wilma lindgren om frånvaron idag, hon säger att hon har ont i magen', N),
  lc.sv('liam i 4a har inte ätit på hela dagen enligt fritids', NC),
  lc.sv('mamma till elias ringde, han vill inte gå till skolan längre', N),
  lc.sv('omar åk 7 har fått en varning av polisen, soc är informerade', NC),
  lc.sv('noah karlsson har flyttat till familjehem i grannkommunen', N),
  lc.sv('fick ett samtal om saga 9 år, mamman är inlagd på psyk', NA),
  lc.sv('hade samtal med maja i 6c, hon har självskadat igen', NC),
  lc.sv('kolla frånvaron för isak berg, vh svarar inte', N),
  lc.sv('alva i förskoleklass kommer ofta utan mat och blöjor', NC),
  lc.sv('emir (8b) går från skolan vid lunch varje dag, pappa säger det är okej', NC),
  lc.sv('orosanmälan om leo nyström från bvc kom idag', N),
  lc.sv('sonen hugo vägrar gå till skolan, mamma ringde i morse och grät', N),
  lc.sv('vi har fortfarande ingen plan för ebba lindholm, placeringen håller på att spricka', N),
  lc.sv('felix 13 år har blivit polisanmäld för hot mot en lärare', NA),
  lc.sv('astrid och hennes bror melvin bor hos mormor sen i fredags', N),
  lc.sv('ali hassan i 9c är tillbaka efter lvu-placeringen', NC),
  lc.sv('juni i 2b har berättat att pappa låser in henne i rummet', NC),
  lc.sv('har nån pratat med selma i sexan? hon grät hela mentorstiden', NC),
];

// ---------------------------------------------------------------- names split by invisible characters
const sp = topic('split-name');
const SPLIT: FreshMessage[] = [
  sp.sv('Wil\u200bma Berg i 5A kom till skolan med en skråma över ögat, vh svarar inte', NC),
  sp.sv('orosanmälan om El\u00adsa Lund kom från förskolan i går', N),
  sp.sv('No\u200dah i 3B säger att pappa slår mamma', NC),
  sp.sv('Mamma till Ha\u2060mza har ringt om placeringen igen', N),
  sp.sv('Ebba Lind\u00adqvist, 12 år, har rymt från familjehemmet', NA),
  sp.sv('Isa\u200bbelle i åk 8 har hög frånvaro sen jul, vh vill inte ha kontakt', NC),
  sp.sv('O\u200bliver Sund\u200bberg är aktuell för LVU, ansökan skickas i veckan', N),
  sp.sv('Sonen Ad\u2060am gömmer mat på rummet enligt mamman, BUP är kontaktade', N),
  sp.sv('Tu\u200dva Ek i 1C kommer ofta utan matsäck', NC),
  sp.sv('Eleven Yas\u00admin Ali har berättat om hot om bortgifte', N),
  sp.sv('Kev\u200bin 14 år sitter häktad, skolan har inte fått veta något', NA),
  sp.sv('Vårdnadshavarna till Am\u2060ira i 6B samtycker inte till SIP', NC),
  sp.en('Lu\u200bcas in year 2 came in with bruises again, the after-school club documented it', NC),
];

// ---------------------------------------------------------------- English case talk
const en = topic('english-case');
const ENGLISH: FreshMessage[] = [
  en.en('Noah Jensen in year 6 at Bryngeskolan told his teacher that his stepdad locks him out at night', NC),
  en.en("Maya's mum called about the LVU again, she wants the meeting moved", N),
  en.en('Quick update: Amir (12) has been in an emergency foster home since Friday', NA),
  en.en('Can we discuss Ella Morgan on Thursday? Her absence is up to 40%', N),
  en.en('Jack in 5B came in with bruises on his arm, the school nurse has documented it', NC),
  en.en('Sofia Rossi, 14, ran away from the care home again last night', NA),
  en.en("Liam's dad turned up drunk at pick-up, staff called the police", N),
  en.en('The referral for Hannah Kowalski went to social services this morning', N),
  en.en('Zainab in grade 8 disclosed a risk of FGM to the school counsellor', NC),
  en.en('We need an SIP for Lucas Ahmed – CAMHS, school and soc are all involved', N),
  en.en("Amelia (7) keeps saying she doesn't want to go home", NA),
  en.en("Emil's foster mum says he has nightmares every night since the move", N),
  en.en("Isaac Berg hasn't been seen since the weekend and his parents aren't answering", N),
  en.en('Fatima in year 9 is being pressured to marry over the summer, we need to act now', NC),
  en.en("Ryan Murphy's absence is now 55 % this term, mum says he is ill", N),
  en.en('Just spoke to Leah in 4A, she says mum sleeps all day', NC),
  en.en('Mohammed Hussein, born 2013, is on the waiting list for BUP', NA),
  en.en('Safeguarding concern: Ava Lindqvist, year 2, came to school without a coat again', NC),
  en.en("Grace's stepfather has a restraining order, the school must not let him pick her up", N),
  en.en('Adam is 10 and has been caring for his younger siblings alone for a week', NA),
  en.en('Yusuf Ali in class 7C was excluded after the fight, mum is furious with the school', NC),
  en.en('Layla Osman has been missing from school for three weeks, the family may have left the country', N),
  en.en("Talked to Oscar's grandmother, she is willing to be a kinship carer", N),
  en.en('Mia in the preschool class keeps falling asleep, her teacher is worried about home', NC),
  en.en('The police called about Kevin Lindahl, 15, arrested for shoplifting with older boys', NA),
  en.en("Sara Haddad's mum has agreed to the SIP but her dad hasn't", N),
  en.en("Elijah in year 3 hasn't had lunch money for weeks and is always hungry", NC),
  en.en('Hi all, re Nora Pettersson: the placement breaks down on Friday, we need a plan', N),
  en.en('Theo (9) disclosed at breakfast club that his dad hit his mum', NA),
  en.en('Aisha Mahmoud in 6B and her brother Omar in 8A both have high absence', NC),
  en.en('Can someone check on Lily Anderson? Her mum texted the teacher at 2am', N),
  en.en('Ibrahim, aged 11, has lived with his aunt since his father was detained', NA),
  en.en("Felix Nordin's case goes to the social welfare committee next week", N),
  en.en("Chloe in year 5 says her mum's boyfriend scares her", NC),
  en.en('We got a child protection referral on Milo Karlsson from the GP', N),
];

// ---------------------------------------------------------------- a child's name, then a verb that also fits colleagues
const cv = topic('name-colleague-verb');
const COLLEAGUE_VERB: FreshMessage[] = [
  cv.sv('Elvin tog med en kniv till skolan idag, rektor ringde polisen och vh', N),
  cv.sv('Melker ringde sin pappa från skolan och grät, han vill inte bo hos mamma', N),
  cv.sv('Rasmus mejlade mentorn ett hot i natt, orosanmälan är gjord', N),
  cv.sv('Lova skickade bilder på sina skador till kuratorn i helgen', N),
  cv.sv('Tilde skrev i en uppsats att pappa slår henne, läraren har visat rektor', N),
  cv.sv('Vidar sa till fritidspersonalen att han inte får äta hemma', N),
  cv.sv('Ines kommer inte till skolan längre, mamma säger att hon är sjuk men vi tror inte det', N),
  cv.sv('Levi tar hand om sina småsyskon hela helgerna, föräldrarna är borta', N),
  cv.sv('Alicia ska flytta till familjehemmet på måndag, skolan behöver veta', N),
  cv.sv('Colin gick hem mitt på dagen igen, mentor fick inte tag på vårdnadshavarna', N),
  cv.sv('Nellie hade blåmärken på halsen i morse, skolsköterskan har dokumenterat', N),
  cv.sv('Otto var full på skoldiscot, polisen körde hem honom och pappa var inte hemma', N),
  cv.sv('Iris fick ett utbrott och slog en lärare, hon är avstängd i två dagar och mamma är arg', N),
  cv.sv('Sam bokade själv ett möte med kuratorn och berättade om hur det är hemma', N),
  cv.sv('Edith svarade inte när mentorn frågade om ärren, vi gör en orosanmälan', N),
  cv.sv('Ture pratade med kuratorn om att han sover i förrådet hemma', N),
  cv.sv('Lea deltar inte i idrotten längre, hon har berättat om ätstörning för skolsköterskan', N),
  cv.sv('Malte träffade socialsekreteraren ensam idag och sa att han inte vill hem', N),
  cv.sv('Ville skickade sms till sin lärare kl 02 om att han vill dö', N),
  cv.sv('Stina tar bussen själv från pappas, mamma vet inte var hon är på nätterna', N),
  cv.sv('Jamal ringde kuratorn i panik i går kväll, pappa hade kastat ut honom', N),
  cv.sv('Nour mejlade rektorn om att hon ska giftas bort i sommar', N),
  cv.sv('Hassan kommer till SIP-mötet med sin gode man och en tolk', N),
  cv.sv('Alma tog sin mammas tabletter i helgen och låg på sjukhus, BUP är inkopplade', N),
  cv.sv('Milo skrev på Snapchat att han ska skada sig, polisen har varit hemma hos familjen', N),
  cv.sv('Signe var hos skolsköterskan tre gånger idag med magont, mamma hämtar aldrig i tid', N),
  cv.sv('Adrian fick ett LVU-beslut i fredags och har flyttat till HVB', N),
  cv.sv('Wilgot hade med sig pappas snus och en tändare, vh har kontaktats', N),
  cv.sv('Ebbe bokar om sina BUP-tider hela tiden, mamma säger att han inte vill gå', N),
  cv.sv('Tyra tackade nej till kontaktperson, socialsekreteraren följer upp med vh', N),
];

// ---------------------------------------------------------------- a child's name with BUP or HAB
const nb = topic('name-bup');
const NAME_BUP: FreshMessage[] = [
  nb.sv('Vilda är på BUP varje tisdag, därav frånvaron på eftermiddagarna', N),
  nb.sv('Anton har tid hos BUP nästa vecka, mamma vill att skolan är med', N),
  nb.sv('Elliot på HAB – habiliteringen har gjort en bedömning, vh vill ha SIP', N),
  nb.sv('Hugo är inskriven på BUP sedan i höstas, frånvaron har ökat', N),
  nb.sv('Ester var på BUP-akuten i natt efter självskada, pappa ringde skolan', N),
  nb.sv('Leon går på HAB varannan vecka, skolan behöver anpassa schemat', N),
  nb.sv('Meja Lund har fått diagnos på BUP, vh vill ha möte med elevhälsan', N),
  nb.sv('Frans är hos BUP för utredning, mamma tror inte på diagnosen', N),
  nb.sv('Idun på HAB har fått ny rullstol, skolskjutsen måste ändras', N),
  nb.sv('Charlie på BUP varannan onsdag – mentor undrar om frånvaron räknas som giltig', N),
  nb.sv('Elsa på BUP mår sämre igen, mamma ringde skolan och grät', N),
  nb.sv('Mira hos HAB – autismutredningen är klar, skolan behöver anpassa undervisningen', N),
  nb.en('Oscar is at CAMHS every other Monday, that explains his absence', N),
];

// ---------------------------------------------------------------- a parent's phone or a home address
const pa = topic('parent-phone-address');
const PHONE_ADDRESS: FreshMessage[] = [
  pa.sv('mamman nås på 070-318 22 94, skolan har försökt ringa flera gånger', PH),
  pa.sv('familjen bor på Lingonstigen 7, polisen har varit där två gånger i helgen', A),
  pa.sv('ang orosanmälan: pappa nås på 0709 44 18 27 (ring inte före 10)', PH),
  pa.sv('Orosanmälan: barnet bor växelvis hos mamma på Ekvägen 14 och hos pappa i Vara', A),
  pa.sv('Mammans nya nr är 070-662 90 15, hon vill att skolan ringer henne direkt om frånvaron', PH),
  pa.sv('vh bor nu på Kyrkogatan 22 B lgh 1103, polisen har fått adressen', A),
  pa.sv('Ring pappa på 0702-44 55 13 om eleven inte kommer, skolans växel når honom inte', PH),
  pa.sv('Familjehemmet på Tallåsvägen 3 har anmält att pojken inte kommit hem', A),
  pa.sv('Mormor 070-118 42 90 kan hämta barnen om soc godkänner det', PH),
  pa.sv('Hembesök Björnbärsvägen 9 imorgon kl 9, polis följer med pga hot mot personal', A),
  pa.sv('+46 70 415 33 82 är mammans nummer, hon pratar bara dari, tolk behövs vid SIP', PH),
  pa.sv('Barnen har skyddade personuppgifter men pappan skrev Hagvägen 19 i ett sms till skolan', A),
  pa.sv('Styvpappan ringer skolan från 070-990 14 63, rektorn vill att vi har numret', PH),
  pa.sv('Familjen har flyttat in hos farmor på Sockerbruksgatan 6, skolskjutsen behöver ny adress', A),
  pa.sv('Ny adress: Prästgårdsvägen 11, 465 30 Nossebro. Vh vill att kallelsen till SIP skickas dit', A),
  pa.sv('pappans mobil 0703-58 21 09, han har inte vårdnad men vill bli informerad', PH),
  pa.sv('Mamma 070 528 61 77 / pappa 070 528 61 78, båda vill ha sms om frånvaro', PH),
  pa.sv('Pojken sover hos en kompis på Åkervägen 2 sedan bråket, mamman vet om det', A),
  pa.sv('Polisen har varit på Vallgatan 31 hos familjen flera gånger, barnen bor kvar där', A),
  pa.sv('familjehemsföräldrarnas nr 0706-12 98 40, de vill ha kallelse till SIP', PH),
  pa.sv('Mamman bor på kvinnojouren men gav oss 070-455 20 61 – får inte spridas till pappan', PH),
  pa.sv('Orosanmälan från grannen på Parkvägen 5: barnen lämnas ensamma på kvällarna', A),
  pa.sv('Pappan har kontaktförbud men har setts utanför Sjöstigen 4 där barnen bor', A),
  pa.sv('Vh har bytt nummer till 0708 21 64 09, skolan och BUP har det gamla', PH),
  pa.sv('Barnen bor hos mormor på Lövängsvägen 12 B, mamma bor på Centrumgatan 3', A),
  pa.sv('Hämtas av morbror, nr 070-932 17 55, godkänt av vh enligt soc', PH),
  pa.sv('Familjen hittades i en husvagn på Campingvägen 4, barnen har inte gått i skolan sedan jul', A),
  pa.sv('Mamma ringer från 0760-24 81 39 och säger att pappan hotar henne, polisen är informerad', PH),
  pa.en('The family lives at Ringvägen 27, police have been called there twice this month', A),
  pa.en("Mum's mobile is 070-641 29 38, she prefers texts, interpreter needed for the SIP", PH),
];

// ---------------------------------------------------------------- a name alone on a line after a case description
const al = topic('name-alone-line');
const ALONE_LINE: FreshMessage[] = [
  al.sv('Orosanmälan skickad 14.10, misstänkt försummelse, mamma påverkad vid hämtning.\nAlice Strömberg', N),
  al.sv('Akut placering i jourhem i natt, polisen hämtade från hemmet.\n\nMelvin Johansson', N),
  al.sv('Ärende till operativa gruppen – frånvaro 70 %, vh inte nåbara:\nEsther Lindberg', N),
  al.sv('Ny LVU-ansökan inskickad till förvaltningsrätten.\nNoel Berglund, 2A', NC),
  al.sv('Barnet har berättat om övergrepp av styvpappan, polisanmälan gjord\n—\nSaga Nilsson', N),
  al.sv('SIP inför hemflytt från HVB, deltagare vh, BUP, skola\nOmar Said', N),
  al.sv('Skolfrånvaro sedan v.34, hembesök utan svar\nIda Magnusson', N),
  al.sv('Suicidtankar, BUP-akuten kontaktad, pappa informerad.\nLinus Hedlund', N),
  al.sv('Barnet hämtades inte från förskolan, polisen kontaktad, jouren tog över\nElise Wallin', N),
  al.sv('Mamman har återfallit i missbruk enligt anmälan från grannar.\nBarn: Jonatan Ekdahl', N),
  al.sv('Orosanmälan (hot om bortförande till utlandet)\n\nYasmin Farah', N),
  al.sv('Eleven sover i skolan och har inte fått mat hemma på flera dagar.\nVincent Öhman', N),
  al.en('Concern raised today – suspected neglect, mum not answering.\nJacob Miller', N),
];

// ---------------------------------------------------------------- classic named-child case talk, new wordings
const cl = topic('classic');
const CLASSIC: FreshMessage[] = [
  cl.sv('Hej! Kan vi lyfta Tindra i 6A på torsdag, hon har börjat skära sig', NC),
  cl.sv('Ny orosanmälan om Filip, 8 år – fritids har sett blåmärken på ryggen', NA),
  cl.sv('Lukas Engström har inte varit i skolan sen 12/1. Vh säger att han är sjuk men ingen har sett honom', N),
  cl.sv('Mamman till Jasmine ringde, hon har hittat tabletter i dotterns rum', N),
  cl.sv('Elin i 9B har fått diagnosen anorexi, BUP vill ha SIP', NC),
  cl.sv('Theodor 14 år – ny LVU-ansökan, pappan har hotat handläggaren', NA),
  cl.sv('Vi fick in en anmälan om Nathalie Sandström från akuten i natt', N),
  cl.sv('Elev: Samuel Lindqvist, 9C. Frånvaro 62 %, inget svar från hemmet', NC),
  cl.sv('Klara i 7A har berättat att hon blir slagen av sin storebror', NC),
  cl.sv('Pappa till Ahmad har hört av sig, han vill inte att skolan pratar med soc', N),
  cl.sv('Dottern Lovisa (16) bor hos sin pojkvän sen jul, mamman vill ha hjälp', NA),
  cl.sv('hej operativa, vi behöver prata om Denise Holm i 8B asap – hot om hedersvåld', NC),
  cl.sv('Nils i 4C kommer till skolan hungrig varje måndag, fritids ger honom frukost', NC),
  cl.sv('Barnet Maryam, född 2016, har aldrig börjat skolan i kommunen', NA),
  cl.sv('Kan nån kolla med fritids om Julian kom dit efter skolan? Mamma har inte sett honom', N),
  cl.sv('Olle Bergström och hans lillasyster har inte blivit hämtade i tid på tre dagar', N),
  cl.sv('Mentorn säger att Sebastian i åttan luktar alkohol på morgnarna', NC),
  cl.sv('Alicia och Wilmer Hedberg, 7 och 9 år, är placerade hos farföräldrarna', NA),
  cl.sv('Uppdatering Ebba Sjödin: placeringen fungerar, hon går i skolan igen', N),
  cl.sv('Sonen Ilyas har slutat prata i skolan efter att pappan utvisades', N),
  cl.sv('Hanna i 5B har berättat om mobbning och att mamma inte orkar gå upp', NC),
  cl.sv('Frånvarorapport v.10: Mustafa 9A 48 %, Linn 9C 52 %, Arvid 8B 39 %', NC),
  cl.sv('Orosanmälan inkom från BVC angående Nova, 2 år, undervikt och uteblivna besök', NA),
  cl.sv('Vi behöver en SIP för Kasper Lundin – BUP, HAB, skola och IFO', N),
  cl.sv('Styvmamman till Albin har polisanmält pappan för misshandel', N),
  cl.sv('Leah, 13, har skickat bilder till en vuxen man, polisen utreder', NA),
  cl.sv('Kan vi ta in Irma i 2A på VITS? Mamma har gett muntligt samtycke', NC),
  cl.sv('Ingen har sett Elias Warsame sedan sportlovet, skolan har anmält', N),
  cl.sv('Sixten 7 år har inte varit på fritids sedan mamman fick nytt jobb, pappan är okänd', NA),
  cl.sv('Ella-Marie i 3C har fått en kontaktfamilj varannan helg', NC),
  cl.sv('Mormor till Oskar har ringt och är orolig för hur han har det hemma', N),
  cl.sv('Farbror till Zakaria vill bli familjehem, utredning påbörjas', N),
  cl.sv('eleven gustav i 6c har inte haft gympakläder på hela terminen och säger att han inte får komma hem', NC),
  cl.sv('Lilly-Mae, 5 år, lämnas på förskolan kl 6 och hämtas kl 18, förskolan är orolig', NA),
  cl.sv(
    'Lägesrapport inför operativa gruppen: Vi har fortsatt stor oro för Tuva Sjöström i 7B. ' +
      'Hon har nu 58 % frånvaro sedan jul, och när hon väl är i skolan sover hon på lektionerna. ' +
      'Mamman har sagt till mentorn att Tuva tar hand om sina småsyskon på nätterna eftersom mamman jobbar natt, ' +
      'och pappan har inte haft kontakt med barnen på ett år. Skolsköterskan har sett att hon gått ner i vikt. ' +
      'Vi har gjort en orosanmälan (den andra i vår) och vill gärna att soc och skolan gör ett gemensamt hembesök ' +
      'innan påsklovet. Vårdnadshavaren har muntligt sagt ja till SIP men vi har inte fått in samtyckesblanketten än.',
    NC,
  ),
];

// ---------------------------------------------------------------- marker words in real cases (identifiable)
const mh = topic('marker-holes');
const MARKER_HOLES: FreshMessage[] = [
  mh.sv('det här är inte ett påhittat fall: Tove i 3B berättade idag att pappa slår henne', NC),
  mh.sv('jag har tänkt mycket på Majken Roos i 4A, hon mår dåligt och mamma svarar inte', NC),
  mh.sv('inget fiktivt här – Liv 8 år har inte blivit hämtad från fritids sedan i tisdags', NA),
  mh.sv('OBS ej avidentifierat! Ludvig Svensson i 7C har hög frånvaro, kan nån ta bort meddelandet?', NC),
  mh.sv('Exempel på hur läget är just nu: Signe i 2B, mamma i missbruk, pappa okänd', NC),
  mh.sv('Inte hypotetiskt längre – Alva Hedin 14 år har berättat om en våldtäkt', NA),
  mh.sv('Jag håller på med ett case-utkast men först en akut sak: Emanuel i 8B har hotats med kniv', NC),
  mh.sv('fingerat? nej, det är på riktigt. Caspar i 6A har sagt att han vill dö', NC),
  mh.sv('På utbildningen tog vi ett påhittat exempel, men nu gäller det Amanda Stenberg på riktigt – hon har rymt', N),
  mh.sv('Det är inget tänkt scenario: Isabella i 9A är gravid och pappan vet inte om det', NC),
  mh.sv('Detta är ett riktigt ärende, inte fiktivt: Kevin Olofsson, 11 år, akut placerad', NA),
  mh.sv('Anonymiserat? Nej, jag glömde – det gäller Tim Ekdahl i 4B, kan ni radera?', NC),
  mh.sv('Det låter hypotetiskt men det hände i går: Melina i förskoleklass blev lämnad ensam hemma', NC),
  mh.sv('Vi pratade om fiktiva fall på APT men jag behöver hjälp med ett riktigt: Adam Nordlund 15 år, LVU', NA),
  mh.sv('inte ett exempelfall!! Nelly i 5C har berättat för fritids om övergrepp', NC),
  mh.en('This is not a made-up example – Harvey in year 5 told us his dad hits him', NC),
  mh.en("Not fictional: Jamie Walsh, 12, hasn't been seen since Monday", NA),
  mh.en('real case, not a case study – Zara Ahmed in 7B needs an SIP this month', NC),
  mh.en('Case study? No – this is Mason Clarke, year 8, and he is at risk tonight', NC),
];

// ---------------------------------------------------------------- staff logistics (not identifiable)
// The people are the presets' (every preset's people are passed as officialNames).
const st = topic('staff-logistics');
const STAFF: FreshMessage[] = [
  st.sv('Lena Dahl tar över Sofias SIP-möten medan hon är föräldraledig'),
  st.sv('Karin är sjuk idag, styrgruppen flyttas till nästa vecka'),
  st.sv('Vem skickar minnesanteckningarna från samverkansgruppen? Maria Sjöberg har semester'),
  st.sv('Johan Nyberg har bokat stora konferensrummet 9–12 på torsdag för utbildningen om orosanmälan'),
  st.sv('Emma Varg och Ingrid Sand går på BBIC-utbildningen i Vara tis–ons'),
  st.sv('Eva sjuk hela veckan, Mikael tar hennes familjebehandlingar'),
  st.sv('@Sofia Hed kan du ta elevärendena på operativa imorgon? jag är på kurs'),
  st.sv('Per Lund och Karin Holm skriver under överenskommelsen på fredag'),
  st.sv('Helena Rask har flyttat till rum 2.14, uppdatera listan'),
  st.sv('Oskar jobbar hemifrån idag men är med på Teams'),
  st.sv('Nils Björk har fått ny tjänstetelefon, numret kommer i kanalen'),
  st.sv('Anders Wik är tillbaka från semestern måndag v.33'),
  st.sv('Sara Ek håller i workshopen om samtycke, alla i operativa gruppen är välkomna'),
  st.sv('Lars tar över ordförandeskapet i samverkansgruppen från hösten'),
  st.sv('Annika Löf skickar protokollet från strategigruppen senast fredag'),
  st.sv('Bengt Ask är föräldraledig från maj, Cecilia Norr vikarierar som enhetschef'),
  st.sv('David Holmgren bjuder in till rektorsmöte på Frejaskolan 14/3'),
  st.sv('Elin Svala vill boka aulan för kulturskolans vårkonsert, krockar det med SIP-utbildningen?'),
  st.sv('Fredrik Sten har sammanställt elevhälsans statistik, den ligger under Filer'),
  st.sv('Gunilla Bro är med digitalt på mötet om samverkansplanen'),
  st.sv('Hampus Ling har jour i helgen, ring växeln om det är akut'),
  st.sv('Ida Vall och Jonas Eng håller i föräldraträffen om skolnärvaro'),
  st.sv('Kerstin Ljung och Leif Torn har bjudits in till 2 + 2-mötet'),
  st.sv('Malin Gran kan inte delta på nämndsmötet, ersättare kallas'),
  st.sv('Ulla Bergman och Rolf Ekman träffas om den gemensamma budgeten för elevhälsa och IFO'),
  st.sv('Petra Sundin tar IFO:s del av presentationen, Stefan Åkesson tar elevhälsans'),
  st.sv('Therese skickar ut enkäten till alla rektorer i veckan'),
  st.sv('Viktor Lilja är sjukskriven t.o.m. fredag, familjecentralens öppna förskola är stängd'),
  st.sv('Ylva Hägg har semester v.28–31, kontakta elevhälsochefen under tiden'),
  st.sv('Alex Wilber testar boten i testkanalen idag, ignorera konstiga meddelanden'),
  st.sv('Megan Bowen har lagt upp mallen för SIP-kallelsen under Filer'),
  st.sv('Adele kör demo för ledningsgruppen kl 13'),
  st.sv('Isaiah Langer är ny lärare i teamet, välkommen!'),
  st.sv('Gunnar Alm och Birgitta Ros har godkänt den nya rutinen för orosanmälan'),
  st.sv('Camilla Fors skickar kallelse till referensgruppen i eftermiddag'),
  st.sv('Daniel Kvist tar frågan om skolskjuts med förvaltningen'),
  st.sv('Frida Lind och Hanna Borg har gemensam handledning varannan vecka'),
  st.sv('Göran Hall slutar i juni, avtackning i personalrummet 28/6'),
  st.sv('Isak Moberg vill ha en genomgång av frånvarorutinen med alla mentorer'),
  st.sv('Agneta Wall, Bo Lindström och Carina Hellberg träffas i förvaltningschefsgruppen 5/4'),
  st.sv('Dennis Öberg samordnar EST-mötet på torsdag, Elsa Grön från polisen är med'),
  st.sv('Filip tar SIP:en på tisdag eftersom Greta är på kurs'),
  st.sv('Henrik Söder och Irene Blom bokar in nästa träff för skolsociala teamet'),
  st.sv('Jakob Vinter har kvällspass på fritidsgården hela veckan'),
  st.sv('Klara Östlund gör kartläggningar på förskolorna under vecka 12'),
  st.sv('Linnea Frost bjuder in till Förskole-VITS, nytt datum kommer'),
  st.sv('Magnus Tall från BUP kan bara på onsdagar'),
  st.sv('Nora Björklund (HAB) har bytt telefontid till 8–9'),
  st.sv('Olivia Rapp har semester, BVC-frågor går till mottagningen'),
  st.sv('Pontus Krantz och Rebecka Sjölund har intervjuer för den nya kuratorstjänsten'),
  st.sv('Karin Holm ringde, hon blir sen till styrgruppen – börja utan henne'),
  st.sv('Sofia har inte hunnit registrera samtycket i systemet, gör det efter lunch'),
  st.sv('Emma har bokat grupprum 3 för elevhälsomötet torsdag 10–11'),
  st.sv('Mikael Falk går ner i tid till 75 % från april'),
  st.sv('Ingrid tar vaccinationerna i åk 6 på fredag så elevhälsomötet flyttas'),
  st.sv('Johan kan inte ta SIP-mötet i morgon, Sofia hoppar in'),
  st.sv('Lena Dahl skickar inbjudan till familjecentralens öppet hus'),
  st.sv('Per och Karin har godkänt att vi testar boten i operativa gruppen'),
  st.sv('Maria sjuk idag. Samverkansgruppen ställs in, ny tid kommer'),
  st.sv('Oskar Mark och Nils Björk samåker till länsträffen om hemmasittare'),
  st.sv('Helena har inte fått behörighet till Procapita än, kan någon kolla med IT?'),
  st.sv('Eva Strand tar emot nya ärenden till öppenvården från v.15'),
  st.sv('Anders har beställt fika till mötet, 14 pers'),
  st.sv('Sara Ek: protokollet från förra samverkansgruppen är nu justerat'),
  st.sv('Hampus och Ida har gemensam genomgång av orosanmälningar varje måndag'),
  st.sv('Cecilia Norr tar över vuxenenheten efter sommaren'),
  st.sv('Rebecka ber alla mentorer skicka frånvarolistor till Irene senast fredag'),
  st.sv('Greta Palm blir ny samordnare för fältarbetet'),
  st.sv('Pontus är på BUP-mötet hela förmiddagen, svarar efter lunch'),
  st.sv('Filip Axelsson ringde om utbildningsdagen, han vill ha fler platser'),
  st.sv('Ulla har semester, Rolf tar 2 + 2-mötet själv'),
  st.sv('Frida tog över Hannas elevärenden medan hon är tjänstledig'),
  st.sv('Elsa tar med sig två kollegor från polisen till EST-mötet'),
  st.sv('Olivia mejlade listan över BVC:s kontaktpersoner, jag lägger den under Filer'),
  st.sv('Megan ringde IT om behörigheterna i Teams'),
  st.sv('Lars Berg och Johan Nyberg har fördelat om ärendena, varje socialsekreterare har max 15 barn'),
  st.sv('Sofia Hed är handläggare för alla nya orosanmälningar från Nossebroskolan den här månaden'),
  st.sv('Emma Varg tar elevärendena på Bryngeskolan medan Ingrid är borta'),
  st.sv('Tack Lena för en bra presentation idag!'),
  st.sv('Daniel och Isak har delat upp mentorsutbildningen, Daniel tar höstterminen'),
  st.sv('Jonas Eng har gjort klart anpassningsmallen, den ligger i elevhälsans kanal'),
  st.sv('Klara och Linnea ringer in till VITS-mötet från förskolan'),
  st.sv('Stefan Åkesson tar kontakt med rektorerna om närvarokartläggningen'),
  st.sv('Therese Nord och Petra Sundin ses om IFO:s verksamhetsplan på onsdag'),
  st.sv('Ida är på BUP-nätverket i Nyköping hela dagen, svarar inte i telefon'),
  st.sv('Greta och Jakob kör fältet fredag kväll, Dennis har jour'),
  st.sv('Irene Blom har skickat ut schemat för skolsociala teamets elevärenden i vår'),
  st.en('Alex will demo the consent flow to the steering group on Thursday'),
  st.en('Adele is off sick today, the SIP training is moved to next week'),
  st.en('Megan sent the minutes – please check your action items before Friday'),
  st.en("Isaiah has booked room 204 for the year 6 parents' evening"),
  st.sv(
    'Hej alla! Lite praktiskt inför nästa vecka:\n' +
      '- Måndag: Sofia Hed och Emma Varg har SIP-utbildning heldag, operativa gruppen tar Mikael Falk.\n' +
      '- Tisdag: Karin Holm och Per Lund är på länsdagen i Skövde, styrgruppen flyttas till torsdag 13–15.\n' +
      '- Onsdag: Ingrid Sand är ledig, elevhälsomötet på Nossebroskolan hålls utan skolsköterska.\n' +
      '- Torsdag: Johan Nyberg skickar ut minnesanteckningarna från samverkansgruppen, Maria Sjöberg justerar.\n' +
      '- Fredag: Lena Dahl har öppet hus på familjecentralen, alla är välkomna förbi på fika.\n' +
      'Nya orosanmälningar under veckan tas som vanligt av mottagningen. /Sara',
  ),
];

// ---------------------------------------------------------------- named professionals with titles (not identifiable)
const tp = topic('titled-professional');
const TITLED: FreshMessage[] = [
  tp.sv('Dr. Svensson på BUP har skrivit ett utlåtande om eleven, vh har samtyckt'),
  tp.sv('rektor Anna Lind ringer vårdnadshavarna efter lunch'),
  tp.sv('kurator Maria tar samtalet med eleven i morgon'),
  tp.sv('skolsköterskan Eva har dokumenterat skadorna, orosanmälan skickas idag'),
  tp.sv('socialsekreterare Jonas Ek är handläggare i ärendet sedan i måndags'),
  tp.sv('Psykolog Ahmed Karimi från BUP deltar i SIP:en för eleven'),
  tp.sv('Biträdande rektor Sanna Lundqvist har haft samtal med pappan'),
  tp.sv('Överläkare Per Hallberg på barnkliniken har gjort en orosanmälan'),
  tp.sv('Specialpedagogen Anneli har gjort en pedagogisk kartläggning av eleven'),
  tp.sv('Familjebehandlare Tobias Roos träffar familjen varannan vecka'),
  tp.sv('Kommunpolis Stefan Borg vill ha en bild av vilka skolor som har oro kring gäng, inte namn på elever'),
  tp.sv('Fritidsledaren Ahmed på Ungdomens hus har sett eleven i centrum sent på kvällarna'),
  tp.sv('Skolkurator Linda Ek på Frejaskolan tar kontakt med soc om eleven'),
  tp.sv('BUP-läkaren dr Lindgren har remitterat barnet vidare till utredning'),
  tp.sv('Mentor Erik Sjöberg ringde hem om frånvaron i förmiddags'),
  tp.sv('Handläggare Sanna Öhrn (IFO) har fått ärendet'),
  tp.sv('Förskolläraren Jessica på avdelning Humlan har sett blåmärken på barnet och pratat med förskolechefen'),
  tp.sv('Skolpsykolog Mattias Lind gör en WISC-utredning på eleven i vår'),
  tp.sv('Enhetschefen Lotta Berg beslutade om skyddsbedömning'),
  tp.sv('Logoped Hanna Ström från HAB kommer till skolan på torsdag'),
  tp.sv('Arbetsterapeut Johan Persson från HAB utvärderar hjälpmedlen i klassrummet'),
  tp.sv('Distriktssköterska Karin Åberg på BVC har gjort hembesök hos familjen'),
  tp.sv('Utredare Moa Lindgren på barn och unga tar över utredningen'),
  tp.sv('God man Peter Svensson har samtyckt till SIP för pojken'),
  tp.sv('Advokat Lisa Nyman är offentligt biträde för vårdnadshavarna'),
  tp.sv('Tolken Ali Reza är bokad till SIP-mötet'),
  tp.sv('Rektorn, Anders Nilsson, har stängt av eleven i en vecka'),
  tp.sv('Elevassistent Fatima har följt med eleven till BUP'),
  tp.sv('Dr Olsson på vårdcentralen ringde om barnets skador'),
  tp.sv('Polisens utredare Johan Lindqvist vill höra barnet på Barnahus'),
  tp.sv('Familjehemssekreterare Sofie Dahlberg har tät kontakt med familjehemmet'),
  tp.sv('Skolsköterska Britt Nyström har mottagning på tisdagar för elever i åk 7–9'),
  tp.en('Dr. Patel at CAMHS will join the SIP by phone'),
  tp.en('The school nurse, Ms. Johnson, documented the bruises and called soc'),
  tp.en('Headteacher Mark Evans has asked for a strategy meeting about the pupil'),
  tp.en('Social worker Priya Shah will chair the SIP'),
  tp.en("Dr. O'Brien from paediatrics confirmed the referral was received"),
  tp.en("Counsellor Anna said she'll follow up with the student tomorrow"),
];

// ---------------------------------------------------------------- invented or de-identified cases (not identifiable)
const iv = topic('invented');
const INVENTED: FreshMessage[] = [
  iv.sv('Ett påhittat fall till APT: Kalle, 11 år i 5A, kommer till skolan utan frukost. Hur agerar vi?'),
  iv.sv('Fiktivt exempel: Sara 14 år har hög frånvaro och mamman svarar inte i telefon.'),
  iv.sv('Avidentifierat: elev i åk 8, pappa i fängelse, mamma sjukskriven.'),
  iv.sv('Övningsfall med fingerade namn: Pelle Svensson i 4B har berättat om våld hemma'),
  iv.sv('Påhittat scenario till handledningen: Lisa i 6C och hennes bror Olle i 2A bor hos mormor'),
  iv.sv('Fiktiv elev: Nisse, 12 år, ADHD-diagnos, frånvaro 30 %'),
  iv.sv('Vi övar på en fiktiv SIP: barnet heter Lova, 8 år, BUP och HAB är inkopplade'),
  iv.sv('Avidentifierat ärende från i fjol: elev X i 9A fick LVU efter upprepade rymningar'),
  iv.sv('Exempelfall (fingerat): Anna Andersson, 15, Storgatan 1, mamma 070-000 00 00'),
  iv.sv('Rollspel på utbildningsdagen: du är kurator och Kim, 13 år, berättar att pappa dricker. Påhittat fall.'),
  iv.sv('fiktivt fall: Mohammed i 7B, frånvaro 50 %, vh svarar inte – diskutera i grupp'),
  iv.sv('Fiktivt: familjen Berg, barnen Elsa 6 år och Sam 9 år, föräldrarna i vårdnadstvist. Vilka insatser?'),
  iv.sv('Avidentifierat exempel till nämnden: en pojke i åk 6 med omfattande frånvaro, nu i skolan igen'),
  iv.sv('Det här är ett påhittat exempel för att testa boten: Oliver i 3A har hög frånvaro'),
  iv.sv('Testmeddelande med fiktivt namn: Test Testsson i 9A, ignorera'),
  iv.sv('Fallbeskrivning (fingerade uppgifter): Ahmed 10 år, bor med mamma och tre syskon'),
  iv.sv('I övningen är eleven påhittad: Ville i 8C som skolkar och säljer snus'),
  iv.sv('fiktiva namn i dokumentationsövningen: Kalle Anka 7B, Knatte 4A, Fnatte 4A'),
  iv.sv('Exempel ur BBIC-utbildningen (påhittat): Noa, 3 år, undernärd, mamma psykiskt sjuk'),
  iv.sv('Avidentifierad fallbeskrivning: barnet (flicka, 11) har berättat om hot från en släkting'),
  iv.sv('Påhittat case till föräldraträffen: mamma till Lisa i 2B ringer om mobbning'),
  iv.sv('Fiktiv SIP-mall ifylld som exempel: Namn: Ester Exempel, klass 5A, mål: närvaro 90 %'),
  iv.sv('Rollspelsfall (påhittat): pappan Kent ringer från 070-123 45 67 och kräver att få hämta Molly'),
  iv.sv('Fingerat fall från handboken: Elin 13 år har berättat för skolkuratorn om självskada'),
  iv.sv('Hypotetiskt fall till nätverksträffen: Omar 15 år i 9B misstänks sälja narkotika, vad gör skolan?'),
  iv.sv('Avidentifierat: syskonpar på Bryngeskolan, 7 och 10 år, placerade i familjehem sedan 2024'),
  iv.en('fictional case study: Tom, 10, tells his teacher he is scared of going home'),
  iv.en('made-up example for the training: Ava, 7, keeps missing school on Mondays'),
  iv.en('Case study (all names changed): Maja Berg, 13, year 7, was referred by the school nurse'),
  iv.en('Hypothetical: if Jamie in year 4 tells you his mum hits him, who do you call?'),
  iv.en('Made-up names in this example: Leo Smith, 9, year 3 at a made-up school'),
  iv.en('Case study from the Signs of Safety course: Mia, 5, lives with her dad and his new partner (fictional)'),
  iv.en('Made-up example: Ella Brown (12) in class 6B, mum drinks, dad works abroad'),
  iv.en('Fictional vignette for the workshop — Sam, aged 14, refuses to go home'),
  iv.en('A hypothetical case for discussion: Omar, 15, in year 9, is suspected of dealing'),
  iv.en('Fictional case — names invented: Tom Jensen, 10, and his sister Amy, 7, left alone overnight'),
  iv.sv(
    'Påhittat fall till utbildningsdagen den 12 april (alla namn och detaljer är fiktiva):\n' +
      'Wilma, 9 år, går i 3B på en skola i kommunen. Hon har de senaste veckorna kommit sent nästan varje dag ' +
      'och somnar ofta i klassrummet. Mentorn har märkt att hon inte har med sig matsäck till utflykter och att ' +
      'kläderna är för små. Wilmas pappa Jonas har ringt skolan flera gånger och varit arg. Mamman har inte gått att nå. ' +
      'Diskutera i grupperna: 1) När ska skolan göra en orosanmälan? 2) Hur pratar man med Wilma? ' +
      '3) När är det läge att föreslå SIP, och vem kallar? Vi går igenom svaren efter lunch.',
  ),
];

// ---------------------------------------------------------------- statistics, groups and classes without singling anyone out
const sg = topic('stats-groups');
const STATS: FreshMessage[] = [
  sg.sv('tre elever i 7C har hög frånvaro, mentor tar det på EHT'),
  sg.sv('hela 8A var på studiebesök på polisstationen idag'),
  sg.sv('flera barn i åk 4 har berättat om otrygghet på rasterna'),
  sg.sv('Fem elever i 9B saknar betyg i svenska'),
  sg.sv('Antal orosanmälningar från Nossebroskolan: 23 ht, 31 vt'),
  sg.sv('Två av tre hemmasittare på högstadiet har nu en SIP'),
  sg.sv('Åk 7 snittar 12 % frånvaro, rikssnittet är 9 %'),
  sg.sv('Alla sjuor på Frejaskolan ska ha samtal med kurator före jul'),
  sg.sv('8 elever i 6B och 6C har skrivit under en lista mot mobbning'),
  sg.sv('Några föräldrar i 3A har hört av sig om konflikter i klassen'),
  sg.sv('I förskoleklassen har 4 av 22 barn tal- och språkstörning'),
  sg.sv('Klass 5B har haft vikarie i tre veckor, det är oroligt i gruppen'),
  sg.sv('17 % av niorna saknar gymnasiebehörighet i år'),
  sg.sv('Killarna i 9C har varit stökiga i matsalen hela veckan'),
  sg.sv('Tjejerna i åk 6 vill ha en egen tid hos skolsköterskan'),
  sg.sv('Många familjer i Nossebro saknar bil, skolskjutsen är viktig'),
  sg.sv('SIP-möten 2025: 41 st, varav 12 med HAB och 18 med BUP'),
  sg.sv('Orosanmälningar per månad jan–mars: 14, 19, 22'),
  sg.sv('Elever med åtgärdsprogram: 7A 3 st, 7B 5 st, 7C 2 st'),
  sg.sv('Hela mellanstadiet har friluftsdag på torsdag'),
  sg.sv('Ett tiotal barn i kommunen är placerade utanför länet'),
  sg.sv('Ungdomarna vid busstationen var 15–20 st i fredags enligt fältgruppen'),
  sg.sv('Föräldrarna i 2C har startat en chattgrupp och är arga på skolan'),
  sg.sv('Ingen i 1A ligger över 10 % frånvaro sedan jul'),
  sg.sv('23 % av eleverna i åk 8 uppger att de känner sig otrygga (LUPP)'),
  sg.sv('4 barn i förskolegruppen Humlan har kontakt med HAB'),
  sg.sv('Syskongrupper placerade 2025: 6 st'),
  sg.sv('Eleverna i 9A–9C har prao v.14, frånvaron kan se konstig ut'),
  sg.sv('Elevrådet i 8B vill ha fler vuxna ute på rasterna'),
  sg.sv('Andel elever i åk 5 som har pratat med kurator: 41 %'),
  sg.sv('Flera ungdomar från niorna har setts vid fritidsgården sent på kvällarna'),
  sg.sv('Varannan elev i 7C har fått en varning för sena ankomster'),
  sg.sv('Placerade barn per åldersgrupp: 0–6 år 3 st, 7–12 år 8 st, 13–17 år 14 st'),
  sg.en('The year 6 class is going on a field trip on Friday'),
  sg.en('Half of year 9 has been off with flu this week'),
  sg.en('Three pupils in year 8 have more than 30% absence'),
  sg.en('The whole of 4B has lice again, a letter is going home today'),
  sg.en('Most kids in year 3 got the vaccine, 2 parents declined'),
  sg.sv(
    'Sammanställning frånvaro vt, högstadiet:\n' +
      'Åk 7: 212 elever, snittfrånvaro 8,4 %, 11 elever över 20 %.\n' +
      'Åk 8: 198 elever, snittfrånvaro 9,9 %, 16 elever över 20 %.\n' +
      'Åk 9: 205 elever, snittfrånvaro 11,2 %, 19 elever över 20 %, varav 6 med SIP.\n' +
      'Jämfört med ht har andelen med mer än 50 % frånvaro minskat från 2,1 % till 1,6 %. ' +
      'Flest orosanmälningar kommer från åk 8 (27 st). Vi föreslår att närvaroteamet prioriterar 8A och 8C under april ' +
      'och att elevhälsan följer upp hela årskursen på nästa EHT.',
  ),
];

// ---------------------------------------------------------------- dates, case numbers, law references, organisation numbers…
const rf = topic('references');
const REFERENCES: FreshMessage[] = [
  rf.sv('Ks 2024/393 – riktlinjen gäller tills vidare'),
  rf.sv('Dnr SN 2025/112, se bilaga 3'),
  rf.sv('enligt SoL 14 kap. 1 § ska alla anställda anmäla oro'),
  rf.sv('OSL (2009:400) 26 kap. 1 § gäller för socialtjänsten'),
  rf.sv('Kommunens org.nr 212000-1405'),
  rf.sv('Leverantör Stödboende i Väst AB, org.nr 559012-3456'),
  rf.sv('Bankgiro 5050-1055 för avgiften till utbildningsdagen'),
  rf.sv('Faktura 2603-0147 från regionen avser BUP-konsultation'),
  rf.sv('Mötet är i rum B2.104, kommunhuset plan 2'),
  rf.sv('Postadress: Box 204, 465 22 Nossebro'),
  rf.sv('Växeln: 0512-570 00, öppen vardagar 8–16'),
  rf.sv('[2026-03-10 09:14] meddelandet redigerades'),
  rf.sv('ISBN 978-91-44-13652-5 – boken till bokcirkeln om barn som far illa'),
  rf.sv('Teams-länk: https://teams.microsoft.com/l/meetup-join/19%3ameeting_ZjA4N2Q1YTgtNjc/0?context=%7b%22Tid%22%3a%22e2f1%22%7d'),
  rf.sv('Beslut i SN 2025-02-18 § 34, dnr SN 2025/0087'),
  rf.sv('Elevhälsans uppdrag står i 2 kap. 25 § skollagen (2010:800)'),
  rf.sv('LVU 2 § och 3 § – skillnaden förklaras i bilagan'),
  rf.sv('SoL (2001:453) har ersatts av en ny socialtjänstlag (2025:400)'),
  rf.sv('Ärendenummer i W3D3: IFO-2026-0311'),
  rf.sv('Org.nr 802004-9876 (ideell förening som driver läxhjälpen)'),
  rf.sv('Telefontid BUP: 010-441 40 00 vardagar 8–9'),
  rf.sv('Kostnad per dygn HVB 4 800 kr, fakturanr 1004587'),
  rf.sv('Rum 3:412 är bokat för SIP-utbildning 2026-04-02 kl. 13.00–16.00'),
  rf.sv('Postnummer 465 30 gäller hela tätorten'),
  rf.sv('Plusgiro 12 34 56-7 för insamlingen till fritidsgården'),
  rf.sv('Version 2.4.1 av rutinen, senast ändrad 2025-11-03'),
  rf.sv('Registrerat 2026-03-10 kl 14:02 i diariet'),
  rf.sv('Kallelse dnr BUN 2026/45, mötet 14/3 kl 13:30'),
  rf.sv('Protokoll 2025-12-09 §§ 112–118'),
  rf.sv('Skatteverkets blankett SKV 7665 används för ansökan'),
  rf.sv('Barnkonventionen art. 3 och 12, se prop. 2017/18:186'),
  rf.sv('Bilaga 4, s. 12–14 i Socialstyrelsens handbok (art.nr 2019-11-6456)'),
  rf.sv('Kommunens org.nr är 212000-1553 och regionens 232100-0131'),
  rf.sv('Diarienr KS 2026/0014-1'),
  rf.sv('Samverkansavtalet 2020–2024 förlängdes t.o.m. 2026-12-31 (beslut 2024-06-17 § 88)'),
  rf.sv('Ring 112 vid akut fara och 114 14 till polisen, 1177 för vårdfrågor'),
  rf.sv('Fakturanummer 5523456789, förfallodag 2026-04-30'),
  rf.sv('OCR 12345678903 vid inbetalning'),
  rf.sv('Socialjouren Skaraborg: 0500-49 86 00 efter kontorstid'),
  rf.sv('SFS 2022:1250 och HSLF-FS 2016:40 gäller dokumentationen'),
  rf.en('Meeting ID: 345 678 912 04, passcode: a8Xq2p'),
  rf.en('Log timestamp 2026-03-10T09:14:22.481Z, no personal data'),
  rf.en('The SoL reference is chapter 14 section 1; OSL 2009:400 covers secrecy'),
  rf.en('Case ref CS-2026-00418 closed on 03/03/2026'),
  rf.en('IBAN SE45 5000 0000 0583 9825 7466 for the conference fee'),
  rf.sv(
    'Underlag till styrgruppen 2026-03-19:\n' +
      '§ 1 Riktlinje för samverkan (Ks 2024/393), antagen 2024-12-04 § 199, revideras senast 2026-12-31.\n' +
      '§ 2 Överenskommelse med regionen om SIP (dnr RS 2023/01177), uppföljning enligt 16 kap. 4 § SoL och 16 kap. 4 § HSL (2017:30).\n' +
      '§ 3 Avtal med Stödboende i Väst AB, org.nr 559012-3456, faktura 2026-0147 på 412 500 kr.\n' +
      '§ 4 Utbildningsdag 2026-04-12 kl. 08.30–16.00, lokal Sal 1, kommunhuset. Anmälan senast 2026-03-31 till växeln 0512-570 00.\n' +
      '§ 5 Övriga frågor. Nästa möte 2026-05-21, Teams-länk i kallelsen.',
  ),
];

// ---------------------------------------------------------------- schools, streets, places, programmes, channels (not homes)
const pl = topic('places-things');
const PLACES: FreshMessage[] = [
  pl.sv('SIP-mötet hålls på Storgatan 3 i kommunhuset, sal Nossan'),
  pl.sv('Bryngeskolan har öppet hus för blivande sjuor på torsdag'),
  pl.sv('Nossebroskolans matsal är stängd v.12 pga renovering'),
  pl.sv('Familjecentralen på Järnvägsgatan 8 har öppen förskola tis och tors'),
  pl.sv('Vi kör ABC-föräldrautbildning på Frejaskolan i vår, 8 platser kvar'),
  pl.sv('Komet-gruppen startar igen efter påsk i Folkets hus'),
  pl.sv('Lägg orosanmälningsrutinen i kanalen "Operativ grupp – rutiner", inte i Allmänt'),
  pl.sv('BBIC-grundutbildningen går i Skövde 4–5 maj'),
  pl.sv('Signs of Safety-nätverket träffas i Vara nästa gång'),
  pl.sv('Ungdomens hus på Kyrkogatan 10 har nya öppettider från april'),
  pl.sv('Parkera vid Kvarngärdesgatan 2 när ni ska till socialkontoret'),
  pl.sv('Barnahus Skaraborg ligger på Stationsgatan 4 i Skövde, samråd där på tisdag'),
  pl.sv('Kursen "Samtal med barn" på Ersta Sköndal har platser kvar'),
  pl.sv('Teams-kanalen "VITS – Förskole-VITS" byter namn till Förskole-VITS Oxelösund'),
  pl.sv('Friluftsdagen går till Hunneberg, bussen går från Bryngeskolan kl 8'),
  pl.sv('Studiebesök på SiS ungdomshem Råby 21/5, anmälan till Ylva'),
  pl.sv('Trappan-utbildningen om samtal med barn som upplevt våld hålls i Lidköping'),
  pl.sv('Fältgruppen utgår från Torget 1 på fredagskvällar'),
  pl.sv('Skolsköterskans mottagning har flyttat till Frejaskolan hus C'),
  pl.sv('Elevhälsan har fått ny lokal på Skolgatan 5 i kontorshuset, ingång från parkeringen'),
  pl.sv('Kanalen #skolsocialt-team är för rutiner, inga ärenden här tack'),
  pl.sv('Vi har fått pengar till Connect-gruppen och COPE-kursen'),
  pl.sv('Mötet med lokalpolisområdet är i polisens lokaler på Rörstrandsgatan 12'),
  pl.sv('Frejaskolan, Dansutskolan och Welandersborgs skola deltar i pilotprojektet'),
  pl.sv('Bokcirkel om "Barn som far illa" i Nossebro bibliotek'),
  pl.sv('Familjehemsenheten har flyttat till Drottninggatan 18, plan 3 i kontorshuset'),
  pl.sv('Planeringsdagen är på hotellet på Vallgatan 2, konferens kl 8.30–16'),
  pl.sv('Skolskjutsen hämtar vid Ekvägen/Lindvägen i stället under vägarbetet'),
  pl.sv('Teams-kanalen "Samverkan Gnesta – Strategigruppen" har nu alla medlemmar'),
  pl.sv('Elevhälsans utbildning i MI (motiverande samtal) är i Bryngeskolans aula'),
  pl.sv('Nya VITS-mappen ligger under Filer > Samverkan > VITS 2026'),
  pl.en('The SIP training will be held at Storgatan 14, 2nd floor of the council offices'),
  pl.en('Bryngeskolan and Nossebroskolan are in the pilot for the attendance project'),
  pl.en('The Connect parenting course runs at the family centre on Järnvägsgatan 8'),
];

export const FRESH: FreshMessage[] = [
  ...PNR,
  ...SINGLED_OUT,
  ...INITIALS,
  ...NICKNAMES,
  ...LOWERCASE,
  ...SPLIT,
  ...ENGLISH,
  ...COLLEAGUE_VERB,
  ...NAME_BUP,
  ...PHONE_ADDRESS,
  ...ALONE_LINE,
  ...CLASSIC,
  ...MARKER_HOLES,
  ...STAFF,
  ...TITLED,
  ...INVENTED,
  ...STATS,
  ...REFERENCES,
  ...PLACES,
];
