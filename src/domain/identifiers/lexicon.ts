/**
 * Word lists the detector reads with. All lower case, precomputed as Sets
 * once at load so every lookup is O(1).
 */

import { words } from './words';

export * from './lexicon-contact';
export * from './lexicon-names';

/** Words that put a message in a child's or family's situation. */
export const CONTEXT_WORDS = words(`
elev eleven elevens eleverna elevs barn barnet barnets barnen barnens pojke pojken pojkens flicka flickan flickans son sonen sonens
dotter dottern dotterns döttrar söner bror brodern broderns brorsan lillebror lillebrorsan storebror syster systern systerns lillasyster
storasyster syskon syskonen syskonens tvillingar tvillingarna vårdnadshavare vårdnadshavaren vårdnadshavarna vårdnadshavarens vh vhs
mamma mamman mammans mammas pappa pappan pappans pappas mor modern moderns  fadern faderns förälder föräldern föräldrar föräldrarna
föräldrarnas bonuspappa bonusmamma styvpappa styvmamma morföräldrar farföräldrar mormor morfar farmor farfar familj familjen familjens
familjer hem hemmet hemma hemsituation hemsituationen orosanmälan orosanmälningar orosanmälningen anmälan anmälningar placerad
placerade placerades placering placeringen placeras familjehem familjehemmet familjehemsplacerad jourhem jourhemmet hvb hvb-hem lvu
lvu-placerad sip sip-möte sip-mötet sip:en ärende ärendet ärenden ärendets kurator kuratorn kuratorns skolkurator frånvaro frånvaron
skolfrånvaro frånvarande hemmasittare hemmasittande tjejen killen grabben ungen unge ungdomen ungdomens tonåringen tonåring klienten
utredning utredningen umgänge umgänget vårdnad vårdnaden skolgång skolgången mentor mentorn åtgärdsprogram åtgärdsprogrammet
elevhälsan elevhälsoteamet skolsköterskan stödinsats insats insatser bistånd biståndsbeslut aktualiserad aktualiseras aktuell
socialtjänsten soc bbic samtycke samtycket samtyckesblankett mår oro orolig oroliga orosanmäla misstanke våld slagen utsatt
skolplacering skolbyte anpassningar anpassad bup barnpsykiatrin kontaktfamilj kontaktfamiljen kontaktperson
skolka skolkar skolkat skolkade hemifrån mobbad mobbade misshandlad omhändertagen omhändertogs polisanmäld
barnbarn barnbarnet bonusson bonusdotter styvson styvdotter fosterbarn fosterhem fosterhemmet ensamkommande
slog slår misshandel misshandlade övergrepp hot hotad hotade rädd självskada självskadebeteende blåmärken
pupil pupils student child children kid kids boy girl son daughter sons daughters mum mom mummy mother dad daddy father
parent parents guardian guardians carer carers stepdad stepmum stepmom stepfather stepmother grandma grandmother grandad
granddad grandfather foster fostered fostering referral referred safeguarding absence absences absent attendance camhs
disclosed disclosure disclose neglect neglected abuse abused bruise bruises bruising self-harm selfharm welfare siblings
sibling brother sister twins family placement custody truancy truanting exclusion ehcp lac cin
giftas tvångsgifte hedersrelaterat hedersvåld könsstympning ätstörning självmordstankar suicidal grooming utnyttjad
hab habiliteringen barnpsykiatrin anmält anmälde anmäla polisanmälan polisanmält försvunnen rymt avstängd avstängning
stepfather stepmother step-dad step-mum police arrested
fritids fritidshemmet
dö gode
gripen greps gripits anhållen häktad dömd fängelse misshandlad våldtagen självmord
utbrott kniv kniven vapen droger narkotika hotat panik överdos nakenbilder sparkade inlagd barnavdelningen
hedersproblematik hedersförtryck hedersnormer diagnos diagnosen diagnoser adhd-diagnos adhd-diagnosen autism-diagnos autism-diagnosen autismdiagnos adhd add autism ptsd dyslexi språkstörning utvecklingsstörning rånad asylen asyl behandlingshem fotboja
knife weapon drugs overdose threatened bruised self-harmed
farbror morbror faster moster
utredd utreds diagnostiserad resursskola resursskolan npf
rymma rymmer rymde
närvaro närvaron
blåmärke blåmärket blåmärkena brännmärke brännmärken
omplaceras omplacerad omplacerade omplacering omplaceringen
berusad berusade onykter nykter drunk intoxicated
behandlingshem behandlingshemmet hembesök hembesöket hembesöken
oroar oroade oroad oroas worried worries
åring åringen åringens blöja blöjan blöjor
hungrig hungriga svälter smutsig smutsiga nedskräpad nedskräpat
injury injuries injured hungry unkempt
slagit utåtagerande utagerande
`);

