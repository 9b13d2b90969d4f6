/** Day arithmetic and per-day/week/month counts for the timeline, in UTC calendar days. */

const MS_DAY = 86_400_000

/** Granularity of the timeline's bars. */
export type BucketSize = 'day' | 'week' | 'month'

/** Days since 1970-01-01 of a YYYY-MM-DD (or longer ISO) value. */
export function dayNumber(iso: string): number {
  return Math.floor(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / MS_DAY)
}

/** The YYYY-MM-DD of a day number. */
export function dayString(day: number): string {
  return new Date(day * MS_DAY).toISOString().slice(0, 10)
}

/** Bars fine enough to read and few enough to draw: days up to ~4 months, weeks up to ~3 years. */
export function bucketSizeFor(spanDays: number): BucketSize {
  if (spanDays <= 120) return 'day'
  if (spanDays <= 3 * 366) return 'week'
  return 'month'
}

/** The first day of the bucket holding `day`. */
export function bucketStart(day: number, size: BucketSize): number {
  if (size === 'day') return day
  if (size === 'week') return day - ((day + 3) % 7) // weeks start on Monday (1970-01-01 was a Thursday)
  const d = new Date(day * MS_DAY)
  return Math.floor(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) / MS_DAY)
}

/** The first day after the bucket that starts on `start`. */
export function bucketEnd(start: number, size: BucketSize): number {
  if (size === 'day') return start + 1
  if (size === 'week') return start + 7
  const d = new Date(start * MS_DAY)
  return Math.floor(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) / MS_DAY)
}

/** One bar: the days it covers (end exclusive) and how many events start in them. */
export interface Bucket {
  start: number
  end: number
  count: number
}

/** Counts the days in `starts` per bucket between `from` and `to` (day numbers, both included). */
export function countBuckets(
  starts: number[],
  from: number,
  to: number,
  size: BucketSize,
): Bucket[] {
  const buckets: Bucket[] = []
  const index = new Map<number, Bucket>()
  for (let s = bucketStart(from, size); s <= to; s = bucketEnd(s, size)) {
    const bucket = { start: s, end: bucketEnd(s, size), count: 0 }
    buckets.push(bucket)
    index.set(s, bucket)
  }
  for (const day of starts) {
    if (day < from || day > to) continue
    const bucket = index.get(bucketStart(day, size))
    if (bucket) bucket.count++
  }
  return buckets
}
