/**
 * TempEval-3 entity scoring, as the task's `evaluate_entities.py` does it: token-level extents,
 * relaxed match = any shared token, strict match = the same tokens; value accuracy over the gold
 * timexes found by a relaxed match, and value F1 = value accuracy × relaxed F1.
 */

/** A time expression with its offsets and TIMEX3 attributes. */
export interface Timex {
  start: number
  end: number
  text: string
  type: string
  value: string
}

/** Match counts summed over documents. */
export interface TimexCounts {
  gold: number
  system: number
  relaxedSystem: number
  relaxedGold: number
  strictSystem: number
  strictGold: number
  valueCorrect: number
  typeCorrect: number
}

/** Scores derived from the counts. */
export interface TimexScores {
  relaxed: { p: number; r: number; f1: number }
  strict: { p: number; r: number; f1: number }
  valueAccuracy: number
  valueF1: number
  typeF1: number
}

/** Empty counts. */
export function zeroCounts(): TimexCounts {
  return {
    gold: 0,
    system: 0,
    relaxedSystem: 0,
    relaxedGold: 0,
    strictSystem: 0,
    strictGold: 0,
    valueCorrect: 0,
    typeCorrect: 0,
  }
}

function tokenIndex(text: string): [number, number][] {
  return [...text.matchAll(/\w+|[^\w\s]/g)].map((m) => [m.index, m.index + m[0].length])
}

function tokensOf(tokens: [number, number][], start: number, end: number): Set<number> {
  const out = new Set<number>()
  tokens.forEach(([a, b], i) => {
    if (a < end && start < b) out.add(i)
  })
  return out
}

function shared(a: Set<number>, b: Set<number>): number {
  let n = 0
  for (const x of a) if (b.has(x)) n++
  return n
}

function same(a: Set<number>, b: Set<number>): boolean {
  return a.size === b.size && shared(a, b) === a.size
}

/** Adds one document's comparison to `counts`. */
export function scoreDocument(
  counts: TimexCounts,
  text: string,
  gold: Timex[],
  system: Timex[],
): void {
  const tokens = tokenIndex(text)
  const g = gold.map((t) => tokensOf(tokens, t.start, t.end))
  const s = system.map((t) => tokensOf(tokens, t.start, t.end))
  counts.gold += gold.length
  counts.system += system.length
  for (const st of s) {
    if (g.some((gt) => shared(gt, st) > 0)) counts.relaxedSystem++
    if (g.some((gt) => same(gt, st))) counts.strictSystem++
  }
  gold.forEach((gt, i) => {
    const overlapping = s.map((st, j) => [shared(g[i], st), j]).filter(([n]) => n > 0)
    if (!overlapping.length) return
    counts.relaxedGold++
    if (s.some((st) => same(g[i], st))) counts.strictGold++
    const best = system[overlapping.sort((a, b) => b[0] - a[0])[0][1]]
    if (best.value === gt.value) counts.valueCorrect++
    if (best.type === gt.type) counts.typeCorrect++
  })
}

function prf(matchedSystem: number, system: number, matchedGold: number, gold: number) {
  const p = system ? matchedSystem / system : 0
  const r = gold ? matchedGold / gold : 0
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 }
}

/** Precision, recall and F1 (relaxed and strict), value accuracy and value/type F1. */
export function timexScores(c: TimexCounts): TimexScores {
  const relaxed = prf(c.relaxedSystem, c.system, c.relaxedGold, c.gold)
  const strict = prf(c.strictSystem, c.system, c.strictGold, c.gold)
  const valueAccuracy = c.relaxedGold ? c.valueCorrect / c.relaxedGold : 0
  const typeAccuracy = c.relaxedGold ? c.typeCorrect / c.relaxedGold : 0
  return {
    relaxed,
    strict,
    valueAccuracy,
    valueF1: valueAccuracy * relaxed.f1,
    typeF1: typeAccuracy * relaxed.f1,
  }
}
