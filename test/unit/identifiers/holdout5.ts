// Held-out corpus #5 for the consent gate (issue 13), written blind on 2026-12-02 by a helper session that never
// opened the detector (src/domain/identifiers, src/domain/consent) and did not read the earlier corpora's messages
// (one slip: a filtered `head -30` of holdout4.ts, with every `text:` line removed, showed its header comment and its
// Luhn helper; no message of it was seen).
// 400 invented Teams messages as social workers, school counsellors, teachers and managers write them: 240
// identifiable, 160 tricky negatives. Every personnummer and samordningsnummer below is built by the helper in this
// file (real calendar date, samordningsnummer = day + 60, Luhn check digit computed here); every organisation number
// has a month >= 20. All names, pupils, phone numbers and addresses are made up.

export interface Holdout5Message {
  text: string;
  identifiable: boolean;
  kind: string;
  lang: 'sv' | 'en';
}

// ---------------------------------------------------------------- number helpers

/** Luhn check digit over nine digits (weights 2,1,2,1,...; a product above 9 counts as its digit sum). */
function luhn(nine: string): number {
  if (!/^\d{9}$/.test(nine)) throw new Error(`nine digits expected: ${nine}`);
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    let d = Number(nine[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

interface Pnr {
  /** YYMMDD (day + 60 for a samordningsnummer) */
  d: string;
  /** the four last digits, check digit included */
  n: string;
  /** century, e.g. "20" */
  c: string;
  /** YYMMDD-NNNC */
  ten: string;
  /** YYYYMMDDNNNC */
  twelve: string;
  /** YYYY-MM-DD-NNNC (the day + 60 for a samordningsnummer) */
  dashed: string;
}

/** A personnummer (or samordningsnummer) for a real date `yyyymmdd` and a three-digit birth number. */
function pnr(yyyymmdd: string, nnn: string, samordning = false): Pnr {
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  const date = new Date(Date.UTC(y, m - 1, day));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== day) throw new Error(`not a date: ${yyyymmdd}`);
  if (!/^\d{3}$/.test(nnn)) throw new Error(`three digits expected: ${nnn}`);
  const dd = String(samordning ? day + 60 : day).padStart(2, '0');
  const mm = yyyymmdd.slice(4, 6);
  const d = `${yyyymmdd.slice(2, 4)}${mm}${dd}`;
  const n = `${nnn}${luhn(d + nnn)}`;
  const c = yyyymmdd.slice(0, 2);
  return { d, n, c, ten: `${d}-${n}`, twelve: `${c}${d}${n}`, dashed: `${yyyymmdd.slice(0, 4)}-${mm}-${dd}-${n}` };
}

/** An organisation number NNXXNN-NNNC whose "month" (digits 3-4) is >= 20, with its Luhn digit. */
function orgnr(six: string, three: string): string {
  if (Number(six.slice(2, 4)) < 20) throw new Error(`organisation number month must be >= 20: ${six}`);
  return `${six}-${three}${luhn(six + three)}`;
}

/** Full-width digits (U+FF10...). */
function fullWidth(s: string): string {
  return s.replace(/\d/g, (x) => String.fromCharCode(0xff10 + Number(x)));
}

const p1 = pnr('20130522', '384');
const p2 = pnr('20110514', '827');
const p3 = pnr('20150817', '136');
const p4 = pnr('20090203', '471');
const p5 = pnr('20160930', '268');
const p6 = pnr('20111105', '903');
const p7 = pnr('20100128', '552');
const p8 = pnr('20140709', '238');
const p9a = pnr('20170311', '645');
const p9b = pnr('20190624', '017');
const p10a = pnr('20080419', '715');
const p10b = pnr('20121201', '390');
const p11a = pnr('20140226', '481');
const p11b = pnr('20100813', '962');
const p12a = pnr('20180105', '224');
const p12b = pnr('20150429', '571');
const p12c = pnr('20201117', '309');
const s13 = pnr('20090716', '283', true);
const s14 = pnr('20101004', '447', true);
const p15 = pnr('19250312', '066');
const p16 = pnr('20121019', '612');
const p17 = pnr('20070630', '839');
const p18 = pnr('20130903', '157');
const p19 = pnr('20160214', '704');
const p20 = pnr('20110727', '425');
const p21 = pnr('20140318', '863');
const p22 = pnr('20100502', '398');
const p23 = pnr('20151222', '641');
const p24 = pnr('20120608', '532');
const p25 = pnr('20090921', '174');
const p26 = pnr('20170728', '806');
const p27 = pnr('20130130', '495');
const s28 = pnr('20081125', '361', true);
const p29 = pnr('20190412', '258');
const p30 = pnr('20110307', '913');

const ZW = '\u200B'; // zero-width space
const ZWJ = '\u200D'; // zero-width joiner
const ZWNJ = '\u200C'; // zero-width non-joiner
const WJ = '\u2060'; // word joiner
const BOM = '\uFEFF'; // zero-width no-break space
const SHY = '\u00AD'; // soft hyphen

const yes = (kind: string, lang: 'sv' | 'en', text: string): Holdout5Message => ({ text, identifiable: true, kind, lang });
const no = (kind: string, lang: 'sv' | 'en', text: string): Holdout5Message => ({ text, identifiable: false, kind, lang });

// ---------------------------------------------------------------- identifiable (240)

const PNR: Holdout5Message[] = [
  yes('pnr', 'sv', `kan nån kolla i procapita på ${p1.ten}? mamma har ringt tre ggr idag`),
  yes('pnr', 'sv', `Orosanmälan inkommen gällande ${p2.d}${p2.n}, ska vi öppna utredning eller förhandsbedöma först?`),
  yes('pnr', 'sv', `Pojken ${p3.d} ${p3.n} har inte varit i skolan sen v.44`),
  yes('pnr', 'sv', `elev ${p4.d}   ${p4.n} flyttar till Gävle efter jullovet, vem skickar överlämningen`),
  yes('pnr', 'sv', `pnr:${p5.ten} – skyddad adress, skicka INGET brev hem!!`),
  yes('pnr', 'sv', `Pnr: ${p6.twelve} behöver nytt beslut om kontaktfamilj innan 15/12`),
  yes('pnr', 'sv', `Hej! Ärendet ${p7.c}${p7.d}-${p7.n} ska lottas på måndag, hinner nån?`),
  yes('pnr', 'sv', `Barn född ${p8.dashed} – placeringen i jourhem förlängs 4 v`),
  yes('pnr', 'sv', `Syskonen (${p9a.ten}) och (${p9b.ten}) ska ha samma handläggare tycker jag`),
  yes('pnr', 'sv', `anmälningar idag: ${p10a.ten},${p10b.ten} båda från Lindbackaskolan`),
  yes('pnr', 'sv', `Lista till IFO: ${p11a.d}${p11a.n};${p11b.d}${p11b.n}`),
  yes('pnr', 'sv', `tre barn i samma familj ${p12a.ten}/${p12b.ten}/${p12c.ten} – alla ska ha egen BBIC-utredning`),
  yes('pnr', 'sv', `samordningsnr ${s13.ten}, ensamkommande, bor på Kvarnbacken HVB sen oktober`),
  yes('pnr', 'sv', `Har fått samordningsnummer nu: ${s14.d}${s14.n} 🙌 då kan vi äntligen söka försörjningsstöd`),
  yes('pnr', 'sv', `Hemtjänsten oroliga för brukare ${p15.d}+${p15.n}, hon har ramlat två gånger`),
  yes('pnr', 'sv', `elevens pnr ${p16.d}/${p16.n} stämmer inte i Skola24, kan admin rätta?`),
  yes('pnr', 'sv', `Flickan ${p17.d}.${p17.n} har fyllt 18 nu?? eller är det i sommar`),
  yes('pnr', 'sv', `Uppföljning ${p18.d}–${p18.n} fredag kl 10`),
  yes('pnr', 'sv', `kopierat från excel: ${p19.d}\t${p19.n}\tfrånvaro 34%`),
  yes('pnr', 'sv', `Ny anmälan\n${p20.d}\n${p20.n}\npolisanmälan finns`),
  yes('pnr', 'sv', `Bistånd till barn ${p21.d}\u2011${p21.n} avslås pga inkomst`),
  yes('pnr', 'sv', `Länken funkar inte: https://procapita.kommun.local/sok?pnr=${p22.ten}&vy=akt`),
  yes('pnr', 'sv', `mamman skrev numret så här i sms:et ${fullWidth(p23.ten)} kan nån söka`),
  yes('pnr', 'en', `The boy's personal number is ${p24.ten}, can someone check whether he has an LMA card?`),
  yes('pnr', 'sv', `personnr ${p25.twelve} – överflyttning från Borås kommun inkommen`),
  yes('pnr', 'sv', `Beslutet om LVU för ${p26.d}\u2212${p26.n} ska till förvaltningsrätten`),
  yes('pnr', 'sv', `utredning ${p27.c}${p27.d} ${p27.n} avslutas utan insats`),
  yes('pnr', 'sv', `samordningsnumret ${s28.c}${s28.d}-${s28.n} används fortfarande i Ladok, migrationsverket har gett pnr nu`),
  yes('pnr', 'sv', `Flicka ${p29.d}\u00A0${p29.n} placeras hos morföräldrar`),
  yes('pnr', 'sv', `EHT kl 13.15 i rum 214: gäller ${p30.ten}. Ta med frånvarorapporten.`),
];

const NAME_CLASS: Holdout5Message[] = [
  yes('name-class', 'sv', 'Hodan i 4B har kommit utan frukost hela veckan igen, hon säger att det inte finns mat hemma'),
  yes('name-class', 'sv', 'Mehdi Karimi 8C Lindbacka – orosanmälan skickad idag kl 14'),
  yes('name-class', 'sv', 'Kacper på Sjöängsskolan (åk 5) har skolkat 11 dagar sen höstlovet, mentorn når inte föräldrarna'),
  yes('name-class', 'sv', 'Har någon kontakt med Selam Tesfay, 9A på Vallaskolan? Soc söker henne'),
  yes('name-class', 'sv', 'Jovana i tvåan på Tallmoskolan berättade att pappa slår när han druckit. Anmälan gjord.'),
  yes('name-class', 'sv', 'Otto 3C bet en klasskompis igen och mamma vägrar komma på möte'),
  yes('name-class', 'sv', 'Vi behöver prata om Ilhan i 6A, han har blåmärken på armarna för andra gången'),
  yes('name-class', 'sv', 'Aino Virtanen, åk 7 Norrtullsskolan, har slutat äta i matsalen. Skolsköterskan orolig.'),
  yes('name-class', 'sv', 'Emir från 5D sov i trapphuset i helgen enligt grannen'),
  yes('name-class', 'sv', 'Tuva Lindgren 9B har skickat nakenbilder till en äldre kille, polisen kopplad'),
  yes('name-class', 'sv', 'Dawit i förberedelseklassen på Kvarnbyskolan har fått avslag på asylen, han är helt förstörd'),
  yes('name-class', 'sv', 'Signe på avdelning Blåbäret (Ekdungens förskola) hämtas av en okänd man varje fredag'),
  yes('name-class', 'sv', 'Kan vi ta Yusuf Abdi (7B) på EHT på torsdag? Frånvaron är uppe i 40 %'),
  yes('name-class', 'sv', 'Oliwia i 1A på Hagalundskolan har berättat att storebror tar hennes mat'),
  yes('name-class', 'sv', 'Arash Rahimi, NA22 på Ängsbackagymnasiet, har hotat en lärare via snap'),
  yes('name-class', 'sv', 'Lejla från Solängsskolan åk 8 är gravid, hon vill inte att föräldrarna får veta'),
  yes('name-class', 'sv', 'Nikola 4A kom med sönderklippt jacka idag och ville inte gå hem'),
  yes('name-class', 'sv', 'Samira Osman i 9C har inte varit i skolan sen hon kom tillbaka från Somalia i augusti'),
  yes('name-class', 'sv', 'Mentor till Alvar i 6B säger att han pratar om att dö. BUP-remiss?'),
  yes('name-class', 'sv', 'Idun på Trollbäcksskolan åk 3 – mamman har flyttat till skyddat boende med henne'),
  yes('name-class', 'sv', 'Bilal Hussein 8A: utvisad från lektionen 5 ggr denna vecka, pappa sitter på anstalt'),
  yes('name-class', 'sv', 'Har ni sett att Senait i 5C har nya skor varje vecka? hon säger att en vuxen kille köper dem'),
  yes('name-class', 'sv', 'Kerttu Mäkinen (2B, Björkhagaskolan) har hög frånvaro, mamman sjukskriven för depression'),
  yes('name-class', 'sv', 'Ines i 7D har skurit sig, jag har pratat med kuratorn'),
  yes('name-class', 'sv', 'Milo 1B – fick inte komma in hemma igår kväll, fritids ringde soc'),
  yes('name-class', 'sv', 'Zofia Nowak i 6C ska flytta till pappan i Polen enligt henne själv, vet vi nåt?'),
  yes('name-class', 'sv', 'Jag har orosanmält Adnan, 4D Vallaskolan, för tredje gången i år'),
  yes('name-class', 'sv', 'Vem har Parisa i 9A? Hon behöver förlängd tid på NP pga PTSD'),
  yes('name-class', 'sv', 'Elsa på fritids Solängen sa att mamma inte vaknade på hela morgonen'),
  yes('name-class', 'sv', 'Warsame i 3A får ingen medicin hemma, skolsköterskan ringer pappan idag'),
];

const INITIALS_CLASS: Holdout5Message[] = [
  yes('initials-class', 'sv', 'A.K. i 7B har varit borta hela november, ingen svarar hemma'),
  yes('initials-class', 'sv', 'HW 4C – blåmärke på kinden idag, dokumenterat'),
  yes('initials-class', 'sv', 'Eleven S.T. på Vallaskolan (9A) har rymt från familjehemmet'),
  yes('initials-class', 'sv', 'Kan vi lyfta MR i 8A på EHT? Misstänkt hedersproblematik.'),
  yes('initials-class', 'sv', 'JN 2A Tallmoskolan hämtades av pappa trots kontaktförbud'),
  yes('initials-class', 'sv', 'orosanmälan om E.M. (5D) skickad, mentor informerad'),
  yes('initials-class', 'sv', 'Z.A. åk 6 Kvarnbyskolan sover i skolan på rasterna, mycket trött'),
  yes('initials-class', 'sv', 'I klass 3B: eleven L.H. säger att hon inte får gå ut efter skolan'),
  yes('initials-class', 'sv', 'Uppföljning D.T. 9C – tillbaka i skolan två dagar/vecka'),
  yes('initials-class', 'sv', 'AR på Ängsbacka NA22 har blivit rånad och vågar inte åka buss'),
  yes('initials-class', 'sv', 'Fick sms från mamma till K.N. 1A att de flyttar till kvinnojouren'),
  yes('initials-class', 'sv', 'Har ni fått papper på B.H. i 8A från förra skolan? Det finns ett LVU'),
  yes('initials-class', 'sv', 'TL (9B) – polisen hörde henne idag, kuratorn var med'),
  yes('initials-class', 'sv', 'angående O.N. i 6C: pappan ringde och skrek på expeditionen'),
  yes('initials-class', 'sv', 'Y.A. från 7B har hotat att hoppa från taket, ambulans kom kl 11'),
  yes('initials-class', 'sv', 'P.R 9A Vallaskolan behöver tolk tigrinja på utvecklingssamtalet, pappa analfabet'),
  yes('initials-class', 'sv', 'Trollbäcksskolan åk 3, I.S.: mamma på behandlingshem, bor hos mormor nu'),
  yes('initials-class', 'sv', 'Hur går det med A.V. i 7:an på Norrtull? hon åt väl inget förra veckan heller'),
  yes('initials-class', 'sv', 'N.P. 4A har kommit till skolan med brännmärken, ringer soc nu'),
  yes('initials-class', 'sv', 'SO 9C – hemmasittare sen september, hembesök fredag'),
];

const NICKNAME: Holdout5Message[] = [
  yes('nickname', 'sv', 'Mohammed (Mo) i 7A har börjat hänga med ett äldre gäng vid centrum'),
  yes('nickname', 'sv', 'Jonte i 8B stal en mobil igen och pappa tycker det är skolans fel'),
  yes('nickname', 'sv', 'Alexander ”Sasha” Petrov, 5B, har inte fått mat på hela helgen säger han'),
  yes('nickname', 'sv', 'lilla Mimmi på Blåbäret kom i blöt overall igen, tredje gången'),
  yes('nickname', 'sv', 'Mackan i 9C har slutat helt, mamma säger att han sover hela dagarna'),
  yes('nickname', 'sv', 'Kan nån ringa till Lollos mamma? Lollo i 3A grät hela förmiddagen och sa att pappa är borta'),
  yes('nickname', 'sv', 'Abdirahman (kallas Abdi) i 6B blev slagen vid busshållplatsen'),
  yes('nickname', 'sv', 'Nisse i 4C har fått ett nytt blåmärke – jag dokumenterar'),
  yes('nickname', 'sv', 'Sanna (Susanna) 8A skriver om självmord i sin dagbok, mentorn hittade den'),
  yes('nickname', 'sv', 'Vi kallar honom Kiki men han heter egentligen Kristian, 2B – hämtas av en ny man varje dag'),
  yes('nickname', 'sv', 'Pelle i 5A har fått ett andra LVU-beslut, han kommer inte tillbaka före jul'),
  yes('nickname', 'sv', 'Ebbe ”Bebben” från fritids har berättat om vapen hemma'),
  yes('nickname', 'sv', 'Nadja (Nadezhda) i 7D ska gifta sig i sommar säger kompisarna, hon är 14'),
  yes('nickname', 'sv', 'Jocke i 9A sålde snus till sexorna, pappa hämtade honom'),
  yes('nickname', 'sv', 'Fia på Ekdungen har klätt av sig i leken och sagt saker som oroar oss'),
  yes('nickname', 'sv', 'Ali ”Lillen” Hassan i 4D har inte varit hemma på två nätter'),
  yes('nickname', 'sv', 'Ronny (Ronaldo enligt alla) i 6A slog till en vikarie idag'),
  yes('nickname', 'sv', 'Stina-Lo i förskoleklassen säger att mamma sover jättemycket'),
  yes('nickname', 'sv', 'Måns aka Mansi 8C har fått ett hot via insta, vi har polisanmält'),
  yes('nickname', 'sv', 'Isse (Isak) 3B gömde sig under trappan när pappan kom'),
  yes('nickname', 'sv', 'Tessan i 9B berättade för mig att hennes styvpappa tar bilder på henne'),
  yes('nickname', 'sv', 'Sami (Samuel) i 1C blir inte hämtad, fritids får vänta till 18 igen'),
  yes('nickname', 'sv', 'Mille i 7B har fått diagnos och mamma vägrar medicin'),
  yes('nickname', 'sv', 'Lilla Zozo (Zohra) i 2A har hål i tänderna och ont hela tiden, tandvården anmäler'),
  yes('nickname', 'sv', 'Hampus ”Hampa” från Vallaskolan satt i polisbilen igår kväll'),
];

const SINGLED_OUT: Holdout5Message[] = [
  yes('singled-out', 'sv', 'pojken i 7C vars pappa greps förra veckan kom inte idag heller'),
  yes('singled-out', 'sv', 'Tjejen i 9B som försökte ta sitt liv i helgen är tillbaka på måndag, hur tar vi emot henne?'),
  yes('singled-out', 'sv', 'tvillingarna i 2A vars mamma lades in på psyk – vem hämtar dem idag?'),
  yes('singled-out', 'sv', 'Den nya eleven i 4D som kom från Eritrea i oktober bor ensam med sin storebror'),
  yes('singled-out', 'sv', 'Sonen till vaktmästaren på Hagalundskolan, han som går i 6A, har polisanmälts för misshandel'),
  yes('singled-out', 'sv', 'Den enda flickan i Lindbackas 8C som bär slöja blir trakasserad varje rast'),
  yes('singled-out', 'sv', 'killen i 5B som bröt armen på rasten i tisdags – mamma vill anmäla skolan'),
  yes('singled-out', 'sv', 'Dottern till rektorn på Tallmoskolan, hon i 9A, har setts med en 25-åring'),
  yes('singled-out', 'sv', 'eleven i 3C vars lillebror dog i somras har börjat prata om döden i varje lektion'),
  yes('singled-out', 'sv', 'Flickan i 7A som kom med polis till skolan i morse behöver stöd'),
  yes('singled-out', 'sv', 'Han i 8B som har fotboja nu – ska han ha egen schemaläggning?'),
  yes('singled-out', 'sv', 'Syskonen i 1B och 4B vars pappa utvisades i fredags'),
  yes('singled-out', 'sv', 'Pojken på Sjöängsskolan som bor på HVB-hemmet vid kyrkan rymde igen'),
  yes('singled-out', 'sv', 'Den gravida tjejen i 9C har fått tid på MVC, kuratorn följer med'),
  yes('singled-out', 'sv', 'Trillingarna på Ekdungens förskola – deras mamma ringde och sa att pappan har hittat adressen'),
  yes('singled-out', 'sv', 'Den enda rullstolsburna eleven i 6A blev inlåst på toa av klasskompisar'),
  yes('singled-out', 'sv', 'Hon i 5C vars pappa är polis har berättat att han slår mamma'),
  yes('singled-out', 'sv', 'eleven i 8A som blev knivhuggen vid Centrum i lördags är kvar på sjukhus'),
  yes('singled-out', 'sv', 'den yngsta i förberedelseklassen på Kvarnby, han som kom ensam från Afghanistan, har slutat sova'),
  yes('singled-out', 'sv', 'Brorsan till killen som dog i bilolyckan i oktober går i 7D, hur mår han?'),
  yes('singled-out', 'sv', 'Flickan i 3A vars mamma är sjuksköterska på akuten – hon kommer ensam 06.30 varje dag'),
  yes('singled-out', 'sv', 'Eleven i 9B som blev av med sin plats i familjehemmet ska till ett HVB i Umeå'),
  yes('singled-out', 'sv', 'Tvillingpojkarna i 2C som flyttade hit från Malmö i förra veckan har skabb'),
  yes('singled-out', 'sv', 'Den ukrainska tjejen i 6B vars pappa är kvar vid fronten har panikattacker'),
  yes('singled-out', 'sv', 'Pojken i 4A som alltid har samma tröja – mamma har tappat jobbet, fritids ger frukost'),
  yes('singled-out', 'sv', 'Hon som går i NA22 och jobbar på Max på kvällarna har blivit rånad'),
  yes('singled-out', 'sv', 'sonen till fritidsledaren på Vallaskolan, 8C, har åkt fast för langning'),
  yes('singled-out', 'sv', 'Den nya eleven i 5D som kom från skyddat boende i Norrköping – ingen får lämna ut att han går här'),
  yes('singled-out', 'sv', 'Flickan på Solängsskolan vars mamma blev mördad i våras har fått en ny familjehemsplacering'),
  yes('singled-out', 'sv', 'pojken i 1A som hittades ensam på perrongen i söndags kväll är tillbaka i skolan'),
];

const LOWERCASE: Holdout5Message[] = [
  yes('lowercase-name', 'sv', 'pratade med ayaan i 6b idag, han sover på soffan hos kusinen sen flera veckor'),
  yes('lowercase-name', 'sv', 'amra på fritids grät hela eftermiddagen och ville inte gå hem till pappa'),
  yes('lowercase-name', 'sv', 'har nån sett till mirza? han var inte på första lektionen och mamma svarar inte'),
  yes('lowercase-name', 'sv', 'orosanmälan gjord för hamza 8a, blåmärke på halsen'),
  yes('lowercase-name', 'sv', 'eetu har sagt till mig att hans mamma är full varje kväll'),
  yes('lowercase-name', 'sv', 'kan vi boka samtal med ifrahs föräldrar? hon har missat 20 lektioner'),
  yes('lowercase-name', 'sv', 'leyla karimi 9c behöver akut ett skyddat boende enligt soc'),
  yes('lowercase-name', 'sv', 'farhan blev hämtad av polisen från skolgården, mentor i chock'),
  yes('lowercase-name', 'sv', 'vilgot slog sig själv i huvudet igen idag, tredje gången den här veckan'),
  yes('lowercase-name', 'sv', 'sagal i 2a har berättat att hon ska till somalia och "bli vuxen" i sommar 😟'),
  yes('lowercase-name', 'sv', 'ok men vem ska prata med kidane? han vet inte att mamma är inlagd'),
  yes('lowercase-name', 'sv', 'darya rezaei hemmasittare sen v 38, hembesök bokat'),
  yes('lowercase-name', 'sv', 'fick mejl från nours mamma att nour inte får gå på skolresan för att pappa säger nej'),
  yes('lowercase-name', 'sv', 'aleksander i 4c säger att han är rädd för sin styvpappa'),
  yes('lowercase-name', 'sv', 'siri har haft ont i magen varje måndag sen umgänget med pappan började'),
  yes('lowercase-name', 'sv', 'yonas tesfaye, 7b – frånvaro 52 % i november, eskalerar till soc'),
  yes('lowercase-name', 'sv', 'lämnade en lapp till esra om kuratorstid, hon vill inte prata hemma om det'),
  yes('lowercase-name', 'sv', 'jag tror att noor och hennes lillasyster inte äter hemma, de tar tre portioner i matsalen'),
  yes('lowercase-name', 'sv', 'tog emot anmälan om hugo lindqvist i 5a, misstänkt sexuella övergrepp av granne'),
  yes('lowercase-name', 'sv', 'bashir har sagt till klassen att han har en kniv hemma'),
  yes('lowercase-name', 'sv', 'mamma till lina ringde och grät, pappan har tagit passen'),
  yes('lowercase-name', 'sv', 'julia i 3c har berättat att mamma slår henne med sladd'),
  yes('lowercase-name', 'sv', 'omid har inte fått någon lunchlåda och säger att det inte finns pengar hemma'),
  yes('lowercase-name', 'sv', 'vi ringde upp emilias pappa men han lade på, emilia vågar inte gå hem'),
  yes('lowercase-name', 'sv', 'ska vi lyfta tuvas frånvaro på eht? tuva sa att hon tar hand om småsyskonen på dagarna'),
];

const SPLIT_NAME: Holdout5Message[] = [
  yes('split-name', 'sv', `Ay${ZW}aan i 6B kom med blåmärke under ögat idag`),
  yes('split-name', 'sv', `Hod${ZWJ}an War${ZWJ}same har inte varit i skolan på tre veckor, soc kopplad`),
  yes('split-name', 'sv', `Lej${WJ}la från 3A berättade att pappa har slagit mamma`),
  yes('split-name', 'sv', `Orosanmälan om Mer${BOM}on, 7C, skickad till IFO`),
  yes('split-name', 'sv', `Jo${SHY}va${SHY}na i tvåan bor nu hos mormor efter polisingripandet`),
  yes('split-name', 'sv', `Kac${ZWNJ}per Nowak 5D har rymt hemifrån igen`),
  yes('split-name', 'sv', `Samtal med S${ZW}e${ZW}l${ZW}a${ZW}m idag, hon vill inte åka hem till sin farbror`),
  yes('split-name', 'sv', `Vi behöver hjälp med Mu${WJ}ham${WJ}med Ali i 8B som hotat en lärare med kniv`),
  yes('split-name', 'sv', `Elsa${ZW} Berg${ZW}ström (4A) har skadat sig själv igen`),
  yes('split-name', 'en', `Yu${ZWJ}suf in year 8 told the counsellor his uncle locks him in at night`),
];

const ENGLISH: Holdout5Message[] = [
  yes('english', 'en', 'Yusuf in 4B at Trollbäcksskolan told his teacher his stepdad hits him with a belt'),
  yes('english', 'en', 'Quick one: Amina Yusuf, year 9 at Vallaskolan, has not been in school since the autumn break'),
  yes('english', 'en', 'Liam from 6A disclosed that his mum leaves him alone for days'),
  yes('english', 'en', 'the girl in 8C whose brother was shot in October is really struggling, can the counsellor see her today?'),
  yes('english', 'en', 'Can we discuss Hana (7D) at the pupil health meeting? Suspected forced marriage.'),
  yes('english', 'en', 'Noah Andersson year 3 Hagalund came in with burn marks on both hands'),
  yes('english', 'en', 'FYI referral sent for Sara Mohammadi 5C, mum is back in rehab'),
  yes('english', 'en', 'I spoke to Daniel in 9A – he says his dad keeps a gun under the bed'),
  yes('english', 'en', 'The twins in 1B whose father was deported last Friday were picked up by an aunt'),
  yes('english', 'en', 'Mustafa at Kvarnbyskolan (prep class) is sleeping in the stairwell of his building'),
  yes('english', 'en', 'Olivia in year 7 has been self-harming again, the school nurse saw fresh cuts'),
  yes('english', 'en', 'Marcus Lindberg 8B was arrested for robbery on Saturday, social services informed'),
  yes('english', 'en', 'The only boy in 5A who uses a wheelchair was locked in the toilet by classmates'),
  yes('english', 'en', 'Leila from 2C said her dad told her not to talk to the teachers about home'),
  yes('english', 'en', 'Who has Ahmed in 6B? His mum called crying, the family is being evicted on Monday'),
  yes('english', 'en', 'can someone follow up on Fatima Ali (9C)? Safeguarding concern, she has a much older boyfriend'),
  yes('english', 'en', "Mia year 4 Solängsskolan hasn't been picked up after school three times this week"),
  yes('english', 'en', 'Elijah in 3A told me "mummy doesn\'t wake up in the mornings"'),
  yes('english', 'en', "The headteacher's son, the one in 8A, was caught dealing at the bus station"),
  yes('english', 'en', 'Report filed re: Omar Farah, year 7 Norrtullsskolan – bruises on his back'),
  yes('english', 'en', 'Jasmine (7C) is pregnant and asked us not to tell her parents'),
  yes('english', 'en', 'Karim in the sixth grade at Lindbacka ran away from his foster home again last night'),
  yes('english', 'en', 'Update on Emma Nilsson 2B: placed with her grandparents as of today'),
  yes('english', 'en', 'The new boy in 4D who arrived from Syria in September has nightmares every night according to his foster mum'),
  yes('english', 'en', 'Adam from year 9 at Ängsbacka threatened to kill a classmate on Snapchat'),
  yes('english', 'en', 'We have a kid in 6C, Rania, who is caring for her mum with MS and missing most mornings'),
  yes('english', 'en', 'Lucas in class 5B has been coming to school hungry and stealing food from lunch boxes'),
  yes('english', 'en', 'Hamid, year 8, Sjöängsskolan: police interviewed him today about the stabbing'),
  yes('english', 'en', 'heads up – Zainab in 3C told the after-school staff that her uncle touches her'),
  yes('english', 'en', 'The girl in 9B who tried to overdose at the weekend is coming back on Monday, how do we support her?'),
];

const PARENT_CONTACT: Holdout5Message[] = [
  yes('parent-contact', 'sv', 'Mamman till eleven vi pratade om nås på 070-312 45 67, hon vill ha samtal om orosanmälan'),
  yes('parent-contact', 'sv', 'pappan bor på Storgatan 14 B lgh 1102, barnen får inte lämnas ut dit enligt beslutet'),
  yes('parent-contact', 'sv', 'Polisen vill ha mammans nr: 073-555 12 90 gällande utredningen om sonen'),
  yes('parent-contact', 'sv', 'Hembesök idag hos familjen på Kastanjevägen 7, Rydsgård – barnen var ensamma hemma'),
  yes('parent-contact', 'sv', 'skolan har fel nummer till pappan, rätt är 0762 48 91 03, han ska kallas till möte om dottern'),
  yes('parent-contact', 'sv', 'Mormor som har barnen nu bor på Björkvägen 23 i Vallby, telefon 070 118 22 47'),
  yes('parent-contact', 'sv', 'Ring mamman på +46 72 345 67 81 angående placeringen av pojken'),
  yes('parent-contact', 'sv', 'Adress till vårdnadshavare för flickan i 3B: Lindgatan 5, 1 tr, 723 41 Västerås'),
  yes('parent-contact', 'sv', 'pappans mobil 0709-88 12 34 – han har kontaktförbud, skolan får INTE lämna ut något'),
  yes('parent-contact', 'sv', 'Orosanmälan: familjen bor på Ekbacken 12 och grannar hör skrik från barnen varje natt'),
  yes('parent-contact', 'sv', 'mammans nya adress är Solrosgatan 3 lgh 1204, barnen byter skola efter jul'),
  yes('parent-contact', 'sv', 'nr till pappa som vill anmäla skolan pga sonens skada: 070-221 90 88'),
  yes('parent-contact', 'sv', 'Vårdnadshavare (mamma) 0735-664 211, tolk arabiska, gäller utredning av dottern'),
  yes('parent-contact', 'en', 'The mum of the boy in 6A can be reached on 070-456 78 12, she wants to talk about the report'),
  yes('parent-contact', 'en', 'Home visit at Parkvägen 18, Tallbo – the children had no food in the fridge'),
  yes('parent-contact', 'sv', 'soc behöver pappans adress för delgivning: Hagtornsgatan 9 C, lgh 1001'),
  yes(
    'parent-contact',
    'sv',
    'Förskolan har fått ett sms från 072-909 33 18, det är mamman till flickan på Blåbäret som säger att pappan kommer och hämtar trots förbud',
  ),
  yes('parent-contact', 'sv', 'familjen har flyttat till Rönnbärsvägen 41 i Kvarnby, skolskjuts för syskonen behövs'),
  yes('parent-contact', 'sv', 'Kuratorn fick mammans nummer 0701234588 och ska ringa om sonens självskadebeteende'),
  yes('parent-contact', 'sv', 'barnens pappa: Vinkelgatan 2, 3 tr. Polisen har varit där i natt igen'),
];

const NAME_BUP: Holdout5Message[] = [
  yes('name-bup-diagnosis', 'sv', 'Elias på BUP sen i våras, ingen förbättring enligt mamma'),
  yes('name-bup-diagnosis', 'sv', 'Nour har fått adhd-diagnos, vi behöver anpassa schemat'),
  yes('name-bup-diagnosis', 'sv', 'Ebba på HAB – ny utredning om intellektuell funktionsnedsättning'),
  yes('name-bup-diagnosis', 'sv', 'Darya – autism och selektiv mutism, behöver egen grupp'),
  yes('name-bup-diagnosis', 'sv', 'Kevin Johansson på BUP akut i natt efter överdos'),
  yes('name-bup-diagnosis', 'sv', 'Mirela har diagnos PTSD efter kriget, psykologen rekommenderar färre övergångar'),
  yes('name-bup-diagnosis', 'sv', 'Hussein på HAB har fått nya hörapparater men vill inte använda dem'),
  yes('name-bup-diagnosis', 'sv', 'Alma på BUP:s ätstörningsenhet väger 38 kg nu'),
  yes('name-bup-diagnosis', 'sv', 'Teodor har diagnosen Tourette, mamma vill att klassen informeras'),
  yes('name-bup-diagnosis', 'sv', 'Nahom på BUP väntar på utredning för ADD sen 14 månader'),
  yes('name-bup-diagnosis', 'sv', 'Ella – epilepsi, nya anfall på rasten två gånger, skolsköterskan informerad'),
  yes('name-bup-diagnosis', 'sv', 'Mahmoud har fått diagnosen depression och medicineras sen oktober'),
  yes('name-bup-diagnosis', 'sv', 'Wilmer på HAB ska få assistent i skolan från januari'),
  yes('name-bup-diagnosis', 'sv', 'Freja – anorexi, inlagd på BUP heldygn sen i måndags'),
  yes('name-bup-diagnosis', 'sv', 'Amir Hosseini på BUP för tvångssyndrom, tvättar händerna tills de blöder'),
  yes('name-bup-diagnosis', 'sv', 'Ronja har typ 1-diabetes och ingen vuxen hemma som kan hjälpa med insulinet'),
  yes('name-bup-diagnosis', 'sv', 'Ahmad på BUP:s traumamottagning sen han kom från Gaza'),
  yes('name-bup-diagnosis', 'sv', 'Linnea har FAS enligt utredningen, familjehemmet behöver avlastning'),
  yes('name-bup-diagnosis', 'en', 'Filip is at BUP for self-harm, his mum asked us to keep an eye on him at break'),
  yes('name-bup-diagnosis', 'en', 'Maryam has an autism diagnosis now and the HAB team wants a meeting with her class teacher'),
];

// ---------------------------------------------------------------- not identifiable (160)

const STAFF_LOGISTICS: Holdout5Message[] = [
  no('staff-logistics', 'sv', 'Kerstin är sjuk idag, Johan tar hennes SIP-möten'),
  no('staff-logistics', 'sv', 'Amir tar över hans SIP-möten medan Per är föräldraledig'),
  no('staff-logistics', 'sv', 'Fatima går på utbildning i MI torsdag–fredag, hänvisa till mig'),
  no('staff-logistics', 'sv', 'Mattias har bokat rum Ekorren 13–15 för ärendedragning'),
  no('staff-logistics', 'sv', 'Hanna jobbar hemifrån idag, nås på Teams'),
  no('staff-logistics', 'sv', 'vab för mig idag 🤒 Sofia täcker upp i mottagningsgruppen'),
  no('staff-logistics', 'sv', 'Mirja är tillbaka från sjukskrivning på måndag, 50 % första månaden'),
  no('staff-logistics', 'sv', 'Ahmed och Lena åker på BBIC-utbildningen i Örebro 12/1, tåget går 07.14'),
  no('staff-logistics', 'sv', 'Nikola har semester v. 52–1, Emina har hans jourtelefon'),
  no('staff-logistics', 'sv', 'Tack Zeynep för fikat igår!! 🍰'),
  no('staff-logistics', 'sv', 'Jukka tar över ärendedragningen efter att Malin slutat'),
  no('staff-logistics', 'sv', 'Anders har bytt telefon, ny anknytning kommer i eftermiddag'),
  no('staff-logistics', 'sv', 'Påminnelse: Negash håller i APT på onsdag, lägg till punkter i dokumentet'),
  no('staff-logistics', 'sv', 'Pernilla och Yasmin har bytt pass på fritids torsdag'),
  no('staff-logistics', 'sv', 'Kan någon ta Idas handledningsgrupp på fredag? Hon är på kurs'),
  no('staff-logistics', 'sv', 'Dragan slutar hos oss 31/12, avtackning i personalrummet kl 14 den 18/12'),
  no('staff-logistics', 'sv', 'Elin är föräldraledig från februari, vikarie rekryteras'),
  no('staff-logistics', 'sv', 'Samuel har bokat stora konferensrummet för Signs of Safety-workshop'),
  no('staff-logistics', 'sv', 'Birgitta tar emot nya anmälningar v. 50, Robert v. 51'),
  no('staff-logistics', 'sv', 'Ali är sjuk resten av veckan – hans hembesök flyttas, jag mejlar familjerna'),
  no('staff-logistics', 'sv', 'Kristina har fått ny tjänst som 1:e socialsekreterare 🎉 grattis!'),
  no('staff-logistics', 'sv', 'Petra kör bilen till Kvarnby idag, bilbokningen är ändrad'),
  no('staff-logistics', 'sv', 'Dilan och Oskar går på traumaforum tisdag förmiddag'),
  no('staff-logistics', 'sv', 'Tomas har glömt laddaren på kontoret, nån som kan ta med den?'),
  no('staff-logistics', 'sv', 'Annika och Hodan delar rum 3 fr.o.m. januari'),
  no('staff-logistics', 'en', 'Sarah is off sick today, Martin will cover her SIP meetings'),
  no('staff-logistics', 'en', 'Reminder: Jonas is running the Signs of Safety refresher on Thursday at 9'),
  no('staff-logistics', 'en', 'Aisha is on annual leave until the 8th, please send duty calls to Peter'),
  no('staff-logistics', 'sv', 'Marianne ska på tandläkaren kl 10, tillbaka efter lunch'),
  no('staff-logistics', 'sv', 'Ville tar över Kaisas ärenden under hennes tjänstledighet'),
];

const PROFESSIONAL: Holdout5Message[] = [
  no('professional-title', 'sv', 'Dr. Lindqvist på BUP-mottagningen har semester v. 52, remisser till Dr. Haddad'),
  no('professional-title', 'sv', 'rektor Anna Sjöberg vill ha underlaget till fredag'),
  no('professional-title', 'sv', 'Kurator Sami Heikkinen är tillbaka på måndag'),
  no('professional-title', 'sv', 'Skolsköterskan Birgitta Ek har flyttat sin mottagning till plan 2'),
  no('professional-title', 'sv', 'Specialpedagog Leila Ahmadi håller i fortbildningen om NPF på studiedagen'),
  no('professional-title', 'sv', 'Enhetschef Jonas Berglund godkänner tjänsteresan'),
  no('professional-title', 'sv', 'Vi har bjudit in psykolog Marta Kowalska till EHT i januari'),
  no('professional-title', 'sv', 'Socialsekreterare Habiba Nur tar mottagningstelefonen under förmiddagen'),
  no('professional-title', 'sv', 'Överläkare Erik Ståhl från BUP föreläser om ångest hos unga 3/2'),
  no('professional-title', 'sv', 'Biträdande rektor Tarik Begović är kontaktperson för skolskjutsarna'),
  no('professional-title', 'sv', 'Skolpsykolog Anu Laine har nya telefontider: mån och ons 8–9'),
  no('professional-title', 'sv', 'familjebehandlare Sebastian Kahn börjar hos oss 1 februari'),
  no('professional-title', 'sv', 'Förvaltningschef Ulla Rydén skickar ut budgetbeskedet i morgon'),
  no('professional-title', 'sv', 'Studie- och yrkesvägledare Mehmet Yilmaz har drop-in i biblioteket'),
  no('professional-title', 'en', 'Dr. Okafor from the paediatric clinic will join the network meeting on Tuesday'),
  no('professional-title', 'en', 'Our new head of unit, Karin Holm, starts on 1 February'),
  no('professional-title', 'en', 'School nurse Tiina Korhonen is on a course all week'),
  no('professional-title', 'sv', 'Rektor på Vallaskolan, Ibrahim Said, har bett om en ny rutin för frånvaroanmälan'),
  no('professional-title', 'sv', 'Fritidspedagog Lotta Åberg är ansvarig för julavslutningen'),
  no('professional-title', 'sv', 'Jurist Fredrik Nyman svarar på frågor om LVU-ansökningar på torsdag'),
];

const ORG_NUMBER: Holdout5Message[] = [
  no('org-number', 'sv', `Faktura ska ställas till org.nr ${orgnr('212000', '204')}, märk med ansvar 4410`),
  no('org-number', 'sv', `HVB-hemmet har organisationsnummer ${orgnr('556781', '342')}, avtalet gäller t.o.m. 2027`),
  no('org-number', 'sv', `Leverantör: Familjestöd Norr AB (${orgnr('559123', '874')})`),
  no('org-number', 'sv', `orgnr ${orgnr('802451', '093').replace('-', '')} – föreningen som har fritidsgården`),
  no('org-number', 'sv', `Kan nån kolla om ${orgnr('556034', '117')} har F-skatt? Det är konsultbolaget`),
  no('org-number', 'sv', `Stiftelsen Ungstöd, org nr ${orgnr('802003', '651')}, söker samverkan`),
  no('org-number', 'sv', `Ramavtal familjehemskonsulent: ${orgnr('559876', '220')} och ${orgnr('556612', '908')}`),
  no('org-number', 'en', `Invoice to the municipality, company reg. no. ${orgnr('212000', '315')}`),
  no('org-number', 'sv', `Tolkbyrån (org.nr ${orgnr('556450', '733')}) har nya priser från 1/1`),
  no('org-number', 'sv', `Kommunens orgnr är ${orgnr('212000', '428')}, används i upphandlingen`),
  no('org-number', 'sv', `Behandlingshemmet Lärkan AB ${orgnr('559201', '564')} har fått IVO-tillstånd`),
  no('org-number', 'sv', `Bidrag till föreningen ${orgnr('802516', '047')} beviljat 40 000 kr`),
  no('org-number', 'sv', `Bolaget ${orgnr('556987', '186')} tar över skolskjutsen`),
  no('org-number', 'sv', `Region: ${orgnr('232100', '019')}, BUP faktureras dit`),
  no('org-number', 'sv', `PO-nummer 44821, leverantör ${orgnr('556200', '955')}, konto 6550`),
];

const DATES: Holdout5Message[] = [
  no('dates', 'sv', 'Möte 2026-12-14 kl 09.00 i Lärkan, ta med statistik'),
  no('dates', 'sv', 'v. 51 stänger vi 23/12 kl 13 och öppnar 2027-01-07'),
  no('dates', 'sv', 'Deadline för verksamhetsberättelsen: 2027-01-15'),
  no('dates', 'sv', 'Studiedagar 2027-01-08, 2027-03-22 och 2027-06-14'),
  no('dates', 'sv', 'Lönen kommer 2026-12-23 pga jul'),
  no('dates', 'sv', 'APT flyttas från 20261210 till 20261217'),
  no('dates', 'en', 'The inspection is scheduled for 2027-02-09 to 2027-02-11'),
  no('dates', 'sv', 'Reviderad rutin gäller fr.o.m. 2026-11-01, ersätter den från 2024-05-20'),
  no('dates', 'sv', 'Sportlov v. 9 (2027-03-01–2027-03-05), påsklov 2027-03-29–2027-04-02'),
  no('dates', 'sv', 'Julbord 12/12 kl 18:30, anmälan senast 2026-12-05 👍'),
];

const OFFICE_PHONE: Holdout5Message[] = [
  no('office-phone', 'sv', 'Socialjouren nås på 08-123 456 78 efter kl 17'),
  no('office-phone', 'sv', 'Ring växeln 0771-55 55 00 om ni inte når handläggaren'),
  no('office-phone', 'sv', 'Orosanmälningar tas emot dagtid på 021-39 00 00'),
  no('office-phone', 'sv', 'BUP-mottagningens nya nummer: 010-456 12 00'),
  no('office-phone', 'sv', 'Elevhälsans gemensamma telefon 0498-26 91 40, bemannad 8–12'),
  no('office-phone', 'sv', 'Kvinnojourens nummer ska sitta på anslagstavlan: 020-50 50 50'),
  no('office-phone', 'sv', 'Expeditionen på Tallmoskolan: 0155-24 60 10'),
  no('office-phone', 'sv', 'Tolkförmedlingen har nytt nummer 031-366 00 00, gamla slutar gälla 1/1'),
  no('office-phone', 'sv', 'Familjecentralen Solängen 0480-45 00 00 – öppen förskola tis och tor'),
  no('office-phone', 'en', 'Out-of-hours social services: +46 8 508 400 00'),
  no('office-phone', 'sv', 'Polisen 114 14 för anmälningar som inte är akuta'),
  no('office-phone', 'sv', 'BRIS vuxentelefon 077-150 50 50, bra att tipsa föräldrar om'),
  no('office-phone', 'sv', 'Skolskjutsens trafikledning: 0771-91 92 00'),
  no('office-phone', 'sv', 'IT-supporten: 020-12 34 56, ärendenummer behövs'),
  no('office-phone', 'sv', 'Ungdomsmottagningen har drop-in ons 15–18, tel 019-602 35 00'),
];

const INVENTED: Holdout5Message[] = [
  no('invented-case', 'sv', 'Påhittat fall till utbildningen: Lisa, 9 år, i 3B berättar att pappa slår. Vad gör ni?'),
  no('invented-case', 'en', 'Case study for Thursday: Ahmed, 14, year 8, has missed 60 % of lessons. Discuss in groups.'),
  no('invented-case', 'sv', 'fiktivt exempel: Kalle 12 år på Lindbackaskolan har blåmärken – hur dokumenterar vi?'),
  no('invented-case', 'en', 'Made-up scenario for the training: a girl in 9C tells her mentor she will be married off in the summer'),
  no('invented-case', 'sv', 'Övningsfall (påhittat): Mohammed i 6A har inte ätit lunch på en vecka'),
  no('invented-case', 'sv', 'Detta är ett påhittat fall för BBIC-övningen: familjen Svensson med tre barn, yngsta 2 år'),
  no('invented-case', 'en', 'Fictional case for the workshop: "Emma, 11, tells the school nurse that her stepdad hurts her"'),
  no('invented-case', 'sv', 'Rollspel på APT – fiktiv elev "Nora i 7B" som vägrar gå till skolan. Ni får roller i morgon.'),
  no('invented-case', 'sv', 'påhittat fall 3: Jamal, 15 år, grips för rån. Vilka insatser är aktuella enligt SoL?'),
  no('invented-case', 'en', 'This is a made-up example, not a real pupil: Oscar in 5A has bruises on his arms on Mondays'),
  no('invented-case', 'sv', 'Fiktivt fall till handledningen: Sara, 16, på Ängsbacka har en 30-årig pojkvän'),
  no('invented-case', 'en', 'Case study (fictional): twins in year 2 whose mum has a substance use problem'),
  no('invented-case', 'sv', 'Exempel (påhittat!) till introduktionen för nyanställda: Leo i 4C kommer hungrig varje dag'),
  no('invented-case', 'sv', 'Övning på studiedagen, påhittat fall: flickan i 8A vars pappa sitter i fängelse'),
  no('invented-case', 'en', 'For the seminar, a fictional vignette: Amir, 13, at a made-up school, discloses violence at home'),
  no('invented-case', 'sv', 'påhittat fall till nätverksträffen: Elin på förskolan Myran som kommer med smutsiga kläder'),
  no('invented-case', 'sv', 'Fiktiv vinjett (alla namn påhittade): Hassan 10 år bor med sin morbror'),
  no('invented-case', 'en', 'Training case study – "Maya, year 6" – is attached, all details are made up'),
  no('invented-case', 'sv', 'Påhittat fall för MI-övningen: en pappa vars son i 9:an har börjat vejpa'),
  no('invented-case', 'sv', 'Fiktivt fall till tentan: Johanna, 15, ensamkommande, bor på HVB Kvarnbacken'),
];

const GROUP_TALK: Holdout5Message[] = [
  no('group-talk', 'sv', 'flera elever i 7:orna har börjat vejpa på toaletterna'),
  no('group-talk', 'sv', 'Många i åk 9 stressar inför NP, kan vi ha en lugn studiestund?'),
  no('group-talk', 'sv', 'Frånvaron i 8:orna har ökat till 14 % i snitt'),
  no('group-talk', 'sv', 'Ett tiotal elever på Vallaskolan har fått snapchatmeddelanden med hot, polisen informerad'),
  no('group-talk', 'sv', 'Hela 4B har haft vinterkräksjuka denna vecka 🤢'),
  no('group-talk', 'sv', 'Eleverna i förberedelseklassen behöver fler studiehandledare på arabiska och tigrinja'),
  no('group-talk', 'sv', 'Flickorna i åk 6 vill ha egen tid i idrottshallen'),
  no('group-talk', 'sv', 'Några av sexorna har fått dåliga ord om varandra i en gruppchatt, vi har klassråd i morgon'),
  no('group-talk', 'sv', 'Gymnasiets ettor får prao vecka 12'),
  no('group-talk', 'sv', '30 % av eleverna på Kvarnbyskolan äter inte frukost enligt elevenkäten'),
  no('group-talk', 'sv', 'Nyanlända barn på förskolorna ökar, vi behöver fler platser i Ekdungen'),
  no('group-talk', 'en', 'Several pupils in year 7 have been vaping in the toilets'),
  no('group-talk', 'en', 'Attendance in the year 9 classes dropped to 86 % in November'),
  no('group-talk', 'sv', 'Hemmasittarna i kommunen är fler i år, ca 40 st enligt kartläggningen'),
  no('group-talk', 'sv', 'Alla 3:or ska ha trygghetsvandring på tisdag'),
  no('group-talk', 'sv', 'Eleverna i 5A och 5B blandas i nya grupper efter jul'),
  no('group-talk', 'sv', 'Vi ser fler orosanmälningar gällande tonårsflickor än förra året'),
  no('group-talk', 'sv', 'barnen på Blåbäret har haft löss, lapp hem till alla'),
  no('group-talk', 'sv', 'Klassen 8C har tagit hand om skolans julinsamling 🎄'),
  no('group-talk', 'en', 'Many of the kids in the after-school club need a quieter room, any ideas?'),
];

const FICTION: Holdout5Message[] = [
  no('fiction', 'sv', 'Vi läser Pippi Långstrump i 2A, Pippi bor ensam i Villa Villekulla – bra diskussion om vuxna'),
  no('fiction', 'sv', 'Emil i Lönneberga sitter i snickerboa igen haha, 3:orna älskar den boken'),
  no('fiction', 'sv', 'Filmen om Ronja Rövardotter visas i aulan fredag kl 10'),
  no(
    'fiction',
    'en',
    'Year 5 are reading Harry Potter – Harry lives in the cupboard under the stairs, good for talking about neglect in a safe way',
  ),
  no('fiction', 'sv', 'Alfons Åberg-temat på förskolan fortsätter hela december'),
  no('fiction', 'sv', 'Karlsson på taket är med i julspelet, 4B spelar'),
  no('fiction', 'en', 'Matilda (the Roald Dahl one) is the class book in 6C this term'),
  no('fiction', 'sv', 'Bamse-tidningen om mobbning är jättebra att dela ut i ettan'),
  no('fiction', 'sv', 'Mio, min Mio – vi ska se filmen med 4:orna efter läsningen'),
  no('fiction', 'sv', 'Lärarhandledningen till "Vi på Saltkråkan" ligger i den delade mappen'),
];

const MEETING_ROOM: Holdout5Message[] = [
  no('meeting-room', 'sv', 'EHT-möte flyttat till sal 214, kl 13.15'),
  no('meeting-room', 'sv', 'Rum B3.012 är bokat för nätverksmöte 10–11.30'),
  no('meeting-room', 'sv', 'Ärendedragning kl 08:30 i Tallen (plan 4), länk i kallelsen'),
  no('meeting-room', 'sv', 'SIP-mötet i morgon är i konferensrum Hägern 1, kl 14–15'),
  no('meeting-room', 'en', 'Team meeting moved to room 3.14 at 10:00, coffee provided ☕'),
  no('meeting-room', 'sv', 'Samverkansmöte skola–soc onsdagar 9.00–10.30 i rum 118'),
  no('meeting-room', 'sv', 'Lärkan och Svalan är dubbelbokade kl 13, kan nån flytta?'),
  no('meeting-room', 'sv', 'Tisdagens EHT börjar 08.10 i biblioteket, inte i 2:32'),
  no('meeting-room', 'sv', 'Handledning med extern handledare i rum 4-102 varannan torsdag 13–14.30'),
  no('meeting-room', 'sv', 'Nytt Teams-möte för kvalitetsgruppen: 16/12 10:00–11:00'),
];

const CASE_REF: Holdout5Message[] = [
  no('case-ref', 'sv', 'Uppföljning enligt SAM-4HW82RZT, samtycke finns'),
  no('case-ref', 'sv', 'se SAM-Q9T2M4XD inför mötet'),
  no('case-ref', 'sv', 'Ärendet SAM-7PK3LC9N tas upp på torsdag'),
  no('case-ref', 'sv', 'SAM-X2R8VB5M och SAM-H6N3TQ7W har samma handläggare nu'),
  no('case-ref', 'en', 'Follow-up on SAM-3ZD9FK2P next week, consent in force'),
  no('case-ref', 'sv', 'kan nån kolla om SAM-M8C4YW1J har fått beslut?'),
  no('case-ref', 'sv', 'SAM-B5T7QR3K: nätverksmöte 10/12 kl 9 i rum 214'),
  no('case-ref', 'sv', 'Punkt 3: SAM-J2W9XN6E – uppföljning av insats'),
  no('case-ref', 'sv', 'Samtycket för SAM-K4P8DL2V löper ut 2027-01-31'),
  no('case-ref', 'en', 'Agenda item: SAM-R7G3HM5U review of placement'),
];

export const HOLDOUT5: Holdout5Message[] = [
  ...PNR,
  ...NAME_CLASS,
  ...INITIALS_CLASS,
  ...NICKNAME,
  ...SINGLED_OUT,
  ...LOWERCASE,
  ...SPLIT_NAME,
  ...ENGLISH,
  ...PARENT_CONTACT,
  ...NAME_BUP,
  ...STAFF_LOGISTICS,
  ...PROFESSIONAL,
  ...ORG_NUMBER,
  ...DATES,
  ...OFFICE_PHONE,
  ...INVENTED,
  ...GROUP_TALK,
  ...FICTION,
  ...MEETING_ROOM,
  ...CASE_REF,
];
