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

/** Adds days (negative to go back) to an ISO date. */
export function addDays(iso: string, days: number): string {
  const d = dayOf(iso)
  d.setUTCDate(d.getUTCDate() + days)
  return isoDay(d)
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