/** Definite and plural forms that mark the following name as a child or family member ("eleven Ali", "sonen Omar"). */
export const CHILD_NOUNS_BEFORE = words(`
eleven elev pojken flickan sonen dottern barnet brodern systern lillebror storebror lillasyster storasyster syskonen tvillingarna
killen tjejen grabben ungdomen tonåringen 15-åringen klienten kompisen kamraten mamma pappa sonen bonussonen bonusdottern
familjen familj flickvännen pojkvännen
styvsonen styvdottern barnbarnet halvbror halvsyster
barnbarn fosterbarnet fosterbarn
pupil student child boy girl son daughter kid brother sister twin sibling grandson granddaughter stepson stepdaughter named
bror syster brodern kusin kusinen cousin
mamman pappan styvpappan styvmamman mum dad mother father stepdad stepmum
`);

/** Family words after a name's genitive ("Alis mamma") or after "till" ("mamma till Ali"). */
export const FAMILY_WORDS = words(`
mamma mamman pappa pappan föräldrar föräldrarna vårdnadshavare vårdnadshavaren vårdnadshavarna familj familjen bror brorsan
lillebror storebror syster lillasyster storasyster syskon mormor morfar farmor farfar styvpappa styvmamma bonuspappa bonusmamma
mentor mentorn klass klassen frånvaro frånvaron skolgång situation hemsituation placering ärende
son sonen dotter dottern barn barnet barnen söner döttrar barnbarn barnbarnet
mum mom mother dad father parents parent guardian guardians carer carers family brother sister siblings stepdad stepmum
grandma grandmother grandad grandfather nan foster attendance absence placement
stepfather stepmother stepmom step-dad step-mum småsyskon småsyskonen halvbror halvsyster
styvmamman styvpappan bonusmamman bonuspappan
farbror morbror faster moster farbrodern morbrodern fastern mostern kusin kusinen uncle aunt cousin
`);

/** Titles of officials acting in their role. Before or after a name, they make it an official's. */
export const ROLE_WORDS = words(`
skolchef skolchefen socialchef socialchefen förvaltningschef förvaltningschefen sektorchef sektorchefen chef chefen rektor rektorn
biträdande bitr. rektorer kurator kuratorn skolkurator skolkuratorn socialsekreterare socialsekreteraren socialsekreterarna handläggare
handläggaren handläggarna enhetschef enhetschefen verksamhetschef verksamhetschefen elevhälsochef elevhälsochefen utvecklingsledare
utvecklingsledaren verksamhetsutvecklare verksamhetsutvecklaren skolsköterska skolsköterskan sjuksköterska sjuksköterskan specialpedagog
specialpedagogen speciallärare lärare läraren mentor mentorn klasslärare klassläraren psykolog psykologen skolpsykolog skolpsykologen
samordnare samordnaren ordförande ordföranden nämndordförande avdelningschef avdelningschefen områdeschef områdeschefen familjebehandlare
familjebehandlaren fältassistent fältassistenten fältare fältaren polis polisen kommunpolis kommunpolisen ungdomsbehandlare
elevcoach elevcoachen ungdomscoach socionom strateg strategen utvecklingssekreterare administratör registrator nämndsekreterare
läkare läkaren skolläkare skolläkaren syv studievägledare fritidsledare fritidsledaren elevassistent elevassistenten barnmorska
sammankallande konsulent kommunchef kommundirektör stadsdirektör förskolechef förskolerektor lss-handläggare familjehemssekreterare
teamledare arbetsledare gruppledare 1:e förste socialsekr. sekreterare utredare utredaren behandlare behandlaren kontaktperson
kontaktpersonen sköterska bvc-sköterska terapeut terapeuten logoped logopeden kommunalråd politiker ledamot
doktor doktorn dr överläkare överläkaren barnläkare barnläkaren psykiater psykiatern barnpsykiater
teacher headteacher principal deputy counsellor counselor nurse doctor psychologist senco dsl worker caseworker keyworker
officer coordinator therapist paediatrician pediatrician gp tutor lead manager assistant
head
prinsessan prinsen kronprinsessan kungen drottningen kung drottning prins prinsessa princess prince king queen minister ministern statsminister
`);

