import type { GeoJSONSource, Map as MapLibreMap, MapGeoJSONFeature } from 'maplibre-gl'
import type { EventPoint } from '../../src/model/index.js'
import { eventTypeColor } from './colors.js'

/** Zoom above which events are no longer clustered. */
export const CLUSTER_MAX_ZOOM = 7

/** Colour of cluster circles, which mix event types. */
export const CLUSTER_COLOR = '#4b5563'

const SOURCE = 'events'

/** Properties of an event point on the map. */
interface EventPointProperties {
  id: string
  type: string
  color: string
}

/** Callbacks from the event layers to the rest of the page. */
export interface EventLayerHandlers {
  /** An event point was clicked. */
  onEventClick: (eventId: string) => void
  /** A cluster that cannot be split further was clicked; `eventIds` are its first events. */
  onClusterClick: (lngLat: [number, number], eventIds: string[], total: number) => void
}

/** Events with a place, as GeoJSON points coloured by type. */
function eventPoints(
  points: EventPoint[],
): GeoJSON.FeatureCollection<GeoJSON.Point, EventPointProperties> {
  const features: GeoJSON.Feature<GeoJSON.Point, EventPointProperties>[] = []
  for (const point of points) {
    if (point.lon === null || point.lat === null) continue
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [point.lon, point.lat] },
      properties: { id: point.id, type: point.type, color: eventTypeColor(point.type) },
    })
  }
  return { type: 'FeatureCollection', features }
}

/** The same events in the same order: nothing to draw again. */
function samePoints(a: EventPoint[], b: EventPoint[]): boolean {
  return a.length === b.length && a.every((p, i) => p.id === b[i]?.id)
}

function pointOf(feature: MapGeoJSONFeature): [number, number] | null {
  if (feature.geometry.type !== 'Point') return null
  const [lon, lat] = feature.geometry.coordinates
  return lon === undefined || lat === undefined ? null : [lon, lat]
}

/**
 * Adds the clustered event source and its layers: clusters, points and a ring for the selected
 * event. Events come as points (`GET /api/event-points`), so markers need not wait for the events.
 */
export function addEventLayers(
  map: MapLibreMap,
  points: EventPoint[],
  handlers: EventLayerHandlers,
): {
  setSelected: (eventId: string | null) => void
  setEvents: (points: EventPoint[]) => void
} {
  let drawn = points
  map.addSource(SOURCE, {
    type: 'geojson',
    data: eventPoints(points),
    cluster: true,
    clusterRadius: 36,
    clusterMaxZoom: CLUSTER_MAX_ZOOM,
  })
  map.addLayer({
    id: 'event-clusters',
    type: 'circle',
    source: SOURCE,
    filter: ['has', 'point_count'],
    paint: {
      'circle-color': CLUSTER_COLOR,
      'circle-opacity': 0.85,
      'circle-radius': ['step', ['get', 'point_count'], 13, 5, 16, 20, 21, 100, 26],
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': 2,
    },
  })
  map.addLayer({
    id: 'event-selected',
    type: 'circle',
    source: SOURCE,
    filter: ['==', ['get', 'id'], ''],
    paint: {
      'circle-radius': 13,
      'circle-color': 'rgba(0, 0, 0, 0)',
      'circle-stroke-color': '#111827',
      'circle-stroke-width': 2.5,
    },
  })
  map.addLayer({
    id: 'event-points',
    type: 'circle',
    source: SOURCE,
    filter: ['!', ['has', 'point_count']],
    paint: {
      'circle-color': ['get', 'color'],
      'circle-radius': ['interpolate', ['linear'], ['zoom'], 3, 5, 8, 7, 12, 9],
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': 1.5,
    },
  })

  map.on('click', 'event-points', (e) => {
    const id = e.features?.[0]?.properties['id']
    if (typeof id === 'string') handlers.onEventClick(id)
  })
  map.on('click', 'event-clusters', (e) => {
    const feature = e.features?.[0]
    const clusterId = feature?.properties['cluster_id']
    const total = feature?.properties['point_count']
    const lngLat = feature ? pointOf(feature) : null
    if (typeof clusterId !== 'number' || typeof total !== 'number' || !lngLat) return
    void expandCluster(map, clusterId, total, lngLat, handlers)
  })
  for (const layer of ['event-points', 'event-clusters']) {
    map.on('mouseenter', layer, () => (map.getCanvas().style.cursor = 'pointer'))
    map.on('mouseleave', layer, () => (map.getCanvas().style.cursor = ''))
  }

  return {
    setSelected: (eventId) => map.setFilter('event-selected', ['==', ['get', 'id'], eventId ?? '']),
    setEvents: (next) => {
      if (samePoints(drawn, next)) return
      drawn = next
      map.getSource<GeoJSONSource>(SOURCE)?.setData(eventPoints(next))
    },
  }
}

/** Zooms into a cluster, or lists its events when zooming would not split it. */
async function expandCluster(
  map: MapLibreMap,
  clusterId: number,
  total: number,
  lngLat: [number, number],
  handlers: EventLayerHandlers,
): Promise<void> {
  const source = map.getSource<GeoJSONSource>(SOURCE)
  if (!source) return
  const zoom = await source.getClusterExpansionZoom(clusterId)
  if (zoom <= CLUSTER_MAX_ZOOM && zoom > map.getZoom()) {
    map.easeTo({ center: lngLat, zoom })
    return
  }
  const leaves = await source.getClusterLeaves(clusterId, 20, 0)
  const ids = leaves
    .map((leaf) => leaf.properties?.['id'])
    .filter((id): id is string => typeof id === 'string')
  handlers.onClusterClick(lngLat, ids, total)
}
