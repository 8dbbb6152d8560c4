import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gradeSource, sourceRegistry } from './sources.js';
import { credibilityOf } from './credibility.js';

const dir = mkdtempSync(join(tmpdir(), 'sitrep-sources-'));

test('source registry: bundled outlets are F; the user rates them in .txt, .json or .csv', () => {
  const text = 'The following is an exclusive report by DEBKA Weekly’s military sources.';
  assert.deepEqual(gradeSource(sourceRegistry(), text, null), { name: 'DEBKA Weekly', reliability: 'F', cited: { start: 40, end: 52, text: 'DEBKA Weekly' }, exclusive: true });
  const txt = join(dir, 'mine.txt');
  writeFileSync(txt, 'DEBKA Weekly | DEBKA @ reliability=D\n');
  assert.equal(gradeSource(sourceRegistry([txt]), text, null).reliability, 'D');
  const json = join(dir, 'mine.json');
  writeFileSync(json, JSON.stringify({ Reuters: 'b' }));
  assert.equal(gradeSource(sourceRegistry([json]), 'Reuters reported clashes.', null).reliability, 'B');
  const csv = join(dir, 'mine.csv');
  writeFileSync(csv, 'name,reliability,aliases\nLibya Herald,C,LH\n');
  assert.equal(gradeSource(sourceRegistry([csv]), 'no outlet named here', 'Libya Herald').reliability, 'C');
  assert.equal(gradeSource(sourceRegistry(), 'no outlet named here', null).name, null);
  const bad = join(dir, 'bad.json');
  writeFileSync(bad, JSON.stringify({ X: 'Z' }));
  assert.throws(() => sourceRegistry([bad]), /must be one letter A-F/);
});

test('credibility: 6 unjudged; hedged or denied 4; both 5; corroborated 3 or 2', () => {
  assert.equal(credibilityOf({ modalities: ['occurred'], hedged: false, denied: false, corroborations: 0 }), 6);
  assert.equal(credibilityOf({ modalities: ['reported'], hedged: false, denied: false, corroborations: 0 }), 4);
  assert.equal(credibilityOf({ modalities: ['occurred'], hedged: false, denied: true, corroborations: 0 }), 4);
  assert.equal(credibilityOf({ modalities: ['reported'], hedged: true, denied: true, corroborations: 0 }), 5);
  assert.equal(credibilityOf({ modalities: ['occurred'], hedged: false, denied: false, corroborations: 1 }), 3);
  assert.equal(credibilityOf({ modalities: ['occurred'], hedged: false, denied: false, corroborations: 2 }), 2);
});
