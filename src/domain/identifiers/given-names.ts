/**
 * Given names that children and parents in Sweden actually carry, compiled
 * from public name statistics (SCB's lists of the most common first names of
 * newborns and of the population) and common spellings across the origins
 * represented in Swedish schools. Lower case; spelling variants are listed
 * separately because they are cheaper than fuzzy matching.
 *
 * A lexicon never covers the rare names, which identify the most; the
 * detector also reads structure (see detect.ts).
 */

const SWEDISH_NORDIC_GIRLS = `
alice maja elsa astrid wilma vera ella alma ebba freja olivia agnes selma saga clara klara stella nova alva lilly lily ellie elvira signe ines
iris leah lea molly ellen edith julia frida isabelle isabella hedda tyra thea tea tilde tilda linnea linnéa emma emilia emelie emelia ida elin
moa tuva lova juni svea hilda hanna hannah sara sarah sofia sofie sophie sophia amanda matilda mathilda felicia filippa nellie nelly esther ester
ronja liv lo my elise elisa elsie meja mira novalie luna lykke sigrid märta greta edda ingrid stina lisa lina linn linda malin maria marie anna
karin kristina christina eva birgitta margareta elisabet elisabeth elizabeth ingegerd inger ulla kerstin marianne monica monika gunilla
helena helen ann annika annica susanne susann katarina catarina karolina caroline carolina camilla cecilia charlotte charlotta jenny jennie
jessica johanna josefin josefine josephine jonna joanna julie juliana ulrika viktoria victoria therese theresé terese åsa asa ylva maria
gunnel gun gunvor britt brita britta barbro berit birgit bodil dagny ebba edla elna elvy ethel evelina evelyn fanny gerd gertrud greta gudrun
hedvig helga hillevi inga ingeborg irma irene iréne jane kajsa karolin kristin lena lillemor lisbeth lisbet louise lovisa lovise madeleine
magdalena maj majken margit marit marita mona märta nina ninni pia rebecka rebecca ronja rut ruth sanna siri siv solveig sonja stina susanna
tove tova tora torun ulla ulrika valborg vivianne viveka ylva åsa agneta anette anneli annelie anette bettina cajsa carin charlott daniela
elina elinor eleonor eleonora ellinor ewa emmy emmie engla evy fredrika gabriella gabriela helén heléne hélène hilma idun ingela irén jeanette
jeannette jill josefina kaisa kim kristin lena liselott liselotte lotta louise madelene malva maud mikaela michaela minna miriam mirjam nathalie
natalie natalia nadja nadia nathalia olga paulina petra pernilla rakel rosa rosalie ruth saga sandra selina sigrun siri sonia tindra tiina
tina tuva ulrica vanessa veronica veronika viola vilja vilda wilda vilma wera agnes alicia alexandra alexia amelia amelie angelica angelika
anja ann-christin ann-charlotte ann-kristin ann-marie ann-mari anna-karin anna-lena anne annette ariana ava bella bianca celine celina
chloe cornelia dagmar denise desirée ebbe elena eline ellie-may emely emilie erika estelle evie frederikke hampa harriet heidi hilde idha
ingrid isa isabel isolde jasmine jasmin jennifer jonna kaja katja kajsa klara lejla leia lena linnéa liv lizette lovisa lucia lucy luna
madicken majvor malin maya mia mimmi minna moa molly my märta nellie nicole nike noomi nora norah novah olivia oona pauline penny rosie
sally selina sienna siri smilla stella svea tekla thilda tilly tuva tyra vanja wendela wilhelmina vilhelmina wilma yvonne zara zoe zoé zelda
livia livija vendela vendla hailey haley kaylee nea tilly ellis nathalie astrid alba alida ylvi ebbi elly elle elna mynta ester vide
`;

