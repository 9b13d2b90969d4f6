/** Finds when an article was published, and says how: JSON-LD, meta tags, <time>, URL or dateline. */
import type { DateStrategy } from '../model/index.js'
import { monthNumber } from '../time/calendar.js'

/** A publication date-time as found, kept in the text's own form (ISO 8601, offset when stated). */
export interface FoundDate {
  value: string
  strategy: DateStrategy
}

function pad(n: number): string {
  return String(n).padStart(2, '0')
}

/** Normalises an ISO-like date string; null when it is not one. */
export function normaliseIsoDate(raw: string): string | null {
  const m = raw
    .trim()
    .match(
      /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|UTC|[+-]\d{2}:?\d{2})?)?$/i,
    )
  if (!m) return null
  const [, y, mo, d, h, mi, s, zone] = m
  if (Number(mo) < 1 || Number(mo) > 12 || Number(d) < 1 || Number(d) > 31) return null
  if (!h) return `${y}-${mo}-${d}`
  const z = !zone
    ? ''
    : /^(z|utc)$/i.test(zone)
      ? 'Z'
      : zone.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2')
  return `${y}-${mo}-${d}T${h}:${mi}${s ? `:${s}` : ''}${z}`
}

/**
 * Reads a dateline such as "September 30, 2019 19:03", "30 September 2019", "30. September 2019"
 * or "Published: 2019-10-01 08:15 UTC" from the start of a line.
 */
export function parseDateline(line: string): string | null {
  const text = line
    .trim()
    .replace(/^(published|updated|posted|date|written)(\s+on)?\s*:?\s*/i, '')
    .replace(/^[A-Z][a-z]+day,?\s+/, '')
  const iso = normaliseIsoDate(text)
  if (iso) return iso
  const numeric = text.match(/^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:,?\s+(\d{1,2}):(\d{2}))?$/)
  if (numeric) {
    const [, d, m, y, h, mi] = numeric
    const date = normaliseIsoDate(`${y}-${pad(Number(m))}-${pad(Number(d))}`)
    return date && h ? `${date}T${pad(Number(h))}:${mi}` : date
  }
  const monthFirst = text.match(
    /^([A-Za-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})(?:[,\s]+(?:at\s+)?(\d{1,2}):(\d{2})\s*(am|pm)?(?:\s*(UTC|GMT|Z))?)?\.?$/i,
  )
  const dayFirst = text.match(
    /^(\d{1,2})\.?\s+([A-Za-z]+)\.?,?\s+(\d{4})(?:[,\s]+(?:at\s+)?(\d{1,2}):(\d{2})\s*(am|pm)?(?:\s*(UTC|GMT|Z))?)?\.?$/i,
  )
  const parts = monthFirst
    ? { month: monthFirst[1], day: monthFirst[2], rest: monthFirst.slice(3) }
    : dayFirst
      ? { month: dayFirst[2], day: dayFirst[1], rest: dayFirst.slice(3) }
      : null
  if (!parts) return null
  const month = monthNumber(parts.month) - 1
  if (month < 0) return null
  const [year, hour, minute, ampm, zone] = parts.rest
  const day = Number(parts.day)
  if (day < 1 || day > 31) return null
  const date = `${year}-${pad(month + 1)}-${pad(day)}`
  if (!hour) return date
  let h = Number(hour)
  if (ampm?.toLowerCase() === 'pm' && h < 12) h += 12
  if (ampm?.toLowerCase() === 'am' && h === 12) h = 0
  return `${date}T${pad(h)}:${minute}${zone ? 'Z' : ''}`
}

