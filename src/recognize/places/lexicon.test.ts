import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bundledLexicon, LexiconError, lookupWord, parseLexicon } from './lexicon.js';

test('keyed and unkeyed lines, comments, synonyms', () => {
  const lex = parseLexicon([{ text: '# demonyms\nLY: Libyan | Libyans  # people too\nWadi | Oued\n', origin: 'a' }]);
  assert.equal(lookupWord(lex, 'libyans'), 'LY');
  assert.equal(lookupWord(lex, 'Oued'), 'Wadi');
  assert.deepEqual(lex.entries.get('LY'), ['Libyan', 'Libyans']);
});

test('a later layer removes a word with !word (a user override wins)', () => {
  const lex = parseLexicon([
    { text: 'US.MO: Missouri | Mo. | MO', origin: 'bundled' },
    { text: '!Mo.', origin: 'user' },
  ]);
  assert.equal(lookupWord(lex, 'Mo.'), undefined);
  assert.equal(lookupWord(lex, 'Missouri'), 'US.MO');
});

test('malformed lines name the file and line', () => {
  assert.throws(() => parseLexicon([{ text: 'ok\nKEY:', origin: 'x.txt' }]), (e: unknown) => e instanceof LexiconError && /x\.txt line 2/.test(e.message));
  assert.throws(() => parseLexicon([{ text: '!', origin: 'x.txt' }]), /x\.txt line 1/);
});

test('bundled lists load and carry what the geoparser needs', () => {
  assert.equal(lookupWord(bundledLexicon('demonyms'), 'Libyan'), 'LY');
  assert.equal(lookupWord(bundledLexicon('kinds'), 'mountains'), 'mountain');
  assert.equal(lookupWord(bundledLexicon('kinds'), 'wadi'), 'valley');
  assert.equal(lookupWord(bundledLexicon('us-states', 'en', true), 'Va.'), 'US.VA');
  assert.equal(lookupWord(bundledLexicon('relative'), 'southwest'), 'SW');
});