const SWEDISH_NORDIC_BOYS = `
william noah hugo lucas liam oliver adam elias alexander walter valter ludvig theo teo matteo leo nils alfred olle oscar oskar axel
vincent frans harry charlie sam love loui louie melvin gabriel arvid isak viktor victor frank sixten otto edvin albin elis ebbe malte
emil anton filip philip gustav gustaf jack milo mio kevin max maximilian carl karl ville wilhelm vilhelm josef joseph benjamin hampus jonathan
jonatan elton colin august algot mohammed samuel casper kasper sigge viggo ture tage edward eddie erik eric john johan jon jonas leon levi
alvin aron aaron noel nicolas nicholas nikolas simon tim timo tom tore tor vidar melker neo nelson dante bruno gunnar henry henrik sebastian
david daniel jacob jakob lukas mattias matthias mathias martin marcus markus mikael michael magnus anders lars per peter petter stefan
staffan fredrik hans jan johannes joakim jimmy kristoffer christoffer christopher christian kristian niklas nicklas patrik patric robert
robin thomas tomas tobias ulf mats björn bengt bo bertil göran gösta gunnar harald holger ingemar ingvar ivar jöns karl-erik kenneth kent
lars-erik leif lennart mats mikael morgan nils-erik ola olof ove peder pelle pontus rasmus roger roland rolf rune sten stig sune sven
svante torbjörn torsten ture urban uno valdemar waldemar åke östen örjan alf allan arne assar birger bror conny curt kurt dan dennis einar
elof emanuel erland evert folke georg gerhard gunnar gustaf halvar hjalmar helge herbert hilding hugo ingvar isidor jesper jens jerker joel
jonny johnny kalle kjell klas claes krister kristofer lage lasse leopold lennox linus loke love ludwig manne matti mauritz max melvin mille
måns nisse nore olle orvar osvald otto per-erik pontus ragnar reidar reinhold rickard richard robin rutger sigurd sigvard sixten sture
svante sölve tage teodor theodor tellus thor thorsten tomas torgny tristan truls ulrik unne valle vide vidar viggo vilgot wilgot
villiam vincent wille yngve zacharias sakarias zakarias zeb adrian albert alex alexis alvar anders andreas anton arvid axel bill billy
birk bosse calle casimir charlie clas colin conrad cornelius dag dante david douglas eddie edgar edvard edwin eino elmer elvin emanuel
enzo eskil ferdinand filippo folke fritz gideon gottfrid gunnar gusten harry helmer henning herman hilmer holger hugo ivar jack jakob
jarl jim joar joel john jonte julius kai kaj kim konrad kristian kurt lancelot leonard leopold liam lowe ludvig lukas malcolm malte
marius mattis maximus melker milton mio morris nathan natan nicolai niels noa noak nor novak ossian otis otto patrick pavel rafael
raphael roy ruben sigfrid silas sivert sixten stellan sten svea teo tim tobbe tobias tor torvald ture ture uffe uno valentin vide vilmer
vincent wiktor ymer åke wilmer tage sonny rikard rickard linus benny tommy jörgen mikke jocke micke lelle janne putte basse
`;

const FINNISH_SAMI = `
aino aila aija anneli anu eija elina hanna heikki helmi hilkka irja jaana juha jukka jussi kaarina kalevi kari kirsi kirsti leena liisa
maija maarit marja markku matti merja mika mikko minna niina oona outi paavo pasi pekka pentti pirjo päivi raili raimo riitta ritva sami
sanna satu seija seppo sirpa taisto tapio tarja teemu timo tuija tuomas tuula ulla veikko veli ville väinö eetu eero eino elias onni
oiva aatu lauri joona juho niko aleksi eemeli leevi kasper arttu otso venla aada emilia ilona iida kerttu vilja nelli pihla lumi aava
ella elli siiri senja alisa essi jenni katja laura noora sini suvi tiia tiina heli marjo kaisa ailo ante biret elle inga mikkel nils-ante
`;

