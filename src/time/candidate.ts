/** What the time parsers propose and the refiners settle: a reading of one stretch of text. */
import type { TimexType } from '../model/index.js'
import type { Unit } from './lexicon.js'
import type { Resolved } from './spans.js'

/** The text being read and what it is read against. */
export interface Reading {
  text: string
  /** Publication day, YYYY-MM-DD. */
  pub: string
  /** How the outlet writes numeric dates, when known: day first (`dmy`) or month first (`mdy`). */
  dateOrder?: 'dmy' | 'mdy'
}

/** One proposed time expression. */
export interface Candidate {
  start: number
  end: number
  type: TimexType
  value: Resolved
  /** Breaks ties between overlapping candidates of the same length: higher wins. */
  priority: number
  /**
   * A time counted from an earlier one ("the next day", "two weeks later"): resolved by the anchor
   * refiner against the nearest earlier dated time in the text, else publication.
   */
  relative?: { unit: Unit; amount: number }
  /**
   * A length that ends at the time its sentence speaks of ("closed for six years", "after a month of
   * delays"); a negative amount starts there instead ("renewed for six months").
   */
  lengthBack?: { unit: Unit; amount: number }
}

/** Builds a candidate over `[start, end)`. */
export function candidate(
  start: number,
  end: number,
  type: TimexType,
  value: Resolved,
  priority = 1,
): Candidate {
  return { start, end, type, value, priority }
}
