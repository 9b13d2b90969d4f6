import type { Map as MapLibreMap } from 'maplibre-gl'

/**
 * The performance mark set when the page first shows its data: the events are listed and the map
 * has drawn their markers and the crossings (its first `idle` after those layers were added).
 */
export const FIRST_RENDER_MARK = 'borderwatch:first-render'

/** Sets {@link FIRST_RENDER_MARK} once `map` is next idle; call right after adding the data layers. */
export function markFirstRender(map: MapLibreMap): void {
  map.once('idle', () => performance.mark(FIRST_RENDER_MARK))
}
