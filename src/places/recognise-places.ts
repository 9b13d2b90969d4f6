/**
 * Finds place names in text and resolves each to a gazetteer entry. Longest names win; crossings
 * written as "X-Y crossing" or "the X border crossing" become one crossing mention.
 */
import type { PlaceMention } from '../model/index.js'
import { findNames } from '../text/find-names.js'
import type { Gazetteer, GazetteerEntry } from './gazetteer.js'

/** Capitalised English words that are also GeoNames towns; only pack names may claim them. */
const COMMON_WORDS = new Set(
  'police army security interior president photos journalists union victoria independence liberty hope mobile reading orange deal split nice bath most many more some university opening monday tuesday wednesday thursday friday saturday sunday march may june august people western eastern northern southern central said but however nevertheless this that these those yet for while asia europe africa middle islamic republic state states kingdom national'.split(
    ' ',
  ),
)
/** Words after a name that make it a crossing's: "Qaim border crossing", "Habur gate". */
export const CROSSING_WORDS =
  /^\s+(?:border\s+)?(?:crossing(?:\s+point)?|checkpoint|border\s+post|border\s+gate|gate|terminal|port of entry)\b/i
const COMPOUND_ADJECTIVE =
  /^-(?:backed|aligned|linked|allied|based|born|made|led|sponsored|funded|supported|run|held|controlled)\b/i
const PAIR_SEPARATOR = /^\s*[-–—/]\s*$|^\s+(?:and|to)\s+$/

function choose(entries: GazetteerEntry[], countries: Set<string>): GazetteerEntry {
  const score = (e: GazetteerEntry) =>
    (e.fromPack ? 1e12 : 0) +
    (e.kind === 'crossing' ? 1e11 : 0) +
    (e.country && countries.has(e.country) ? 1e10 : 0) +
    (e.population ?? 0)
  return [...entries].sort((a, b) => score(b) - score(a))[0]
}

function toMention(text: string, start: number, end: number, e: GazetteerEntry): PlaceMention {
  return {
    kind: 'place',
    text: text.slice(start, end),
    start,
    end,
    ref: e.ref,
    name: e.name,
    country: e.country,
    lat: e.lat,
    lon: e.lon,
    precision: e.precision,
    ...(e.crossingId ? { crossingId: e.crossingId } : {}),
    ...(e.demonym ? { demonym: true } : {}),
  }
}

/** Merges "Albukamal-Al Qaim" and "Qaim border crossing" into single crossing mentions. */
export function mergeCrossings(
  text: string,
  mentions: PlaceMention[],
  g: Gazetteer,
): PlaceMention[] {
  const out: PlaceMention[] = []
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i]
    const next = mentions[i + 1]
    const entry = m.crossingId ? g.crossing(m.crossingId) : undefined
    if (
      entry &&
      next?.crossingId === m.crossingId &&
      PAIR_SEPARATOR.test(text.slice(m.end, next.start))
    ) {
      const tail = text.slice(next.end).match(CROSSING_WORDS)
      out.push(toMention(text, m.start, next.end + (tail ? tail[0].length : 0), entry))
      i++
      continue
    }
    const tail = entry ? text.slice(m.end).match(CROSSING_WORDS) : null
    out.push(tail && entry ? toMention(text, m.start, m.end + tail[0].length, entry) : m)
  }
  return out
}

/** Recognises the places of `text`; `g` is the gazetteer to resolve them in. */
export function recognisePlaces(text: string, g: Gazetteer): PlaceMention[] {
  const hits = findNames(text, (key, raw) => {
    const entries = g.lookup(key)
    // "SANA", "Police": an acronym or a common word is a GeoNames town only if a pack says so.
    const single = !/\s|-/.test(raw)
    return single && (COMMON_WORDS.has(raw.toLowerCase()) || /^[A-Z]{2,6}$/.test(raw))
      ? entries.filter((e) => e.fromPack)
      : entries
  })
  const countries = new Set<string>()
  for (const h of hits) {
    for (const e of h.entries)
      if ((e.kind === 'country' || e.fromPack) && e.country) countries.add(e.country)
  }
  // "Iran-backed", "US-led": the name is an adjective there, as "Iranian" is.
  const mentions = hits.map((h) => {
    const m = toMention(text, h.start, h.end, choose(h.entries, countries))
    return COMPOUND_ADJECTIVE.test(text.slice(h.end, h.end + 16)) ? { ...m, demonym: true } : m
  })
  return mergeCrossings(text, mentions, g)
}
