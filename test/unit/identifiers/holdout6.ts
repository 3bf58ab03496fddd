// Held-out corpus #6 for the consent gate, written blind on 2026-12-03 by a helper session that never opened the
// detector (nothing under src/ was opened, listed or searched) and did not read the earlier corpora's messages (only
// holdout5.test.ts and the header, interface and number helpers of holdout5.ts, lines 1-120, were read for format).
// 260 invented Teams messages as social workers, school counsellors, teachers, rektorer, BUP/health staff and
// managers write them: 160 identifiable, 100 tricky negatives; 184 Swedish, 76 English.
//   identifiable: pnr 27, name-class 33, name-context 28, singled-out 28, initials 8, nickname 8, contact 28
//                 (English among them: 41)
//   negatives:    staff-logistics 18, professional-title 12, invented-case 12, fiction 8, office-phone 8,
//                 org-number 7, dates 7, group-talk 10, case-ref 10, meeting-room 8 (English among them: 35)
// Every personnummer and samordningsnummer below is built by the helper in this file (real calendar date,
// samordningsnummer = day + 60, Luhn check digit computed here); every organisation number has a month >= 20.
// All names, pupils, schools, phone numbers, e-mail addresses and street addresses are made up.

export interface Holdout6Message {
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

const p1 = pnr('20140312', '258');
const p2 = pnr('20120827', '643');
const p3 = pnr('20160105', '319');
const p4 = pnr('20100619', '482');
const p5 = pnr('20130224', '576');
const p6 = pnr('20111030', '207');
const p7 = pnr('20090511', '834');
const p8 = pnr('20150908', '461');
const p9 = pnr('20120403', '195');
const p10 = pnr('19240807', '023');
const p11 = pnr('20171214', '358');
const p12 = pnr('20100716', '529');
const p13 = pnr('20140129', '684');
const p14 = pnr('20180622', '702');
const p15 = pnr('20130418', '246');
const p16 = pnr('20191103', '831');
const p17 = pnr('20110915', '397');
const p18 = pnr('20100227', '553');
const p19 = pnr('20160731', '128');
const p20 = pnr('20120109', '475');
const p21 = pnr('20120119', '475');
const p22 = pnr('20150506', '862');
const p23 = pnr('20091122', '314');
const p24 = pnr('20200310', '547');
const p25 = pnr('20111208', '689');
const p26 = pnr('20140817', '932');
const p27 = pnr('19870423', '156');
const s1 = pnr('20100304', '271', true);
const s2 = pnr('20090628', '436', true);
const s3 = pnr('20171009', '593', true);

const yes = (kind: string, lang: 'sv' | 'en', text: string): Holdout6Message => ({ text, identifiable: true, kind, lang });
const no = (kind: string, lang: 'sv' | 'en', text: string): Holdout6Message => ({ text, identifiable: false, kind, lang });

// ---------------------------------------------------------------- identifiable (160)

const IDENTIFIABLE: Holdout6Message[] = [
  // personnummer / samordningsnummer (27)
  yes('pnr', 'sv', `Kan någon kolla om det finns en aktualisering på ${p1.ten}? Skolan ringde i morse.`),
  yes('pnr', 'sv', `pnr: ${p2.twelve} – orosanmälan inkom 14:20, handläggare ej utsedd än`),
  yes('pnr', 'sv', `Hej! Behöver journalkopia för ${p3.d}${p3.n} inför SIP nästa vecka 🙏`),
  yes('pnr', 'sv', `Barnen i familjen: ${p4.ten}, ${p5.ten}. Mamman vill ha tolk (arabiska).`),
  yes('pnr', 'sv', `${s1.ten} är ett samordningsnummer, pojken har inget pnr än. Skatteverket har inte svarat.`),
  yes('pnr', 'sv', `<at>Lena Holm</at> kan du lägga upp en akt på ${p6.dashed}? Jag har inte behörighet i Treserva`),
  yes('pnr', 'en', `Could someone check ${p7.twelve} in the system? The school nurse says there are new bruises.`),
  yes('pnr', 'sv', `Flickan (${p8.ten}) har inte varit i skolan sedan v. 44`),
  yes('pnr', 'sv', `${p9.d} ${p9.n} – LVU-ansökan skickas till förvaltningsrätten idag`),
  yes('pnr', 'sv', `Gammelfarmor ${p10.d}+${p10.n} vill bli kontaktperson för barnen, är det ens aktuellt med tanke på hennes ålder?`),
  yes('pnr', 'sv', `Kopierat från utredningen: ${p11.d}–${p11.n}. Stämmer det med det ni har på förskolan?`),
  yes('pnr', 'en', `pnr ${p12.ten} — the boy placed at the HVB last Friday, I need the decision date`),
  yes('pnr', 'sv', `Ny anmälan på syskonen ${p13.twelve} och ${p14.twelve}, samma adress som förra gången.`),
  yes('pnr', 'sv', `kan du slå upp ${p15.d}-${p15.n} i procapita, vet inte om hon har en pågående insats`),
  yes('pnr', 'sv', `Personnr ${p16.c}${p16.d}-${p16.n} saknas i remissen till BUP, kan du komplettera?`),
  yes('pnr', 'en', `Samordningsnummer ${s2.ten} – she arrived last month with her uncle, no legal guardian yet.`),
  yes('pnr', 'sv', `Här är uppgifterna:\nNamn: se akten\nPnr: ${p17.ten}\nSkola: Västerskolan åk 8\nAnmälare: mentor`),
  yes('pnr', 'sv', `${p18.dashed} hemmasittare sedan augusti, kuratorn vill ha möte med oss`),
  yes('pnr', 'sv', `Angående ${p19.twelve}: umgänget med pappan ska vara bevakat enligt beslutet.`),
  yes('pnr', 'en', `The personal number in the referral (${p20.ten}) was wrong, the correct one is ${p21.ten}. Sorry!`),
  yes('pnr', 'sv', `tack! och ${s3.d}${s3.n} då? det är samordningsnr för lillebror`),
  yes('pnr', 'sv', `Kan vi ta ${p22.ten} först på ärendedragningen? Det brådskar 😟`),
  yes('pnr', 'en', `Child ID ${p23.twelve}, school absence 62 % this term. Flagging it for the EHT meeting.`),
  yes('pnr', 'sv', `Barnet i ärendet är ${p24.d} ${p24.n}, placerad i jourhem sedan i fredags.`),
  yes('pnr', 'sv', `Pnr i anmälan är felskrivet, rätt är ${p25.twelve}. Rättat i Lifecare nu.`),
  yes('pnr', 'en', `${p26.c}${p26.d}-${p26.n} has a protected identity marker — do NOT send any letters home.`),
  yes('pnr', 'sv', `Mamman (${p27.ten}) har ringt tre gånger idag om vårdnadsutredningen. Vem tar det?`),

  // a child's full name, or first name plus class/school (33)
  yes('name-class', 'sv', 'Elias i 4B på Ekbackeskolan har inte varit i skolan på två veckor, vet ni något?'),
  yes('name-class', 'sv', 'Orosanmälan skickad gällande Saga Lindqvist, åk 6. Mentorn är informerad.'),
  yes('name-class', 'sv', '<at>Anna Berg</at> kan du ta med Omar Haddad 7C på EHT på tisdag?'),
  yes('name-class', 'en', "Quick heads-up: Liam Svensson in 5A told his teacher he's scared to go home."),
  yes('name-class', 'sv', 'Ebba 3A på Solbergaskolan kom utan matsäck igen, tredje gången den här månaden.'),
  yes('name-class', 'sv', 'vi behöver prata om wilma andersson i 9b, kurator är orolig'),
  yes('name-class', 'sv', 'Hugo Nyström (åk 2, Björkhagens skola) – föräldrarna har fått kallelse till möte hos oss.'),
  yes('name-class', 'en', 'Maja Eriksson, year 8 at Hagaskolan, disclosed self-harm to the school nurse today.'),
  yes('name-class', 'sv', 'Alva i 1C på Lövsta skola har blåmärken på båda armarna, mentorn har dokumenterat.'),
  yes('name-class', 'sv', 'Ang. Adam Karlsson 6B: pappan hämtade honom trots kontaktförbudet.'),
  yes('name-class', 'sv', 'Har någon koll på Leo i 8A på Rosendalsskolan? Han säger att han sover hos kompisar.'),
  yes('name-class', 'en', "Zainab Ali (7B) asked to see the counsellor again, she won't say why."),
  yes('name-class', 'sv', 'Nora Johansson åk 4 Norrbyskolan – SIP bokad 12/12, BUP deltar.'),
  yes('name-class', 'sv', 'ella lundgren 5c har haft 40% frånvaro, ska vi göra en anmälan?'),
  yes('name-class', 'sv', 'Isak på Kvarnbackens förskola, avdelning Blåsippan, pratar om att pappa slår.'),
  yes('name-class', 'en', 'Can we discuss Noah Berglund from 9C tomorrow? His mum called the principal in tears.'),
  yes('name-class', 'sv', 'Vera i 2A (Ekbacken) har inte blivit hämtad, klockan är 17.30 och ingen svarar.'),
  yes('name-class', 'sv', 'Mentorn för Ali Yusuf 8D undrar om soc har återkopplat på anmälan.'),
  yes('name-class', 'sv', 'Hej! Theo Persson i förskoleklassen på Tallbacka har ny adress, familjen bor på boende nu.'),
  yes('name-class', 'en', "Selma in 3B at Ängsskolan hasn't eaten lunch all week. Her class teacher is worried."),
  yes('name-class', 'sv', 'Kan du kolla om Alexander Holm, åk 9, Centralskolan, har fått gymnasieplats? Han är placerad i familjehem.'),
  yes('name-class', 'sv', 'Astrid 6A Solbacka sa till fritids att hon inte vill åka till mamma i helgen.'),
  yes('name-class', 'en', "Felix Åberg (year 6, Västerskolan) – the placement broke down, he's back with his dad tonight."),
  yes('name-class', 'sv', 'Olivia Mäkinen, klass 7E, har skickats hem två gånger för bråk. Rektor vill ha en SIP.'),
  yes('name-class', 'sv', 'William i 4C på Parkskolan har berättat för läraren om våld hemma. Anmälan görs nu.'),
  yes('name-class', 'sv', 'hej, gäller amir rahimi 8b – tolk behövs på mötet med föräldrarna 👍'),
  yes('name-class', 'en', 'Freja Nilsson in 1A was picked up by someone who is not on the list. Police notified.'),
  yes('name-class', 'sv', 'Lucas på Åsens skola, åk 5 – LSS-utredningen är klar, beslut kommer nästa vecka.'),
  yes('name-class', 'sv', 'Kommer Molly Sandberg från 9A på mötet? Hon har skolkat sedan höstlovet.'),
  yes('name-class', 'sv', 'Jag är mentor för Kevin i 7F på Tunaskolan.\nHan vill inte åka hem efter skolan.\nVad gör jag?'),
  yes('name-class', 'en', 'Reminder: Hanna Lindberg, 8B, has her BUP appointment on Thursday, please excuse her from PE.'),
  yes('name-class', 'sv', 'Mira (klass 3 på Stenhagsskolan) har fått skyddat boende med mamma, ändra ingenting i Skolplattformen.'),
  yes('name-class', 'sv', 'Sixten Ek åk 1 – pappa har ensam vårdnad från och med idag, mamma får inte hämta.'),

  // a first name alone in an obvious child-case context (28)
  yes('name-context', 'sv', 'Noah tog med sig en kniv till skolan igen. Orosanmälan är gjord.'),
  yes('name-context', 'sv', 'Ella ringde sin mamma från skolsköterskan och grät, hon vill inte åka hem till styvpappan.'),
  yes('name-context', 'sv', 'LVU för Amira beviljades i förvaltningsrätten idag.'),
  yes('name-context', 'sv', 'placeringen av jonatan är klar, jourhemmet hämtar honom kl 15'),
  yes('name-context', 'sv', 'Hemmasittaren Elsa har varit i skolan två timmar idag!! 🎉'),
  yes('name-context', 'en', "Mohammed's SIP is moved to Friday, BUP can't make Tuesday."),
  yes('name-context', 'sv', 'BUP har avslutat kontakten med Linnea trots att hon fortfarande skadar sig.'),
  yes('name-context', 'sv', 'Vi har fått en orosanmälan om Oscar igen, nu från förskolan.'),
  yes('name-context', 'sv', 'sara har inte kommit till skolan sen mammans gripande, ngn som vet var hon bor nu?'),
  yes('name-context', 'en', 'Aisha told the counsellor her father took her passport. Flagging for honour-related risk.'),
  yes('name-context', 'sv', 'Har utredningen om Melvin startat? Frånvaron är över 50 % nu.'),
  yes('name-context', 'sv', 'Kevin sa att han sover i en bil med pappa. Ringer socialjouren nu.'),
  yes('name-context', 'sv', 'Fick veta att Julia blev omhändertagen enligt 6 § LVU i går kväll.'),
  yes('name-context', 'en', 'Update on Lukas: his placement at the HVB ends in January, the family home is ready.'),
  yes('name-context', 'sv', 'Idris kom till skolan med nya märken på halsen, dokumenterat och anmält.'),
  yes('name-context', 'sv', 'Umgänget mellan Stella och pappan är inställt tills vidare enligt beslut.'),
  yes('name-context', 'sv', 'Ture vägrar gå in i klassrummet, tredje veckan nu. Ska vi ta in elevhälsan eller soc?'),
  yes('name-context', 'en', "Yusuf missed his BUP appointment again; his mum says she can't afford the bus."),
  yes('name-context', 'sv', 'kan vi prata om hilda efter EHT? hon har berättat saker för mig som jag inte vet hur jag ska hantera'),
  yes('name-context', 'sv', 'Elin slutade äta efter att föräldrarna separerade, ätstörningsenheten på BUP har fått remiss.'),
  yes('name-context', 'sv', 'Dante har rymt från familjehemmet igen, polisen är underrättad.'),
  yes('name-context', 'en', "Maryam says her brother hits her when their parents are away. I've made a report to social services."),
  yes('name-context', 'sv', 'Ronja bor hos mormor sedan i måndags, mamma är inlagd. Vem håller i ärendet?'),
  yes('name-context', 'sv', 'Orosanmälan: Charlie berättade idag att mamma inte har kommit hem på tre dagar.'),
  yes('name-context', 'en', "we need a care plan for isabella before she's discharged from the ward – social services are involved"),
  yes('name-context', 'sv', 'Anton ringde från skolan och sa att han inte vågar gå hem 😔 jag har kontaktat socialjouren'),
  yes('name-context', 'sv', 'Tilde har fått en kontaktfamilj, första helgen blir 13–15 dec.'),
  yes('name-context', 'en', 'Adrian ran away from the residential unit last night. Police found him at 3 am.'),

  // a child singled out without a name (28)
  yes('singled-out', 'sv', 'Killen i 7C vars pappa greps i helgen har inte kommit till skolan idag.'),
  yes('singled-out', 'en', 'The girl in year 5 whose mother died last week is back in school – please be gentle with her.'),
  yes('singled-out', 'sv', 'Tvillingarna i 3B har likadana blåmärken på armarna, mentorn har fotograferat dem.'),
  yes('singled-out', 'sv', 'Den nya eleven i 6A från Ukraina bor ensam med sin storebror, ingen vuxen hemma.'),
  yes('singled-out', 'sv', 'Tjejen i 9B som blev gravid – har hon fått kontakt med ungdomsmottagningen?'),
  yes('singled-out', 'en', 'The only boy in 2C who uses a wheelchair was left behind on the trip today. The parents are furious.'),
  yes('singled-out', 'sv', 'pojken på Rosendalsskolan som bodde på husvagnscampingen har flyttat, vet någon vart?'),
  yes('singled-out', 'sv', 'Flickan i förskoleklassen på Lövsta vars mamma sitter i häktet – vem hämtar henne idag?'),
  yes('singled-out', 'sv', 'Eleven i 8D som kom med kniv i fredags är avstängd, men vi behöver planera återgången.'),
  yes('singled-out', 'en', 'The twins in class 4A whose dad was deported – their aunt is caring for them now.'),
  yes('singled-out', 'sv', 'Storasyster till killen i 1B, hon som går i 7A, sa att de inte har fått mat hemma på hela helgen.'),
  yes('singled-out', 'sv', 'Yngsta barnet i familjen på Parkvägen, han som går i 2A, har ätit ur soporna enligt en granne.'),
  yes('singled-out', 'en', 'The boy in 6B whose family lives at the shelter needs a quiet room for the national tests.'),
  yes('singled-out', 'sv', 'Tjejen i 8A som placerades i familjehem förra veckan vill gå kvar i sin gamla klass.'),
  yes('singled-out', 'sv', 'Killen i åk 4 på Ängsskolan vars mamma missbrukar har inte blivit hämtad på fritids idag.'),
  yes('singled-out', 'en', "The new girl in 9C who came from the transit home – her guardian hasn't signed anything yet."),
  yes('singled-out', 'sv', 'den ensamkommande pojken på språkintroduktionen som fyller 18 i januari, vad händer med hans boende?'),
  yes('singled-out', 'sv', 'Eleven i 5B som varit hemmasittare sedan skolstarten – rektor vill göra en ny anmälan.'),
  yes('singled-out', 'sv', 'Den enda eleven i 3A med skyddad identitet syns på klassfotot på hemsidan!! Ta bort det omgående.'),
  yes('singled-out', 'en', 'The kid in 7A whose brother was shot in October is asking to switch schools.'),
  yes('singled-out', 'sv', 'Flickan i 6C som har diabetes och vars mamma inte hämtar ut insulinet – anmälan måste göras.'),
  yes('singled-out', 'sv', 'tjejen i 9a som bor hos sin pojkvän (han är 23) måste vi anmäla idag'),
  yes('singled-out', 'en', 'The Syrian brothers in 4B and 6B missed school all week; the older one is working at a car wash.'),
  yes('singled-out', 'sv', 'Lillebror till eleven som dog i olyckan i oktober, han går i 1A, mår väldigt dåligt.'),
  yes('singled-out', 'sv', 'Killen i 8C som blev misshandlad på vägen hem har berättat vilka det var.'),
  yes('singled-out', 'en', 'The girl in 2B whose father is in prison draws pictures of guns every day.'),
  yes('singled-out', 'sv', 'Barnet på Solrosen (Kvarnbackens förskola) vars pappa hotade personalen i går – ska vi låsa grinden?'),
  yes('singled-out', 'sv', 'Pojken i 5A som omhändertogs i tisdags kommer tillbaka på måndag.\nHur säger vi till klassen?'),

  // initials with class/school (8)
  yes('initials', 'sv', 'E.K. i 6A har berättat om våld hemma, anmälan är skickad.'),
  yes('initials', 'sv', 'Gäller AL åk 8 Västerskolan – placeringen förlängs till sommaren.'),
  yes('initials', 'en', 'M.H. (year 9, Hagaskolan) disclosed that her stepfather hits her.'),
  yes('initials', 'sv', 'j.s. i 4c har 60 % frånvaro, hemmasittare sedan september'),
  yes('initials', 'sv', 'Orosanmälan om N.A. på Lövsta skola, klass 2B – pappan kom berusad till hämtningen.'),
  yes('initials', 'en', 'Re: T.B. in 7D — BUP referral accepted, first appointment next week.'),
  yes('initials', 'sv', 'O.P. 9C fick LVU i går, mentorn behöver veta hur vi gör med de nationella proven.'),
  yes('initials', 'sv', 'R.M. i förskoleklass på Tallbacka – mamma har skyddat boende, ingen info till pappan.'),

  // nicknames (8)
  yes('nickname', 'sv', 'Mackan i 8B hade snus och tändare med sig igen, och nu säger han att pappa inte bryr sig.'),
  yes('nickname', 'sv', 'Mohammed (Mo) i 6C sa till kuratorn att han inte vill leva längre. Akut BUP-kontakt tagen.'),
  yes('nickname', 'sv', 'nisse i 3a har inte haft mat med sig på en vecka, anmälan?'),
  yes('nickname', 'en', 'Alexandra ("Lexi") in 8A has been sleeping at friends\' places, her mum reported her missing twice.'),
  yes('nickname', 'sv', 'Jossan i 9B har börjat på BUP, hon vill inte att föräldrarna får veta.'),
  yes('nickname', 'sv', 'Fiffi i 4A (heter egentligen Josefin) har pratat om att mammas nya kille slår.'),
  yes('nickname', 'en', 'Abdi (Abdirahman) in 7C was picked up by the police last night, social services have been informed.'),
  yes('nickname', 'sv', 'Tompa i 6B sover på rasterna, han säger att han spelar hela nätterna för att slippa höra bråken hemma.'),

  // a parent's private mobile, a home address or a private e-mail in a case context (28)
  yes('contact', 'sv', 'Mammans mobil är 070-482 19 37, ring henne före 12 om placeringen.'),
  yes('contact', 'sv', 'Pappan nås på 0736 51 42 08, han pratar bara somaliska så boka tolk.'),
  yes('contact', 'en', "The mother's private number: +46 72 914 33 60. She doesn't want calls from the school, only from soc."),
  yes('contact', 'sv', 'Familjen bor på Granvägen 14B, lgh 1102, 753 21 Uppsala. Hembesök på torsdag.'),
  yes('contact', 'sv', 'Skicka kallelsen till pappans privata mejl: ahmed.k1978@gmail.com (han läser inte Skolplattformen).'),
  yes('contact', 'sv', 'ny adress för pojken och mamman: Björkstigen 3, 2 tr. skyddad? nej, inte än.'),
  yes('contact', 'en', "Foster mum's mobile 076-209 55 81 – she asked us to text before calling."),
  yes('contact', 'sv', 'mamma: 0709123456\npappa: 0762 33 44 12\nbåda vill ha kopia på beslutet'),
  yes('contact', 'sv', 'Hembesöket görs på Tallvägen 22 i Gottsunda, familjen vet om det. Ta med tolk.'),
  yes('contact', 'en', "Grandma's address is Ringvägen 45, 118 63 Stockholm – the kids will stay there during the investigation."),
  yes('contact', 'sv', 'Orosanmälan från en granne: lägenheten på Solrosgatan 7, 3 tr, skrik varje natt. Två små barn bor där.'),
  yes('contact', 'sv', 'Mammans mejl: linda.svensson.84@hotmail.com – hon vill ha protokollet från SIP:en.'),
  yes('contact', 'en', "Dad's personal email is j.peterson77@outlook.com, he wants updates on the custody assessment."),
  yes('contact', 'sv', 'Ring farmor på 073-880 12 09 om pojken inte blir hämtad, hon är kontaktperson i ärendet.'),
  yes('contact', 'sv', 'adress enl. folkbokföringen: Kvarngatan 9 lgh 1204 men de bor egentligen hos moster på Ekvägen 2'),
  yes('contact', 'sv', 'Pappan har bytt nummer, det nya är +46 (0)70 551 27 84. Vårdnadsutredningen fortsätter.'),
  yes('contact', 'en', 'For the home visit: Lindvägen 31, door code 4417. Mum says the baby sleeps 12–14.'),
  yes('contact', 'sv', 'Kan du mejla utredningen till mamman? Hon gav mig sin privata adress: fatima.h@yahoo.se'),
  yes('contact', 'sv', 'Jourhemsmamman nås dygnet runt på 079-341 62 05 om något händer med flickan.'),
  yes('contact', 'en', "Her dad lives at Stationsgatan 18 in Knivsta; she isn't allowed there according to the decision."),
  yes('contact', 'sv', 'Hej! Mamman till barnen i ärendet ringde från 072-118 90 43, hon vill bli uppringd idag.'),
  yes('contact', 'sv', 'Pojkens storebror (vårdnadshavare sedan mars) nås på 0768-24 71 90.'),
  yes('contact', 'sv', 'Brevet om LVU-beslutet ska till Norrgatan 5B, 2 tr, 811 30 Sandviken – inte till gamla adressen!'),
  yes('contact', 'en', 'Mum gave me her WhatsApp, +46 73 402 18 56 – she wants to talk about the placement but not on the phone at home.'),
  yes('contact', 'sv', 'Skickade kallelsen till familjens adress Lingonvägen 8, 645 34 Strängnäs. Ingen har hört av sig.'),
  yes('contact', 'sv', 'styvpappan mejlar från gustav.lind.privat@gmail.com och hotar att anmäla skolan, vad gör vi?'),
  yes('contact', 'sv', 'Pappa Karim: 0704-56 78 12. Han vill ha umgänge varannan helg, se utredningen.'),
  yes('contact', 'en', "The foster family's home address is Hagtornsvägen 6, 741 42 Knivsta. Don't share it with the birth parents!"),
];

// ---------------------------------------------------------------- negatives (100)

const NEGATIVE: Holdout6Message[] = [
  // staff logistics naming colleagues (18)
  no('staff-logistics', 'sv', 'Lena tar över Johans SIP-möten på torsdag.'),
  no('staff-logistics', 'sv', 'Maria är sjuk idag, Ahmed håller i EHT.'),
  no('staff-logistics', 'sv', '<at>Lena Holm</at> kan du ta ärendedragningen kl 13? Jag sitter fast i trafiken.'),
  no('staff-logistics', 'en', 'Sara is on parental leave from Monday, Mikael covers her caseload until March.'),
  no('staff-logistics', 'sv', 'Noah från IT kommer kl 10 och fixar skrivaren på plan 3.'),
  no('staff-logistics', 'sv', 'Ella ringde från bilen, hon är sen till APT:n. Börja utan henne!'),
  no('staff-logistics', 'sv', 'Johan och Fatima delar på jouren i helgen, byt inte utan att säga till.'),
  no('staff-logistics', 'en', 'Anders took the pool car, so use the bikes or book a taxi for the afternoon visits.'),
  no('staff-logistics', 'sv', 'Påminnelse: Karin har semester v. 52, hennes ärenden fördelas på måndag.'),
  no('staff-logistics', 'sv', 'Kan någon byta pass med Elin på fredag? Hon har tandläkartid.'),
  no('staff-logistics', 'en', 'Hi all, Omar started today as a new social worker in the children and youth unit – say hi! 👋'),
  no('staff-logistics', 'sv', '<at>Ahmed Yilmaz</at> <at>Sofia Ek</at> ni två tar nyinkomna ärenden den här veckan.'),
  no('staff-logistics', 'sv', 'Emma är på utbildning hela dagen, hon svarar på mejl ikväll.'),
  no('staff-logistics', 'en', "Can someone cover Linnea's duty phone shift 12–16? She's at the dentist."),
  no('staff-logistics', 'sv', 'Oscar går i pension i januari 🥳 vi samlar in till en present, swisha till Annika.'),
  no('staff-logistics', 'sv', 'mentorerna i åk 7 (Petra, Jonas, Leila) ses efter lunch för att planera utvecklingssamtalen'),
  no('staff-logistics', 'en', "Julia and Kevin from the school team will join the network meeting, I'll send the invite."),
  no('staff-logistics', 'sv', 'Hampus tog med sig nycklarna till arkivet hem, han är här kl 9 i morgon.'),

  // professionals with titles (12)
  no('professional-title', 'sv', 'Rektor Eva Lind vill ha en lägesbild över elevhälsoarbetet till fredag.'),
  no('professional-title', 'en', 'Dr. Ahmadi at BUP can do a consultation on self-harm for the whole team next week.'),
  no('professional-title', 'sv', 'Skolsköterskan Birgitta Holm har flyttat till Norrbyskolan, en ny sköterska börjar i januari.'),
  no('professional-title', 'sv', 'Enhetschef Jonas Ström har beslutat att alla nya utredningar går via ärendedragning från 1 januari.'),
  no('professional-title', 'en', 'Chief psychologist Anna Wikström will present the new screening tool at the staff meeting.'),
  no('professional-title', 'sv', 'Kurator Leila Haddad är tillbaka från föräldraledigheten och har kvar sitt gamla nummer.'),
  no('professional-title', 'sv', 'Överläkare Peter Sandberg (BUP Uppsala) har skickat skriftliga synpunkter på samverkansrutinen.'),
  no('professional-title', 'en', 'Principal Maria Sjöberg asks all mentors to update the attendance policy document by Friday.'),
  no('professional-title', 'sv', 'Socialsekreterare Fredrik Öberg håller i BBIC-utbildningen nästa månad.'),
  no('professional-title', 'sv', 'Förvaltningschef Katarina Nord är med på nämndens sammanträde på onsdag.'),
  no(
    'professional-title',
    'en',
    'Judge Eriksson at the administrative court has moved all hearings to the afternoons – check your calendars.',
  ),
  no('professional-title', 'sv', 'Specialpedagog Mats Olsson har en ledig tid på torsdag för klasskonsultation i 4B.'),

  // trainings and invented cases marked as such (12)
  no(
    'invented-case',
    'sv',
    'Påhittat exempel till utbildningen: "Kalle, 9 år, i 3B har hög frånvaro och pappa dricker." Diskutera i grupp vilka steg ni tar.',
  ),
  no(
    'invented-case',
    'en',
    'Case study for Thursday (fictional): Amina, 14, tells her teacher she is being married off abroad. What do you do?',
  ),
  no(
    'invented-case',
    'sv',
    'Övningsfall (fiktivt): Lisa, 12 år, bor med mamma och har slutat komma till skolan. Vilka uppgifter behöver ni inhämta?',
  ),
  no('invented-case', 'sv', 'I BBIC-övningen är "Anton i 5A" ett påhittat barn – använd inga riktiga namn i gruppuppgiften.'),
  no(
    'invented-case',
    'en',
    "For the role play we'll use a made-up family: the Johnsons, two kids, dad recently lost his job. Nothing from real cases please.",
  ),
  no('invented-case', 'sv', 'Fiktivt fall till APT: "Elsa, 7 år, berättar att hon är rädd för mammas nya sambo." Hur dokumenterar vi?'),
  no(
    'invented-case',
    'en',
    'This is a fictional scenario for the training on Friday – "Ben in year 4 keeps falling asleep in class". Groups of 4.',
  ),
  no(
    'invented-case',
    'sv',
    'Exempelärendet i utbildningsmaterialet (påhittat) heter "Omar, 15, placerad på HVB". Vi byter till ett mer neutralt namn.',
  ),
  no('invented-case', 'sv', 'Till rollspelet: du är mentor och Ali (påhittad elev) berättar om bråk hemma. Inget riktigt ärende.'),
  no(
    'invented-case',
    'en',
    'Fictional example in the Signs of Safety training: "Sophie, 6, at a preschool". Please read it before the session.',
  ),
  no('invented-case', 'sv', 'Fallbeskrivning ur Socialstyrelsens vägledning (fiktiv): "Sara, 16, hemmasittare". Vi läser den på torsdag.'),
  no(
    'invented-case',
    'en',
    'Invented case for the new recruits: a 13-year-old with 40 % absence and a parent with depression. No names, no real details.',
  ),

  // book and film characters (8)
  no('fiction', 'sv', 'Vi läser Pippi Långstrump i 2A, Pippi bor ju helt själv utan vuxna – bra underlag för ett samtal om trygghet 😄'),
  no('fiction', 'en', 'Harry Potter living under the stairs would be an LVU case today, haha. Anyway, the book club meets Friday.'),
  no('fiction', 'sv', 'Emil i Lönneberga hade nog fått en orosanmälan idag 😅 snickarboa är inte ok'),
  no('fiction', 'en', 'Matilda (the Roald Dahl book) is on the reading list for year 5, some parents asked about the themes.'),
  no('fiction', 'sv', 'Ronja Rövardotter blir tema på fritids i vår, vi behöver pysselmaterial.'),
  no('fiction', 'sv', 'Bamse-filmen visades i förskoleklassen idag, barnen älskade den.'),
  no('fiction', 'en', "The film Inside Out is great for talking about feelings with the younger kids – Riley's story works well."),
  no('fiction', 'sv', 'Karlsson på taket och Lillebror – bra bok för samtal om ensamhet, tips till läsgruppen i åk 3.'),

  // office and switchboard numbers (8)
  no('office-phone', 'sv', 'Växeln nås på 018-727 00 00, be dem koppla till socialjouren.'),
  no('office-phone', 'en', 'Social services duty number after 17: 08-508 00 100. Put it on the staff room board.'),
  no('office-phone', 'sv', 'Elevhälsans gemensamma nummer är 0771-25 25 25 (knappval 3).'),
  no('office-phone', 'sv', 'BUP-mottagningen har fått nytt telefonnummer: 010-611 40 00.'),
  no('office-phone', 'en', 'Reception at the town hall: +46 18 727 00 00, open 8–16.'),
  no('office-phone', 'sv', 'Socialjouren 020-55 55 00 om ni inte når handläggaren.'),
  no('office-phone', 'sv', 'ring 1177 eller 112 vid akuta lägen, inte mitt mobilnummer'),
  no('office-phone', 'en', 'The duty mobile is 072-500 10 10 (shared team phone, it lives in the drawer at reception).'),

  // organisation numbers (7)
  no('org-number', 'sv', `Fakturan från HVB-hemmet ska märkas med kommunens organisationsnummer ${orgnr('212000', '311')}.`),
  no('org-number', 'en', `The foster care agency's org. no. is ${orgnr('556720', '148')}, needed for the procurement form.`),
  no('org-number', 'sv', `Orgnr för Kvarnbackens förskola AB: ${orgnr('559034', '201')}`),
  no('org-number', 'sv', `Föreningen ${orgnr('802451', '733')} har fått bidrag för läxhjälp i år igen.`),
  no('org-number', 'en', `Please check org number ${orgnr('556123', '450')} in the supplier register before we sign.`),
  no('org-number', 'sv', `Kommunens orgnr ${orgnr('212000', '024')} ska stå på blanketten, inte ert eget.`),
  no('org-number', 'sv', `Nytt avtal med Familjehemscentrum, org.nr ${orgnr('556987', '612')}, gäller från 1 januari.`),

  // dates and times (7)
  no('dates', 'sv', 'Nästa EHT är 2026-12-10 kl 13:15–14:45.'),
  no('dates', 'en', 'Deadline for the quarterly report is 2027-01-15 at 12:00.'),
  no('dates', 'sv', 'Ärendedragningen flyttas från 2026-12-08 till 2026-12-09, samma tid 09.00.'),
  no('dates', 'sv', 'Julavslutning 18/12 kl 10, skolan stänger 12.30.'),
  no('dates', 'en', 'Training dates: 20261214, 20261215 and 20270112 (all 08:30-16:00).'),
  no('dates', 'sv', 'Mötet 2027-02-03 kl 0900 i kalendern är fel, det ska vara 13:00.'),
  no('dates', 'en', 'The budget period 2026-01-01–2026-12-31 closes on Friday, send receipts before 16:00.'),

  // group-level statistics (10)
  no('group-talk', 'sv', '12 elever i åk 9 har hög frånvaro den här terminen, vi behöver en plan på skolnivå.'),
  no('group-talk', 'en', 'We received 43 reports of concern in November, up 15 % from last year.'),
  no('group-talk', 'sv', 'Tre av fyra hemmasittare i kommunen är flickor enligt kartläggningen.'),
  no('group-talk', 'sv', 'Hälften av klasserna i åk 7 har haft bråk på rasterna, vi sätter in fler rastvakter.'),
  no('group-talk', 'en', 'Across the district, 8 % of pupils in years 7–9 had more than 20 % absence last term.'),
  no('group-talk', 'sv', 'Antalet placerade barn har minskat från 57 till 49 sedan i våras.'),
  no('group-talk', 'sv', 'Många i 6B verkar trötta efter lovet, kan vi köra en klassaktivitet om sömn?'),
  no(
    'group-talk',
    'en',
    'Several families in the Gottsunda area have asked for help with winter clothes, can we coordinate with the church?',
  ),
  no('group-talk', 'sv', 'Av eleverna på språkintroduktion har 18 inte fått personnummer än, Skatteverket har långa handläggningstider.'),
  no('group-talk', 'en', 'The survey shows that 1 in 5 pupils in year 8 feel unsafe on the way home.'),

  // case references SAM-XXXXXXXX (10)
  no('case-ref', 'sv', 'Samtycket är registrerat under SAM-7KQ2M9TZ, ni kan diskutera ärendet nu.'),
  no('case-ref', 'en', 'Consent recorded: SAM-0B3XW8HN. The thread continues in the case channel.'),
  no('case-ref', 'sv', 'Se SAM-9PRT5C2A för bakgrunden, jag skriver inget mer här.'),
  no('case-ref', 'sv', 'SAM-M6Y4J1QE är stängt, samtycket återkallades i går.'),
  no('case-ref', 'en', 'Please refer to SAM-2ZF8K7DW and SAM-H3N9B0XS in the minutes, not to names.'),
  no('case-ref', 'sv', 'Ärende SAM-5TV2GQ8R: mötet flyttas till tisdag kl 14.'),
  no('case-ref', 'sv', 'Uppföljning enligt SAM-8WC6P4YM, ansvarig handläggare <at>Sofia Ek</at>.'),
  no('case-ref', 'en', 'The consent under SAM-1E7RZJ3K expires on 31 Dec, renew it before the SIP.'),
  no('case-ref', 'sv', 'Har kopplat BUP:s remissvar till SAM-6GMA9N2T.'),
  no('case-ref', 'sv', 'Referens: SAM-4D41E2V8 (samtycke från vårdnadshavare inhämtat 2026-11-28).'),

  // meeting rooms and office addresses (8)
  no('meeting-room', 'sv', 'EHT hålls i rum Ekorren, plan 2, Stationsgatan 12.'),
  no('meeting-room', 'en', 'Network meeting in room 3.14 "Uppsala" at the town hall, Stationsgatan 12.'),
  no('meeting-room', 'sv', 'Vi ses i konferensrum Linné kl 9. Kaffe finns.'),
  no('meeting-room', 'sv', 'Socialkontoret har flyttat till Kungsgatan 41, 3 tr. Besöksingång från gården.'),
  no('meeting-room', 'en', 'The Teams link for the SIP is in the invite; the physical room is Björken on floor 4.'),
  no('meeting-room', 'sv', 'Mötesrum Tallen är bokat hela dagen för utbildning, ta Granen istället.'),
  no('meeting-room', 'en', 'Our office address for deliveries: Box 1234, 751 04 Uppsala.'),
  no('meeting-room', 'sv', 'Familjestödet finns numera på Vaksalagatan 15, entréplan. Skyltar kommer nästa vecka.'),
];

export const HOLDOUT6: Holdout6Message[] = [...IDENTIFIABLE, ...NEGATIVE];
