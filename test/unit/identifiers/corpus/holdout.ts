import type { LabelledMessage } from './messages';
import { testNumber as t } from './test-numbers';

/**
 * A held-out set: written after the detector was tuned, by someone who had
 * not read its word lists, and never used to change it. Its scores say how
 * the detector does on messages it has not seen. Do not tune on these; add
 * new held-out messages instead when they have been used.
 */
const x = t('20110617', '482');
const y = t('20140203', '915');
const z = t('20100968', '273'); // samordningsnummer: 8 September + 60

export const HOLDOUT: LabelledMessage[] = [
  // Identifiable
  { group: 'operativ', text: `Vi behöver prata om ${x.dash} inför SIP-mötet, skolan har anmält oro.`, expected: ['personnummer'] },
  {
    group: 'operativ',
    text: `Eleven har samordningsnummer ${z.plain}, familjen kom i augusti och pappa behöver tolk.`,
    expected: ['samordningsnummer'],
  },
  {
    group: 'vits',
    text: `Förskolan ringde om ${y.long}, vårdnadshavare har inte hämtat i tid tre dagar i rad.`,
    expected: ['personnummer'],
  },
  {
    group: 'operativ',
    text: 'Yusuf i 5C har varit borta från skolan i två veckor och mamma svarar inte i telefon.',
    expected: ['name-with-class'],
  },
  {
    group: 'skolsocialt',
    text: 'Hej! Kan någon från soc ringa Amira Haddad? Dottern har inte kommit till skolan sedan lovet.',
    expected: ['name'],
  },
  {
    group: 'operativ',
    text: 'Pojken, Noel Andersson, bor numera hos mormor på Björkvägen 12 efter placeringen.',
    expected: ['name', 'address'],
  },
  {
    group: 'samverkansgrupp',
    text: 'Mamman till Elsa i klass 3B vill ha ett möte om frånvaron, hon nås på 073-555 12 34.',
    expected: ['name-with-class', 'phone'],
  },
  {
    group: 'operativ',
    text: 'Orosanmälan gjord gällande Kevin, 11 år, efter det som hände i hemmet i helgen.',
    expected: ['name-with-age'],
  },
  { group: 'vits', text: 'BUP har fått remissen för Liam Öberg, barnet väntar på utredning.', expected: ['name'] },
  { group: 'operativ', text: 'Familjen Nordin på Storgatan 7B har fått ett nytt LVU-beslut för sonen.', expected: ['address'] },
  {
    group: 'skolsocialt',
    text: 'Kan kuratorn mejla pappan direkt: robert.nyman78@gmail.com gäller elevens frånvaro.',
    expected: ['email'],
  },
  {
    group: 'operativ',
    text: 'Wilma Strand (f. 2012) har skrivits ut från avdelningen, barnet bor hos pappa nu.',
    expected: ['name-with-age'],
  },
  {
    group: 'sip',
    text: 'SIP för Idris Mohamud: mål att komma tillbaka till skolan, insats hemmabesök, ansvarig socialsekreterare.',
    expected: ['name'],
  },
  {
    group: 'operativ',
    text: 'Saga i 8A berättade för mentorn att hon inte vill gå hem, vi behöver agera i dag.',
    expected: ['name-with-class'],
  },
  { group: 'samverkansgrupp', text: 'Vem har kontakt med familjen Karimi? Flickan Zahra har hög frånvaro.', expected: ['name'] },
  {
    group: 'operativ',
    text: `Ärendet gäller ${y.twelve}, mamma har samtyckt muntligt men inget skriftligt ännu.`,
    expected: ['personnummer'],
  },
  {
    group: 'vits',
    text: 'Vårdnadshavaren ringer från 0701234567 och undrar om dottern Nora får stanna på fritids.',
    expected: ['phone', 'name'],
  },
  {
    group: 'operativ',
    text: 'Theo Lindqvist i åk 6 har slutat äta lunch i skolan enligt skolsköterskan, pappa är orolig.',
    expected: ['name-with-class'],
  },
  // Not identifiable
  { group: 'styrgrupp', text: 'Vi följer upp indikatorerna i handlingsplanen på mötet den 12 mars kl. 13.00.', expected: [] },
  {
    group: 'samverkansgrupp',
    text: 'Ett påhittat fall till nästa gång: en flicka i åk 5 med hög frånvaro och en orolig mamma.',
    expected: [],
  },
  { group: 'styrgrupp', text: 'Antalet orosanmälningar från skolan ökade med 14 procent under höstterminen.', expected: [] },
  { group: 'samverkansgrupp', text: 'Rektor Annika Berg och socialchef Johan Ek presenterar den nya rutinen för SIP.', expected: [] },
  { group: 'styrgrupp', text: 'Beslutet finns i protokollet, Ks 2025/118 § 42, och gäller från 1 januari.', expected: [] },
  { group: 'operativ', text: 'Påminnelse: ärenden tas bara upp med skriftligt samtycke från vårdnadshavare.', expected: [] },
  { group: 'samverkansgrupp', text: 'Ring kommunens växel 0512-570 00 om ni inte når socialtjänsten direkt.', expected: [] },
  { group: 'styrgrupp', text: 'Skicka synpunkter på riktlinjen till registrator@essunga.se senast fredag.', expected: [] },
  { group: 'samverkansgrupp', text: 'Avidentifierat exempel: en pojke i åk 8 som inte kommer till skolan, hur arbetar vi?', expected: [] },
  { group: 'skolsocialt', text: 'Vi har tolv elever med över 20 procents frånvaro på skolan, mest i åk 9.', expected: [] },
  { group: 'styrgrupp', text: 'Förvaltningschef Maria Holm deltar på mötet och redovisar budgeten för 2027.', expected: [] },
  { group: 'operativ', text: 'Nästa operativa möte är tisdag 14.00, dagordningen kommer på måndag.', expected: [] },
  {
    group: 'samverkansgrupp',
    text: 'Enligt SoL 14 kap. 1 § ska anmälan göras genast vid misstanke om att ett barn far illa.',
    expected: [],
  },
  { group: 'vits', text: 'VITS-gruppen ses i aula B, ta med statistik från BVC och förskolorna.', expected: [] },
  { group: 'styrgrupp', text: 'Tack Lena för bra underlag! Jag tar med det till nämnden.', expected: [] },
  {
    group: 'samverkansgrupp',
    text: 'Kompetensdagen om barn som far illa hålls 3 oktober, anmälan till Karin Ek, utvecklingsledare.',
    expected: [],
  },
  { group: 'skolsocialt', text: 'Fältgruppen rapporterar lugnare helger efter valborg, inga enskilda ärenden.', expected: [] },
  { group: 'operativ', text: 'Kan vi flytta mötet till 15.30? Jag har en överlämning på förskolan innan.', expected: [] },
];
