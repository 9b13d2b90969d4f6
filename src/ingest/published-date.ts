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
 * Reads a dateline such as "September 30, 2019 19:03", "30 September 2019" or
 * "Published: 2019-10-01 08:15 UTC" from the start of a line.
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
    /^(\d{1,2})\s+([A-Za-z]+)\.?,?\s+(\d{4})(?:[,\s]+(?:at\s+)?(\d{1,2}):(\d{2})\s*(am|pm)?(?:\s*(UTC|GMT|Z))?)?\.?$/i,
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

/** Looks for a /2019/09/30/ style date in a URL path. */
export function dateFromUrl(url: string | null | undefined): string | null {
  const m = url?.match(/\/(20\d{2}|19\d{2})[/-](\d{2})[/-](\d{2})(?:\/|$|[-_])/)
  return m ? normaliseIsoDate(`${m[1]}-${m[2]}-${m[3]}`) : null
}
