import type { EventType, SiteStatus } from '../../src/model/index.js'

/** Colour of event types without a colour of their own. */
export const OTHER_EVENT_COLOR = '#3b78c2'

/** Event types with a distinctive colour; every other type uses {@link OTHER_EVENT_COLOR}. */
export const EVENT_TYPE_COLORS: Partial<Record<EventType, string>> = {
  'crossing-opened': '#2f9e55',
  'crossing-closed': '#d1403a',
  'control-taken': '#8350b8',
  airstrike: '#e8861a',
  statement: '#8a9099',
}

/** Colours of crossing statuses. */
export const SITE_STATUS_COLORS: Record<SiteStatus, string> = {
  open: '#2f9e55',
  restricted: '#e0a526',
  closed: '#d1403a',
  seized: '#8350b8',
  handover: '#8350b8',
  'planned-open': '#9aa0a6',
  'planned-close': '#9aa0a6',
  unknown: '#9aa0a6',
}

/** The map and badge colour of an event type. */
export function eventTypeColor(type: EventType): string {
  return EVENT_TYPE_COLORS[type] ?? OTHER_EVENT_COLOR
}
