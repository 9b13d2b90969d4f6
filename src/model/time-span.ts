/** Time as the pipeline knows it: an interval with a precision, never a bare date. */
import { z } from 'zod'

/** How finely a time is known, after ACLED's time precision. */
export const TimePrecision = z.enum([
  'instant',
  'day',
  'week',
  'month',
  'season',
  'quarter',
  'year',
  'decade',
  'century',
])
export type TimePrecision = z.infer<typeof TimePrecision>

/** Precisions from finest to coarsest, as numbers to compare (seasons and quarters rank alike). */
export const PRECISION_RANK: Record<TimePrecision, number> = {
  instant: 0,
  day: 1,
  week: 2,
  month: 3,
  season: 4,
  quarter: 4,
  year: 5,
  decade: 6,
  century: 7,
}

/** Whether the text states the time, the pipeline inferred it, or it fell back to publication. */
export const TimeCertainty = z.enum(['stated', 'inferred', 'publication'])
export type TimeCertainty = z.infer<typeof TimeCertainty>

/** The TimeML class of a time expression: a date, a clock time, a length of time, or a recurrence. */
export const TimexType = z.enum(['DATE', 'TIME', 'DURATION', 'SET'])
export type TimexType = z.infer<typeof TimexType>

/**
 * What a relative expression was resolved against: the publication date ("yesterday"), or an
 * earlier time in the text ("the next day", "three days after …"). Absent for absolute dates.
 */
export const TimeAnchor = z.object({
  kind: z.enum(['publication', 'mention']),
  /** The anchor's own start (ISO). */
  value: z.string(),
  /** For a mention anchor: its offsets in the article text. */
  offset: z.tuple([z.number().int(), z.number().int()]).optional(),
})
export type TimeAnchor = z.infer<typeof TimeAnchor>

const timeFields = {
  precision: TimePrecision,
  certainty: TimeCertainty,
  anchor: TimeAnchor.optional(),
  /** TimeML (TIMEX3) value: `2019-09-30`, `2018-SU`, `2019-W39`, `P6Y`, `PRESENT_REF`, `XXXX-WXX-1`. */
  timex: z.string().optional(),
  /** TimeML modifier: `START`, `MID`, `END` ("early/mid/late"), `APPROX`, `LESS_THAN`, `MORE_THAN`. */
  mod: z.string().optional(),
  /** ISO 8601 length of a duration ("P6Y"), when the expression states one. */
  duration: z.string().optional(),
  /** `end` for "since 2014" (runs up to the reference), `start` for "until 2017". */
  open: z.enum(['start', 'end']).optional(),
  /** Time zone as written ("GMT", "+03:00"), only when the text states one. */
  timezone: z.string().optional(),
  /** The text as written ("Monday", "the summer of 2018"); absent for a fallback. */
  text: z.string().optional(),
  /** Offsets of `text` in the article text. */
  offset: z.tuple([z.number().int(), z.number().int()]).optional(),
}

/** A time expression resolved to an interval `[start, end]` (ISO dates or date-times). */
export const TimeSpan = z.object({ start: z.string(), end: z.string(), ...timeFields })
export type TimeSpan = z.infer<typeof TimeSpan>

/**
 * The value of a time mention: a `TimeSpan`, except that a length or recurrence the text does not
 * place in time ("a sentence of 90 days", "every morning") has no interval (`start`/`end` null).
 */
export const TimeValue = z.object({
  start: z.string().nullable(),
  end: z.string().nullable(),
  ...timeFields,
})
export type TimeValue = z.infer<typeof TimeValue>

/** True when a time value is placed in time, so an event or a status can use it. */
export function isDated(value: TimeValue): value is TimeSpan {
  return value.start !== null && value.end !== null
}
