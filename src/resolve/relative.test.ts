import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkDistance, findRelatives, relativePoint, type Slot } from './relative.js';

function slots(text: string, names: [string, number | null, number | null][]): Slot[] {
  let from = 0;
  return names.map(([name, lat, lon], index) => {
    const start = text.indexOf(name, from);
    from = start + name.length;
    return { index, start, end: start + name.length, sentence: 0, lat, lon, radiusKm: null, label: name, resolved: lat !== null, literal: true };
  });
}
const SIRTE: [number, number] = [31.209, 16.589];
const MISRATA: [number, number] = [32.375, 15.093];

test('halfway between two places is their midpoint, geo_precision 2', () => {
  const text = 'a battle halfway between Sirte and Misrata on Monday';
  const s = slots(text, [['Sirte', ...SIRTE], ['Misrata', ...MISRATA]]);
  const [f] = findRelatives(text, s);
  assert.equal(f?.relation, 'between');
  assert.equal(text.slice(f!.start, f!.end), 'halfway between Sirte and Misrata');
  const p = relativePoint(f!, s);
  assert.ok(Math.abs(p.lat! - 31.8) < 0.05 && Math.abs(p.lon! - 15.85) < 0.05);
  assert.equal(p.geoPrecision, 2);
});

test('a distance claim describes the places before it and is checked', () => {
  const text = 'fighters reached the Harouge and Rouagha mountains about 250 kilometers from Sirte.';
  const s = slots(text, [['Harouge', 27.33, 17.28], ['Rouagha', null, null], ['Sirte', ...SIRTE]]);
  const [f] = findRelatives(text, s);
  assert.equal(f?.relation, 'distance');
  assert.equal(f!.distanceKm, 250);
  assert.ok(f!.hedged);
  assert.deepEqual(f!.targets, [0, 1]);
  const far = checkDistance(s[0]!, s[2]!, 250, true);
  assert.equal(far.fits, false, far.reason);
  assert.ok(far.actualKm! > 400);
  const unknown = checkDistance(s[1]!, s[2]!, 250, true);
  assert.equal(unknown.fits, null);
  assert.match(unknown.reason, /not resolved/);
});

test('a stated distance and direction give a point; a direction frame marks a group', () => {
  const text = 'shelling 20 km south of Sirte. ISIS took several towns southwest of Sirte.';
  const s = slots(text, [['Sirte', ...SIRTE], ['Sirte', ...SIRTE]]);
  const fs = findRelatives(text, s);
  const d = fs.find((f) => f.relation === 'distance')!;
  const p = relativePoint(d, s);
  assert.ok(Math.abs(p.lat! - (SIRTE[0] - 0.18)) < 0.01 && Math.abs(p.lon! - SIRTE[1]) < 0.01, JSON.stringify(p));
  const frame = fs.find((f) => f.relation === 'direction')!;
  assert.equal(frame.frame, true);
  assert.equal(frame.direction, 'SW');
});

test('near and outskirts are relative places of geo_precision 2; no anchor, no finding', () => {
  const text = 'clashes on the outskirts of Sirte and near Bloomington';
  const s = slots(text, [['Sirte', ...SIRTE]]);
  const fs = findRelatives(text, s);
  assert.equal(fs.length, 1);
  assert.equal(fs[0]!.relation, 'near');
  assert.equal(relativePoint(fs[0]!, s).geoPrecision, 2);
});
