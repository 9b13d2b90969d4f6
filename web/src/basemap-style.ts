import type { Map as MapLibreMap, MapOptions } from 'maplibre-gl'
import { BASEMAP_LAYER, BASEMAP_MAX_ZOOM, BASEMAP_TILE_PATH } from './basemap-tiles.js'

/** A complete MapLibre style object. */
export type MapStyle = Exclude<MapOptions['style'], string | undefined>

/** Colours of the offline basemap. */
export const BASEMAP_COLORS = {
  sea: '#dde7ee',
  land: '#f6f4ef',
  border: '#b4aea3',
} as const

/**
 * Builds the offline style: sea background, land fill and country borders from the vector tiles
 * served with the app (`origin`). It has no glyphs, so labels are HTML markers.
 */
export function basemapStyle(origin: string): MapStyle {
  return {
    version: 8,
    sources: {
      countries: {
        type: 'vector',
        tiles: [`${origin}${BASEMAP_TILE_PATH}`],
        maxzoom: BASEMAP_MAX_ZOOM,
      },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': BASEMAP_COLORS.sea } },
      {
        id: 'country-fill',
        type: 'fill',
        source: 'countries',
        'source-layer': BASEMAP_LAYER,
        paint: { 'fill-color': BASEMAP_COLORS.land },
      },
      {
        id: 'country-border',
        type: 'line',
        source: 'countries',
        'source-layer': BASEMAP_LAYER,
        paint: {
          'line-color': BASEMAP_COLORS.border,
          'line-width': ['interpolate', ['linear'], ['zoom'], 2, 0.5, 6, 1.2, 10, 2],
        },
      },
    ],
  }
}

/**
 * Adds an online raster layer (an XYZ tile URL template) beneath the countries, whose land then
 * lets it show through; call once the style is loaded.
 */
export function addRasterTiles(map: MapLibreMap, tileUrl: string): void {
  map.addSource('tiles', { type: 'raster', tiles: [tileUrl], tileSize: 256 })
  map.addLayer({ id: 'tiles', type: 'raster', source: 'tiles' }, 'country-fill')
  map.setPaintProperty('country-fill', 'fill-opacity', 0.25)
}
