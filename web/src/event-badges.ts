import type { ApiEvent } from '../../src/model/index.js'
import { eventTypeColor } from './colors.js'
import { el } from './dom.js'
import { formatTimeSpan } from './format-time.js'
import { eventTypeLabel, modalityLabel } from './vocabulary.js'

/** The header line of an event: type badge in the map colour, modality badge when not asserted, and date. */
export function eventBadges(event: ApiEvent): HTMLElement {
  const type = el('span', { className: 'badge badge-type', text: eventTypeLabel(event.type) })
  type.style.setProperty('--badge-color', eventTypeColor(event.type))
  const modality = modalityLabel(event.modality)
  const date = el('time', {
    className: 'event-date',
    text: formatTimeSpan(event.time),
    title: `${event.time.start} – ${event.time.end} (${event.time.precision}, ${event.time.certainty})`,
    attrs: { datetime: event.time.start },
  })
  return el('div', { className: 'event-badges' }, [
    type,
    modality ? el('span', { className: 'badge badge-modality', text: modality }) : null,
    date,
  ])
}
