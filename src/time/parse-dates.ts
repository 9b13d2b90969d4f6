/** Parsers for calendar dates and clock times: "30 September 2019", "Sept. 30", "9/30/2019", "19:03". */
import { addDays, daysBetween, isoWeekday, lastDayOfMonth, monthNumber, pad } from './calendar.js'
import { candidate, type Candidate, type Reading } from './candidate.js'
import { dayPartCode, DAY_PART_RE, MONTH_RE, WEEKDAY_RE, weekdayNumber } from './lexicon.js'
import { clockSpan, daySpan, monthSpan } from './spans.js'
import { isFuture } from './tense.js'

const DMY = new RegExp(
  `\\b(?:${WEEKDAY_RE},?\\s+)?(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th)?(?:\\s+of)?\\s+${MONTH_RE}(?:,?\\s+(\\d{4}))?(?![\\w])`,
  'g',
)
const MDY = new RegExp(
  `\\b(?:${WEEKDAY_RE},?\\s+)?${MONTH_RE}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?![\\w:%]|[.,]\\d)(?:,?\\s+(\\d{4})(?!\\w))?`,
  'g',
)
const MONTH_YEAR = new RegExp(`\\b${MONTH_RE},?\\s+(\\d{4})(?!\\w)`, 'g')
const BARE_MONTH = new RegExp(`\\b${MONTH_RE}(?![\\w'’-])`, 'g')
const NUMERIC = /\b(\d{1,4})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?![\d/.-]\d)/g
const ISO =
  /\b(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?(?![\d-])/g
const WEEKDAY = new RegExp(`\\b${WEEKDAY_RE}(?:\\s+${DAY_PART_RE})?\\b`, 'g')
const CLOCK =
  /(?<![:\d])\b(?:(\d{1,2})(?::([0-5]\d))?\s*([ap])\.?\s?m\b\.?|([01]?\d|2[0-3])[:.h]([0-5]\d)(?![:.]?\d)|(noon|midday|midnight))(?:\s*\(?(GMT|UTC|BST|CET|CEST|EET|EEST|EST|EDT|CST|PST|PDT|AST|IDT|IST|local time|[+-]\d{2}:?\d{2})\)?)?/gi
/** Months that are also common words or names: read alone only after a time preposition. */
const AMBIGUOUS_MONTHS = new Set(['may', 'march', 'august', 'june', 'april', 'jan', 'sun'])
const TIME_PREPOSITION =
  /\b(in|on|since|until|till|by|during|through|throughout|from|to|before|after|last|next|this|early|mid|late|of|that|each|every|between|and|or|around|of|late in|early in)\s+$/i

function year(text: string): number {
  return Number(text)
}

/** A month (and day) without a year: the most recent one before publication, or the next one ahead. */
export function placeInYear(
  r: Reading,
  month: number,
  day: number | undefined,
  at: number,
): number {
  const pubYear = Number(r.pub.slice(0, 4))
  const date = `${pubYear}-${pad(month)}-${pad(day ?? 1)}`
  const future = isFuture(r.text, at)
  const pubMonth = r.pub.slice(0, 7)
  if (future) return date.slice(0, 7) < pubMonth || (day && date < r.pub) ? pubYear + 1 : pubYear
  if (day === undefined) return date.slice(0, 7) > pubMonth ? pubYear - 1 : pubYear
  return date > r.pub ? pubYear - 1 : pubYear
}

function validDay(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= Number(lastDayOfMonth(y, m).slice(8))
}

function written(
  r: Reading,
  m: RegExpMatchArray,
  monthText: string,
  dayText: string,
  yearText?: string,
) {
  const month = monthNumber(monthText)
  const day = Number(dayText)
  if (!month) return null
  const y = yearText ? year(yearText) : placeInYear(r, month, day, m.index!)
  if (!validDay(y, month, day)) return null
  const c = candidate(
    m.index!,
    m.index! + m[0].length,
    'DATE',
    daySpan(`${y}-${pad(month)}-${pad(day)}`),
    3,
  )
  if (!yearText) c.value.anchor = { kind: 'publication', value: r.pub }
  return c
}

/** Dates written with a month name: "30 September 2019", "September 30, 2019", "Sept. 30", "May 2010". */
export function parseWrittenDates(r: Reading): Candidate[] {
  const out: Candidate[] = []
  for (const m of r.text.matchAll(DMY)) {
    const c = written(r, m, m[3], m[2], m[4])
    if (c) out.push(c)
  }
  for (const m of r.text.matchAll(MDY)) {
    const c = written(r, m, m[2], m[3], m[4])
    if (c) out.push(c)
  }
  for (const m of r.text.matchAll(MONTH_YEAR)) {
    const month = monthNumber(m[1])
    if (month)
      out.push(candidate(m.index, m.index + m[0].length, 'DATE', monthSpan(year(m[2]), month), 2))
  }
  return out
}

/** A month named alone ("in July"): only capitalised, and "May"/"March" only after a time word. */
export function parseBareMonths(r: Reading): Candidate[] {
  const out: Candidate[] = []
  for (const m of r.text.matchAll(BARE_MONTH)) {
    const word = m[1]
    if (!/^[A-Z]/.test(word) || word.endsWith('.') || word.length < 3) continue
    const full = word.length > 3 || word === 'May'
    if (!full) continue
    const before = r.text.slice(Math.max(0, m.index - 14), m.index)
    const afterWord = r.text.slice(m.index + word.length, m.index + word.length + 20)
    const prepositional = TIME_PREPOSITION.test(before)
    if (AMBIGUOUS_MONTHS.has(word.toLowerCase()) && !prepositional) continue
    if (!prepositional && /^\s+[A-Z][a-z]/.test(afterWord)) continue
    const month = monthNumber(word)
    const c = candidate(
      m.index,
      m.index + word.length,
      'DATE',
      monthSpan(placeInYear(r, month, undefined, m.index), month),
    )
    c.value.anchor = { kind: 'publication', value: r.pub }
    out.push(c)
  }
  return out
}

function nearestPlausible(r: Reading, readings: [number, number, number][]): string | null {
  const valid = readings
    .filter(([y, m, d]) => validDay(y, m, d))
    .map(([y, m, d]) => `${y}-${pad(m)}-${pad(d)}`)
  if (!valid.length) return null
  const score = (iso: string) => {
    const gap = daysBetween(iso, r.pub)
    return gap >= 0 ? gap : -gap * 4
  }
  return [...valid].sort((a, b) => score(a) - score(b))[0]
}

/** Numeric dates: ISO `2019-09-30`, and `30/09/2019` or `9/30/19` read by the outlet's order or by distance from publication. */
export function parseNumericDates(r: Reading): Candidate[] {
  const out: Candidate[] = []
  for (const m of r.text.matchAll(ISO)) {
    const [, y, mo, d, hh, mm, zone] = m
    if (!validDay(Number(y), Number(mo), Number(d))) continue
    const day = `${y}-${mo}-${d}`
    const value = hh ? clockSpan(day, Number(hh), Number(mm)) : daySpan(day)
    if (zone) value.timezone = zone
    out.push(candidate(m.index, m.index + m[0].length, hh ? 'TIME' : 'DATE', value, 3))
  }
  for (const m of r.text.matchAll(NUMERIC)) {
    const [, a, sep, b, c] = m
    if (a.length === 4 || a.length === 3) continue
    if (sep === '.' && c.length === 2) continue
    const y =
      c.length === 2
        ? 2000 + Number(c) - (Number(c) > Number(r.pub.slice(2, 4)) + 1 ? 100 : 0)
        : Number(c)
    const first = Number(a)
    const second = Number(b)
    const dmy: [number, number, number] = [y, second, first]
    const mdy: [number, number, number] = [y, first, second]
    const readings =
      r.dateOrder === 'dmy' && first <= 31 && second <= 12
        ? [dmy]
        : r.dateOrder === 'mdy' && first <= 12
          ? [mdy]
          : [dmy, mdy]
    const day = nearestPlausible(r, readings)
    if (day) out.push(candidate(m.index, m.index + m[0].length, 'DATE', daySpan(day), 3))
  }
  return out
}

/** The weekday named, counted back from publication (or forward in a future-tense sentence). */
export function weekdayDate(r: Reading, weekday: number, at: number, direction?: -1 | 1): string {
  const pubDay = isoWeekday(r.pub)
  const future = direction === 1 || (direction === undefined && isFuture(r.text, at))
  if (future) return addDays(r.pub, (weekday - pubDay + 7) % 7 || (direction === 1 ? 7 : 0))
  return addDays(r.pub, -((pubDay - weekday + 7) % 7 || (direction === -1 ? 7 : 0)))
}

/** Weekdays named alone ("on Monday", "Friday afternoon"): full, capitalised names only. */
export function parseWeekdays(r: Reading): Candidate[] {
  const out: Candidate[] = []
  for (const m of r.text.matchAll(WEEKDAY)) {
    if (m[1].endsWith('.') || !/^[A-Z]/.test(m[1])) continue
    const day = weekdayDate(r, weekdayNumber(m[1]), m.index)
    const value = daySpan(day)
    value.anchor = { kind: 'publication', value: r.pub }
    if (m[2]) {
      value.timex = `${day}T${dayPartCode(m[2])}`
      out.push(candidate(m.index, m.index + m[0].length, 'TIME', value, 2))
    } else out.push(candidate(m.index, m.index + m[0].length, 'DATE', value, 2))
  }
  return out
}

/** Clock times: "19:03", "8 PM", "3 p.m. GMT", "noon". Dated on publication until a refiner finds their day. */
export function parseClockTimes(r: Reading): Candidate[] {
  const out: Candidate[] = []
  for (const m of r.text.matchAll(CLOCK)) {
    const [, h12, m12, ampm, h24, m24, word, zone] = m
    let hour: number
    let minute: number | undefined
    if (word) {
      hour = word.toLowerCase() === 'midnight' ? 0 : 12
    } else if (h12) {
      hour = (Number(h12) % 12) + (ampm.toLowerCase() === 'p' ? 12 : 0)
      minute = m12 ? Number(m12) : undefined
      if (Number(h12) > 12 || Number(h12) === 0) continue
    } else {
      hour = Number(h24)
      minute = Number(m24)
      if (!/[:h]/.test(r.text[m.index + h24.length]) && !zone) continue
    }
    const value = clockSpan(r.pub, hour, minute)
    value.certainty = 'inferred'
    value.anchor = { kind: 'publication', value: r.pub }
    if (zone) value.timezone = zone
    out.push(candidate(m.index, m.index + m[0].length, 'TIME', value, 1))
  }
  return out
}
