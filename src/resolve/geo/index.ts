/** Geodesy helpers for the resolver, one function per file (as in Turf). */
export { distanceKm, EARTH_RADIUS_KM, MAX_ERROR_KM } from './distance.js';
export { midpoint } from './midpoint.js';
export { destination } from './destination.js';
export { bearing, angleBetween, COMPASS } from './bearing.js';
