import type { IControl } from 'maplibre-gl'
import type { EventType, SiteStatus } from '../../src/model/index.js'
import { OTHER_EVENT_COLOR, SITE_STATUS_COLORS, eventTypeColor } from './colors.js'
import { el } from './dom.js'
import { CLUSTER_COLOR } from './events-layer.js'
import { eventTypeLabel } from './vocabulary.js'

const LEGEND_EVENT_TYPES: EventType[] = [
  'crossing-opened',
  'crossing-closed',
  'control-taken',
  'airstrike',
  'statement',
]

const LEGEND_STATUSES: [string, SiteStatus][] = [
  ['Open', 'open'],
  ['Restricted', 'restricted'],
  ['Closed', 'closed'],
  ['Seized / handover', 'seized'],
  ['No reports', 'unknown'],
]

function legendRow(swatchClass: string, color: string, label: string): HTMLElement {
  const swatch = el('span', { className: `legend-swatch ${swatchClass}` })
  swatch.style.setProperty('--swatch-color', color)
  return el('li', { className: 'legend-row' }, [swatch, el('span', { text: label })])
}

/** Screens this narrow show the legend folded. */
const NARROW = '(max-width: 700px)'

/** A map control explaining the colours of event points, clusters and crossing rings. */
export class LegendControl implements IControl {
  private container: HTMLElement | null = null

  /** Builds the legend box when the control is added to the map. */
  onAdd(): HTMLElement {
    const events = LEGEND_EVENT_TYPES.map((type) =>
      legendRow('legend-dot', eventTypeColor(type), eventTypeLabel(type)),
    )
    events.push(legendRow('legend-dot', OTHER_EVENT_COLOR, 'Other event'))
    events.push(legendRow('legend-dot legend-cluster', CLUSTER_COLOR, 'Several events'))
    const crossings = LEGEND_STATUSES.map(([label, status]) =>
      legendRow(
        status === 'unknown' ? 'legend-ring faint' : 'legend-ring',
        SITE_STATUS_COLORS[status],
        label,
      ),
    )
    // A disclosure, open on wide screens; on a phone it starts folded so the map stays visible.
    const legend = el(
      'details',
      { className: 'maplibregl-ctrl legend', attrs: { 'data-testid': 'legend' } },
      [
        el('summary', { className: 'legend-summary', text: 'Legend' }),
        el('div', { className: 'legend-title', text: 'Events' }),
        el('ul', { className: 'legend-list' }, events),
        el('div', { className: 'legend-title', text: 'Crossings' }),
        el('ul', { className: 'legend-list' }, crossings),
      ],
    )
    const narrow = window.matchMedia(NARROW)
    legend.open = !narrow.matches
    narrow.addEventListener('change', (e) => (legend.open = !e.matches))
    this.container = legend
    return legend
  }

  /** Removes the legend box. */
  onRemove(): void {
    this.container?.remove()
    this.container = null
  }
}
