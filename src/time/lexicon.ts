/** The English words time expressions are built from, as regular-expression parts and lookups. */
import type { TimePrecision } from '../model/index.js'

/** Month names and their usual abbreviations (one capture group). */
export const MONTH_RE =
  '(January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept\\.?|Sep\\.?|Oct\\.?|Nov\\.?|Dec\\.?)'

/** Weekday names, full or abbreviated with a dot (one capture group). */
export const WEEKDAY_RE =
  '(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon\\.|Tue\\.|Tues\\.|Wed\\.|Thu\\.|Thurs\\.|Fri\\.|Sat\\.|Sun\\.)'

/** Parts of a day (one capture group). */
export const DAY_PART_RE = '(morning|afternoon|evening|night|overnight)'

/** Season names (one capture group). */
export const SEASON_RE = '(spring|summer|autumn|fall|winter)'

/** Calendar units a length of time is counted in (one capture group, singular or plural). */
export const UNIT_RE =
  '(seconds?|minutes?|hours?|days?|nights?|weeks?|weekends?|months?|years?|decades?|centuries|century)'

const SMALL_NUMBERS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
]
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety']

/** A count written in digits or words, up to ninety-nine, or "a", "an", "a hundred" (one group). */
export const COUNT_RE =
  '(\\d{1,3}(?:\\.\\d)?|a hundred|one hundred|a|an|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)'

/** Vague quantities ("several days", "a few weeks") that make an unspecified count (one group). */
export const VAGUE_COUNT_RE =
  '(several|a few|few|many|some|a couple of|a number of|dozens of|hundreds of|thousands of)'

/** The number a count stands for, or undefined for a vague one. */
export function countValue(word: string): number | undefined {
  const w = word.toLowerCase().replace(/\s+/g, ' ')
  if (/^\d/.test(w)) return Number(w)
  if (w === 'a' || w === 'an') return 1
  if (w === 'a hundred' || w === 'one hundred') return 100
  const small = SMALL_NUMBERS.indexOf(w)
  if (small >= 0) return small
  const [tens, unit] = w.split(/[- ]/)
  const t = TENS.indexOf(tens)
  if (t < 2) return undefined
  return t * 10 + (unit ? SMALL_NUMBERS.indexOf(unit) : 0)
}

/** Ordinals used for centuries and quarters ("twentieth", "21st", "third"). */
export function ordinalValue(word: string): number | undefined {
  const w = word.toLowerCase()
  const digits = /^(\d+)(st|nd|rd|th)$/.exec(w)
  if (digits) return Number(digits[1])
  const words: Record<string, number> = {
    first: 1,
    second: 2,
    third: 3,
    fourth: 4,
    final: 4,
    last: 4,
    nineteenth: 19,
    twentieth: 20,
    'twenty-first': 21,
    'twenty first': 21,
  }
  return words[w]
}

/** Unit names normalised to one key. */
export type Unit =
  | 'second'
  | 'minute'
  | 'hour'
  | 'day'
  | 'week'
  | 'weekend'
  | 'month'
  | 'year'
  | 'decade'
  | 'century'

/** The unit key of a unit word ("years" → `year`, "nights" → `day`). */
export function unitOf(word: string): Unit {
  const w = word.toLowerCase()
  if (w.startsWith('centur')) return 'century'
  if (w.startsWith('night')) return 'day'
  return w.replace(/s$/, '') as Unit
}

/** How finely a count of `unit`s places a time: hours and less are instants, weekends weeks. */
export function unitPrecision(unit: Unit): TimePrecision {
  if (unit === 'second' || unit === 'minute' || unit === 'hour') return 'instant'
  if (unit === 'weekend') return 'week'
  return unit as TimePrecision
}

/** The ISO 8601 duration designator of a unit (`P…Y`, `PT…H`); decades and centuries in years. */
export function durationValue(unit: Unit, amount: number | undefined): string {
  const n = amount === undefined ? 'X' : String(amount)
  const scaled = (k: number) => (amount === undefined ? 'X' : String(amount * k))
  switch (unit) {
    case 'second':
      return `PT${n}S`
    case 'minute':
      return `PT${n}M`
    case 'hour':
      return `PT${n}H`
    case 'day':
      return `P${n}D`
    case 'week':
      return `P${n}W`
    case 'weekend':
      return `P${n}WE`
    case 'month':
      return `P${n}M`
    case 'year':
      return `P${n}Y`
    case 'decade':
      return `P${scaled(10)}Y`
    case 'century':
      return `P${scaled(100)}Y`
  }
}

/** Weekday number (Monday = 1 … Sunday = 7) of a weekday name or abbreviation. */
export function weekdayNumber(name: string): number {
  const n = name.toLowerCase().slice(0, 3)
  return ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].indexOf(n) + 1
}

/** TimeML part-of-day suffix: MO, AF, EV, NI. */
export function dayPartCode(part: string): string {
  const p = part.toLowerCase()
  if (p === 'morning') return 'MO'
  if (p === 'afternoon') return 'AF'
  if (p === 'evening') return 'EV'
  return 'NI'
}
