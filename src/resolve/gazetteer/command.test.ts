/**
 * `sitrep gazetteer …` run in-process through a fake CommandIO (the lead wires it into main.ts).
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gazetteerCommand } from '../../cli/commands/gazetteer.js';
import type { CommandIO } from '../../cli/command.js';
import { SitrepError } from '../../core/errors.js';
import { packageRoot } from './paths.js';

const LY_SAMPLE = join(packageRoot(), 'test', 'gazetteer', 'LY-sample.txt');
let dir = '';
before(() => (dir = mkdtempSync(join(tmpdir(), 'sitrep-cli-'))));
after(() => rmSync(dir, { recursive: true, force: true }));

async function run(args: string[], env: Record<string, string> = {}, isTTY = false) {
  let out = '';
  let err = '';
  const io: CommandIO = { stdout: (t) => (out += t), stderr: (t) => (err += t), readStdin: async () => Buffer.alloc(0), env, isTTY, stdinIsTTY: false, stderrIsTTY: isTTY };
  const code = await gazetteerCommand.run(args, io);
  return { code, out, err };
}

async function fails(args: string[], re: RegExp, exit: number) {
  try {
    await run(args);
  } catch (e) {
    assert.ok(e instanceof SitrepError, String(e));
    assert.match(e.message, re);
    assert.equal(e.exitCode, exit);
    return;
  }
  assert.fail(`expected ${re}`);
}

test('lookup --country LY --json gives ISO2 countries for the must-show names', async () => {
  for (const [q, name] of [['Sirte', 'Sirte'], ['Misurata', 'Misratah'], ['Gulf of Sidra', 'Gulf of Sidra'], ['Tripoli', 'Tripoli']] as const) {
    const r = await run(['lookup', q, '--country', 'LY', '--json']);
    assert.equal(r.code, 0, q);
    assert.match(r.out, /"LY"/);
    const j = JSON.parse(r.out) as { query: string; country: string; candidates: { name: string; country: string; reasons: string[]; level: string }[] };
    assert.equal(j.query, q);
    assert.equal(j.country, 'LY');
    assert.equal(j.candidates[0]!.name, name);
    assert.equal(j.candidates[0]!.country, 'LY');
    assert.ok(j.candidates[0]!.reasons.length > 0);
  }
});

test('lookup prints ranked candidates with why they matched; words need no quotes', async () => {
  const r = await run(['lookup', 'Gulf', 'of', 'Sirte']);
  assert.equal(r.code, 0);
  assert.match(r.out, /for "Gulf of Sirte"/);
  assert.match(r.out, / 1\. Gulf of Sidra .*H\.GULF/);
  assert.match(r.out, /matched "[^"]+": /);
  const t = await run(['lookup', 'Tripoli', '--limit', '2']);
  assert.match(t.out, /^2 candidates for "Tripoli", best first:\n 1\. Tripoli  \(Tripoli, LY\)/);
});

test('lookup says plainly when nothing matched, exit 1', async () => {
  for (const q of ['Al Washka', 'Abu Njeem', 'Wadi Bey', 'Wadi Zamzam', 'Al-Rouagha mountains']) {
    const r = await run(['lookup', q]);
    assert.equal(r.code, 1, q);
    assert.equal(r.out, `No place matched "${q}" (searched: bundled).\n`);
    assert.match(r.err, /import a GeoNames country file/i);
  }
  // only other spellings of places elsewhere: said plainly, and absent with --country LY
  const balgha = await run(['lookup', 'Al Balgha']);
  assert.equal(balgha.code, 0);
  assert.match(balgha.out, /^"Al Balgha": no place has exactly this name; \d+ places? ha(s|ve) a name that may be another spelling of it, best first:\n 1\. Balga /);
  const ly = await run(['lookup', 'Al Balgha', '--country', 'LY']);
  assert.equal(ly.code, 1);
  assert.equal(ly.out, 'No place matched "Al Balgha" in LY (searched: bundled).\n');
  const j = await run(['lookup', 'Al Washka', '--json']);
  assert.equal(j.code, 1);
  assert.deepEqual(JSON.parse(j.out).candidates, []);
});

test('import --out, then lookup --gazetteer finds the small places, including by a transliteration variant', async () => {
  const out = join(dir, 'ly.sgz');
  const imp = await run(['import', LY_SAMPLE, '--out', out]);
  assert.equal(imp.code, 0);
  assert.match(imp.out, /read .*LY-sample\.txt: geoname, 6 rows/);
  assert.match(imp.out, /wrote .*ly\.sgz: 6 places/);
  const r = await run(['lookup', 'Wadi Bey', '--gazetteer', out]);
  assert.equal(r.code, 0);
  assert.match(r.out, /^"Wadi Bey": no place has exactly this name; 1 place has a name that may be another spelling of it, best first:\n 1\. Wādī Bāy .*H\.WAD/);
  assert.match(r.out, /transliteration/);
  assert.match(r.out, /imported\]/);
  const env = await run(['lookup', 'Abu Njeem', '--json'], { SITREP_GAZETTEER: out });
  assert.equal(JSON.parse(env.out).candidates[0].name, 'Abū Nujaym');
  // a progress bar goes to stderr on a terminal
  const tty = await run(['import', LY_SAMPLE, '--out', join(dir, 'tty.sgz')], {}, true);
  assert.equal(tty.code, 0);
  assert.doesNotMatch(tty.out, /\r/);
});

test('a failed import keeps the previous index and says why', async () => {
  const out = join(dir, 'keep.sgz');
  await run(['import', LY_SAMPLE, '--out', out]);
  const before = readFileSync(out);
  const bad = join(dir, 'LY.txt');
  writeFileSync(bad, readFileSync(LY_SAMPLE, 'utf8').replace('Wādī Zamzam\t', ''));
  await fails(['import', bad, '--out', out], /LY\.txt line 5: expected 19 tab-separated columns \(GeoNames geoname table\), found 18/, 1);
  assert.ok(readFileSync(out).equals(before));
});

test('info prints sources, licences, attribution, counts and sizes', async () => {
  const r = await run(['info']);
  assert.equal(r.code, 0);
  assert.match(r.out, /Contains data from GeoNames \(geonames\.org\), CC BY 4\.0/);
  assert.match(r.out, /Made with Natural Earth/);
  assert.match(r.out, /licence: CC BY 4\.0/);
  assert.match(r.out, /licence: public domain/);
  assert.match(r.out, /by feature class: P [\d,]+, A [\d,]+/);
  assert.match(r.out, /top countries: US/);
  assert.match(r.out, /size: [\d.]+ MiB on disk \(gzip\), [\d.]+ MiB in memory/);
  assert.match(r.out, /built 2025-/);
  const j = JSON.parse((await run(['info', '--json'])).out);
  assert.equal(j.layers[0].layer, 'bundled');
});

test('help and usage errors', async () => {
  const h = await run(['--help']);
  assert.equal(h.code, 0);
  assert.match(h.out, /sitrep gazetteer lookup NAME/);
  assert.match(h.out, /Precedence: additions > imported index > bundled/);
  assert.equal((await run([])).code, 2);
  await fails(['frobnicate'], /unknown subcommand "frobnicate"/, 2);
  await fails(['lookup'], /which name\?/, 2);
  await fails(['lookup', 'Sirte', '--country', 'Libya'], /--country "Libya" is not an ISO 3166 alpha-2 code/, 2);
  await fails(['lookup', 'Sirte', '--limit', '0'], /--limit "0"/, 2);
  await fails(['lookup', 'Sirte', '--bogus'], /Unknown option '--bogus'/, 2);
  await fails(['lookup', 'Sirte', '--gazetteer', join(dir, 'none.sgz')], /none\.sgz does not exist/, 2);
  await fails(['import', LY_SAMPLE], /--out PATH is required/, 2);
  await fails(['import', join(dir, 'missing.txt'), '--out', join(dir, 'x.sgz')], /missing\.txt: no such file/, 2);
  await fails(['import', LY_SAMPLE, '--out', join(dir, 'no', 'such', 'dir', 'x.sgz')], /does not exist/, 2);
});
