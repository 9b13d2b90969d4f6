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

/** Adds HTML labels as markers (the style has no glyphs) and shows each only above its zoom. */
export function addLabelLayer(map: MapLibreMap, labels: MapLabel[]): void {
  const placed = labels.map((label) => {
    const element = el('div', { className: `map-label ${label.className}`, text: label.text })
    element.setAttribute('aria-hidden', 'true')
    new Marker({ element, anchor: label.anchor ?? 'center', offset: label.offset ?? [0, 0] })
      .setLngLat(label.lngLat)
      .addTo(map)
    return { label, element, shown: true }
  })
  const update = (): void => {
    const zoom = map.getZoom()
    for (const item of placed) {
      const shown = zoom >= item.label.minZoom
      if (shown === item.shown) continue
      item.shown = shown
      item.element.style.display = shown ? '' : 'none'
    }
  }
  map.on('zoom', update)
  update()
}