/** Looks for a /2019/09/30/ or /2020/oct/02/ style date in a URL path. */
export function dateFromUrl(url: string | null | undefined): string | null {
  const m = url?.match(/\/(20\d{2}|19\d{2})[/-](\d{2})[/-](\d{2})(?:\/|$|[-_])/)
  if (m) return normaliseIsoDate(`${m[1]}-${m[2]}-${m[3]}`)
  const named = url?.match(
    /\/(20\d{2}|19\d{2})\/(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\/(\d{2})\//i,
  )
  return named ? normaliseIsoDate(`${named[1]}-${pad(monthNumber(named[2]))}-${named[3]}`) : null
}

/** Offsets of time zone abbreviations that name one zone only (ET, IST, AST are ambiguous). */
const ZONE_OFFSETS: Record<string, string> = {
  utc: 'Z',
  gmt: 'Z',
  z: 'Z',
  est: '-05:00',
  edt: '-04:00',
  cst: '-06:00',
  cdt: '-05:00',
  mst: '-07:00',
  mdt: '-06:00',
  pst: '-08:00',
  pdt: '-07:00',
  bst: '+01:00',
  cet: '+01:00',
  cest: '+02:00',
  eet: '+02:00',
  eest: '+03:00',
  msk: '+03:00',
  hkt: '+08:00',
  sgt: '+08:00',
  jst: '+09:00',
  kst: '+09:00',
  aest: '+10:00',
  aedt: '+11:00',
}

/** A written offset or zone name as `Z` or `±HH:MM`; null when it names no single zone. */
function zoneOffset(raw: string | undefined): string | null {
  if (!raw) return null
  const zone = raw.trim().toLowerCase()
  const named = ZONE_OFFSETS[zone]
  if (named) return named
  const m = zone.match(/^(?:gmt|utc)?\s*([+-])(\d{1,2}):?(\d{2})?$/)
  if (!m) return null
  const [, sign, h, mi] = m
  if (Number(h) > 14) return null
  return `${sign}${pad(Number(h))}:${mi ?? '00'}`
}

function clock(hour: string, minute: string, second: string | undefined, ampm?: string): string {
  let h = Number(hour)
  const half = ampm?.toLowerCase().replace(/\./g, '')
  if (half === 'pm' && h < 12) h += 12
  if (half === 'am' && h === 12) h = 0
  return `${pad(h)}:${minute}${second ? `:${second}` : ''}`
}

const MONTH = '(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?'
const TIME_AFTER =
  '(?:[,\\s|@-]*(?:at\\s+)?(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s*([ap]\\.?m\\.?)?(?:\\s*\\(?(utc|gmt|z|[a-z]{2,4}t|[+-]\\d{2}:?\\d{2})\\)?(?![a-z]))?)?'
const MONTH_FIRST = new RegExp(
  `\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+((?:19|20)\\d{2})\\b${TIME_AFTER}`,
  'i',
)
/** "30 September 2019", "30th of Sept. 2019", and the German-style "30. September 2019". */
const DAY_FIRST = new RegExp(
  `\\b(\\d{1,2})(?:st|nd|rd|th|\\.)?\\s+(?:of\\s+)?${MONTH},?\\s+((?:19|20)\\d{2})\\b${TIME_AFTER}`,
  'i',
)
const ISO_IN_TEXT = new RegExp(
  `\\b((?:19|20)\\d{2})-(\\d{2})-(\\d{2})(?:[T\\s]+(\\d{2}):(\\d{2})(?::(\\d{2}))?(?:\\.\\d+)?\\s*(z|utc|gmt|[+-]\\d{2}:?\\d{2})?)?\\b`,
  'i',
)
const NUMERIC = new RegExp(`\\b(\\d{1,2})([/.])(\\d{1,2})\\2((?:19|20)\\d{2})\\b${TIME_AFTER}`, 'i')

function assemble(
  year: string,
  month: number,
  day: number,
  time?: { hour?: string; minute?: string; second?: string; ampm?: string; zone?: string },
): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null
  const date = `${year}-${pad(month)}-${pad(day)}`
  if (!time?.hour || !time.minute || Number(time.hour) > 23) return date
  const zone = zoneOffset(time.zone)
  return `${date}T${clock(time.hour, time.minute, time.second, time.ampm)}${zone ?? ''}`
}

