import { test } from 'node:test';
import assert from 'node:assert/strict';
import { placePoint, type Place } from './model.js';

const base = { id: 'p1', name: 'Al Washka', gazetteerId: null, lat: null, lon: null, country: null, featureCode: null, geoPrecision: null, score: 0 } as unknown as Place;

test('placePoint: own coordinates first, then the relative approximation, else null', () => {
  assert.equal(placePoint(base), null);
  const approx = { ...base, relative: { relation: 'direction', lat: 31.2, lon: 16.59, geoPrecision: 3, anchors: ['p6'], direction: 'SW', distanceKm: null, check: null, reason: 'SW of Sirte' } } as unknown as Place;
  assert.deepEqual(placePoint(approx), { lat: 31.2, lon: 16.59, geoPrecision: 3, approximate: true });
  const own = { ...approx, lat: 30.1, lon: 15.9, geoPrecision: 1 } as Place;
  assert.deepEqual(placePoint(own), { lat: 30.1, lon: 15.9, geoPrecision: 1, approximate: false });
});
