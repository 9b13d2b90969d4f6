/** The trafilatura evaluation's body metric: "with"/"without" segments found in the output. */

/** Confusion counts over segments, summed over pages (micro). */
export interface SegmentCounts {
  tp: number
  fp: number
  fn: number
  tn: number
}

/** Precision, recall, accuracy and F1 over segment counts. */
export interface SegmentScores extends SegmentCounts {
  precision: number
  recall: number
  accuracy: number
  f1: number
}

/** The segments a page's output must and must not contain. */
export interface SegmentGold {
  with: string[]
  without: string[]
}

/** Whitespace as Python's `\s` and `str.strip()` see it in a Unicode string. */
const PY_SPACE =
  '\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000'
const SPACE_RUN = new RegExp(`[${PY_SPACE}]+`, 'g')
const EDGES = new RegExp(`^[${PY_SPACE}]+|[${PY_SPACE}]+$`, 'g')

/** `re.sub(r"\s+", " ", text).strip()`. */
export function normaliseSpace(text: string): string {
  return text.replace(SPACE_RUN, ' ').replace(EDGES, '')
}

/** Counts one page; a null output (crash) misses every "with" and avoids every "without". */
export function countSegments(gold: SegmentGold, output: string | null): SegmentCounts {
  const text = output === null ? null : normaliseSpace(output)
  const found = (s: string) => text !== null && text.includes(normaliseSpace(s))
  const tp = gold.with.filter(found).length
  const fp = gold.without.filter(found).length
  return { tp, fp, fn: gold.with.length - tp, tn: gold.without.length - fp }
}

/** Sums page counts and derives the scores (each 0 when its denominator is 0). */
export function segmentScores(pages: SegmentCounts[]): SegmentScores {
  const sum = pages.reduce(
    (a, c) => ({ tp: a.tp + c.tp, fp: a.fp + c.fp, fn: a.fn + c.fn, tn: a.tn + c.tn }),
    { tp: 0, fp: 0, fn: 0, tn: 0 },
  )
  const total = sum.tp + sum.fp + sum.fn + sum.tn
  const f1Denominator = 2 * sum.tp + sum.fp + sum.fn
  return {
    ...sum,
    precision: sum.tp + sum.fp ? sum.tp / (sum.tp + sum.fp) : 0,
    recall: sum.tp + sum.fn ? sum.tp / (sum.tp + sum.fn) : 0,
    accuracy: total ? (sum.tp + sum.tn) / total : 0,
    f1: f1Denominator ? (2 * sum.tp) / f1Denominator : 0,
  }
}
