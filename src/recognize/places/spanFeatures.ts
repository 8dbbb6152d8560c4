/**
 * Features of a candidate place span: its words and shape, its neighbours and their cue classes,
 * what the gazetteer and the demonym list say of it, and where it sits in its capitalized run.
 * Feature names are short strings; the span model (spanModel.ts) weighs them.
 */
import type { Gazetteer, GazetteerCandidate } from '../../core/index.js';
import { lookupName, type NameCandidates } from '../../resolve/names.js';
import { bundledLexicon, keyOf, type Lexicon } from './lexicon.js';
import { isConnector, type TokenFacts } from './tokens.js';

/** Longest candidate span, in tokens (hyphens count): "Bosnia and Herzegovina", "Paris Saint - Germain". */
export const MAX_SPAN_TOKENS = 7;

export interface SpanContext {
  readonly text: string;
  readonly facts: TokenFacts;
  readonly gazetteer: Gazetteer | null;
  readonly demonyms: Lexicon;
  readonly givenNames: Lexicon;
  /** Annotation convention (corpus) whose corrections to add: `D:<name>` copies of each feature. */
  readonly domain: string | null;
  /** Lower-cased text of every span of the document already looked up (doc-level features). */
  readonly docNames: Map<string, number>;
  /** Words written in lower case somewhere in the document ("state", "western"). */
  readonly lowerWords: Set<string>;
  /** Single capitalized words that also stand first / last in a longer capitalized run that
   * names no place ("Georgia Stevens", "Dewly Nelson"): people and organisations. */
  readonly inLongerFirst: Set<string>;
  readonly inLongerLast: Set<string>;
}

export function spanContext(text: string, facts: TokenFacts, gazetteer: Gazetteer | null, domain: string | null = null): SpanContext {
  return { text, facts, gazetteer, demonyms: bundledLexicon('demonyms'), givenNames: bundledLexicon('given-names'), domain, docNames: new Map(), lowerWords: new Set(), inLongerFirst: new Set(), inLongerLast: new Set() };
}

/** Class of a gazetteer entry for features: country, admin level, city rank, physical class. */
export function entryClass(c: GazetteerCandidate): string {
  const e = c.entry;
  const code = e.featureCode;
  if (code.startsWith('PCL') || code === 'TERR') return 'PCL';
  if (code === 'ADM1' || code === 'ADM1H') return 'ADM1';
  if (code.startsWith('ADM')) return 'ADM2';
  if (code === 'PPLC') return 'PPLC';
  if (code === 'PPLA' || code === 'PPLA2') return 'PPLA';
  if (e.featureClass === 'P') return 'PPL';
  if (code === 'CONT' || code === 'RGN') return 'RGN';
  return e.featureClass || 'X';
}

function popBucket(p: number): number {
  return p <= 0 ? 0 : Math.min(8, Math.floor(Math.log10(p)));
}

/** Token text of [i, j) as written (inner spacing kept). */
export function spanText(ctx: SpanContext, i: number, j: number): string {
  const t = ctx.facts.tokens;
  return ctx.text.slice(t[i]!.start, t[j - 1]!.end);
}

export function gazetteerOf(ctx: SpanContext, i: number, j: number): NameCandidates | null {
  if (!ctx.gazetteer) return null;
  return lookupName(ctx.gazetteer, spanText(ctx, i, j), undefined, false);
}

function shapeOf(ctx: SpanContext, i: number, j: number): string {
  let s = '';
  for (let k = i; k < j && s.length < 8; k++) {
    const c = ctx.facts.cases[k]!;
    const t = ctx.facts.tokens[k]!.text;
    s += c === 'cap' ? (t.includes('.') ? 'X.' : 'X') : c === 'upper' ? (t.includes('.') ? 'A.' : 'A') : c === 'lower' ? 'x' : t.length === 1 ? t : 'o';
  }
  return s;
}

/**
 * The features of span [i, j) of run [rs, re). `out` is filled (and returned) to spare
 * allocations in the hot loop.
 */