/** Greetings and addressing words: a name after them is a colleague spoken to or signing. */
export const GREETING_WORDS = words(`
hej hejsan hallå tjena tack tackar mvh hälsningar vänliga hälsning ring fråga kontakta mejla maila hör hörs kolla kollar
cc @ /
hi hello hey dear thanks thx cheers regards
thank
`);

/**
 * Verbs of professional work: a bare first name that does these ("Lena ringer upp", "Anna bokar SIP") is a colleague.
 */
export const COLLEAGUE_VERBS = words(`
tar ringer bokar kallar skickar mejlar mailar kollar återkommer dokumenterar sammankallar leder håller kontaktar informerar
skriver lägger bjuder samordnar ansvarar undersöker utreder handlägger följer stämmer bevakar hämtar meddelar presenterar
rapporterar föredrar sköter sitter deltar tog ringde bokade kallade skickade mejlade mailade kollade dokumenterade kontaktade
informerade skrev lade la ta ringa boka kalla skicka mejla maila kolla höra återkomma dokumentera kontakta
informera skriva lägga bjuda samordna hålla leda följa stämma hämta meddela presentera rapportera sköta delta ordna fixa
calls called rings rang emails emailed mails mailed books booked sends sent takes took leads chairs chaired contacts
contacted informs informed writes wrote arranges arranged coordinates coordinated handles handled checks checked attends
attended joins joined covers covered call ring email book send take lead chair contact inform write arrange check attend
join cover follow handle
registrera registrerar registrerade ber bad hoppar hoppa ersätter ersätta sammanställer sammanställa sammanställde
uppdaterar uppdatera uppdaterade signerar signera granskar granska fyller fylla laddar ladda bjuder asks asked
meet meets met
covering
tolkar tolkade översätter interprets
hälsar titta tittar läsa läser sammanställt sammanställde
share shares shared update updates updated prepare prepares prepared present presents presented circulate circulated
`);

/** Markers of an invented or de-identified case: names in such a message are not a person's. */
export const DEIDENTIFIED_WORDS = words(`
påhittat påhittad påhittade påhittat fiktivt fiktiv fiktiva avidentifierat avidentifierad avidentifierade fingerat fingerad
fingerade hypotetiskt hypotetisk exempelfall övningsfall fallbeskrivning case-exempel låtsasfall
fictional fictitious hypothetical hypothetically made-up case-study anonymised anonymized de-identified deidentified
pseudonymised pseudonymized vignette role-play roleplay
rollspel rollspelet övningsuppgift fallövning diskussionsfall utbildningsfall övningsexempel
`);

/**
 * Capitalised words that open Swedish sentences or headings and are no one's name. The detector only needs
 * these for words that could be read as an unknown name (not in the name lexicon).
 */
