import type { EventType, Modality, SiteStatus } from '../../src/model/index.js'

const EVENT_TYPE_LABELS: Record<EventType, string> = {
  'crossing-opened': 'Crossing opened',
  'crossing-closed': 'Crossing closed',
  'control-taken': 'Control taken',
  airstrike: 'Airstrike',
  shelling: 'Shelling',
  clash: 'Clash',
  deployment: 'Deployment',
  construction: 'Construction',
  threat: 'Threat',
  statement: 'Statement',
  sanction: 'Sanction',
  agreement: 'Agreement',
}

const SITE_STATUS_LABELS: Record<SiteStatus, string> = {
  open: 'Open',
  restricted: 'Restricted',
  closed: 'Closed',
  seized: 'Seized',
  handover: 'Handover',
  'planned-open': 'Opening announced',
  'planned-close': 'Closure announced',
  unknown: 'Unknown',
}

/** Display name of an event type ("Crossing opened"). */
export function eventTypeLabel(type: EventType): string {
  return EVENT_TYPE_LABELS[type] ?? type
}

/** Display name of a crossing status ("Restricted"). */
export function siteStatusLabel(status: SiteStatus): string {
  return SITE_STATUS_LABELS[status] ?? status
}

/** Badge text for a modality, or `null` for plain assertions that need no badge. */
export function modalityLabel(modality: Modality): string | null {
  return modality === 'asserted' ? null : modality
}

/** Every event type, in the order the filters list them. */
export const EVENT_TYPES = Object.keys(EVENT_TYPE_LABELS) as EventType[]

/** Every status a site can be set to, in label order (`unknown` is what no fact says). */
export const SITE_STATUSES = (Object.keys(SITE_STATUS_LABELS) as SiteStatus[]).filter(
  (s) => s !== 'unknown',
)

/** Every modality, in the order the filters list them. */
export const MODALITIES: Modality[] = [
  'asserted',
  'reported',
  'claimed',
  'alleged',
  'denied',
  'negated',
  'planned',
  'hypothetical',
  'background',
]
