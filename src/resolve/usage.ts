/**
 * How each place mention is used: the place itself (literal), the state or people acting
 * (metonymic: "Britain informed", "Washington said"), a noun modifier ("the Sirte offensive",
 * "Libyan forces"), people (demonym: "the French are ready"), part of another name (embedded:
 * "the Washington Post") or a language ("in English"). Only literal places can be event locations.
 *
 * Rules over the words around the mention (data/places/en/usage.txt and cues.txt); each decision
 * carries the rule tag that made it.
 */
import type { PlaceUsage } from '../core/index.js';
import { bundledLexicon } from '../recognize/places/lexicon.js';
import type { PlaceMention } from '../recognize/places/index.js';
import type { TokenFacts } from '../recognize/places/tokens.js';

export interface UsageDecision {
  readonly usage: PlaceUsage;
  readonly rule: string;
}

interface Ctx {
  readonly facts: TokenFacts;
  readonly mentions: readonly PlaceMention[];
  /** Whether each mention resolved to a country (or a group of countries). */
  readonly isCountry: readonly boolean[];
}

const words = (cls: string) => new Set((bundledLexicon('usage').entries.get(cls) ?? []).map((w) => w.toLowerCase()));
let lists: Record<string, Set<string>> | null = null;
function list(cls: string): Set<string> {
  lists ??= {};
  return (lists[cls] ??= words(cls));
}
const hasCue = (f: TokenFacts, k: number, cls: string) => k >= 0 && k < f.tokens.length && f.cues[k]!.includes(cls);

const DASHES = new Set(['–', '—', '-', '--']);
let orgTailSet: Set<string> | null = null;
/** Organisation tails in lower case, hyphenated ones too ("saint-germain"). */
function orgTails(): Set<string> {
  return (orgTailSet ??= new Set((bundledLexicon('cues').entries.get('org-tail') ?? []).map((w) => w.toLowerCase())));
}
const LEFT_RULES = new Set(['place/usage/actor-origin', 'place/usage/addressee']);
const RIGHT_RULES = new Set(['place/usage/actor-verb', 'place/usage/relative-clause-actor', 'place/usage/possessive-actor']);

export function classifyUsage(facts: TokenFacts, mentions: readonly PlaceMention[], isCountry: readonly boolean[]): UsageDecision[] {
  const ctx: Ctx = { facts, mentions, isCountry };
  const out = mentions.map((m, i) => single(ctx, m, i));
  // A coordination shares its usage: "the US, Britain, France, and Italy, which all have …" takes
  // what the right context of its last member says, "troops from Italy and Britain" what the left
  // context of its first member says.
  for (const group of coordinations(ctx)) {
    const first = out[group[0]!]!;
    const last = out[group[group.length - 1]!]!;
    const from = LEFT_RULES.has(first.rule) && first.usage === 'metonymic' ? first : RIGHT_RULES.has(last.rule) && last.usage === 'metonymic' ? last : null;
    if (!from) continue;
    for (const k of group) if ((out[k]!.usage === 'literal' || out[k]!.usage === 'modifier') && isCountry[k] && mentions[k]!.form === 'name') out[k] = { usage: 'metonymic', rule: `${from.rule}/coordinated` };
  }
  return out;
}

