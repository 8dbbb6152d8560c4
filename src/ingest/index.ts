/**
 * Ingest stage: one report from a file, stdin or inline text, as plain text or HTML, with whatever
 * metadata the input carries (title, byline, URL, publication date and how it was known).
 */
import type { InputKind, PublishedDate, RunContext } from '../core/index.js';
import { inputError, usageError } from '../core/index.js';
import { extractHtml, looksLikeHtml, type HtmlArticle } from './html.js';
import { toPublished, validDay } from './meta.js';
import { readInput, type InputSource } from './read.js';

export type { InputSource } from './read.js';
export { toPublished } from './meta.js';

export interface IngestOptions {
  /** `auto` (default) sniffs HTML by file name and content. */
  readonly format?: 'auto' | 'text' | 'html';
  /** The page's URL, when known (used for the date-in-URL rule and kept on the document). */
  readonly url?: string | null;
}

/** An ingested report: the article text and metadata (as HtmlArticle has them) plus where it came from. */
export interface Ingested extends HtmlArticle {
  readonly origin: string;
  readonly kind: InputKind;
}

export async function ingest(ctx: RunContext, source: InputSource, options: IngestOptions = {}): Promise<Ingested> {
  const raw = await readInput(source, ctx.limits.maxInputBytes);
  if (looksLikeFeed(raw.text)) {
    throw inputError('feed', `${raw.origin} is an RSS/Atom feed, which holds many reports; \`sitrep extract\` reads one`, 'Save one article (its page or its text) and pass that file.');
  }
  const format = options.format ?? 'auto';
  const isHtml = format === 'html' || (format === 'auto' && looksLikeHtml(raw.text, raw.filename));
  if (isHtml) {
    const article = extractHtml(raw.text, { url: options.url ?? null, timezone: ctx.timezone });
    return { origin: raw.origin, kind: 'html', ...article, warnings: [...raw.warnings, ...article.warnings] };
  }
  return {
    origin: raw.origin,
    kind: 'text',
    text: raw.text,
    title: plainTitle(raw.text),
    byline: null,
    siteName: null,
    url: options.url ?? null,
    published: datelineDate(raw.text) ?? datelineDate(afterTitle(raw.text)),
    warnings: raw.warnings,
  };
}

/** An RSS, RDF or Atom document, by its root element near the start. */
export function looksLikeFeed(text: string): boolean {
  return /^\s{0,200}(?:<\?xml[^>]{0,200}\?>\s{0,200})?(?:<!--[\s\S]{0,500}?-->\s{0,200})?<(?:rss|rdf:RDF|feed)\b/i.test(text.slice(0, 2000));
}

/** The first line is a headline when it is short, has no final full stop, and a body follows. */
export function plainTitle(text: string): string | null {
  const m = /^\s{0,20}([^\n]{3,200})\n/.exec(text);
  if (!m) return null;
  const line = m[1]!.trim();
  return /[.:;,]$/.test(line) ? null : line;
}

/** The text after a headline line and its blank line (where a dateline usually stands). */
function afterTitle(text: string): string {
  const m = /^\s{0,20}[^\n]{3,200}\n\s{0,20}\n/.exec(text);
  return m ? text.slice(m[0].length) : '';
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * A full date (with year) at the very head of a plain-text report: "May 13, 2016 — …",
 * "TRIPOLI, 13 May 2016 (Reuters) -", "MOGADISHU, Somalia, September 7, 2020 –", "2016-05-13". A
 * dateline without a year is not enough.
 */
export function datelineDate(text: string): PublishedDate | null {
  const head = text.slice(0, 160);
  const iso = /^\s{0,5}(?:[A-Z][A-Za-z .'-]{1,40},\s{1,3}){0,2}(\d{4}-\d{2}-\d{2})\b/.exec(head);
  if (iso) {
    const [y, mo, d] = iso[1]!.split('-').map(Number) as [number, number, number];
    if (validDay(y, mo, d)) return { value: iso[1]!, date: iso[1]!, how: 'dateline', raw: iso[0].trim() };
  }
  const named = /^\s{0,5}(?:[A-Z][A-Za-z .'-]{1,40},\s{1,3}){0,2}(?:(\d{1,2})\s{1,3}([A-Za-z]{3,9})\.?|([A-Za-z]{3,9})\.?\s{1,3}(\d{1,2})(?:st|nd|rd|th)?),?\s{1,3}(\d{4})\b/.exec(head);
  if (!named) return null;
  const day = Number(named[1] ?? named[4]);
  const month = MONTHS.indexOf((named[2] ?? named[3] ?? '').slice(0, 3).toLowerCase()) + 1;
  const year = Number(named[5]);
  if (month < 1 || !validDay(year, month, day)) return null;
  const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return { value: date, date, how: 'dateline', raw: named[0].trim() };
}

/** Parse a user-given publication date (`--published`): YYYY-MM-DD or an ISO timestamp. */
export function parsePublishedOption(value: string, timezone: string): PublishedDate {
  const found = toPublished(value, 'option', timezone);
  if (!found) {
    throw usageError('bad-date', `--published ${JSON.stringify(value)} is not a date`, 'Write it as YYYY-MM-DD (e.g. 2016-05-13) or as an ISO timestamp (2016-05-13T09:30:00+02:00).');
  }
  return found;
}
