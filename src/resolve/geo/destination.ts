/** The point reached from a start point along a bearing. */
import { EARTH_RADIUS_KM } from './distance.js';

const RAD = Math.PI / 180;

/**
 * The point `km` kilometres from (lat, lon) along `bearingDeg` (0 north, 90 east).
 *
 * @example destination(31.209, 16.589, 225, 100) // 100 km south-west of Sirte
 */
export function destination(lat: number, lon: number, bearingDeg: number, km: number): { lat: number; lon: number } {
  const d = km / EARTH_RADIUS_KM;
  const b = bearingDeg * RAD;
  const p1 = lat * RAD;
  const l1 = lon * RAD;
  const p2 = Math.asin(Math.sin(p1) * Math.cos(d) + Math.cos(p1) * Math.sin(d) * Math.cos(b));
  const l2 = l1 + Math.atan2(Math.sin(b) * Math.sin(d) * Math.cos(p1), Math.cos(d) - Math.sin(p1) * Math.sin(p2));
  return { lat: p2 / RAD, lon: ((l2 / RAD + 540) % 360) - 180 };
}
