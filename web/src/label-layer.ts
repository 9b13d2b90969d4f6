import { Marker, type Map as MapLibreMap } from 'maplibre-gl'
import { el } from './dom.js'

/** An HTML label placed on the map, shown from `minZoom` on. */
export interface MapLabel {
  text: string
  lngLat: [number, number]
  minZoom: number
  className: string
  /** Which part of the label sits on the point; `center` unless given. */
  anchor?: 'center' | 'left'
  /** Pixel offset from the point. */
  offset?: [number, number]
}

/** How far beyond the view (as a share of its width and height) labels are kept on the map. */
const MARGIN = 0.5

/**
 * Adds HTML labels as markers (the style has no glyphs): only those at or above their zoom and
 * in or near the view are on the map, so the map moves a few dozen labels rather than every one;
 * the others join or leave when a move ends.
 */
export function addLabelLayer(map: MapLibreMap, labels: MapLabel[]): void {
  const placed = labels.map((label) => ({ label, marker: null as Marker | null }))
  const update = (): void => {
    const zoom = map.getZoom()
    const bounds = map.getBounds()
    const west = bounds.getWest()
    const east = bounds.getEast()
    const south = bounds.getSouth()
    const north = bounds.getNorth()
    const padLon = (east - west) * MARGIN
    const padLat = (north - south) * MARGIN
    for (const item of placed) {
      const [lon, lat] = item.label.lngLat
      const near =
        lat >= south - padLat &&
        lat <= north + padLat &&
        // A view across the antimeridian has east beyond 180; labels are in -180…180.
        [lon - 360, lon, lon + 360].some((x) => x >= west - padLon && x <= east + padLon)
      const wanted = zoom >= item.label.minZoom && near
      if (wanted && !item.marker) item.marker = labelMarker(item.label).addTo(map)
      else if (!wanted && item.marker) {
        item.marker.remove()
        item.marker = null
      }
    }
  }
  map.on('moveend', update)
  update()
}

function labelMarker(label: MapLabel): Marker {
  const element = el('div', { className: `map-label ${label.className}`, text: label.text })
  element.setAttribute('aria-hidden', 'true')
  return new Marker({
    element,
    anchor: label.anchor ?? 'center',
    offset: label.offset ?? [0, 0],
  }).setLngLat(label.lngLat)
}
