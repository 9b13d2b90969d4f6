/**
 * Finds time expressions in news text and resolves each to an interval with its precision.
 * Parsers propose readings; refiners apply news conventions (a bare weekday or month lies in the
 * past unless the sentence speaks of the future) and drop overlaps.
 */
import * as chrono from 'chrono-node'
import type { TimeMention, TimePrecision, TimeSpan } from '../model/index.js'
import { addDays, addYears, isoDay, lastDayOfMonth, monthNumber } from './calendar.js'

/** What a time expression is resolved against. */
export interface TimeContext {
  /** Publication date (YYYY-MM-DD, or a date-time whose calendar day is used as written). */
  published: string
}

interface Candidate {
  start: number
  end: number
  text: string
  span: Omit<TimeSpan, 'text' | 'offset' | 'certainty'>
  /** Higher wins when candidates overlap. */
  priority: number
}

const SEASONS: Record<string, [number, number]> = {
  spring: [3, 5],
  summer: [6, 8],
  autumn: [9, 11],
  fall: [9, 11],
  winter: [12, 14],
}
const MONTH =
  '(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\\.?'
const FUTURE =
  /\b(will|would|next|upcoming|plans? to|planned|is to|are to|scheduled|expected to|going to)\b/i
const NUMBER_WORDS: Record<string, number> = {
  a: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  several: 3,
  many: 5,
}

function span(start: string, end: string, precision: TimePrecision): Candidate['span'] {
  return { start, end, precision }
}

/** The sentence-local text before an offset, for tense cues. */
function clauseBefore(text: string, offset: number): string {
  const from = Math.max(text.lastIndexOf('.', offset - 1), text.lastIndexOf('\n', offset - 1)) + 1
  return text.slice(from, offset)
}

function isFuture(text: string, offset: number): boolean {
  return FUTURE.test(clauseBefore(text, offset))
}

function seasonSpan(year: number, first: string, last: string): Candidate['span'] {
  const [a] = SEASONS[first.toLowerCase()]
  const [, b] = SEASONS[last.toLowerCase()]
  const endYear = year + (b > 12 ? 1 : 0)
  const endMonth = b > 12 ? b - 12 : b
  return span(
    `${year}-${String(a).padStart(2, '0')}-01`,
    lastDayOfMonth(endYear, endMonth),
    'season',
  )
}

function chronoCandidates(text: string, pub: string): Candidate[] {
  const ref = new Date(`${pub}T12:00:00Z`)
  const results = chrono.en.casual.parse(
    text,
    { instant: ref, timezone: 0 },
    { forwardDate: false },
  )
  const out: Candidate[] = []
  for (const r of results) {
    const t = r.text
    // chrono reads "now", "the time" and bare numbers; news needs dates, not those.
    if (
      !/\d|yesterday|today|tonight|tomorrow|day|week|month|year|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i.test(
        t,
      )
    )
      continue
    // "may" and "march" as verbs; "after a month" and "in two weeks" as durations, not dates.
    if (/^(may|march)$/.test(t.trim())) continue
    if (/^(after|in|within|for)\s+(a|an|one|\w+|\d+)\s+(days?|weeks?|months?|years?)$/i.test(t))
      continue
    const s = r.start
    let date = isoDay(s.date())
    let precision: TimePrecision = s.isCertain('day') || s.isCertain('weekday') ? 'day' : 'month'
    if (/\bweek\b/i.test(t) && !/\d/.test(t)) precision = 'week'
    if (/\b(month)\b/i.test(t) && !s.isCertain('day')) precision = 'month'
    if (/\byears?\b/i.test(t) && !s.isCertain('month')) precision = 'year'
    if (/yesterday|today|tonight|tomorrow|days? ago/i.test(t)) precision = 'day'
    const future = isFuture(text, r.index)
    if (!s.isCertain('year') && date > pub.slice(0, 10) && !future) {
      date = s.isCertain('day') || !s.isCertain('weekday') ? addYears(date, -1) : addDays(date, -7)
    }
    if (s.isCertain('weekday') && !s.isCertain('day')) {
      if (date > pub.slice(0, 10) && !future) date = addDays(date, -7)
      if (date <= pub.slice(0, 10) && future) date = addDays(date, 7)
    }
    let start = date
    let end = date
    if (precision === 'month') {
      start = `${date.slice(0, 7)}-01`
      end = lastDayOfMonth(Number(date.slice(0, 4)), Number(date.slice(5, 7)))
    } else if (precision === 'year') {
      start = `${date.slice(0, 4)}-01-01`
      end = `${date.slice(0, 4)}-12-31`
    } else if (precision === 'week') {
      start = addDays(date, -3)
      end = addDays(date, 3)
    }
    if (r.end) end = isoDay(r.end.date())
    out.push({
      start: r.index,
      end: r.index + t.length,
      text: t,
      span: span(start, end, precision),
      priority: 1,
    })
  }
  return out
}

function yearCandidates(text: string, pub: string): Candidate[] {
  const out: Candidate[] = []
  const re =
    /\b(?:(since|until|till|by|before|after|in|during|from|early|late|mid-?)\s+)?((?:19|20)\d{2})\b(?![,.]?\d)/gi
  for (const m of text.matchAll(re)) {
    const year = m[2]
    const word = m[1]?.toLowerCase()
    let s = `${year}-01-01`
    let e = `${year}-12-31`
    if (word === 'since' || word === 'from' || word === 'after') e = pub.slice(0, 10)
    if (word === 'early') e = `${year}-04-30`
    if (word === 'late') s = `${year}-09-01`
    if (word?.startsWith('mid')) {
      s = `${year}-05-01`
      e = `${year}-08-31`
    }
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      text: m[0],
      span: span(s, e, 'year'),
      priority: 2,
    })
  }
  return out
}

