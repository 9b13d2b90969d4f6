import type { CountryCollection } from './countries.js'
import type { MapLabel } from '../src/label-layer.js'
import { largestRingCentroid } from './polygon-centroid.js'

/** Zoom from which a country of this size (square degrees of its largest polygon) is labelled. */
function minZoomForArea(area: number): number {
  if (area > 100) return 2
  if (area > 20) return 3.5
  if (area > 1.5) return 4.5
  if (area > 0.5) return 5
  if (area > 0.1) return 6
  return 7
}

/** One label per country at the centroid of its largest polygon; small countries appear when zoomed in. */
export function countryLabels(countries: CountryCollection): MapLabel[] {
  const labels: MapLabel[] = []
  for (const country of countries.features) {
    const name = country.properties?.name
    if (!name) continue
    const point = largestRingCentroid(country.geometry)
    if (!point) continue
    labels.push({
      text: name,
      lngLat: point.lngLat,
      minZoom: minZoomForArea(point.area),
      className: 'country-label',
    })
  }
  return labels
}
