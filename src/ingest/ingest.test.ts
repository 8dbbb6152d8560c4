import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRunContext, SitrepError } from '../core/index.js';
import { ingest, parsePublishedOption, datelineDate, plainTitle } from './index.js';
import { extractHtml, looksLikeHtml } from './html.js';
import { publishedFromUrl, toPublished } from './meta.js';
import { examplePath } from '../../test/helpers.js';

const ctx = createRunContext();
const tmp = mkdtempSync(join(tmpdir(), 'sitrep-ingest-'));

test('HTML: article text, title and meta publication date; navigation and footer left out', async () => {
  const doc = await ingest(ctx, { kind: 'file', path: examplePath('aleppo-airstrikes.html') });
  assert.equal(doc.kind, 'html');
  assert.equal(doc.title, 'Air strikes hit eastern Aleppo for third day');
  assert.equal(doc.published?.date, '2016-09-25');
  assert.equal(doc.published?.how, 'meta');
  assert.ok(doc.text.startsWith('Air strikes hit eastern Aleppo for third day\n\n'));
  assert.ok(doc.text.includes('killing at least 27 people'));
  assert.ok(!doc.text.includes('Middle East\n') && !doc.text.includes('Home'));
  assert.ok(!doc.text.includes('All rights reserved'));
});

const page = (head: string, body = '<p>Rebels shelled the town on Monday, killing three people, officials said.</p>'.repeat(4)) =>
  `<!doctype html><html><head>${head}</head><body><article>${body}</article></body></html>`;

test('publication date from JSON-LD (inside @graph), from <time>, from the URL, in that order of fallback', () => {
  const jsonld = extractHtml(page('<script type="application/ld+json">{"@graph":[{"@type":"WebPage"},{"@type":"NewsArticle","datePublished":"2020-03-04T23:30:00Z"}]}</script>'), { url: null, timezone: 'UTC' });
  assert.deepEqual([jsonld.published?.date, jsonld.published?.how], ['2020-03-04', 'json-ld']);
  const shifted = extractHtml(page('<script type="application/ld+json">{"datePublished":"2020-03-04T23:30:00Z"}</script>'), { url: null, timezone: 'Asia/Tokyo' });
  assert.equal(shifted.published?.date, '2020-03-05', 'a UTC instant becomes the calendar date of the run timezone');
  const time = extractHtml(page('', '<time datetime="2019-11-02">2 Nov</time>' + '<p>Rebels shelled the town on Monday, killing three people.</p>'.repeat(4)), { url: null, timezone: 'UTC' });
  assert.deepEqual([time.published?.date, time.published?.how], ['2019-11-02', 'time-element']);
  const url = extractHtml(page(''), { url: 'https://example.org/world/2018/07/09/story.html', timezone: 'UTC' });
  assert.deepEqual([url.published?.date, url.published?.how], ['2018-07-09', 'url']);
});

test('malformed JSON-LD and broken markup do not crash; impossible dates are ignored', () => {
  const a = extractHtml('<html><head><script type="application/ld+json">{not json</script><meta property="article:published_time" content="2016-02-30"></head><body><div><p>Unclosed <b>bold <i>text about clashes in Aden on Friday.', { url: null, timezone: 'UTC' });
  assert.equal(a.published, null);
  assert.ok(a.text.includes('clashes in Aden'));
  assert.equal(publishedFromUrl('https://example.org/2016/13/45/x'), null);
  assert.equal(toPublished('yesterday', 'meta', 'UTC'), null);
});

test('HTML sniffing: by extension and by content, not by a stray angle bracket', () => {
  assert.ok(looksLikeHtml('<!DOCTYPE html><html>', null));
  assert.ok(looksLikeHtml('<p>a</p><p>b</p><div>c</div>', null));
  assert.ok(looksLikeHtml('plain', 'page.htm'));
  assert.ok(!looksLikeHtml('Casualties <10 and >5 were reported in <b> no', 'report.txt'));
});

