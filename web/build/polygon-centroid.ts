type Position = GeoJSON.Position

/** Makes longitudes continuous across the antimeridian (Russia, Fiji) by shifting jumps of over 180°. */
function unwrapRing(ring: Position[]): Position[] {
  let shift = 0
  let previous: number | null = null
  return ring.map(([lon = 0, lat = 0]) => {
    if (previous !== null) {
      const delta = lon + shift - previous
      if (delta > 180) shift -= 360
      else if (delta < -180) shift += 360
    }
    previous = lon + shift
    return [lon + shift, lat]
  })
}

/** Brings a longitude back into [-180, 180]. */
function wrapLongitude(lon: number): number {
  return ((((lon + 180) % 360) + 360) % 360) - 180
}

/** Signed area of a ring in square degrees (shoelace formula). */
function ringArea(ring: Position[]): number {
  let sum = 0
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [x1 = 0, y1 = 0] = ring[j] ?? []
    const [x2 = 0, y2 = 0] = ring[i] ?? []
    sum += x1 * y2 - x2 * y1
  }
  return sum / 2
}

/** Area-weighted centroid of a ring; falls back to the vertex mean for degenerate rings. */
function ringCentroid(ring: Position[]): [number, number] {
  const area = ringArea(ring)
  if (Math.abs(area) < 1e-12) {
    const n = Math.max(ring.length, 1)
    const sx = ring.reduce((s, p) => s + (p[0] ?? 0), 0)
    const sy = ring.reduce((s, p) => s + (p[1] ?? 0), 0)
    return [sx / n, sy / n]
  }
  let cx = 0
  let cy = 0
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [x1 = 0, y1 = 0] = ring[j] ?? []
    const [x2 = 0, y2 = 0] = ring[i] ?? []
    const cross = x1 * y2 - x2 * y1
    cx += (x1 + x2) * cross
    cy += (y1 + y2) * cross
  }
  return [cx / (6 * area), cy / (6 * area)]
}

/** A label point for a country: the centroid of the outer ring of its largest polygon, and that ring's area. */
export function largestRingCentroid(
  geometry: GeoJSON.Polygon | GeoJSON.MultiPolygon,
): { lngLat: [number, number]; area: number } | null {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates
  let best: Position[] | null = null
  let bestArea = 0
  for (const polygon of polygons) {
    if (!polygon[0] || polygon[0].length < 3) continue
    const outer = unwrapRing(polygon[0])
    const area = Math.abs(ringArea(outer))
    if (area > bestArea) {
      best = outer
      bestArea = area
    }
  }
  if (!best) return null
  const [lon, lat] = ringCentroid(best)
  return { lngLat: [wrapLongitude(lon), lat], area: bestArea }
}
