/**
 * Hostile inputs: the geoparser's work stays bounded (counts, not times) and caps are reported as
 * warnings. Timing belongs to bench/geoparse.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRunContext } from '../../src/core/index.js';
import { openGazetteer } from '../../src/resolve/gazetteer/open.js';
import { geoparse } from '../../src/resolve/geoparse.js';
import { analyze } from '../../src/text/index.js';
import { DEFAULT_PLACE_LIMITS } from '../../src/recognize/places/index.js';

const ctx = createRunContext({ gazetteer: openGazetteer(null, {}) });

test('thousands of capitalized words: runs are cut, with a warning', () => {
  const text = 'Alpha Bravo Charlie Delta Echo Foxtrot Golf Hotel '.repeat(500);
  const r = geoparse(ctx, text, analyze(text).tokens);
  assert.ok(r.warnings.some((w) => w.code === 'limits.place-run'));
  assert.ok(r.places.length <= DEFAULT_PLACE_LIMITS.maxMentions);
});

test('a list of 10,000 place names: at most maxMentions places, and a warning', () => {
  const text = Array.from({ length: 10_000 }, (_, i) => ['Sirte', 'Misrata', 'Tripoli', 'Benghazi'][i % 4]).join(', ') + '.';
  const r = geoparse(ctx, text, analyze(text).tokens);
  const names = r.places.filter((p) => p.form === 'name');
  assert.equal(names.length, DEFAULT_PLACE_LIMITS.maxMentions);
  assert.ok(r.warnings.some((w) => w.code === 'limits.place-mentions'));
  assert.ok(names.every((p) => p.country === 'LY'), 'still resolved by the document focus');
});

test('non-Latin scripts and empty text do not crash', () => {
  for (const text of ['اشتباكات في سرت ومصراتة', 'Бои в Сирте', '战斗在苏尔特', '', '   \n  ', '🙂 Sirte 🙂']) {
    const r = geoparse(ctx, text, analyze(text).tokens);
    assert.ok(Array.isArray(r.places));
  }
});