const ARABIC = `
mohammed mohammad mohamed muhammad muhammed mohamad mohammad-ali ahmad ahmed ahmet ali omar umar omer hassan hasan hussein husein hussain
husain ibrahim ismail ismael yusuf yousef yousif youssef jusuf josef abdullah abdallah abdulla abdul abdulrahman abdirahman abdelrahman
abdulaziz abdelaziz abdulkarim abdulkadir abdikadir abdiaziz abdirizak abdiwali abdinasir abdullahi abdisalam abdulqadir karim kareem
khalid khaled khalil hamza hamze hamid hameed hamed hamad mahmoud mahmud mahmood mustafa mustapha mostafa moustafa murad mourad nabil
nasser naser nasir nadir nader rami rashid rachid rasheed said saeed saed sami samir sameer tariq tarek tareq walid waleed yasin yassin
yasine yasser yaser yahya yahia zakaria zakariya zaid zayd zayed ziad ziyad adnan ayman aiman amir ameer amin amine anas anwar aziz bilal
fadi faris fares fawaz firas ghassan haider haidar haitham hakim hashem hatem hazem hisham husam imad issa isa jamal jamil jihad kamal
kamil karam louay luay maher majed majid malik mansour mansur marwan mazen mohanad muhanad muhannad nabeel nour noor nuri osama usama
qasim qassem rayan rayyan riad riyad sabri saif sayf salah salem salim sultan taha tamer wael wassim wasim yazan youssef zain zein
adam aya ayah amal amina aminah amira ameera asma asmaa aisha aicha ayesha aysha dalia dania dana dunya duaa doaa esraa israa farah fatima
fatma fatimah fatme ghada hala hana hanan hiba heba hind huda houda iman eman inas jana jamila jasmin yasmin yasmina jamila jannat jenna
jumana khadija khadijah lama lana lara layla leila laila lina lujain lubna maha malak manar mariam maryam mariama marwa maysa mays mira
muna mona nada nadia najwa nawal nesrin nisrin nour noura nora noor nur rahaf rana randa rasha razan reem rim rima rouba ruba rukaya
ruqaya safa safaa salma salwa sama samar samira sana sara sawsan shahd sham shams sidra suha sumaya sumaiya summer tala tasnim tasneem
wafa warda yara yasmine zahra zainab zeinab zaynab zina hawra hajar hadil hadeel batoul batool bushra dima dalal ghalia ilham lamar
lamis lujayn malika maram marya mayar nadine nahla naima narjis nayla nihal raghad rania rawan reema retaj ritaj riham rosa rua sabah
sahar sajida sajda sanaa shaima shaimaa shirin soha sondos tamara tuqa yumna zahraa zaynab aliya alia amani asil aseel bayan dareen
judy joud jud jouri juri layan leen lin masa maysoon maya nardin rimas sarah selin sila talin zeina abbas ammar anis ayoub ayub badr
baraa basel basil bassam dawood dawud elias eyad iyad fahad fahd faisal feisal habib hadi hamoudi hussam ihab ilyas ilias jaber jawad
kais qais laith layth leith luqman loqman mahdi mehdi moaz muaz mohsen muhsin mouhamed mujtaba munir nizar obaida qusay rabih radwan
ridwan rida reda sadiq samer shadi sharif sohaib suhaib suleiman sulaiman sulejman tamim tamim usman osman uthman yamen yaman yazeed
yazid youness younes yunus yunis zakariyya zubair zuhair ilyas muhamad mohamud mohamoud
`;

const SOMALI = `
abdi abdirahman abdikarim abdiqani abdinur abdiwahab abdisamad abdishakur abdifatah abdullahi ahmed aden adan awil awale bashir bile
burhan dahir daud farah faysal gedi hassan hirsi hussein ibrahim idris ilyas jama jamal liban mahad mahamed mohamud muktar mukhtar mursal
nuur nur omar osman qani ridwan sahal said salad samatar shire siyad warsame yasin yusuf zakariye abshir abukar awil guled hamse keyse
khadar kaafi mowlid nasri sakariye sharmarke warsan yonis anwar ayaan ayan amran amina asha ayan deeqa deka faduma fadumo farhiya filsan
habiba hamdi hawa hibo hodan hoodo ifrah ikran ilhan ilham istahil kaltun kowsar kawsar layla maryan marwo muna nasra nimco nimo qamar
ruqiya sabrina safiya sagal samira shukri sucaad sumaya ubah warsan yasmin zamzam hani munira naima nafiso nasteho fardowsa fartun
hamda hanad hoodo idil ilwad kaamil khalid najma sadia sahra sucdi suad ugbaad yurub mako maido hafsa hafso
`;

