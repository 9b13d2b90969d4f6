/** Events as a GeoJSON FeatureCollection, one Point feature per placed event. */
import type { ApiEvent } from '../model/index.js'

/** Events without a place are left out: GeoJSON has no honest way to draw them. */
export function eventsToGeoJson(events: ApiEvent[]): GeoJSON.FeatureCollection<GeoJSON.Point> {
  return {
    type: 'FeatureCollection',
    features: events
      .filter((e) => e.place)
      .map((e) => ({
        type: 'Feature',
        id: e.id,
        geometry: { type: 'Point', coordinates: [e.place!.lon, e.place!.lat] },
        properties: {
          id: e.id,
          type: e.type,
          modality: e.modality,
          time_start: e.time.start,
          time_end: e.time.end,
          time_precision: e.time.precision,
          place: e.place!.name,
          geo_precision: e.place!.precision,
          site_id: e.place!.siteId,
          actors: e.actors.map((a) => `${a.role}:${a.name}`).join('; '),
          sentence: e.sentence,
          article_id: e.article.id,
          source: e.article.outlet,
          url: e.article.url,
          published: e.article.published,
        },
      })),
  }
}
