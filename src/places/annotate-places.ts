/**
 * The geoparser: finds the place names of a text in one pass over its words, decides which are
 * places (capitalisation, context, people and organisations that share a place's name), and
 * resolves each to a gazetteer entry by prior, containment ("Springfield, Mo."), the countries and
 * first-level divisions the document is about, and the divisions its names share (spatial
 * coherence). A name that cannot be resolved is returned as unresolved; it never costs the document
 * its other places.
 */
import type { PlaceAnnotation, PlaceAssociation } from '../model/index.js'
import {
  defaultGeoGazetteer,
  exactKey,
  type GeoEntry,
  type GeoGazetteer,
  type GeoName,
} from './geo-gazetteer.js'
import { geoTokens, joinable, type GeoToken } from './geo-tokens.js'
import { crossingPhrases } from './crossing-phrases.js'
import { isEnglishWord } from './english-words.js'
import { isFirstName } from './first-names.js'
import {
  ABBREVIATED_TITLES,
  COMMON_WORDS,
  CONNECTORS,
  CROSSING_TAIL,
  FUNCTION_WORDS,
  LOCATIVES,
  MODIFIER_TAIL,
  NAME_PREFIXES,
  ORGANISATION_WORDS,
  PLACE_TYPE_AFTER,
  PLACE_TYPE_BEFORE,
  SPEECH_VERBS,
  TITLES,
} from './place-context.js'

/** What the caller knows about the document. */
export interface AnnotateContext {
  /** The gazetteer; the shipped one by default. */
  gazetteer?: GeoGazetteer
  /** ISO 3166-1 alpha-2 codes of countries the document is known to be about (its outlet's, say). */
  countries?: readonly string[]
  /** Resolve exactly these spans instead of recognising names (evaluation on gold spans). */
  spans?: readonly { start: number; end: number }[]
}

/** A name found in the text, before it is accepted and resolved. */
interface Hit {
  first: number
  last: number
  start: number
  end: number
  names: GeoName[]
  loose: boolean
  /** Evidence that it is a place, 0–1. */
  evidence: number
  association?: PlaceAssociation
  /** Entry of the name after "X, " when this hit is X. */
  container?: GeoEntry
  entry?: GeoEntry
  /** Score lead of the chosen entry over the next one. */
  margin?: number
  /** A street, road, river or other feature named by its type word ("Royal Street", "Red River"). */
  feature?: 'street' | 'water' | 'landform' | 'district'
  /** The place the text puts a feature in: its point stands for the feature's, approximately. */
  near?: GeoEntry
  /** One of the names is a country's own name (not an adjective). */
  countryName?: boolean
  /** The folded name, so repeated mentions count once as context. */
  key?: string
  /** What the words around it call it: "Idlib province" is a region, "the town of Idlib" a town. */
  kindHint?: 'region' | 'town'
  /** The words around it call it a place: "near X", "X crossing", "X, Syria". */
  cued?: boolean
  /** A crossing no pack knows, named by its type words; `entry`, if any, is the place locating it. */
  found?: { id: string; name: string }
}

/** True when the word before `i` ends a sentence, a line or a heading. */
function sentenceInitial(text: string, tokens: GeoToken[], i: number): boolean {
  let k = tokens[i].start - 1
  while (k >= 0 && /[\s"'“‘([]/.test(text[k])) {
    if (text[k] === '\n') return true
    k--
  }
  return k < 0 || /[.!?:;•|—–-]/.test(text[k])
}

/** Folded words of the text written in lower case: "reading", "mobile" are words here. */
function lowerCaseWords(tokens: GeoToken[]): Set<string> {
  const words = new Set<string>()
  for (const t of tokens) if (!t.capital) words.add(t.plain)
  return words
}

/** Finds every gazetteer name, longest first, no overlaps; a name starts with a capital. */
function scan(text: string, tokens: GeoToken[], g: GeoGazetteer): Hit[] {
  const hits: Hit[] = []
  const join = tokens.map((t, i) => i + 1 < tokens.length && joinable(text, t, tokens[i + 1]))
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]
    const article =
      !t.capital &&
      LEADING_ARTICLES.has(t.plain) &&
      join[i] &&
      tokens[i + 1]?.capital &&
      (t.plain === 'al' || t.plain === 'el' || text[t.end] === '-')
    if (!t.capital && !article) continue
    let last = i
    while (last - i + 1 < g.maxWords + 1 && join[last]) {
      const next = tokens[last + 1]
      if (!next.capital && !CONNECTORS.has(next.plain)) break
      last++
    }
    // "Washington, D.C.": a spelling with a comma in it, tried first.
    let through = last
    while (
      through + 1 < tokens.length &&
      through - last < 3 &&
      (join[through] ||
        /^,[ \t]*$/.test(text.slice(tokens[through].end, tokens[through + 1].start)))
    )
      through++
    for (let j = through; j > last; j--) {
      const key = tokens
        .slice(i, j + 1)
        .map((w) => w.plain)
        .join('')
      if (!g.commaKeys.has(key)) continue
      hits.push({
        first: i,
        last: j,
        start: tokens[i].start,
        end: tokens[j].end,
        names: [...g.lookupExact(key)],
        loose: false,
        evidence: 0,
        key,
      })
      last = -1
      i = j
      break
    }
    if (last < 0) continue
    for (let j = last; j >= i; j--) {
      if (!tokens[j].capital) continue
      const words = tokens.slice(i, j + 1)
      let names = g.lookupExact(words.map((w) => w.plain).join(''))
      // "In A Broken Dream" is not Ina: words joined into a one-word name are names, not "in a".
      if (words.some((w) => FUNCTION_WORDS.has(w.plain)))
        names = names.filter((n) => n.words === words.length)
      let loose = false
      if (!names.length && !FUNCTION_WORDS.has(words[0].plain)) {
        names = g.lookupLoose(
          words
            .map((w) => w.skeleton)
            .join('')
            .replace(/(.)\1+/g, '$1'),
        )
        loose = names.length > 0
      }
      // "Idlib province", "Anbar governorate": the region, when the gazetteer names it so.
      const next = tokens[j + 1]
      let kindHint: Hit['kindHint']
      if (next && !next.capital && REGION_WORDS.has(next.plain) && join[j]) {
        const region = g.lookupExact(words.map((w) => w.plain).join('') + next.plain)
        if (region.length) {
          names = region
          loose = false
          kindHint = 'region'
        }
      }
      if (!names.length) continue
      // "the U.S.": the article is not part of the name unless the name has it ("The Hague").
      const from =
        words[0].plain === 'the' && j > i && !names.some((n) => /^the\b/i.test(n.entry.name))
          ? i + 1
          : i
      hits.push({
        first: from,
        last: j,
        start: tokens[from].start,
        end: tokens[j].end,
        names: [...names],
        loose,
        evidence: 0,
        kindHint,
        key: words.map((w) => w.plain).join(''),
      })
      i = j
      break
    }
  }
  return hits
}

