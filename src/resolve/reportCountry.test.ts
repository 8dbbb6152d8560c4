import { test } from 'node:test';
import assert from 'node:assert/strict';
import { namesByCountry, preferInCountry, soleCountryWithout } from './reportCountry.js';

test('report country: the other names point to one country, the name itself does not count', () => {
  const by = namesByCountry([{ text: 'Derna', country: 'RO' }, { text: 'Libyan', country: 'LY' }, { text: 'libyan', country: 'LY' }]);
  assert.equal(soleCountryWithout(by, 'Derna'), 'LY');
  assert.equal(soleCountryWithout(by, 'Libyan'), 'RO');
  const two = namesByCountry([{ text: 'Sirte', country: 'LY' }, { text: 'Cairo', country: 'EG' }, { text: 'Derna', country: 'RO' }]);
  assert.equal(soleCountryWithout(two, 'Derna'), null, 'two countries: no rule');
});

test('report country: a namesake there replaces the choice unless it is a fuzzy match or far smaller', () => {
  const cands = [{ country: 'RO', population: 3000 }, { country: 'LY', population: 100000 }];
  assert.equal(preferInCountry(cands, [false, false], [0.9, 0.1], 0, 'LY'), 1);
  assert.equal(preferInCountry(cands, [false, true], [0.9, 0.1], 0, 'LY'), 0, 'a transliteration does not');
  const paris = [{ country: 'FR', population: 2_100_000 }, { country: 'US', population: 25_000 }];
  assert.equal(preferInCountry(paris, [false, false], [0.9, 0.1], 0, 'US'), 0, 'Paris, Texas is 80 times smaller than Paris');
});
