/**
 * Publication date, title and byline from an HTML page's metadata. Each finder reports how it knew
 * (`PublishedHow`), so the output can say "published 2016-05-13 (from <meta article:published_time>)".
 */
import type { PublishedDate, PublishedHow } from '../core/index.js';

/** Meta names/properties that carry a publication timestamp, most specific first. */
const DATE_META = [
  'article:published_time',
  'og:published_time',
  'datepublished',
  'publishdate',
  'publish-date',
  'pubdate',
  'parsely-pub-date',
  'sailthru.date',
  'dc.date.issued',
  'dcterms.created',
  'dc.date',
  'date',
] as const;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d{1,9})?)?\s{0,2}(Z|[+-]\d{2}:?\d{2})?)?/;

/**
 * Turn a timestamp string into a PublishedDate. The calendar date is the one written in the
 * timestamp when it carries its own offset (the outlet's local day); a UTC (`Z`) instant is
 * converted into `timezone`. Returns null for anything that is not an ISO-like date.
 */
export function toPublished(raw: string, how: PublishedHow, timezone: string): PublishedDate | null {
  const value = raw.trim();
  const m = ISO_DATE.exec(value);
  if (!m) return null;
  const [, y, mo, d, hh, mm, zone] = m;
  if (!validDay(Number(y), Number(mo), Number(d))) return null;
  let date = `${y}-${mo}-${d}`;
  if (hh !== undefined && zone === 'Z') {
    const instant = new Date(value);
    if (!Number.isNaN(instant.getTime())) date = calendarDate(instant, timezone);
  }
  return { value, date, how, raw };
}

/** YYYY-MM-DD of an instant in an IANA timezone (never the machine's). */
export function calendarDate(instant: Date, timezone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(instant);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

export function validDay(y: number, m: number, d: number): boolean {
  if (!(y >= 1800 && y <= 2200 && m >= 1 && m <= 12 && d >= 1)) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** From `<meta>` tags. */
export function publishedFromMeta(doc: Document, timezone: string): PublishedDate | null {
  const metas = Array.from(doc.querySelectorAll('meta'));
  for (const key of DATE_META) {
    for (const meta of metas) {
      const name = (meta.getAttribute('property') ?? meta.getAttribute('name') ?? meta.getAttribute('itemprop') ?? '').toLowerCase();
      if (name !== key) continue;
      const found = toPublished(meta.getAttribute('content') ?? '', 'meta', timezone);
      if (found) return found;
    }
  }
  return null;
}

/** From schema.org JSON-LD (`datePublished`, also inside `@graph` arrays). */
export function publishedFromJsonLd(doc: Document, timezone: string): PublishedDate | null {
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue; // malformed JSON-LD is common; other sources may still give the date
    }
    const raw = findDatePublished(data, 0);
    const found = raw ? toPublished(raw, 'json-ld', timezone) : null;
    if (found) return found;
  }
  return null;
}

function findDatePublished(node: unknown, depth: number): string | null {
  if (depth > 6 || node === null || typeof node !== 'object') return null;
  if (Array.isArray(node)) {
    for (const item of node) {
      const r = findDatePublished(item, depth + 1);
      if (r) return r;
    }
    return null;
  }
  const record = node as Record<string, unknown>;
  const direct = record['datePublished'] ?? record['dateCreated'];
  if (typeof direct === 'string') return direct;
  for (const value of Object.values(record)) {
    const r = findDatePublished(value, depth + 1);
    if (r) return r;
  }
  return null;
}

/** From the first `<time datetime>` (a `pubdate` one first). */
export function publishedFromTimeElement(doc: Document, timezone: string): PublishedDate | null {
  const times = Array.from(doc.querySelectorAll('time[datetime]'));
  times.sort((a, b) => Number(b.hasAttribute('pubdate')) - Number(a.hasAttribute('pubdate')));
  for (const t of times) {
    const found = toPublished(t.getAttribute('datetime') ?? '', 'time-element', timezone);
    if (found) return found;
  }
  return null;
}

/** From a date in the URL path: /2016/05/13/, /2016-05-13-, /20160513/. */
export function publishedFromUrl(url: string | null): PublishedDate | null {
  if (!url) return null;
  const m = /[/_-]((?:19|20)\d{2})[/_-]?(0[1-9]|1[0-2])[/_-]?(0[1-9]|[12]\d|3[01])(?=[/_.-]|$)/.exec(url);
  if (!m) return null;
  const [, y, mo, d] = m;
  if (!validDay(Number(y), Number(mo), Number(d))) return null;
  const date = `${y}-${mo}-${d}`;
  return { value: date, date, how: 'url', raw: m[0] };
}

/** The canonical URL of the page, when it names one. */
export function canonicalUrl(doc: Document): string | null {
  const link = doc.querySelector('link[rel="canonical"]')?.getAttribute('href');
  const og = doc.querySelector('meta[property="og:url"]')?.getAttribute('content');
  return link || og || null;
}
