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
])
export type TimePrecision = z.infer<typeof TimePrecision>

/** Whether the text states the time, the pipeline inferred it, or it fell back to publication. */
export const TimeCertainty = z.enum(['stated', 'inferred', 'publication'])
export type TimeCertainty = z.infer<typeof TimeCertainty>

/** A time expression resolved to an interval `[start, end]` (ISO dates or date-times). */
export const TimeSpan = z.object({
  start: z.string(),
  end: z.string(),
  precision: TimePrecision,
  certainty: TimeCertainty,
  /** The text as written ("on Monday", "the summer of 2018"); absent for a fallback. */
  text: z.string().optional(),
  /** Offsets of `text` in the article text. */
  offset: z.tuple([z.number().int(), z.number().int()]).optional(),
})
export type TimeSpan = z.infer<typeof TimeSpan>
