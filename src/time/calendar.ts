/** Calendar arithmetic on ISO dates (YYYY-MM-DD), done in UTC so no machine time zone leaks in. */

/** A calendar day as a UTC midnight Date. */
export function dayOf(iso: string): Date {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number)
  return new Date(Date.UTC(y, m - 1, d))
}

/** Formats a Date's UTC calendar day as YYYY-MM-DD. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10)
}

/** Sums already worked out by {@link addDays}: a report asks for the same few days again and again. */
const daySums = new Map<string, string>()
/** Most sums kept; the memo starts again when full, so memory stays bounded. */
const MAX_DAY_SUMS = 10_000

/** Adds days (negative to go back) to an ISO date. */
export function addDays(iso: string, days: number): string {
  const key = `${iso} ${days}`
  let sum = daySums.get(key)
  if (sum === undefined) {
    const d = dayOf(iso)
    d.setUTCDate(d.getUTCDate() + days)
    sum = isoDay(d)
    if (daySums.size >= MAX_DAY_SUMS) daySums.clear()
    daySums.set(key, sum)
  }
  return sum
}

/** Adds whole years to an ISO date. */
export function addYears(iso: string, years: number): string {
  const d = dayOf(iso)
  d.setUTCFullYear(d.getUTCFullYear() + years)
  return isoDay(d)
}

/** The last day of a month (month 1–12). */
export function lastDayOfMonth(year: number, month: number): string {
  return isoDay(new Date(Date.UTC(year, month, 0)))
}

/** Month names in English, January first. */
export const MONTH_NAMES = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
]

/** The month number (1–12) of an English month name or abbreviation, or 0. */
export function monthNumber(name: string): number {
  const n = name.toLowerCase().replace(/\.$/, '')
  if (n.length < 3) return 0
  return MONTH_NAMES.findIndex((m) => m.startsWith(n) && (n.length >= 3 || m === n)) + 1
}

/** Adds whole months to an ISO date, keeping the day within the target month. */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number)
  const index = y * 12 + (m - 1) + months
  const year = Math.floor(index / 12)
  const month = (index % 12) + 1
  const last = Number(lastDayOfMonth(year, month).slice(8))
  return `${pad(year, 4)}-${pad(month)}-${pad(Math.min(d, last))}`
}

/** Day of the week of an ISO date, Monday = 1 … Sunday = 7 (ISO 8601). */
export function isoWeekday(iso: string): number {
  return ((dayOf(iso).getUTCDay() + 6) % 7) + 1
}

/** The Monday that starts the ISO week of a date. */
export function weekStart(iso: string): string {
  return addDays(iso, 1 - isoWeekday(iso))
}

/** The ISO 8601 week of a date as `YYYY-Www`. */
export function isoWeek(iso: string): string {
  const thursday = addDays(iso, 4 - isoWeekday(iso))
  const year = Number(thursday.slice(0, 4))
  const week =
    Math.floor((dayOf(thursday).getTime() - dayOf(`${year}-01-01`).getTime()) / 864e5 / 7) + 1
  return `${year}-W${pad(week)}`
}

/** Whole days from `a` to `b` (negative when `b` is earlier). */
export function daysBetween(a: string, b: string): number {
  return Math.round((dayOf(b).getTime() - dayOf(a).getTime()) / 864e5)
}

/** Zero-pads a number: `pad(7)` → `07`. */
export function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0')
}
