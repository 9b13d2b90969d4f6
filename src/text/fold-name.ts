/** Folds a place or actor name to a key that spelling variants share. */

const MARKS = /[\u0300-\u036f\u064b-\u065f\u0670]/g
const APOSTROPHES = /['’‘`ʿʾʼ´]/g
const ARTICLE = /^(al|el|ad|ash|as|at|az|an|ar|ath|adh)[\s-]+/i

/**
 * Lower-cases, strips diacritics and Arabic vowel marks, drops apostrophes and ayn/hamza marks,
 * and removes spaces and hyphens: "Al-Qa'im", "Al Qaim" and "al Qa’im" all become "alqaim".
 */
export function foldName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(MARKS, '')
    .replace(APOSTROPHES, '')
    .toLowerCase()
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
