/**
 * Finds time expressions in news text and resolves each to an interval with its precision.
 * Parsers propose readings; refiners apply news conventions and settle them against each other
 * (chrono's design, with borderwatch's own parsers for news: years, seasons, durations, anaphora).
 */
import type { TimeMention, TimeSpan } from '../model/index.js'
import type { Candidate, Reading } from './candidate.js'
import {
  parseBareMonths,
  parseClockTimes,
  parseNumericDates,
  parseWeekdays,
  parseWrittenDates,
} from './parse-dates.js'
import {
  parseAnaphoric,
  parseCalendarUnits,
  parseCounted,
  parseDeicticDays,
  parseNamedRelative,
  parseReferences,
} from './parse-relative.js'
import {
  parseDecadesAndCenturies,
  parseQuarters,
  parseSeasons,
  parseYears,
} from './parse-periods.js'
import { parseDurations, parseSets } from './parse-durations.js'
import {
  dropOverlaps,
  refineAnchors,
  refineClockTimes,
  refineParts,
  refineSignals,
} from './refine.js'

/** What a time expression is resolved against. */
export interface TimeContext {
  /** Publication date (YYYY-MM-DD, or a date-time whose calendar day is used as written). */
  published: string
  /** How the outlet writes numeric dates, when known (see `dateOrderForUrl`). */
  dateOrder?: 'dmy' | 'mdy'
}

/** The parsers, each proposing readings of the whole text. */
const PARSERS: ((r: Reading) => Candidate[])[] = [
  parseWrittenDates,
  parseNumericDates,
  parseBareMonths,
  parseWeekdays,
  parseClockTimes,
  parseDeicticDays,
  parseReferences,
  parseCalendarUnits,
  parseNamedRelative,
  parseCounted,
  parseAnaphoric,
  parseYears,
  parseDecadesAndCenturies,
  parseSeasons,
  parseQuarters,
  parseDurations,
  parseSets,
]

/** Recognises and resolves every time expression in `text` against the publication date. */
export function recogniseTimes(text: string, context: TimeContext): TimeMention[] {
  const reading: Reading = {
    text,
    pub: context.published.slice(0, 10),
    dateOrder: context.dateOrder,
  }
  let candidates = dropOverlaps(PARSERS.flatMap((parse) => parse(reading)))
  candidates = refineParts(reading, candidates)
  candidates = refineClockTimes(reading, candidates)
  candidates = refineSignals(reading, candidates)
  candidates = refineAnchors(reading, candidates)
  return candidates.map((c) => {
    const written = text.slice(c.start, c.end)
    return {
      kind: 'time',
      text: written,
      start: c.start,
      end: c.end,
      type: c.type,
      value: { ...c.value, text: written, offset: [c.start, c.end] },
    }
  })
}

/** The fallback time of an event the text does not date: the publication day. */
export function publicationSpan(published: string): TimeSpan {
  const day = published.slice(0, 10)
  return { start: day, end: day, precision: 'day', certainty: 'publication', timex: day }
}
