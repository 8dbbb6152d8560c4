import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spanOf, TextBuilder, toSourceOffset, toSourceSpan, overlaps } from './span.js';

test('spanOf copies the text and rejects out-of-range offsets', () => {
  assert.deepEqual(spanOf('abc def', 4, 7), { start: 4, end: 7, text: 'def' });
  assert.throws(() => spanOf('abc', 2, 5), RangeError);
  assert.throws(() => spanOf('abc', 2, 1), RangeError);
});

test('TextBuilder merges contiguous copies and maps offsets back through inserts', () => {
  const src = 'Hello\r\nworld  Print me\nend';
  const b = new TextBuilder();
  b.copy(src, 0, 3);
  b.copy(src, 3, 5); // contiguous: merged with the previous segment
  b.insert('\n'); // replaces \r\n
  b.copy(src, 7, 12);
  b.insert(' ');
  b.copy(src, 23, 26);
  const { text, map } = b.build('input');
  assert.equal(text, 'Hello\nworld end');
  assert.equal(map.segments.length, 3);
  assert.equal(toSourceOffset(map, 0), 0);
  assert.equal(toSourceOffset(map, 6), 7); // "w"
  assert.equal(toSourceOffset(map, 12), 23); // "e" of "end"
  assert.deepEqual(toSourceSpan(map, { start: 6, end: 11 }), { start: 7, end: 12 });
  assert.equal(src.slice(7, 12), text.slice(6, 11));
});

test('overlaps is strict about touching spans', () => {
  assert.equal(overlaps({ start: 0, end: 3 }, { start: 3, end: 5 }), false);
  assert.equal(overlaps({ start: 0, end: 4 }, { start: 3, end: 5 }), true);
});
