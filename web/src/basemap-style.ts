import type { MapOptions } from 'maplibre-gl'
import type { CountryCollection } from './countries.js'

/** A complete MapLibre style object. */
export type MapStyle = Exclude<MapOptions['style'], string | undefined>

/** Colours of the offline basemap. */
export const BASEMAP_COLORS = {
  sea: '#dde7ee',
  land: '#f6f4ef',
  border: '#b4aea3',
} as const

/**
 * Builds the offline style: sea background, land fill and country borders from bundled data,
 * with an optional raster layer beneath them. It has no glyphs, so labels are HTML markers.
 */
export function basemapStyle(countries: CountryCollection, tileUrl: string | null): MapStyle {
  const style: MapStyle = {
    version: 8,
    sources: {
      countries: { type: 'geojson', data: countries },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': BASEMAP_COLORS.sea } },
    ],
  }
  if (tileUrl) {
    style.sources['tiles'] = { type: 'raster', tiles: [tileUrl], tileSize: 256 }
    style.layers.push({ id: 'tiles', type: 'raster', source: 'tiles' })
  }
  style.layers.push(
    {
      id: 'country-fill',
      type: 'fill',
      source: 'countries',
      paint: { 'fill-color': BASEMAP_COLORS.land, 'fill-opacity': tileUrl ? 0.25 : 1 },
    },
    {
      id: 'country-border',
      type: 'line',
      source: 'countries',
      paint: {
        'line-color': BASEMAP_COLORS.border,
        'line-width': ['interpolate', ['linear'], ['zoom'], 2, 0.5, 6, 1.2, 10, 2],
      },
    },
  )
  return style
}
