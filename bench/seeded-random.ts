/** A small seeded random generator (Mulberry32), so a benchmark builds and asks the same every run. */

/**
 * Numbers in [0, 1), the same sequence for the same seed.
 * @example const rand = seededRandom(9); rand() // 0.…
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}
