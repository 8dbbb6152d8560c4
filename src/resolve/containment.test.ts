import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chooseInside, constrains, containerRank, insideContainer, type ContainerPlace } from './containment.js';

const province: ContainerPlace = { id: 'g:1', name: 'Province', country: 'SY', admin1: '10', featureClass: 'A', featureCode: 'ADM1', lat: 35.8, lon: 36.7, radiusKm: 57 };
const town: ContainerPlace = { id: 'g:2', name: 'Town', country: 'LY', admin1: '09', featureClass: 'P', featureCode: 'PPLC', lat: 32.9, lon: 13.2, radiusKm: null };
const at = (id: string, country: string, admin1: string | null, lat: number, lon: number) => ({ id, country, admin1, lat, lon });

test('containment: a country holds its own places, a division its admin-1 or what lies near it, a town its surroundings', () => {
  assert.equal(insideContainer(at('a', 'SY', '10', 36.0, 36.6), province), true);
  assert.equal(insideContainer(at('b', 'SY', '03', 36.2, 36.9), province), true, 'within radius + slack despite another admin-1 code');
  assert.equal(insideContainer(at('c', 'SY', '03', 33.5, 36.3), province), false);
  assert.equal(insideContainer(at('d', 'US', '20', 38.9, -99.3), province), false);
  assert.equal(insideContainer(at('e', 'LY', '09', 32.85, 13.2), town), true);
  assert.equal(insideContainer(at('f', 'TN', null, 36.6, 9.0), town), false);
});

test('containment: brackets and "in" constrain at any coarser-or-equal rank, a comma only a coarser container outside a list', () => {
  assert.equal(constrains({ via: 'paren', listLike: false }, 1, 1), true);
  assert.equal(constrains({ via: 'in', listLike: false }, 4, 1), true);
  assert.equal(constrains({ via: 'comma', listLike: false }, 1, 1), false, '"Sirte, Misrata" is a list, not containment');
  assert.equal(constrains({ via: 'comma', listLike: false }, 4, 1), true);
  assert.equal(constrains({ via: 'comma', listLike: true }, 4, 1), false);
  assert.equal(constrains({ via: 'comma', listLike: false }, 5, 5), false, '"Syria, Iraq"');
  assert.equal(containerRank({ featureClass: 'A', featureCode: 'PCLI' }), 5);
});

test('containment: the best candidate inside wins over a likelier one outside; none inside abstains', () => {
  const cands = [at('us', 'US', '20', 38.9, -99.3), at('sy', 'SY', '10', 35.9, 36.6)];
  assert.equal(chooseInside(cands, [0.8, 0.2], 0, province), 1);
  assert.equal(chooseInside([cands[0]!], [1], 0, province), -1);
});
