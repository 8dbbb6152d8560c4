/** Great-circle distance on a sphere of the Earth's mean radius. */

export const EARTH_RADIUS_KM = 6371.0088;

/** Half the Earth's circumference: the largest possible error, used for "no answer". */
export const MAX_ERROR_KM = 20039;

const RAD = Math.PI / 180;

/**
 * Haversine distance in kilometres between two points given in decimal degrees.
 *
 * @example distanceKm(31.209, 16.589, 32.375, 15.093) // ≈ 189 (Sirte–Misrata)
 */
export function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const dLat = (lat2 - lat1) * RAD;
  const dLon = (lon2 - lon1) * RAD;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}