function seasonCandidates(text: string, pub: string): Candidate[] {
  const out: Candidate[] = []
  const names = '(spring|summer|autumn|fall|winter)'
  const re = new RegExp(
    `\\b(?:(this|last|next|the)\\s+)?${names}(?:\\s+and\\s+(?:the\\s+)?${names})?(?:\\s+of\\s+((?:19|20)\\d{2}))?\\b`,
    'gi',
  )
  const pubYear = Number(pub.slice(0, 4))
  const pubMonth = Number(pub.slice(5, 7))
  for (const m of text.matchAll(re)) {
    const [whole, det, first, second, yearText] = m
    if (!yearText && !det) continue
    let year = yearText ? Number(yearText) : pubYear
    if (!yearText) {
      const startMonth = SEASONS[first.toLowerCase()][0]
      if (det?.toLowerCase() === 'last' || (startMonth > pubMonth && !isFuture(text, m.index)))
        year -= 1
      if (det?.toLowerCase() === 'next') year += 1
    }
    out.push({
      start: m.index,
      end: m.index + whole.length,
      text: whole,
      span: seasonSpan(year, first, second ?? first),
      priority: 3,
    })
  }
  return out
}

function partOfMonthCandidates(text: string, pub: string): Candidate[] {
  const out: Candidate[] = []
  const part = '(early|mid|late)'
  const re = new RegExp(
    `\\b${part}(?:-|\\s+)(?:(?:and|or|to)\\s+${part}(?:-|\\s+))?${MONTH}(?:,?\\s+((?:19|20)\\d{2}))?\\b`,
    'gi',
  )
  const bounds: Record<string, [number, number]> = { early: [1, 10], mid: [11, 20], late: [21, 31] }
  for (const m of text.matchAll(re)) {
    const [whole, p1, p2, monthName, yearText] = m
    const month = monthNumber(monthName)
    if (!month) continue
    let year = yearText ? Number(yearText) : Number(pub.slice(0, 4))
    const first = `${year}-${String(month).padStart(2, '0')}-01`
    if (!yearText && first > pub.slice(0, 10) && !isFuture(text, m.index)) year -= 1
    const mm = String(month).padStart(2, '0')
    const last = lastDayOfMonth(year, month)
    const a = bounds[p1.toLowerCase()][0]
    const b = Math.min(bounds[(p2 ?? p1).toLowerCase()][1], Number(last.slice(8)))
    out.push({
      start: m.index,
      end: m.index + whole.length,
      text: whole,
      span: span(
        `${year}-${mm}-${String(a).padStart(2, '0')}`,
        `${year}-${mm}-${String(b).padStart(2, '0')}`,
        'month',
      ),
      priority: 3,
    })
  }
  return out
}

function decadeCandidates(text: string): Candidate[] {
  const out: Candidate[] = []
  for (const m of text.matchAll(/\b(?:the\s+)?((?:19|20)\d0)s\b/gi)) {
    const y = Number(m[1])
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      text: m[0],
      span: span(`${y}-01-01`, `${y + 9}-12-31`, 'decade'),
      priority: 3,
    })
  }
  return out
}

function durationCandidates(text: string, pub: string): Candidate[] {
  const out: Candidate[] = []
  const re =
    /\bfor\s+(?:(more than|over|nearly|almost|about)\s+)?(a|one|two|three|four|five|six|seven|eight|nine|ten|several|many|\d+)?\s*(years?|months?)\b/gi
  const day = pub.slice(0, 10)
  for (const m of text.matchAll(re)) {
    const n = m[2] ? (NUMBER_WORDS[m[2].toLowerCase()] ?? Number(m[2])) : 2
    const unitYears = /^year/i.test(m[3])
    const start = unitYears ? addYears(day, -n) : addDays(day, -30 * n)
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      text: m[0],
      span: span(start, day, unitYears ? 'year' : 'month'),
      priority: 2,
    })
  }
  return out
}

/** Keeps the best of overlapping candidates: longer text, then higher priority. */
function dropOverlaps(candidates: Candidate[]): Candidate[] {
  const sorted = [...candidates].sort(
    (a, b) => b.end - b.start - (a.end - a.start) || b.priority - a.priority || a.start - b.start,
  )
  const kept: Candidate[] = []
  for (const c of sorted) {
    if (kept.some((k) => c.start < k.end && k.start < c.end)) continue
    kept.push(c)
  }
  return kept.sort((a, b) => a.start - b.start)
}

/** Recognises and resolves every time expression in `text` against the publication date. */
export function recogniseTimes(text: string, context: TimeContext): TimeMention[] {
  const pub = context.published.slice(0, 10)
  const candidates = [
    ...chronoCandidates(text, pub),
    ...yearCandidates(text, pub),
    ...seasonCandidates(text, pub),
    ...partOfMonthCandidates(text, pub),
    ...durationCandidates(text, pub),
    ...decadeCandidates(text),
  ]
  return dropOverlaps(candidates).map((c) => ({
    kind: 'time',
    text: c.text,
    start: c.start,
    end: c.end,
    span: { ...c.span, certainty: 'stated', text: c.text, offset: [c.start, c.end] },
  }))
}

/** The fallback time of an event the text does not date: the publication day. */
export function publicationSpan(published: string): TimeSpan {
  const day = published.slice(0, 10)
  return { start: day, end: day, precision: 'day', certainty: 'publication' }
}
