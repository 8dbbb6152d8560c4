/**
 * Place recognition: find every span of a report that names a place, or an adjective of one
 * ("Libyan"), from tokens alone plus the gazetteer.
 *
 *   tokens → capitalized runs (tokens.ts) → candidate spans, each with features (spanFeatures.ts)
 *          → best non-overlapping spans per run (spanModel.ts, a trained linear model)
 *
 * Contract: `recognizePlaces(ctx, text, tokens)` → mentions sorted by start, non-overlapping.
 * Usage (literal, metonymic, …) and resolution come after, in src/resolve/.
 */
import type { Gazetteer, Token, Warning } from '../../core/index.js';
import { keyOf } from './lexicon.js';
import { bundledSpanModel, decodeRun, runSpans, type SpanModel } from './spanModel.js';
import { gazetteerOf, spanContext, spanText, type SpanContext } from './spanFeatures.js';
import { tokenFacts, type TokenFacts } from './tokens.js';
import { recognizeByCues } from './cueRecognizer.js';
import { lookupName, matchLevel } from '../../resolve/names.js';

export { bundledLexicon, parseLexicon, keyOf, lookupWord, type Lexicon } from './lexicon.js';

export interface PlaceLimits {
  /** Tokens of one capitalized run considered (a run of thousands of capitalized words is cut). */
  readonly maxRunTokens: number;
  /** Place mentions kept per document; the rest are dropped with a warning. */
  readonly maxMentions: number;
}

export const DEFAULT_PLACE_LIMITS: PlaceLimits = { maxRunTokens: 40, maxMentions: 5_000 };

export interface PlaceMention {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly startToken: number;
  readonly endToken: number;
  readonly form: 'name' | 'adjective';
  /** The model's margin for the span (> 0); higher is surer. */
  readonly score: number;
  /** For adjectives and demonyms: the key of demonyms.txt (`LY`, `=Europe`). */
  readonly demonymOf: string | null;
  readonly rules: readonly string[];
}

export interface RecognizeOptions {
  readonly gazetteer: Gazetteer | null;
  /** Annotation convention to apply (a corpus name); null for sitrep's own. */
  readonly domain?: string | null;
  readonly model?: SpanModel;
  readonly limits?: PlaceLimits;
  /** Add the cue rules' places (default true). */
  readonly cues?: boolean;
}

export interface Recognition {
  readonly mentions: PlaceMention[];
  readonly facts: TokenFacts;
  readonly warnings: Warning[];
}

/** Count every candidate span's text once per occurrence: the doc-level `seen` feature. */
export function countDocNames(ctx: SpanContext): void {
  const f = ctx.facts;
  for (let k = 0; k < f.tokens.length; k++) if (f.cases[k] === 'lower') ctx.lowerWords.add(f.lower[k]!);
  for (const [rs, re] of f.runs) {
    if (re - rs < 2 || re - rs > 4) continue;
    const firstOk = f.cases[rs] === 'cap';
    const lastOk = f.cases[re - 1] === 'cap';
    if (!firstOk || !lastOk || !ctx.gazetteer) continue;
    if (gazetteerOf(ctx, rs, re)?.exact) continue;
    ctx.inLongerFirst.add(f.lower[rs]!);
    ctx.inLongerLast.add(f.lower[re - 1]!);
  }
  for (const [rs, re] of ctx.facts.runs) {
    for (const [i, j] of runSpans(ctx, rs, re)) {
      if (j - i > 3) continue;
      const k = ctx.facts.lower.slice(i, j).join(' ');
      ctx.docNames.set(k, (ctx.docNames.get(k) ?? 0) + 1);
    }
  }
}

/**
 * Whether token k starts a person's name: a given name followed, in the same run, by a capitalized
 * word the gazetteer does not know at all and that is no generic place word or organisation word.
 */