export function spanFeatures(ctx: SpanContext, i: number, j: number, rs: number, re: number, out: string[] = []): string[] {
  out.length = 0;
  const f = ctx.facts;
  const n = f.tokens.length;
  const lower = f.lower;
  const words = j - i;
  const first = lower[i]!;
  const last = lower[j - 1]!;
  const whole = words === 1 ? first : lower.slice(i, j).join(' ');

  out.push('b');
  out.push(`n=${Math.min(words, 5)}`);
  if (words <= 3) out.push(`w=${whole}`);
  out.push(`f=${first}`, `l=${last}`);
  out.push(`sh=${shapeOf(ctx, i, j)}`);
  if (words > 1) for (let k = i + 1; k < j - 1; k++) if (isConnector(lower[k]!)) out.push(`in=${lower[k]}`);

  // Neighbours.
  const p1 = i > 0 && f.tokens[i - 1]!.sentence === f.tokens[i]!.sentence ? i - 1 : -1;
  const p2 = p1 > 0 && f.tokens[p1 - 1]!.sentence === f.tokens[i]!.sentence ? p1 - 1 : -1;
  const n1 = j < n && f.tokens[j]!.sentence === f.tokens[j - 1]!.sentence ? j : -1;
  const n2 = n1 >= 0 && n1 + 1 < n && f.tokens[n1 + 1]!.sentence === f.tokens[j - 1]!.sentence ? n1 + 1 : -1;
  const pw = p1 >= 0 ? lower[p1]! : '<s>';
  const nw = n1 >= 0 ? lower[n1]! : '</s>';
  out.push(`p1=${pw}`, `n1=${nw}`);
  out.push(`p2=${p2 >= 0 ? lower[p2]! : '<s>'}_${pw}`);
  out.push(`n2=${nw}_${n2 >= 0 ? lower[n2]! : '</s>'}`);
  out.push(`pp=${p1 >= 0 ? f.tokens[p1]!.pos : 'S'}`, `np=${n1 >= 0 ? f.tokens[n1]!.pos : 'S'}`);
  out.push(`fp=${f.tokens[i]!.pos}`);
  if (p1 >= 0) for (const c of f.cues[p1]!) out.push(`pc=${c}`);
  if (p2 >= 0) for (const c of f.cues[p2]!) out.push(`pc2=${c}`);
  if (n1 >= 0) for (const c of f.cues[n1]!) out.push(`nc=${c}`);
  if (n2 >= 0 && (nw === "'s" || nw === '’s')) for (const c of f.cues[n2]!) out.push(`nsc=${c}`);
  for (const c of f.cues[i]!) out.push(`fc=${c}`);
  if (words > 1) for (const c of f.cues[j - 1]!) out.push(`lc=${c}`);
  if (p1 < 0) out.push('sent0');
  if (n1 >= 0 && f.tokens[n1]!.text === '(') out.push('n=(');

  // Place in the run.
  out.push(`run=${i === rs ? 's' : 'm'}${j === re ? 'e' : 'm'}`);
  if (re - rs > words) out.push(`runlen>${Math.min(re - rs - words, 3)}`);

  // Gazetteer.
  const g = gazetteerOf(ctx, i, j);
  let gcls = 'none';
  if (g && g.candidates.length) {
    const best = g.candidates[0]!;
    gcls = entryClass(best);
    let maxPop = 0;
    const classes = new Set<string>();
    for (const c of g.candidates) {
      if (c.entry.population > maxPop) maxPop = c.entry.population;
      if (classes.size < 4) classes.add(entryClass(c));
    }
    for (const c of classes) out.push(`gc=${c}`);
    out.push(`g=${gcls}`, `gp=${popBucket(maxPop)}`, `gn=${Math.min(g.candidates.length, 5)}`);
    out.push(g.exact ? 'gx' : g.generic ? 'ggeneric' : 'gfuzzy');
    if (g.alias) out.push('galias');
    out.push(`g+n1=${gcls}_${n1 >= 0 ? f.cues[n1]![0] ?? f.tokens[n1]!.pos : 'E'}`);
    out.push(`g+p1=${gcls}_${p1 >= 0 ? f.cues[p1]![0] ?? pw : 'S'}`);
    if (words === 1 && f.cases[i] === 'upper' && f.tokens[i]!.text.length <= 3) out.push('g+acronym');
    // At the start of a sentence every word is capitalized, so the capital says nothing; what the
    // gazetteer says (a prominent place) and what follows (a verb: "Sirte was captured") must
    // carry the decision there, conditioned on that position rather than shared with all spans.
    if (p1 < 0) {
      const np = n1 >= 0 ? f.tokens[n1]!.pos : 'E';
      out.push(`s0+g=${gcls}`, `s0+gp=${popBucket(maxPop)}`, `s0+fp=${f.tokens[i]!.pos}`, `s0+np=${np}`, `s0+${g.exact ? 'gx' : 'g~'}+np=${np}`);
      if (words === 1 && ctx.lowerWords.has(first)) out.push('s0+lower-elsewhere');
    }
    // "Johnson said" is a surname when "Mike Johnson" stands elsewhere; "Sirte said/was" never
    // stands last in a longer non-place name: the subject of a verb, told apart by the document.
    if (words === 1 && n1 >= 0 && f.cues[n1]!.includes('actor-verb')) {
      out.push(ctx.inLongerLast.has(first) || ctx.inLongerFirst.has(first) ? `g+verb+in-longer=${gcls}` : `g+verb+alone=${gcls}`, `g+verb+alone-gp=${ctx.inLongerLast.has(first) ? 'L' : popBucket(maxPop)}`);
    }
  } else {
    out.push('g=none', `g-+sh=${shapeOf(ctx, i, j)}`);
  }
  // A longer gazetteer name around it, or a shorter one inside it, in the same run.
  if (ctx.gazetteer) {
    if (i > rs && !isConnector(lower[i - 1]!) && gazHit(ctx, i - 1, j)) out.push('g:left-ext');
    if (j < re && !isConnector(lower[j]!) && gazHit(ctx, i, j + 1)) out.push('g:right-ext');
  }

  // Demonyms and adjectives of place.
  const dem = ctx.demonyms.map.get(keyOf(spanText(ctx, i, j)));
  if (dem) {
    const plural = /s$/.test(last) && !/ss$/.test(last);
    out.push(plural ? 'dem:pl' : 'dem', `dem+np=${n1 >= 0 ? f.tokens[n1]!.pos : 'E'}`, `dem+p1=${pw}`);
  }

  // Document level: how often the span's text recurs (names repeat; person names shrink to surnames).
  const seen = ctx.docNames.get(whole) ?? 0;
  if (seen) out.push(`seen=${Math.min(seen, 3)}`);
  if (words === 1) {
    if (ctx.lowerWords.has(first)) out.push('doc:lower-elsewhere');
    if (ctx.inLongerFirst.has(first) && re - rs === 1) out.push('doc:first-of-longer');
    if (ctx.inLongerLast.has(first) && re - rs === 1) out.push('doc:last-of-longer');
    if (first.length > 4) out.push(`suf=${first.slice(-3)}`);
  }
  // "Boise, Idaho", "Klamath Falls, Oregon": a place name on the other side of a comma.
  if (p1 >= 0 && f.tokens[p1]!.text === ',' && p2 >= 0 && f.cases[p2] !== 'lower' && gazHit(ctx, p2, p2 + 1)) out.push('comma-after-place');
  if (n1 >= 0 && f.tokens[n1]!.text === ',' && n2 >= 0 && f.cases[n2] !== 'lower' && gazHit(ctx, n2, n2 + 1)) out.push('comma-before-place');
  // Given names: "Jordan Peterson", "Georgia Stevens" (a given name before another capitalized word).
  if (ctx.givenNames.map.has(first)) {
    out.push(j < re ? 'given+next-in-run' : 'given');
    if (n1 >= 0 && f.cases[n1] === 'cap' && j === re) out.push('given+cap-after');
  }
  if (i > rs && ctx.givenNames.map.has(lower[i - 1]!)) out.push('after-given-name');
  // The capitalized words right after / before it, when they name no place ("Georgia Stevens").
  if (j === re - 0 && n1 >= 0 && (f.cases[n1] === 'cap') && !gazHit(ctx, n1, n1 + 1)) out.push('n1:cap-nogaz');
  if (i < re && j < re && (f.cases[j] === 'cap') && !gazHit(ctx, j, j + 1)) out.push('in-run:next-nogaz');
  if (i > rs && (f.cases[i - 1] === 'cap') && !gazHit(ctx, i - 1, i)) out.push('in-run:prev-nogaz');

  if (ctx.domain) {
    const k = out.length;
    for (let x = 0; x < k; x++) out.push(`${ctx.domain}:${out[x]}`);
  }
  return out;
}

function gazHit(ctx: SpanContext, i: number, j: number): boolean {
  const g = gazetteerOf(ctx, i, j);
  return !!g && g.exact && g.candidates.length > 0;
}
