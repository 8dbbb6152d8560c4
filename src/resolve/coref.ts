/**
 * Nominal references to places: "the city" after Sirte, "its stronghold, the city of Sirte",
 * "the country" in a report about Libya. Each becomes a place of form `nominal` that refers to the
 * place it takes its coordinates from, with the reason.
 */
import type { Token } from '../core/index.js';
import { bundledLexicon } from '../recognize/places/lexicon.js';
import type { TokenFacts } from '../recognize/places/tokens.js';
import { compassOf } from './relative.js';

/** A place already known when a nominal is read: its span, kind and whether it is resolved. */
export interface Antecedent {
  readonly index: number;
  readonly startToken: number;
  readonly endToken: number;
  /** Kind as the resolver saw it: city, country, admin, water, mountain, region, other. */
  readonly kind: string;
  /** The kind noun the text used with it ("the city of Sirte" → city), if any. */
  readonly cue: string | null;
  readonly resolved: boolean;
  readonly literal: boolean;
  readonly country: string | null;
}

export interface NominalRef {
  readonly startToken: number;
  readonly endToken: number;
  readonly kind: string;
  /** Index of the antecedent in the list given, or -1 when none fits. */
  readonly antecedent: number;
  readonly rule: string;
  readonly reason: string;
}

const DETERMINERS = new Set(['the', 'its', 'their', 'this', 'that', 'his', 'her', 'our']);
/** Sentences back an antecedent may lie. */
const WINDOW = 4;

const RELATION_WORDS = new Set(['of', 'from', 'the', '-', 'outside', 'near', 'outskirts']);

/** A word of a relative location: a compass point, a unit or a hedge of relative.txt, a number. */
function isRelationWord(w: string): boolean {
  if (RELATION_WORDS.has(w) || /^\d+$/.test(w) || compassOf(w)) return true;
  const k = bundledLexicon('relative').map.get(w);
  return k === 'hedge' || (!!k && /^\d/.test(k));
}

/** Only a relation ("east of", "20 km from the") lies between the name and the nominal. */
function locatedBy(facts: TokenFacts, from: number, to: number): boolean {
  if (to <= from || to - from > 6) return false;
  for (let k = from; k < to; k++) if (!isRelationWord(facts.lower[k]!)) return false;
  return facts.tokens[from]!.sentence === facts.tokens[to]!.sentence;
}

export function findNominals(facts: TokenFacts, antecedents: readonly Antecedent[], topCountry: string | null): NominalRef[] {
  const nouns = bundledLexicon('relative');
  const kindOf = (w: string): string | null => {
    const k = nouns.map.get(w);
    return k === 'city' || k === 'country' || k === 'admin' ? k : null;
  };
  const t: readonly Token[] = facts.tokens;
  const out: NominalRef[] = [];
  const taken = new Set<number>();
  for (const a of antecedents) for (let k = a.startToken; k < a.endToken; k++) taken.add(k);
  for (let i = 0; i + 1 < t.length; i++) {
    if (!DETERMINERS.has(facts.lower[i]!) || taken.has(i)) continue;
    // Determiner, at most one adjective, then a place noun.
    let j = i + 1;
    if (t[j]!.pos === 'ADJ' && j + 1 < t.length && t[j + 1]!.sentence === t[i]!.sentence) j++;
    if (facts.cases[j] !== 'lower' || t[j]!.sentence !== t[i]!.sentence) continue;
    const kind = kindOf(facts.lower[j]!);
    if (!kind) continue;
    const end = j + 1;
    // "the city of Sirte", "the town Sirte": the noun introduces a name, it refers to nothing.
    if (end < t.length && t[end]!.sentence === t[i]!.sentence && (facts.lower[end] === 'of' || facts.cases[end] === 'cap' || facts.lower[end] === "'s")) continue;
    // Apposition: "its stronghold, the city of Sirte" → the name right after.
    let antecedent = -1;
    let rule = '';
    let reason = '';
    if (end + 1 < t.length && t[end]!.text === ',') {
      let k = end + 1;
      if (facts.lower[k] === 'the' && kindOf(facts.lower[k + 1] ?? '') && facts.lower[k + 2] === 'of') k += 3;
      const app = antecedents.find((a) => a.startToken === k);
      if (app) {
        antecedent = app.index;
        rule = 'place/coref/apposition';
        reason = 'in apposition to the name that follows';
      }
    }
    if (antecedent < 0) {
      const sent = t[i]!.sentence;
      const subject = end < t.length && t[end]!.sentence === sent && facts.cues[end]!.includes('actor-verb');
      let best = -1;
      let bestScore = -Infinity;
      for (const a of antecedents) {
        if (a.endToken > i) continue;
        // "Mala Rohan east of the city": the place located is not the one it is located by.
        if (locatedBy(facts, a.endToken, i)) continue;
        const dist = sent - t[a.startToken]!.sentence;
        if (dist > WINDOW) continue;
        const fits = a.kind === kind || a.cue === kind || (kind === 'admin' && a.kind === 'admin');
        if (!fits) continue;
        let s = -0.3 * dist + (a.cue === kind ? 2 : 0) + (a.resolved ? 1 : 0) + a.endToken / 1e6;
        // "whether the country should take …": a subject that acts refers to an actor; "invasion
        // of the country", "in the country" to the place the report is about.
        if (subject) s += a.literal ? 0 : 2;
        else {
          s += a.literal ? 0.5 : 0;
          if (kind === 'country' && topCountry && a.country === topCountry) s += 2;
        }
        if (s > bestScore) {
          bestScore = s;
          best = a.index;
        }
      }
      if (best >= 0) {
        antecedent = best;
        rule = 'place/coref/previous';
        reason = `refers back to the last ${kind} named before it`;
      }
    }
    if (antecedent < 0) continue;
    out.push({ startToken: i, endToken: end, kind, antecedent, rule, reason });
    for (let k = i; k < end; k++) taken.add(k);
  }
  return out;
}
