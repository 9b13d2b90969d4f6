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

/**
 * The hash of each word shingle of a text, in text order (repeats included): FNV-1a of the
 * shingle's words joined by single spaces, computed without building the joined string.
 */
function shingleHashes(text: string): Uint32Array {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []
  if (words.length < SHINGLE_WORDS) {
    return Uint32Array.from(words.length ? [fnv1a(words.join(' '))] : [])
  }
  const out = new Uint32Array(words.length - SHINGLE_WORDS + 1)
  for (let i = 0; i < out.length; i++) {
    let h = 0x811c9dc5
    for (let k = i; k < i + SHINGLE_WORDS; k++) {
      if (k > i) {
        h ^= 32
        h = Math.imul(h, 0x01000193)
      }
      const w = words[k]
      for (let c = 0; c < w.length; c++) {
        h ^= w.charCodeAt(c)
        h = Math.imul(h, 0x01000193)
      }
    }
    out[i] = h >>> 0
  }
  return out
}

/** The set of hashed word shingles of a text (case, punctuation and spacing folded). */
export function shingles(text: string): Set<number> {
  return new Set(shingleHashes(text))
}

/** The MinHash signature of a text; empty for a text without words. */
export function minhash(text: string): number[] {
  const hashes = shingleHashes(text)
  if (!hashes.length) return []
  // A repeated shingle cannot change a minimum, so the hashes need no de-duplication.
  return COEFFICIENTS.map(([a, b]) => {
    let min = 0xffffffff
    for (let i = 0; i < hashes.length; i++) {
      const h = (Math.imul(a, hashes[i]) + b) >>> 0
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
