/** Parsers for lengths of time ("six years", "the past two weeks", "a four-week closure") and recurrences ("every day"). */
import { candidate, type Candidate, type Reading } from './candidate.js'
import {
  COUNT_RE,
  countValue,
  dayPartCode,
  durationValue,
  unitOf,
  UNIT_RE,
  VAGUE_COUNT_RE,
  WEEKDAY_RE,
  weekdayNumber,
  type Unit,
  unitPrecision,
} from './lexicon.js'
import type { Resolved } from './spans.js'
import { shift } from './parse-relative.js'

const MODIFIER =
  '(about|around|nearly|almost|some|over|more than|less than|fewer than|at least|at most|roughly|approximately|a mere|just over|just under|just|only|up to|a full|a further|another)'
const COUNTED = new RegExp(
  `\\b(?:(the)\\s+(past|last|next|coming|following|previous|first|final|initial)\\s+)?(?:${MODIFIER}\\s+)?(?:${COUNT_RE}|${VAGUE_COUNT_RE})(?:\\s+|-)${UNIT_RE}(['’](?!s))?(?![\\w-]|\\s+old\\b)`,
  'gi',
)
const FRAMED = new RegExp(
  `\\b(?:(the)\\s+)?(past|last|next|coming|following|recent)\\s+${UNIT_RE}\\b(?!-)`,
  'gi',
)
const BARE_PLURAL = /\b(seconds|minutes|hours|days|weeks|months|years|decades)\b(?![-'’])/g
const NOT_BEFORE_BARE =
  /\b(the|these|those|their|his|her|its|our|my|your|early|earlier|later|final|first|last|of|golden|old|good|dark)\s+$/i
const SET = new RegExp(
  `\\b(?:(every|each)\\s+(?:other\\s+)?(?:(day|week|weekend|month|year|season|morning|afternoon|evening|night)|${WEEKDAY_RE})|(once|twice|three times|four times|\\d+ times)\\s+(?:a|per|each|every)\\s+(day|week|month|year))\\b|\\b(daily|weekly|monthly|annually|yearly|nightly|quarterly|hourly)\\b`,
  'g',
)

function modOf(word: string | undefined): string | undefined {
  const w = word?.toLowerCase()
  if (!w) return undefined
  if (/nearly|almost|less|fewer|under|at most|up to/.test(w)) return 'LESS_THAN'
  if (/over|more|at least/.test(w)) return 'MORE_THAN'
  if (/about|around|some|roughly|approximately/.test(w)) return 'APPROX'
  return undefined
}

function lengthValue(unit: Unit, amount: number | undefined, mod?: string): Resolved {
  const duration = durationValue(unit, amount)
  return {
    start: null,
    end: null,
    precision: unitPrecision(unit),
    certainty: 'stated',
    duration,
    timex: duration,
    ...(mod ? { mod } : {}),
  }
}

/** Places a length in time when its frame says where: "the past two years" ends at publication, "the next month" starts there. */
function framed(
  r: Reading,
  value: Resolved,
  frame: string | undefined,
  unit: Unit,
  amount: number | undefined,
): Resolved {
  const f = frame?.toLowerCase()
  if (!f || amount === undefined) return value
  const anchor = { kind: 'publication' as const, value: r.pub }
  if (/past|last|recent|previous/.test(f))
    return {
      ...value,
      start: shift(r.pub, unit, -amount),
      end: r.pub,
      certainty: 'stated',
      anchor,
    }
  if (/next|coming/.test(f))
    return {
      ...value,
      start: r.pub,
      end: shift(r.pub, unit, amount),
      certainty: 'stated',
      anchor,
    }
  return value
}

/** Words before a length that make it run up to the time of its sentence: "for six years", "after a month of delays". */
const RUNS_UP_TO = /\b(for|after|over|throughout)\s+(?:the\s+)?$/i

/** Verbs that start a length at their own time: "renewed for six months", "banned for a year". */
const RUNS_FROM =
  /\b(renew|extend|prolong|approv|grant|authori[sz]|ban|suspend|impos|sentenc|jail|lease|close[sd]? down for)\w*\b[^.;]{0,24}\bfor\s+(?:the\s+)?$/i

/** Words before a length that make it an age: "children aged 6 months", "ages 2 years". */
const AGE_BEFORE = /\b(aged?|ages)\s+$/i

/** The first number of "between 12 and 18 months", which counts in the same unit. */
const RANGE_START =
  /\b(\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s*(?:and|to|or|-|–)\s*$/i

/** Counted lengths: "a month", "90 days", "almost seven years", "the past two years", "a four-week closure". */
export function parseDurations(r: Reading): Candidate[] {
  const out: Candidate[] = []
  for (const m of r.text.matchAll(COUNTED)) {
    const [whole, , frame, modifier, countText, vague, unitWord] = m
    const unit = unitOf(unitWord)
    const amount = countText ? countValue(countText) : undefined
    if (countText && amount === undefined) continue
    const lower = whole.toLowerCase()
    if (
      /^(a|an|one)\s+(day|night|week|month|year)$/.test(lower) &&
      /\b(once|twice|times|per)\s+$/i.test(r.text.slice(Math.max(0, m.index - 8), m.index))
    )
      continue
    if (/^one day$/.test(lower)) continue
    if (unit === 'second' && (amount ?? 0) <= 1) continue
    if (AGE_BEFORE.test(r.text.slice(Math.max(0, m.index - 8), m.index))) continue
    if (
      /^\s+(?:and\s+)?(?:old|older|younger|of age)\b/.test(
        r.text.slice(m.index + whole.length, m.index + whole.length + 16),
      )
    )
      continue
    const value = framed(
      r,
      lengthValue(unit, vague ? undefined : amount, modOf(modifier)),
      frame,
      unit,
      amount,
    )
    const c = candidate(m.index, m.index + whole.length, 'DURATION', value, 1)
    const before = r.text.slice(Math.max(0, m.index - 12), m.index)
    const forward = RUNS_FROM.test(r.text.slice(Math.max(0, m.index - 48), m.index))
    if (!frame && amount !== undefined && !vague && RUNS_UP_TO.test(before))
      c.lengthBack = { unit, amount: forward ? -amount : amount }
    out.push(c)
    const windowStart = Math.max(0, m.index - 16)
    const range = RANGE_START.exec(r.text.slice(windowStart, m.index))
    const n = range ? countValue(range[1]) : undefined
    if (range && n !== undefined) {
      const first = windowStart + range.index
      out.push(candidate(first, first + range[1].length, 'DURATION', lengthValue(unit, n), 1))
    }
  }
  for (const m of r.text.matchAll(FRAMED)) {
    const [whole, , frame, unitWord] = m
    const unit = unitOf(unitWord)
    const plural = /s$/i.test(unitWord) && unit !== 'century'
    const amount = plural ? undefined : 1
    const value = framed(r, lengthValue(unit, amount), frame, unit, amount)
    if (plural && /past|last|recent/i.test(frame)) {
      value.end = r.pub
      value.anchor = { kind: 'publication', value: r.pub }
    }
    out.push(candidate(m.index, m.index + whole.length, 'DURATION', value, 0))
  }
  for (const m of r.text.matchAll(BARE_PLURAL)) {
    const before = r.text.slice(Math.max(0, m.index - 12), m.index)
    if (NOT_BEFORE_BARE.test(before) || /(\d|\b(?:several|few|many|some|of))\s*$/i.test(before))
      continue
    const unit = unitOf(m[1])
    const value = lengthValue(unit, undefined)
    if (/\bfor\s+$/i.test(before)) {
      Object.assign(value, { start: r.pub, end: r.pub, open: 'start', certainty: 'inferred' })
      value.anchor = { kind: 'publication', value: r.pub }
    }
    out.push(candidate(m.index, m.index + m[0].length, 'DURATION', value, 0))
  }
  return out
}

/** Recurrences: "every day", "each season", "every Friday", "twice a week", "annually". */
export function parseSets(r: Reading): Candidate[] {
  const out: Candidate[] = []
  const periods: Record<string, string> = {
    day: 'P1D',
    daily: 'P1D',
    nightly: 'P1D',
    week: 'P1W',
    weekly: 'P1W',
    weekend: 'P1WE',
    month: 'P1M',
    monthly: 'P1M',
    year: 'P1Y',
    yearly: 'P1Y',
    annually: 'P1Y',
    quarterly: 'P3M',
    hourly: 'PT1H',
    season: 'P3M',
  }
  for (const m of r.text.matchAll(SET)) {
    const [whole, , unit, weekday, , perUnit, adverb] = m
    const key = (unit ?? perUnit ?? adverb ?? '').toLowerCase()
    let timex = periods[key]
    if (weekday) timex = `XXXX-WXX-${weekdayNumber(weekday)}`
    else if (/morning|afternoon|evening|night/.test(key)) timex = `XXXX-XX-XXT${dayPartCode(key)}`
    const value: Resolved = {
      start: null,
      end: null,
      precision: 'day',
      certainty: 'stated',
      timex: timex ?? 'P1D',
    }
    out.push(candidate(m.index, m.index + whole.length, 'SET', value, 1))
  }
  return out
}
