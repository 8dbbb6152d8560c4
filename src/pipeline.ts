/**
 * The composition root: every stage of sitrep in order, in one place. Each step says why it sits
 * where it does. Stages get the RunContext explicitly; nothing here reads the clock.
 */
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import {
  inputError,
  withReference,
  type Document,
  type Extraction,
  type PublishedDate,
  type RunContext,
  type Warning,
} from './core/index.js';
import { ingest, type IngestOptions, type InputSource } from './ingest/index.js';
import { analyze, bundledRules, cleanText, detectLanguage } from './text/index.js';
import { resolveTimes } from './time/index.js';
import { geoparse } from './resolve/geoparse.js';
import { extractEvents, reportActors } from './events/index.js';

/** Run a stage, and trace its duration and a summary of its output (only when debugging). */
function timed<T>(ctx: RunContext, stage: string, run: () => T, summary: (result: T) => unknown): T {
  const t0 = performance.now();
  const result = run();
  const ms = performance.now() - t0;
  ctx.debug(stage, () => ({ ms: Math.round(ms * 100) / 100, ...(summary(result) as object) }));
  return result;
}

export interface ExtractOptions extends IngestOptions {
  /** Publication date given by the user: wins over anything found in the document. */
  readonly published?: PublishedDate | null;
  /** Outlet name, when the user knows it. */
  readonly sourceName?: string | null;
  /** Source-registry files rating outlets A–F (see src/events/sources.ts). */
  readonly sources?: readonly string[];
}

export async function extract(ctx: RunContext, source: InputSource, options: ExtractOptions = {}): Promise<Extraction> {
  // 1. Ingest: bytes → text and metadata. Reading is bounded by ctx.limits.maxInputBytes.
  const input = await ingest(ctx, source, options);
  const warnings: Warning[] = [...input.warnings];

  // 2. Clean: boilerplate out, offsets kept. Before anything else reads the text, so furniture
  //    ("Print Friendly, PDF & Email") never reaches a sentence, a date or a mention.
  const clean = cleanText(input.text, input.kind === 'html' ? 'html-text' : 'input', bundledRules('en'), ctx.limits.maxTextChars);
  warnings.push(...clean.warnings);
  if (!clean.text.trim()) {
    const why = input.text.trim() ? 'it holds only page furniture (menus, share buttons, footers)' : 'it is empty';
    throw inputError('empty', `no report text in ${input.origin}: ${why}`, 'Give sitrep a news report as plain text or HTML.');
  }

  // 3. Publication date: the user's word first, then the document's own metadata. It becomes the
  //    reference every relative date ("last week") is resolved against.
  const published = options.published ?? input.published;
  const runCtx = withReference(ctx, published?.date ?? null);
  if (!published) {
    warnings.push({ code: 'time.no-publication-date', stage: 'ingest', message: 'no publication date given or found; relative dates ("last week") cannot be resolved. Pass --published YYYY-MM-DD.' });
  }

  // 4. Language: warn early; English rules still run (names and numbers survive translation).
  const lang = detectLanguage(clean.text);
  warnings.push(...lang.warnings);

  const document: Document = {
    id: `doc-${createHash('sha256').update(clean.text).digest('hex').slice(0, 16)}`,
    source: { name: options.sourceName ?? input.siteName ?? null, origin: input.origin, reliability: 'F' },
    title: input.title,
    byline: input.byline,
    url: input.url,
    published,
    language: lang.language,
    inputKind: input.kind,
    text: clean.text,
    offsetMap: clean.map,
    sourceText: input.text,
    removed: clean.removed,
  };

  ctx.debug('ingest', () => ({ kind: input.kind, chars: document.text.length, removed: document.removed.map((r) => r.rule), published: published ?? null, language: lang.language }));

  // 5. Sentences and tokens (wink-nlp).
  const { tokens, sentences } = timed(ctx, 'text', () => analyze(document.text), (r) => ({ sentences: r.sentences.length, tokens: r.tokens.length }));

  // 6. Time: needs the reference from step 3.
  const time = timed(runCtx, 'time', () => resolveTimes(runCtx, document.text), (r) => ({ times: r.times.map((t) => `${t.span.text} → ${t.value ? `${t.value.start}..${t.value.end}` : 'unresolved'}`), year: r.yearInference }));
  warnings.push(...time.warnings);

  // 7. Actors, early: the actor dictionary's phrases on the words (no places needed), so that the
  //    geoparser can weigh the countries of the report's actors ("pro-Houthi forces shelled Hays"
  //    is in Yemen). The words are handed on to the events stage rather than made twice.
  const early = timed(runCtx, 'actors', () => reportActors(runCtx, document.text, sentences, tokens), (r) => ({ countries: r.countries.map((c) => `${c.country}×${c.weight}: ${c.names.join(', ')}`) }));

  // 8. Places: recognize and resolve every place mention (needs the tokens of step 5, the actors'
  //    countries of step 7 and the gazetteer of the context; without one, places are recognized
  //    but left unresolved). Dates go first so that a month in a date ("March 14") is never taken
  //    for a town.
  const geo = geoparse(runCtx, document.text, tokens, { excludeSpans: time.times.map((t) => t.span), actorCountries: early.countries });
  warnings.push(...geo.warnings);

  // 9. Events, actors, claims, control: last, because an event is coded from who (actors, read
  //    again now with the places: "Misrata militias", "Moscow denied"), where (the places of
  //    step 8) and when (the times of step 6).
  const ev = timed(runCtx, 'events', () => extractEvents(runCtx, { text: document.text, sentences, tokens, times: time.times, places: geo.places, source: document.source, words: early.words }, { sources: options.sources ?? [] }), (r) => ({ events: r.events.length, claims: r.claims.length, control: r.control.length }));
  warnings.push(...ev.warnings);

  return {
    document: { ...document, source: ev.source },
    sentences,
    tokens,
    times: ev.times,
    yearInference: time.yearInference,
    mentions: [...geo.mentions, ...ev.mentions],
    places: ev.places,
    actors: ev.actors,
    events: ev.events,
    claims: ev.claims,
    control: ev.control,
    warnings,
  };
}
