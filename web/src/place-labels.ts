import type { ApiEvent, ApiSite } from '../../src/model/index.js'
import { isReportedCrossing } from './crossings-layer.js'
import type { MapLabel } from './label-layer.js'

/** Degrees within which an event place is taken to be already labelled by a nearby crossing. */
const NEAR = 0.08

/** Labels for reported crossings and for the places of events, each shown when zoomed in far enough. */
export function placeLabels(events: ApiEvent[], sites: ApiSite[]): MapLabel[] {
  const labels: MapLabel[] = []
  for (const site of sites) {
    if (site.kind !== 'crossing') continue
    const reported = isReportedCrossing(site)
    labels.push({
      text: site.name,
      lngLat: [site.lon, site.lat],
      minZoom: reported ? 6 : 8.5,
      className: reported ? 'place-label crossing-label' : 'place-label crossing-label faint',
      anchor: 'left',
      offset: [12, 0],
    })
  }
  const seen = new Set<string>()
  for (const event of events) {
    const place = event.place
    if (!place || place.precision === 'country' || seen.has(place.ref)) continue
    seen.add(place.ref)
    const nearLabel = labels.some(
      (label) =>
        Math.abs(label.lngLat[0] - place.lon) < NEAR &&
        Math.abs(label.lngLat[1] - place.lat) < NEAR,
    )
    if (nearLabel) continue
    labels.push({
      text: place.name,
      lngLat: [place.lon, place.lat],
      minZoom: place.precision === 'region' ? 6 : 7,
      className: 'place-label',
      anchor: 'left',
      offset: [10, 0],
    })
  }
  return labels
}
