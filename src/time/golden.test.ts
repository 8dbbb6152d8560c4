/**
 * Golden fixtures: test/time/in/<case>.txt + <case>.options.json → test/time/out/<case>.json.
 * Run with REGEN=1 to rewrite the outputs, then review the diff. Options:
 *   reference            YYYY-MM-DD or null
 *   textFrom             read the text from this path (relative to the repository root) instead of <case>.txt
 *   maxTimeExpressions   optional cap
 *   note                 what the case is about
 * Unknown keys are an error (a misspelt option must not be ignored silently).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createRunContext } from '../core/index.js';
import { resolveTimes, type TimeResult } from './index.js';
import { repoRoot } from './testing.js';

const ROOT = repoRoot();
const IN = join(ROOT, 'test', 'time', 'in');
const OUT = join(ROOT, 'test', 'time', 'out');
const KEYS = new Set(['reference', 'textFrom', 'maxTimeExpressions', 'note']);

interface Options {
  readonly reference: string | null;
  readonly textFrom?: string;
  readonly maxTimeExpressions?: number;
  readonly note?: string;
}

function readOptions(name: string): Options {
  const raw = JSON.parse(readFileSync(join(IN, `${name}.options.json`), 'utf8')) as Record<string, unknown>;
  const unknown = Object.keys(raw).filter((k) => !KEYS.has(k));
  if (unknown.length) throw new Error(`${name}.options.json: unknown option(s) ${unknown.join(', ')}; expecting ${[...KEYS].join(', ')}`);
  if (!('reference' in raw)) throw new Error(`${name}.options.json: "reference" is required (a date or null)`);
  return raw as unknown as Options;
}

/** A compact, reviewable rendering: one line per expression. */
function render(name: string, options: Options, r: TimeResult): string {
  const times = r.times.map((t) =>
    JSON.stringify({
      id: t.id,
      span: [t.span.start, t.span.end],
      text: t.span.text,
      kind: t.kind,
      relation: t.relation,
      value: t.value ? `${t.value.start}..${t.value.end} ${t.value.granularity} p${t.value.acledPrecision}` : null,
      year: t.year,
      rules: t.evidence.rules.filter((x) => !x.startsWith('time/chrono/parser/')),
      reason: t.evidence.reason,
    }),
  );
  const yi = r.yearInference
    ? JSON.stringify({
        year: r.yearInference.year,
        provenance: r.yearInference.provenance,
        evidence: r.yearInference.evidence.spans.map((s) => s.text),
        reason: r.yearInference.evidence.reason,
      })
    : 'null';
  return [
    '{',
    `  "case": ${JSON.stringify(name)},`,
    `  "reference": ${JSON.stringify(options.reference)},`,
    `  "warnings": ${JSON.stringify(r.warnings.map((w) => w.code))},`,
    `  "yearInference": ${yi},`,
    `  "times": [${times.length ? `\n    ${times.join(',\n    ')}\n  ` : ''}]`,
    '}',
    '',
  ].join('\n');
}

const cases = readdirSync(IN)
  .filter((f) => f.endsWith('.options.json'))
  .map((f) => f.slice(0, -'.options.json'.length))
  .sort();

test('golden: fixtures are present', () => {
  assert.ok(cases.length >= 5);
});

for (const name of cases) {
  const options = readOptions(name);
  const textPath = options.textFrom ? resolve(ROOT, options.textFrom) : join(IN, `${name}.txt`);
  const skip = existsSync(textPath) ? false : `${textPath} is not available`;
  test(`golden: ${name}${options.note ? ` — ${options.note}` : ''}`, { skip }, () => {
    const text = readFileSync(textPath, 'utf8');
    const ctx = createRunContext({
      referenceDate: options.reference,
      ...(options.maxTimeExpressions ? { limits: { maxTimeExpressions: options.maxTimeExpressions } } : {}),
    });
    const actual = render(name, options, resolveTimes(ctx, text));
    const outPath = join(OUT, `${name}.json`);
    if (process.env.REGEN === '1') {
      writeFileSync(outPath, actual);
      return;
    }
    assert.ok(existsSync(outPath), `${outPath} is missing: run the tests with REGEN=1 and review the diff`);
    assert.equal(actual, readFileSync(outPath, 'utf8'));
  });
}
