/** The great-circle midpoint of two points. */

const RAD = Math.PI / 180;

/**
 * Midpoint of the great circle between two points (decimal degrees).
 *
 * @example midpoint(31.209, 16.589, 32.375, 15.093) // ≈ { lat: 31.80, lon: 15.85 }
 */
export function midpoint(lat1: number, lon1: number, lat2: number, lon2: number): { lat: number; lon: number } {
  const p1 = lat1 * RAD;
  const p2 = lat2 * RAD;
  const l1 = lon1 * RAD;
  const dL = (lon2 - lon1) * RAD;
  const bx = Math.cos(p2) * Math.cos(dL);
  const by = Math.cos(p2) * Math.sin(dL);
  const lat = Math.atan2(Math.sin(p1) + Math.sin(p2), Math.sqrt((Math.cos(p1) + bx) ** 2 + by ** 2));
  const lon = l1 + Math.atan2(by, Math.cos(p1) + bx);
  return { lat: lat / RAD, lon: ((lon / RAD + 540) % 360) - 180 };
}
