/** Parsers for periods longer than a month: years, decades, centuries, seasons, quarters and halves. */
import { candidate, type Candidate, type Reading } from './candidate.js'
import { ordinalValue, SEASON_RE } from './lexicon.js'
import {
  centurySpan,
  decadeSpan,
  halfSpan,
  quarterSpan,
  seasonSpan,
  seasonStartMonth,
  yearSpan,
} from './spans.js'
import { isFuture } from './tense.js'

const YEAR =
  /(?<![$€£#\d.,/:-]|\d[.,])\b(1[5-9]\d{2}|20\d{2})(s?)\b(?![.,:/]\d|\s*(?:%|per\s?cent))/g
/** Words after a number that make it a count, not a year: "2000 troops", "1500 km". */
const COUNT_NOUN =
  /^\s+(people|persons|troops|soldiers|fighters|militants|civilians|refugees|migrants|families|trucks|lorries|vehicles|tons|tonnes|barrels|km|kilometres|kilometers|miles|metres|meters|feet|dollars|euros|pounds|members|men|women|children|votes|cases|deaths|dead|units|workers|jobs|residents|homes|houses|rockets|missiles|shells|drones|strikes|sorties|prisoners|detainees|hours|calories|BC|AD)\b/
/** Words before a number that make it a code or a count: "Resolution 2254", "No. 1990", "route 2010". */
const CODE_BEFORE =
  /(\b(resolution|no|number|route|highway|road|flight|article|code|model|room|page|pp?|more than|less than|fewer than)\.?|#)\s*$/i
const YEAR_RANGE = /\b(1[5-9]\d{2}|20\d{2})\s*[-–—/]\s*(\d{4}|\d{2})\b(?![.,:/]\d)/g
const DECADE = /\b(?:the\s+)?(?:(1[5-9]\d0|20\d0)s|'(\d0)s)\b/g
const CENTURY =
  /\b(?:the\s+)?(\d{1,2}(?:st|nd|rd|th)|nineteenth|twentieth|twenty[- ]first)[- ]century\b/gi
const SEASON = new RegExp(
  `\\b(?:(this|last|next|the|this past|this coming)\\s+)?${SEASON_RE}(?:\\s+(?:and|or|to|through)\\s+(?:the\\s+)?${SEASON_RE})?(?:\\s+(?:of\\s+)?((?:1[5-9]|20)\\d{2}))?\\b`,
  'gi',
)
const QUARTER =
  /\b(?:the\s+)?(first|second|third|fourth|final|last|1st|2nd|3rd|4th)\s+(quarter|half)(?:\s+of)?\s+((?:19|20)\d{2})\b|\b(Q[1-4]|H[12])\s*((?:19|20)\d{2})\b/gi

/** Years written as numbers ("in 2014", "2009-2010", "1957-58"), never counts, codes or money. */
export function parseYears(r: Reading): Candidate[] {
  const out: Candidate[] = []
  const pubYear = Number(r.pub.slice(0, 4))
  const ranged = new Set<number>()
  for (const m of r.text.matchAll(YEAR_RANGE)) {
    const a = Number(m[1])
    const tail = m[2]
    const b = tail.length === 2 ? Math.floor(a / 100) * 100 + Number(tail) : Number(tail)
    if (b <= a || b - a > 50 || b > pubYear + 30) continue
    const second = m.index + m[0].length - tail.length
    out.push(candidate(m.index, m.index + 4, 'DATE', yearSpan(a), 3))
    out.push(candidate(second, second + tail.length, 'DATE', yearSpan(b), 3))
    ranged.add(m.index)
  }
  for (const m of r.text.matchAll(YEAR)) {
    if (m[2] || ranged.has(m.index)) continue
    const year = Number(m[1])
    if (year > pubYear + 30 || year < 1800) continue
    const after = r.text.slice(m.index + 4, m.index + 24)
    const before = r.text.slice(Math.max(0, m.index - 16), m.index)
    if (COUNT_NOUN.test(after)) continue
    if (CODE_BEFORE.test(before)) continue
    // "resolution 2533 (2020)", "Law No. 10 (2018)": the year a document is cited by.
    if (
      /\b(?:resolutions?|law|decree|act|no\.?)\s+[\d/.-]+\s*\($/i.test(
        r.text.slice(Math.max(0, m.index - 30), m.index),
      )
    )
      continue
    out.push(candidate(m.index, m.index + 4, 'DATE', yearSpan(year), 2))
  }
  return out
}

/** Decades ("the 1990s", "the '80s") and centuries ("the 20th century"). */
export function parseDecadesAndCenturies(r: Reading): Candidate[] {
  const out: Candidate[] = []
  for (const m of r.text.matchAll(DECADE)) {
    const first = m[1] ? Number(m[1]) : 1900 + Number(m[2])
    out.push(candidate(m.index, m.index + m[0].length, 'DATE', decadeSpan(first), 3))
  }
  for (const m of r.text.matchAll(CENTURY)) {
    const ordinal = ordinalValue(m[1].replace(/\s/, '-'))
    if (!ordinal || ordinal > 21) continue
    out.push(candidate(m.index, m.index + m[0].length, 'DATE', centurySpan(ordinal), 3))
  }
  return out
}

/** Seasons with a year or a determiner: "the summer of 2018", "last summer", "summer and fall of 2019". */
export function parseSeasons(r: Reading): Candidate[] {
  const out: Candidate[] = []
  const pubYear = Number(r.pub.slice(0, 4))
  const pubMonth = Number(r.pub.slice(5, 7))
  for (const m of r.text.matchAll(SEASON)) {
    const [whole, det, first, second, yearText] = m
    const d = det?.toLowerCase()
    const before = r.text.slice(Math.max(0, m.index - 12), m.index)
    if (!yearText && !d && !/\b(in|during|this|last|next|by|since|until|over)\s+$/i.test(before))
      continue
    if (/^[A-Z]/.test(first) && /[A-Z]\w*\s+$/.test(before)) continue
    if (
      !yearText &&
      first.toLowerCase() === 'fall' &&
      /\s+of\b/.test(r.text.slice(m.index + whole.length, m.index + whole.length + 4))
    )
      continue
    let year = yearText ? Number(yearText) : pubYear
    if (!yearText) {
      const startMonth = seasonStartMonth(first)
      const inWinter = startMonth === 12 && pubMonth <= 2
      if (inWinter) year -= 1
      const started = inWinter || startMonth <= pubMonth
      const ended = !inWinter && startMonth !== 12 && pubMonth > startMonth + 2
      if (d === 'last' || d === 'this past') year -= ended ? 0 : 1
      else if (d === 'next' || d === 'this coming') year += started ? 1 : 0
      else if (!started && !isFuture(r.text, m.index)) year -= 1
    }
    const value = seasonSpan(year, first, second ?? first)
    if (!yearText) value.anchor = { kind: 'publication', value: r.pub }
    out.push(candidate(m.index, m.index + whole.length, 'DATE', value, 3))
  }
  return out
}

/** Quarters and halves of a year: "the third quarter of 2019", "Q3 2019", "the first half of 2020". */
export function parseQuarters(r: Reading): Candidate[] {
  const out: Candidate[] = []
  for (const m of r.text.matchAll(QUARTER)) {
    const [whole, ordinalText, kind, yearText, code, codeYear] = m
    if (code) {
      const n = Number(code[1])
      const y = Number(codeYear)
      const value = code[0].toUpperCase() === 'Q' ? quarterSpan(y, n) : halfSpan(y, n)
      out.push(candidate(m.index, m.index + whole.length, 'DATE', value, 3))
      continue
    }
    const n = ordinalValue(ordinalText) ?? 0
    const y = Number(yearText)
    if (kind.toLowerCase() === 'half') {
      if (n < 1 || n > 2) continue
      out.push(candidate(m.index, m.index + whole.length, 'DATE', halfSpan(y, n), 3))
    } else if (n >= 1 && n <= 4) {
      out.push(candidate(m.index, m.index + whole.length, 'DATE', quarterSpan(y, n), 3))
    }
  }
  return out
}
