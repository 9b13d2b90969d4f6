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
  PlaceMention,
  TimeMention,
  TimeSpan,
} from '../model/index.js'
import { publicationSpan } from '../time/recognise-times.js'
import { splitSentences, type Sentence } from '../text/sentences.js'
import { BACKGROUND_BEFORE, HYPOTHETICAL, TRIGGERS, type Trigger } from './triggers.js'
import { readModality } from './modality.js'

/** The mentions found in an article, by kind. */
export interface ArticleMentions {
  times: TimeMention[]
  places: PlaceMention[]
  actors: ActorMention[]
}

const CROSSING_WORD =
  /\b(crossings?|border (?:post|point|gate|checkpoint)|the border|checkpoint|frontier)\b/i
const ANAPHOR = /\b(the (?:crossing|border|area|site|base|alleged base|town|region)|there)\b/i
const PRONOUN_SUBJECT = /^(?:["“]?[^"”]*["”]?,?\s*)?(he|she)\b/i
const SPECIFICITY = { site: 4, town: 3, region: 2, country: 1 }
const LOCATIVE =
  /\b(?:in|at|near|outside|around|on|over|across|inside|into|from|of)\s+(?:the\s+)?$/i
const STATUS_TYPES = new Set<EventType>(['crossing-opened', 'crossing-closed', 'control-taken'])

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

function placeOf(m: PlaceMention, siteId: string | null = m.crossingId ?? null): EventPlace {
  return {
    name: m.name,
    ref: m.ref,
    country: m.country,
    lat: m.lat,
    lon: m.lon,
    precision: m.precision,
    siteId,
    text: m.text,
  }
}

/** Times for a trigger: the nearest in the sentence, or each of a chain "in X and again in Y". */
function timesFor(text: string, times: TimeMention[], at: number): TimeSpan[] {
  if (!times.length) return []
  const after = times.filter((t) => t.start >= at).sort((a, b) => a.start - b.start)
  const chain: TimeMention[] = []
  for (const t of after) {
    const prev = chain.at(-1)
    if (!prev && t.start - at > 40) break
    if (
      prev &&
      !/^\s*(?:,\s*)?(?:and|or|then)\s+(?:again\s+)?(?:in\s+|on\s+)?$/i.test(
        text.slice(prev.end, t.start),
      )
    )
      break
    chain.push(t)
  }
  if (chain.length > 1) return chain.map((t) => t.span)
  const nearest = [...times].sort(
    (a, b) =>
      Math.min(Math.abs(a.start - at), Math.abs(a.end - at)) -
      Math.min(Math.abs(b.start - at), Math.abs(b.end - at)),
  )[0]
  return [nearest.span]
}

/** The crossing a sentence is about: named in it, a side town in it, or the one the article is about. */
function crossingFor(
  text: string,
  sentence: Sentence,
  places: PlaceMention[],
  allPlaces: PlaceMention[],
): PlaceMention | null {
  const inside = within(places, sentence)
  const named =
    inside.find((p) => p.crossingId && p.precision === 'site') ?? inside.find((p) => p.crossingId)
  if (named) return named
  if (!CROSSING_WORD.test(sentence.text)) return null
  const before = allPlaces.filter((p) => p.crossingId && p.end <= sentence.start)
  return before.at(-1) ?? allPlaces.find((p) => p.crossingId) ?? null
}

/** The most specific non-adjective place in the sentence, preferring "in/near/at X". */
function placeFor(
  text: string,
  sentence: Sentence,
  places: PlaceMention[],
  allPlaces: PlaceMention[],
): PlaceMention | null {
  const inside = within(places, sentence).filter((p) => !p.demonym)
  const score = (p: PlaceMention) =>
    SPECIFICITY[p.precision] * 10 +
    (LOCATIVE.test(text.slice(Math.max(0, p.start - 20), p.start)) ? 5 : 0)
  const best = [...inside].sort((a, b) => score(b) - score(a))[0]
  if (best) return best
  if (!ANAPHOR.test(sentence.text)) return null
  const earlier = allPlaces.filter(
    (p) => !p.demonym && p.precision !== 'country' && p.end <= sentence.start,
  )
  return earlier.at(-1) ?? null
}

function actorsFor(
  text: string,
  sentence: Sentence,
  actors: ActorMention[],
  allActors: ActorMention[],
  triggerAt: number,
  type: EventType,
): EventActor[] {
  const inside = within(actors, sentence)
  const out: EventActor[] = []
  const add = (role: EventActor['role'], m: ActorMention) => {
    if (!out.some((a) => a.id === m.actorId && a.role === role)) {
      out.push({ role, id: m.actorId, name: m.name, text: m.text })
    }
  }
  const before = inside.filter((m) => m.end <= triggerAt)
  const after = inside.filter((m) => m.start >= triggerAt)
  const passive = /\b(?:by)\s+$/i
  const sourceRe = /\b(?:according to|reported by)\s+(?:the\s+)?$/i
  for (const m of after) {
    const lead = text.slice(Math.max(sentence.start, m.start - 16), m.start)
    if (sourceRe.test(lead)) add('source', m)
    else if (passive.test(lead)) add('actor', m)
  }
  const speakerFirst = /^["“]/.test(sentence.text) && type === 'statement'
  if (!out.some((a) => a.role === 'actor')) {
    const subject = speakerFirst ? after[0] : before.at(-1)
    if (subject) add('actor', subject)
  }
  if (!out.some((a) => a.role === 'actor') && PRONOUN_SUBJECT.test(sentence.text)) {
    const person = allActors
      .filter((a) => a.actorKind === 'person' && a.end <= sentence.start)
      .at(-1)
    if (person) add('actor', person)
  }
  for (const m of after) if (!out.some((a) => a.id === m.actorId)) add('target', m)
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

function hasSpeaker(sentence: Sentence, actors: ActorMention[], at: number): boolean {
  return (
    within(actors, sentence).some((a) => a.end <= at || /^["“]/.test(sentence.text)) ||
    PRONOUN_SUBJECT.test(sentence.text)
  )
}

/** Reads the events of `article` from its mentions. */
export function extractEvents(article: Article, mentions: ArticleMentions): ArticleEvent[] {
  const text = article.text
  const published = article.published ?? new Date().toISOString()
  const events: ArticleEvent[] = []
  for (const sentence of splitSentences(text)) {
    if (HYPOTHETICAL.test(sentence.text)) continue
    const times = within(mentions.times, sentence)
    const seenTypes = new Set<EventType>()
    for (const trigger of TRIGGERS) {
      for (const m of sentence.text.matchAll(trigger.re)) {
        if (seenTypes.has(trigger.type)) break
        const at = sentence.start + m.index
        if (BACKGROUND_BEFORE.test(sentence.text.slice(0, m.index))) continue
        const event = buildEvents(
          trigger,
          m[0],
          at,
          sentence,
          times,
          mentions,
          text,
          published,
          article.id,
        )
        if (!event.length) continue
        seenTypes.add(trigger.type)
        if (trigger.type === 'threat') seenTypes.add('statement')
        events.push(...event)
      }
    }
  }
  return dropRepeats(events)
}

function buildEvents(
  trigger: Trigger,
  word: string,
  at: number,
  sentence: Sentence,
  times: TimeMention[],
  mentions: ArticleMentions,
  text: string,
  published: string,
  articleId: string,
): ArticleEvent[] {
  const type = trigger.type
  let place: EventPlace | null = null
  if (
    trigger.needs === 'crossing' ||
    (type === 'control-taken' && CROSSING_WORD.test(sentence.text))
  ) {
    const crossing = crossingFor(text, sentence, mentions.places, mentions.places)
    if (!crossing && trigger.needs === 'crossing') return []
    if (crossing) place = placeOf(crossing)
  }
  if (trigger.needs === 'speaker' && !hasSpeaker(sentence, mentions.actors, at)) return []
  place ??= (() => {
    const p = placeFor(text, sentence, mentions.places, mentions.places)
    return p ? placeOf(p, p.precision === 'site' ? (p.crossingId ?? null) : null) : null
  })()
  const actors = actorsFor(text, sentence, mentions.actors, mentions.actors, at, type)
  const spans = timesFor(text, times, at)
  const resolved = spans.length ? spans : [publicationSpan(published)]
  const modality = readModality(sentence.text, type, at - sentence.start)
  return resolved.map((time) => ({
    id: stableId(articleId, type, at, time.start),
    articleId,
    type,
    modality,
    trigger: word,
    time,
    place,
    actors,
    sentence: sentence.text,
    evidenceStart: sentence.start,
    evidenceEnd: sentence.end,
    scope: scopeOf(type, sentence.text),
  }))
}

/** Drops an event that repeats an earlier one of the article: same type, place and time. */
function dropRepeats(events: ArticleEvent[]): ArticleEvent[] {
  const kept: ArticleEvent[] = []
  for (const e of events) {
    const twin = kept.find(
      (k) =>
        k.type === e.type &&
        (k.place?.ref ?? null) === (e.place?.ref ?? null) &&
        k.time.start === e.time.start &&
        k.time.end === e.time.end &&
        (e.type !== 'statement' || k.actors[0]?.id === e.actors[0]?.id),
    )
    if (!twin) kept.push(e)
  }
  return kept
}
