/** Geoparsing metrics: span recognition P/R/F1 (strict and overlap) and resolution error statistics. */

/** A span with, optionally, the point it was resolved to. */
export interface GeoSpan {
  start: number
  end: number
  lat: number | null
  lon: number | null
}

/** Half the Earth's circumference: the error given to a name recognised but not resolved. */
export const MAX_ERROR_KM = 20_039

/** Great-circle distance in km. */
export function haversineKm(aLat: number, aLon: number, bLat: number, bLon: number): number {
  const rad = Math.PI / 180
  const h =
    Math.sin(((bLat - aLat) * rad) / 2) ** 2 +
    Math.cos(aLat * rad) * Math.cos(bLat * rad) * Math.sin(((bLon - aLon) * rad) / 2) ** 2
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)))
}

/** Counts for precision / recall / F1. */
export interface SpanCounts {
  predicted: number
  gold: number
  strict: number
  overlap: number
}

/** Pairs each gold span with at most one prediction (exact first, then overlapping). */
export function matchSpans(
  gold: readonly GeoSpan[],
  predicted: readonly GeoSpan[],
): { counts: SpanCounts; pairs: [GeoSpan, GeoSpan][] } {
  const used = new Set<number>()
  const pairs: [GeoSpan, GeoSpan][] = []
  let strict = 0
  const open: GeoSpan[] = []
  for (const g of gold) {
    const k = predicted.findIndex((p, i) => !used.has(i) && p.start === g.start && p.end === g.end)
    if (k >= 0) {
      used.add(k)
      strict++
      pairs.push([g, predicted[k]])
    } else open.push(g)
  }
  let overlap = strict
  for (const g of open) {
    const k = predicted.findIndex((p, i) => !used.has(i) && p.start < g.end && g.start < p.end)
    if (k < 0) continue
    used.add(k)
    overlap++
    pairs.push([g, predicted[k]])
  }
  return { counts: { predicted: predicted.length, gold: gold.length, strict, overlap }, pairs }
}

/** Precision, recall and F1 from matched / predicted / gold counts. */
export function prf(matched: number, predicted: number, gold: number): [number, number, number] {
  const p = predicted ? matched / predicted : 0
  const r = gold ? matched / gold : 0
  return [p, r, p + r ? (2 * p * r) / (p + r) : 0]
}

/** Error of a resolved pair, MAX_ERROR_KM when the prediction has no point. */
export function pairError(gold: GeoSpan, predicted: GeoSpan): number | null {
  if (gold.lat === null || gold.lon === null) return null
  if (predicted.lat === null || predicted.lon === null) return MAX_ERROR_KM
  return haversineKm(gold.lat, gold.lon, predicted.lat, predicted.lon)
}

/** A@161 km, mean and median error, and the AUC of Jurgens et al. as the README defines it. */
export interface ErrorStats {
  n: number
  acc161: number
  mean: number
  median: number
  auc: number
}

/** Summarises resolution errors (km). */
export function errorStats(errors: readonly number[]): ErrorStats {
  const sorted = [...errors].sort((a, b) => a - b)
  const n = sorted.length
  if (!n) return { n, acc161: 0, mean: 0, median: 0, auc: 0 }
  const logs = sorted.map((e) => Math.log(1 + e))
  let area = 0
  for (let i = 1; i < n; i++) area += (logs[i - 1] + logs[i]) / 2
  const auc = n > 1 ? area / (Math.log(MAX_ERROR_KM) * (n - 1)) : logs[0] / Math.log(MAX_ERROR_KM)
  const median = n % 2 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2
  return {
    n,
    acc161: sorted.filter((e) => e <= 161).length / n,
    mean: sorted.reduce((a, b) => a + b, 0) / n,
    median,
    auc,
  }
}