/**
 * The first date written in a short text ("Posted on May 10, 2022 01:52 PM", "Written:
 * 2023-11-07 15:03:30", "19.10.2019"), with its time of day and zone when given. Numeric dates
 * with a slash are read day-first only when `dayFirst` says the page's locale writes them so, or
 * when the numbers leave no choice.
 */
export function findDateInText(text: string, dayFirst = false): string | null {
  const found: { at: number; value: string | null }[] = []
  const iso = text.match(ISO_IN_TEXT)
  if (iso) {
    const [, y, mo, d, h, mi, s, z] = iso
    found.push({
      at: iso.index!,
      value: assemble(y, Number(mo), Number(d), { hour: h, minute: mi, second: s, zone: z }),
    })
  }
  const mf = text.match(MONTH_FIRST)
  if (mf) {
    const [, mon, d, y, h, mi, s, ampm, z] = mf
    const time = { hour: h, minute: mi, second: s, ampm, zone: z }
    found.push({ at: mf.index!, value: assemble(y, monthNumber(mon), Number(d), time) })
  }
  const df = text.match(DAY_FIRST)
  if (df) {
    const [, d, mon, y, h, mi, s, ampm, z] = df
    const time = { hour: h, minute: mi, second: s, ampm, zone: z }
    found.push({ at: df.index!, value: assemble(y, monthNumber(mon), Number(d), time) })
  }
  const num = text.match(NUMERIC)
  if (num) {
    const [, a, sep, b, y, h, mi, s, ampm, z] = num
    const first = Number(a)
    const second = Number(b)
    const byDay = first > 12 || (second <= 12 && (sep === '.' || dayFirst))
    const time = { hour: h, minute: mi, second: s, ampm, zone: z }
    found.push({
      at: num.index!,
      value: byDay ? assemble(y, second, first, time) : assemble(y, first, second, time),
    })
  }
  const first = found.filter((f) => f.value !== null).sort((a, b) => a.at - b.at)[0]
  return first?.value ?? null
}

/**
 * Reads a machine-written date (a meta tag, JSON-LD, a datetime attribute): ISO 8601, RFC 2822
 * ("Sat, 19 Oct 2019 00:04:00 +0200") or JavaScript's Date string, keeping the stated offset.
 */
export function parseMachineDate(raw: string): string | null {
  const iso = normaliseIsoDate(raw)
  if (iso) return iso
  const text = raw.trim()
  if (text.length > 80) return null
  const rfc = text.match(
    /^(?:[a-z]{3},?\s+)?(\d{1,2})\s+([a-z]{3})[a-z]*\s+(\d{4})\s+(\d{2}):(\d{2})(?::(\d{2}))?\s*(gmt|utc|z|[a-z]{3,4}|[+-]\d{4})?$/i,
  )
  if (rfc) {
    const [, d, mon, y, h, mi, s, z] = rfc
    const zone = zoneOffset(z)
    const date = assemble(y, monthNumber(mon), Number(d))
    return date && `${date}T${h}:${mi}${s ? `:${s}` : ''}${zone ?? ''}`
  }
  const js = text.match(
    /^[a-z]{3}\s+([a-z]{3})\s+(\d{1,2})\s+(\d{4})\s+(\d{2}):(\d{2}):(\d{2})\s+gmt([+-]\d{4})/i,
  )
  if (js) {
    const [, mon, d, y, h, mi, s, z] = js
    const date = assemble(y, monthNumber(mon), Number(d))
    return date && `${date}T${h}:${mi}:${s}${zoneOffset(z) ?? ''}`
  }
  return findDateInText(text)
}

/** How precise a publication value is, and the time zone it states (`Z` or `±HH:MM`). */
export interface DateDetails {
  precision: 'instant' | 'day'
  timezone: string | null
}

/** Reads the precision and the stated time zone off a publication value. */
export function dateDetails(value: string): DateDetails {
  const zone = value.match(/T[\d:.]+(Z|[+-]\d{2}:\d{2})$/)
  return { precision: value.includes('T') ? 'instant' : 'day', timezone: zone ? zone[1] : null }
}
