/** Events as CSV in ACLED-compatible columns (see docs/exports.md for the mapping). */
import type { ApiEvent, EventType } from '../model/index.js'

/** ACLED event type and sub-event type for each borderwatch type. */
const ACLED: Record<EventType, [string, string]> = {
  'crossing-opened': ['Strategic developments', 'Other'],
  'crossing-closed': ['Strategic developments', 'Other'],
  'control-taken': ['Strategic developments', 'Non-violent transfer of territory'],
  airstrike: ['Explosions/Remote violence', 'Air/drone strike'],
  shelling: ['Explosions/Remote violence', 'Shelling/artillery/missile attack'],
  clash: ['Battles', 'Armed clash'],
  deployment: ['Strategic developments', 'Headquarters or base established'],
  construction: ['Strategic developments', 'Headquarters or base established'],
  threat: ['Strategic developments', 'Other'],
  statement: ['Strategic developments', 'Other'],
  sanction: ['Strategic developments', 'Other'],
  agreement: ['Strategic developments', 'Agreement'],
}

/** ACLED time precision: 1 day, 2 week or a few days, 3 month or coarser. */
function timePrecision(p: string): number {
  return p === 'day' || p === 'instant' ? 1 : p === 'week' ? 2 : 3
}

/** ACLED geo precision: 1 the exact town, 2 near a town or a small region, 3 a larger region. */
function geoPrecision(p: string | undefined): number | '' {
  if (!p) return ''
  return p === 'site' || p === 'town' ? 1 : p === 'region' ? 2 : 3
}

const COLUMNS = [
  'event_id_cnty',
  'event_date',
  'year',
  'time_precision',
  'disorder_type',
  'event_type',
  'sub_event_type',
  'actor1',
  'actor2',
  'country',
  'location',
  'latitude',
  'longitude',
  'geo_precision',
  'source',
  'source_scale',
  'notes',
  'borderwatch_type',
  'modality',
  'site_id',
  'time_end',
  'url',
]

function cell(value: unknown): string {
  const s = value === null || value === undefined ? '' : String(value)
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

/** The CSV text, header first, one row per event. */
export function eventsToCsv(events: ApiEvent[]): string {
  const rows = events.map((e) => {
    const [eventType, subType] = ACLED[e.type]
    const actor = (role: string) =>
      e.actors
        .filter((a) => a.role === role)
        .map((a) => a.name)
        .join('; ')
    return [
      e.id,
      e.time.start,
      e.time.start.slice(0, 4),
      timePrecision(e.time.precision),
      eventType === 'Strategic developments' ? 'Strategic developments' : 'Political violence',
      eventType,
      subType,
      actor('actor'),
      actor('target'),
      e.place?.country ?? '',
      e.place?.name ?? '',
      e.place?.lat ?? '',
      e.place?.lon ?? '',
      geoPrecision(e.place?.precision),
      e.article.outlet ?? '',
      '',
      e.sentence,
      e.type,
      e.modality,
      e.place?.siteId ?? '',
      e.time.end,
      e.article.url ?? '',
    ]
      .map(cell)
      .join(',')
  })
  return [COLUMNS.join(','), ...rows].join('\n') + '\n'
}
