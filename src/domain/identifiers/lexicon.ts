/**
 * Word lists the detector reads with. All lower case, precomputed as Sets
 * once at load so every lookup is O(1).
 */

const words = (s: string): Set<string> => new Set(s.split(/\s+/).filter(Boolean));

/** Family names common in Sweden: Swedish, Nordic and the largest immigrant origins. */
export const SURNAMES = words(`
andersson johansson karlsson carlsson nilsson eriksson larsson olsson persson svensson gustafsson gustavsson pettersson petersson
jonsson jansson hansson bengtsson jönsson lindberg jakobsson jacobsson magnusson olofsson lindström lindqvist lindkvist lindgren berg
axelsson bergström lundberg lind lundgren lundqvist mattsson berglund fredriksson sandberg henriksson forsberg sjöberg ali wallin
engström eklund danielsson lundin håkansson björk bergman gunnarsson holm wikström samuelsson isaksson fransson bergqvist nyström
holmberg arvidsson löfgren söderberg nyberg blomqvist claesson nordström mohamed mohammed ahmed hassan hussein abdi omar ibrahim yusuf
ek falk hedlund åberg sundberg lundström strand nordin holmgren berglund sundström dahlberg ström sjögren hermansson nordberg öberg
månsson abrahamsson hellström jonasson bergkvist lindholm dahl nordqvist åkesson viklund wiklund björklund eliasson sandström
andreasson lindblom ekström sundqvist martinsson norberg blom söderström lindell sjöström melin ekberg jensen nielsen hansen
lund hedberg strömberg ström englund franzén östlund ågren nyman hägg åström boström högberg lundell sundin holmqvist forsman
edlund nordlund ekman ekholm lindahl hedström rosén rosen lindén linden westerberg wester malm malmberg malmström nord norén
östberg skoglund skog lundmark nilsson ottosson sandin borg borgström wahlström wallgren westin vik wikberg wiberg rydberg
ryberg lönn åkerlund åkerman åkerström ahlberg ahlström alm almqvist almgren bäck bäckström blomberg blomgren bohlin bolin
brandt broberg brodin dahlgren dahlström ekdahl ekelund engberg engdahl engman fors forslund fredholm frisk granberg granström
grönlund gren hagberg hagström hallberg hammar hedman hellberg hjalmarsson höglund jakobsson kvist lagerqvist larsen lilja liljeqvist
lindahl lindh lindholm lindmark lindquist lundh lövgren mattsson molin mårtensson nordgren nordström norling nyqvist nylund olander
palm palmqvist pihl rask rehn rosengren rundqvist sahlin sandell selin sjölund sköld stenberg stenström sterner strandberg sundell
svärd syberg sörensen thorén törnqvist wahlberg wallén wennberg westberg westman widén wikman zetterberg zetterström östman
hussain husein hasan hassan mahmoud mahmud mustafa osman yousef youssef saleh salih abdullah abdulla rashid karimi ahmadi hosseini
mohammadi rahimi rezaei hashemi jafari moradi ahmadi sadeghi rostami nazari azizi amiri sultani haidari haydari noori nuri
farah warsame jama aden adan hirsi nur nuur mohamud mohamoud ismail dahir elmi egal hersi guled shire yilmaz kaya demir sahin şahin
celik çelik yildiz yıldız yildirim aydin aydın öztürk ozturk arslan dogan doğan kilic kılıç aslan cetin çetin kara koc koç kurt
ozdemir özdemir polat tekin hodzic hodžić hadzic hadžić begic begović kovacevic kovačević jovanovic jovanović petrovic petrović
nikolic nikolić markovic marković djordjevic đorđević stojanovic pavlovic ilic ilić babic babić horvat novak kowalski kowalska
nowak wisniewski wiśniewski wojcik wójcik kaminski kamiński lewandowski zielinski szymanski wozniak dabrowski kozlowski
ivanov ivanova petrov petrova smirnov popov kuznetsov korhonen virtanen mäkinen nieminen mäkelä hämäläinen laine heikkinen
koskinen järvinen lehtonen lehtinen saarinen salminen heinonen niemi tesfay tesfaye tesfamariam tekle kidane haile gebremedhin
gebre ghebremichael berhane mehari yohannes woldu ghebreyesus habte abraha asfaha kahsay negash nguyen tran le pham hoang
huynh vu vo dang bui do ho ngo duong ly wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo lin khan
singh kumar sharma patel shah hussaini siddiqui qureshi malik chaudhry butt akhtar iqbal rana smith jones brown williams
taylor davies wilson evans johnson thomas roberts walker wright robinson thompson white hughes edwards green hall wood harris
lewis martin jackson clarke clark turner hill scott cooper morris ward moore king watson baker harrison morgan patel young
allen mitchell james anderson phillips lee bell parker davis garcia rodriguez martinez hernandez lopez gonzalez perez sanchez
ramirez torres flores rivera gomez diaz silva santos oliveira souza costa pereira ferreira rossi russo ferrari esposito bianchi
romano colombo ricci marino greco bruno gallo conti wågesson saldner ardell
`);

