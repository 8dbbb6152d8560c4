/**
 * The importer: GeoNames formats, compressed inputs, bad input (each error names file and line,
 * the previous index survives), and the made-up LY country file making the seed's small places
 * resolvable.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync, gzipSync, crc32 } from 'node:zlib';
import { SitrepError } from '../../core/errors.js';
import { importFiles } from './import.js';
import { openGazetteer } from './open.js';
import { packageRoot } from './paths.js';

const LY_SAMPLE = join(packageRoot(), 'test', 'gazetteer', 'LY-sample.txt');
let dir = '';

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'sitrep-gaz-'));
});
after(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** A minimal zip writer (deflate) for the tests. */
function makeZip(members: { name: string; data: Buffer; method?: 0 | 8 }[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const m of members) {
    const method = m.method ?? 8;
    const comp = method === 8 ? deflateRawSync(m.data) : m.data;
    const name = Buffer.from(m.name);
    const crc = crc32(m.data) >>> 0;
    const lh = Buffer.alloc(30);
    lh.writeUInt32LE(0x04034b50, 0);
    lh.writeUInt16LE(20, 4);
    lh.writeUInt16LE(method, 8);
    lh.writeUInt32LE(crc, 14);
    lh.writeUInt32LE(comp.length, 18);
    lh.writeUInt32LE(m.data.length, 22);
    lh.writeUInt16LE(name.length, 26);
    locals.push(lh, name, comp);
    const ch = Buffer.alloc(46);
    ch.writeUInt32LE(0x02014b50, 0);
    ch.writeUInt16LE(20, 4);
    ch.writeUInt16LE(20, 6);
    ch.writeUInt16LE(method, 10);
    ch.writeUInt32LE(crc, 16);
    ch.writeUInt32LE(comp.length, 20);
    ch.writeUInt32LE(m.data.length, 24);
    ch.writeUInt16LE(name.length, 28);
    ch.writeUInt32LE(offset, 42);
    central.push(ch, name);
    offset += 30 + name.length + comp.length;
  }
  const cd = Buffer.concat(central);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(members.length, 8);
  eocd.writeUInt16LE(members.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, eocd]);
}

const ROW = (id: number, name: string, extra: Partial<{ alts: string; code: string; cc: string; mod: string; lat: string }> = {}) =>
  [id, name, name, extra.alts ?? '', extra.lat ?? '30.5', '15.5', (extra.code ?? 'P.PPL').split('.')[0], (extra.code ?? 'P.PPL').split('.')[1], extra.cc ?? 'LY', '', '76', '', '', '', '100', '', '200', 'Africa/Tripoli', extra.mod ?? '2020-01-01'].join('\t') + '\n';

async function rejects(p: Promise<unknown>, pattern: RegExp): Promise<SitrepError> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof SitrepError, `expected a SitrepError, got ${String(e)}`);
    assert.match(e.message, pattern);
    assert.doesNotMatch(e.message, /\n\s+at /, 'no stack trace in the message');
    return e;
  }
  assert.fail(`expected an error matching ${pattern}`);
}

test('importing a GeoNames country file makes the small places findable, also by transliteration', async () => {
  const out = join(dir, 'ly.sgz');
  const r = await importFiles([LY_SAMPLE], { out });
  assert.equal(r.entries, 6);
  assert.equal(r.files[0]!.kind, 'geoname', 'LY-sample.txt is recognised by its columns');
  const gaz = openGazetteer(out, {});
  const expect: [string, string, string][] = [
    ['Wadi Bey', 'Wādī Bāy', 'variant'],
    ['Wadi Bay', 'Wādī Bāy', 'folded'],
    ['Abu Njeem', 'Abū Nujaym', 'variant'],
    ['Bu Njem', 'Abū Nujaym', 'exact'],
    ['Al Washka', 'Al Washkah', 'variant'],
    ['Washka', 'Al Washkah', 'variant'],
    ['Al Balgha', 'Al Balghah', 'variant'],
    ['Wadi Zamzam', 'Wādī Zamzam', 'folded'],
    ['Al-Rouagha mountains', 'Jabal Rawāghah', 'variant'],
  ];
  for (const [q, name, level] of expect) {
    const c = gaz.lookup(q);
    assert.equal(c[0]?.entry.name, name, `${q}: got ${c.map((x) => x.entry.name).join(', ') || 'nothing'}`);
    assert.equal(c[0]!.level, level, q);
    assert.equal(c[0]!.entry.layer, 'imported');
  }
  const bey = gaz.lookup('Wadi Bey')[0]!;
  assert.ok(bey.reasons.includes('transliteration'));
  assert.equal(bey.entry.featureCode, 'WAD');
  // the bundle is still underneath
  assert.equal(gaz.lookup('Tripoli')[0]!.entry.id, 'geonames:2210247');
  // and the imported index alone
  const alone = openGazetteer(out, {}, { bundled: false });
  assert.deepEqual(alone.lookup('Tripoli'), []);
});