function single(ctx: Ctx, m: PlaceMention, i: number): UsageDecision {
  const f = ctx.facts;
  const t = f.tokens;
  const n = t.length;
  const same = (k: number) => k >= 0 && k < n && t[k]!.sentence === t[m.startToken]!.sentence;
  const prev = m.startToken - 1;
  const next = m.endToken;
  const lw = (k: number) => (same(k) ? f.lower[k]! : '');

  // Part of a longer name: "the Washington Post", "Georgia Tech", "University of California".
  if (same(next) && (f.cases[next] === 'cap' || f.cases[next] === 'upper') && (hasCue(f, next, 'org-tail') || orgTails().has(`${lw(next)}-${lw(next + 2)}`) && t[next + 1]?.text === '-')) return { usage: 'embedded', rule: 'place/usage/org-tail' };
  if (same(prev) && lw(prev) === 'of' && same(prev - 1) && hasCue(f, prev - 1, 'org-tail')) return { usage: 'embedded', rule: 'place/usage/org-of' };

  // Adjectives and demonyms.
  if (m.form === 'adjective') {
    if (list('language').has(m.text) && list('language-before').has(lw(prev))) return { usage: 'language', rule: 'place/usage/language' };
    const plural = /s$/i.test(m.text) && !/ss$/i.test(m.text) && m.text !== 'Swiss';
    if (plural) return { usage: 'demonym', rule: 'place/usage/demonym-plural' };
    // "the French are ready": an adjective standing alone after a determiner.
    const nextPos = same(next) ? t[next]!.pos : 'END';
    if (hasCue(f, prev, 'determiner') && (nextPos === 'VERB' || nextPos === 'AUX' || nextPos === 'PUNCT' || nextPos === 'END' || nextPos === 'ADP')) return { usage: 'demonym', rule: 'place/usage/demonym-standalone' };
    return { usage: 'modifier', rule: 'place/usage/adjective' };
  }

  // A country heading a section: "France – President Francois Hollande …" (a city there is a dateline).
  if (ctx.isCountry[i] && !same(prev) && same(next) && DASHES.has(t[next]!.text) && f.cases[m.startToken] !== 'upper') return { usage: 'metonymic', rule: 'place/usage/actor-heading' };

  // "X's NOUN": geographic noun → literal; actor noun (or any noun after a country) → metonymic.
  if (same(next) && (lw(next) === "'s" || lw(next) === 's')) {
    const noun = lw(next + 1);
    if (list('geo-noun').has(noun)) return { usage: 'literal', rule: 'place/usage/possessive-geo' };
    if (list('actor-noun').has(noun) || ctx.isCountry[i]) return { usage: 'metonymic', rule: 'place/usage/possessive-actor' };
    return { usage: 'literal', rule: 'place/usage/possessive' };
  }

  // "troops from Italy": the origin of an actor.
  if (lw(prev) === 'from' && ctx.isCountry[i] && list('actor-origin').has(lw(prev - 1))) return { usage: 'metonymic', rule: 'place/usage/actor-origin' };

  // Subject of a verb of saying or doing: "Britain informed", "Washington said", "Russia will respond".
  if (same(next) && hasCue(f, next, 'actor-verb') && !isPlaceSubjectContext(ctx, m)) {
    // "Sirte was captured": a passive keeps the place literal.
    if (list('passive-aux').has(lw(next)) && same(next + 1) && /(?:ed|en|wn|ht|lt)$/.test(lw(next + 1))) return { usage: 'literal', rule: 'place/usage/passive' };
    if (list('passive-aux').has(lw(next)) && !ctx.isCountry[i]) return { usage: 'literal', rule: 'place/usage/copula' };
    return { usage: 'metonymic', rule: 'place/usage/actor-verb' };
  }

  // "the US, Britain, France, and Italy, which all have …": a relative clause whose verb acts.
  if (same(next) && lw(next) === ',' && (lw(next + 1) === 'which' || lw(next + 1) === 'who')) {
    const v = lw(next + 2) === 'all' || lw(next + 2) === 'both' ? next + 3 : next + 2;
    if (hasCue(f, v, 'actor-verb') && ctx.isCountry[i]) return { usage: 'metonymic', rule: 'place/usage/relative-clause-actor' };
  }

  // The one told, warned or urged: "Cameron informed other European countries and the US".
  if (ctx.isCountry[i]) {
    for (let k = m.startToken - 1; k >= m.startToken - 7 && same(k); k--) {
      if (hasCue(f, k, 'locative-prep') && f.lower[k] !== 'and') break;
      if (list('addressee-verb').has(f.lower[k]!)) return { usage: 'metonymic', rule: 'place/usage/addressee' };
    }
  }

  // "US-European operation": the first part of a hyphenated compound modifies it.
  if (same(next) && (t[next]!.text === '-' || t[next]!.text === '–') && t[next]!.start === t[m.endToken - 1]!.end && (f.cases[next + 1] === 'cap' || f.cases[next + 1] === 'upper')) {
    return { usage: 'modifier', rule: 'place/usage/compound' };
  }

  // A name before a common noun modifies it: "the Sirte offensive", "Kentucky employers".
  if (same(next) && f.cases[next] === 'lower' && (t[next]!.pos === 'NOUN' || t[next]!.pos === 'ADJ') && !list('time-word').has(f.lower[next]!) && !list('geo-noun').has(f.lower[next]!) && !hasCue(f, next, 'generic-tail-lower') && !hasCue(f, next, 'type-noun') && !isPreposed(ctx, m)) {
    return { usage: 'modifier', rule: 'place/usage/noun-modifier' };
  }
  return { usage: 'literal', rule: 'place/usage/default' };
}

/** A preposition or a locative verb right before the name keeps it literal ("in Sirte said …" is rare). */
function isPlaceSubjectContext(ctx: Ctx, m: PlaceMention): boolean {
  const k = m.startToken - 1;
  const f = ctx.facts;
  if (k < 0 || f.tokens[k]!.sentence !== f.tokens[m.startToken]!.sentence || !hasCue(f, k, 'locative-prep')) return false;
  // "of" only after a lower-case kind noun: "the town of Bir al-Ghanam left 26 dead" is a place,
  // "the President of France said" is not about the place.
  return f.lower[k] !== 'of' || (k > 0 && f.cases[k - 1] === 'lower' && bundledLexicon('kinds').map.has(f.lower[k - 1]!));
}

/** "in Sirte residents …": after a preposition, a name + noun is still often literal. */
function isPreposed(ctx: Ctx, m: PlaceMention): boolean {
  return isPlaceSubjectContext(ctx, m) && ctx.facts.lower[m.startToken - 1] !== 'from';
}

/**
 * Groups of mentions joined by commas and "and"/"or" in one sentence ("the US, Britain, France,
 * and Italy"), as lists of mention indexes.
 */
function coordinations(ctx: Ctx): number[][] {
  const f = ctx.facts;
  const groups: number[][] = [];
  let cur: number[] = [];
  for (let i = 0; i < ctx.mentions.length; i++) {
    if (!cur.length) {
      cur = [i];
      continue;
    }
    const a = ctx.mentions[cur[cur.length - 1]!]!;
    const b = ctx.mentions[i]!;
    const between = f.lower.slice(a.endToken, b.startToken);
    const joined = between.length > 0 && between.length <= 2 && between.every((w) => w === ',' || w === 'and' || w === 'or') && f.tokens[a.startToken]!.sentence === f.tokens[b.startToken]!.sentence;
    if (joined) cur.push(i);
    else {
      if (cur.length > 1) groups.push(cur);
      cur = [i];
    }
  }
  if (cur.length > 1) groups.push(cur);
  return groups;
}
