/**
 * Reads events from one article: triggers per sentence, then refiners that attach time, place,
 * actors and modality, and drop repeats. Every event keeps its sentence and offsets.
 */
import crypto from 'node:crypto'
import type {
  ActorMention,
  Article,
  ArticleEvent,
  EventActor,
  EventPlace,
  EventType,
  Modality,
  PlaceMention,
  TimeMention,
  TimeSpan,
} from '../model/index.js'
import { publicationSpan } from '../time/recognise-times.js'
import { isDated, PRECISION_RANK } from '../model/index.js'
import { splitSentences, type Sentence } from '../text/sentences.js'
import { AIRCRAFT, BACKGROUND_BEFORE, HYPOTHETICAL, TRIGGERS, type Trigger } from './triggers.js'
import { readModality } from './modality.js'
import { certaintyCues, findAttribution, statedFatalities } from './attribution.js'
import { addDays } from '../time/calendar.js'
import { shift, unitSpan } from '../time/parse-relative.js'
import {
  appositiveRanges,
  clauseStart,
  insideAny,
  quotedRanges,
  reportedClauseStart,
} from './clause.js'

/** The mentions found in an article, by kind. */
export interface ArticleMentions {
  times: TimeMention[]
  places: PlaceMention[]
  actors: ActorMention[]
}

/** Where a crossing is, so an event at either side's town can be placed at the crossing itself. */
export interface CrossingRef {
  name: string
  ref: string
  lat: number
  lon: number
  /** The countries its sides lie in, so "the Lebanon-Syria border" can point to it. */
  countries?: string[]
}

const CROSSING_WORD =
  /\b(crossings?|border (?:post|point|gate|checkpoint|crossing)|the border|(?:shared|common) border|checkpoint|frontier)\b/i
