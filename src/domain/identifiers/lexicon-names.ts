/** Word lists for names: surnames and their endings, names that are also words, and words that are never names (see lexicon.ts). */

import { words } from './words';

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