export const COMMON_WORDS = words(`
jag du han hon hen vi ni de dem den det detta denna dessa där här hit dit nu då sen sedan idag imorgon igår ikväll
och eller men för att som om när så än ju nog väl också även bara redan snart inte aldrig alltid ofta ibland kanske
en ett alla allt inga ingen inget någon något några många flera fler hela båda varje vissa samma annan annat andra egen
vem vad var vart hur varför vilken vilket vilka vems
har hade är var blir blev kan kunde ska skulle vill ville måste bör får fick gör gjorde går gick kom kommer
tack hej hejsan ok okej ja nej bra toppen absolut kul synd perfekt super japp nä
mötet möte möten dagordning dagordningen protokoll protokollet punkt punkten påminnelse info obs fråga frågan svar
enligt efter före inför under över mellan mot med utan hos från till vid kring runt på av ur genom bland inom utanför
nästa förra denna idag i med angående ang gällande beträffande rörande apropå
skolan skola gruppen styrgruppen samverkansgruppen operativa operativ vits ärendet beslut beslutet rutin rutinen rutiner
handlingsplan handlingsplanen samverkan samverkansplan riktlinje riktlinjen statistik siffror andel antal totalt
klassen klass årskurs åk läsår läsåret terminen termin vecka veckan dag dagen morgon kväll eftermiddag förmiddag
elev elever eleven eleverna barn barnet barnen pojken flickan pojke flicka kille tjej killen tjejen mamma pappa
vårdnadshavare vårdnadshavaren familjen familj föräldrar föräldrarna sonen dottern syskon socialtjänsten soc skolkurator
kurator kuratorn rektor rektorn mentor mentorn lärare läraren
påhittat fiktivt exempel fall fallet case
uppdatering status läget lägesbild sammanfattning bakgrund syfte mål målgrupp övrigt innehåll inledning
välkomna välkommen grattis hälsningar mvh kram
lärande fokus tillsammans insatser vardagsnära tydlig
the this that these those she he they we it its her his their our your you my me him them us who whom whose which what
when where why how if then than and or but not no yes also just only very much many more most some any all each every
can could would will shall should may might must is are was were be been being have has had do does did done
please thanks thank hello hi dear regards cheers best kind sorry ok okay sure
today tomorrow yesterday tonight morning afternoon evening week weekend month year term
last next first after before during since until about above below between into onto from with without within
mum mom dad mother father parents parent school class pupil pupils student students child children boy girl son daughter
family team meeting meetings agenda minutes update note notes summary background staff social services police
mr mrs ms miss dr prof
`);

/** School-year words before a digit ("åk 8", "årskurs 8", "klass 9C"). */
export const CLASS_WORDS = words(`åk åk. årskurs klass klassen år class year grade yr
`);

/** Ordinal class names ("i sjuan", "i nian"). */
export const CLASS_ORDINALS = words(`ettan tvåan trean fyran femman sexan sjuan åttan nian`);

/**
 * Words in the clause after a name and a verb that also fits a colleague ("tog med sig", "ringde") which make the
 * name a child's: what a child brings, does or meets, not what a professional handles.
 */
export const CHILD_CLAUSE_WORDS = words(`
kniv kniven knivar vapen vapnet pistol pistolen droger drogerna narkotika hasch cannabis alkohol sprit snus cigaretter tändare
nakenbilder nakenbild hotfulla överdos tabletter piller rymde rymt lektion lektionen lektionerna lektioner rasten rasterna
klasskompis klasskompisar klasskamrat klasskamrater kompis kompisar kompisen kompisarna matsalen skolgården toaletten
bris läxan läxorna
knife knives weapon gun drugs cannabis weed alcohol vodka cigarettes vape lighter nudes pills overdose classmate classmates
friend friends lesson lessons playground toilets childline homework
hot hotet hotade panik rädd ledsen dö döda skada skador skadade skadat självskada ätstörning giftas slår slog sparkade
kastat kastade utbrott uppsats uppsatsen idrotten idrottslektionen natt natten nätterna snapchat instagram tiktok sms själv
berättade berättat småsyskon småsyskonen
threat threatened panic scared die kill hurt harm injuries snapchat
dagbok dagboken diary
leva livet
gode
sönder
ärr ärren sår såren hämtad hämtades okänd adhd autism diagnosen scars
rymma rymmer
`);

/** Possessive pronouns that, before a family word, make the subject its child ("ringde sin mamma", "called his mum"). */
export const OWN_POSSESSIVES = words(`sin sitt sina his her their`);