/** Hits for given spans (gold-span evaluation): the gazetteer's names for exactly that text. */
function hitsForSpans(
  text: string,
  tokens: GeoToken[],
  g: GeoGazetteer,
  spans: readonly { start: number; end: number }[],
): Hit[] {
  const hits: Hit[] = []
  for (const s of spans) {
    const first = tokens.findIndex((t) => t.end > s.start)
    let last = first
    while (last + 1 < tokens.length && tokens[last + 1].start < s.end) last++
    if (first < 0) continue
    const words = tokens.slice(first, last + 1)
    let names = [...g.lookupExact(exactKey(words.map((w) => w.text)))]
    let loose = false
    if (!names.length) {
      names = [
        ...g.lookupLoose(
          words
            .map((w) => w.skeleton)
            .join('')
            .replace(/(.)\1+/g, '$1'),
        ),
      ]
      loose = names.length > 0
    }
    hits.push({
      first,
      last,
      start: s.start,
      end: s.end,
      names,
      loose,
      evidence: 1,
      key: words.map((w) => w.plain).join(''),
    })
  }
  return hits
}

const CALENDAR_WORDS =
  /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/

const FEATURE_SUFFIX = new Map<string, NonNullable<Hit['feature']>>([
  ...'Street St Avenue Ave Road Rd Boulevard Blvd Lane Ln Drive Parkway Pkwy Highway Hwy Pike Turnpike Trail Square Bridge Expressway Freeway'
    .split(' ')
    .map((w) => [w, 'street'] as const),
  ...'River Creek Lake Bay Canal Reservoir Harbor Harbour Strait Lagoon'
    .split(' ')
    .map((w) => [w, 'water'] as const),
  ...'Mountain Mountains Valley Island Islands Peninsula Desert Forest Canyon Hills Plateau Plain Plains'
    .split(' ')
    .map((w) => [w, 'landform'] as const),
  ['Township', 'district'],
])
const ABBREVIATED_SUFFIX = new Set(['St', 'Ave', 'Rd', 'Blvd', 'Ln', 'Pkwy', 'Hwy'])
const FEATURE_PREFIX = new Map<string, NonNullable<Hit['feature']>>([
  ['Lake', 'water'],
  ['Mount', 'landform'],
  ['Mt', 'landform'],
])
/** Numbered roads: "Highway 10", "County Road 43", "Route 1", "I-95". */
const ROAD =
  /\b(?:(?:U\.S\.|US|State|County|Farm to Market)\s+)?(?:Highway|Route|Road|Interstate|Hwy\.?|Rte\.?)\s+\d{1,4}[A-Z]?\b|\bI-\d{1,3}\b/g

/** Weights of the share of the document's clear places in a candidate's country and division. */
const COUNTRY_WEIGHT = 5
const ADMIN1_WEIGHT = 8
/** Weight of each other name of the document (up to three) that could lie in a candidate's division. */
const ADMIN1_NAME_WEIGHT = 2

/** Evidence a name needs to be reported as a place. */
const ACCEPT = 0.5

/** Arabic articles a name may start with in lower case ("al-Qaim", "el Arish", "ad-Dana"). */
const LEADING_ARTICLES = new Set([
  'al',
  'el',
  'ad',
  'ar',
  'as',
  'ash',
  'at',
  'az',
  'an',
  'ez',
  'ed',
])
const REGION_WORDS = new Set(['province', 'governorate', 'region', 'district', 'county', 'oblast'])
const REGION_TYPE = /^\s+(?:province|governorate|region|state|county|district|prefecture|oblast)\b/i
const TOWN_TYPE = /^\s+(?:city|town|village)\b|\b(?:city|town|village)\s+of\s+(?:the\s+)?$/i

/** A first name, not an Arabic article or kinship word that English lists also hold ("Al"). */
function isPersonFirstName(t: GeoToken): boolean {
  return !LEADING_ARTICLES.has(t.plain) && !ARABIC_NAME_PARTS.has(t.plain) && isFirstName(asName(t))
}

/** A word as a name is written: "GILLIAN" in a byline is "Gillian". */
function asName(t: GeoToken): string {
  return /^\p{Lu}{2,}$/u.test(t.text) ? t.text[0] + t.text.slice(1).toLowerCase() : t.text
}

const ARABIC_NAME_PARTS = new Set([
  'abu',
  'abou',
  'bin',
  'ibn',
  'bani',
  'umm',
  'um',
  'bab',
  'tal',
  'tel',
  'jabal',
  'jebel',
  'wadi',
])

/**
 * A capitalised word before a name that reads as a first name: a known first name, or (unless
 * `strict`) any word that is not a function, common or naming word.
 */
