/** Great-circle distance between two points, the lower bound that guides route search. */

const EARTH_RADIUS_KM = 6371.0088

/**
 * Distance in km along the earth's surface (haversine formula, mean earth radius).
 * @example greatCircleKm(33.51, 36.29, 33.89, 35.50) // about 85 (Damascus to Beirut)
 */
export function greatCircleKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180
  const dLat = (lat2 - lat1) * rad
  const dLon = (lon2 - lon1) * rad
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)))
}
