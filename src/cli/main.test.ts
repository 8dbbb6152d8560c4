import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from './main.js';
import { examplePath, fakeIO, sharedPath, SEED } from '../../test/helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'sitrep-cli-'));

async function run(args: string[], stdin = '') {
  const io = fakeIO(stdin);
  const code = await main(args, io);
  return { code, out: io.out.join(''), err: io.err.join('') };
}

test('sitrep --help lists the commands; no arguments is a usage error that still helps', async () => {
  const help = await run(['--help']);
  assert.equal(help.code, 0);
  assert.match(help.out, /Usage: sitrep <command>/);
  assert.match(help.out, /extract/);
  const none = await run([]);
  assert.equal(none.code, 2);
  assert.match(none.out, /Commands:/);
});

test('extract --help is written for a newcomer: usage, options, exit codes, examples', async () => {
  const r = await run(['extract', '--help']);
  assert.equal(r.code, 0);
  for (const part of ['Usage: sitrep extract', '--published', '--format', 'Exit codes', 'Examples']) assert.ok(r.out.includes(part), part);
});

test('usage errors exit 2 with a one-line message and a hint, never a stack trace', async () => {
  const cases: [string[], RegExp][] = [
    [['frobnicate'], /unknown command "frobnicate"/],
    [['extract', '--nope', 'x'], /extract: Unknown option '--nope'/],
    [['extract', examplePath('mali-ied.txt'), '--format', 'yaml'], /unknown --format "yaml"/],
    [['extract', examplePath('mali-ied.txt'), '--published', 'last Tuesday'], /--published "last Tuesday" is not a date/],
    [['extract', examplePath('mali-ied.txt'), '--timezone', 'Mars/Olympus'], /unknown timezone/],
    [['extract', join(tmp, 'missing.txt')], /no such file/],
    [['extract', 'a.txt', 'b.txt'], /unexpected argument "b.txt"/],
    [['extract', 'https://evil.example/%00?x=' + 'A'.repeat(5000)], /is a URL; sitrep works offline/],
    [['extract', examplePath('mali-ied.txt'), '--url', 'javascript:alert(1)'], /--url "javascript:alert\(1\)" is not an http\(s\) address/],
    [['extract', examplePath('mali-ied.txt'), '--url', 'https://example.org/' + 'a'.repeat(3000)], /at most 2048 characters/],
  ];
  for (const [args, message] of cases) {
    const r = await run(args);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.err, message);
    assert.ok(!/\n\s+at /.test(r.err), 'no stack trace');
  }
});

test('empty or furniture-only input exits 1 and says why', async () => {
  writeFileSync(join(tmp, 'empty.txt'), '');
  const empty = await run(['extract', join(tmp, 'empty.txt')]);
  assert.equal(empty.code, 1);
  assert.match(empty.err, /no report text .* it is empty/);
  const furniture = await run(['extract', '-'], 'Print Friendly, PDF & Email\n\nAdvertisement\n');
  assert.equal(furniture.code, 1);
  assert.match(furniture.err, /only page furniture/);
});

test('extract --format json gives the document model with spans that index the clean text', async () => {
  const r = await run(['extract', examplePath('mali-ied.txt'), '--format', 'json']);
  assert.equal(r.code, 0);
  const x = JSON.parse(r.out) as { schema: string; document: { text: string; published: { date: string; how: string } }; tokens: { start: number; end: number; text: string }[]; sentences: { span: { start: number; end: number; text: string } }[] };
  assert.equal(x.schema, 'sitrep/extraction@1');
  assert.deepEqual([x.document.published.date, x.document.published.how], ['2021-03-03', 'dateline']);
  for (const t of x.tokens) assert.equal(x.document.text.slice(t.start, t.end), t.text);
  for (const s of x.sentences) assert.equal(x.document.text.slice(s.span.start, s.span.end), s.span.text);
  assert.equal(x.sentences.length, 4);
});

test('text view of the seed: footer gone, furniture listed, publication date shown', { skip: !sharedPath(...SEED) && 'needs ../shared' }, async () => {
  const r = await run(['extract', sharedPath(...SEED)!, '--published', '2016-05-13']);
  assert.equal(r.code, 0);
  assert.match(r.out, /Published: 2016-05-13 \(given with --published\)/);
  assert.match(r.out, /Removed as page furniture: "Print Friendly, PDF & Email" \(print-friendly\)/);
  const body = r.out.slice(r.out.indexOf('Text, dates marked'));
  assert.ok(!body.slice(0, body.indexOf('\nDates (')).includes('Print Friendly'));
  // In JSON the footer is only offsets and a rule; the input text comes back only on request.
  const json = await run(['extract', sharedPath(...SEED)!, '--published', '2016-05-13', '--format', 'json']);
  assert.ok(!json.out.includes('Print Friendly'));
  const doc = (JSON.parse(json.out) as { document: { removed: { sourceStart: number; sourceEnd: number; rule: string }[]; sourceText?: string } }).document;
  assert.equal(doc.sourceText, undefined);
  assert.deepEqual(doc.removed.map((r) => r.rule), ['print-friendly']);
  const withSource = JSON.parse((await run(['extract', sharedPath(...SEED)!, '--format', 'json', '--include-source'])).out) as { document: { sourceText: string; removed: { sourceStart: number; sourceEnd: number }[] } };
  const removed = withSource.document.removed[0]!;
  assert.equal(withSource.document.sourceText.slice(removed.sourceStart, removed.sourceEnd), 'Print Friendly, PDF & Email');
});

test('inline --text and stdin work; a non-English report gets a warning', async () => {
  const inline = await run(['extract', '--text', 'Gunmen attacked a checkpoint in Sinai on Friday, killing two soldiers.', '--published', '2017-01-07']);
  assert.equal(inline.code, 0);
  assert.match(inline.out, /inline/);
  const fr = await run(['extract', examplePath('communique-fr.txt')]);
  assert.equal(fr.code, 0);
  assert.match(fr.out, /looks like fra .*not English/);
});

test('the real process: output into a pipe closed early (`sitrep … | head`) ends quietly, exit 0, no stack trace', async () => {
  const { spawn } = await import('node:child_process');
  const { fileURLToPath } = await import('node:url');
  const bin = fileURLToPath(new URL('./bin.js', import.meta.url));
  const child = spawn(process.execPath, [bin, 'gazetteer', 'lookup', 'Tripoli', '--limit', '40'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  // Read one chunk, then close our end as `head -1` would.
  await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
  child.stdout.destroy();
  const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
  assert.equal(code, 0, err);
  assert.doesNotMatch(err, /at |Error:/);
});