function firstNameBefore(
  text: string,
  tokens: GeoToken[],
  i: number,
  covered: Set<number>,
  strict = false,
): boolean {
  const prev = tokens[i - 1]
  if (!prev || !prev.capital) return false
  if (!/^[ \t]+$/.test(text.slice(prev.end, tokens[i].start))) return false
  if (prev.text === prev.text.toUpperCase()) return false
  // "Michael Jordan" even at a sentence start; "Will Smith" only inside one ("will" is a word);
  // "Bank Malta" never ("Bank" is an organisation's word before it is a first name).
  if (
    isPersonFirstName(prev) &&
    !ORGANISATION_WORDS.has(prev.text) &&
    (!sentenceInitial(text, tokens, i - 1) || !isEnglishWord(prev.plain))
  )
    return true
  if (covered.has(i - 1) || strict) return false
  if (FUNCTION_WORDS.has(prev.plain) || NAME_PREFIXES.has(prev.plain)) return false
  return !ORGANISATION_WORDS.has(prev.text) && !isEnglishWord(prev.plain)
}

/** A capitalised word after token `last` that reads as a surname ("Jordan Peterson"). */
function surnameAfter(
  text: string,
  tokens: GeoToken[],
  last: number,
  covered: Set<number>,
): boolean {
  const next = tokens[last + 1]
  return Boolean(
    next &&
    /^[ \t]+$/.test(text.slice(tokens[last].end, next.start)) &&
    next.capital &&
    !ORGANISATION_WORDS.has(next.text) &&
    !FUNCTION_WORDS.has(next.plain) &&
    !isEnglishWord(next.plain) &&
    !covered.has(last + 1) &&
    !/^[A-Z]{2,}$/.test(next.text),
  )
}

/** A title before a name ("Mr. Jordan", "Gov. Perdue"), not a sentence's last word ("of Justice. Jordan"). */
function titleBefore(text: string, tokens: GeoToken[], i: number): boolean {
  const prev = tokens[i - 1]
  if (!prev || !TITLES.has(prev.text)) return false
  const gap = text.slice(prev.end, tokens[i].start)
  return /^[ \t]+$/.test(gap) || (ABBREVIATED_TITLES.has(prev.text) && /^\.[ \t]+$/.test(gap))
}

/**
 * Names the text uses for people: a one-word name after a title ("Mr. Jordan") or a first name
 * ("Michael Jordan"), or a first name before a surname ("Mary Magdalene"); its other mentions are
 * then the person too ("Jordan scored", "Mary of Bethany").
 */
function personNames(
  text: string,
  tokens: GeoToken[],
  hits: Hit[],
  covered: Set<number>,
): Set<string> {
  const persons = new Set<string>()
  for (const h of hits) {
    if (h.first !== h.last || h.names.every((n) => n.demonym)) continue
    if (titleBefore(text, tokens, h.first) || firstNameBefore(text, tokens, h.first, covered, true))
      persons.add(tokens[h.first].plain)
    else if (isPersonFirstName(tokens[h.first]) && surnameAfter(text, tokens, h.last, covered))
      persons.add(tokens[h.first].plain)
  }
  return persons
}

