/**
 * Places the gazetteer lacks, found by the words around them (after the span model, which leans
 * on the gazetteer). Each rule adds spans the model left out and tags them:
 *
 *   place/cue/head       "Wadi Zamzam", "Jabal al Akhdar", "Gulf of Sidra" (strong-head in cues.txt)
 *   place/cue/tail       "the Harouge mountains", "Nineveh province" (kinds.txt after the name)
 *   place/cue/type-of    "the town of Al Washka"
 *   place/cue/list       the other members of a list most of whose members are places
 *                        ("control of Al Washka, Abu Njeem, Wadi Bey, Al Balgha, and Wadi Zamzam")
 *   place/cue/article    a name written with a lower-case Arabic article after a locative
 *                        preposition: "in al-Shamsani", "in el Mina", "near ad-Dabaat"
 *   place/cue/known      a name the gazetteer knows as a division or a town of 10,000+, right
 *                        after a locative preposition: "clashed in Surman (Azzawya)" (the model
 *                        left it out: a bracket after a name looks like an acronym's)
 *   place/cue/paren      a name after a locative preposition with its containers in brackets,
 *                        the last of them a place or a country/division the gazetteer knows:
 *                        "in Markhazah (Qaatabah, Ad Dali)", "at Hajlah area (Razih, Sadah)"
 *
 * Spans never overlap the model's mentions; people ("Mr. Al Balgha") and organisations
 * ("Mount Sinai Hospital") are left alone.
 */
import { bundledLexicon } from './lexicon.js';
import type { PlaceMention } from './index.js';
import { hyphenArticle, isArticle, isConnector, type TokenFacts } from './tokens.js';

/** Longest name a cue makes, in tokens. */
const MAX_CUE_NAME = 5;

interface Found {
  i: number;
  j: number;
  rule: string;
}

let capturePhrases: string[][] | null = null;


/** Whether a capture cue ("control of", "captured") ends right before token i. */
function captureBefore(facts: TokenFacts, i: number): boolean {
  capturePhrases ??= (bundledLexicon('cues').entries.get('capture-cue') ?? []).map((p) => p.toLowerCase().split(/\s+/));
  for (const p of capturePhrases) {
    const s = i - p.length;
    if (s < 0 || facts.tokens[s]!.sentence !== facts.tokens[i]!.sentence) continue;
    if (p.every((w, k) => facts.lower[s + k] === w)) return true;
  }
  return false;
}

/**
 * `isArea(text)`: whether the gazetteer knows the text as a country, an administrative division
 * or a sizeable town (the place/cue/paren rule trusts a bracket that ends with one);
 * `knownPlace(text)`: the same, with the document's evidence against a place name checked
 * (place/cue/known; the caller turns it off for the corpora's conventions).
 */