/** "the bridges", in a report about a crossing that is a bridge. */
const BRIDGE_WORD = /\bthe bridges?\b/i
const ANAPHOR = /\b(the (?:crossing|border|area|site|base|alleged base|town|region)|there)\b/i
const PRONOUN_SUBJECT = /^(?:[“"][^”"]*[”"],?\s*)?(he|she)\b/i
/** Kinds of actor "they" or "it" can stand for as the subject of an armed event. */
const ARMED_ACTOR_KINDS = new Set([
  'state-forces',
  'government',
  'police-or-border-guards',
  'armed-group',
  'unidentified',
])
/** Words that make the actor after them a backer, not a side: "backed by Iran". */
const BACKER_BEFORE = /\b(?:backed|supported|funded|sponsored|armed|trained)\s+by\s+(?:the\s+)?$/i
/** How far back (characters) a pronoun's antecedent may stand: about the previous sentence. */
const ANTECEDENT_REACH = 250
const SPECIFICITY = { site: 4, town: 3, region: 2, country: 1 }
const LOCATIVE = /\b(?:in|at|near|outside|around|on|over|across|inside|into|from)\s+(?:the\s+)?$/i
const STATUS_TYPES = new Set<EventType>(['crossing-opened', 'crossing-closed', 'control-taken'])
/** A sentence whose subject is "it", standing for the crossing the sentence before spoke of. */
const IT_SUBJECT =
  /^(?:[\p{L}’'-]+\s+){0,2}?it\b(?!\s+(?:is|was)\s+(?:said|reported|expected|believed|unclear|not clear|hoped|feared))/iu
/** The crossing itself, named by a noun, near a seizure: "the post was overrun", "took the gate". */
const CROSSING_NOUN =
  /\b(?:the|its|this|that)\s+(?:border\s+)?(?:post|gate|crossing|terminal|checkpoint)\b/i
/** An opening or closure that is only wished, urged or negotiated, not done or decided. */
const IRREALIS_BEFORE =
  /\b(?:should|must|ought to|needs? to|negotiat\w*|discuss\w*|talks?|call(?:s|ed|ing)? for|urg(?:e|es|ed|ing)|demand(?:s|ed|ing)?|push(?:es|ed|ing)? for|seek(?:s|ing)?|sought|lobb\w+ for|appeal\w* for)\s+(?:(?:for|on|about|the|a|an|its|their|mutual|full|swift|quick)\s+){0,3}$/i
/** A nominal opening or closure as the subject of a future effect: "… will allow", "… is expected to". */
const EFFECT_AFTER =
  /^[^,;:]{0,80}?\b(?:will|would|could|is (?:expected|set|likely|hoped) to|are expected to)\s+(?!be\b)/i
/** Where a subordinate or relative clause starts: a cue ("made possible", "would") before it does not reach into it. */
const SUBORDINATE = /\b(?:after|when|once|because|since|while|before|following)\s+|,\s*which\s+/gi
/** A relative clause opening between a trigger and a time: ", through which aid had moved". */
const RELATIVE_CLAUSE = /,\s*(?:[\p{L}-]+\s+){0,2}?(?:which|whom|whose|where)\b/u
/** "the Lebanon-Syria border", "the border between Iraq and Syria". */
const COUNTRY_PAIR_BORDER = /^(?:\s*[-–—/]\s*|\s+and\s+)$/
const SPEECH_TYPES = new Set<EventType>(['statement', 'threat'])
const VIOLENT_TYPES = new Set<EventType>(['airstrike', 'shelling', 'clash', 'control-taken'])
/** An event that ended this many days before publication is told as background history. */
const BACKGROUND_DAYS = 180
const OFFICE_OF =
  /\b(?:chief|head|leader|commander|spokes(?:man|woman|person)|member|minister|director|official|officer)s?\s+of\s+(?:the\s+)?$/i
const PREPOSITION_BEFORE = /\b(?:and|between|of|from|to|in|into|with|on|at|near|against)\s+$/i
const TIME_CHAIN = /^\s*(?:,\s*)?(?:and|or|then)\s+(?:again\s+)?(?:in\s+|on\s+)?$/i

/** Ground taken as the other side withdraws changes hands without a fight. */
const UNCONTESTED =
  /\b(withdr(?:ew|awn|awal)|pull(?:ed|ing)? out|pulled back|evacuat\w+ (?:its |their |the )?(?:positions|bases?|posts?|troops|forces|fighters)|without (?:a fight|resistance|fighting|firing)|not encountered? any resistance|handed)\b/i

/** Ground given up "without resistance" changed hands without a fight, whatever else the sentence tells. */
const UNOPPOSED =
  /\b(without (?:a fight|resistance|fighting|firing|a shot)|not encountered? any resistance)\b/i
/** Fighting told with a withdrawal ("withdrew following intensive bombardment"): the ground was taken by force. */
const FORCED =
  /\b(bombard\w*|shell(?:ed|ing)|clash\w*|fighting|battles?|air ?strikes?|assault|offensive|attack\w*|pounded|heavy losses)\b/i

function subtypeOf(trigger: Trigger, sentence: string): string | undefined {
  if (trigger.type === 'control-taken' && trigger.subtype === 'by-force') {
    if (UNOPPOSED.test(sentence)) return 'handover'
    if (UNCONTESTED.test(sentence) && !FORCED.test(sentence)) return 'handover'
  }
  return trigger.subtype
}

/** Words that name what an attack was carried out with: "using mortars", "they used … mortar systems". */
const INSTRUMENT_BEFORE = /\b(?:using|used|with|by firing)\b[^.;]*$/i

/** A province named as an administration ("Basra Governorate closed …"). */
const ADMINISTRATION =
  /\b(governorate|province|provincial|region(?:al)? government|municipality)\b/i

/** Words for ground that changes hands. */
const TERRITORY =
  /\b(towns?|city|cities|villages?|areas?|district|region|province|governorate|territor(?:y|ies)|ground|positions?|bases?|airbase|air base|airport|crossings?|border (?:post|point|crossing)s?|checkpoints?|hills?|heights|neighbou?rhoods?|quarters?|suburbs?|outskirts|camps?|oil ?fields?|bastions?|strongholds?|ports?|roads?|highway|bridges?|dams?|island|countryside|front ?lines?|lands?|parts? of|control)\b/i

/** True when a place mention or a word for ground stands within a few words of the trigger. */
function nearTerritory(text: string, view: SentenceView, at: number, end: number): boolean {
  const s = view.sentence
  const window = text.slice(Math.max(s.start, at - 50), Math.min(s.end, end + 60))
  if (TERRITORY.test(window)) return true
  return view.places.some((p) => !p.demonym && p.start >= at - 50 && p.start <= end + 60)
}

/** Everything the refiners need about one sentence. */
interface SentenceView {
  sentence: Sentence
  times: TimeMention[]
  places: PlaceMention[]
  actors: ActorMention[]
  quoted: [number, number][]
  appositives: [number, number][]
  /** The time the paragraph was last speaking of, for a sentence that names none itself. */
  context: TimeSpan | null
  /** The crossing the sentence before spoke of, for a sentence that calls it "it". */
  previousCrossing: PlaceMention | null
}

function within<T extends { start: number; end: number }>(items: T[], s: Sentence): T[] {
  return items.filter((m) => m.start >= s.start && m.end <= s.end)
}

function stableId(articleId: string, type: string, offset: number, time: string): string {
  const hash = crypto
    .createHash('sha1')
    .update(`${articleId}|${type}|${offset}|${time}`)
    .digest('hex')
  return `e-${hash.slice(0, 16)}`
}

function isLocative(text: string, m: { start: number }): boolean {
  return LOCATIVE.test(text.slice(Math.max(0, m.start - 20), m.start))
}

/**
 * Settles names that are both a place and an actor ("Damascus", "Tehran"): after "in/near/at"
 * it is the place, otherwise the actor.
 */
function settleOverlaps(text: string, mentions: ArticleMentions): ArticleMentions {
  const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
    a.start < b.end && b.start < a.end
  const places = mentions.places.filter(
    (p) =>
      isLocative(text, p) ||
      p.precision === 'site' ||
      !mentions.actors.some((a) => overlaps(a, p) && a.text.length >= p.text.length),
  )
  const actors = mentions.actors.filter(
    (a) =>
      !places.some((p) => overlaps(a, p) && isLocative(text, p) && p.text.length >= a.text.length),
  )
  return { ...mentions, places, actors }
}

/**
 * "seven years after it was closed": the event under "after" lies that long before the sentence's
 * own time (and "before" after it). Null when the trigger is not in such a clause.
 */
function countedFrom(text: string, mentions: TimeMention[], at: number): TimeSpan | null {
  for (const d of mentions) {
    const m = /^(\d+)([DWMY])$/.exec(d.value.duration?.replace(/^P/, '') ?? '')
    if (d.type !== 'DURATION' || !m || d.end > at) continue
    const link = /^\s+(after|before)\s+(?:[\p{L}’'-]+\s+){0,4}$/iu.exec(text.slice(d.end, at))
    if (!link) continue
    const ref = mentions.find(
      (t) => t !== d && t.type === 'DATE' && isDated(t.value) && !t.value.timex?.endsWith('_REF'),
    )
    if (!ref) return null
    const unit = ({ D: 'day', W: 'week', M: 'month', Y: 'year' } as const)[
      m[2] as 'D' | 'W' | 'M' | 'Y'
    ]
    const amount = Number(m[1]) * (link[1].toLowerCase() === 'after' ? -1 : 1)
    const base = (ref.value.start as string).slice(0, 10)
    const span = unitSpan(unit, shift(base, unit, amount))
    return {
      ...span,
      start: span.start as string,
      end: span.end as string,
      certainty: 'inferred',
      anchor: { kind: 'mention', value: base, offset: [ref.start, ref.end] },
      text: text.slice(d.start, d.end),
      offset: [d.start, d.end],
    }
  }
  return null
}

/** "two days a week on Monday and Wednesday": weekdays a recurrence names are no dates. */
function withoutRecurring(text: string, mentions: TimeMention[]): TimeMention[] {
  const out: TimeMention[] = []
  let previous: TimeMention | null = null
  for (const t of mentions) {
    const weekday = WEEKDAY.test(t.text)
    const recurring: boolean =
      weekday &&
      (/\b(?:a|per|each|every)\s+week,?\s+(?:on\s+)?$/i.test(
        text.slice(Math.max(0, t.start - 24), t.start),
      ) ||
        (previous !== null && TIME_CHAIN.test(text.slice(previous.end, t.start))))
    previous = recurring ? t : null
    if (!recurring) out.push(t)
  }
  return out
}

/** "overnight Monday into Tuesday": what happened in the night is told of the morning it ends in. */
function morningsOf(text: string, mentions: TimeMention[]): TimeMention[] {
  return mentions.filter((t, k) => {
    const next = mentions[k + 1]
    return !(
      next &&
      /^\s+into\s+$/i.test(text.slice(t.end, next.start)) &&
      /\b(?:overnight|night(?: of)?)\s+(?:from\s+)?$/i.test(
        text.slice(Math.max(0, t.start - 16), t.start),
      )
    )
  })
}

/**
 * Times for a trigger: the nearest time, with every time coordinated with it when the trigger
 * governs them all ("struck in X and again in Y", "in mid and late September have hit").
 */
function timesFor(
  text: string,
  mentions: TimeMention[],
  at: number,
  triggerEnd: number,
  sentence: Sentence,
): TimeSpan[] {
  const dated = morningsOf(text, withoutRecurring(text, mentions)).filter(
    (t) => t.type !== 'SET' && isDated(t.value) && !t.value.timex?.endsWith('_REF'),
  )
  // "FILE - Containers block the bridge, …, Aug. 5, 2022.": a caption's closing date dates it all.
  const closing = dated.find(
    (t) =>
      t.type === 'DATE' &&
      /,\s*$/.test(text.slice(Math.max(sentence.start, t.start - 3), t.start)) &&
      /^[\s.]*$/.test(text.slice(t.end, sentence.end)) &&
      /\d{4}/.test(t.text),
  )
  if (closing && !dated.some((t) => t !== closing && t.type === 'DATE' && t.start > at))
    return [closing.value as TimeSpan]
  // "approved aid through X until 10 July 2021": a bound after the trigger says how long it lasts,
  // not when it happened; one before it dates the event only if nothing else does. A time in a
  // relative clause after the trigger ("…, through which aid had moved until January") is another event's.
  const own = dated.filter(
    (t) =>
      t.start < at ||
      ((t.value.open !== 'start' || t.type === 'DURATION') &&
        !RELATIVE_CLAUSE.test(text.slice(at, t.start))),
  )
  const bounded = own.filter((t) => t.value.open !== 'start' || t.type === 'DURATION')
  const times = bounded.length ? bounded : own
  if (!times.length) {
    // "will now be open": the present of the report, not the time the sentence before spoke of.
    const present = mentions.find((t) => t.value.timex === 'PRESENT_REF' && isDated(t.value))
    return present ? [present.value as TimeSpan] : []
  }
  const chains: TimeMention[][] = []
  for (const t of times) {
    const last = chains.at(-1)
    const prev = last?.at(-1)
    if (last && prev && TIME_CHAIN.test(text.slice(prev.end, t.start))) last.push(t)
    else chains.push([t])
  }
  const distance = (t: TimeMention) => Math.min(Math.abs(t.start - at), Math.abs(t.end - at))
  // "closed since 2014", "reopened on Monday": a time the trigger governs through a preposition wins.
  const governed = times.find(
    (t) =>
      // "will end Sept. 26": a time right after the trigger is its own.
      (t.start >= triggerEnd && /^\s*(?:(?:on|in)\s+)?$/.test(text.slice(triggerEnd, t.start))) ||
      (t.start > at &&
        /^[\p{L}-]*\s+(?:\w+\s+){0,2}?(?:since|in|on|until|till|from|during|for|by|at)\s+(?:the\s+)?$/u.test(
          text.slice(at, t.start),
        ) &&
        t.start - at < 40),
  )
  const nearest =
    governed ?? [...times].sort((a, b) => distance(a) - distance(b) || b.start - a.start)[0]
  const chain = chains.find((c) => c.includes(nearest)) ?? [nearest]
  const last = chain[chain.length - 1]
  const around = chain[0].start >= at || (last.end <= at && at - last.end <= 12)
  return (around ? chain : [nearest]).map((t) => t.value as TimeSpan)
}

/**
 * "reopened on Tuesday. The gate was opened at 9:00 am": a clock time with no day of its own is
 * on the day the text speaks of, not on the day of the report.
 */
function onContextDay(t: TimeSpan, context: TimeSpan | null): TimeSpan {
  if (t.precision !== 'instant' || t.anchor?.kind !== 'publication' || !context) return t
  if (PRECISION_RANK[context.precision] > PRECISION_RANK.day) return t
  const day = context.start.slice(0, 10)
  return {
    ...t,
    start: day + t.start.slice(10),
    end: day + t.end.slice(10),
    certainty: 'inferred',
    anchor: { kind: 'mention', value: day },
    ...(t.timex ? { timex: day + t.timex.slice(10) } : {}),
  }
}

/** The crossing an article is about: the one its place names point to most often, first on ties. */
function focusCrossing(places: PlaceMention[]): PlaceMention | null {
  const counts = new Map<string, number>()
  for (const p of places)
    if (p.crossingId) counts.set(p.crossingId, (counts.get(p.crossingId) ?? 0) + 1)
  const best = Math.max(0, ...counts.values())
  return places.find((p) => p.crossingId && counts.get(p.crossingId) === best) ?? null
}

/** A country a route passes: "via Turkey", "from Jordan", "into Syria". */
const ROUTE_BEFORE = /\b(?:via|through|from|into|across)\s+(?:the\s+)?$/i

/**
 * True when the sentence speaks of the border between the two countries `crossing` joins: "the
 * A-B border", "the border between A and B", or something sent between them through one of them
 * ("aid to the northwest of Syria via Turkey", "trucks from Jordan into Syria").
 */
function namesBorderOf(
  text: string,
  view: SentenceView,
  crossing: CrossingRef | undefined,
): boolean {
  const countries = crossing?.countries
  if (!countries || countries.length !== 2) return false
  const named = view.places.filter((p) => p.precision === 'country' && !p.demonym && p.country)
  for (let i = 0; i + 1 < named.length; i++) {
    const [a, b] = [named[i], named[i + 1]]
    if (!COUNTRY_PAIR_BORDER.test(text.slice(a.end, b.start))) continue
    const pair = new Set([a.country, b.country])
    const around = text.slice(Math.max(view.sentence.start, a.start - 25), b.end + 10)
    if (countries.every((c) => pair.has(c)) && /\bborder\b/i.test(around)) return true
  }
  const ends = named.filter((p) => countries.includes(p.country!))
  if (new Set(ends.map((p) => p.country)).size !== 2) return false
  return ends.some((p) =>
    ROUTE_BEFORE.test(text.slice(Math.max(view.sentence.start, p.start - 12), p.start)),
  )
}

/**
 * The crossing a sentence is about: named in it, a side town in it, the one the article is about
 * when the sentence speaks of "the crossing" or of the border it lies on (or a route across it), or the one the sentence
 * before spoke of when this one calls it "it".
 */
function crossingFor(
  text: string,
  view: SentenceView,
  focus: PlaceMention | null,
  crossings: ReadonlyMap<string, CrossingRef>,
): PlaceMention | null {
  const inside = view.places.filter((p) => p.crossingId)
  const named = inside.find((p) => p.precision === 'site') ?? inside[0]
  if (named) return named
  if (CROSSING_WORD.test(view.sentence.text)) return focus
  if (BRIDGE_WORD.test(view.sentence.text) && focus && /\bbridge\b/i.test(focus.name)) return focus
  if (focus?.crossingId && namesBorderOf(text, view, crossings.get(focus.crossingId))) return focus
  return IT_SUBJECT.test(view.sentence.text) ? view.previousCrossing : null
}

/** True when the crossing itself stands near a seizure: "the post was overrun", "It was liberated". */
function nearCrossing(text: string, view: SentenceView, at: number, end: number): boolean {
  const s = view.sentence
  if (CROSSING_NOUN.test(text.slice(Math.max(s.start, at - 50), Math.min(s.end, end + 60))))
    return true
  return IT_SUBJECT.test(s.text) && view.previousCrossing !== null
}

/**
 * Between a country and the verb it acts with: a word or two ("Israel also struck"), or being
 * made to act ("Jordan was forced to close").
 */
const COUNTRY_GAP =
  /^\s+(?:(?:was|were|has been|had been|is|are)\s+(?:forced|coerced|compelled|obliged|pressured|pushed)\s+(?:in)?to\s+)?(?:[\p{L}’'-]+\s+){0,2}$/u

/** "X lost control of the crossing to Y": Y took it, X lost it. */
function winnersOf(
  text: string,
  view: SentenceView,
  found: EventActor[],
  triggerEnd: number,
): EventActor[] {
  const s = view.sentence
  const winner = view.actors.find(
    (m) =>
      m.start >= triggerEnd &&
      /\bto\s+(?:the\s+)?$/i.test(text.slice(Math.max(s.start, m.start - 8), m.start)),
  )
  const losers = found
    .filter((a) => a.id !== winner?.actorId)
    .map((a) => (a.role === 'actor' ? { ...a, role: 'target' as const } : a))
  return winner ? [actorOf(winner, 'actor'), ...losers] : losers
}

/** An actor mention as one side of an event. */
function actorOf(m: ActorMention, role: EventActor['role']): EventActor {
  return {
    role,
    id: m.actorId,
    name: m.name,
    text: m.text,
    ...(m.actorKind ? { kind: m.actorKind } : {}),
    ...(m.country ? { country: m.country } : {}),
  }
}

/** "in the control zone of Russian peacekeepers": who holds the ground is named after the words. */
const HOLDER_AFTER = /\b(?:control zone|zone of control|area of responsibility) of$/i

/** The actor named right after a trigger that ends in "… of", as the one who holds the place. */
function holderAfter(view: SentenceView, triggerEnd: number): EventActor[] {
  const m = view.actors.find((a) => a.start >= triggerEnd && a.start <= triggerEnd + 5)
  return m ? [actorOf(m, 'actor')] : []
}

/** Modalities under which nothing happened. */
const IRREAL = new Set<Modality>(['negated', 'denied', 'hypothetical'])
/** A past-tense trigger: "retook", "overran", "closed". */
const PAST_TRIGGER = /^\S*(?:ed|ook|an|ew|ught|aken|ut|eld)\b/i

/**
 * The modality of an opening, closure or seizure: only wished or negotiated ("should be opened",
 * "negotiate for its reopening") is hypothetical; a cue of the main clause ("was made possible
 * after …", "would …") does not reach a past event told in a subordinate clause.
 */
function statusModality(
  sentence: Sentence,
  type: EventType,
  at: number,
  word: string,
  modality: Modality,
): Modality {
  const before = sentence.text.slice(0, at - sentence.start)
  if (IRREALIS_BEFORE.test(before)) return 'hypothetical'
  // "the reopening of the crossing will allow …": the effect is told, the reopening only presumed.
  const after = sentence.text.slice(at - sentence.start + word.length)
  if (/(?:opening|closure) of$/i.test(word) && EFFECT_AFTER.test(after)) return 'hypothetical'
  if ((modality !== 'hypothetical' && modality !== 'planned') || !PAST_TRIGGER.test(word))
    return modality
  let from = -1
  for (const m of before.matchAll(SUBORDINATE)) from = m.index + m[0].length
  if (from < 0) return modality
  const inner = readModality(sentence.text.slice(from), type, at - sentence.start - from)
  return inner === 'asserted' ? inner : modality
}

const WEEKDAY = /^(?:on\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day$/i

/** "agreed to reopen the crossing on Monday": the Monday of a plan is the one ahead of the report. */
function aheadOf(t: TimeSpan, at: number, published: string): TimeSpan {
  const day = published.slice(0, 10)
  if (!t.text || !WEEKDAY.test(t.text) || (t.offset?.[0] ?? -1) < at || t.end.slice(0, 10) >= day)
    return t
  const start = addDays(t.start.slice(0, 10), 7)
  return { ...t, start, end: addDays(t.end.slice(0, 10), 7), timex: start }
}

/** The crossing a sentence speaks of, for the sentence after it: named, or "the crossing" of the article. */
function crossingSpokenOf(
  text: string,
  view: SentenceView,
  focus: PlaceMention | null,
  crossings: ReadonlyMap<string, CrossingRef>,
): PlaceMention | null {
  return (
    crossingFor(text, view, focus, crossings) ??
    (CROSSING_NOUN.test(view.sentence.text) ? focus : null)
  )
}

/** The most specific place in the sentence, preferring "in/near/at X"; quotes and adjectives aside. */
function placeFor(
  text: string,
  view: SentenceView,
  type: EventType,
  allPlaces: PlaceMention[],
  focus: PlaceMention | null,
): PlaceMention | null {
  const candidates = view.places.filter(
    (p) =>
      !p.demonym &&
      !insideAny(view.quoted, p.start, p.end) &&
      (!SPEECH_TYPES.has(type) || isLocative(text, p)),
  )
  const score = (p: PlaceMention) => SPECIFICITY[p.precision] * 10 + (isLocative(text, p) ? 5 : 0)
  const best = [...candidates].sort((a, b) => score(b) - score(a))[0]
  if (best) return best
  if (SPEECH_TYPES.has(type) || !ANAPHOR.test(view.sentence.text)) return null
  // "near the crossing": the crossing the article is about, as a place (not a status fact).
  if (/\bthe (?:border )?crossing\b/i.test(view.sentence.text) && focus) return focus
  const earlier = allPlaces.filter(
    (p) => !p.demonym && p.precision !== 'country' && p.end <= view.sentence.start,
  )
  return earlier.at(-1) ?? null
}

function actorsFor(
  text: string,
  view: SentenceView,
  allActors: ActorMention[],
  at: number,
  triggerEnd: number,
  type: EventType,
): EventActor[] {
  const s = view.sentence
  const out: EventActor[] = []
  const add = (
    role: EventActor['role'],
    id: string,
    name: string,
    mentionText: string,
    kind?: string,
    country?: string | null,
  ) => {
    if (!out.some((a) => a.id === id))
      out.push({
        role,
        id,
        name,
        text: mentionText,
        ...(kind ? { kind } : {}),
        ...(country ? { country } : {}),
      })
  }
  const addMention = (role: EventActor['role'], m: ActorMention) =>
    add(role, m.actorId, m.name, m.text, m.actorKind, m.country)
  const usable = view.actors.filter((m) => !insideAny(view.quoted, m.start, m.end))
  // "drove the ISIL terrorists out": names after the trigger's first word are what it acts on.
  const headEnd = at + (/^\S+/.exec(text.slice(at, triggerEnd))?.[0].length ?? 0)
  const after = usable.filter((m) => m.start >= headEnd)
  // Targets stand in the trigger's own clause, not in "after ... airstrikes" or "as reports emerged".
  const rest = text.slice(triggerEnd, s.end)
  const clauseEnd =
    triggerEnd +
    (rest.search(/[;:]|\b(?:after|amid|despite|as|while|because|but)\b/i) + 1 || rest.length + 1) -
    1
  // "… regained the town that was captured by rebels": an agent stands in the trigger's own clause.
  const agentEnd =
    triggerEnd + (rest.search(/,|\b(?:that|which|who|when|where)\b/i) + 1 || rest.length + 1) - 1
  // "the town was seized by X": who stands before a passive verb lost, not acted.
  const participle = /^\w+(?:ed|en|wn|ght|ook|eld)\b/i.test(text.slice(at, triggerEnd))
  const passive =
    participle &&
    /\b(?:was|were|been|being|is|are)\s+(?:\w+\s+)?$/i.test(
      text.slice(Math.max(s.start, at - 24), at),
    )
  const agents: ActorMention[] = []
  for (const m of after.filter((a) => a.start >= triggerEnd)) {
    const lead = text.slice(Math.max(s.start, m.start - 16), m.start)
    if (/\b(?:according to|reported by)\s+(?:the\s+)?$/i.test(lead)) addMention('source', m)
    else if (/\bby\s+(?:the\s+)?$/i.test(lead) && m.start < agentEnd) agents.push(m)
  }
  if (/^[“"]/.test(s.text) && SPEECH_TYPES.has(type) && after[0] && !agents.length) {
    addMention('actor', after[0])
  } else {
    const inClause = (from: number) =>
      usable.filter(
        (m) =>
          m.start >= from &&
          m.start < headEnd &&
          !insideAny(view.appositives, m.start - s.start, m.end - s.start),
      )
    // "the army said militants seized …": the reported clause's subject acts, not the speaker,
    // unless the clause has none ("the PMU claims it will hold …").
    const from = s.start + clauseStart(s.text, at - s.start)
    const reported = inClause(s.start + reportedClauseStart(s.text, at - s.start))
    const candidates = reported.length ? reported : inClause(from)
    // "the chief of the IRGC, Hossein Salami": the IRGC is who he is, not who acted.
    const subjects = candidates.filter(
      (m) =>
        candidates.length === 1 ||
        !OFFICE_OF.test(text.slice(Math.max(s.start, m.start - 30), m.start)),
    )
    // An agent ("by X") acts for a passive verb, or where no subject stands before the verb.
    if (passive || !subjects.length) for (const m of agents) addMention('actor', m)
    for (const m of subjects) addMention(passive ? 'target' : 'actor', m)
    if (!subjects.length && !agents.length) {
      const country = view.places
        .filter(
          (p) =>
            (p.precision === 'country' || ADMINISTRATION.test(p.text)) &&
            !p.demonym &&
            p.start >= from &&
            p.end <= at,
        )
        .at(-1)
      // "Israel struck", "Basra Governorate closed": a country or province right before the verb acts as its government.
      const gap = country ? text.slice(country.end, at) : ''
      const lead = country ? text.slice(Math.max(s.start, country.start - 12), country.start) : ''
      if (country && COUNTRY_GAP.test(gap) && !PREPOSITION_BEFORE.test(lead)) {
        const region = country.precision !== 'country'
        add(
          'actor',
          region ? country.ref : `country:${country.country ?? country.ref}`,
          region ? country.text : country.name,
          country.text,
          region ? 'government' : 'state-forces',
          country.country,
        )
      }
    }
  }
  if (!out.some((a) => a.role === 'actor') && PRONOUN_SUBJECT.test(s.text)) {
    const person = allActors.filter((a) => a.actorKind === 'person' && a.end <= s.start).at(-1)
    if (person) addMention('actor', person)
  }
  // "… reported that they have taken control": "they" is the armed side named last before it.
  const clauseFrom = s.start + clauseStart(s.text, at - s.start)
  if (
    !SPEECH_TYPES.has(type) &&
    !out.some((a) => a.role === 'actor') &&
    /^\s*(?:they|it)\b/i.test(text.slice(clauseFrom, at)) &&
    // "It was liberated from the group": the subject of a passive is what was taken.
    !/\b(?:was|were|is|are|been|being)\s+(?:\w+ly\s+)?$/i.test(text.slice(clauseFrom, at))
  ) {
    const antecedent = allActors
      .filter(
        (m) =>
          m.end <= clauseFrom &&
          m.start >= s.start - ANTECEDENT_REACH &&
          ARMED_ACTOR_KINDS.has(m.actorKind) &&
          !insideAny(view.quoted, m.start, m.end) &&
          // "militants backed by Ankara": the backer describes the militants.
          !BACKER_BEFORE.test(text.slice(Math.max(0, m.start - 24), m.start)),
      )
      .at(-1)
    if (antecedent) addMention('actor', antecedent)
  }
  for (const m of after) if (m.start < clauseEnd) addMention('target', m)
  return out
}

function scopeOf(type: EventType, sentence: string): ArticleEvent['scope'] {
  if (!STATUS_TYPES.has(type)) return null
  const people = /\b(travel(?:lers)?|passengers|people|pedestrians|civilians|refugees)\b/i.test(
    sentence,
  )
  const goods = /\b(trade|goods|cargo|trucks|commercial|freight)\b/i.test(sentence)
  const aid = /\b(aid|humanitarian)\b/i.test(sentence)
  if (aid && !people && !goods) return 'aid'
  if (people && !goods) return 'people'
  if (goods && !people) return 'goods'
  return 'all'
}

function placeOf(
  m: PlaceMention,
  crossings: ReadonlyMap<string, CrossingRef>,
  asSite: boolean,
): EventPlace {
  const crossing = asSite && m.crossingId ? crossings.get(m.crossingId) : undefined
  if (crossing) {
    return {
      name: crossing.name,
      ref: crossing.ref,
      country: null,
      lat: crossing.lat,
      lon: crossing.lon,
      precision: 'site',
      siteId: m.crossingId!,
      text: m.text,
    }
  }
  return {
    name: m.name,
    ref: m.ref,
    country: m.country,
    lat: m.lat,
    lon: m.lon,
    precision: m.precision,
    siteId: m.precision === 'site' ? (m.crossingId ?? null) : null,
    text: m.text,
  }
}

/** Reads the events of `article` from its mentions. */
export function extractEvents(
  article: Article,
  found: ArticleMentions,
  crossings: ReadonlyMap<string, CrossingRef> = new Map(),
): ArticleEvent[] {
  const text = article.text
  const published = article.published ?? new Date().toISOString()
  const mentions = settleOverlaps(text, found)
  const focus = focusCrossing(mentions.places)
  const quoted = quotedRanges(text)
  const events: ArticleEvent[] = []
  let context: TimedContext | null = null
  let previousCrossing: PlaceMention | null = null
  for (const sentence of splitSentences(text)) {
    const before: TimedContext | null = context
    if (context && text.slice(context.end, sentence.start).includes('\n')) context = null
    const own = within(mentions.times, sentence).filter(
      (t) => t.type === 'DATE' && isDated(t.value) && !t.value.timex?.endsWith('_REF'),
    )
    // "Israel also closed its crossings" after a paragraph break: the time of the sentence before.
    if (!context && before && !own.length && ALSO.test(sentence.text)) context = before
    const contextTime = context?.time ?? null
    if (own.length) context = { time: own.at(-1)!.value as TimeSpan, end: sentence.end }
    else if (context) context.end = sentence.end
    const view: SentenceView = {
      previousCrossing,
      context: contextTime,
      sentence,
      times: within(mentions.times, sentence),
      places: within(mentions.places, sentence),
      actors: within(mentions.actors, sentence),
      quoted: quoted.filter(([a, b]) => a >= sentence.start - 1 && b <= sentence.end + 1),
      appositives: appositiveRanges(sentence.text),
    }
    previousCrossing = crossingSpokenOf(text, view, focus, crossings)
    if (HYPOTHETICAL.test(sentence.text)) continue
    const inSentence: ArticleEvent[] = []
    const triggerAt = new Map<ArticleEvent, number>()
    for (const trigger of TRIGGERS) {
      for (const m of sentence.text.matchAll(trigger.re)) {
        // "after a month of … airstrikes" is background; "after militants ambushed" is an event.
        // "after the post was overrun": a participle after its auxiliary is a verb too.
        const verb =
          /(?:ed|ought|ook|an|ew)$/i.test(m[0].split(' ')[0]) ||
          /\b(?:was|were|been|had|has|have)\s+(?:\w+ly\s+)?$/i.test(sentence.text.slice(0, m.index))
        if (!verb && BACKGROUND_BEFORE.test(sentence.text.slice(0, m.index))) continue
        const at = sentence.start + m.index
        if (insideAny(view.quoted, at, at + m[0].length) && trigger.type !== 'threat') continue
        const built = buildEvents(
          trigger,
          m[0],
          at,
          view,
          mentions,
          focus,
          crossings,
          text,
          published,
          article.id,
          article.outlet,
        )
        if (!built.length) continue
        for (const e of built) triggerAt.set(e, at)
        inSentence.push(...built)
        break
      }
    }
    // "…, killing 6 fighters" after a strike is that strike's toll, not a second (clash) event.
    const struck = inSentence.some((e) => e.type === 'airstrike' || e.type === 'shelling')
    if (struck) {
      const tolls = inSentence.filter(
        (e) => e.type === 'clash' && /\bkill|killed$/i.test(e.trigger),
      )
      for (const t of tolls) inSentence.splice(inSentence.indexOf(t), 1)
    }
    // "warplanes fired a missile": the missile fire an airstrike's trigger covers is that airstrike.
    const covered = (e: ArticleEvent, by: ArticleEvent) => {
      const a = triggerAt.get(e) ?? 0
      const b = triggerAt.get(by) ?? 0
      return a >= b && a + e.trigger.length <= b + by.trigger.length
    }
    // "attacked government forces using mortars": the attack is the shelling it names as its means.
    const byArtillery = inSentence.some(
      (e) =>
        e.type === 'shelling' &&
        INSTRUMENT_BEFORE.test(
          text.slice(Math.max(sentence.start, (triggerAt.get(e) ?? 0) - 60), triggerAt.get(e)),
        ),
    )
    if (byArtillery)
      for (const e of inSentence.filter((x) => x.type === 'clash' && /^attack/i.test(x.trigger)))
        inSentence.splice(inSentence.indexOf(e), 1)
    const strikes = inSentence.filter((e) => e.type === 'airstrike')
    for (const e of inSentence.filter(
      (x) => x.type === 'shelling' && strikes.some((a) => covered(x, a)),
    ))
      inSentence.splice(inSentence.indexOf(e), 1)
    // Events in the order their triggers stand in the sentence: the first told is the main one.
    inSentence.sort((a, b) => (triggerAt.get(a) ?? 0) - (triggerAt.get(b) ?? 0))
    // "clashing with insurgents and capturing a village": a battle in which ground changed hands
    // is told by the ground taken (ACLED codes it as the territorial event), so that leads.
    const battle = inSentence.findIndex((e) => e.type === 'clash')
    const taken = inSentence.findIndex(
      (e) => e.type === 'control-taken' && e.subtype !== 'security' && e.modality !== 'planned',
    )
    if (battle >= 0 && taken > battle) inSentence.splice(battle, 0, ...inSentence.splice(taken, 1))
    // A statement that only carries another event of the sentence ("X claimed that ...") is that event's source.
    const carried = inSentence.some((e) => !SPEECH_TYPES.has(e.type))
    const threat = inSentence.some((e) => e.type === 'threat')
    events.push(...inSentence.filter((e) => e.type !== 'statement' || (!carried && !threat)))
  }
  return dropRepeats(dropRetoldPlans(events))
}

/** A plan named by a noun, the way a text refers back to it: "the announcement of the reopening". */
const NOMINAL_PLAN = /\b(?:announcement of|re-?opening of|opening of)\b/i

/**
 * "The announcement of the re-opening of the bridges comes …" after "… will end Sept. 26": a plan
 * told again with no time of its own is the plan the report already dated, not a second one.
 */
function dropRetoldPlans(events: ArticleEvent[]): ArticleEvent[] {
  // Type and site of every plan the report has dated so far.
  const dated = new Set<string>()
  return events.filter((e) => {
    if (e.modality !== 'planned' || !e.place?.siteId) return true
    const plan = `${e.type}|${e.place.siteId}`
    if (e.time.certainty === 'stated') dated.add(plan)
    else if (NOMINAL_PLAN.test(e.trigger) && dated.has(plan)) return false
    return true
  })
}

function buildEvents(
  trigger: Trigger,
  word: string,
  at: number,
  view: SentenceView,
  mentions: ArticleMentions,
  focus: PlaceMention | null,
  crossings: ReadonlyMap<string, CrossingRef>,
  text: string,
  published: string,
  articleId: string,
  outlet: string | null,
): ArticleEvent[] {
  const type = trigger.type
  const sentence = view.sentence
  if (trigger.needs === 'aircraft' && !AIRCRAFT.test(sentence.text)) return []
  if (trigger.unless?.test(sentence.text)) return []
  if (
    trigger.needs === 'territory' &&
    !nearTerritory(text, view, at, at + word.length) &&
    !nearCrossing(text, view, at, at + word.length)
  )
    return []
  const following = text.slice(at + word.length, Math.min(sentence.end, at + word.length + 90))
  if (trigger.notBefore?.test(following)) return []
  // "took Al-Bukamal" takes a place; "took to the streets", "took place" do not.
  if (/^took$/i.test(word) && !/^\s[A-Z]/.test(following)) return []
  if (trigger.notAfter?.test(text.slice(Math.max(sentence.start, at - 80), at))) return []
  let place: EventPlace | null = null
  if (
    trigger.needs === 'crossing' ||
    (type === 'control-taken' &&
      (CROSSING_WORD.test(sentence.text) ||
        (IT_SUBJECT.test(sentence.text) && view.previousCrossing) ||
        // Taking a side's town in a report about that crossing takes that side of the crossing.
        view.places.some((p) => p.crossingId && p.crossingId === focus?.crossingId)))
  ) {
    const crossing = crossingFor(text, view, focus, crossings)
    if (!crossing && trigger.needs === 'crossing') return []
    if (crossing) place = placeOf(crossing, crossings, true)
  }
  const found = actorsFor(text, view, mentions.actors, at, at + word.length, type)
  const actors = /^lost\b/i.test(word)
    ? winnersOf(text, view, found, at + word.length)
    : HOLDER_AFTER.test(word)
      ? holderAfter(view, at + word.length)
      : found
  if (trigger.needs === 'speaker' && !actors.some((a) => a.role === 'actor')) return []
  if (!place) {
    const p = placeFor(text, view, type, mentions.places, focus)
    place = p ? placeOf(p, crossings, false) : null
  }
  const counted = countedFrom(text, view.times, at)
  const spans = (
    counted ? [counted] : timesFor(text, view.times, at, at + word.length, sentence)
  ).map((t) => onContextDay(t, view.context))
  const fromContext = view.context ? [{ ...view.context, certainty: 'inferred' as const }] : []
  const resolved = spans.length
    ? spans
    : fromContext.length
      ? fromContext
      : [publicationSpan(published)]
  let modality = readModality(sentence.text, type, at - sentence.start)
  if (STATUS_TYPES.has(type)) modality = statusModality(sentence, type, at, word, modality)
  const speech = SPEECH_TYPES.has(type)
  const source = speech ? null : findAttribution(sentence.text, sentence.start, view.actors, at)
  if (source && modality === 'asserted') {
    const own = actors.some((a) => a.role === 'actor' && a.name === source.name)
    modality = own ? 'claimed' : 'reported'
  }
  // "agreed to reopen", "announced the reopening": a decision, whoever tells of it.
  if (trigger.subtype === 'planned' && !IRREAL.has(modality)) modality = 'planned'
  const times =
    modality === 'planned' && / to re-?open$/i.test(word)
      ? resolved.map((t) => aheadOf(t, at, published))
      : resolved
  // A claim with no named source is the acting side's own ("the PMU … will hold the security file").
  const claimant = actors.find((a) => a.role === 'actor')
  const claimedBy =
    !source && modality === 'claimed' && claimant
      ? {
          kind: claimant.kind === 'person' ? ('person' as const) : ('organisation' as const),
          name: claimant.name,
          text: /\bclaim\w*/i.exec(sentence.text)?.[0] ?? '',
        }
      : null
  const attribution = source ??
    claimedBy ?? { kind: 'outlet' as const, name: outlet ?? 'the report', text: '' }
  const cues = certaintyCues(sentence.text)
  const fatalities = VIOLENT_TYPES.has(type) ? statedFatalities(sentence.text) : undefined
  const old = addDays(published.slice(0, 10), -BACKGROUND_DAYS)
  // "closed its crossings with Jordan, including the Wadi Araba and Sheikh Hussein crossings":
  // one event per crossing the sentence names.
  const places: (EventPlace | null)[] = [place]
  if (place?.siteId && (trigger.needs === 'crossing' || STATUS_TYPES.has(type))) {
    const seen = new Set([place.siteId])
    for (const p of view.places) {
      if (!p.crossingId || seen.has(p.crossingId)) continue
      // A side's name counts when it names the crossing: "the Yitzhak Rabin (Wadi Araba) crossing",
      // "the Allenby Bridge".
      const named =
        p.precision === 'site' ||
        SIDE_AS_CROSSING.test(text.slice(p.end, p.end + 24)) ||
        CROSSING_NAME_END.test(p.text)
      if (!named) continue
      seen.add(p.crossingId)
      places.push(placeOf(p, crossings, true))
    }
  }
  return places.flatMap((where, k) =>
    times.map((time) => ({
      id: stableId(articleId, type, at + k / 100, time.start),
      articleId,
      type,
      modality:
        modality === 'asserted' && time.certainty === 'stated' && time.end < old
          ? 'background'
          : modality,
      trigger: word,
      ...(trigger.subtype ? { subtype: subtypeOf(trigger, sentence.text) } : {}),
      attribution,
      ...(cues.length ? { cues } : {}),
      ...(fatalities !== undefined ? { fatalities } : {}),
      time,
      place: where,
      actors,
      sentence: sentence.text,
      evidenceStart: sentence.start,
      evidenceEnd: sentence.end,
      scope: scopeOf(type, sentence.text),
    })),
  )
}

/** The last stated time of a paragraph, and where the sentence that carries it forward ends. */
interface TimedContext {
  time: TimeSpan
  end: number
}

/** "also" in a sentence's opening clause: it adds to what the sentence before told. */
const ALSO = /^[^,;:]{0,60}\balso\b/

/** Crossing words right after a crossing side's name, which then names the crossing. */
const SIDE_AS_CROSSING = /^\)?\s+(?:border\s+)?(?:crossing|bridge|terminal|border post)\b/i
/** A side's name that is a crossing's own name: "Allenby Bridge", "Jaber Border Crossing". */
const CROSSING_NAME_END = /\b(?:bridge|crossing|terminal|gate|border post)$/i

/** Who a sentence reports as saying it ("the army said …", "…, officials said"), folded; '' when none. */
function speakerOf(sentence: string): string {
  const m =
    /([\p{L}’' -]{3,60}?)\s+(?:said|says|told|reported|claimed|announced|confirmed|stated)\b/u.exec(
      sentence,
    )
  // "BOGOTA, Colombia -- The presidents …": the dateline before a dash is no part of the speaker.
  const who = m?.[1].split(/\s[-–—]{1,2}\s/).at(-1) ?? ''
  return who.replace(SPEAKER_TIME, '').trim().toLowerCase()
}

/**
 * Two namings of one speaker: the same words, or a shorter naming that starts or ends the longer
 * ("the photographer" after "an AFP photographer", "the presidents" after "the presidents of …").
 */
function sameSpeaker(a: string, b: string): boolean {
  if (a === b) return true
  const words = (x: string) => x.split(/\s+/).filter((w) => w && !/^(?:the|an?)$/.test(w))
  const [short, long] = [words(a), words(b)].sort((x, y) => x.length - y.length)
  if (!short.length) return false
  const at = (from: number) => short.every((w, k) => long[from + k] === w)
  return at(0) || at(long.length - short.length)
}

/** A time between a speaker and the verb: "The presidents … on Friday announced". */
const SPEAKER_TIME =
  /\s+(?:(?:on|last|this)\s+)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|yesterday|today|earlier|also|again)$/i

/** A line that ends without a full stop is a heading or a caption line: it restates the report. */
const TERMINAL = /[.!?…:;]["”’)\]]*\s*$/

/** The day of a time told to the day or finer, else the span itself: "Monday" and "8:00 am Monday" are one time. */
function timeKey(t: ArticleEvent['time']): string {
  return PRECISION_RANK[t.precision] <= PRECISION_RANK.day
    ? t.start.slice(0, 10)
    : `${t.start}|${t.end}`
}

/**
 * Drops an event that repeats another of the article: same type, the same day (or span), and the
 * same place (or, for statements and threats, the same speaker). At a site, two speakers make two
 * claims, each with its own source. A heading gives way to the body sentence that tells the same,
 * which then is the evidence. Who the repeat names as acting joins a first telling that named no one.
 */
function dropRepeats(events: ArticleEvent[]): ArticleEvent[] {
  const key = (e: ArticleEvent, timed = true) =>
    [
      e.type,
      timed ? timeKey(e.time) : '',
      SPEECH_TYPES.has(e.type)
        ? (e.actors.find((a) => a.role === 'actor')?.id ?? '')
        : (e.place?.ref ?? ''),
      // Two sides taking their halves of a crossing are two events.
      e.type === 'control-taken'
        ? e.actors
            .filter((a) => a.role === 'actor')
            .map((a) => a.id)
            .sort()
            .join(',')
        : '',
    ].join('|')
  const heading = events.map((e) => !TERMINAL.test(e.sentence))
  const speaker = (e: ArticleEvent) => (e.place?.siteId ? speakerOf(e.sentence) : '')
  // Body sentences first, so a heading finds the body sentence it restates.
  const order = [...events.keys()].sort((a, b) => Number(heading[a]) - Number(heading[b]) || a - b)
  const kept: { e: ArticleEvent; at: number; speaker: string }[] = []
  const byKey = new Map<string, number[]>()
  // Body tellings by everything but their time: a heading in the present ("Jordan closes …") has
  // no time of its own, and tells what the body dates.
  const untimed = new Map<string, number[]>()
  const remember = (map: Map<string, number[]>, k: string, j: number) =>
    map.set(k, [...(map.get(k) ?? []), j])
  for (const i of order) {
    const e = events[i]
    const k = key(e)
    const who = speaker(e)
    const same =
      heading[i] && e.time.certainty !== 'stated'
        ? untimed.get(key(e, false))?.[0]
        : (byKey.get(k) ?? []).find((j) => sameSpeaker(kept[j].speaker, who) || heading[i])
    if (same === undefined) {
      remember(byKey, k, kept.length)
      if (!heading[i]) remember(untimed, key(e, false), kept.length)
      kept.push({ e, at: i, speaker: who })
      continue
    }
    const first = kept[same].e
    if (first.actors.some((a) => a.role === 'actor')) continue
    const actors = e.actors.filter(
      (a) => a.role === 'actor' && !first.actors.some((b) => b.id === a.id),
    )
    if (actors.length) kept[same].e = { ...first, actors: [...first.actors, ...actors] }
  }
  return kept.sort((a, b) => a.at - b.at).map((k) => k.e)
}
