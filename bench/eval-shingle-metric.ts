/** The article-extraction benchmark's body metric: 4-gram shingle multisets, macro P/R per page. */

/** Per-page shingle counts, normalised by tp + fp + fn, plus whether the token sequences agree. */
export interface ShingleCounts {
  tp: number
  fp: number
  fn: number
  exact: boolean
}

/** Macro scores over a set of pages. */
export interface BodyScores {
  precision: number
  recall: number
  f1: number
  accuracy: number
  pages: number
}

const SHINGLE_N = 4

/** Word tokens as Python's `re.findall(r'\w+', text)` finds them. */
export function wordTokens(text: string): string[] {
  return text.match(/[\p{L}\p{N}_]+/gu) ?? []
}

function shingles(tokens: string[]): Map<string, number> {
  const counts = new Map<string, number>()
  const last = Math.max(1, tokens.length - SHINGLE_N + 1)
  for (let i = 0; i < last; i++) {
    const shingle = tokens.slice(i, i + SHINGLE_N)
    if (shingle.length === 0) continue
    const key = shingle.join(' ')
    counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  return counts
}

/** Compares one page's predicted body with the gold body. */
export function scorePage(gold: string, predicted: string): ShingleCounts {
  const goldTokens = wordTokens(gold)
  const predTokens = wordTokens(predicted)
  const want = shingles(goldTokens)
  const got = shingles(predTokens)
  let tp = 0
  let fp = 0
  let fn = 0
  for (const key of new Set([...want.keys(), ...got.keys()])) {
    const t = want.get(key) ?? 0
    const p = got.get(key) ?? 0
    tp += Math.min(t, p)
    fp += Math.max(0, p - t)
    fn += Math.max(0, t - p)
  }
  const sum = tp + fp + fn
  const exact =
    goldTokens.length === predTokens.length && goldTokens.every((t, i) => t === predTokens[i])
  return sum > 0 ? { tp: tp / sum, fp: fp / sum, fn: fn / sum, exact } : { tp, fp, fn, exact }
}

/** A page's precision: 1 when nothing is wrong, 0 when nothing was predicted right. */
export function pagePrecision({ tp, fp, fn }: ShingleCounts): number {
  if (fp === 0 && fn === 0) return 1
  if (tp === 0 && fp === 0) return 0
  return tp / (tp + fp)
}

/** A page's recall: 1 when nothing is wrong, 0 when nothing gold was found. */
export function pageRecall({ tp, fp, fn }: ShingleCounts): number {
  if (fp === 0 && fn === 0) return 1
  if (tp === 0 && fn === 0) return 0
  return tp / (tp + fn)
}

/** A page's own F1 (for ranking pages; the benchmark's F1 is over macro P and R). */
export function pageF1(counts: ShingleCounts): number {
  const p = pagePrecision(counts)
  const r = pageRecall(counts)
  return p + r > 0 ? (2 * p * r) / (p + r) : 0
}

function mean(values: number[]): number {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0
}

/**
 * Macro scores: precision over pages that predicted something (tp + fp > 0), recall over pages
 * with gold text (tp + fn > 0), F1 as the harmonic mean of the two, accuracy over all pages.
 */
export function bodyScores(pages: ShingleCounts[]): BodyScores {
  const precision = mean(pages.filter((c) => c.tp + c.fp > 0).map(pagePrecision))
  const recall = mean(pages.filter((c) => c.tp + c.fn > 0).map(pageRecall))
  return {
    precision,
    recall,
    f1: precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0,
    accuracy: mean(pages.map((c) => (c.exact ? 1 : 0))),
    pages: pages.length,
  }
}
