/** Calendar units as intervals with their TimeML values: the vocabulary the parsers resolve into. */
import type { TimePrecision, TimeValue } from '../model/index.js'
import { addDays, isoWeek, lastDayOfMonth, pad, weekStart } from './calendar.js'

/** A resolved time before it is tied to text: a value without `text`/`offset`. */
export type Resolved = Omit<TimeValue, 'text' | 'offset'>

function resolved(start: string, end: string, precision: TimePrecision, timex: string): Resolved {
  return { start, end, precision, certainty: 'stated', timex }
}

/** One calendar day. */
export function daySpan(iso: string): Resolved {
  const day = iso.slice(0, 10)
  return resolved(day, day, 'day', day)
}

/** One month (month 1–12). */
export function monthSpan(year: number, month: number): Resolved {
  return resolved(
    `${pad(year, 4)}-${pad(month)}-01`,
    lastDayOfMonth(year, month),
    'month',
    `${pad(year, 4)}-${pad(month)}`,
  )
}

/** One calendar year. */
export function yearSpan(year: number): Resolved {
  return resolved(`${pad(year, 4)}-01-01`, `${pad(year, 4)}-12-31`, 'year', pad(year, 4))
}

/** The ISO week (Monday to Sunday) a day falls in. */
export function weekSpan(iso: string): Resolved {
  const monday = weekStart(iso)
  return resolved(monday, addDays(monday, 6), 'week', isoWeek(iso))
}

/** A decade starting at a year ending in 0. */
export function decadeSpan(first: number): Resolved {
  return resolved(`${first}-01-01`, `${first + 9}-12-31`, 'decade', String(first).slice(0, 3))
}

/** A century by its ordinal: the 20th century is 1901–2000, valued `19` as TimeML does. */
export function centurySpan(ordinal: number): Resolved {
  const first = (ordinal - 1) * 100
  return resolved(
    `${pad(first + 1, 4)}-01-01`,
    `${pad(first + 100, 4)}-12-31`,
    'century',
    pad(ordinal - 1),
  )
}

/** A quarter (1–4) of a year. */
export function quarterSpan(year: number, quarter: number): Resolved {
  const first = (quarter - 1) * 3 + 1
  return resolved(
    `${year}-${pad(first)}-01`,
    lastDayOfMonth(year, first + 2),
    'quarter',
    `${year}-Q${quarter}`,
  )
}

/** A half (1–2) of a year. */
export function halfSpan(year: number, half: number): Resolved {
  const first = half === 1 ? 1 : 7
  return resolved(
    `${year}-${pad(first)}-01`,
    lastDayOfMonth(year, first + 5),
    'quarter',
    `${year}-H${half}`,
  )
}

const SEASON_MONTHS: Record<string, [number, string]> = {
  spring: [3, 'SP'],
  summer: [6, 'SU'],
  autumn: [9, 'FA'],
  fall: [9, 'FA'],
  winter: [12, 'WI'],
}

/** The month a (northern) season starts in: spring 3, summer 6, autumn 9, winter 12. */
export function seasonStartMonth(season: string): number {
  return SEASON_MONTHS[season.toLowerCase()][0]
}

/** A season of a year, or a run of seasons ("the summer and fall of 2019"); winter runs into the next year. */
export function seasonSpan(year: number, first: string, last = first): Resolved {
  const [a, code] = SEASON_MONTHS[first.toLowerCase()]
  const [b] = SEASON_MONTHS[last.toLowerCase()]
  const endMonth = b + 2
  const endYear = year + (endMonth > 12 || b < a ? 1 : 0)
  const month = endMonth > 12 ? endMonth - 12 : endMonth
  return resolved(
    `${year}-${pad(a)}-01`,
    lastDayOfMonth(endYear, month),
    'season',
    `${year}-${code}`,
  )
}

/** A day at a clock time (`hour`, `minute`), an instant. */
export function clockSpan(day: string, hour: number, minute: number | undefined): Resolved {
  const time = minute === undefined ? pad(hour) : `${pad(hour)}:${pad(minute)}`
  const stamp = `${day}T${pad(hour)}:${pad(minute ?? 0)}`
  return resolved(stamp, stamp, 'instant', `${day}T${time}`)
}

/** The part of an interval an "early", "mid" or "late" modifier picks: its first, middle or last third. */
export function partOf(span: Resolved, part: 'START' | 'MID' | 'END'): Resolved {
  if (span.start === null || span.end === null) return { ...span, mod: part }
  const start = span.start.slice(0, 10)
  const end = span.end.slice(0, 10)
  const days = Math.round((Date.parse(end) - Date.parse(start)) / 864e5) + 1
  const third = Math.floor(days / 3)
  if (span.precision === 'month') {
    const bounds = { START: [1, 10], MID: [11, 20], END: [21, Number(end.slice(8))] }[part]
    const ym = start.slice(0, 8)
    return { ...span, start: ym + pad(bounds[0]), end: ym + pad(bounds[1]), mod: part }
  }
  if (span.precision === 'year' || span.precision === 'decade' || span.precision === 'century') {
    const y = Number(start.slice(0, 4))
    const length = Number(end.slice(0, 4)) - y + 1
    if (span.precision === 'year') {
      const months = { START: [1, 4], MID: [5, 8], END: [9, 12] }[part]
      return {
        ...span,
        start: `${pad(y, 4)}-${pad(months[0])}-01`,
        end: lastDayOfMonth(y, months[1]),
        mod: part,
      }
    }
    const cut = Math.floor(length / 3)
    const from = part === 'START' ? y : part === 'MID' ? y + cut : y + length - cut
    const to =
      part === 'START' ? y + cut - 1 : part === 'MID' ? y + length - cut - 1 : y + length - 1
    return { ...span, start: `${pad(from, 4)}-01-01`, end: `${pad(to, 4)}-12-31`, mod: part }
  }
  const from = part === 'START' ? 0 : part === 'MID' ? third : days - third
  const to = part === 'START' ? third - 1 : part === 'MID' ? days - third - 1 : days - 1
  return {
    ...span,
    start: addDays(start, from),
    end: addDays(start, Math.max(from, to)),
    mod: part,
  }
}