const PERSIAN_AFGHAN_KURDISH = `
ali reza alireza amir amirali arash arman armin aryan arian arya ashkan babak bahram behnam behrouz behzad bijan dariush darius dariusz
ehsan farhad farid farzad farshid hamid hamidreza hossein hosein iman jamshid javad kamran kaveh keyvan kian kiyan kourosh kurosh
mahdi mahyar majid mani masoud masud mehdi mehran milad mohsen morteza nima omid parsa parham pedram payam peyman pouya puya ramin reza
rostam rustam saeed saman sasan shahin shahram shayan siavash sina soroush sorosh vahid yasin yashar yousef zaniar zanyar aram aras
azad baran bawan dilan diyar dilshad hawar hiwa hemin karwan kawa kawan rebin rebaz renas rezhin roj rojhat rojin rojda ronahi ronak
serhat shvan shivan sherko soran zagros zana zhiar dler dilovan hogir berivan hevin helin jiyan nazdar nergiz nishtiman rojan rozhin
shilan soma sozan zhila zhina evin ayla avin delal deniz dilara dilnaz hana hasti jina kajal lana nasrin nazanin neda negin niloufar
nilufar parisa parvin pegah roya sahar sanaz setareh shabnam shadi shirin shiva sima soheila sorayya taraneh yalda yasaman yasamin
zahra zari ziba atena atefeh azadeh bahar darya donya elaha elham fatemeh fereshteh golnaz hadis hediyeh kimia laleh leyla mahsa
mahtab mahnaz maryam mina mitra mobina nadia narges nastaran nazila niloofar raha rana romina sadaf samira sara sepideh setayesh
shaghayegh shakiba tara yeganeh zeinab ahmad ahmadzai basir bashir farhan ferhad haroon harun hashmat homayoun jawid javid khalil
mansoor masih mirwais mujib mustafa najib naveed navid nabi qadir rahim rahmat rahmatullah sabir samiullah shafiq sharif tamim wahid
zabihullah zaki zakir zalmai zia ziaullah habibullah hekmat hikmat ihsan ismail karim latif mahboob mehrab nasrat obaid rashid sayed
sayeda sediqa shukria sima soraya tahmina wahida zarghona zohra zuhal zakia zarifa nargis mursal munisa madina laila khatera hamida
freshta fariba farzana fatima gulalai gulnaz habiba hosna mariam marjan masooma nazia parwana parwin roshan sabira samina shabana
`;

const TURKISH = `
ahmet mehmet mustafa emre can cem cemal deniz emir eren furkan hakan halil hasan hüseyin huseyin ibrahim ismail kaan kerem mert murat
onur oguz oğuz omer ömer ozan selim serkan sinan tolga tuncay ugur uğur volkan yasin yunus yusuf berkay baris barış burak cihan doğan
dogan efe egemen emin enes erkan ertan fatih gökhan gokhan hamza harun ilker kadir kemal koray levent metin mithat muhammet necati okan
orhan osman ramazan recep salih selçuk sercan sezer taner tarik tayfun timur tuncer turgut umut yakup yavuz yigit yiğit yilmaz zeki
alp alper arda aras atakan ayberk batuhan berat berk berkan beran bora cenk doruk eymen göktuğ kuzey mirac miraç poyraz yagiz yağız
ayse ayşe aylin ayla aynur belgin berna beyza burcu büşra busra cansu ceren derya dilek dilan ebru ece ecrin ela elif emine esra
eylül eylul fadime fatma feride gizem gül gul gülsüm hatice hilal irem kübra kubra leyla melek melike meltem merve meryem nazli nazlı
nesrin nur nurcan özge ozge öykü pinar pınar rabia selin sema serap sevgi sibel songül sude sultan şule sule tuba tugba tuğba yagmur
yağmur yeliz zehra zeynep zuhal asya azra defne duru eda hira iclal ikra lina medine mina nehir nisa öykü rana sena senanur yaren zeren
`;

