/** Initial bearing between two points, and compass names for bearings. */

const RAD = Math.PI / 180;

/**
 * Initial great-circle bearing in degrees (0 north, clockwise) from the first point to the second.
 *
 * @example bearing(31.209, 16.589, 27.3, 17.3) // ≈ 170 (the Haruj lies south of Sirte)
 */
export function bearing(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const p1 = lat1 * RAD;
  const p2 = lat2 * RAD;
  const dL = (lon2 - lon1) * RAD;
  const y = Math.sin(dL) * Math.cos(p2);
  const x = Math.cos(p1) * Math.sin(p2) - Math.sin(p1) * Math.cos(p2) * Math.cos(dL);
  return ((Math.atan2(y, x) / RAD) + 360) % 360;
}

/** Bearings of the eight compass points. */
export const COMPASS: Readonly<Record<string, number>> = { N: 0, NE: 45, E: 90, SE: 135, S: 180, SW: 225, W: 270, NW: 315 };

/** Smallest angle between two bearings, 0..180. */
export function angleBetween(a: number, b: number): number {
  const d = Math.abs(((a - b) % 360 + 360) % 360);
  return d > 180 ? 360 - d : d;
}
