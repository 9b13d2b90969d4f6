import 'maplibre-gl/dist/maplibre-gl.css'
import './style.css'
import { Popup, type Map as MapLibreMap } from 'maplibre-gl'
import type { ApiEvent, ApiSite, EventPlace } from '../../src/model/index.js'
import { fetchConfig, fetchEvents, fetchSites } from './api-client.js'
import { addClusterCounts } from './cluster-counts.js'
import { createMap } from './create-map.js'
import { addCrossingsLayer } from './crossings-layer.js'
import { el } from './dom.js'
import { renderCount, renderEventList, renderMessage, type EventPanel } from './event-panel.js'
import { eventListPopupContent, eventPopupContent } from './event-popup.js'
import { addEventLayers } from './events-layer.js'
import { addLabelLayer } from './label-layer.js'
import { placeLabels } from './place-labels.js'

const ZOOM_FOR_PRECISION: Record<EventPlace['precision'], number> = {
  site: 8,
  town: 8,
  region: 7,
  country: 5.5,
}

function requireElement(selector: string): HTMLElement {
  const node = document.querySelector<HTMLElement>(selector)
  if (!node) throw new Error(`missing ${selector}`)
  return node
}

function errorText(reason: unknown): string {
  return reason instanceof Error ? reason.message : String(reason)
}

/** Wires the events onto the map and the panel, so each selects the other. */
function connect(map: MapLibreMap, events: ApiEvent[], sites: ApiSite[], list: HTMLElement): void {
  const byId = new Map(events.map((event) => [event.id, event]))
  const popup = new Popup({ maxWidth: '320px', offset: 12 })
  let panel: EventPanel | null = null

  const select = (eventId: string, fromMap: boolean): void => {
    const event = byId.get(eventId)
    if (!event) return
    panel?.select(eventId, fromMap)
    layers.setSelected(eventId)
    const place = event.place
    if (!place) {
      popup.remove()
      return
    }
    const lngLat: [number, number] = [place.lon, place.lat]
    if (!fromMap) {
      map.flyTo({
        center: lngLat,
        zoom: Math.max(map.getZoom(), ZOOM_FOR_PRECISION[place.precision]),
      })
    }
    popup.setLngLat(lngLat).setDOMContent(eventPopupContent(event)).addTo(map)
  }

  addCrossingsLayer(map, sites)
  const layers = addEventLayers(map, events, {
    onEventClick: (eventId) => select(eventId, true),
    onClusterClick: (lngLat, eventIds, total) => {
      const listed = eventIds.flatMap((id) => byId.get(id) ?? [])
      const content = eventListPopupContent(listed, total, (id) => select(id, true))
      popup.setLngLat(lngLat).setDOMContent(content).addTo(map)
    },
  })
  addClusterCounts(map, 'events')
  addLabelLayer(map, placeLabels(events, sites))
  panel = renderEventList(list, events, (eventId) => select(eventId, false))
}

async function main(): Promise<void> {
  const list = requireElement('[data-testid="event-list"]')
  const count = requireElement('[data-testid="event-count"]')
  const mapNode = requireElement('[data-testid="map"]')
  const state = { events: [] as ApiEvent[], sites: [] as ApiSite[], error: null as string | null }

  const config = await fetchConfig()
  const mapLoaded = createMap(mapNode, config.tileUrl).catch((reason: unknown) => {
    state.error = `Map failed: ${errorText(reason)}`
    mapNode.replaceChildren(el('p', { className: 'map-error', text: state.error }))
    return null
  })
  const [eventsResult, sitesResult] = await Promise.allSettled([fetchEvents(), fetchSites()])

  if (eventsResult.status === 'fulfilled') {
    state.events = eventsResult.value.events
    renderCount(count, state.events, eventsResult.value.total)
    renderEventList(list, state.events, () => undefined)
  } else {
    state.error = `Could not load events: ${errorText(eventsResult.reason)}`
    count.textContent = 'Events unavailable'
    renderMessage(list, el('p', { className: 'error', text: state.error }))
  }
  if (sitesResult.status === 'fulfilled') state.sites = sitesResult.value.sites
  else state.error ??= `Could not load sites: ${errorText(sitesResult.reason)}`

  const map = await mapLoaded
  if (map && eventsResult.status === 'fulfilled') connect(map, state.events, state.sites, list)
  window.__borderwatch = { ...state, ready: true }
}

void main()
