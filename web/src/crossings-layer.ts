import { Popup, type GeoJSONSource, type Map as MapLibreMap } from 'maplibre-gl'
import type { ApiSite } from '../../src/model/index.js'
import { SITE_STATUS_COLORS } from './colors.js'
import { crossingPopupContent } from './crossing-popup.js'

/** Whether a crossing has reported status, so it is drawn prominently rather than faintly. */
export function isReportedCrossing(site: ApiSite): boolean {
  return site.kind === 'crossing' && (site.timeline.length > 0 || site.status !== 'unknown')
}

function crossingPoints(sites: ApiSite[]): GeoJSON.FeatureCollection<GeoJSON.Point> {
  return {
    type: 'FeatureCollection',
    features: sites
      .filter((site) => site.kind === 'crossing')
      .map((site) => ({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [site.lon, site.lat] },
        properties: {
          id: site.id,
          color: SITE_STATUS_COLORS[site.status],
          reported: isReportedCrossing(site),
        },
      })),
  }
}

/**
 * Adds crossings as status-coloured rings, reported ones large and the rest small and faint,
 * with a hover popup giving name, status and controllers; `onPick` fires on a click. Returns a
 * function that recolours the crossings for other sites' statuses (another date).
 */
export function addCrossingsLayer(
  map: MapLibreMap,
  sites: ApiSite[],
  onPick: (siteId: string) => void = () => undefined,
): (sites: ApiSite[]) => void {
  let byId = new Map(sites.map((site) => [site.id, site]))
  map.addSource('crossings', { type: 'geojson', data: crossingPoints(sites) })
  map.addLayer({
    id: 'crossings',
    type: 'circle',
    source: 'crossings',
    layout: { 'circle-sort-key': ['case', ['get', 'reported'], 1, 0] },
    paint: {
      'circle-color': '#ffffff',
      'circle-opacity': ['case', ['get', 'reported'], 0.95, 0.6],
      'circle-radius': [
        'interpolate',
        ['linear'],
        ['zoom'],
        3,
        ['case', ['get', 'reported'], 6, 2],
        8,
        ['case', ['get', 'reported'], 9, 4],
        12,
        ['case', ['get', 'reported'], 11, 6],
      ],
      'circle-stroke-color': ['get', 'color'],
      'circle-stroke-width': ['case', ['get', 'reported'], 3, 1.5],
      'circle-stroke-opacity': ['case', ['get', 'reported'], 1, 0.7],
    },
  })

  const popup = new Popup({
    closeButton: false,
    closeOnClick: false,
    offset: 12,
    className: 'hover-popup',
  })
  map.on('mousemove', 'crossings', (e) => {
    const id = e.features?.[0]?.properties['id']
    const site = typeof id === 'string' ? byId.get(id) : undefined
    if (!site) return
    map.getCanvas().style.cursor = 'pointer'
    popup.setLngLat([site.lon, site.lat]).setDOMContent(crossingPopupContent(site)).addTo(map)
  })
  map.on('mouseleave', 'crossings', () => {
    map.getCanvas().style.cursor = ''
    popup.remove()
  })
  map.on('click', 'crossings', (e) => {
    const id = e.features?.[0]?.properties['id']
    if (typeof id === 'string') onPick(id)
  })
  return (next) => {
    byId = new Map(next.map((site) => [site.id, site]))
    map.getSource<GeoJSONSource>('crossings')?.setData(crossingPoints(next))
  }
}
