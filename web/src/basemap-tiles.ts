/**
 * Where the offline basemap's vector tiles are served and what they hold: Natural Earth countries,
 * cut into tiles when the web app is built (web/build/basemap-plugin.ts), so the browser only reads
 * the few tiles in view.
 */

/** The tiles' path under the app's origin, as a MapLibre tile URL template. */
export const BASEMAP_TILE_PATH = '/basemap/{z}/{x}/{y}.pbf'

/** The deepest tile zoom built; closer views enlarge these tiles (the 1:50m shapes hold no more). */
export const BASEMAP_MAX_ZOOM = 6

/** The tiles' layer of country polygons. */
export const BASEMAP_LAYER = 'countries'

/** The module the build provides with the country labels' places (no geometry reaches the page). */
export const COUNTRY_LABELS_MODULE = 'virtual:country-labels'