/** Words of staff logistics: a named person in such a clause is a colleague, not a case subject. */
export const LOGISTICS_WORDS = words(`
sjukskriven sjukskrivning sjukanmäld sjukanmälan semester semestern semestrar ledighet föräldraledig föräldraledighet
föräldraledigheten tjänstledig tjänstledighet vab vabbar vabbade utbildning utbildningen utbildningar utbildningsdag
utbildningsdagen fortbildning fortbildningen kurs kursen kurser konferens konferensen workshop workshopen föreläsning
föräsningen föreläser föreläsningen rummet konferensrummet lokalen bokningen vikarie vikarien vikarierar ersättare ersätter
tjänsten nyanställd anställd anställning handledning handledningen introduktion introduktionen apt arbetsplatsträff
arbetsplatsträffen jobbar arbetar distans hemifrån kompledig kompledigt möten mötena inställt inställd ställs ställt
leave holiday holidays vacation training course conference workshop seminar booked booking covering supply maternity
paternity rota shift inset wfh remote
genomgång genomgången avstämning avstämningen överlämning överlämningen veckomöte teamträff ärendedragning bokad bokade
pension pensionen retire retiring retired
avtackning avtackningen tårta tårtan farewell slides presentation presentationen
`);

/** Words that are logistics only with other signs of staff talk ("är sjuk idag", "is off sick"). */
export const LOGISTICS_WEAK_WORDS = words(`sjuk sjuka ledig ledigt borta bortrest sick ill off away slutat slutar left
`);

/** Words anywhere in a message that say it is about staff work ("tar över hans SIP-möten", "vikarie"). */
export const STAFF_MARKERS = words(`
vikarie vikarien ersättare ersätter kollega kollegor kollegan kollegorna personal personalen arbetslaget tjänsten
colleague colleagues staff cover covering replacement täcker vikarierar ledig semester tjänstledig
`);

/** Nouns a staff member's work is counted in ("hans ärenden", "her caseload"). */
export const WORK_NOUNS = words(`
ärenden möten mötet möte sip-möten sip-möte samtal tider mottagning pass grupper grupp uppdrag klasser lektioner utbildningen
cases caseload meetings meeting sessions clients appointments
`);

/** Definite singular (and a few pair) nouns for a child that, with a class and an event, single one out. */
export const SINGLED_CHILD_NOUNS = words(`
pojken flickan eleven killen tjejen grabben ungen sonen dottern barnet tonåringen ungdomen tvillingarna syskonen
bröderna systrarna brodern systern lillebror lillasyster storebror storasyster styvsonen styvdottern fosterbarnet
trillingarna tvillingpojkarna tvillingflickorna tvillingsystrarna tvillingbröderna syskonparet
`);

/** English child nouns, singled out after "the" ("the boy in 7C"). */
export const EN_CHILD_NOUNS = words(`
boy girl pupil student child kid son daughter twins siblings brothers sisters lad teenager youngster
`);

/** Kin nouns in a child-of relation ("dottern till rektorn", "rektorns son", "the head's daughter"). */
export const KIN_NOUNS = words(`
son sonen dotter dottern barn barnet döttrar söner barnbarn barnbarnet styvson styvdotter bonusson bonusdotter
daughter child kid kids children stepson stepdaughter grandson granddaughter
`);

