/** Words and phrases around a name that tell whether it is a place, a person or an organisation. */

/** Lower-case words allowed inside a place name ("Isle of Man", "Deir ez-Zor", "Trinidad and Tobago"). */
export const CONNECTORS = new Set(
  'of the and upon on de del della la le les du des da do dos das di y al el il ul ad ed ar er as es ash at et az ez an en bin ibn bani sur am im der den van von au aux'.split(
    ' ',
  ),
)

/** Capitalised words that are also names of some GeoNames town; only context makes them places. */
export const COMMON_WORDS = new Set(
  `a about after again against all also an and another any are as at away back be because been before
being between both but by can could day did do does down during each even every few first for from
further good great had has have he her here hers him his how however i if in into is it its just last
least less like long made make many may me might more most much must my never new next no nor not now
of off often on once one only or other our out over own part per police right same see she should
since so some still such than that the their them then there these they this those through thus to
too under until up upon very was we well were what when where whether which while who whom whose why
will with within without would yet you your
january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday today tonight yesterday tomorrow
mr mrs ms dr sir madam lord lady king queen prince princess president minister governor mayor
army navy security interior union victoria independence liberty hope mobile reading orange deal split
nice bath most many more university opening people western eastern northern southern central said
nevertheless asia state states kingdom national republic federal council court office home house
street road avenue park lake river mount hill beach bay island islands valley port station airport
centre center city town village county district province region area camp church school college
hospital market square bridge tower castle hall garden gardens club team league cup world
news post times star sun daily herald tribune journal gazette press media radio tv
god christ jesus allah lord bible church mosque temple
health education energy justice defense defence commerce trade labor labour transport agriculture
black white red green blue brown gray grey gold silver golden
man men woman women boy girl child children family friends friend mother father son daughter
love life death peace war freedom power money time year years month week morning evening night
best better big small little old young high low early late long short
police fire sheriff patrol guard troops forces officials official spokesman spokeswoman
democrat democrats republican republicans conservative liberal labour
north south east west northeast northwest southeast southwest
christmas easter ramadan eid thanksgiving halloween
chapel grove springs spring falls heights harbor harbour haven point ridge rock stone wood woods
dale field fields ford forest glen green
` // (a town somewhere is named each of these)
    .split(/\s+/)
    .filter(Boolean),
)

/** Function words: a capitalised one starts a sentence or a heading, it is not a first name. */
export const FUNCTION_WORDS = new Set(
  `a an the this that these those in on at to from by with for of and or but as into onto near across
over under after before during since until via per about against between among around through
throughout toward towards within without outside inside upon while when where if then than so
said says say told tells according also both either neither not no yes all some many most every
each his her their its our my your he she they we it i you who whom whose which what why how
meanwhile however although though because while despite
is are was were be been being has have had will would shall should can could may might must do does did
north south east west northern southern eastern western central greater upper lower new old
`
    .split(/\s+/)
    .filter(Boolean),
)

/** Words before a place name that are part of how places are named, not a first name. */
export const NAME_PREFIXES = new Set(
  'north south east west northern southern eastern western central northeast northwest southeast southwest greater upper lower new old downtown metro metropolitan rural suburban coastal occupied eastern west-central inner outer mid'.split(
    ' ',
  ),
)

/** Titles before a person's name ("Mr. Jordan", "Sen. Warner"). */
export const TITLES = new Set(
  'Mr Mrs Ms Miss Dr Sen Senator Rep Representative Gov Governor President Judge Justice Officer Coach Sgt Sergeant Lt Lieutenant Capt Captain Gen General Col Colonel Det Detective Prof Professor Rev Reverend Pastor Father Bishop Sheriff Deputy Trooper Agent Mayor Chief Prince Princess King Queen Sheikh Imam Ayatollah Brig Maj Major Cpl Pvt Adm Admiral Commissioner Councilman Councilwoman Secretary Minister Ambassador Chairman Attorney Dean Principal Superintendent Mrs. St'
    .split(' ')
    .filter((t) => t !== 'St' && t !== 'Mrs.'),
)

/** Titles written abbreviated with a full stop ("Sen. Warner"); after another title a full stop ends a sentence. */
export const ABBREVIATED_TITLES = new Set(
  'Mr Mrs Ms Dr Sen Rep Gov Sgt Lt Capt Gen Col Det Prof Rev Brig Maj Cpl Pvt Adm Supt Insp Cmdr'.split(
    ' ',
  ),
)

