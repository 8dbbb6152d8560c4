import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { toSourceSpan } from '../core/index.js';
import { cleanText } from './clean.js';
import { bundledRules, matchFurniture, parseRules } from './boilerplate.js';
import { sharedPath, SEED } from '../../test/helpers.js';

const rules = bundledRules('en');
const clean = (s: string, max = 1e7) => cleanText(s, 'input', rules, max);

test('the seed footer "Print Friendly, PDF & Email" is dropped, and said so', { skip: !sharedPath(...SEED) && 'needs ../shared' }, () => {
  const seed = readFileSync(sharedPath(...SEED)!, 'utf8');
  const c = clean(seed);
  assert.ok(!c.text.includes('Print Friendly'));
  assert.ok(c.text.endsWith('no decision is expected anytime soon.'));
  assert.deepEqual(c.removed.map((r) => [seed.slice(r.sourceStart, r.sourceEnd), r.rule]), [['Print Friendly, PDF & Email', 'print-friendly']]);
  // Every character of the clean text maps back to the same character of the input.
  for (let i = 0; i < c.text.length; i += 7) {
    const back = toSourceSpan(c.map, { start: i, end: i + 1 });
    if (c.text[i] !== '\n') assert.equal(seed.slice(back.start, back.end), c.text[i]);
  }
});

const FURNITURE: [string, string][] = [
  ['Print Friendly, PDF & Email', 'print-friendly'],
  ['Print | Email', 'print-email'],
  ['Share this article: Facebook | Twitter | Email', 'share-bar'],
  ['Facebook Twitter WhatsApp LinkedIn', 'share-bar'],
  ['Read more: Clashes erupt in Tripoli suburbs', 'read-more'],
  ['Sign up for our daily newsletter on the Middle East.', 'newsletter'],
  ['Photo: Reuters / File', 'photo-credit'],
  ['© 2016 The Example Monitor. All rights reserved.', 'copyright'],
  ['Advertisement', 'advertisement'],
  ['By Jane Doe, Beirut', 'byline'],
  ['Related articles', 'related'],
];
for (const [line, rule] of FURNITURE) {
  test(`furniture: ${JSON.stringify(line)} → ${rule}`, () => assert.equal(matchFurniture(line, rules), rule));
}

// Negative cases: real report sentences that merely contain furniture words.
const CONTENT = [
  'Share prices fell after the attack on the refinery.',
  'Photographers were among the 12 people detained.',
  'Read the statement, the minister told parliament, and you will see the threat.',
  'The group posted the video on Facebook and Twitter on Sunday.',
  'Copyright lawyers were not involved.',
  'By nightfall, the militants had taken the town.',
  'Email records show the order was given on May 3.',
  'Advertisement boards were torn down by protesters in the square.',
];
for (const line of CONTENT) {
  test(`not furniture: ${JSON.stringify(line.slice(0, 40))}`, () => assert.equal(matchFurniture(line, rules), null));
}

test('CRLF, no-break spaces and zero-width characters are normalised with offsets kept', () => {
  const src = 'Fighting\u00A0in Sirte\r\nended.\u200B Done';
  const c = clean(src);
  assert.equal(c.text, 'Fighting in Sirte\nended. Done');
  const i = c.text.indexOf('Done');
  const back = toSourceSpan(c.map, { start: i, end: i + 4 });
  assert.equal(src.slice(back.start, back.end), 'Done');
});

test('blank and removed lines leave at most one paragraph break, none at the ends', () => {
  const c = clean('\n\nTitle\n\n\n\nShare this article: Facebook | Twitter\n\nBody text.\n\nAdvertisement\n\n');
  assert.equal(c.text, 'Title\n\nBody text.');
  assert.equal(c.removed.length, 2);
});

test('text over the character cap is cut with a warning, not silently', () => {
  const c = clean('a'.repeat(100), 10);
  assert.equal(c.text.length, 10);
  assert.equal(c.warnings[0]?.code, 'limits.truncated');
});

test('a user layer can remove a bundled rule with !name, and bad rules name file and line', () => {
  const layered = parseRules('!byline\n', 'user.txt', rules);
  assert.equal(matchFurniture('By Jane Doe', layered), null);
  assert.throws(() => parseRules('ok | a\nbroken | (unclosed\n', 'user.txt'), /user\.txt:2: bad boilerplate rule/);
});

test('furniture matching is bounded on hostile lines', () => {
  const hostile = 'share '.repeat(5000);
  assert.equal(matchFurniture(hostile, rules), null); // over MAX_FURNITURE_LINE: not even tried
  const c = clean(('Facebook | '.repeat(30) + '\n').repeat(2000));
  assert.ok(c.removed.length <= 2000);
});
