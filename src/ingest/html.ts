/**
 * HTML ingest: the main article via Mozilla Readability on linkedom's light DOM, turned into plain
 * text with paragraph breaks, plus title, byline, URL and publication date from the page's metadata.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { PublishedDate, Warning } from '../core/index.js';
import { canonicalUrl, publishedFromJsonLd, publishedFromMeta, publishedFromTimeElement, publishedFromUrl } from './meta.js';

export interface HtmlArticle {
  /** The text cleaning starts from: the input itself, or the article text extracted from HTML. */
  readonly text: string;
  readonly title: string | null;
  readonly byline: string | null;
  readonly siteName: string | null;
  readonly url: string | null;
  readonly published: PublishedDate | null;
  readonly warnings: Warning[];
}

/** Elements after which text breaks into a new paragraph. */
const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE', 'FOOTER',
  'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION',
  'TABLE', 'TD', 'TH', 'TR', 'UL',
]);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME']);

/** Readability gives up on pages with more elements than this (hostile or giant pages). */
const MAX_ELEMENTS = 200_000;

export function looksLikeHtml(text: string, filename: string | null): boolean {
  if (filename && /\.x?html?$/i.test(filename)) return true;
  const head = text.slice(0, 2048).trimStart().toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html')) return true;
  // Several block tags near the start: an HTML fragment.
  const tags = head.match(/<(p|div|article|body|head|h[1-6]|br|span|a)\b[^>]{0,200}>/g);
  return (tags?.length ?? 0) >= 3;
}

export function extractHtml(html: string, options: { url: string | null; timezone: string }): HtmlArticle {
  const warnings: Warning[] = [];
  const { document } = parseHTML(html);
  const doc = document as unknown as Document;
  const url = options.url ?? canonicalUrl(doc);
  // Read metadata before Readability, which mutates the DOM.
  const published =
    publishedFromMeta(doc, options.timezone) ??
    publishedFromJsonLd(doc, options.timezone) ??
    publishedFromTimeElement(doc, options.timezone) ??
    publishedFromUrl(url);
  const metaTitle = doc.querySelector('meta[property="og:title"]')?.getAttribute('content') ?? doc.querySelector('title')?.textContent ?? null;

  let article: ReturnType<Readability['parse']> = null;
  try {
    article = new Readability(doc, { maxElemsToParse: MAX_ELEMENTS, charThreshold: 200 }).parse();
  } catch (err) {
    warnings.push({ code: 'html.readability-failed', stage: 'ingest', message: `article extraction failed (${err instanceof Error ? err.message : String(err)}); using the whole page text` });
  }

  let body: string;
  if (article?.content) {
    const { document: content } = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`);
    body = blockText((content as unknown as Document).body);
  } else {
    if (!warnings.length) warnings.push({ code: 'html.no-article', stage: 'ingest', message: 'no main article found in the HTML; using the whole page text, which may include menus and footers' });
    const { document: again } = parseHTML(html);
    body = blockText((again as unknown as Document).body ?? (again as unknown as Document).documentElement);
  }

  const title = clean(article?.title ?? metaTitle ?? '') || null;
  // The headline often carries facts ("ISIS overruns …"): keep it as the first paragraph.
  const text = title && !body.startsWith(title) ? `${title}\n\n${body}` : body;
  return {
    text,
    title,
    byline: clean(article?.byline ?? '') || null,
    siteName: clean(article?.siteName ?? '') || null,
    url,
    published,
    warnings,
  };
}

/** Text of an element with paragraph breaks at block boundaries and collapsed white space. */
export function blockText(root: Element | null): string {
  if (!root) return '';
  const out: string[] = [];
  const walk = (node: Node): void => {
    if (node.nodeType === 3) {
      out.push((node.textContent ?? '').replace(/\s+/g, ' '));
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    if (SKIP.has(el.tagName)) return;
    if (el.tagName === 'BR') {
      out.push('\n');
      return;
    }
    const block = BLOCK.has(el.tagName);
    if (block) out.push('\n\n');
    for (const child of Array.from(el.childNodes)) walk(child);
    if (block) out.push('\n\n');
  };
  walk(root);
  return out
    .join('')
    .split(/\n{2,}/)
    .map((para) => para.split('\n').map((line) => line.trim()).filter(Boolean).join('\n'))
    .filter(Boolean)
    .join('\n\n');
}

function clean(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
