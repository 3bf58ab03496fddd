// Held-out corpus #4 for the consent gate (issue 13), written blind on 2026-12-02 by a helper session that never
// opened the detector (src/domain/identifiers, src/domain/consent) and did not read the earlier corpora's messages
// (one slip: a `head -30` of corpus/holdout3.ts showed its header and its first eleven personnummer messages; nothing
// here was taken from them).
// 400 invented Teams messages as social workers, school counsellors, teachers and managers write them: 240
// identifiable, 160 tricky negatives. Every personnummer and samordningsnummer below is built by the helper in this
// file (real calendar date, samordningsnummer = day + 60, Luhn check digit computed here), and every organisation
// number has a month >= 20. All names, schools' pupils, phone numbers and addresses are made up.

export interface Holdout4Message {
  text: string;
  identifiable: boolean;
  kind: string;
  lang: 'sv' | 'en';
}

// ---------------------------------------------------------------- number helpers

/** The Luhn check digit of the nine digits YYMMDDNNN (weights 2,1,2,1,...; digit sums of products). */
export function luhnCheckDigit(nine: string): number {
  if (!/^\d{9}$/.test(nine)) throw new Error(`nine digits expected: ${nine}`);
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    let d = Number(nine[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

function realDate(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

interface Pnr {
  /** YYMMDD<sep>NNNC */
  short: (sep?: string) => string;
  /** YYYYMMDD<sep>NNNC */
  long: (sep?: string) => string;
  /** YYYY-MM-DD-NNNC */
  dashed: () => string;
}

/**
 * A personnummer (or, with `coordination`, a samordningsnummer: the day plus 60) for the birth date `yyyymmdd` and
 * the three-digit birth number `serial`, with its check digit computed by the Luhn rule.
 */
export function pnr(yyyymmdd: string, serial: string, coordination = false): Pnr {
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  if (!realDate(y, m, d)) throw new Error(`not a date: ${yyyymmdd}`);
  if (!/^\d{3}$/.test(serial)) throw new Error(`three digits expected: ${serial}`);
  const yyyy = yyyymmdd.slice(0, 4);
  const mm = yyyymmdd.slice(4, 6);
  const dd = String(d + (coordination ? 60 : 0)).padStart(2, '0');
  const last4 = `${serial}${luhnCheckDigit(`${yyyy.slice(2)}${mm}${dd}${serial}`)}`;
  return {
    short: (sep = '-') => `${yyyy.slice(2)}${mm}${dd}${sep}${last4}`,
    long: (sep = '') => `${yyyy}${mm}${dd}${sep}${last4}`,
    dashed: () => `${yyyy}-${mm}-${dd}-${last4}`,
  };
}

/** An organisation number: six digits whose "month" (digits 3-4) is 20 or more, three digits, a Luhn check digit. */
export function orgnr(six: string, three: string, sep = '-'): string {
  if (!/^\d{6}$/.test(six) || !/^\d{3}$/.test(three)) throw new Error(`bad orgnr parts: ${six} ${three}`);
  if (Number(six.slice(2, 4)) < 20) throw new Error(`an organisation number's month is 20 or more: ${six}`);
  return `${six}${sep}${three}${luhnCheckDigit(six + three)}`;
}

/** Full-width digits and hyphen, as text copied from some PDF forms arrives. */
const fullWidth = (s: string): string => s.replace(/[0-9]/g, (c) => String.fromCharCode(0xff10 + Number(c))).replace(/-/g, '\uff0d');

const make = (identifiable: boolean, kind: string, lang: 'sv' | 'en', texts: string[]): Holdout4Message[] =>
  texts.map((text) => ({ text, identifiable, kind, lang }));

// ---------------------------------------------------------------- identifiable: personnummer / samordningsnummer

const A = pnr('20150622', '384');
const B = pnr('20160903', '271');
const C = pnr('20131117', '556');
const D = pnr('20140208', '913');
const E = pnr('20110430', '162');
const F = pnr('20170105', '238');
const G = pnr('20190712', '345');
const H = pnr('20100219', '482');
const I = pnr('20130825', '631');
const J = pnr('20180410', '094');
const K = pnr('20200123', '127');
const S1 = pnr('20090914', '257', true);
const S2 = pnr('20110306', '418', true);
const L = pnr('20140719', '583');
const M = pnr('20151011', '339');
const N = pnr('20140301', '206');
const O = pnr('20120916', '772');
const P = pnr('20100528', '695');
const Q = pnr('20160214', '453');
const R = pnr('20130409', '817');
const T = pnr('20111207', '029');
const U = pnr('20090627', '544');
const V = pnr('20170830', '366');
const W = pnr('19241102', '015');
const X = pnr('20150115', '702');
const Y = pnr('20180227', '151');
const Z = pnr('20140527', '441');
const AA = pnr('20120604', '368');
const AB = pnr('20100810', '082');
const AC = pnr('20080321', '519');
const AD = pnr('20101102', '623');
const AE = pnr('20140904', '731');
const AF = pnr('20091230', '276');
const AG = pnr('19870612', '248');
const AH = pnr('20120519', '197', true);

const PNR_SV = [
  `Hej, orosanmälan inkom i morse gällande ${A.short('-')}, kan någon i mottagningen ta den före lunch?`,
  `pnr: ${B.long()} går i 4B, frånvaro sen v.44`,
  `pnr:${C.short('')} mamma vill inte att skolan pratar med soc`,
  `Eleven (${D.short('-')}) har ny adress enligt folkbokföringen, vi behöver uppdatera SIP:en`,
  `kolla ${E.dashed()} i Lifecare, är det öppen utredning?`,
  `Syskonen ${F.short('-')},${G.short('-')} placeras tillsammans i jourhem från fredag`,
  `Underlag till LVU-ansökan: ${H.long('-')};${I.long('-')}`,
  `Barnen ${J.short('')}/${K.short('')} ska ha umgänge med pappa varannan helg enligt domen`,
  `samordningsnr ${S1.short('-')} (ensamkommande, kom i sept) behöver skolplacering asap`,
  `Han har bara samordningsnummer: ${S2.long()}. Migrationsverket har inte fattat beslut ännu.`,
  `Personnr ${L.short(' ')} – pojken har varit borta från skolan 3 veckor nu`,
  `ang. elev ${M.short('  ')} : mamma har ringt och är arg över anmälan`,
  `Elev\t${N.short('\t')}\tåk 6\tfrånvaro 38%`,
  `Uppföljning:\n${O.short('\n')}\nhar börjat på fritids igen efter placeringen`,
  `ärendet ${P.short('\u2013')} avslutas, familjen har flyttat till Göteborg`,
  `pnr ${Q.short('\u2212')} behöver ny kontakt med vårdnadshavare, gamla numret funkar inte`,
  `Flickan, ${R.long('\u2011')}, har berättat för mentor om slag hemma`,
  `Pojken ${T.short('\u00a0')} är anmäld försvunnen sedan igår kväll, polisen informerad`,
  `sökte på ${U.short('/')} men hittade inget ärende, har hon skyddad identitet?`,
  `Kan ni skicka journalkopia för ${V.short('.')} till BUP inför bedömningen`,
  `Dödsbo: morfar ${W.short('+')} avled i oktober, barnen ärver och överförmyndaren behöver underlag från oss`,
  `https://lifecare.essunga.local/arende?pnr=${X.long()}&flik=journal kan någon öppna den här, jag får fel`,
  `Inkopierat från blanketten: ${fullWidth(Y.short('-'))} (pojke, åk 2), vh vill ha tolk`,
  `Elev ${Z.long(' - ')} har fått plats på Ekbackens fritids men soc ska bekosta`,
  `Berörda barn:\n${AC.short('-')}\n${AD.short('-')}\n${AE.short('-')}\nalla tre bor hos mamma`,
  `p-nr ${AF.long()}, skyddade personuppgifter! skicka inget med post`,
  `mammans personnummer ${AG.short('-')} behövs till ansökan om försörjningsstöd, barnen är 3 och 7`,
  `${AH.dashed()} – samordningsnummer, pojken bor på HVB i Flen sedan augusti`,
];

const PNR_EN = [
  `Can someone check ${AA.short('-')} in the system? The school filed a report of concern this morning.`,
  `The girl (${AB.long('-')}) was moved to an emergency foster home on Friday.`,
];

// ---------------------------------------------------------------- identifiable: name + class or school

const NAME_CLASS = [
  'Ebba Lindqvist i 7C har inte varit i skolan sedan måndag, mentor har inte fått tag på vh.',
  'Hugo Sundin 4B – orosanmälan skickad idag, blåmärken på armarna',
  'Vi behöver prata om Alva Nyström på Nossebroskolan på torsdagens möte, hon har slutat äta i skolan',
  'Liam i 2A berättade för fritidspersonalen att pappa slår mamma',
  'Kan någon från soc komma på elevhälsomötet om Zara Hassan åk 9? Hon har hög frånvaro och vi tror att hon ska giftas bort i sommar.',
  'Amir (8B, Stenbackeskolan) har fått avstängning i 2 veckor efter bråket i matsalen, familjen har pågående ärende hos er',
  'Tyra Holmberg, förskoleklass Ekbacken — mamma hämtade påverkad igår igen',
  'Oscar Eriksson i 6:an på Tallåsen har fått plats i den särskilda undervisningsgruppen fr.o.m. januari',
  'Angående Wilma i 5C: pappan har kontaktat skolan och vill träffa henne trots kontaktförbud',
  'Selma Öberg 3A, ny placering i familjehem från 1/12. Skolskjuts behöver ordnas.',
  'Uppdatering om Leo Karlsson på Fröviskolan: BBIC-utredning klar, insats beviljad (kontaktfamilj)',
  'Edvin Åberg åk 1 Höjdenskolan har kissat på sig flera gånger och luktar illa, vi gör en anmälan',
  'Yusuf i 9A är inte folkbokförd här längre men dyker upp i skolan varje dag, vad gäller?',
  'Hej! Jag är mentor för Saga Bergström i 8C. Hon har berättat att hon skadar sig själv. Vem på soc tar sånt här?',
  'Melvin Petrović, klass 4 på Ramdalsskolan – familjen har ingen bostad från och med måndag',
  'Isak, 7B Oxelöskolan, sitter hemma igen. Andra veckan. Pappa säger att han är sjuk.',
  'Astrid Korhonen i F-klass har inte hämtats från fritids två dagar i rad, vi ringde polisen kl 18',
  'Vincent Holm 9B – beslut om LVU fattat igår. Skolan behöver veta vem som hämtar honom.',
  'Omar i 5A på Kvarnbacka har fått ett samtal från en okänd man som sa att han var hans farbror',
  'Freja Mäkinen (6B) ska flytta till sin pappa i Trollhättan, sista dag i skolan på fredag',
  'mötet om Elias Jovanović i 8A flyttas till 14.00, mamma kan inte tidigare',
  'Stella på Dansutskolan, åk 2: vh har inte kommit på tre inbokade möten. Vi funderar på orosanmälan.',
  'Ludvig Persson 7D har sålt snus till yngre elever, rektor har varit i kontakt med polisen',
  'Nora Ahmed åk 4 Lekebergsskolan behöver tolk till utvecklingssamtalet – pappa pratar bara somaliska',
  'Adam i 3B har sagt att han inte får äta middag om han inte har gjort läxan. Ska vi anmäla?',
  'Hedda Sandberg, 8C Nossebro: kurator har haft 4 samtal, vill nu lämna över till socialtjänsten',
  'Theo i förskoleklassen på Tallåsens skola har ny kontaktperson från soc från v. 50',
  'det här är inte ett påhittat fall: Malte Lindgren i 5A har berättat att han sover i bilen med mamma',
  'Aisha Mohammed, 9C Stenbacke – ansökan om skolskjuts avslogs, men hon bor i skyddat boende så det behövs',
  'Påminnelse: SIP för Viktor Sjögren (åk 6, Fröviskolan) imorgon 09.00 i rum 2.14',
];

// ---------------------------------------------------------------- identifiable: initials + class or school

const INITIALS_CLASS = [
  'E.L. i 7C har inte kommit idag heller',
  'Elev AB åk 8 Nossebroskolan – orosanmälan skickad kl 10.15',
  'JK (4B) berättade för mentor att hon blev inlåst i sitt rum hela helgen',
  'M.S., klass 6A på Ramdalsskolan, har fått beslut om kontaktperson',
  'ang. H.Ö. 9B: hon har varit borta 60% av lektionerna sen höstlovet',
  'Hej, gäller eleven LP i åk 3 på Fröviskolan. Mamma vill att vi slutar prata med pappan. Får vi det?',
  'S-A i 5C kom till skolan med ett brännmärke på handen',
  'Vi har en elev, initialer R.M., i 7A på Oxelöskolan som bor på HVB sedan förra veckan',
  'T.H. (F-klass, Ekbacken) hämtas av en okänd vuxen, vad vet soc?',
  'Uppföljning AK 8D Stenbacke: skolvägran, vill ha samverkansmöte med öppenvården',
  'nytt ärende: O.J. åk 2 Kvarnbackaskolan, misstänkt försummelse',
  'Rektorn på Tallåsen undrar om ZH i 6B har pågående insats hos er',
  'W.B. i 4:an på Dansutskolan har slutat prata i skolan efter att pappa flyttade ut',
  'eleven F.N. (9A Höjden) har slutat ta sin medicin enligt skolsköterskan',
  'IK 3A: vh har begärt klassbyte pga mobbning, men vi behöver koppla in soc pga situationen hemma',
  'AN, åk 7 Lekebergsskolan, har rymt hemifrån igen. Polisen hittade henne i Örebro.',
  'EJ 1B Nossebro — fick ingen frukost idag heller, sa det själv',
  'Gällande MP i klass 8B på Fröviskolan: mamma har ringt och hotat mentor',
  'Skickar anmälan om K.L., åk 5, Bryngeskolan idag',
  'L.H. i sexan på Höjdenskolan har berättat om hot i hemmet, mentor har dokumenterat',
];

// ---------------------------------------------------------------- identifiable: nicknames

const NICKNAME = [
  'Alexander ("Acke") i 6B har fått nytt familjehem',
  'Mohammed (Mo) åk 8 har slutat komma på lektionerna efter lunch',
  'Kalle i 3:an har berättat att han är rädd för mammas nya kille',
  'Wille på fritids har fått ett blåmärke till, samma ställe som förra veckan',
  'Elisabeth, kallas Lisen, 5A – mamma har skrivit på samtycke till SIP men inte pappa',
  'Sebbe i 9C har varit på polisförhör idag, mamma ringde och berättade',
  'Jojje (Johannes) åk 7 sover på lektionerna, säger att han spelar hela nätterna och ingen vuxen finns hemma',
  'Lill-Ludde på avdelning Blåbäret har en ny vuxen som hämtar, vi har ingen info från soc',
  'Nicke på Ekbacken har fått ett LVU-beslut enligt mamma, stämmer det?',
  'Vi kallar honom Zacke i klassen (Zakaria) – han har inte ätit lunch på hela veckan',
  'Mirre i 4B:s pappa sitter häktad, hur gör vi med hämtningar?',
  'Fia (Sofia) i 8A har en äldre pojkvän som hämtar henne med bil, 24 år enligt kompisarna',
  'Nisse åk 2 ska inte hämtas av pappa enligt beslut, tänk på det vid fritidsstängning',
  'Majken (Maja) på Fröviskolan har skickat bilder till en okänd vuxen på Snapchat',
  'Totte i förskoleklass har berättat om en "hemlig lek" med en granne',
  'Emilia ("Millan") i 7D har självskadat igen, skolsköterskan har kontaktat BUP akut',
  'Lollo i 5C kom till skolan utan jacka, minus 8 ute',
  'Pelle i 6:an har sagt till kompisar att han ska ta livet av sig',
  'Hampe (9B) och hans lillebror har inte varit hemma sedan i lördags',
  'Tesse på Stenbacke: mamma har fått beslut om skyddat boende, hon får inte lämnas ut till pappa',
  'Kim (Kimberly) i 3A – pappa dök upp på skolgården trots besöksförbud',
  'Jonte i 8C har fått en kniv beslagtagen på rasten',
  'Dudde i fyran behöver en ny kontaktperson, den förra har slutat',
  'Bella (Isabella) på Tallåsen ska placeras akut, soc är på väg',
  'Vi pratade om Abbe (Abdullahi, åk 9) på EHT idag – misstanke om rekrytering till gäng',
];

// ---------------------------------------------------------------- identifiable: a child singled out without a name

const SINGLED_OUT = [
  'killen i 9B vars pappa åkte fast för narkotikabrott förra veckan har inte varit i skolan sen',
  'tvillingarna i 3B vars mamma dog i höstas behöver mer stöd, kan vi ta det på SIP?',
  'dottern till rektorn, hon som går i 8A, blev hämtad av polis från festen i lördags',
  'Den nya tjejen i 4A som kom från Syrien i oktober har berättat för mentor att hon blir slagen',
  'Den enda eleven i åk 6 på Tallåsen som har assistent fick ett anfall idag och mamma gick inte att nå',
  'Pojken i förskoleklassen på Ekbacken vars pappa sitter i fängelse har börjat slåss',
  'Flickan i 7C som utsattes för våldtäktsförsöket i somras har slutat komma till skolan',
  'Storebror till han som dog i trafikolyckan i augusti, han i 9A, mår väldigt dåligt',
  'Eleven i 5B vars familj blev vräkt i måndags sover hos en kompis just nu',
  'Sonen till vår vaktmästare, han i 6C, har blivit rånad vid centrum',
  'Den yngsta eleven i F-klass på Kvarnbacka kom utan ytterkläder igen, det är fjärde gången',
  'Hon i 8B som blev gravid i höstas vill inte att föräldrarna får veta, vad säger soc?',
  'Pojken på Nossebroskolan som tände eld på toaletten i tisdags – är han känd hos er?',
  'Killen i 9C som blev knivhuggen vid busstationen i helgen är tillbaka i skolan, vi behöver en plan',
  'Den ensamkommande pojken i 7A på Oxelöskolan som fyller 18 i januari behöver hjälp med boende',
  'Tjejen i 6A vars mamma är inlagd för psykos har tagit hand om sina syskon själv i två veckor',
  'Lillasyster till eleven som blev avstängd i 8D går i 2B hos oss och har börjat må dåligt',
  'Han i sjuan på Stenbacke som rymde från HVB:t i fredags har setts på skolgården',
  'Eleven i 4C som har pappa i Syrien och mamma på behandlingshem bor nu hos mormor',
  'Den enda flickan i åk 9 på Höjdenskolan med hörapparat har berättat om kränkningar från en lärare',
  'Barnet på avdelning Solrosen vars pappa blev utvisad i november gråter varje morgon',
  'Den nyinflyttade familjen på Ramdalsskolan, deras son i 3A, verkar inte ha någon mat hemma',
  'Pojken i 5C som blev påkörd utanför skolan i måndags ligger fortfarande på sjukhus, mamma vill ha hjälp',
  'tjejen i 7b vars nakenbilder spreds på snap – föräldrarna vill polisanmäla',
  'Vår fritidsledares brorson, han i 4B, har varit borta från skolan i tre veckor',
  'Eleven som kom tillbaka från Somalia efter sommarlovet, 8C på Fröviskolan, har ingen vårdnadshavare här nu',
  'Den äldsta i syskonskaran på Dansutskolan, hon i 6:an, tar hand om småsyskonen varje kväll',
  'Killen i 8A vars storebror sköts i somras har fått hot på Instagram',
  'Hon som är ny i 1B och bor på skyddat boende med mamma får inte vara med på klassfotot',
  'Den enda eleven i 9B som är placerad i familjehem hade utvecklingssamtal utan någon vuxen med',
];

// ---------------------------------------------------------------- identifiable: names in lower case

const LOWER_CASE = [
  'alva i 6b har berättat att hon inte får träffa sina kompisar efter skolan',
  'noah ringde sin mamma från skolan och grät, han vill inte åka hem till pappa',
  'hej, ang. wilma berg 4a, soc har väl fått anmälan från oss i fredags?',
  'ella tog med sig en kniv till skolan idag, den ligger hos rektor nu',
  'liam och hans syster alice har inte kommit till skolan på 2 veckor, familjen verkar ha åkt utomlands',
  'elsa lindgren i 2c blev hämtad av polisen från skolan idag',
  'kan nån kolla om hugo karlsson har aktuell utredning? han i 9an på tallåsen',
  'oliver i 1b sa att pappa har en pistol hemma',
  'saga har inte ätit nåt i skolan på hela veckan och mentor är orolig, åk 5',
  'ali hassan 8b polisanmälan gjord för misshandel på rasten, han var den som blev slagen',
  'ang maja på fröviskolan - vh har återkallat samtycket till BUP-kontakt',
  'vincent i 7a kom inte heller idag. mamma svarar inte. tredje veckan nu',
  'william sjöberg ska flytta till jourhem imorgon, skolan behöver förberedas',
  'agnes har berättat för fritidsledaren att hon har ont i magen varje gång pappa är hemma',
  'har någon pratat med ines eller hennes mamma efter händelsen i tisdags? hon går i 3a',
  'adam i femman har slagit en klasskompis igen, föräldrarna vägrar möte',
  'yusuf ahmed åk 6 – ansökan om kontaktfamilj beviljad',
  'ebba och hennes bror edvin ska till BUP imorgon, vi behöver ordna skjuts',
  'lucas i 4c har ofta blåmärken på ryggen, idrottsläraren såg igår',
  'felix på ekbacken har slutat komma på fritids sen mamma blev sjuk',
  'signe i 8a har blivit utsatt för kränkningar på nätet, bilder sprids',
  'meddela skolan att leah inte får hämtas av sin moster, beslut från i går',
  'isak sa idag att han inte vill leva, vi har kontaktat bup akut',
  'omar och hamza i 7b hittades med cannabis på skoltoaletten',
  'juni i förskoleklassen pratar om att mamma sover hela dagarna',
];

// ---------------------------------------------------------------- identifiable: names split by invisible characters

const SPLIT_NAME = [
  'Wil\u200bma Berg i 4A har inte kommit idag',
  'E\u00adbba Lind\u00adqvist, 7C, har fått placering i familjehem',
  'Hu\u200dgo i 2B berättade om slag hemma',
  'Orosanmälan: Sa\ufeffga Nyström åk 5 Nossebro',
  'No\u2060ah Eriksson på Fröviskolan ska flytta till jourhem',
  'Al\u200cva (6B) har slutat äta i skolan, skolsköterskan är orolig',
  'Ze\u200bynep Yilmaz i 9A har berättat om hedersförtryck',
  'li\u200bam i 3a kom med ett blåmärke vid ögat',
  'Angående O\u200bs\u200bc\u200ba\u200br i 8:an: mamma har ringt polisen igen',
  'E\u200blias Jo\u00advanović (åk 4) – misstänkt försummelse, pappa sitter i fängelse',
];

// ---------------------------------------------------------------- identifiable: English case talk

const ENGLISH = [
  'Oliver Smith in year 6 at Bryngeskolan disclosed that his stepdad hits him',
  "The boy in 7C whose father was arrested last week hasn't been in school since",
  'Quick one: Emily Jones (grade 4, Ekbacken) – her mum called the police again last night',
  "Can we discuss Mia in class 5A at Thursday's meeting? She's been self-harming.",
  'Lucas Andersson, 8B, has been placed in emergency foster care as of today',
  "Has anyone from social services been in touch with Amira's family? She's in 3B at Stenbacke and hasn't come to school for 3 weeks.",
  'FYI Jack in year 9 at Tallåsen has a new contact person from soc',
  "The twins in 2A whose mum died in October are struggling, we'd like a SIP meeting",
  "Noah told his teacher in 4C that he's not allowed to eat at home if he's been bad",
  'Reporting concern re: Sofia Petrov, year 7, Nossebro school – possible neglect',
  "Ahmed's little sister (F-klass, Fröviskolan) was picked up by an unknown man today",
  "Ella took a knife to school today, she's in 6B – the principal has it now",
  "The new girl in 8A who arrived from Ukraine in September has told the counsellor she's being hit",
  "Update on Liam O'Brien (9C): the police interview is scheduled for Monday, dad must not be informed",
  'Can soc confirm whether Zainab in year 5 at Kvarnbacka is still placed at the foster home?',
  "The headteacher's daughter, the one in 8A, was found drunk at the school disco",
  "Adam Wright (class 3, Ramdalsskolan) – mum has applied for a protected address, don't share anything with dad",
  'Maya in 1B said she sleeps in the car with her mom',
  "I'm Ben's mentor, he's in 7D. He told me he sells stuff for some older guys. What do we do?",
  'Please note: Chloe Miller, year 2 at Höjdenskolan, must not be picked up by her father (court order)',
  'The only boy in year 4 at Dansutskolan with a personal assistant had a seizure today, mum was not reachable',
  'Daniel (grade 8, Oxelöskolan) has been missing since Saturday, police are involved',
  'Re Hannah Lee 6A: the investigation is done, intervention granted (contact family)',
  'the girl in 9B whose brother was shot in the summer has stopped coming to school',
  "Sam Taylor, year 5 at Lekebergsskolan, says he hasn't seen his mother in two weeks",
  'Ethan in F-class at Tallåsen – unexplained bruises again, we filed a report',
  "Leila Karimi (7A) told the school nurse she's being forced to marry in the summer",
  'Concern: Isaac in 3C at Fröviskolan smelled of alcohol this morning',
  'Grace Wilson in year 8 at Stenbacke disclosed sexual abuse to the counsellor today',
  'the boy in 6C whose mum is in prison got into a fight again, can the family therapist come to school?',
];

// ---------------------------------------------------------------- identifiable: a parent's phone or home address in a case

const PARENT_CONTACT = [
  'Mammans mobil är 070-412 83 56 om skolan behöver nå henne ang. orosanmälan',
  'Pappan till eleven i 5C har ny adress: Storgatan 14B, lgh 1102, 467 30 Grästorp. Umgänget sker där.',
  'vh nås på 0739 12 44 07, polisen har också numret sedan anmälan',
  'Familjen har flyttat till Södra Kungsvägen 8 i Nossebro, barnen ska byta skola efter jul, ärendet flyttas',
  'Ring mamma på 076-554 21 90 innan hembesöket, hon vill inte att pappa är hemma',
  'Barnets pappa: 070 998 12 34. Skolan har inte fått tag på honom sedan placeringen.',
  'Adressen till familjen i LVU-ärendet är Björkvägen 3, 611 35 Nyköping',
  'Mormor (vill bli familjehem) har tel 0512-134 56 och bor på Kyrkogatan 22 i Vara',
  'Hembesök idag kl 15 på Lärkvägen 11 lgh 1203, mamma har bett om tolk',
  'Pappans mobil +46 70 321 98 76, han har kontaktförbud mot mamman men inte mot barnen',
  'orosanmälan: barnen bor på Ekvägen 5 i Vretstorp, grannar hör skrik på nätterna',
  'Ny kontaktuppgift till vårdnadshavare (mamma): 072-309 44 18. Polisen har varit på plats i helgen.',
  'Eleven har flyttat till sin moster på Tallvägen 19, 613 31 Oxelösund, placeringen är tillfällig',
  'Mammans nya nummer 0708-55 23 41 – skyddad adress så lämna inte ut till pappa!',
  'Familjen i ärendet från igår bor på Gnestavägen 44, skolan ligger 200 m bort',
  'Pappa ringde från 073 412 00 98 och skrek på mentor, han vill hämta sonen trots beslutet',
  'Vi hämtar barnen på Storgatan 7 i Fjugesta imorgon 08.00 tillsammans med polisen, akut placering',
  'vh tel: 0702345678 – mamman är ensam vårdnadshavare sen i höstas, pappan får inte info',
  'Farmor till de tre barnen i familjehemsutredningen har nummer 070-145 67 89',
  'Adress för LVU-verkställighet: Åsgatan 3B, 2 tr, Nossebro. Mamman vet inte om det än.',
];

// ---------------------------------------------------------------- identifiable: a name with BUP/HAB or a diagnosis

const NAME_BUP = [
  'Isak Lindgren på BUP har fått ny behandlare, skolan får info via mamma',
  'Maja Karlsson har fått ADHD-diagnos, vi behöver anpassningar i 5B',
  'Hamza (autism) klarar inte av matsalen, kan HAB komma och observera?',
  'Tyra Holm väntar på neuropsykiatrisk utredning på BUP sedan 14 månader',
  'Lucas på HAB har fått en ny kontaktperson',
  'Ebba har diagnosen anorexi och är inskriven på ätstörningsenheten',
  'Vi fick veta att Elias har fått diagnosen F84.0 – mamma vill att all personal vet',
  'Noah Öberg på BUP fick läkemedel utskrivet igår, ska han ta det i skolan?',
  'Selma har PTSD efter det som hände hemma, BUP har skrivit intyg',
  'Alice Berglund på HAB ska ha nytt hjälpmedel i klassrummet från januari',
  'William har Tourettes och blir retad på rasterna, kan elevhälsan ta det?',
  'Omar Hassan på BUP Nyköping – utredningen visade intellektuell funktionsnedsättning, han ska få plats i anpassad grundskola',
  'zara på bup har slutat gå på sina samtal enligt mamma',
  'Viggo (diagnos: Downs syndrom) ska börja på fritids, assistenten följer med',
  'Hej! Leo har fått diagnosen dyslexi och ADD, föräldrarna undrar om soc kan hjälpa till med ansökan om stöd',
  'Ines Korhonen på HAB Örebro har fått avslag på korttidsvistelse',
  'Sixten Sandberg har epilepsi och fick ett anfall på idrotten idag',
  'Freja är på BUP varje tisdag kl 13, så hon missar matten',
  'Ali har fått depressionsdiagnos och BUP vill ha samverkansmöte med skolan och soc',
  'Amanda Strömberg på BUP – självmordsrisken bedöms som hög, skolan är informerad',
];

// ---------------------------------------------------------------- not identifiable: staff logistics naming colleagues

const STAFF_SV = [
  'Sofia Hed är sjuk idag, Mikael tar över hennes SIP-möten',
  'Johan Nyberg är på MI-utbildning hela veckan, ring Eva vid brådskande',
  'Emma Varg har bokat rum 2.14 för torsdagens samverkansmöte',
  'Lars är föräldraledig från 1 februari, Sara Ek vikarierar som chef',
  'Jonas Eng är tjänstledig i januari, Hampus tar över hans SIP-möten',
  'Påminnelse: Ida Vall och Fredrik Sten går på BBIC-utbildningen 12–13 jan, de missar EHT',
  'Helena Rask slutar hos oss den 31/12. Tack för allt Helena! 💐',
  'Kan någon ta Oskars pass på fritids imorgon? Han är hemma med sjukt barn',
  'Karin Holm och Per Lund har bjudit in till styrgruppsmöte 15/1 kl 13-15',
  'Nils Björk sitter i Gnesta hela dagen, nås på mobilen efter 15',
  'Ingrid Sand (skolsköterska) är sjukskriven resten av veckan, elevhälsan hänvisar till Anders',
  'Maria Sjöberg håller i workshopen om trygghetsvandringar, anmälan senast fredag',
  'hej! jag är ledig fre, Eva kör öppenvårdens möte istället',
  'Anders Wik har ny mobil, numret står i Teams-profilen',
  'Lena Dahl har flyttat till nytt kontor på familjecentralen, plan 2',
  'Välkommen Annika Löf som ny utvecklingssekreterare från måndag! 🎉',
  'Bengt och Cecilia är på kick-off i Stockholm tors-fre',
  'Gunilla Bro sammanställer enkätsvaren, skicka dina till henne innan 20/12',
  'David Holmgren har tackat nej till mötet, Elin Svala kommer i hans ställe',
  'Kan någon boka om min handledning med Mikael? Jag sitter fast i trafiken',
  'Camilla och Daniel har bytt arbetsdagar, Camilla jobbar nu måndagar',
  'Göran Hall är på semester v.52-1, frågor om referensgruppen till Isak Moberg',
  'Frida Lind och Hanna Borg har gått utbildning i Signs of Safety, de kan hålla en intern dragning i feb',
  'Birgitta Ros leder julfikat på onsdag kl 14:30 i lunchrummet ☕',
  'Sjukanmälan: Sara Ek idag och imorgon. Hennes möten ställs in.',
  'Alex Wilber har delat protokollet från förra veckan i filerna',
  'Jag är på kurs om barnkonventionen hela dagen, Sofia svarar på frågor',
  'Mikael Falk och Emma Varg byter rum från nästa vecka: Mikael sitter nu i B12',
  'Hampus Ling har tagit över mottagningen från Jonas, ring honom vid nya ärenden',
  'Vikarie för Ida på Frejaskolan: Kerstin Blom, hon börjar på måndag',
  'Tomas Ekholm från IT kommer och installerar nya skärmar i konferensrummet kl 10',
  'Pernilla är ledig v. 7, sportlov. Linnea täcker upp på fritids.',
  'Oskar Mark har fått förlängt vikariat som elevcoach till juni 👍',
  'Vem tar hand om Johans elevärenden när han är på utbildning? Fredrik kanske?',
];

const STAFF_EN = [
  'Megan Bowen is out sick today, Adele will run the standup',
  'FYI Adele Vance is on a training course on Tuesday, please send urgent questions to Alex',
];

// ---------------------------------------------------------------- not identifiable: named professionals with titles

const PROFESSIONAL_SV = [
  'Dr. Ahmadi på BUP Nyköping har skickat ut ny rutin för remisser',
  'Rektor David Holmgren på Frejaskolan vill delta i nästa samverkansmöte',
  'Kurator Ida Vall har öppen mottagning för personal tisdagar 13–15',
  'Överläkare Karin Persson, BUP, föreläser om NPF den 3 februari',
  'Skolsköterskan Ingrid Sand har ansvar för vaccinationerna i åk 5 i vår',
  'Specialpedagog Jonas Eng sammanställer kartläggningen av särskilt stöd',
  'Psykolog Maria Lindh från HAB kan komma till arbetsplatsträffen i mars',
  'Kommunpolis Peter Ek har bytt nummer, det nya finns på intranätet',
  'Familjebehandlare Mikael Falk har gått utbildning i FFT och kan ta emot nya familjer',
  'Enhetschef Eva Strand godkänner alla ledighetsansökningar för öppenvården',
  'Rektor Anna Wallin på Nossebroskolan har bjudit in till föräldramöte om trygghet',
  'Vi har fått en ny skolläkare, Dr. Johan Berglund, som är på plats onsdagar',
  'Socialsekreterare Hampus Ling är kontaktperson för samverkan med polisen',
  'Elevhälsochef Anders Wik presenterar den nya elevhälsoplanen på torsdag',
  'Dr Sara Nilsson (barnläkare, BVC) håller i utbildningen om tidiga tecken på försummelse',
  'Distriktssköterska Lena Olsson på BVC Vara har semester i januari',
  'Kontakta HAB:s arbetsterapeut Emelie Ström för frågor om hjälpmedelsrutinen',
  'Enhetschef Bengt Ask på barn- och familjeenheten har godkänt den nya rutinen för orosanmälningar',
];

const PROFESSIONAL_EN = [
  'Chief psychologist Dr. Martin Lee from BUP will join the steering group in February',
  'Our new school counsellor, Ms. Rebecca Holt, starts at Stenbacke on Monday',
];

// ---------------------------------------------------------------- not identifiable: organisation numbers

const ORGNR_SV = [
  `Essunga kommun har org.nr ${orgnr('212000', '155')}, använd det på fakturan`,
  `Leverantören av utbildningen: Kompetenshuset AB, ${orgnr('556734', '212')}`,
  `Fakturera Region Sörmland (${orgnr('232100', '000')}) för BUP:s del av kostnaden`,
  `Föreningen Fritidsgården Vi Unga, org nr ${orgnr('802459', '318')}, söker bidrag för sommarlovsaktiviteter`,
  `HVB-hemmet drivs av ${orgnr('559128', '044')} (Omsorgshuset Väst AB) – upphandlat via ramavtal`,
  `ny avtalspart: Stiftelsen Barnens Ö, orgnr:${orgnr('802012', '776', '')}`,
  `Faktura från Samtalsakuten AB (${orgnr('556981', '403')}) har kommit, vem attesterar?`,
  `Kommunens org.nr 16${orgnr('212000', '268')} ska stå på alla ansökningar till Socialstyrelsen`,
  `Skolskjutsbolaget byter namn men behåller orgnr ${orgnr('556045', '937')}`,
  `Familjehemsföreningen i Sörmland (${orgnr('802533', '651')}) bjuder in till utbildningsdag`,
  `Org.nr till Gnesta kommun: ${orgnr('212000', '287')} – behövs till statsbidragsansökan`,
];

const ORGNR_EN = [`The contractor's company number is ${orgnr('559302', '118')}, please add it to the purchase order`];

// ---------------------------------------------------------------- not identifiable: dates

const DATES_SV = [
  'Nästa samverkansmöte 2027-01-14 kl 13.00-15.00',
  'Läsårsdata: vt startar 2027-01-08, sportlov v.8, påsklov 2027-03-29–04-02',
  'Julavslutning 19/12, fritids stängt 24/12–1/1',
  'Rapporten ska in senast 2026-12-18, glöm inte statistiken för Q3',
  'Deadline för synpunkter på handlingsplanen: 15 januari 2027',
  'Protokoll_20261127.docx finns nu i kanalens filer',
  'Styrgruppen ses 2027-02-05 och 2027-04-23, boka in!',
  'Vi bytte till vintertid 2026-10-25 … nej förlåt, fel tråd 😅',
  'Semesteransökningar för sommaren 2027 ska vara inne 2027-03-31',
];

const DATES_EN = ['Meeting moved to 2026-12-09 at 09:30, same Teams link'];

// ---------------------------------------------------------------- not identifiable: office phone numbers

const OFFICE_PHONE_SV = [
  'Socialjouren nås på 0771-11 22 33 efter kl 17 och på helger',
  'Vid akut oro: ring socialtjänstens mottagning via växeln 0512-570 00',
  'BUP Nyköping: 0155-24 60 00, telefontid mån–fre 8–9',
  'Nytt nummer till familjecentralen: 0512-571 45',
  'Polisen 114 14, vid pågående brott 112',
  'Elevhälsans telefon 0158-350 10 är bemannad 8–16',
  'Kontaktcenter Lekeberg 0585-487 00',
  'Sätt upp lappen i korridoren: ring BRIS 116 111 om du behöver prata anonymt',
  'HAB:s reception 019-602 50 00, be om arbetsterapeuten',
  'Vårdguiden 1177 kan ge råd dygnet runt',
  'Skolskjutsen: 0771-33 44 55, ring om bussen inte kommer',
];

const OFFICE_PHONE_EN = ['The switchboard number is +46 155 26 00 00, ask for the social services reception'];

// ---------------------------------------------------------------- not identifiable: invented cases

const INVENTED_SV = [
  'Påhittat fall till workshopen: Kim, 12 år, går i 6A och har hög frånvaro. Hur hade ni gått vidare?',
  'Övningsfall (fiktivt): "Sara, 9 år" berättar för fritidspedagogen att hon inte vill gå hem. Diskutera i grupp.',
  'Fiktivt exempel i handboken: eleven "Alex" i åk 7 har skolvägran – vem kallar till SIP?',
  'Vi kör ett rollspel på APT: en påhittad familj, familjen Andersson med tre barn, flyttar till kommunen mitt i terminen.',
  'Låtsasfall till BBIC-övningen: "Leo, 4 år, på förskolan Solrosen" – inga riktiga uppgifter!',
  'Exempelfall ur Socialstyrelsens vägledning (fiktivt): pojke 15 år, missbruk, föräldrarna oeniga om insats. Vi diskuterar på torsdag.',
  'Påhittat exempel: Elev X i klass Y har berättat om Z. Mallen visar hur anmälan fylls i.',
  'Till introduktionen av nya medarbetare: fiktivt ärende om "Nova, 7 år" som saknar vinterkläder.',
  'Ett påhittat case till utbildningen: "Omar, 16" misstänks sälja narkotika på skolan. Hur samverkar skola och soc?',
  'Övningsuppgift, påhittad: Fatima 11 år har blåmärken. Vilka frågor ställer du?',
  'Detta är ett fiktivt exempel från Skolverkets material: "Ella i åk 2" har svårt att koncentrera sig.',
  'Rollspelsövning (påhittad): en pappa ringer skolan och är arg över att sonen blivit utsatt.',
  'Påhittat exempel till dokumentationsutbildningen: "Pojken P, 13 år, åk 7 på skola S"',
  'Vi använder ett fiktivt fall i morgon: "Mira, 15, placerad i familjehem". Ta med frågor!',
];

const INVENTED_EN = [
  "Case study for Friday's training (fictional): Tom, 14, in year 8 stops attending after his parents separate.",
  'Made-up example for the slides: "Aya, 10, tells her teacher that dad hits her" – what are the first three steps?',
  'Hypothetical case (not a real pupil): a girl in year 9 discloses she is being forced into marriage. How should the school act?',
  'Fictional scenario for the tabletop exercise: "Jamie", 13, has been missing from school for a week.',
  'Made-up case for new staff: "Lucas, 8" keeps arriving hungry. Discuss in pairs.',
  'Case study (invented) from the Barnahus course: a 6-year-old tells preschool staff about a "secret game". Reflect on next steps.',
];

// ---------------------------------------------------------------- not identifiable: groups of pupils

const GROUP_SV = [
  'flera elever i 7:orna har börjat vejpa på toaletterna',
  'Vi ser en ökad frånvaro i åk 8 på Nossebroskolan sedan höstlovet',
  'Många i 9:an är stressade inför nationella proven, kan kuratorerna göra ett gruppsamtal?',
  'Tre elever i 6B har berättat om kränkningar på nätet, vi tar det med hela klassen på mentorstiden',
  'Statistik: 14 orosanmälningar från skolorna under oktober, 9 av dem från Stenbacke',
  'Killarna i 8:orna har en ny jargong i gruppchatten, vi behöver prata med föräldrarna generellt',
  'Flera familjer i området runt centrum har hört av sig om oro för kvällarna',
  'En del elever i åk 4–6 på Fröviskolan saknar vinterkläder, kan vi samla in?',
  'Ungefär en tredjedel av eleverna i åk 9 har inte sökt gymnasiet ännu',
  'Eleverna i 5A har haft värdegrundsdag, det gick jättebra 😊',
  'Många barn på förskolorna har varit sjuka i RS, det påverkar bemanningen',
  'Hela 3B ska på studiebesök på brandstationen på onsdag',
  'Antalet elever med hög frånvaro har ökat från 42 till 57 i kommunen',
  'Flera tjejer i 7:orna mår dåligt av kommentarer i omklädningsrummet, vi planerar en tjejgrupp',
  'Alla elever i F-klass får läsa med en vuxen varje dag i vinter',
  'Vi har sett mer snus bland eleverna på högstadiet, fältarna går extra rundor',
  'Nyanlända elever i årskurs 7–9 får studiehandledning på modersmål från januari',
  'Ett tiotal elever på Höjdenskolan har deltagit i läxhjälpen i höst',
];

const GROUP_EN = [
  "Some students in year 8 have been sharing videos of fights, we'll raise it at the parent meeting",
  'A few pupils in 9th grade have asked about summer jobs, could the youth coach help?',
];

// ---------------------------------------------------------------- not identifiable: book and film characters

const FICTION_SV = [
  'Bokcirkeln i 5A läser Pippi Långstrump, Pippi bor ensam i Villa Villekulla utan föräldrar – bra diskussionsunderlag!',
  'Vi visar Emil i Lönneberga på fritids fredag, Emil sitter i snickarboa igen 😂',
  'Harry Potter bor i skrubben under trappan hos familjen Dursley – vi använder boken som exempel på försummelse i litteraturundervisningen',
  'Ronja Rövardotter rymmer hemifrån till Björngrottan – boken passar bra i 4:an',
  'Matilda av Roald Dahl handlar om en flicka vars föräldrar struntar i henne – perfekt för temat barns rättigheter',
  'Alfons Åberg-filmen visas i aulan för förskoleklasserna på tisdag',
  'Greg Heffley i Dagbok för alla mina fans är favoriten i 4B just nu',
  'Karlsson på taket flyger in genom fönstret hos Lillebror – läsläxa till torsdag',
  'Vi diskuterar Bamse och Skalman i värdegrundsarbetet på förskolan',
  'Filmen Billy Elliot visas i 8:orna som del av jämställdhetstemat',
  'Lotta på Bråkmakargatan ska bli teater i 2A, föräldrar välkomna!',
];

const FICTION_EN = ['Book club in year 7 is reading Wonder – Auggie Pullman starts school for the first time in fifth grade'];

// ---------------------------------------------------------------- not identifiable: meeting times and rooms

const MEETING_SV = [
  'SIP-mötet flyttas till sal B204 kl 13.15',
  'Rum 3:12 är bokat 08:30–10:00 för EHT',
  'Samverkansmötet är i stora konferensrummet, plan 4, ingång från Storgatan',
  'Teams-länken till torsdagens möte finns i kalenderinbjudan, start 14.00',
  'Vi ses i rum Gäddan kl 9, fika finns',
  'Mötesrum 1.105 i kommunhuset är bokat varje måndag 10-11 för operativa gruppen',
  'Handledning i grupp kl 15:00–16:30, lokal: Familjecentralen, Nossebro',
];

const MEETING_EN = ['Room 2.07 is free on Wednesday afternoon if anyone needs it for a meeting'];

// ---------------------------------------------------------------- not identifiable: case references

const CASE_REF_SV = [
  'SAM-7K3D9QXA är uppföljt, inga fler åtgärder',
  'Samtycke SAM-Q4M8TZ2W gäller till 30/6, förnya i maj',
  'Kan någon kolla status på SAM-X2HB6N9P? Det står att samtycket är återkallat.',
  'Ärende SAM-3RJW8KCE tas upp på nästa operativa möte, punkt 4',
  'Dagordning: 1. SAM-M9PZ4T7Q uppföljning 2. SAM-C6VN2XRB nytt 3. övrigt',
  'SAM-B5KD7YZE: vårdnadshavare har signerat, registrerat i systemet',
  'Jag har arkiverat SAM-N2Q8JX4F enligt gallringsrutinen',
  'Dnr SN 2026/143 och SAM-Z7W3PK9D hör ihop, läggs i samma akt',
  'Hänvisa till SAM-F4R9LT6M i protokollet, inga namn',
];

const CASE_REF_EN = ['Consent SAM-H8T4QW2L expires next week, please renew'];

// ---------------------------------------------------------------- the corpus

export const HOLDOUT4: Holdout4Message[] = [
  ...make(true, 'pnr', 'sv', PNR_SV),
  ...make(true, 'pnr', 'en', PNR_EN),
  ...make(true, 'name-class', 'sv', NAME_CLASS),
  ...make(true, 'initials-class', 'sv', INITIALS_CLASS),
  ...make(true, 'nickname', 'sv', NICKNAME),
  ...make(true, 'singled-out', 'sv', SINGLED_OUT),
  ...make(true, 'lower-case-name', 'sv', LOWER_CASE),
  ...make(true, 'split-name', 'sv', SPLIT_NAME),
  ...make(true, 'english-case', 'en', ENGLISH),
  ...make(true, 'parent-contact', 'sv', PARENT_CONTACT),
  ...make(true, 'name-bup-diagnosis', 'sv', NAME_BUP),
  ...make(false, 'staff-logistics', 'sv', STAFF_SV),
  ...make(false, 'staff-logistics', 'en', STAFF_EN),
  ...make(false, 'professional-title', 'sv', PROFESSIONAL_SV),
  ...make(false, 'professional-title', 'en', PROFESSIONAL_EN),
  ...make(false, 'orgnr', 'sv', ORGNR_SV),
  ...make(false, 'orgnr', 'en', ORGNR_EN),
  ...make(false, 'date', 'sv', DATES_SV),
  ...make(false, 'date', 'en', DATES_EN),
  ...make(false, 'office-phone', 'sv', OFFICE_PHONE_SV),
  ...make(false, 'office-phone', 'en', OFFICE_PHONE_EN),
  ...make(false, 'invented-case', 'sv', INVENTED_SV),
  ...make(false, 'invented-case', 'en', INVENTED_EN),
  ...make(false, 'pupil-group', 'sv', GROUP_SV),
  ...make(false, 'pupil-group', 'en', GROUP_EN),
  ...make(false, 'fiction', 'sv', FICTION_SV),
  ...make(false, 'fiction', 'en', FICTION_EN),
  ...make(false, 'meeting-room', 'sv', MEETING_SV),
  ...make(false, 'meeting-room', 'en', MEETING_EN),
  ...make(false, 'case-ref', 'sv', CASE_REF_SV),
  ...make(false, 'case-ref', 'en', CASE_REF_EN),
];
