import { Marker, type Map as MapLibreMap } from 'maplibre-gl'
import { el } from './dom.js'

/**
 * Shows each visible cluster's event count as an HTML marker over its circle,
 * since the style has no glyphs for a text layer.
 */
export function addClusterCounts(map: MapLibreMap, sourceId: string): void {
  const shown = new Map<number, Marker>()
  const update = (): void => {
    if (!map.getSource(sourceId) || !map.isSourceLoaded(sourceId)) return
    const visible = new Map<number, Marker>()
    for (const feature of map.querySourceFeatures(sourceId, { filter: ['has', 'point_count'] })) {
      const clusterId = feature.properties['cluster_id']
      const count =
        feature.properties['point_count_abbreviated'] ?? feature.properties['point_count']
      if (typeof clusterId !== 'number' || visible.has(clusterId)) continue
      if (feature.geometry.type !== 'Point') continue
      const [lon, lat] = feature.geometry.coordinates
      if (lon === undefined || lat === undefined) continue
      let marker = shown.get(clusterId)
      if (!marker) {
        const element = el('div', { className: 'cluster-count', text: String(count) })
        element.setAttribute('aria-hidden', 'true')
        marker = new Marker({ element }).setLngLat([lon, lat]).addTo(map)
      }
      visible.set(clusterId, marker)
    }
    for (const [clusterId, marker] of shown) {
      if (!visible.has(clusterId)) marker.remove()
    }
    shown.clear()
    for (const [clusterId, marker] of visible) shown.set(clusterId, marker)
  }
  map.on('render', update)
}
