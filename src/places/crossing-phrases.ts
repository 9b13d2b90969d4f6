/**
 * Crossings named by their type words: "the Kharlachi border crossing", "the Nasib border post",
 * "the Rumichaca International Bridge", "the Zangezur Corridor". The geoparser reports such a
 * crossing even when no pack knows it, so a report about any border gives its crossings a site.
 */
import { plainWord } from '../text/transliteration-key.js'
import { joinable, type GeoToken } from './geo-tokens.js'
import { CONNECTORS, FUNCTION_WORDS } from './place-context.js'

/** A crossing's name followed by its type words, as the text writes it. */
export interface CrossingPhrase {
  /** The phrase without a leading article, "Kharlachi border crossing"; the name starts it. */
  start: number
  end: number
  /** Where the name before the type words ("Kharlachi") ends. */
  nameEnd: number
  /** Token indexes of the name's first and last word. */
  first: number
  last: number
  /** The name's words folded and joined by "-": "torkham", "bab-al-hawa". */
  slug: string
}

/**
 * Type words after a crossing's name. "Corridor" and "International Bridge" only with capitals: in
 * lower case they name trade routes and any bridge ("the Mekong corridor", "the river bridge").
 */
const TYPE_WORDS =
  /^[ \t]+(?:(?:[Bb]order[ \t]+)?[Cc]rossing(?:[ \t]+[Pp]oint)?|[Bb]order[ \t]+(?:[Pp]ost|[Gg]ate|[Cc]heckpoint)|International[ \t]+Bridge|(?:Humanitarian[ \t]+)?Corridor)\b/
/** Most words a crossing's name has before its type words. */
const MAX_NAME_WORDS = 4

/** The folded slug of a crossing's name words: "Bab al-Hawa" → "bab-al-hawa". */
export function crossingSlug(words: readonly string[]): string {
  return words
    .map((w) => plainWord(w).replace(/[^\p{L}\p{N}]/gu, ''))
    .filter(Boolean)
    .join('-')
}

/**
 * Every "<Name> <type words>" phrase of the text whose name is written with capitals. `isWord`
 * tells a common word from a name, so "Illegal Border Crossing" or "Animal Crossing" is no crossing;
 * the caller drops names that denote a country or a people ("the Syrian border crossing").
 */
export function crossingPhrases(
  text: string,
  tokens: readonly GeoToken[],
  isWord: (plain: string) => boolean,
): CrossingPhrase[] {
  const out: CrossingPhrase[] = []
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]
    if (!t.capital || FUNCTION_WORDS.has(t.plain)) continue
    const tail = text.slice(t.end, t.end + 40).match(TYPE_WORDS)
    if (!tail) continue
    // Walk back over the name: capitalised words and the particles inside names ("Bab al-Hawa").
    let first = k
    while (first > 0 && k - first + 1 < MAX_NAME_WORDS) {
      const prev = tokens[first - 1]
      if (!joinable(text, prev, tokens[first])) break
      // Name particles ("al", "de"), not English function words ("Queues at the Kharlachi …").
      const particle =
        !prev.capital && CONNECTORS.has(prev.plain) && !FUNCTION_WORDS.has(prev.plain) && first > 1
      if (!particle && (!prev.capital || FUNCTION_WORDS.has(prev.plain))) break
      first--
    }
    while (first < k && !tokens[first].capital) first++
    const words = tokens.slice(first, k + 1)
    const end = t.end + tail[0].length
    const last = k
    // The type words are no name of their own ("Border" in "Kharlachi Border Crossing").
    while (k + 1 < tokens.length && tokens[k + 1].start < end) k++
    if (words.every((w) => isWord(w.plain) || FUNCTION_WORDS.has(w.plain))) continue
    out.push({
      start: tokens[first].start,
      end,
      nameEnd: t.end,
      first,
      last,
      slug: crossingSlug(words.map((w) => w.text)),
    })
  }
  return out
}