/** Endings of Swedish family names (and patronymic forms) that capitalised words rarely have otherwise. */
export const SURNAME_SUFFIXES: readonly string[] = [
  'sson',
  'son',
  'berg',
  'ström',
  'strom',
  'qvist',
  'kvist',
  'quist',
  'lund',
  'gren',
  'grén',
  'ander',
  'ius',
  'blad',
  'dahl',
  'dal',
  'holm',
  'stedt',
  'stedt',
  'sjö',
  'bäck',
  'hammar',
  'mark',
  'löf',
  'löv',
  'hed',
  'lin',
  'lind',
  'man',
  'feldt',
  'felt',
  'rot',
  'ros',
  'ell',
  'én',
  'én',
  'stam',
  'borg',
  'bom',
  'by',
  'vall',
  'wall',
  'ing',
  'ic',
  'ić',
  'ović',
  'ovic',
  'evic',
  'ević',
  'ski',
  'ska',
  'cki',
  'wicz',
  'nen',
  'inen',
  'zadeh',
  'zada',
  'pour',
  'oglu',
  'oğlu',
  'yan',
  'ian',
  'iani',
  'nejad',
  'ovski',
  'enko',
  'sen',
];

/** Given names that are also common Swedish (or everyday English) words: count them only with strong evidence. */
export const AMBIGUOUS_NAMES = words(`
per bo mark dag sten stig liv saga lova vilja klara alla inga juni maj april tor ros sol love hans tom ben fred rosa bror kaj
my lo vide will hope joy sky may bill art grace faith summer holly ivy angel gift peace mercy patience precious blessing favour
even rut max tim dan jan mina sima hala lin lina rima rim lama rita hind axel ville vilda tindra mynta malva frans valle lena
linda lisa jasmin iris nike kaja tuba marin karma long nam mai yen sung vy hung can sina aster viola ester salam said morgan
tuva august frank rose ruby amber hazel violet willow daisy poppy jade hunter parker mason taylor piper harper autumn
gun nor tea ana uno
`);

/**
 * Words that are never a child's name in this domain even capitalised: holidays, places, institutions, months and days.
 */
export const NEVER_NAMES = words(`
valborg midsommar jul påsk lucia advent sörmland essunga gnesta lekeberg lekebergs oxelösund oxelösunds örebro stockholm göteborg malmö
uppsala västerås linköping norrköping nyköping eskilstuna södertälje sverige sveriges prator teams outlook skolverket socialstyrelsen
skatteverket polisen bup hab bvc lvu lss sol osl sip vits brå est ifo hvb kf ks bun sn bu so fn barnkonventionen januari februari
mars juli augusti september oktober november december måndag tisdag onsdag torsdag fredag lördag söndag koordinaten
frejaskolan kommunen kommunhuset
monday tuesday wednesday thursday friday saturday sunday january february march july
october november december christmas easter eid ramadan
english swedish maths math science history geography music french german spanish arabic somali
svenska engelska matte matematik idrott slöjd musik bild historia geografi biologi fysik kemi teknik religion
samhällskunskap hemkunskap spanska tyska franska arabiska somaliska modersmål sva
camhs senco dsl ehcp ofsted nhs
`);

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
knife weapon drugs overdose threatened bruised self-harmed
farbror morbror faster moster
utredd utreds diagnostiserad resursskola resursskolan npf
rymma rymmer rymde
närvaro närvaron
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
];

/** Words before an address or number that make it an office's (not a family's). */
export const OFFICE_WORDS = words(`
kommunhuset kontoret socialkontoret stadshuset besöksadress besöksadressen postadress postadressen receptionen reception lokalen
lokal rum rummet skolan skolans biblioteket familjecentralen ungdomsmottagningen mottagningen fritidsgården huset konferensrummet
växel växeln vx vxl kontaktcenter kundtjänst servicecenter direkt direktnummer jour socialjouren jouren polisen 112 1177 114
expeditionen expedition telefontid kommunens skolans förvaltningens sal kontor
kontorets kommunhusets mottagningens socialkontorets receptionens växelnummer huvudnummer
`);

/** Words before a 10-digit run starting 07 that make it a phone number rather than a personnummer. */
export const PHONE_CUES = words(`
tel tel. telefon telefonnummer telnr tfn mobil mobilnummer mobilnr nr nummer numret ring ringa sms sms:a smsa nås
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
`);

/** Words that are logistics only with other signs of staff talk ("är sjuk idag", "is off sick"). */
export const LOGISTICS_WEAK_WORDS = words(`sjuk sjuka ledig ledigt borta bortrest sick ill off away slutat slutar left
`);

/** Words anywhere in a message that say it is about staff work ("tar över hans SIP-möten", "vikarie"). */
export const STAFF_MARKERS = words(`
vikarie vikarien ersättare ersätter kollega kollegor kollegan kollegorna personal personalen arbetslaget tjänsten
colleague colleagues staff cover covering replacement
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
`);

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
