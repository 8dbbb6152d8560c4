/**
 * The readable view of an extraction: a header, the clean text with dates marked, then the list of
 * dates with their resolution and precision, then warnings. Later stages add their sections here.
 */
import { removedText, type Extraction, type TimeExpression } from '../../core/index.js';
import { formatPlaces, placeMarks } from './places.js';
import { formatEvents } from './events.js';

export interface TextStyle {
  readonly mark: (s: string) => string;
  readonly dim: (s: string) => string;
  readonly bold: (s: string) => string;
}

export const plainStyle: TextStyle = { mark: (s) => s, dim: (s) => s, bold: (s) => s };
export const ansiStyle: TextStyle = {
  mark: (s) => `\x1b[4;36m${s}\x1b[0m`,
  dim: (s) => `\x1b[2m${s}\x1b[0m`,
  bold: (s) => `\x1b[1m${s}\x1b[0m`,
};

export function formatText(x: Extraction, style: TextStyle = plainStyle): string {
  const d = x.document;
  const out: string[] = [];
  out.push(style.bold(d.title ?? '(untitled report)'));
  out.push(style.dim(`${d.id} · ${d.inputKind} from ${d.source.origin} · ${d.text.length.toLocaleString('en')} characters · ${x.sentences.length} sentences · ${x.tokens.length} tokens · language ${d.language.code}`));
  out.push(`Published: ${d.published ? `${d.published.date} (${publishedHow(d.published.how)})` : 'unknown'}`);
  if (x.yearInference) {
    const y = x.yearInference;
    out.push(`Year of undated dates: ${y.year ?? 'unknown'}${y.evidence.reason ? ` — ${y.evidence.reason}` : ''}`);
  }
  if (d.removed.length) {
    out.push(`Removed as page furniture: ${d.removed.map((r) => `${JSON.stringify(removedText(d, r).trim())} (${r.rule})`).join(', ')}`);
  }
  out.push('', style.dim('Text, dates and places marked {…}[t#] {…}[p#]:'), '', markTimes(d.text, [...x.times.map((t) => ({ start: t.span.start, end: t.span.end, label: t.id })), ...placeMarks(x.places)], style), '');

  out.push(style.bold(`Dates (${x.times.length})`));
  if (!x.times.length) out.push('  none found');
  for (const t of x.times) out.push(formatTime(t));

  out.push('', style.bold(`Places (${x.places.length})`));
  if (!x.places.length) out.push('  none found');
  out.push(...formatPlaces(x.places, style));

  out.push(...formatEvents(x, style));

  if (x.warnings.length) {
    out.push('', style.bold(`Warnings (${x.warnings.length})`));
    for (const w of x.warnings) out.push(`  ! ${w.message} [${w.code}]`);
  }
  return out.join('\n') + '\n';
}

function publishedHow(how: string): string {
  const words: Record<string, string> = {
    option: 'given with --published',
    meta: 'from the page’s <meta> tags',
    'json-ld': 'from the page’s JSON-LD',
    'time-element': 'from a <time> element',
    url: 'from the URL',
    dateline: 'from the dateline',
  };
  return words[how] ?? how;
}

/** Marks spans as {text}[label]; a span inside an earlier one is left to it (no nesting). */
function markTimes(text: string, marks: readonly { start: number; end: number; label: string }[], style: TextStyle): string {
  let out = '';
  let pos = 0;
  for (const m of [...marks].sort((a, b) => a.start - b.start || b.end - a.end)) {
    if (m.start < pos) continue;
    out += text.slice(pos, m.start) + style.mark(`{${text.slice(m.start, m.end)}}[${m.label}]`);
    pos = m.end;
  }
  return out + text.slice(pos);
}

export function formatTime(t: TimeExpression): string {
  const v = t.value;
  const when = !v ? 'unresolved' : v.start === v.end ? v.start : `${v.start} … ${v.end}`;
  const precision = v ? `${v.granularity}, time_precision ${v.acledPrecision}` : '';
  const year = t.year === 'stated' ? '' : `, year ${t.year}`;
  const rel = t.relation === 'at' ? '' : ` ${t.relation}`;
  return `  ${t.id.padEnd(4)} ${JSON.stringify(t.span.text).padEnd(30)} ${t.kind}${rel}: ${when}${precision ? ` (${precision}${year})` : ''}`;
}
