/** Parsers for times said relative to publication or to an earlier time: "yesterday", "last week", "two years ago", "the next day". */
import { addDays, addMonths, addYears, monthNumber } from './calendar.js'
import { candidate, type Candidate, type Reading } from './candidate.js'
import {
  COUNT_RE,
  countValue,
  dayPartCode,
  DAY_PART_RE,
  MONTH_RE,
  unitOf,
  UNIT_RE,
  VAGUE_COUNT_RE,
  WEEKDAY_RE,
  weekdayNumber,
  type Unit,
  unitPrecision,
} from './lexicon.js'
import { decadeSpan, daySpan, monthSpan, weekSpan, yearSpan, type Resolved } from './spans.js'
import { weekdayDate } from './parse-dates.js'

const DEICTIC_DAY = new RegExp(
  `\\b(the day before yesterday|the day after tomorrow|yesterday|today|tonight|tomorrow)(?:\\s+${DAY_PART_RE})?(?![\\w])`,
  'gi',
)
const PRESENT = /\b(right now|now|currently|at present|at the moment|nowadays|these days)\b/gi
const PAST_REF =
  /\b(the past|at the time|at that time|in recent times)\b(?!\s+(?:\d|few|several|many|two|three|four|five|six|seven|eight|nine|ten|\w+\s+(?:days|weeks|months|years|decades)))/gi
const FUTURE_REF = /\b(the future|in future)\b/gi
const CALENDAR_UNIT =
  /\b(?:(the)\s+)?(?:(earlier|later)\s+)?(last|this|next|coming|current|this past|this coming)\s+(fiscal\s+year|week|weekend|month|year|quarter|decade)\b/gi
const NAMED_RELATIVE = new RegExp(
  `\\b(last|next|this|this past|this coming|the coming)\\s+(?:${WEEKDAY_RE}|${MONTH_RE}(?![\\w]))`,
  'g',
)
const AGO = new RegExp(
  `\\b(?:(?:about|around|nearly|almost|some|over|more than|less than|just|only|roughly)\\s+)?(?:${COUNT_RE}|${VAGUE_COUNT_RE})\\s+${UNIT_RE}\\s+(ago|earlier|later|from now|hence)\\b(?!\\s+than)`,
  'gi',
)
const ANAPHORIC = new RegExp(
  `\\b(?:(the)\\s+(following|next|previous|preceding|same|prior)|(that|the same))\\s+(day|week|weekend|month|year|morning|afternoon|evening|night)\\b|\\b(the day)\\s+(before|after)\\b(?!\\s+(?:yesterday|tomorrow))`,
  'gi',
)
/** "the end of year", "the start of the month": the period of publication. */
const PERIOD_OF = /\b(?:beginning|start|middle|end|turn)\s+of\s+(?:the\s+)?(year|month|week)\b/gi

/** The calendar unit containing `day`, as a span. */
export function unitSpan(unit: Unit, day: string): Resolved {
  if (unit === 'week' || unit === 'weekend') return weekSpan(day)
  if (unit === 'month') return monthSpan(Number(day.slice(0, 4)), Number(day.slice(5, 7)))
  if (unit === 'year') return yearSpan(Number(day.slice(0, 4)))
  if (unit === 'decade') return decadeSpan(Math.floor(Number(day.slice(0, 4)) / 10) * 10)
  return daySpan(day)
}

/** Moves a day by whole units. */
export function shift(day: string, unit: Unit, amount: number): string {
  if (unit === 'week' || unit === 'weekend') return addDays(day, 7 * amount)
  if (unit === 'month') return addMonths(day, amount)
  if (unit === 'year') return addYears(day, amount)
  if (unit === 'decade') return addYears(day, 10 * amount)
  if (unit === 'century') return addYears(day, 100 * amount)
  return addDays(day, amount)
}

/** A time the text states relative to publication ("yesterday", "last week"). */
function fromPublication(r: Reading, value: Resolved): Resolved {
  return { ...value, anchor: { kind: 'publication', value: r.pub } }
}

/** "yesterday", "today", "tonight", "tomorrow morning". */
export function parseDeicticDays(r: Reading): Candidate[] {
  const out: Candidate[] = []
  const offsets: Record<string, number> = {
    'the day before yesterday': -2,
    yesterday: -1,
    today: 0,
    tonight: 0,
    tomorrow: 1,
    'the day after tomorrow': 2,
  }
  for (const m of r.text.matchAll(DEICTIC_DAY)) {
    const day = addDays(r.pub, offsets[m[1].toLowerCase()])
    const value = fromPublication(r, daySpan(day))
    const part = m[2] ?? (m[1].toLowerCase() === 'tonight' ? 'night' : undefined)
    if (part) value.timex = `${day}T${dayPartCode(part)}`
    out.push(candidate(m.index, m.index + m[0].length, part ? 'TIME' : 'DATE', value, 2))
  }
  return out
}

/** "now", "currently" (the present), "the past", "at the time" (the past), "the future". */
export function parseReferences(r: Reading): Candidate[] {
  const out: Candidate[] = []
  for (const m of r.text.matchAll(PRESENT)) {
    const value: Resolved = {
      ...fromPublication(r, daySpan(r.pub)),
      certainty: 'inferred',
      timex: 'PRESENT_REF',
    }
    out.push(candidate(m.index, m.index + m[0].length, 'DATE', value, 1))
  }
  for (const m of r.text.matchAll(PAST_REF)) {
    const value: Resolved = {
      start: null,
      end: r.pub,
      precision: 'day',
      certainty: 'inferred',
      timex: 'PAST_REF',
    }
    out.push(candidate(m.index, m.index + m[0].length, 'DATE', value, 1))
  }
  for (const m of r.text.matchAll(FUTURE_REF)) {
    const value: Resolved = {
      start: r.pub,
      end: null,
      precision: 'day',
      certainty: 'inferred',
      timex: 'FUTURE_REF',
    }
    out.push(candidate(m.index, m.index + m[0].length, 'DATE', value, 1))
  }
  return out
}

