/** Folds a place or actor name to a key that spelling variants share. */

const MARKS = /[\u0300-\u036f\u064b-\u065f\u0670]/g
const APOSTROPHES = /['’‘`ʿʾʼ´]/g
const ARTICLE = /^(al|el|ad|ash|as|at|az|an|ar|ath|adh)[\s-]+/i

/** Latin letters that Unicode does not decompose into a base letter and a mark: "Ceylanpınar", "Ørsted". */
const UNDECOMPOSED: Record<string, string> = {
  ı: 'i',
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
  đ: 'd',
  ð: 'd',
  ł: 'l',
  þ: 'th',
  ħ: 'h',
}
const UNDECOMPOSED_LETTERS = /[ıøæœßđðłþħ]/g

/** Lower-case text with the letters Unicode does not decompose written as their base letters. */
export function baseLetters(lower: string): string {
  return lower.replace(UNDECOMPOSED_LETTERS, (c) => UNDECOMPOSED[c])
}

/** Printable ASCII and ASCII white space: text the fast path of {@link foldName} folds alike. */
const ASCII = /^[\t-\r -~]*$/
/** What folding removes from ASCII text: white space, hyphens, underscores, dots, apostrophes. */
const ASCII_DROPPED = /[\t-\r \-_.'`]+/g

/**
 * Lower-cases, strips diacritics and Arabic vowel marks, drops apostrophes and ayn/hamza marks,
 * and removes spaces and hyphens: "Al-Qa'im", "Al Qaim" and "al Qa’im" all become "alqaim".
 * ASCII text (most names in English reports) takes a shortcut with the same result: it has no
 * marks to strip and nothing to decompose.
 */
export function foldName(name: string): string {
  if (ASCII.test(name)) return name.replace(ASCII_DROPPED, '').toLowerCase()
  return baseLetters(
    name.normalize('NFKD').replace(MARKS, '').replace(APOSTROPHES, '').toLowerCase(),
  )
    .replace(/[\s\-–—_.]+/g, '')
    .replace(/ـ/g, '')
}

/** The keys a name is found under: its fold, and its fold without an Arabic article ("Al-", "el "). */
export function nameKeys(name: string): string[] {
  const keys = [foldName(name)]
  const trimmed = name.trim()
  if (ARTICLE.test(trimmed)) keys.push(foldName(trimmed.replace(ARTICLE, '')))
  const arabic = trimmed.replace(/^ال/, '')
  if (arabic !== trimmed && arabic.length > 1) keys.push(foldName(arabic))
  return [...new Set(keys.filter((k) => k.length > 1))]
}