/** Decides whether a hit is a place, how sure that is, and whether it is used literally. */
function judge(
  text: string,
  tokens: GeoToken[],
  hit: Hit,
  lower: Set<string>,
  persons: Set<string>,
  covered: Set<number>,
  containers: Set<number>,
) {
  const { first, last } = hit
  const single = first === last
  const plain = single ? tokens[first].plain : ''
  const before = text.slice(Math.max(0, hit.start - 40), hit.start)
  const after = text.slice(hit.end, hit.end + 40)
  const next = tokens[last + 1]
  const nextJoined = next && /^[ \t]+$/.test(text.slice(hit.end, next.start))
  const initial = sentenceInitial(text, tokens, first)

  // Names usable only after "X, " ("Mo.", "GA") are dropped unless they stand there, and never
  // before a name ("Miss Smith") or, for postal codes, unless written in capitals.
  const next0 = tokens[last + 1]
  const beforeName =
    next0 && next0.capital && /^[ \t]+$/.test(text.slice(tokens[last].end, next0.start))
  const afterComma = /,\s*$/.test(text.slice(Math.max(0, hit.start - 3), hit.start))
  const span = text.slice(hit.start, hit.end)
  hit.names = hit.names.filter(
    (n) =>
      !n.containmentOnly || (afterComma && !beforeName && (n.dotted || /^[A-Z]{2}$/.test(span))),
  )
  if (!hit.names.length) return
  // "Canadian" is the adjective of Canada, not Canadian, Texas.
  if (hit.names.some((n) => n.demonym)) {
    hit.names = hit.names.filter(
      (n) => n.demonym || n.entry.kind === 'country' || n.entry.precision === 'region',
    )
  }
  const entries = hit.names.map((n) => n.entry)
  const demonym = hit.names.every((n) => n.demonym)
  const named = entries.some(
    (e) =>
      e.fromPack ||
      (!e.ranked && ['country', 'continent', 'region', 'water', 'county'].includes(e.kind)),
  )
  const population = Math.max(...entries.map((e) => e.population))
  const major = named || population >= 150_000

  const locative = LOCATIVES.test(before)
  // "and" and "of" join people's names as readily as places' ("Tracy and Henry Howard").
  const placeWord = locative && !/\b(?:and|of)\s+(?:the\s+)?$/i.test(before)
  const typed = PLACE_TYPE_BEFORE.test(before) || PLACE_TYPE_AFTER.test(after)
  const comma = after.match(/^,\s*/)
  // "Brands Hatch, Kent." or "Donington Park, Leicestershire;": a name after "X, " that closes the
  // phrase is where X is, as addresses and datelines write it.
  const container =
    /\p{Lu}[\p{L}\p{M}.'’-]*,[ \t]*$/u.test(before) && /^(?:[.;:)]|,\s|\s*$)/.test(after)
  const contained = Boolean(comma && containers.has(hit.end + comma[0].length)) || container
  let evidence = major ? 0.9 : population >= 20_000 ? 0.6 : 0.3
  if (locative) evidence += 0.3
  if (typed) evidence += 0.4
  if (contained) evidence += 0.2
  hit.cued = locative || typed || contained

  // A title or a first name before the name, or a surname after it: a person ("Michael Jordan").
  if (!demonym) {
    // A known first name before any place; any unknown capitalised word before a small one.
    if (titleBefore(text, tokens, first) || firstNameBefore(text, tokens, first, covered, named))
      return
    const surname = surnameAfter(text, tokens, last, covered)
    if (!major && single && surname && !placeWord) return
    // "Jordan Peterson", "Victoria Beckham": a first name and a surname.
    if (single && surname && isPersonFirstName(tokens[first]) && !placeWord && !typed) return
    // "Nelson says": a town does not speak; a country may ("Jordan said"), as its government.
    if (!named && single && SPEECH_VERBS.test(after) && population < 1_000_000) return
    // "Mega Millions", "Smoky Mary": a small town's name inside a longer proper name.
    const inName =
      (next && nextJoined && next.capital && !covered.has(last + 1)) ||
      (tokens[first - 1]?.capital &&
        /^[ \t]+$/.test(text.slice(tokens[first - 1].end, hit.start)) &&
        !FUNCTION_WORDS.has(tokens[first - 1].plain) &&
        !covered.has(first - 1))
    const orgAfter = next && nextJoined && ORGANISATION_WORDS.has(next.text)
    if (!major && single && inName && !orgAfter && !locative && !typed) return
    if (single && persons.has(plain) && !placeWord && !typed) return
  }

  // "Reading", "Mobile", "March": a common English word, or one the text writes in lower case.
  if (single && !demonym && !named) {
    const common = COMMON_WORDS.has(plain) || isEnglishWord(plain) || lower.has(plain)
    const strong = CALENDAR_WORDS.test(plain)
      ? false
      : typed || contained || (locative && !initial && population >= 100_000)
    if (common && !strong) return
    if (initial && !major && !locative && !typed) evidence -= 0.2
    // A small town called "David" or "Sarah": its name alone is more often a person's.
    if (!major && isPersonFirstName(tokens[first]) && !placeWord && !typed && !contained) return
  }
  // An all-capitals word is a heading or an acronym ("POLICE", "SANA"), not a small town.
  // A dateline ("CHARLESTON, W.Va. —", "BEIRUT (AP)") is the exception.
  const dateline = initial && /^\s*(?:,|\(|—|–|--)/.test(after)
  if (single && /^[A-Z]{2,}$/.test(tokens[first].text) && !major && !contained && !dateline) return
  // A transliteration match must be long enough not to be an English word's echo ("Iron" → Iran).
  const skeleton = tokens
    .slice(first, last + 1)
    .map((t) => t.skeleton)
    .join('')
  if (
    hit.loose &&
    (isEnglishWord(plain) || skeleton.length < 5 || (single && isFirstName(asName(tokens[first]))))
  )
    return

  let association: PlaceAssociation | undefined
  if (demonym) association = 'demonym'
  else if (MODIFIER_TAIL.test(after)) association = 'modifier'
  else if (
    (next && nextJoined && ORGANISATION_WORDS.has(next.text)) ||
    /\b(?:University|College|Institute|Embassy|Bank|Museum|Church|Academy|Council) of\s+$/.test(
      before,
    )
  )
    association = 'organisation'
  else if (SPEECH_VERBS.test(after) && entries.some((e) => e.kind === 'country' || e.fromPack))
    association = 'metonym'
  hit.association = association
  hit.evidence = Math.min(1, evidence)
  if (hit.kindHint) return
  if (REGION_TYPE.test(after)) hit.kindHint = 'region'
  else if (TOWN_TYPE.test(after) || TOWN_TYPE.test(before)) hit.kindHint = 'town'
}

/** What the whole document says about where it is. */
interface DocContext {
  /** Share of the clear mentions that lie in each country / first-level division. */
  countries: Map<string, number>
  admin1: Map<string, number>
  /** Distinct names that could lie in each country / division, for names still ambiguous. */
  countryNames: Map<string, Set<string>>
  admin1Names: Map<string, Set<string>>
  /**
   * The votes above by who cast them, so that a place is not its own context, nor are a name's
   * other mentions ("NEW YORK —" for "New York"): by name key, then country or division code or
   * entry id; and by entry id.
   */
  votesByKey: Map<string, Map<string, number>>
  votesById: Map<string, number>
  countryTotal: number
  admin1Total: number
  /** Name keys that may denote each entry (by id). */
  keysOf: Map<string, Set<string>>
}

const NO_CONTEXT: DocContext = {
  countries: new Map(),
  admin1: new Map(),
  countryNames: new Map(),
  admin1Names: new Map(),
  votesByKey: new Map(),
  votesById: new Map(),
  countryTotal: 0,
  admin1Total: 0,
  keysOf: new Map(),
}

/** Shares of the country and division votes that `e`'s own mentions or the name's mentions cast. */
function ownShare(e: GeoEntry, key: string, doc: DocContext): { country: number; admin1: number } {
  const byKey = doc.votesByKey.get(key)
  const own = (doc.votesById.get(e.id) ?? 0) - (byKey?.get(e.id) ?? 0)
  const country = own + (byKey?.get(e.country ?? '') ?? 0)
  const admin1 = e.admin1 ? own + (byKey?.get(e.admin1) ?? 0) : 0
  return {
    country: doc.countryTotal ? country / doc.countryTotal : 0,
    admin1: doc.admin1Total ? admin1 / doc.admin1Total : 0,
  }
}

/**
 * How many other names of the document could lie in `key`, at most three; a name that may denote
 * `e` itself ("Mexico City" for "Mexico") is no support for `e`.
 */
function support(
  names: Map<string, Set<string>>,
  key: string | null,
  own: string,
  e: GeoEntry,
  doc: DocContext,
): number {
  if (!key) return 0
  const set = names.get(key)
  if (!set) return 0
  let n = set.size - (set.has(own) ? 1 : 0)
  for (const name of doc.keysOf.get(e.id) ?? []) if (name !== own && set.has(name)) n--
  return Math.min(3, n)
}

/** Score of `e` for `hit` given the document's context. */
function score(e: GeoEntry, hit: Hit, doc: DocContext): number {
  let s = e.prior
  if (hit.loose) s -= 1
  // A country's name means the country, not a town that shares it ("Mexico", "China, Texas").
  if (hit.countryName && e.kind !== 'country' && e.precision !== 'region' && !hit.container) s -= 8
  if (hit.kindHint === 'region' && (e.kind === 'region' || e.kind === 'county')) s += 4
  if (hit.kindHint === 'town' && (e.kind === 'town' || e.kind === 'city')) s += 4
  if (hit.container) {
    s += inside(e, hit.container) ? 12 : -6
  }
  if (e.kind === 'continent' || !e.country) return s
  const own = hit.key ?? ''
  if (e.kind !== 'country') {
    const ownVotes = ownShare(e, own, doc)
    s += COUNTRY_WEIGHT * ((doc.countries.get(e.country) ?? 0) - ownVotes.country)
    if (e.admin1) s += ADMIN1_WEIGHT * ((doc.admin1.get(e.admin1) ?? 0) - ownVotes.admin1)
    s += ADMIN1_NAME_WEIGHT * support(doc.admin1Names, e.admin1, own, e, doc)
  }
  s += 0.8 * support(doc.countryNames, e.country, own, e, doc)
  return s
}

/** True when `e` lies in the country or first-level division `c`. */
function inside(e: GeoEntry, c: GeoEntry): boolean {
  if (c.kind === 'country') return e.country === c.country
  if (c.admin1) return e.admin1 === c.admin1
  return c.kind === 'region' && c.country !== null && e.country === c.country
}

/** Candidate entries of a hit: each once, the likely ones and those inside its container. */
function candidates(hit: Hit, doc: DocContext): GeoEntry[] {
  const seen = new Set<GeoEntry>()
  for (const n of hit.names) seen.add(n.entry)
  const sorted = [...seen].sort((a, b) => b.prior - a.prior)
  const floor = sorted[0].prior - 8
  const c = hit.container
  return sorted.filter(
    (e, i) =>
      (i < 40 && e.prior >= floor) ||
      (c && inside(e, c)) ||
      (e.admin1 !== null &&
        (doc.admin1.has(e.admin1) ||
          support(doc.admin1Names, e.admin1, hit.key ?? '', e, doc) >= 2)),
  )
}

function rank(hit: Hit, doc: DocContext): { e: GeoEntry; s: number }[] {
  hit.countryName ??= hit.names.some((n) => !n.demonym && n.entry.kind === 'country')
  return candidates(hit, doc)
    .map((e) => ({ e, s: score(e, hit, doc) }))
    .sort((a, b) => b.s - a.s)
}

function resolve(hits: Hit[], context: AnnotateContext): DocContext {
  const doc: DocContext = {
    countries: new Map(),
    admin1: new Map(),
    countryNames: new Map(),
    admin1Names: new Map(),
    votesByKey: new Map(),
    votesById: new Map(),
    countryTotal: 0,
    admin1Total: 0,
    keysOf: new Map(),
  }
  const votes = new Map<string, number>()
  const admin = new Map<string, number>()
  for (const c of context.countries ?? []) votes.set(c, (votes.get(c) ?? 0) + 2)
  const add = (map: Map<string, Set<string>>, key: string | null, name: string) => {
    if (!key) return
    const set = map.get(key)
    if (set) set.add(name)
    else map.set(key, new Set([name]))
  }
  for (const h of hits) {
    if (!h.names.length || h.evidence < ACCEPT) continue
    // First pass: prior and containment only; what is then clear tells what the document is about.
    const ranked = rank(h, NO_CONTEXT)
    // Every namesake counts here: two names that share a division support each other there
    // ("Paris" and "Henry County" are both in Tennessee); names found everywhere support all alike.
    for (const n of h.names) {
      add(doc.countryNames, n.entry.country, h.key ?? '')
      add(doc.admin1Names, n.entry.admin1, h.key ?? '')
      add(doc.keysOf, n.entry.id, h.key ?? '')
    }
    // Only names that are not in doubt vote: one entry, a country or region by a clear margin, or
    // a name placed by its container. A city's namesakes ("Paris") do not vote for its country.
    const best = ranked[0]
    const margin = ranked[1] ? best.s - ranked[1].s : 10
    const broad = ['country', 'region', 'continent', 'county', 'water'].includes(best.e.kind)
    const entries = new Set(h.names.map((n) => n.entry)).size
    if (!h.container && entries > 1 && !(broad && margin >= 2) && !best.e.fromPack) continue
    const weight = h.names.every((n) => n.demonym) ? 0.5 : 1
    const e = best.e
    if (e.country) votes.set(e.country, (votes.get(e.country) ?? 0) + weight)
    if (e.admin1) admin.set(e.admin1, (admin.get(e.admin1) ?? 0) + weight)
    const byKey = doc.votesByKey.get(h.key ?? '') ?? new Map<string, number>()
    doc.votesByKey.set(h.key ?? '', byKey)
    const count = (map: Map<string, number>, k: string) => map.set(k, (map.get(k) ?? 0) + weight)
    for (const code of [e.country, e.admin1, e.id]) if (code) count(byKey, code)
    count(doc.votesById, e.id)
  }
  const total = [...votes.values()].reduce((a, b) => a + b, 0)
  for (const [c, v] of votes) doc.countries.set(c, v / total)
  const totalAdmin = [...admin.values()].reduce((a, b) => a + b, 0)
  for (const [a, v] of admin) doc.admin1.set(a, v / totalAdmin)
  doc.countryTotal = total
  doc.admin1Total = totalAdmin
  for (const h of hits) {
    if (!h.names.length) continue
    const ranked = rank(h, doc)
    h.entry = ranked[0].e
    h.margin = ranked[1] ? ranked[0].s - ranked[1].s : 10
  }
  // One sense per document: a name resolved with a container ("Paris, Texas") keeps that sense.
  const sure = new Map<string, GeoEntry>()
  for (const h of hits) if (h.container && h.entry) sure.set(h.key ?? '', h.entry)
  for (const h of hits) {
    const e = h.entry && sure.get(h.key ?? '')
    if (e && !h.container && h.names.some((n) => n.entry === e)) h.entry = e
  }
  return doc
}

/** Links "X, Y" pairs: Y contains X when Y is a country or a first-level division. */
function linkContainers(text: string, hits: Hit[]): void {
  for (let k = 0; k + 1 < hits.length; k++) {
    const h = hits[k]
    const c = hits[k + 1]
    if (!/^,\s*$/.test(text.slice(h.end, c.start)) || !c.names.length) continue
    const container = c.names
      .map((n) => n.entry)
      .filter((e) => e.kind === 'country' || (e.kind === 'region' && e.admin1))
      .sort((a, b) => b.prior - a.prior)[0]
    if (container) h.container = container
  }
}

/** Unresolved places: a capitalised name the context calls a place ("the village of X"). */
function unresolvedHits(text: string, tokens: GeoToken[], hits: Hit[]): Hit[] {
  const covered = new Set<number>()
  for (const h of hits) for (let i = h.first; i <= h.last; i++) covered.add(i)
  const out: Hit[] = []
  for (let i = 0; i < tokens.length; i++) {
    if (covered.has(i) || !tokens[i].capital) continue
    let last = i
    while (
      last + 1 < tokens.length &&
      !covered.has(last + 1) &&
      joinable(text, tokens[last], tokens[last + 1]) &&
      (tokens[last + 1].capital || CONNECTORS.has(tokens[last + 1].plain)) &&
      last - i < 3
    )
      last++
    while (last > i && !tokens[last].capital) last--
    const start = tokens[i].start
    const end = tokens[last].end
    const before = text.slice(Math.max(0, start - 40), start)
    const after = text.slice(end, end + 40)
    const words = tokens.slice(i, last + 1)
    const isWord = words.every(
      (w) =>
        COMMON_WORDS.has(w.plain) || FUNCTION_WORDS.has(w.plain) || ORGANISATION_WORDS.has(w.text),
    )
    if (!isWord && (PLACE_TYPE_BEFORE.test(before) || PLACE_TYPE_AFTER.test(after))) {
      out.push({
        first: i,
        last,
        start,
        end,
        names: [],
        loose: false,
        evidence: 0.6,
      })
    }
    i = last
  }
  return out
}

/** Extends a crossing side or crossing followed by "border crossing" / "crossing" to the crossing. */
function crossingSpan(text: string, hit: Hit, g: GeoGazetteer): void {
  const tail = text.slice(hit.end).match(CROSSING_TAIL)
  if (!tail) return
  // "Trebil crossing": a name that is also a crossing's side means the crossing here.
  const crossingId =
    hit.entry?.crossingId ?? hit.names.find((n) => n.entry.crossingId)?.entry.crossingId
  const crossing = crossingId ? g.entry(`crossing:${crossingId}`) : undefined
  if (!crossing) return
  hit.entry = crossing
  hit.end += tail[0].length
}

/**
 * Takes in the rest of a hyphenated name the gazetteer knows only in part: "Gilgit-Baltistan",
 * "Miami-Dade". The entry stays that of the known part, the nearest one.
 */
function extendName(text: string, h: Hit, hits: Hit[]): void {
  const rest = text.slice(h.end, h.end + 40)
  const hyphen = rest.match(/^-\p{Lu}[\p{Ll}\p{M}]+(?=[\s,.;:)]|$)/u)
  if (hyphen && !hits.some((o) => o !== h && o.start === h.end + 1) && !h.entry?.crossingId)
    h.end += hyphen[0].length
  // "Quebec City", "Benue State": the type word written after the name is part of it, unless a
  // name goes on ("Dublin City Council", "Ohio State University"); a US state's "State" is a
  // university's more often than the state's.
  const type = rest.match(/^[ \t]+(?:(City|CITY)|([Ss]tate|STATE))\b(?![ \t]+\p{Lu})/u)
  const e = h.entry
  const fits = type?.[1]
    ? e?.kind === 'city' || e?.kind === 'town'
    : e?.ranked && e.kind === 'region'
  if (type && fits && !h.association) h.end += type[0].length
}

/** Streets, roads, rivers, lakes, mountains: a capitalised name with its type word. */
function featureHits(text: string, tokens: GeoToken[]): Hit[] {
  const out: Hit[] = []
  const spaced = (a: GeoToken, b: GeoToken) => /^[ \t]+$/.test(text.slice(a.end, b.start))
  const nameWord = (t: GeoToken) =>
    (t.capital || /^\d+(?:st|nd|rd|th)$/.test(t.text)) &&
    !FUNCTION_WORDS.has(t.plain) &&
    !FEATURE_SUFFIX.has(t.text) &&
    !TITLES.has(t.text)
  for (let k = 1; k < tokens.length; k++) {
    const kind = FEATURE_SUFFIX.get(tokens[k].text)
    if (!kind) continue
    // "Florida Highway Patrol", "Lake Forest College": the type word is part of an organisation's name.
    const after = tokens[k + 1]
    if (
      after &&
      ORGANISATION_WORDS.has(after.text) &&
      /^[ \t]+$/.test(text.slice(tokens[k].end, after.start))
    )
      continue
    let first = k
    while (
      first > 0 &&
      k - first < 3 &&
      nameWord(tokens[first - 1]) &&
      spaced(tokens[first - 1], tokens[first])
    )
      first--
    if (first === k) continue
    // "Street" must not be the start of a sentence's subject ("The Street"): checked by nameWord.
    let end = tokens[k].end
    if (ABBREVIATED_SUFFIX.has(tokens[k].text) && text[end] === '.') end++
    out.push({
      first,
      last: k,
      start: tokens[first].start,
      end,
      names: [],
      loose: false,
      evidence: 0.5,
      feature: kind,
    })
  }
  for (let k = 0; k + 1 < tokens.length; k++) {
    const kind = FEATURE_PREFIX.get(tokens[k].text)
    if (!kind || !tokens[k + 1].capital || FUNCTION_WORDS.has(tokens[k + 1].plain)) continue
    if (!/^\.?[ \t]+$/.test(text.slice(tokens[k].end, tokens[k + 1].start))) continue
    if (out.some((f) => f.first <= k && k <= f.last)) continue
    let last = k + 1
    if (
      tokens[last + 1]?.capital &&
      spaced(tokens[last], tokens[last + 1]) &&
      !FUNCTION_WORDS.has(tokens[last + 1].plain)
    )
      last++
    out.push({
      first: k,
      last,
      start: tokens[k].start,
      end: tokens[last].end,
      names: [],
      loose: false,
      evidence: 0.5,
      feature: kind,
    })
  }
  for (const m of text.matchAll(ROAD)) {
    const start = m.index
    const end = start + m[0].length
    if (out.some((f) => f.start < end && start < f.end)) continue
    out.push({
      first: -1,
      last: -1,
      start,
      end,
      names: [],
      loose: false,
      evidence: 0.5,
      feature: 'street',
    })
  }
  return out.sort((a, b) => a.start - b.start)
}

/** Gives each feature the point of the town, county or crossing the text last named before it. */
function placeFeatures(text: string, features: Hit[], places: Hit[]): void {
  const local = places.filter(
    (h) => h.entry && !h.association && ['town', 'district', 'site'].includes(h.entry.precision),
  )
  const counts = new Map<GeoEntry, number>()
  const byCountry = new Map<string | null, number>()
  for (const h of local) {
    counts.set(h.entry!, (counts.get(h.entry!) ?? 0) + 1)
    byCountry.set(h.entry!.country, (byCountry.get(h.entry!.country) ?? 0) + 1)
  }
  // The story's town: the most named town of the most named country.
  const score = (e: GeoEntry) => (counts.get(e) ?? 0) + 100 * (byCountry.get(e.country) ?? 0)
  const focus = [...counts.keys()].sort((a, b) => score(b) - score(a))[0]
  for (const f of features) {
    // The town named just before it in the same sentence, else the town the story is about.
    const before = local.filter((h) => h.end <= f.start).at(-1)
    const sameSentence = before && !/[.!?\n]/.test(text.slice(before.end, f.start))
    f.near = sameSentence ? before.entry : (focus ?? before?.entry)
  }
}

/**
 * Crossings no pack knows, named by their type words ("the Kharlachi border crossing"), and the
 * document's other mentions of the same name ("Kharlachi is busy") that nothing else claims. Each is
 * located at the place its name denotes when the gazetteer has one; a pack crossing, a country or a
 * people ("the Syrian border crossing") is left to the rest of the parser.
 */
function foundCrossings(
  text: string,
  tokens: GeoToken[],
  g: GeoGazetteer,
  found: Hit[],
  places: Hit[],
  doc: DocContext,
): Hit[] {
  const out: Hit[] = []
  const byName = new Map<string, Hit>()
  const isWord = (w: string) => COMMON_WORDS.has(w) || isEnglishWord(w)
  for (const p of crossingPhrases(text, tokens, isWord)) {
    const inside = found.filter((h) => h.start < p.nameEnd && p.start < h.end)
    const known = inside.some((h) =>
      h.names.some(
        (n) =>
          n.demonym ||
          n.entry.crossingId ||
          n.entry.kind === 'country' ||
          n.entry.kind === 'continent' ||
          (n.entry.kind === 'region' && !n.entry.ranked),
      ),
    )
    if (known || places.some((h) => h.entry?.crossingId && h.start < p.end && p.start < h.end))
      continue
    const words = tokens.slice(p.first, p.last + 1)
    const key = exactKey(words.map((t) => t.text))
    const exact = places.find((h) => h.start === p.start && h.end === p.nameEnd && h.entry)
    // The name's place: as the parser resolved it, else by its spelling (or transliteration key).
    const names = g.lookupExact(key).length
      ? g.lookupExact(key)
      : g.lookupLoose(
          words
            .map((w) => w.skeleton)
            .join('')
            .replace(/(.)\1+/g, '$1'),
        )
    const entry =
      exact?.entry ??
      [...new Set(names.filter((n) => !n.demonym).map((n) => n.entry))]
        .map((e) => ({
          e,
          s: e.prior + COUNTRY_WEIGHT * (doc.countries.get(e.country ?? '') ?? 0),
        }))
        .sort((a, b) => b.s - a.s)[0]?.e
    const hit: Hit = {
      first: p.first,
      last: p.last,
      start: p.start,
      end: p.end,
      names: [],
      loose: false,
      evidence: 0.8,
      entry,
      margin: 2,
      found: { id: `found:${p.slug}`, name: text.slice(p.start, p.end) },
    }
    out.push(hit)
    if (!byName.has(key)) byName.set(key, hit)
  }
  // The name alone, elsewhere: the crossing, unless it denotes a place the parser resolved.
  for (const [key, crossing] of byName) {
    const words = crossing.last - crossing.first + 1
    for (let i = 0; i + words <= tokens.length; i++) {
      const span = tokens.slice(i, i + words)
      if (!span[0].capital || exactKey(span.map((t) => t.text)) !== key) continue
      const start = span[0].start
      const end = span[words - 1].end
      if (out.some((h) => h.start < end && start < h.end)) continue
      if (places.some((h) => h.entry && h.start < end && start < h.end)) continue
      out.push({ ...crossing, first: i, last: i + words - 1, start, end, evidence: 0.6 })
    }
  }
  return out
}

function toAnnotation(text: string, h: Hit): PlaceAnnotation {
  if (h.found) {
    const e = h.entry
    return {
      start: h.start,
      end: h.end,
      text: text.slice(h.start, h.end),
      id: h.found.id,
      name: h.found.name,
      lat: e?.lat ?? null,
      lon: e?.lon ?? null,
      country: e?.country ?? null,
      admin1: e?.admin1 ?? null,
      kind: 'crossing',
      precision: 'site',
      literal: true,
      confidence: Math.round(h.evidence * (e ? 0.9 : 0.7) * 100) / 100,
    }
  }
  if (h.feature) {
    const near = h.near
    return {
      start: h.start,
      end: h.end,
      text: text.slice(h.start, h.end),
      id: null,
      name: null,
      lat: near?.lat ?? null,
      lon: near?.lon ?? null,
      country: near?.country ?? null,
      admin1: near?.admin1 ?? null,
      kind: h.feature,
      precision: near ? (h.feature === 'street' ? 'town' : 'region') : null,
      literal: true,
      confidence: near ? 0.4 : 0.3,
    }
  }
  const e = h.entry
  const margin = 1 / (1 + Math.exp(-(h.margin ?? 0)))
  const confidence =
    Math.round(Math.min(1, h.evidence) * (e ? 0.5 + 0.5 * margin : 0.5) * 100) / 100
  return {
    start: h.start,
    end: h.end,
    text: text.slice(h.start, h.end),
    id: e?.id ?? null,
    name: e?.name ?? null,
    lat: e?.lat ?? null,
    lon: e?.lon ?? null,
    country: e?.country ?? null,
    admin1: e?.admin1 ?? null,
    kind: e?.kind ?? 'unresolved',
    precision: e?.precision ?? null,
    literal: !h.association,
    ...(h.association ? { association: h.association } : {}),
    ...(e?.crossingId ? { crossingId: e.crossingId } : {}),
    confidence,
  }
}

/**
 * Annotates the place names of `text`: each with its span, the gazetteer entry it resolves to
 * (or `id: null` when none does), precision, whether it is used literally, and a confidence.
 *
 * @example
 * annotatePlaces('Trucks crossed at Al-Qaem into Iraq.')
 * // → [{ text: 'Al-Qaem', kind: 'crossing-side', crossingId: 'albukamal-al-qaim', … },
 * //    { text: 'Iraq', kind: 'country', precision: 'country', … }]
 */
export function annotatePlaces(text: string, context: AnnotateContext = {}): PlaceAnnotation[] {
  const g = context.gazetteer ?? defaultGeoGazetteer()
  const tokens = geoTokens(text)
  if (context.spans) {
    const hits = hitsForSpans(text, tokens, g, context.spans)
    linkContainers(text, hits)
    resolve(hits, context)
    return hits.map((h) => toAnnotation(text, h))
  }
  const lower = lowerCaseWords(tokens)
  const found = scan(text, tokens, g)
  for (const h of found) {
    // "U.S." and "Calif." end with their full stop; "EU." and "St. Louis." at a sentence end do not.
    const span = text.slice(h.start, h.end)
    const abbreviation =
      /(?:^|\.)\p{L}{1,3}$/u.test(span) && span.includes('.')
        ? true
        : /^\p{Lu}\p{Ll}{1,4}$/u.test(span) && h.names.some((n) => n.dotted)
    if (abbreviation && text[h.end] === '.') h.end += 1
  }
  // Words inside names that are surely places ("New York", "Syria"); a town named "David" is not.
  const covered = new Set<number>()
  for (const h of found) {
    const sure = h.names.some(
      (n) =>
        n.entry.fromPack ||
        n.entry.population >= 150_000 ||
        (!n.entry.ranked &&
          ['country', 'continent', 'region', 'water', 'county'].includes(n.entry.kind)),
    )
    if (sure || h.first !== h.last) for (let i = h.first; i <= h.last; i++) covered.add(i)
  }
  const persons = personNames(text, tokens, found, covered)
  const containers = new Set(
    found
      .filter((h) =>
        h.names.some(
          (n) =>
            n.entry.kind === 'country' ||
            (n.entry.admin1?.startsWith('US-') && n.entry.kind === 'region'),
        ),
      )
      .map((h) => h.start),
  )
  const candidates: Hit[] = []
  for (const h of found) {
    h.evidence = 0
    judge(text, tokens, h, lower, persons, covered, containers)
    if (h.evidence > 0 && h.names.length) candidates.push(h)
  }
  linkContainers(text, candidates)
  const doc = resolve(candidates, context)
  // A weak name counts when the document's clear places lie in its division ("Cottonport" in a
  // story about Avoyelles Parish) — coherence, not the name alone.
  // A small town abroad in a story whose clear places are all elsewhere needs strong context.
  const accepted = candidates.filter((h) => {
    const e = h.entry
    const own = e?.admin1 ? (doc.admin1.get(e.admin1) ?? 0) : 0
    const abroad =
      e !== undefined &&
      doc.countries.size > 0 &&
      e.country !== null &&
      !doc.countries.has(e.country) &&
      !e.fromPack &&
      (e.kind === 'town' || e.kind === 'county')
    const evidence = h.evidence + (own > 0 && h.evidence < ACCEPT ? 0.25 : 0) - (abroad ? 0.3 : 0)
    return evidence >= ACCEPT
  })
  // A loose (transliteration) match counts only in a document about its country or, for a pack
  // place, where the words around it call it a place: "Debussy" in a concert review is no Dabousieh.
  const kept = accepted.filter(
    (h) =>
      !h.loose ||
      (h.entry?.fromPack && h.cued) ||
      accepted.some((o) => o !== h && !o.loose && o.entry?.country === h.entry?.country),
  )
  for (const h of kept) {
    crossingSpan(text, h, g)
    extendName(text, h, kept)
  }
  const features = featureHits(text, tokens)
  const inside = (h: Hit) => features.some((f) => f.start <= h.start && h.end <= f.end)
  const places = kept.filter(
    (h) => !inside(h) || features.some((f) => f.start === h.start && f.end === h.end),
  )
  const named = features.filter((f) => !places.some((h) => h.start < f.end && f.start < h.end))
  placeFeatures(text, named, places)
  const all = [
    ...places,
    ...named,
    ...unresolvedHits(
      text,
      tokens,
      found.filter((h) => h.names.length || inside(h)),
    ).filter((u) => !named.some((f) => u.start < f.end && f.start < u.end)),
  ]
  const crossings = foundCrossings(text, tokens, g, found, places, doc)
  const rest = all.filter((h) => !crossings.some((c) => h.start < c.end && c.start < h.end))
  return [...rest, ...crossings].sort((a, b) => a.start - b.start).map((h) => toAnnotation(text, h))
}