/** "last week", "this year", "next month", "earlier this month", "the coming weekend". */
export function parseCalendarUnits(r: Reading): Candidate[] {
  const out: Candidate[] = []
  for (const m of r.text.matchAll(CALENDAR_UNIT)) {
    const [, the, side, which, unitWord] = m
    const unit = unitOf(unitWord.replace(/^fiscal\s+/i, ''))
    const w = which.toLowerCase()
    if (
      (unitWord.toLowerCase() as string) === 'quarter' ||
      (the && (w === 'next' || (w === 'last' && unit !== 'week')))
    )
      continue
    const step = /last|this past/.test(w) ? -1 : /next|coming/.test(w) ? 1 : 0
    let value = fromPublication(r, unitSpan(unit, shift(r.pub, unit, step)))
    const s = side?.toLowerCase()
    if (s === 'earlier') value = { ...value, end: r.pub }
    if (s === 'later') value = { ...value, start: r.pub }
    out.push(candidate(m.index, m.index + m[0].length, 'DATE', value, 2))
  }
  for (const m of r.text.matchAll(PERIOD_OF)) {
    const unit = unitOf(m[1])
    const start = m.index + m[0].length - m[1].length
    out.push(
      candidate(start, start + m[1].length, 'DATE', fromPublication(r, unitSpan(unit, r.pub)), 0),
    )
  }
  return out
}

/** "last Friday", "next Monday", "last July", "this coming October". */
export function parseNamedRelative(r: Reading): Candidate[] {
  const out: Candidate[] = []
  for (const m of r.text.matchAll(NAMED_RELATIVE)) {
    const [, which, weekday, monthName] = m
    const w = which.toLowerCase()
    const direction = /last|past/.test(w) ? -1 : /next|coming/.test(w) ? 1 : undefined
    let value: Resolved
    if (weekday) {
      if (!/^[A-Z]/.test(weekday) || weekday.endsWith('.')) continue
      value = daySpan(weekdayDate(r, weekdayNumber(weekday), m.index, direction))
    } else {
      const month = monthNumber(monthName)
      if (!month || !/^[A-Z]/.test(monthName)) continue
      const pubYear = Number(r.pub.slice(0, 4))
      const pubMonth = Number(r.pub.slice(5, 7))
      let year = pubYear
      if (direction === -1 && month >= pubMonth) year -= 1
      if (direction === 1 && month <= pubMonth) year += 1
      value = monthSpan(year, month)
    }
    out.push(candidate(m.index, m.index + m[0].length, 'DATE', fromPublication(r, value), 3))
  }
  return out
}

/** "two years ago", "a week later", "three days after": counted from publication or from an earlier time. */
export function parseCounted(r: Reading): Candidate[] {
  const out: Candidate[] = []
  for (const m of r.text.matchAll(AGO)) {
    const [whole, countText, vague, unitWord, direction] = m
    const unit = unitOf(unitWord)
    const amount = countText ? countValue(countText) : undefined
    const d = direction.toLowerCase()
    const sign = /ago|earlier|before/.test(d) ? -1 : 1
    const end = m.index + whole.length
    if (amount === undefined || vague) {
      const value: Resolved =
        sign < 0
          ? {
              start: null,
              end: r.pub,
              precision: unitPrecision(unit),
              certainty: 'inferred',
              timex: 'PAST_REF',
            }
          : {
              start: r.pub,
              end: null,
              precision: unitPrecision(unit),
              certainty: 'inferred',
              timex: 'FUTURE_REF',
            }
      out.push(candidate(m.index, end, 'DATE', value, 2))
      continue
    }
    if (d === 'ago' || d === 'from now' || d === 'hence') {
      const day = shift(r.pub, unit, sign * amount)
      const value = fromPublication(
        r,
        unit === 'day' || unitPrecision(unit) === 'instant' ? daySpan(day) : unitSpan(unit, day),
      )
      out.push(candidate(m.index, end, 'DATE', value, 3))
      continue
    }
    const c = candidate(
      m.index,
      end,
      'DATE',
      fromPublication(r, unitSpan(unit, shift(r.pub, unit, sign * amount))),
      3,
    )
    c.relative = { unit, amount: sign * amount }
    out.push(c)
  }
  return out
}

/** "the next day", "that week", "the same day", "the day before": resolved against the time before them. */
export function parseAnaphoric(r: Reading): Candidate[] {
  const out: Candidate[] = []
  for (const m of r.text.matchAll(ANAPHORIC)) {
    const [whole, , which, demonstrative, unitWord, theDay, beforeAfter] = m
    const w = (which ?? demonstrative ?? beforeAfter ?? '').toLowerCase()
    const rawUnit = (unitWord ?? 'day').toLowerCase()
    const part = /morning|afternoon|evening|night/.test(rawUnit) ? rawUnit : undefined
    const unit = part ? 'day' : unitOf(rawUnit)
    const amount = /following|next|after/.test(w)
      ? 1
      : /previous|preceding|prior|before/.test(w)
        ? -1
        : 0
    const c = candidate(
      m.index,
      m.index + (theDay ? theDay.length : whole.length),
      'DATE',
      fromPublication(r, unitSpan(unit, r.pub)),
      2,
    )
    if (part) c.type = 'TIME'
    c.relative = { unit, amount }
    out.push(c)
  }
  return out
}
