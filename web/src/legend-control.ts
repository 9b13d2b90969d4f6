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
    this.container = el(
      'div',
      { className: 'maplibregl-ctrl legend', attrs: { 'data-testid': 'legend' } },
      [
        el('div', { className: 'legend-title', text: 'Events' }),
        el('ul', { className: 'legend-list' }, events),
        el('div', { className: 'legend-title', text: 'Crossings' }),
        el('ul', { className: 'legend-list' }, crossings),
      ],
    )
    return this.container
  }

  /** Removes the legend box. */
  onRemove(): void {
    this.container?.remove()
    this.container = null
  }
}
