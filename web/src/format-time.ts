import type { TimeSpan } from '../../src/model/index.js'

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const SEASONS = ['Winter', 'Spring', 'Summer', 'Autumn']

interface DateParts {
  year: number
  month: number
  day: number
  time: string | null
}

/** Reads `YYYY[-MM[-DD]][THH:MM…]` without time-zone shifts; `null` when it is not a date. */
function parseIsoDate(value: string): DateParts | null {
  const match = /^(-?\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ](\d{2}):(\d{2}))?)?)?/.exec(value)
  if (!match) return null
  return {
    year: Number(match[1]),
    month: match[2] ? Number(match[2]) : 1,
    day: match[3] ? Number(match[3]) : 1,
    time: match[4] && match[5] ? `${match[4]}:${match[5]}` : null,
  }
}

/** Formats a time span's start at its precision: "30 Sep 2019", "Sep 2019", "Q3 2019", "2014". */
export function formatTimeSpan(time: TimeSpan): string {
  const parts = parseIsoDate(time.start)
  if (!parts) return time.start
  const { year, month, day } = parts
  const monthName = MONTHS[month - 1] ?? ''
  switch (time.precision) {
    case 'instant':
      return parts.time
        ? `${day} ${monthName} ${year}, ${parts.time}`
        : `${day} ${monthName} ${year}`
    case 'day':
      return `${day} ${monthName} ${year}`
    case 'week':
      return `Week of ${day} ${monthName} ${year}`
    case 'month':
      return `${monthName} ${year}`
    case 'season':
      return `${SEASONS[Math.floor((month % 12) / 3)] ?? ''} ${year}`
    case 'quarter':
      return `Q${Math.floor((month - 1) / 3) + 1} ${year}`
    case 'year':
      return String(year)
    case 'decade':
      return `${Math.floor(year / 10) * 10}s`
    case 'century':
      return `${Math.floor((year - 1) / 100) + 1}th century`
  }
}

/** Formats an ISO date or date-time as a plain day ("30 Sep 2019"). */
export function formatDay(value: string): string {
  return formatTimeSpan({ start: value, end: value, precision: 'day', certainty: 'stated' })
}
