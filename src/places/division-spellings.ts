/**
 * Which spellings of a first-level division the gazetteer indexes. A name of English words only
 * ("Delta", "Rivers", and for a minor division "West Coast"), a people's adjective beside another
 * name ("Jewish", "Silesian"), or a name of three letters or fewer ("Est", "K.P.") is left out: in
 * English news those words mean the word, the people or an acronym far more often than the division.
 */
import { plainWord } from '../text/transliteration-key.js'
import { isEnglishWord } from './english-words.js'
import { nameWords } from './geo-tokens.js'
import { COMMON_WORDS } from './place-context.js'

const isWord = (w: string) => isEnglishWord(w) || COMMON_WORDS.has(w)

/**
 * The spellings of `names` worth indexing; `major` when a world map labels the division first
 * (those keep names of common words: "Eastern Cape", "North West").
 */
export function divisionSpellings(names: readonly string[], major: boolean): string[] {
  return names.filter((spelling) => {
    const words = nameWords(spelling).map(plainWord)
    const key = words.join('')
    if (!words.length || key.length <= 3 || isWord(key)) return false
    if (words.every(isWord) && (words.length === 1 || !major)) return false
    return !(words.length === 1 && names.length > 1 && /(?:ish|ian)$/.test(key))
  })
}
