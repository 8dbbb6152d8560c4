/** Golden test of ingest + clean + sentences on every example report (test/text/out/*.json). */
import { test } from 'node:test';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createRunContext, packageRoot, removedText } from '../core/index.js';
import { extract } from '../pipeline.js';
import { golden } from '../../test/golden.js';

const dir = join(packageRoot(), 'examples');
for (const name of readdirSync(dir).filter((f) => /\.(txt|html)$/.test(f)).sort()) {
  test(`golden text: ${name}`, async () => {
    const x = await extract(createRunContext(), { kind: 'file', path: join(dir, name) });
    const d = x.document;
    golden('text', name.replace(/\.\w+$/, ''), {
      kind: d.inputKind,
      title: d.title,
      published: d.published && { date: d.published.date, how: d.published.how },
      language: d.language.code,
      removed: d.removed.map((r) => `${r.rule}: ${removedText(d, r)}`),
      sentences: x.sentences.map((s) => s.span.text),
      warnings: x.warnings.map((w) => w.code),
    });
  });
}