/** Events and situations that single a child out ("vars pappa greps", "som blev slagen"). */
export const SINGLING_EVENTS = words(`
greps gripen gripits gripna anhållen anhölls häktad häktades dömd dömdes fängelse fängslad åtalad polisanmäld anmäld
dog död dött avled avlidit omkom självmord begravning slagen slogs slog slår misshandlad misshandlades misshandel
våldtagen våldtäkt våld övergrepp utsatt utsattes hotad hotades hot knivhuggen knivskuren skadad skadades skottlossning
omhändertagen omhändertogs omhändertagits placerad placerades placering lvu orosanmälan orosanmäld anmälan försvann
försvunnen rymde rymt gravid abort missbruk missbrukar dricker alkoholist skild skilsmässa utvisad utvisning
deporterad flydde skyddat skyddad berättade
arrested charged jailed prison convicted died dead death killed suicide funeral beaten hit hurt abused assaulted raped
stabbed injured shot taken removed placed missing ran pregnant overdose deported divorced disclosed
blåmärken blåmärke brännmärken bruises bruised
berusad berusade onykter drunk intoxicated inlagd inlagda
överfall överfallet överfallen rånad rånades brann branden tidningen
hits hitting beats beating
diabetes epilepsi leukemi cancer insulin diagnos diagnosen diagnostiserad epilepsy leukaemia leukemia diagnosed
hämtats uthämtad uncollected
gravida fotboja fotbojan rullstol rullstolen rullstolsburen rullstolsburna inlåst inlåsta inlåstes skabb löss asyl asylen avslag
utvisningsbeslut hedersproblematik hedersvåld hedersförtryck behandlingshem familjehemmet familjehem hvb sis-hem ungdomshem
wheelchair tagged asylum lice scabies
`);

/** Titles before a surname. Dr and doktor make an official; Mr, Mrs, Ms and Miss only with a role word nearby. */
export const DOCTOR_TITLES = words(`dr doktor doktorn prof professor leg`);
export const COURTESY_TITLES = words(`mr mrs ms miss`);

/** Upper-case abbreviations that are subjects, units, diagnoses or roles, never a pupil's initials. */
export const NOT_INITIALS = words(`
so no sv ma en eng it hk hkk bd mu tk id idh sl sva mo fy ke bi ge hi re sh te nv sa ek es ib pe dt ict rs
bup hab bvc sip lvu lss sol osl ifo hvb eht ehm kf ks bun sn bu fn uk us eu tv pc dj ok vd vip syv npf adhd add asd ast ocd
iup ta lsa sen eal dsl ap åp ka ff vt ht pm ss st nr tel fax cc bcc re fw fwd ca bl ev dvs mm osv mfl pga ang tex
`);

/** Negations: right before an invented-case marker they cancel it ("inte ett påhittat fall"). */
export const NEGATIONS = words(`inte ej icke inget ingen inga aldrig not no never isn aren wasn weren nothing`);

/** Words that, before an invented-case noun, mark it ("tänkt fall"), or after "made" ("made up"). */
export const INVENTED_NOUNS = words(
  `fall fallet exempel exemplet scenario scenariot situation situationen case elev barn familj ärende namn names name example scenario`,
);

/** Endings of school and preschool names ("Nossebroskolan", "Oakwood School"). */
export const SCHOOL_SUFFIXES: readonly string[] = ['skolan', 'skola', 'gymnasiet', 'förskolan', 'förskola', 'school', 'academy', 'primary'];

/**
 * Context words of the institution rather than of one child: a message with only these ("rutin för orosanmälan",
 * "alla SIP:ar", "barn och unga") is about the work, and a first name alone in it is a colleague's.
 */
export const INSTITUTIONAL_CONTEXT = words(`
elev elevs eleverna barn barnens familjer föräldrar föräldrarnas vårdnadshavare vårdnadshavarna orosanmälan orosanmälningar
orosanmälningarna orosanmäla anmälan anmälningar placering placeringar placeras sip sip-möte sip-mötet sip:en ärende ärenden
ärendets kurator kuratorn kuratorns skolkurator mentor mentorn elevhälsan elevhälsoteamet skolsköterskan socialtjänsten soc bup
barnpsykiatrin hab habiliteringen bbic samtycke samtycket samtyckesblankett utredning utredningen insats insatser stödinsats
bistånd biståndsbeslut åtgärdsprogram åtgärdsprogrammet anpassningar anpassad skolplacering skolbyte kontaktfamilj
kontaktfamiljen kontaktperson lvu hvb hvb-hem familjehem jourhem skolgång skolgången frånvaro frånvaron skolfrånvaro frånvarande
fritids fritidshemmet camhs referral referred safeguarding attendance absence absences ehcp lac cin foster fostering welfare
children pupils kids parents pupil student family familj familjer aktuell aktualiserad aktualiseras oro ungdomen ungdomens
närvaro närvaron
`);