test('all GeoNames formats: admin codes, countryInfo, featureCodes, hierarchy, alternateNamesV2; newest row wins', async () => {
  const f = (name: string, text: string) => {
    const p = join(dir, name);
    writeFileSync(p, text);
    return p;
  };
  const geo = f('XX.txt', ROW(1, 'Qaryat Alpha') + ROW(2, 'Old Beta', { mod: '2019-01-01' }) + ROW(2, 'New Beta', { mod: '2024-01-01' }) + ROW(3, 'Gamma Hill', { code: 'T.HLL' }));
  const a1 = f('admin1CodesASCII.txt', 'LY.76\tSurt\tSurt\t2210553\n');
  const a2 = f('admin2Codes.txt', 'LY.76.123\tSomewhere\tSomewhere\t999\n');
  const ci = f('countryInfo.txt', '#ISO\tISO3\n' + 'LY\tLBY\t434\tLY\tLibya\tTripoli\t1759540\t6678567\tAF\t.ly\tLYD\tDinar\t218\t\t\tar-LY,it,en\t2215636\tTN,DZ,NE,TD,SD,EG\t\n');
  const fc = f('featureCodes_en.txt', 'P.PPL\tpopulated place\ta city, town, village\nnull\tnull\tnull\n');
  const hi = f('hierarchy.txt', '2215636\t2210553\tADM\n');
  const alt = f('alternateNamesV2.txt', '1\t1\ten\tAlpha Village\t1\t\t\t\t\t\n2\t1\tlink\thttps://example.org/alpha\t\t\t\t\t\t\n3\t3\ten\tGamma Old\t\t\t\t1\t\t\n');
  const out = join(dir, 'all.sgz');
  const r = await importFiles([geo, a1, a2, ci, fc, hi, alt], { out });
  assert.deepEqual(
    r.files.map((x) => x.kind),
    ['countryInfo', 'featureCodes', 'admin1', 'admin2', 'alternateNames', 'geoname', 'hierarchy'],
    'files are read in dependency order',
  );
  assert.equal(r.duplicateIds, 1);
  const gaz = openGazetteer(out, {}, { bundled: false });
  assert.equal(gaz.lookup('New Beta')[0]?.entry.id, 'geonames:2');
  assert.deepEqual(gaz.lookup('Old Beta'), [], 'the older row of id 2 is gone');
  const alpha = gaz.lookup('Alpha Village')[0]!;
  assert.equal(alpha.entry.id, 'geonames:1');
  assert.equal(alpha.entry.admin1Name, 'Surt');
  assert.deepEqual(gaz.lookup('https://example.org/alpha'), [], 'link rows are not names');
  const gamma = gaz.lookup('Gamma Old')[0]!;
  assert.ok(gamma.reasons.includes('historic-name'));
});

test('.gz and .zip inputs', async () => {
  const text = readFileSync(LY_SAMPLE);
  const gz = join(dir, 'LY.txt.gz');
  writeFileSync(gz, gzipSync(text));
  const zip = join(dir, 'LY.zip');
  writeFileSync(zip, makeZip([{ name: 'readme.txt', data: Buffer.from('hello') }, { name: 'LY.txt', data: text }]));
  const stored = join(dir, 'LY-stored.zip');
  writeFileSync(stored, makeZip([{ name: 'LY.txt', data: text, method: 0 }]));
  for (const file of [gz, zip, stored]) {
    const out = join(dir, 'z.sgz');
    const r = await importFiles([file], { out });
    assert.equal(r.entries, 6, file);
    assert.equal(openGazetteer(out, {}, { bundled: false }).lookup('Wadi Zamzam')[0]?.entry.name, 'Wādī Zamzam');
  }
});

