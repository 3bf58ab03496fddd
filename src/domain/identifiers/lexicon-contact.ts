/** Word lists for contact details: functional mailboxes, mail domains, streets, offices and phone cues (see lexicon.ts). */

import { words } from './words';

/** Local parts of functional mailboxes. */
export const FUNCTIONAL_MAILBOXES = words(`
info kontakt kontaktcenter registrator registratur diarium socialtjansten socialtjänsten socialforvaltningen socialförvaltningen
vaxel växel kommun kommunen support noreply no-reply elevhalsan elevhälsan barnochunga barn.unga ifo skola skolan utbildning
bou bun kansli kansliet expedition reception kundtjanst kundtjänst servicecenter medborgarservice kvalitet post postmottagning
forvaltning förvaltning nämnd admin webmaster hr ekonomi it helpdesk familjecentralen fritid kultur press
`);

/** Words inside a mailbox's local part that make it a team's or unit's, not a person's. */
export const FUNCTIONAL_FRAGMENTS: readonly string[] = [
  'team',
  'forvaltning',
  'förvaltning',
  'sektor',
  'enhet',
  'skolan',
  'elevhals',
  'elevhäls',
  'registrat',
  'kansli',
  'nämnd',
  'namnd',
  'social',
  'kommun',
  'funktion',
  'brevlada',
  'brevlåda',
  'gruppen',
  'central',
  'mottag',
];

/** Free mail providers: an address there is a private person's. */
export const FREEMAIL_DOMAINS = words(`
gmail.com googlemail.com hotmail.com hotmail.se outlook.com outlook.se live.se live.com msn.com yahoo.com yahoo.se icloud.com
me.com mac.com telia.com spray.se bredband.net bredband2.com comhem.se tele2.se protonmail.com proton.me mail.com gmx.com gmx.net
aol.com yandex.ru mail.ru
`);

/** Street-name endings ("Storgatan 12", "Björkvägen 4 B"). */
export const STREET_SUFFIXES: readonly string[] = [
  'gatan',
  'vägen',
  'gränd',
  'gränden',
  'stigen',
  'backen',
  'torget',
  'torg',
  'allén',
  'allé',
  'leden',
  'plan',
  'gata',
  'väg',
  'stig',
  'esplanaden',
  'promenaden',
  'slingan',
  'höjden',
  'liden',
  'ringen',
  'parken',
  'kullen',
  'gärdet',
  'tået',
  'udden',
  'vägen',
  'gården',
  'hagen',
  'ängen',
  'stråket',
  'kajen',
  'strand',
  'stranden',
  'backe',
  'lid',
  'vik',
  'viken',
  'vändan',
  'svängen',
  'kroken',
  'vallen',
  'åsen',
  'lyckan',
  'täppan',
  'bryggan',
  'tången',
];

/** Words before an address or number that make it an office's (not a family's). */
export const OFFICE_WORDS = words(`
kommunhuset kontoret socialkontoret stadshuset besöksadress besöksadressen postadress postadressen receptionen reception lokalen
lokal rum rummet skolan skolans biblioteket familjecentralen ungdomsmottagningen mottagningen fritidsgården huset konferensrummet
växel växeln vx vxl kontaktcenter kundtjänst servicecenter direkt direktnummer jour socialjouren jouren polisen 112 1177 114
expeditionen expedition telefontid kommunens skolans förvaltningens sal kontor
kontorets kommunhusets mottagningens socialkontorets receptionens växelnummer huvudnummer
elevhälsan elevhälsans elevhälsoteamet elevhälsoteamets bemannad bemannat bemannas
`);

/** Words before a 10-digit run starting 07 that make it a phone number rather than a personnummer. */
export const PHONE_CUES = words(`
tel tel. telefon telefonnummer telnr tfn mobil mobilnummer mobilnr nr nummer numret ring ringa sms sms:a smsa nås
`);

/** Words near a phone number that make it a family's ("mammans mobil", "pappan nås privat på"). */
export const PRIVATE_PHONE_CUES = words(`
mamma mamman mammans mammas pappa pappan pappans pappas förälder föräldern förälderns föräldrar föräldrarna föräldrarnas
vårdnadshavare vårdnadshavaren vårdnadshavarens vårdnadshavarna vh vhs vh:s mormor morfar farmor farfar mormors morfars farmors farfars
styvpappa styvpappan styvmamma styvmamman bonuspappa bonusmamma
familjen familjens familjehemmet familjehemmets familjehemsmamma familjehemspappa eleven elevens barnet barnets pojken flickan
hennes hans deras privat privata privatnummer hemnummer hemtelefon mobil mobilen mobilnummer mobilnr
mum mom mother father dad parent parents guardian carer carers foster his her their private home mobile
`);

/** Words near a street address that make it a home ("bor på", "flyttat till", "hos mormor på"). */
export const HOME_CUES = words(`
bor bodde bott boende flyttat flyttade flyttar flytta hemma hem hemmet hemadress hos hembesök hembesöket adress adressen
adressen: mamma mamman pappa pappan mormor morfar farmor farfar familjen familjehemmet
lives lived living moved moving home address staying
trapphus trapphuset uppgång uppgången lägenhet lägenheten lgh porten hyreshus hyreshuset radhus radhuset villan flat apartment
`);
