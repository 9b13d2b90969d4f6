/**
 * The offline basemap at build time: the countries' vector tiles (./cut-basemap-tiles.ts) written
 * with the build and served by Vite's development server, and the country labels' places as a
 * small module. The page then draws the few tiles in view instead of converting and tiling every
 * country's outline in the browser on each load.
 */
import type { Plugin } from 'vite'
import { COUNTRY_LABELS_MODULE } from '../src/basemap-tiles.js'
import { loadCountries } from './countries.js'
import { countryLabels } from './country-labels.js'
import { cutBasemapTiles } from './cut-basemap-tiles.js'

/** Emits the tiles with the build, serves them in development, and provides the labels module. */
export function basemapPlugin(): Plugin {
  let tiles: Map<string, Uint8Array> | null = null
  const allTiles = () => (tiles ??= cutBasemapTiles())
  const resolved = `\0${COUNTRY_LABELS_MODULE}`
  return {
    name: 'borderwatch-basemap',
    resolveId: (id) => (id === COUNTRY_LABELS_MODULE ? resolved : null),
    load: (id) =>
      id === resolved ? `export default ${JSON.stringify(countryLabels(loadCountries()))}` : null,
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const bytes = allTiles().get((req.url ?? '').split('?')[0]?.slice(1) ?? '')
        if (!bytes) return next()
        res.setHeader('content-type', 'application/x-protobuf')
        res.end(bytes)
      })
    },
    generateBundle() {
      for (const [fileName, source] of allTiles())
        this.emitFile({ type: 'asset', fileName, source })
    },
  }
}