test('bad input: clear errors naming file and line, and the previous index left intact', async () => {
  const out = join(dir, 'keep.sgz');
  await importFiles([LY_SAMPLE], { out });
  const before = readFileSync(out);
  const bad = (name: string, data: Buffer | string) => {
    const p = join(dir, name);
    writeFileSync(p, data);
    return p;
  };
  const good = readFileSync(LY_SAMPLE, 'utf8');
  // truncated: the dump stops in the middle of a row
  const truncated = bad('LY.txt', good.slice(0, good.length - 60));
  await rejects(importFiles([truncated], { out }), /LY\.txt line 6: expected 19 tab-separated columns .*found \d+ — the file looks truncated/);
  // wrong column count in the middle
  const cols = bad('cities500.txt', ROW(1, 'A') + 'x\ty\tz\n' + ROW(2, 'B'));
  await rejects(importFiles([cols], { out }), /cities500\.txt line 2: expected 19 tab-separated columns \(GeoNames geoname table\), found 3/);
  // corrupt values
  const coords = bad('allCountries.txt', ROW(1, 'A', { lat: '123.4' }));
  await rejects(importFiles([coords], { out }), /allCountries\.txt line 1: latitude "123\.4" is not a valid coordinate/);
  // non-UTF-8 bytes (Latin-1 é)
  const latin1 = bad('DZ.txt', Buffer.concat([Buffer.from(ROW(1, 'A')), Buffer.from(ROW(2, 'Caf\u00e9'), 'latin1')]));
  await rejects(importFiles([latin1], { out }), /DZ\.txt line 2: not UTF-8 \(byte 0xe9 at column \d+\)/);
  // a missing file is a usage error
  const missing = await rejects(importFiles([join(dir, 'nope.txt')], { out }), /nope\.txt: no such file/);
  assert.equal(missing.exitCode, 2);
  // truncated gzip
  const gz = gzipSync(Buffer.from(good.repeat(50)));
  const tgz = bad('TN.txt.gz', gz.subarray(0, gz.length - 40));
  await rejects(importFiles([tgz], { out }), /TN\.txt\.gz is truncated: the compressed stream ends early/);
  // corrupt gzip body
  const cgz = Buffer.from(gz);
  for (let i = 20; i < 60; i++) cgz[i] = 0xff;
  await rejects(importFiles([bad('EG.txt.gz', cgz)], { out }), /EG\.txt\.gz is (damaged|truncated)/);
  // a zip whose member data was damaged (CRC mismatch)
  const okZip = makeZip([{ name: 'LY.txt', data: Buffer.from(good), method: 0 }]);
  const flipped = Buffer.from(okZip);
  flipped[40] = flipped[40]! ^ 0x01; // a byte of the stored LY.txt
  await rejects(importFiles([bad('LY-crc.zip', flipped)], { out }), /LY-crc\.zip:LY\.txt is damaged: CRC mismatch|LY-crc\.zip:LY\.txt line \d+/);
  // truncated zip (no central directory)
  const zip = makeZip([{ name: 'LY.txt', data: Buffer.from(good) }]);
  await rejects(importFiles([bad('LY.zip', zip.subarray(0, zip.length >> 1))], { out }), /LY\.zip is truncated or not a zip file/);
  // zip bomb: 80 MiB of one repeated row from ~80 KiB
  const bomb = makeZip([{ name: 'allCountries.txt', data: Buffer.alloc(80 * 1024 * 1024, ROW(1, 'Bomb')) }]);
  const e = await rejects(importFiles([bad('allCountries.zip', bomb)], { out }), /allCountries\.zip:allCountries\.txt: stopped after .* \(ratio \d+:1; limits 100:1 .*zip bomb/);
  assert.equal(e.code, 'input.import-zip-bomb');
  // a file GeoNames does not make
  await rejects(importFiles([bad('notes.txt', 'hello world\n')], { out }), /notes\.txt: cannot tell which GeoNames file this is/);
  assert.ok(readFileSync(out).equals(before), 'the previous index is byte-for-byte intact');
  assert.equal(openGazetteer(out, {}, { bundled: false }).lookup('Wadi Zamzam').length, 1);
});

test('an index file that is damaged is reported, not crashed on', () => {
  const p = join(dir, 'broken.sgz');
  writeFileSync(p, 'SITREPGZ garbage');
  assert.throws(() => openGazetteer(p, {}), (e: unknown) => e instanceof SitrepError && /broken\.sgz/.test(e.message));
  assert.throws(() => openGazetteer(join(dir, 'absent.sgz'), {}), (e: unknown) => e instanceof SitrepError && /does not exist/.test(e.message));
});

test('SITREP_GAZETTEER selects the index', async () => {
  const out = join(dir, 'env.sgz');
  await importFiles([LY_SAMPLE], { out });
  const gaz = openGazetteer(null, { SITREP_GAZETTEER: out });
  assert.equal(gaz.lookup('Wadi Bey')[0]?.entry.name, 'Wādī Bāy');
  assert.deepEqual(openGazetteer(null, {}).lookup('Wadi Bey'), []);
});
