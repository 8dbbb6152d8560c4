import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadData, loadWordSet, parseDataText, phrasePattern } from './data.js';

test('data: pelias line format — comments, synonyms, removals', () => {
  const { entries, removals } = parseDataText(
    ['# a comment', '', '2016-06-23 | EU referendum | Brexit vote  # trailing note', '!brexit   vote', '  x | y  '].join('\n'),
    'test.txt',
  );
  assert.deepEqual(entries.map((e) => e.fields), [['2016-06-23', 'EU referendum', 'Brexit vote'], ['x', 'y']]);
  assert.equal(entries[0]!.line, 3);
  assert.deepEqual(removals, ['brexit vote']);
});

test('data: an empty field is a loud error with file and line', () => {
  assert.throws(() => parseDataText('a || b', 'bad.txt'), /bad\.txt:1: empty field/);
});

test('data: phrase patterns escape and tolerate spacing and apostrophes', () => {
  const re = new RegExp(`^${phrasePattern("U.S. president's  office")}$`, 'i');
  assert.ok(re.test('U.S.  President’s office'));
  assert.ok(!re.test('UXS. president s office'));
});

test('data: shipped files load and parse', () => {
  assert.ok(loadData('anchors.en.txt').length >= 20);
  assert.ok(loadData('offices.en.txt').length >= 20);
  assert.ok(loadWordSet('quantity-nouns.en.txt').has('fighters'));
  assert.ok(loadData('future-cues.en.txt').some((e) => e.fields.includes('will')));
});