/** Capitalised words after a place name that make the whole an organisation, team, office or title. */
export const ORGANISATION_WORDS = new Set(
  `University College Institute School Academy Hospital Clinic Church Cathedral Mosque Temple Museum
Post Times Herald Tribune Journal Gazette Chronicle Star Sun News Daily Observer Guardian Telegraph
Press Record Register Examiner Dispatch Courier Bulletin Review Independent Mirror Express Monitor
Today Weekly Magazine Radio Television TV Network Broadcasting
Police Sheriff Fire Department Dept Office Bureau Agency Authority Commission Committee Council
Board Court Senate House Assembly Parliament Congress Legislature Government Ministry Administration
Mayor Governor President Prime Minister Secretary Commissioner Attorney Judge Sheriff's Chief Director
Archbishop Bishop Ambassador Embassy Consulate Consul Foreign Defense Defence Interior Army Navy
Air Force Guard Guards Patrol Corps Brigade Division Battalion Regiment Militia Forces Police's
Company Corp Corporation Inc Ltd Group Bank Airlines Airways Airport Railway Railways Energy Oil Gas
Power Electric Telecom Motors Holdings Partners Associates Foundation Society Association Federation
Union League Club FC United City's Rangers Rovers Wanderers Athletic Athletics Sports Team Stadium
Arena Center Centre Hall Theater Theatre Festival Film Awards Cup Open Games Championship Marathon
Observatory Service Services Public Health Medical Red Crescent Cross State's Highway Road Route
Street Avenue Boulevard Square Park Mall Plaza Market Library Zoo Gardens Port Station Terminal
High Middle Elementary Primary Secondary Community Regional National International Federal Central
Democratic Republican Party Movement Front Coalition Alliance Council's Chamber Commerce Trade Stock
Exchange Fund Trust Capital Times' Standard Business Economic Studies Research Review Report Project
Initiative Program Programme Summit Conference Forum Convention Treaty Accord Agreement Declaration
Purchase Revival Blizzard Storm Hurricane Flood Fair Show Expo Week Day Marathon Pride Parade
Tigers Lions Bears Eagles Hawks Falcons Giants Titans Bulls Kings Jets Dolphins Patriots Cowboys
Crusaders Warriors Knights Saints Spurs Nets Heat Magic Suns Pistons Celtics Lakers Clippers
`
    .split(/\s+/)
    .filter(Boolean),
)

/** Before a place: a preposition of location or movement ("in", "near", "north of"). */
export const LOCATIVES =
  /(?:\b(?:R|D|I|DFL)-$|\b(?:in|at|near|from|to|into|outside|across|toward|towards|via|through|around|throughout|inside|within|between|and|of|across|reached|entered|visited|left|leaving|entering|crossing|crossed|(?:north|south|east|west|northeast|northwest|southeast|southwest)(?:ern)?\s+of|outskirts\s+of|border\s+(?:of|with)|capital\s+of|city\s+of|town\s+of)\s+(?:the\s+)?)$/i

/** "the town of X", "the village of X", "X's governor" … the text calls X a place. */
export const PLACE_TYPE_BEFORE =
  /\b(?:city|town|village|hamlet|district|province|governorate|region|camp|suburb|neighbou?rhood|municipality|county|state|capital|border\s+town|port|island|towns|villages)\s+of\s+(?:the\s+)?$/i
/** "X village", "X province", "X governorate", "X crossing". */
export const PLACE_TYPE_AFTER =
  /^(?:\s+(?:village|town|city|district|province|governorate|camp|neighbou?rhood|county|countryside|municipality|refugee\s+camp|area|region|border\s+crossing|crossing|checkpoint|outskirts)\b|,\s*(?:a\s+)?(?:town|village|city|suburb)\b|-based\b)/i

/** "Iran-backed", "US-led": the name modifies what follows. */
export const MODIFIER_TAIL =
  /^-(?:backed|aligned|linked|allied|based|born|made|led|sponsored|funded|supported|run|held|controlled|brokered|bound|style)\b/i

/** After a country: it speaks or acts as a government ("Jordan said", "Turkey reopened the border"). */
export const SPEECH_VERBS =
  /^\s+(?:has\s+|had\s+|have\s+|will\s+|would\s+)?(?:said|says|say|announced|announces|accused|accuses|warned|warns|told|tells|denied|denies|rejected|rejects|demanded|demands|urged|urges|agreed|agrees|signed|signs|condemned|condemns|called|calls|wants|insisted|insists|claimed|claims|threatened|threatens|vowed|vows|confirmed|confirms|decided|decides|refused|refuses|pledged|pledges|sent|sends|recalled|summoned|imposed|imposes|voted|votes|reopened|reopens|closed|closes|opened|sealed|seals|shut|struck|strikes|attacked|attacks|launched|launches|deployed|deploys|banned|bans|allowed|allows|recognised|recognized|hosted|hosts|backed|backs|supports|supported)\b/i

/** After a crossing's name: the words that name the crossing itself. */
export const CROSSING_TAIL =
  /^\s+(?:border\s+)?(?:crossing(?:\s+point)?|checkpoint|border\s+post|border\s+gate|gate|terminal|port\s+of\s+entry)\b/i
