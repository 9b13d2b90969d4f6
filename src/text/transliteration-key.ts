/**
 * A loose key for names transliterated from Arabic (and Persian, Turkish): spellings that differ
 * only in article form, Abu/Abou/Albu, q/k, ou/u/oo, vowel choice or doubled letters share it.
 * It is computed per word so the text can be scanned once, word by word, with the same function
 * that built the index. Exact folds (fold-name.ts) stay the first choice; this key is a fallback.
 */
import { baseLetters } from './fold-name.js'

const MARKS = /[\u0300-\u036f\u064b-\u065f\u0670]/g
const APOSTROPHES = /['’‘`ʿʾʼ´ʻ]/g
/** Arabic article forms written as a word of their own: "al-Qaim", "Deir ez-Zor", "ash Sham". */
const ARTICLES = new Set([
  'al',
  'el',
  'il',
  'ul',
  'ad',
  'ed',
  'ar',
  'er',
  'as',
  'es',
  'ash',
  'esh',
  'at',
  'et',
  'az',
  'ez',
  'an',
  'en',
  'ath',
  'adh',
])
/** "Abu", "Abou", "Albu", "Bou": one Arabic word (father of / people of) in many spellings. */
const ABU = new Set(['abu', 'abou', 'abo', 'albu', 'bou', 'bu', 'aboo'])

/** Printable ASCII: no marks to strip, nothing to decompose, only `'` and `` ` `` to drop. */
const ASCII = /^[ -~]*$/
const ASCII_APOSTROPHES = /['`]/g

/**
 * Lower case without diacritics, Arabic vowel marks, apostrophes or ayn/hamza marks. ASCII words
 * (most words of an English report) take a shortcut with the same result.
 */
export function plainWord(word: string): string {
  if (ASCII.test(word)) return word.replace(ASCII_APOSTROPHES, '').toLowerCase()
  return (
    baseLetters(word.normalize('NFKD').replace(MARKS, '').replace(APOSTROPHES, '').toLowerCase())
      // Arabic "and", "in", "to", "so", "as" written onto a name with its article: "والبوكمال".
      .replace(/^[وفبلك](?=ال)/, '')
  )
}

/** Skeletons already computed: a report's words recur, in it and across reports. */
const skeletons = new Map<string, string>()
/** Most skeletons kept; the memo starts again when full, so memory stays bounded. */
const MAX_SKELETONS = 50_000

/**
 * The loose key of one word: '' for a free-standing article, else consonants with every vowel
 * written "a" and doubled letters collapsed ("Boukamal" → "bakamal", "Qa'im" → "kam").
 */
export function wordSkeleton(word: string): string {
  let key = skeletons.get(word)
  if (key === undefined) {
    if (skeletons.size >= MAX_SKELETONS) skeletons.clear()
    key = skeletonOf(word)
    skeletons.set(word, key)
  }
  return key
}

function skeletonOf(word: string): string {
  let w = plainWord(word).replace(/[^a-z0-9]/g, '')
  if (!w) return ''
  if (ARTICLES.has(w)) return ''
  if (ABU.has(w)) return 'ba'
  // Attached forms: "Albukamal", "Elkantara", "Abukamal", "Ezzor" (the sun letters assimilate).
  w = w
    .replace(/^al?b(?:o?u|o)(?=[a-z]{3})/, 'bu')
    .replace(/^[ae]l(?=[a-z]{3})/, '')
    .replace(/^[ae]([tdsrzn])\1(?=[a-z]{2})/, '$1')
  w = w
    .replace(/dj/g, 'j')
    .replace(/q/g, 'k')
    .replace(/ck/g, 'k')
    .replace(/ph/g, 'f')
    .replace(/([aeiou])[wy]/g, '$1u')
    .replace(/[aeiouy]+/g, (m, offset: number) => (offset === 0 && m === 'y' ? 'y' : 'a'))
    .replace(/(?<=a)h$/, '')
    .replace(/(.)\1+/g, '$1')
  return w
}

/** The loose key of a multi-word name: its words' skeletons joined, doubled letters collapsed. */
export function skeletonKey(words: readonly string[]): string {
  return words
    .map(wordSkeleton)
    .join('')
    .replace(/(.)\1+/g, '$1')
}
