import { test } from 'node:test';
import assert from 'node:assert/strict';
import { angleBetween, bearing, destination, distanceKm, midpoint } from './index.js';

const SIRTE = [31.20892, 16.58866] as const;
const MISRATA = [32.37535, 15.09254] as const;

test('distance Sirte–Misrata is about 190 km', () => {
  const d = distanceKm(...SIRTE, ...MISRATA);
  assert.ok(d > 185 && d < 195, `got ${d}`);
  assert.equal(distanceKm(...SIRTE, ...SIRTE), 0);
});

test('midpoint of Sirte and Misrata is near 31.8 N 15.8 E', () => {
  const m = midpoint(...SIRTE, ...MISRATA);
  assert.ok(Math.abs(m.lat - 31.8) < 0.05 && Math.abs(m.lon - 15.85) < 0.05, JSON.stringify(m));
  const a = distanceKm(...SIRTE, m.lat, m.lon);
  const b = distanceKm(...MISRATA, m.lat, m.lon);
  assert.ok(Math.abs(a - b) < 0.5);
});

test('destination and bearing agree', () => {
  const p = destination(...SIRTE, 225, 100);
  assert.ok(Math.abs(distanceKm(...SIRTE, p.lat, p.lon) - 100) < 0.01);
  assert.ok(angleBetween(bearing(...SIRTE, p.lat, p.lon), 225) < 0.5);
  assert.equal(angleBetween(350, 10), 20);
});

test('midpoint across the antimeridian stays in range', () => {
  const m = midpoint(0, 179, 0, -179);
  assert.ok(Math.abs(Math.abs(m.lon) - 180) < 1e-6, JSON.stringify(m));
});
