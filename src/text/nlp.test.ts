import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from './nlp.js';
import { detectLanguage } from './language.js';

test('tokens carry exact UTF-16 offsets, also after astral characters and curly quotes', () => {
  const text = 'DEBKA Weekly’s sources 🙂 said ISIS took “Al Washka” on May 5-6.';
  const { tokens } = analyze(text);
  for (const t of tokens) assert.equal(text.slice(t.start, t.end), t.text);
  assert.ok(tokens.some((t) => t.text === 'Washka' && t.pos === 'PROPN'));
  assert.ok(tokens.every((t) => t.text.trim() === t.text && t.text.length > 0), 'no white-space tokens');
});

test('a line break always ends a sentence (headlines, numbered points)', () => {
  const text = 'ISIS Overruns More of Libya as US-European Operation Stalls\n\nISIS forces launched an attack. It gained control.\nThere are two answers:\n1. Since the battle, troops stayed.';
  const { sentences, tokens } = analyze(text);
  assert.deepEqual(sentences.map((s) => s.span.text), [
    'ISIS Overruns More of Libya as US-European Operation Stalls',
    'ISIS forces launched an attack.',
    'It gained control.',
    'There are two answers:',
    '1. Since the battle, troops stayed.',
  ]);
  sentences.forEach((s, i) => {
    for (let t = s.tokenStart; t < s.tokenEnd; t++) assert.equal(tokens[t]!.sentence, i);
  });
});

test('empty text gives no tokens and no sentences', () => {
  assert.deepEqual(analyze(''), { tokens: [], sentences: [] });
});

test('language: English passes, French and Arabic are flagged, too little text is undetermined', () => {
  assert.equal(detectLanguage('Islamic State fighters seized three villages south-west of Sirte last week after a two-day assault, local officials said.').language.isEnglish, true);
  const fr = detectLanguage("Des combats ont éclaté mardi près de Ménaka, dans l'est du Mali, entre l'armée et un groupe armé, selon un communiqué publié mercredi par l'état-major. Le bilan fait état de plusieurs morts.");
  assert.equal(fr.language.code, 'fra');
  assert.equal(fr.warnings[0]?.code, 'language.not-english');
  const ar = detectLanguage('اندلعت اشتباكات عنيفة بين قوات الحكومة ومسلحين في مدينة سرت الليبية يوم الثلاثاء، وفق مصادر محلية.');
  assert.equal(ar.language.isEnglish, false);
  assert.equal(detectLanguage('Sirte, May 5').language.code, 'und');
  // Telegraphic English (a Reuters dividend brief) is too short for a trigram verdict: no warning.
  assert.equal(detectLanguage('MINNETONKA, MINN., Feb 26 - Qtly div two cts vs 1.7 cts\n\nPay March 26\n\nRecord March 12').warnings.length, 0);
});
