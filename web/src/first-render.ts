import type { Map as MapLibreMap } from 'maplibre-gl'

/**
 * The performance mark set when the page first shows its data: the events are listed (the count of
 * all and the newest cards) and the map has drawn every event's marker and the crossings (its first
 * `idle` after those layers were added).
 */
export const FIRST_RENDER_MARK = 'borderwatch:first-render'

/** The performance mark set once the page holds every event of its query (the whole list). */
export const EVENTS_LOADED_MARK = 'borderwatch:events-loaded'

/** What the page shows at a mark: markers (events as points) and events loaded whole. */
export interface RenderDetail {
  points: number
  events: number
}

/**
 * Sets {@link FIRST_RENDER_MARK} once `map` is next idle, with what the page then shows as its
 * detail; call right after adding the data layers. Resolves when the mark is set.
 */
export function markFirstRender(map: MapLibreMap, shown: () => RenderDetail): Promise<void> {
  return new Promise((resolve) =>
    map.once('idle', () => {
      performance.mark(FIRST_RENDER_MARK, { detail: shown() })
      resolve()
    }),
  )
}
