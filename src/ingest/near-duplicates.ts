/**
 * Near-duplicate detection for republished wire stories: MinHash signatures over word shingles,
 * banded for lookup (LSH). Two copies of one AP story with different page furniture share a lineage.
 */

/** Signature length: 64 hashes give a Jaccard estimate within about ±0.06. */
export const SIGNATURE_SIZE = 64
const ROWS_PER_BAND = 4
const SHINGLE_WORDS = 5
/** Estimated Jaccard similarity at or above which two articles are one lineage. */
export const SAME_LINEAGE = 0.6

function fnv1a(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

/** Fixed coefficients so signatures are comparable across runs and machines. */
const COEFFICIENTS = (() => {
  let seed = 0x2545f491
  const next = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0
    return seed | 1
  }
  return Array.from({ length: SIGNATURE_SIZE }, () => [next(), next()] as const)
})()

/** The set of hashed word shingles of a text (case, punctuation and spacing folded). */
export function shingles(text: string): Set<number> {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []
  const out = new Set<number>()
  if (words.length < SHINGLE_WORDS) {
    if (words.length) out.add(fnv1a(words.join(' ')))
    return out
  }
  for (let i = 0; i + SHINGLE_WORDS <= words.length; i++) {
    out.add(fnv1a(words.slice(i, i + SHINGLE_WORDS).join(' ')))
  }
  return out
}

/** The MinHash signature of a text; empty for a text without words. */
export function minhash(text: string): number[] {
  const set = shingles(text)
  if (!set.size) return []
  return COEFFICIENTS.map(([a, b]) => {
    let min = 0xffffffff
    for (const x of set) {
      const h = (Math.imul(a, x) + b) >>> 0
      if (h < min) min = h
    }
    return min
  })
}

/** The fraction of equal positions: an estimate of the two texts' shingle Jaccard similarity. */
export function similarity(a: number[], b: number[]): number {
  if (!a.length || a.length !== b.length) return 0
  let same = 0
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++
  return same / a.length
}

/** Band keys: texts sharing any key are candidates to compare. */
export function bandKeys(signature: number[]): string[] {
  const keys: string[] = []
  for (let i = 0; i + ROWS_PER_BAND <= signature.length; i += ROWS_PER_BAND) {
    keys.push(`${i / ROWS_PER_BAND}:${signature.slice(i, i + ROWS_PER_BAND).join('.')}`)
  }
  return keys
}
