import { Map as MapLibreMap, NavigationControl, ScaleControl, setWorkerUrl } from 'maplibre-gl'
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url'
import countryLabels from 'virtual:country-labels'
import { addRasterTiles, basemapStyle } from './basemap-style.js'
import { addLabelLayer } from './label-layer.js'
import { LegendControl } from './legend-control.js'

/** Where the map opens: the Syria–Iraq border region. */
export const INITIAL_VIEW = { center: [38.5, 33.5] as [number, number], zoom: 5 }

/** Credits for the bundled basemap and gazetteer. */
export const ATTRIBUTION = 'Natural Earth (public domain) via world-atlas; GeoNames (CC BY 4.0)'

/**
 * Creates the map on the offline basemap with controls, legend and HTML country labels, and
 * resolves once its style is loaded, so the data layers join its first drawing instead of
 * drawing it again. Call it first thing: the map's worker then loads while the data is asked for.
 * An online raster layer (`tileUrl`, from the server's settings) is added beneath when it comes.
 */
export async function createMap(
  container: HTMLElement,
  tileUrl: Promise<string | null>,
): Promise<MapLibreMap> {
  setWorkerUrl(workerUrl)
  const map = new MapLibreMap({
    container,
    style: basemapStyle(window.location.origin),
    center: INITIAL_VIEW.center,
    zoom: INITIAL_VIEW.zoom,
    minZoom: 1.5,
    maxZoom: 12,
    attributionControl: { compact: false, customAttribution: ATTRIBUTION },
  })
  map.addControl(new NavigationControl({ showCompass: false }), 'top-right')
  map.addControl(new LegendControl(), 'top-left')
  map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-left')
  addLabelLayer(map, countryLabels)
  // `load` and `idle` are only checked while rendering, and a failed raster tile schedules no frame.
  const nudge = window.setInterval(() => {
    if (map.loaded()) map.triggerRepaint()
  }, 250)
  map.once('load', () => window.clearInterval(nudge))
  if (!map.isStyleLoaded()) await new Promise((resolve) => map.once('style.load', resolve))
  void tileUrl.then((url) => {
    if (url) addRasterTiles(map, url)
  })
  return map
}
