/**
 * Natural Earth 1:50m countries (world-atlas) cut into Mapbox vector tiles at build time: every
 * tile down to {@link BASEMAP_MAX_ZOOM}, open sea as an empty file, so the map never asks for a
 * tile that is missing.
 */
import { GeoJSONVT } from '@maplibre/geojson-vt'
import { fromGeojsonVt } from '@maplibre/vt-pbf'
import { BASEMAP_LAYER, BASEMAP_MAX_ZOOM, BASEMAP_TILE_PATH } from '../src/basemap-tiles.js'
import { loadCountries } from './countries.js'

/** Tile coordinates units (MapLibre's default) and the margin kept around each tile's edges. */
const EXTENT = 4096
const BUFFER = 64

/** Every tile path (as in {@link BASEMAP_TILE_PATH}, without the leading slash) and its bytes. */
export function cutBasemapTiles(): Map<string, Uint8Array> {
  const countries = loadCountries()
  // Fills and borders need no properties: a feature is an outline and nothing else.
  const shapes: GeoJSON.FeatureCollection = {
    type: 'FeatureCollection',
    features: countries.features.map((f) => ({
      type: 'Feature',
      geometry: f.geometry,
      properties: {},
    })),
  }
  const index = new GeoJSONVT(shapes, {
    maxZoom: BASEMAP_MAX_ZOOM,
    indexMaxZoom: BASEMAP_MAX_ZOOM,
    indexMaxPoints: 0,
    extent: EXTENT,
    buffer: BUFFER,
  })
  const tiles = new Map<string, Uint8Array>()
  for (let z = 0; z <= BASEMAP_MAX_ZOOM; z++) {
    for (let x = 0; x < 2 ** z; x++) {
      for (let y = 0; y < 2 ** z; y++) {
        const tile = index.getTile(z, x, y)
        const bytes = tile?.features.length
          ? fromGeojsonVt({ [BASEMAP_LAYER]: tile }, { version: 2, extent: EXTENT })
          : new Uint8Array(0)
        tiles.set(tilePath(z, x, y), bytes)
      }
    }
  }
  return tiles
}

function tilePath(z: number, x: number, y: number): string {
  return BASEMAP_TILE_PATH.slice(1)
    .replace('{z}', String(z))
    .replace('{x}', String(x))
    .replace('{y}', String(y))
}
