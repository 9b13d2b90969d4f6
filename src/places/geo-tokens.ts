/** Word tokens for the geoparser, with the folds it looks names up by, computed once per word. */
import { plainWord, wordSkeleton } from '../text/transliteration-key.js'

/** A word of the text and its folds. */
export interface GeoToken {
  text: string
  start: number
  end: number
  /** Lower case, no diacritics or apostrophes: the exact-key part. */
  plain: string
  /** The loose transliteration key part, computed on first use. */
  readonly skeleton: string
  /** Starts with a capital letter, or is in a script without case. */
  capital: boolean
}

const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}'’ʿʾʼ]*/gu
const CONTRACTION = /['’](?:s|d|ll|re|ve)?$/i
/** Abbreviated name parts followed by a full stop and a space: "St. Louis", "Ft. Worth". */
const DOTTED_PREFIX = new Set(['St', 'Ft', 'Mt', 'Pt'])

class Token implements GeoToken {
  readonly end: number
  readonly plain: string
  readonly capital: boolean
  private loose: string | undefined
  constructor(
    readonly text: string,
    readonly start: number,
  ) {
    this.end = start + text.length
    this.plain = plainWord(text)
    this.capital = /^[\p{Lu}\p{Lt}\p{Lo}]/u.test(text)
  }
  get skeleton(): string {
    this.loose ??= wordSkeleton(this.text)
    return this.loose
  }
}

/** The words of a name, as the scanner splits text into words. */
export function nameWords(name: string): string[] {
  const words: string[] = []
  for (const m of name.matchAll(WORD)) words.push(m[0].replace(CONTRACTION, '') || m[0])
  return words
}

/** Splits text into words; a possessive "'s" is not part of the word. */
export function geoTokens(text: string): GeoToken[] {
  const tokens: GeoToken[] = []
  for (const m of text.matchAll(WORD)) {
    const word = m[0].replace(CONTRACTION, '') || m[0]
    tokens.push(new Token(word, m.index))
  }
  return tokens
}

/**
 * True when two neighbouring words may belong to one name: spaces or a hyphen between them, a full
 * stop inside an abbreviation ("U.S.", "W.Va."), or "St. " before a name.
 */
export function joinable(text: string, left: GeoToken, right: GeoToken): boolean {
  const gap = text.slice(left.end, right.start)
  if (/^(?:[ \t]+|[ \t]*[-‐–][ \t]*)$/.test(gap)) return true
  if (gap === '.') return left.capital && left.text.length <= 3 && right.text.length <= 3
  // "W. Va.", "N. Y.": an initial and a short abbreviation.
  if (
    /^\.[ \t]$/.test(gap) &&
    /^\p{Lu}$/u.test(left.text) &&
    right.capital &&
    right.text.length <= 3
  )
    return true
  return /^\.[ \t]+$/.test(gap) && DOTTED_PREFIX.has(left.text)
}