const BALKAN_EASTERN = `
adnan admir adis alen almin alma amar amel amela amina amir amra anel armin asim azra belma benjamin berina dino damir davor dejan
denis dragan dušan dusan edin edina elma elvir elvira emin emina emir emra enis ermin esad faruk haris hasan ibro ilma irma jasmin
jasmina kenan lejla lamija lana lejla mahir maida medina mehmed melisa merima mersiha miralem mirza muhamed mustafa nedim nejra nermin
nermina nihad nina omer adela ajla ajna alisa amna anja arijana belmin dalila danijel davud dženan dzenan džana dzana edis elmir emil
emra ena erna faris haris harun ilhan ismar jusuf kerim lamija lejla mia mila minela mirela naida nadina nejla sajra sanela sara selma
sumeja tarik vedad zerina zlatan zlatko aleksandar aleksandra ana andrej andrija bojan boris branko dalibor danilo darko dejan dragana
dušanka goran gordana ivan ivana jelena jovana katarina kristina luka marija marko milan milena milica miloš milos mladen nemanja nenad
nikola nikolina petar predrag radovan ratko sanja saša sasa srdjan stefan svetlana tamara tijana uroš uros vesna vladimir zoran zorica
ante ivo josip mario marin mateo matej mirko tomislav vedran vlado ana lucija ivona petra ema dora lana lea arben arber besnik blerim
bujar driton fatos fisnik flamur gentian ilir kujtim lirim valon visar adelina albana arta besa blerta dafina donika drita fjolla
florentina gresa kaltrina liridona lumnije mimoza qendresa rina teuta valbona vjosa zana
`;

const POLISH_RUSSIAN_BALTIC = `
adam adrian aleksander andrzej antoni bartek bartosz dawid dominik filip franciszek grzegorz hubert igor jakub jan janusz jerzy kacper
kamil karol krzysztof łukasz lukasz maciej marcin marek mateusz michał michal mikołaj mikolaj oskar patryk paweł pawel piotr przemysław
rafał rafal robert sebastian stanisław szymon tadeusz tomasz wiktor witold wojciech zbigniew agata agnieszka aleksandra alicja anna
barbara beata dorota ewa gabriela hanna iwona joanna julia justyna kamila karolina katarzyna kinga klaudia lena magdalena maja małgorzata
malgorzata marta martyna monika natalia oliwia paulina weronika wiktoria zofia zuzanna dmitri dmitrij alexej aleksej anastasia anastasija
andrei artem artjom denis egor jegor ilja ilya ivan kirill maksim maxim mikhail nikita oleg pavel roman sergej sergei vadim vladislav
yuri jurij daria darja ekaterina jekaterina irina ksenia olga polina sofija svetlana tatiana tatjana valeria viktoria yana jana anastasiya
mykola oleksandr oleksii bohdan taras yaroslav dmytro andrii vasyl olena oksana yulia yuliia kateryna valentyna sofiia vlada
arturs janis jānis ieva inga laura marija tomas lukas rokas mantas gintaras aurimas egle eglė ruta rūta
`;

const ERITREAN_ETHIOPIAN = `
abel abraham amanuel aman biniam binyam bereket daniel dawit efrem ermias eyob filmon habtom haile henok isaias kidane mehari merhawi
mesfin michael mikael mulugeta natnael robel samuel senai simon solomon tekle tesfay tesfaye tewelde yafet yonas yohannes yemane
zerai nahom nahum kibrom kiflom kidus gebre ghebre mebrahtu luwam adiam aster awet azieb bethlehem betelhem eden elsa feven hanna
helen hiwet hermela lidia lydia lula meron mekdes miriam mulu rahel ruth saba salem selam senait semhar sara segen tsega winta yordanos
yodit yohanna tirhas selamawit ruta ariam delina feruz almaz bisrat eyerusalem hewan kisanet mahlet natsanet soliana tigist
`;

