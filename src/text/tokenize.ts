/** Word tokens with offsets, shared by the place and actor recognisers. */

/** A word and where it stands in the text. */
export interface Token {
  text: string
  start: number
  end: number
}

const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}'’ʿʾ]*/gu
const POSSESSIVE_END = new Set(['s', "'", '’'])

/** Splits text into word tokens; hyphens, spaces and punctuation separate them. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = []
  for (const m of text.matchAll(WORD)) {
    let word = m[0]
    // Only a word ending in "s" or an apostrophe can lose a possessive.
    if (POSSESSIVE_END.has(word[word.length - 1]))
      word = word.replace(/['’]s$/, '').replace(/['’]$/, '') || m[0]
    tokens.push({ text: word, start: m.index, end: m.index + word.length })
  }
  return tokens
}

/**
 * True when two neighbouring tokens belong to one name: only spaces or a hyphen between them, or a
 * possessive ("Syria's authorities").
 */
export function joinable(text: string, left: Token, right: Token): boolean {
  return /^(?:['’]s)?(?:[ \t]+|\s*[-‐]\s*)$/.test(text.slice(left.end, right.start))
}

/** True for a token written with a capital, or in a script without case (Arabic, Hebrew). */
export function isNameLike(word: string): boolean {
  const first = word[0]
  return first !== first.toLowerCase() || first === first.toUpperCase()
}
