/**
 * Weighs a page's publication-date signals against each other. Signals vote for the local day
 * they support; a UTC instant also supports the neighbouring day its local time may fall on, so
 * that "2020-02-25T02:25Z" agrees with a URL dated 2020/02/24. The day with most support wins,
 * and its most precise consistent value is reported: a local time written on the page plus a UTC
 * instant of the same minute give the page's own offset.
 */
import type { FoundDate } from './published-date.js'

/** One publication-date signal and how much its word counts. */
export interface DateSignal extends FoundDate {
  weight: number
}

interface Reading {
  signal: DateSignal
  day: string
  /** Minutes since the day's midnight, when a time of day is given. */
  minutes: number | null
  /** Offset from UTC in minutes when stated; null for a local time or a bare day. */
  offset: number | null
}

function read(signal: DateSignal): Reading | null {
  const m = signal.value.match(
    /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?(Z|([+-])(\d{2}):(\d{2}))?)?/,
  )
  if (!m) return null
  const [, day, h, mi, , zone, sign, oh, om] = m
  const offset = !zone
    ? null
    : zone === 'Z'
      ? 0
      : (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om))
  return { signal, day, minutes: h ? Number(h) * 60 + Number(mi) : null, offset }
}

function shiftDay(day: string, by: number): string {
  const d = new Date(`${day}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + by)
  return d.toISOString().slice(0, 10)
}

/**
 * The local days a reading can stand for. A stated non-zero offset fixes the day; a UTC
 * instant may be the day before (zones down to UTC-12) or after (up to UTC+14).
 */
function daysOf(r: Reading): { exact: string; nearby: string[] } {
  if (r.offset !== 0 || r.minutes === null) return { exact: r.day, nearby: [] }
  const nearby: string[] = []
  if (r.minutes < 12 * 60) nearby.push(shiftDay(r.day, -1))
  if (r.minutes >= 10 * 60) nearby.push(shiftDay(r.day, 1))
  return { exact: r.day, nearby }
}

function pad(n: number): string {
  return String(n).padStart(2, '0')
}

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+'
  const abs = Math.abs(minutes)
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
}

/** Minutes since the epoch of a reading's local clock (offset ignored). */
function clockMinutes(r: Reading): number {
  return Date.parse(`${r.day}T00:00:00Z`) / 60_000 + (r.minutes ?? 0)
}

/**
 * The local time of `local` with the offset a UTC `instant` of the same minute implies, when the
 * two are plausibly one moment (a whole quarter-hour apart, at most 14 hours).
 */
function withOffset(local: Reading, instant: Reading): string | null {
  const diff = clockMinutes(local) - (clockMinutes(instant) - instant.offset!)
  if (diff % 15 !== 0 || Math.abs(diff) > 14 * 60) return null
  const seconds = instant.signal.value.match(/T\d{2}:\d{2}(:\d{2})/)?.[1]
  const clock = local.signal.value.slice(11, 16)
  const sameSeconds = local.signal.value.slice(16, 19)
  return `${local.day}T${clock}${sameSeconds || seconds || ''}${formatOffset(diff)}`
}

/** The publication date the signals agree on, or null when there are none. */
export function resolveDate(signals: DateSignal[]): FoundDate | null {
  const readings = signals.map(read).filter((r): r is Reading => r !== null)
  if (!readings.length) return null
  const support = new Map<string, { all: number; exact: number; first: number }>()
  readings.forEach((r, i) => {
    const { exact, nearby } = daysOf(r)
    for (const day of [exact, ...nearby]) {
      const s = support.get(day) ?? { all: 0, exact: 0, first: i }
      // A UTC instant only may fall on a neighbouring local day: half a vote there.
      s.all += day === exact ? r.signal.weight : r.signal.weight / 2
      if (day === exact) s.exact += r.signal.weight
      s.first = Math.min(s.first, day === exact ? i : readings.length + i)
      support.set(day, s)
    }
  })
  const [day] = [...support.entries()].sort(
    ([, a], [, b]) => b.all - a.all || b.exact - a.exact || a.first - b.first,
  )[0]
  const onDay = readings.filter((r) => r.day === day)
  const timed = onDay.filter((r) => r.minutes !== null)
  // A stated offset on the winning day says most.
  const stated = timed.find((r) => r.offset !== null && r.offset !== 0)
  if (stated) return stated.signal
  const local = timed.find((r) => r.offset === null)
  const instants = readings.filter((r) => r.offset === 0 && r.minutes !== null)
  if (local) {
    for (const instant of instants) {
      const value = withOffset(local, instant)
      if (value) return { value, strategy: local.signal.strategy }
    }
  }
  const utc = timed.find((r) => r.offset === 0)
  if (utc) return utc.signal
  if (local) return local.signal
  if (onDay.length) return onDay[0].signal
  // Only instants support this day from the neighbouring UTC day: the day is what is known.
  const from = readings.find((r) => daysOf(r).nearby.includes(day))!
  return { value: day, strategy: from.signal.strategy }
}