const ENGLISH_INTERNATIONAL = `
aiden alan alfie archie arthur austin ben benny billie bobby brandon brian bryan caleb cameron charles chris christopher cody connor
dean dexter dylan ellis ethan evan felix finn finley freddie gavin george harrison harvey hayden henry hudson hunter isaac jackson
jacob jake james jamie jason jayden jesse jimmie jordan joshua jude justin kai kayden kenny kevin kian kyle leon logan luca luke mason
matthew maximilian miles mitchell nathan nathaniel neil nicky oliver owen parker patrick reece rhys ricky riley robin rory ryan sean
shane stanley steven stephen taylor terry theo thomas toby travis tristan troy tyler wesley william zac zack zachary ziggy abigail ada
aisha alana alexis alicia amber amelia amy andrea angel angela anna annie april ashley audrey aurora autumn ava bailey bella bonnie
brianna brooke caitlin charlie charlotte chelsea chloe courtney daisy danielle darcy eleanor eliza ella ellie emily erin eva evelyn
faith freya georgia grace gracie hailey hannah harper hazel heather holly imogen isla ivy jade jasmine jennifer jessica jodie kayla
kaitlyn katie kelly kimberly lacey lauren layla leah lexi lilly lily lola lucy madison maisie megan melissa mia millie molly nancy
naomi olivia paige phoebe piper poppy rachel rebecca rose rosie ruby sadie samantha scarlett sienna skye sophia stacey summer taylor
tiffany valentina victoria violet willow zoe zara aylin aleyna alessia alessandro antonio carlos diego emilio fernando francesco
gabriele giovanni giulia giuseppe javier jorge jose josé juan lorenzo luis manuel marco mario miguel pablo pedro rafael ricardo
roberto sergio andrés camila catalina daniela fernanda gabriela isabela lucía lucia mariana martina paula renata sofía valentina
ximena yesenia andrea natalia carmen rosa elena lara kiara chiara francesca giorgia aurora ludovica matilde beatrice noemi
`;

const ASIAN_OTHER = `
aditya arjun aarav rohan rahul ravi raj rajesh sanjay vikram amit anil ankit deepak harsh karan krishna manish nikhil pranav rishi
rohit sahil siddharth vivek yash aanya aarya ananya anjali divya isha kavya lakshmi meera neha nisha pooja priya priyanka riya sanya
shreya sneha tanvi anh binh duc hieu hoang huy khanh linh long minh nam ngoc phuong quang thanh trang tuan vy bao mai lan hoa yen
chen wei jun li ming xin yu hao jie kai yan hui ling mei xiao yi zhang hiroshi kenji takashi yuki haruto sota yui hina sakura aiko
min-jun seo-yeon ji-ho ha-eun sung joon jin hyun thi tien kim trinh hung vinh sani tharun nuwan kasun dilshan chamara nimal
tenzin dorje karma pema sonam nima lhamo deki thinley arif imran irfan faizan bilal usman zeeshan hamza ayaan zayan rayan ayan
zara zoya aleena alina anaya hira iqra maham mehak nimra sana sidra zainab noor ayesha mahnoor fiza khadija mariam rida saba kiran
`;

const AFRICAN_OTHER = `
kwame kofi kojo yaw ama akosua abena efua chidi chinedu emeka ifeanyi obinna uche ngozi chioma adaeze amaka nneka olumide oluwaseun
tunde tobi seun femi kemi funmi bisi yemi bola dayo ade ayo moses joseph patience precious blessing gift mercy peace favour
ibrahima mamadou moussa cheikh ousmane modou lamine aminata fatou awa mariama kadiatou binta aissatou oumar sekou bakary idrissa
`;

/** Names common among children born in Sweden since 2005 that the lists above had missed. */
const RECENT_COMMON = `
julian elliot eliot elliott caspar leonardo isac hannes rio alve artur fabian ian jeremias lias ludde nikolai yosef doris
melina ecem esma milla nika leja mollie liliana lilian lillian ronya jolina joline elmira sebbe novalee ottilia ottilie
yousuf abdel musa mounir saido waris malcolm nemo enzo elmer eli alton ayla eira inez jolie
`;

/** Every given name of the lexicon, lower case. */
export const GIVEN_NAMES: ReadonlySet<string> = new Set(
  [
    SWEDISH_NORDIC_GIRLS,
    SWEDISH_NORDIC_BOYS,
    FINNISH_SAMI,
    ARABIC,
    SOMALI,
    PERSIAN_AFGHAN_KURDISH,
    TURKISH,
    BALKAN_EASTERN,
    POLISH_RUSSIAN_BALTIC,
    ERITREAN_ETHIOPIAN,
    ENGLISH_INTERNATIONAL,
    ASIAN_OTHER,
    AFRICAN_OTHER,
    RECENT_COMMON,
  ]
    .join(' ')
    .split(/\s+/)
    .filter((w) => w.length > 1 && /^[\p{L}-]+$/u.test(w)),
);