export function recognizeByCues(text: string, facts: TokenFacts, model: readonly PlaceMention[], isArea: (name: string) => boolean = () => false, knownPlace: (name: string) => boolean = () => false): PlaceMention[] {
  const t = facts.tokens;
  const n = t.length;
  const kinds = bundledLexicon('kinds');
  const taken = new Uint8Array(n);
  // A model mention that is only a generic head ("Wadi" of "Wadi Zamzam") gives way to the cue.
  const headOnly = new Set<number>();
  for (const m of model) {
    if (m.endToken - m.startToken === 1 && facts.cues[m.startToken]!.includes('strong-head')) {
      headOnly.add(m.startToken);
      continue;
    }
    for (let k = m.startToken; k < m.endToken; k++) taken[k] = 1;
  }
  const isName = (k: number) => k < n && (facts.cases[k] === 'cap' || facts.cases[k] === 'upper') && t[k]!.kind === 'word';
  const same = (a: number, b: number) => b >= 0 && b < n && t[a]!.sentence === t[b]!.sentence;
  const cue = (k: number, cls: string) => k >= 0 && k < n && facts.cues[k]!.includes(cls);
  /** End (exclusive) of the capitalized name starting at i: names, hyphens, "al"/"of" glue. */
  const nameEnd = (i: number): number => {
    let j = i;
    let last = -1;
    while (j < n && j - i < MAX_CUE_NAME + 2 && same(i, j)) {
      if (isName(j)) last = j;
      else if (!((isConnector(facts.lower[j]!) || hyphenArticle(t, facts.lower, j)) && facts.lower[j] !== 'and' && facts.lower[j] !== '&')) break;
      j++;
    }
    return last + 1;
  };
  const free = (i: number, j: number) => {
    for (let k = i; k < j; k++) if (taken[k]) return false;
    return true;
  };
  const personBefore = (i: number) => cue(i - 1, 'person-title');
  const orgAfter = (j: number) => same(j - 1, j) && cue(j, 'org-tail');
  const found: Found[] = [];
  const add = (i: number, j: number, rule: string) => {
    if (j <= i || !free(i, j) || personBefore(i) || orgAfter(j)) return;
    found.push({ i, j, rule });
    for (let k = i; k < j; k++) taken[k] = 1;
  };

  for (let i = 0; i < n; i++) {
    // "Wadi Zamzam", "Gulf of Sidra".
    // "Wadi al Washka", "Jabal ash Shaykh": an article may come between the head and the name.
    const glued = facts.lower[i + 1] === 'of' || t[i + 1]?.text === '-' || (facts.cases[i + 1] === 'lower' && isArticle(facts.lower[i + 1]!));
    if (cue(i, 'strong-head') && (isName(i + 1) || (glued && isName(i + 2))) && same(i, i + 1)) {
      add(i, nameEnd(i), 'place/cue/head');
      continue;
    }
    // "in al-Shamsani", "in el Mina": the article starts the name (a lower-case word, so no
    // capitalized run holds it); the preposition before it says it is a place.
    if (facts.cases[i] === 'lower' && isArticle(facts.lower[i]!) && i > 0 && cue(i - 1, 'locative-prep') && same(i, i - 1)) {
      const hyphen = t[i + 1]?.text === '-' && t[i + 1]!.start === t[i]!.end && t[i + 2]?.start === t[i + 1]!.end;
      const first = hyphen ? i + 2 : i + 1;
      if ((hyphen || isArticle(facts.lower[i]!, true)) && isName(first) && same(i, first) && !taken[first]) {
        add(i, nameEnd(first), 'place/cue/article');
        continue;
      }
    }
    // "the town of Al Washka".
    if (facts.lower[i] === 'of' && same(i, i - 1) && isName(i + 1) && kinds.map.has(facts.lower[i - 1]!) && facts.cases[i - 1] === 'lower' && ['the', 'a', 'of', 'in'].includes(facts.lower[i - 2] ?? '')) {
      add(i + 1, nameEnd(i + 1), 'place/cue/type-of');
    }
  }

  // "the Harouge and Al-Rouagha mountains", "Nineveh province": names before a lower-case kind noun.
  for (let k = 1; k < n; k++) {
    if (facts.cases[k] !== 'lower' || !facts.cues[k]!.includes('generic-tail-lower') || !kinds.map.has(facts.lower[k]!)) continue;
    let e = k; // names end here
    const spans: [number, number][] = [];
    while (e > 0 && isName(e - 1) && same(k, e - 1)) {
      let s = e - 1;
      while (s > 0 && same(k, s - 1) && (isName(s - 1) || (isConnector(facts.lower[s - 1]!) && facts.lower[s - 1] !== 'and' && isName(s - 2)))) s--;
      if (e - s > MAX_CUE_NAME) break;
      spans.push([s, e]);
      // "A and B mountains", "A, B and C mountains".
      if (facts.lower[s - 1] === 'and' || facts.lower[s - 1] === ',') {
        e = s - 1;
        if (facts.lower[e - 1] === ',') e--;
      } else break;
    }
    for (const [s, e2] of spans) add(s, e2, 'place/cue/tail');
  }

  // "in Markhazah (Qaatabah, Ad Dali)": a bracket of at most three names after a name, the last a
  // place; the names in it and the name before it are places. An acronym ("Islamic State (IS)")
  // is no container: the last name must be a place the model found or an area the gazetteer
  // knows, and the name before needs a locative preposition ("in", "at", "on the").
  const modelAt = new Map(model.map((m) => [m.startToken, m.endToken]));
  const spanText = (a: number, b: number) => text.slice(t[a]!.start, t[b - 1]!.end);
  for (let p = 1; p < n; p++) {
    if (t[p]!.text !== '(') continue;
    const items: [number, number][] = [];
    let k = p + 1;
    while (k < n && same(p, k) && items.length < 3 && isName(k)) {
      const end = modelAt.get(k) ?? nameEnd(k);
      items.push([k, end]);
      k = end;
      if (t[k]?.text !== ',') break;
      k++;
    }
    if (!items.length || t[k]?.text !== ')') continue;
    const [la, lb] = items[items.length - 1]!;
    const lastIsPlace = modelAt.get(la) === lb || (lb - la <= MAX_CUE_NAME && !/^\p{Lu}+$/u.test(spanText(la, lb)) && isArea(spanText(la, lb)));
    if (!lastIsPlace) continue;
    for (const [a, b] of items) if (!modelAt.has(a)) add(a, b, 'place/cue/paren');
    // The name before the bracket, with an optional kind noun between ("Hajlah area (…)").
    let e = p;
    if (facts.cases[e - 1] === 'lower' && kinds.map.has(facts.lower[e - 1]!)) e--;
    if (!isName(e - 1) || !same(p, e - 1)) continue;
    let s = e - 1;
    while (s > 0 && same(p, s - 1) && e - s < MAX_CUE_NAME && (isName(s - 1) || (isConnector(facts.lower[s - 1]!) && facts.lower[s - 1] !== 'and' && isName(s - 2)))) s--;
    const before = facts.lower[s - 1] === 'the' ? s - 2 : s - 1;
    if (before >= 0 && same(p, before) && cue(before, 'locative-prep')) add(s, e, 'place/cue/paren');
  }

  // "in Surman": a known area or town right after a locative preposition, not first in its
  // sentence (where every word is capitalized), at most three words.
  for (let i = 1; i < n; i++) {
    if (!isName(i) || taken[i] || facts.cases[i - 1] !== 'lower' || !cue(i - 1, 'locative-prep') || !same(i, i - 1)) continue;
    const e = nameEnd(i);
    if (e - i > 3 || orgAfter(e)) continue;
    const name = spanText(i, e);
    if (!/^\p{Lu}+$/u.test(name) && knownPlace(name)) add(i, e, 'place/cue/known');
  }

  // Lists: members of "A, B, C, and D" become places when most members already are.
  const all = [...model.map((m) => ({ i: m.startToken, j: m.endToken, place: true })), ...found.map((f) => ({ i: f.i, j: f.j, place: true }))].sort((a, b) => a.i - b.i);
  const isPlaceAt = new Map(all.map((x) => [x.i, x]));
  for (let i = 0; i < n; i++) {
    if (!isName(i) || (i > 0 && isName(i - 1))) continue;
    // Collect a list starting at i: items separated by "," or ", and" / "and".
    const items: [number, number][] = [];
    let k = i;
    while (k < n && items.length < 30) {
      const p = isPlaceAt.get(k);
      const end = p ? p.j : isName(k) ? nameEnd(k) : -1;
      if (end <= k || !same(i, k)) break;
      items.push([k, end]);
      let s = end;
      if (facts.lower[s] === ',') s++;
      if (facts.lower[s] === 'and' || facts.lower[s] === 'or') s++;
      if (s === end || !isName(s)) break;
      k = s;
    }
    if (items.length >= 2) {
      const places = items.filter(([a]) => isPlaceAt.has(a)).length;
      // After "control of", "captured", … one place is enough; otherwise a third of the list.
      const captured = captureBefore(facts, i);
      if ((captured && places >= 1) || (items.length >= 3 && places >= 2 && places * 3 >= items.length)) {
        for (const [a, b] of items) if (!isPlaceAt.has(a) && b - a <= 3) add(a, b, captured ? 'place/cue/captured-list' : 'place/cue/list');
      }
    }
    i = Math.max(i, k);
  }

  return found.map((f) => ({
    start: t[f.i]!.start,
    end: t[f.j - 1]!.end,
    text: text.slice(t[f.i]!.start, t[f.j - 1]!.end),
    startToken: f.i,
    endToken: f.j,
    form: 'name' as const,
    score: 0,
    demonymOf: null,
    rules: [f.rule],
  }));
}