test('plain text: headline as title, dateline date with year', () => {
  assert.equal(plainTitle('ISIS Overruns More of Libya\n\nBody.'), 'ISIS Overruns More of Libya');
  assert.equal(plainTitle('A whole sentence that ends with a full stop.\nMore.'), null);
  assert.deepEqual(datelineDate('BAMAKO, March 3, 2021 – Three soldiers'), { value: '2021-03-03', date: '2021-03-03', how: 'dateline', raw: 'BAMAKO, March 3, 2021' });
  assert.equal(datelineDate('TRIPOLI, 13 May 2016 (Reuters) -')?.date, '2016-05-13');
  assert.equal(datelineDate('MOGADISHU, Somalia, September 7, 2020 – Al-Shabaab fighters')?.date, '2020-09-07');
  assert.equal(datelineDate('SALVADOR, Feb 26 - Showers continued'), null, 'no year, no date');
  assert.equal(datelineDate('Fighters took 2016 prisoners'), null);
});

test('a dateline below the headline gives the publication date', async () => {
  const doc = await ingest(ctx, { kind: 'inline', text: 'Clashes in Tripoli\n\nTRIPOLI, May 13, 2016 (Reuters) - Clashes broke out on Friday.' });
  assert.equal(doc.title, 'Clashes in Tripoli');
  assert.deepEqual([doc.published?.date, doc.published?.how], ['2016-05-13', 'dateline']);
});

test('--published accepts dates and timestamps, refuses anything else with a usage error', () => {
  assert.equal(parsePublishedOption('2016-05-13', 'UTC').date, '2016-05-13');
  assert.equal(parsePublishedOption('2016-05-13T23:30:00-04:00', 'UTC').date, '2016-05-13');
  for (const bad of ['13/05/2016', 'May 13', '2016-02-30', '']) {
    assert.throws(() => parsePublishedOption(bad, 'UTC'), (e: unknown) => e instanceof SitrepError && e.exitCode === 2);
  }
});

test('bad input: missing file, directory, binary, oversize are clear errors; non-UTF-8 decodes with a warning', async () => {
  const expectError = async (source: Parameters<typeof ingest>[1], code: string, exitCode: number, c = ctx) => {
    await assert.rejects(ingest(c, source), (e: unknown) => e instanceof SitrepError && e.code === code && e.exitCode === exitCode);
  };
  await expectError({ kind: 'file', path: join(tmp, 'nope.txt') }, 'usage.no-such-file', 2);
  mkdirSync(join(tmp, 'dir'), { recursive: true });
  await expectError({ kind: 'file', path: join(tmp, 'dir') }, 'usage.is-directory', 2);
  writeFileSync(join(tmp, 'bin'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2, 3]));
  await expectError({ kind: 'file', path: join(tmp, 'bin') }, 'input.binary', 1);
  await expectError({ kind: 'stdin', read: async () => Buffer.alloc(2000, 65) }, 'input.too-large', 1, createRunContext({ limits: { maxInputBytes: 1000 } }));
  writeFileSync(join(tmp, 'latin1.txt'), Buffer.from('Caf\xe9 bombing in Zliten', 'latin1'));
  const feed = '<?xml version="1.0"?><rss version="2.0"><channel><item><title>A</title></item><item><title>B</item></channel>';
  await expectError({ kind: 'inline', text: feed }, 'input.feed', 1);
  await expectError({ kind: 'inline', text: '<feed xmlns="http://www.w3.org/2005/Atom"><entry>' }, 'input.feed', 1);
  const latin = await ingest(ctx, { kind: 'file', path: join(tmp, 'latin1.txt') });
  assert.equal(latin.text, 'Café bombing in Zliten');
  assert.equal(latin.warnings[0]?.code, 'input.not-utf8');
  const utf16 = await ingest(ctx, { kind: 'stdin', read: async () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Clashes in Derna', 'utf16le')]) });
  assert.equal(utf16.text, 'Clashes in Derna');
});
