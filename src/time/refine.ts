/**
 * Refiners: rules that settle the parsers' proposals against each other and the text around them —
 * overlaps, "early/mid/late" modifiers, a clock time joined to its day, "since"/"until", and times
 * counted from an earlier one.
 */
import { PRECISION_RANK as RANK, type TimePrecision } from '../model/index.js'
import type { Candidate, Reading } from './candidate.js'
import { partOf, type Resolved } from './spans.js'
import { shift, unitSpan } from './parse-relative.js'
import type { Unit } from './lexicon.js'

/** Keeps the best of overlapping candidates: longer text first, then higher priority. */
export function dropOverlaps(candidates: Candidate[]): Candidate[] {
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

const PART_BEFORE =
  /(?:\b(early|mid|late)(?:\s+in)?(?:-|\s+)|\b(?:the\s+)?(beginning|start|middle|end|turn|close)\s+of\s+(?:the\s+)?)$/i
const COORDINATED_PART = /\b(early|mid|late)(?:-|\s+)(?:and|or|to)\s+$/i
const PARTABLE = new Set<TimePrecision>([
  'week',
  'month',
  'season',
  'quarter',
  'year',
  'decade',
  'century',
])

function partCode(word: string): 'START' | 'MID' | 'END' {
  const w = word.toLowerCase()
  if (w === 'early' || w === 'beginning' || w === 'start') return 'START'
  if (w === 'mid' || w === 'middle') return 'MID'
  return 'END'
}

/** "early December", "late last July", "the end of year", and "mid and late September" as two times. */
export function refineParts(r: Reading, kept: Candidate[]): Candidate[] {
  const out: Candidate[] = []
  for (const c of kept) {
    if (c.type !== 'DATE' || !PARTABLE.has(c.value.precision) || c.value.start === null) {
      out.push(c)
      continue
    }
    const windowStart = Math.max(0, c.start - 24)
    const part = PART_BEFORE.exec(r.text.slice(windowStart, c.start))
    if (!part) {
      out.push(c)
      continue
    }
    const word = part[1] ?? part[2]
    const base = c.value
    const start = windowStart + part.index
    const coordinated = COORDINATED_PART.exec(r.text.slice(Math.max(0, start - 16), start))
    if (coordinated) {
      const at = start - coordinated[0].length
      out.push({
        ...c,
        start: at,
        end: at + coordinated[1].length,
        value: partOf(base, partCode(coordinated[1])),
      })
    }
    out.push({ ...c, start, value: partOf(base, partCode(word)) })
  }
  return out.sort((a, b) => a.start - b.start)
}

const CLOCK_AFTER_DATE = /^,?\s*(?:at\s+|,\s*)?$/i
const DATE_AFTER_CLOCK = /^,?\s*(?:on\s+)?$/i

function isClock(c: Candidate): boolean {
  return (
    c.type === 'TIME' && c.value.precision === 'instant' && c.value.anchor?.kind === 'publication'
  )
}

function joinClock(day: Candidate, clock: Candidate): Resolved {
  const time = clock.value.start!.slice(10)
  const timexTime = clock.value.timex!.slice(10)
  const date = day.value.start!.slice(0, 10)
  const value: Resolved = {
    ...day.value,
    start: date + time,
    end: date + time,
    precision: 'instant',
    timex: date + timexTime,
  }
  if (clock.value.timezone) value.timezone = clock.value.timezone
  return value
}

/** Joins a clock time to the day written beside it: "September 30, 2019 19:03", "15:00 GMT Saturday". */
export function refineClockTimes(r: Reading, kept: Candidate[]): Candidate[] {
  const out: Candidate[] = []
  for (let i = 0; i < kept.length; i++) {
    const c = kept[i]
    const next = kept[i + 1]
    const dayLike = (x: Candidate | undefined) =>
      x !== undefined &&
      x.value.precision === 'day' &&
      x.value.start !== null &&
      x.type === 'DATE' &&
      x.value.timex !== 'PRESENT_REF'
    if (
      dayLike(c) &&
      next &&
      isClock(next) &&
      CLOCK_AFTER_DATE.test(r.text.slice(c.end, next.start))
    ) {
      out.push({ ...c, end: next.end, type: 'TIME', value: joinClock(c, next) })
      i++
    } else if (
      isClock(c) &&
      dayLike(next) &&
      DATE_AFTER_CLOCK.test(r.text.slice(c.end, next!.start))
    ) {
      out.push({ ...next!, start: c.start, type: 'TIME', value: joinClock(next!, c) })
      i++
    } else out.push(c)
  }
  return out
}

const SINCE = /\b(since|ever since)\s+$/i
const UNTIL = /\b(until|till|up to|up until)\s+$/i

/** "since 2014" runs up to publication (`open: 'end'`); "until 2017" from an unstated start (`open: 'start'`). */
export function refineSignals(r: Reading, kept: Candidate[]): Candidate[] {
  return kept.map((c) => {
    if (c.type !== 'DATE' || c.value.start === null || c.value.timex?.endsWith('_REF')) return c
    const before = r.text.slice(Math.max(0, c.start - 12), c.start)
    if (SINCE.test(before) && c.value.start <= r.pub) {
      return {
        ...c,
        value: { ...c.value, end: r.pub > (c.value.end ?? '') ? r.pub : c.value.end, open: 'end' },
      }
    }
    if (UNTIL.test(before)) return { ...c, value: { ...c.value, open: 'start' } }
    return c
  })
}

function rankOfUnit(unit: Unit): number {
  if (unit === 'weekend') return RANK.week
  if (unit === 'second' || unit === 'minute' || unit === 'hour') return RANK.instant
  return RANK[unit as TimePrecision]
}

/** A time an expression can be counted from: placed in time, and stated rather than a vague reference. */
function canAnchor(c: Candidate): boolean {
  return (
    (c.type === 'DATE' || c.type === 'TIME') &&
    c.value.start !== null &&
    c.value.end !== null &&
    !c.value.timex?.endsWith('_REF')
  )
}

/** The time a length is said to run from ("for a month from late December"), if any. */
function startsAt(text: string, c: Candidate, kept: Candidate[]): Candidate | undefined {
  return kept.find(
    (k) =>
      k.start > c.end &&
      k.start - c.end < 24 &&
      canAnchor(k) &&
      /^\s+(?:from|starting(?: on| in)?|beginning(?: on| in)?)\s+$/i.test(
        text.slice(c.end, k.start),
      ),
  )
}

function sentenceStart(text: string, offset: number): number {
  let i = offset
  while (i > 0 && !/[.!?\n]/.test(text[i - 1])) i--
  return i
}

function sentenceEnd(text: string, offset: number): number {
  let i = offset
  while (i < text.length && !/[.!?\n]/.test(text[i])) i++
  return i
}

/**
 * Resolves times counted from an earlier one ("the next day", "three days after") against the
 * nearest earlier time fine enough to count from, and lengths that run up to their sentence's time
 * ("closed for six years", "after a month of delays"); publication when the text gives none.
 */
export function refineAnchors(r: Reading, kept: Candidate[]): Candidate[] {
  const out: Candidate[] = []
  let last: Candidate | undefined
  for (const c of kept) {
    let next = c
    if (c.relative) {
      const { unit, amount } = c.relative
      const near = last && !r.text.slice(last.end, c.start).includes('\n')
      const usable =
        near && last && RANK[last.value.precision] <= rankOfUnit(unit) ? last : undefined
      const base = usable ? usable.value.start!.slice(0, 10) : r.pub
      const value: Resolved = {
        ...unitSpan(unit, shift(base, unit, amount)),
        certainty: 'inferred',
        anchor: usable
          ? { kind: 'mention', value: base, offset: [usable.start, usable.end] }
          : { kind: 'publication', value: r.pub },
      }
      if (c.type === 'TIME') value.timex = `${value.timex}T${c.value.timex?.split('T')[1] ?? ''}`
      next = { ...c, value }
    } else if (c.lengthBack && startsAt(r.text, c, kept)) {
      // "closed for almost a month from late December": the length starts at the time named.
      const begin = startsAt(r.text, c, kept) as Candidate
      const at = begin.value.start!.slice(0, 10)
      const end = shift(at, c.lengthBack.unit, Math.abs(c.lengthBack.amount))
      next = {
        ...c,
        value: {
          ...c.value,
          start: at,
          end,
          certainty: 'inferred',
          anchor: { kind: 'mention', value: at, offset: [begin.start, begin.end] },
        },
      }
    } else if (c.lengthBack) {
      const from = sentenceStart(r.text, c.start)
      const to = sentenceEnd(r.text, c.end)
      const inSentence = kept.filter(
        (k) =>
          k !== c &&
          canAnchor(k) &&
          k.start >= from &&
          k.end <= to &&
          RANK[k.value.precision] <= RANK.day,
      )
      const ref = inSentence.sort(
        (a, b) => Math.abs(a.start - c.start) - Math.abs(b.start - c.start),
      )[0]
      const at = ref ? ref.value.start!.slice(0, 10) : r.pub
      const other = shift(at, c.lengthBack.unit, -c.lengthBack.amount)
      next = {
        ...c,
        value: {
          ...c.value,
          start: other < at ? other : at,
          end: other < at ? at : other,
          certainty: 'inferred',
          anchor: ref
            ? { kind: 'mention', value: at, offset: [ref.start, ref.end] }
            : { kind: 'publication', value: r.pub },
        },
      }
    }
    out.push(next)
    if (canAnchor(next) && next.type !== 'DURATION') last = next
  }
  return out
}
