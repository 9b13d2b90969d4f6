import { Map as MapLibreMap, NavigationControl, ScaleControl, setWorkerUrl } from 'maplibre-gl'
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url'
import { basemapStyle } from './basemap-style.js'
import { loadCountries } from './countries.js'
import { countryLabels } from './country-labels.js'
import { addLabelLayer } from './label-layer.js'
import { LegendControl } from './legend-control.js'

/** Where the map opens: the Syria–Iraq border region. */
export const INITIAL_VIEW = { center: [38.5, 33.5] as [number, number], zoom: 5 }

/** Credits for the bundled basemap and gazetteer. */
export const ATTRIBUTION = 'Natural Earth (public domain) via world-atlas; GeoNames (CC BY 4.0)'

/**
 * Creates the map on the offline basemap (plus an optional raster tile layer) with controls,
 * legend and HTML country labels, and resolves once its `load` event has fired.
 */
export async function createMap(
  container: HTMLElement,
  tileUrl: string | null,
): Promise<MapLibreMap> {
  setWorkerUrl(workerUrl)
  const countries = loadCountries()
  const map = new MapLibreMap({
    container,
    style: basemapStyle(countries, tileUrl),
    center: INITIAL_VIEW.center,
    zoom: INITIAL_VIEW.zoom,
    minZoom: 1.5,
    maxZoom: 12,
    attributionControl: { compact: false, customAttribution: ATTRIBUTION },
  })
  map.addControl(new NavigationControl({ showCompass: false }), 'top-right')
  map.addControl(new LegendControl(), 'top-left')
  map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-left')
  addLabelLayer(map, countryLabels(countries))
  return new Promise((resolve) => {
    // `load` is only checked while rendering, and a failed raster tile schedules no frame.
    const nudge = window.setInterval(() => {
      if (map.loaded()) map.triggerRepaint()
    }, 250)
    map.once('load', () => {
      window.clearInterval(nudge)
      resolve(map)
    })
  })
}
