/** Scans text for known names: runs of capitalised tokens, longest match first, no overlaps. */
import { foldName } from './fold-name.js'
import { isNameLike, joinable, tokenize, type Token } from './tokenize.js'

/** Lower-case words allowed inside a name ("Deir ez-Zor", "Bab al-Hawa", "Kingdom of Jordan"). */
const CONNECTORS = new Set([
  'al',
  'el',
  'ez',
  'ad',
  'as',
  'ash',
  'an',
  'ar',
  'az',
  'of',
  'de',
  'bin',
  'ibn',
  'abu',
  'bani',
  'the',
  'for',
  'e',
  'y',
])
const ARTICLE = /^(al|el|ad|as|ash|az)[\s-]/i

/** A name found in text with what it may denote. */
export interface NameHit<T> {
  start: number
  end: number
  text: string
  entries: T[]
}

/** Candidate spans: runs of up to `maxTokens` name-like tokens, longest first at each start. */
function* spans(
  text: string,
  tokens: Token[],
  maxTokens: number,
  lowerCaseWords: boolean,
): Generator<[number, number]> {
  for (let i = 0; i < tokens.length; i++) {
    if (!isNameLike(tokens[i].text)) continue
    let last = i
    while (
      last + 1 < tokens.length &&
      last + 1 - i < maxTokens &&
      joinable(text, tokens[last], tokens[last + 1])
    ) {
      const next = tokens[last + 1].text
      if (!lowerCaseWords && !isNameLike(next) && !CONNECTORS.has(next.toLowerCase())) break
      last++
    }
    for (let j = last; j >= i; j--) if (lowerCaseWords || isNameLike(tokens[j].text)) yield [i, j]
  }
}

/** Printable ASCII and ASCII white space, where a span's fold starts with each shorter span's. */
const ASCII = /^[\t-\r -~]*$/
/** An Arabic article as a token of its own: a name starting with it may be looked up without it. */
const ARTICLE_WORD = /^(al|el|ad|as|ash|az)$/i

/**
 * The last token a name starting at token `first` can end on, when every key `lookup` knows
 * has each of its leading parts in `prefixes`: spans longer than that are known to find nothing.
 * Only ASCII text is cut short, where a longer span's fold starts with the shorter span's fold.
 */
function reach(
  text: string,
  tokens: Token[],
  first: number,
  last: number,
  prefixes: ReadonlySet<string>,
): number {
  let reached = first - 1
  let whole = true
  for (let j = first; j <= last; j++) {
    const raw = text.slice(tokens[first].start, tokens[j].end)
    if (!ASCII.test(raw)) return last
    whole &&= prefixes.has(foldName(raw))
    // The lookup without a leading article starts with the next token, never at the first.
    const bare = ARTICLE.test(raw) && prefixes.has(foldName(raw.replace(/^\S+?[\s-]+/, '')))
    if (whole || bare) reached = j
    else if (j > first || !ARTICLE_WORD.test(tokens[first].text)) break
  }
  return reached
}

/**
 * Finds every name `lookup` knows, trying the longest run of capitalised tokens first and,
 * failing that, the run without a leading Arabic article ("al-", "el-"). With `lowerCaseWords`,
 * a name may go on in lower case after its capitalised first word ("Syrian regime"). With
 * `prefixes` (every leading part of every folded key `lookup` knows), runs that cannot be a key
 * are not looked up: the same names, found with fewer lookups.
 */
export function findNames<T>(
  text: string,
  lookup: (key: string, raw: string) => T[],
  maxTokens = 5,
  lowerCaseWords = false,
  prefixes?: ReadonlySet<string>,
): NameHit<T>[] {
  const tokens = tokenize(text)
  const hits: NameHit<T>[] = []
  let coveredUntil = -1
  let reachFrom = -1
  let reached = -1
  for (const [i, j] of spans(text, tokens, maxTokens, lowerCaseWords)) {
    const start = tokens[i].start
    const end = tokens[j].end
    if (start < coveredUntil) continue
    if (prefixes) {
      // Spans come longest first at each start: the first at `i` ends on its last token.
      if (reachFrom !== i) [reachFrom, reached] = [i, reach(text, tokens, i, j, prefixes)]
      if (j > reached) continue
    }
    const raw = text.slice(start, end)
    let entries = lookup(foldName(raw), raw)
    if (!entries.length && ARTICLE.test(raw)) {
      const bare = raw.replace(/^\S+?[\s-]+/, '')
      entries = lookup(foldName(bare), bare)
    }
    if (!entries.length) continue
    hits.push({ start, end, text: raw, entries })
    coveredUntil = end
  }
  return hits
}
