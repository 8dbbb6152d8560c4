import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countryVotes, preferInCountry, soleCountry } from './reportCountry.js';

test('report country: the other names vote once each, the name itself does not', () => {
  const votes = countryVotes([{ text: 'Derna', country: 'RO' }, { text: 'Libyan', country: 'LY' }, { text: 'libyan', country: 'LY' }], 'Derna');
  assert.deepEqual([...votes], [['LY', 1]]);
  assert.equal(soleCountry(votes), 'LY');
  assert.equal(soleCountry(new Map([['LY', 2], ['EG', 1]])), null, 'two countries: no rule');
});

test('report country: a namesake there replaces the choice unless it is a fuzzy match or far smaller', () => {
  const cands = [{ country: 'RO', population: 3000 }, { country: 'LY', population: 100000 }];
  assert.equal(preferInCountry(cands, [false, false], [0.9, 0.1], 0, 'LY'), 1);
  assert.equal(preferInCountry(cands, [false, true], [0.9, 0.1], 0, 'LY'), 0, 'a transliteration does not');
  const paris = [{ country: 'FR', population: 2_100_000 }, { country: 'US', population: 25_000 }];
  assert.equal(preferInCountry(paris, [false, false], [0.9, 0.1], 0, 'US'), 0, 'Paris, Texas is 80 times smaller than Paris');
});