function isPersonName(ctx: SpanContext, k: number): boolean {
  const f = ctx.facts;
  const n = k + 1;
  if (!ctx.givenNames.map.has(f.lower[k]!) || n >= f.tokens.length || f.cases[n] !== 'cap' || f.tokens[n]!.sentence !== f.tokens[k]!.sentence) return false;
  if (f.tokens[n]!.start - f.tokens[k]!.end !== 1) return false;
  if (f.cues[n]!.some((c) => c === 'generic-tail' || c === 'org-tail' || c === 'person-title' || c === 'determiner')) return false;
  if (ctx.lowerWords.has(f.lower[n]!)) return false; // "Florida Legislature": a common word
  const next = gazetteerOf(ctx, n, n + 1);
  return !next?.candidates.some((c) => (matchLevel(c) === 'exact' || matchLevel(c) === 'folded') && (c.entry.population >= 10_000 || c.entry.featureClass === 'A'));
}

/** A town this big, named alone in brackets after a name, is taken as its container. */
const CONTAINER_TOWN_POPULATION = 10_000;

export function recognizePlaces(text: string, tokens: readonly Token[], options: RecognizeOptions): Recognition {
  const limits = options.limits ?? DEFAULT_PLACE_LIMITS;
  const model = options.model ?? bundledSpanModel();
  const facts = tokenFacts(tokens, limits.maxRunTokens);
  const ctx = spanContext(text, facts, options.gazetteer, options.domain ?? null);
  countDocNames(ctx);
  const warnings: Warning[] = [];
  const mentions: PlaceMention[] = [];
  const score = (features: string[]) => model.score(features);
  for (const [rs, re] of facts.runs) {
    for (const sp of decodeRun(ctx, rs, re, score)) {
      if (mentions.length >= limits.maxMentions) break;
      const t = spanText(ctx, sp.i, sp.j);
      const dem = ctx.demonyms.map.get(keyOf(t)) ?? null;
      mentions.push({
        start: tokens[sp.i]!.start,
        end: tokens[sp.j - 1]!.end,
        text: t,
        startToken: sp.i,
        endToken: sp.j,
        form: dem ? 'adjective' : 'name',
        score: sp.score,
        demonymOf: dem,
        rules: [dem ? 'place/recognize/demonym' : 'place/recognize/span-model'],
      });
    }
    if (mentions.length >= limits.maxMentions) {
      warnings.push({ code: 'limits.place-mentions', stage: 'places', message: `more than ${limits.maxMentions.toLocaleString('en')} place mentions: the rest of the text was not searched for places`, span: { start: tokens[rs]!.start, end: text.length } });
      break;
    }
  }
  // A given name before a surname is a person: "Georgia Stevens", "Jordan Peterson". Under sitrep's
  // own convention only: on the annotated corpora this rule costs more places ("Florida
  // Legislature") than it saves, and their runs follow the corpus's own convention.
  for (let k = options.domain ? 0 : mentions.length - 1; k >= 0 && !options.domain; k--) {
    const m = mentions[k]!;
    if (m.endToken - m.startToken !== 1 || !isPersonName(ctx, m.startToken)) continue;
    mentions.splice(k, 1);
  }

  // sitrep's own convention: every adjective or demonym of a place is a mention ("Libyan forces",
  // "the French"), told apart later by its usage; corpora differ on them, so their runs leave it
  // to the model.
  if (!options.domain && mentions.length < limits.maxMentions) {
    const taken = new Uint8Array(tokens.length);
    for (const m of mentions) for (let k = m.startToken; k < m.endToken; k++) taken[k] = 1;
    for (let k = 0; k < tokens.length && mentions.length < limits.maxMentions; k++) {
      if (taken[k] || (facts.cases[k] !== 'cap' && facts.cases[k] !== 'upper')) continue;
      for (const len of [2, 1]) {
        if (k + len > tokens.length || (len === 2 && (taken[k + 1] || facts.cases[k + 1] === 'lower'))) continue;
        const t = text.slice(tokens[k]!.start, tokens[k + len - 1]!.end);
        const dem = ctx.demonyms.map.get(keyOf(t));
        if (!dem) continue;
        mentions.push({ start: tokens[k]!.start, end: tokens[k + len - 1]!.end, text: t, startToken: k, endToken: k + len, form: 'adjective', score: 0, demonymOf: dem, rules: ['place/recognize/demonym-list'] });
        k += len - 1;
        break;
      }
    }
    mentions.sort((a, b) => a.start - b.start);
  }

  // Places the gazetteer lacks, by the words around them ("Wadi Zamzam", "the Harouge mountains").
  if (options.cues !== false && mentions.length < limits.maxMentions) {
    const gaz = options.gazetteer;
    // A country, a division or a town of some size by its name (exact or folded, not a fuzzy
    // spelling): what a bracket of containers ends with ("(Qaatabah, Ad Dali)", "(Sirt)").
    const isArea = (name: string) => !!gaz && lookupName(gaz, name, undefined, false).candidates.some((c) => (c.entry.featureClass === 'A' || (c.entry.featureClass === 'P' && c.entry.population >= CONTAINER_TOWN_POPULATION)) && (matchLevel(c) === 'exact' || matchLevel(c) === 'folded'));
    // place/cue/known trusts the gazetteer only for a name the document never uses otherwise: no
    // given name, no word written in lower case elsewhere ("commerce"), none standing first or
    // last in a longer non-place name ("Bill Clinton … in Clinton"), no day or month.
    const knownPlace = (name: string) => {
      const words = name.toLowerCase().split(/\s+/);
      if (words.some((w) => ctx.lowerWords.has(w) || ctx.inLongerFirst.has(w) || ctx.inLongerLast.has(w))) return false;
      if (ctx.givenNames.map.has(words[0]!) || /^(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?$|day$/.test(words[0]!)) return false;
      return isArea(name);
    };
    const more = recognizeByCues(text, facts, mentions, isArea, options.domain ? () => false : knownPlace).slice(0, limits.maxMentions - mentions.length);
    if (more.length) {
      const extended = new Set(more.map((m) => m.startToken));
      for (let k = mentions.length - 1; k >= 0; k--) {
        const m = mentions[k]!;
        if (extended.has(m.startToken) && m.endToken - m.startToken === 1) mentions.splice(k, 1);
      }
      mentions.push(...more);
      mentions.sort((a, b) => a.start - b.start);
    }
  }
  // One name, one reading: a name recognized as a place elsewhere in the report is a place again
  // right after a locative preposition ("Militias from Misrata said …" beside "between Sirte and
  // Misrata"), where the model alone may read "Misrata said" as a person speaking. Sitrep's own
  // convention only: the corpora annotate what their annotators saw.
  if (!options.domain && mentions.length && mentions.length < limits.maxMentions) {
    const again = sameNameAfterPreposition(facts, mentions).slice(0, limits.maxMentions - mentions.length);
    if (again.length) {
      mentions.push(...again);
      mentions.sort((a, b) => a.start - b.start);
    }
  }
  if (facts.runs.some(([s, e]) => e - s >= limits.maxRunTokens)) {
    warnings.push({ code: 'limits.place-run', stage: 'places', message: `a run of more than ${limits.maxRunTokens} capitalized words was cut into pieces for place recognition` });
  }
  return { mentions, facts, warnings };
}

/** Other occurrences of a recognized name, as a whole capitalized run after a locative preposition. */
function sameNameAfterPreposition(facts: TokenFacts, mentions: readonly PlaceMention[]): PlaceMention[] {
  const t = facts.tokens;
  const byText = new Map<string, PlaceMention>();
  for (const m of mentions) if (m.form === 'name' && !byText.has(m.text)) byText.set(m.text, m);
  const taken = new Set<number>();
  for (const m of mentions) for (let k = m.startToken; k < m.endToken; k++) taken.add(k);
  const out: PlaceMention[] = [];
  for (const [s, e] of facts.runs) {
    if (s === 0 || taken.has(s) || taken.has(e - 1)) continue;
    if (t[s - 1]!.sentence !== t[s]!.sentence || facts.cases[s - 1] !== 'lower' || !facts.cues[s - 1]!.includes('locative-prep')) continue;
    const text = t.slice(s, e).map((x) => x.text).join(' ');
    const m = byText.get(text);
    if (!m || m.endToken - m.startToken !== e - s) continue;
    out.push({ start: t[s]!.start, end: t[e - 1]!.end, text, startToken: s, endToken: e, form: 'name', score: m.score, demonymOf: null, rules: ['place/cue/same-name'] });
  }
  return out;
}
