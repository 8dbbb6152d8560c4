import { test } from 'node:test';
import assert from 'node:assert/strict';
import { errorAuc, scoreGeoparse } from './geoparseScore.js';
import { isHeldOut, parseGeoparseCorpus } from './geoparseCorpus.js';
import type { GeoparseDoc } from './geoparseCorpus.js';

const text = 'Fighting in Sirte and Misrata spread to Tripoli.';
const doc: GeoparseDoc = {
  id: 'd1',
  corpus: 'test',
  text,
  exhaustive: true,
  toponyms: [
    { start: 12, end: 17, name: 'Sirte', lat: 31.21, lon: 16.59, geonameid: 2210554, feature: 'PPLA' },
    { start: 22, end: 29, name: 'Misrata', lat: 32.38, lon: 15.09, geonameid: 2214846, feature: 'PPLA' },
    { start: 40, end: 47, name: 'Tripoli', lat: 32.89, lon: 13.19, geonameid: 2210247, feature: 'PPLC' },
  ],
};

test('strict and overlap recognition, acc161 over all and over recognized', () => {
  const { scores, misses } = scoreGeoparse([
    {
      doc,
      predicted: [
        { start: 12, end: 17, lat: 31.2, lon: 16.6, gazetteerId: 'geonames:2210554', name: 'Sirte' }, // exact, right
        { start: 22, end: 30, lat: 34.0, lon: 9.0, gazetteerId: 'x', name: 'Elsewhere' }, // overlap, wrong place
        { start: 0, end: 8, lat: null, lon: null, gazetteerId: null, name: null }, // spurious
      ],
    },
  ]);
  assert.equal(scores.gold, 3);
  assert.equal(scores.predicted, 3);
  assert.equal(scores.precision, 1 / 3);
  assert.equal(scores.recall, 1 / 3);
  assert.equal(scores.precision_overlap, 2 / 3);
  assert.equal(scores.recall_overlap, 2 / 3);
  assert.equal(scores.acc161, 1 / 3); // Tripoli missed counts as wrong
  assert.equal(scores.acc161_resolved, 1 / 2);
  assert.equal(scores.recognized_with_coordinates, 2);
  assert.deepEqual(misses.map((m) => m.cause).sort(), ['boundary', 'missed', 'spurious', 'wrong-place']);
  assert.equal(misses.find((m) => m.cause === 'wrong-place')!.detail, 'gold entry not among the candidates');
});

test('an unresolved prediction scores the largest error; the id diagnostic credits the same entry', () => {
  const { scores } = scoreGeoparse([{ doc, predicted: [
    { start: 12, end: 17, lat: null, lon: null, gazetteerId: null, name: null },
    { start: 22, end: 29, lat: 0, lon: 0, gazetteerId: 'geonames:2214846', name: 'Misratah' },
    { start: 40, end: 47, lat: 32.89, lon: 13.19, gazetteerId: 'geonames:2210247', name: 'Tripoli' },
  ] }]);
  assert.equal(scores.mean_km! > 20_000 / 3, true);
  assert.equal(scores.acc161, 1 / 3);
  assert.equal(scores.acc161_or_same_id, 2 / 3);
});

test('AUC of log errors: 0 when perfect, 1 at the largest error, as Gritta et al.', () => {
  assert.equal(errorAuc([0, 0, 0]), 0);
  assert.ok(Math.abs(errorAuc([20039, 20039])! - 1) < 1e-3);
  assert.equal(errorAuc([]), null);
});

test('non-exhaustive corpora count for resolution only', () => {
  const { scores } = scoreGeoparse([{ doc: { ...doc, exhaustive: false }, predicted: [{ start: 0, end: 8, lat: null, lon: null, gazetteerId: null, name: null }] }]);
  assert.equal(scores.gold, 0);
  assert.equal(scores.predicted, 0);
  assert.equal(scores.gold_with_coordinates, 3);
});

test('the corpus reader checks spans and names the line', () => {
  const good = JSON.stringify({ id: 'a', corpus: 'X', text: 'in Sirte', toponyms: [{ start: 3, end: 8, name: 'Sirte', lat: 31, lon: 16, geonameid: 1 }] });
  assert.equal(parseGeoparseCorpus(good + '\n\n')[0]!.toponyms[0]!.name, 'Sirte');
  const bad = JSON.stringify({ id: 'a', text: 'in Sirte', toponyms: [{ start: 2, end: 8, name: 'Sirte' }] });
  assert.throws(() => parseGeoparseCorpus(good + '\n' + bad, 'c.jsonl'), /c\.jsonl line 2: toponym 0 "Sirte" does not match/);
  assert.throws(() => parseGeoparseCorpus('{oops', 'c.jsonl'), /c\.jsonl line 1: not JSON/);
});

test('the held-out subset is a stable fifth chosen by id', () => {
  const ids = Array.from({ length: 1000 }, (_, i) => `lgl:${i}`);
  const n = ids.filter(isHeldOut).length;
  assert.ok(n > 150 && n < 250, `${n}`);
  assert.equal(isHeldOut('lgl:42'), isHeldOut('lgl:42'));
});
