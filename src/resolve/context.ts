/**
 * Local evidence around one mention: the kind of place the words next to it ask for ("the city
 * of X", "X mountains", "Wadi X"), and the container the text states right after it
 * ("Alexandria, Va.", "Sirte, Libya", "Rafah (North Sinai)").
 */
import { bundledLexicon, keyOf } from '../recognize/places/lexicon.js';
import type { PlaceMention } from '../recognize/places/index.js';
import type { TokenFacts } from '../recognize/places/tokens.js';

/**
 * The lower-case kind noun written right after a mention, or after the last name of its pair
 * ("Boone county", "Camden and Charlton counties", "Clarke, Madison, Oconee and Oglethorpe counties", "the Harouge and Al-Rouagha mountains"), as the
 * word to complete the name with: "County", "Mountains", "River". Null when there is none.
 */
export function kindNounAfter(facts: TokenFacts, m: PlaceMention): string | null {
  const kinds = bundledLexicon('kinds');
  const t = facts.tokens;
  const sent = t[m.startToken]!.sentence;
  const ok = (k: number) => k < t.length && t[k]!.sentence === sent && facts.cases[k] === 'lower' && kinds.map.has(facts.lower[k]!);
  let k = m.endToken;
  if (!ok(k) && (facts.lower[k] === 'and' || facts.lower[k] === 'or' || facts.lower[k] === ',')) {
    // Through the rest of a list: "Clarke, Madison, Oconee and Oglethorpe counties".
    let j = k + 1;
    if (facts.lower[j] === 'and') j++;
    while (j < t.length && j - k < 16 && t[j]!.sentence === sent && (facts.cases[j] !== 'lower' || ((facts.lower[j] === 'and' || facts.lower[j] === 'or') && facts.cases[j + 1] !== 'lower'))) j++;
    if (!ok(j) || !/s$/.test(facts.lower[j]!)) return null;
    k = j;
  }
  if (!ok(k)) return null;
  const w = facts.lower[k]!;
  const keepPlural = /^(mountains|hills|islands|highlands|plains|heights|springs|falls)$/.test(w);
  const singular = keepPlural ? w : w.endsWith('ies') ? `${w.slice(0, -3)}y` : /(sh|ch|ss)es$/.test(w) ? w.slice(0, -2) : w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w;
  return singular.charAt(0).toUpperCase() + singular.slice(1);
}

/** The kind cue of a mention, or null: the word after it, "the KIND of" before it, or its own first/last word. */
export function kindCue(facts: TokenFacts, m: PlaceMention): string | null {
  const kinds = bundledLexicon('kinds');
  const t = facts.tokens;
  const sameSentence = (k: number) => k >= 0 && k < t.length && t[k]!.sentence === t[m.startToken]!.sentence;
  // Its own head or tail word: "Wadi Zamzam", "Boone County", "Gulf of Sidra".
  const own = kinds.map.get(facts.lower[m.startToken]!) ?? (m.endToken - m.startToken > 1 ? kinds.map.get(facts.lower[m.endToken - 1]!) : undefined);
  if (own) return own;
  // The word after it: "the Harouge mountains", "Nineveh province".
  const next = m.endToken;
  if (sameSentence(next) && facts.cases[next] === 'lower') {
    const k = kinds.map.get(facts.lower[next]!);
    if (k) return k;
  }
  // "the Harouge and Al-Rouagha mountains": a kind noun after the next name of a pair.
  if (sameSentence(next + 1) && (facts.lower[next] === 'and' || facts.lower[next] === 'or')) {
    let k = next + 1;
    while (sameSentence(k) && k - next < 6 && facts.cases[k] !== 'lower') k++;
    if (sameSentence(k) && facts.cases[k] === 'lower') {
      const kind = kinds.map.get(facts.lower[k]!);
      if (kind && /s$/.test(facts.lower[k]!)) return kind;
    }
  }
  // "the city of X", "the town of X".
  const of = m.startToken - 1;
  if (sameSentence(of - 1) && facts.lower[of] === 'of') {
    const k = kinds.map.get(facts.lower[of - 1]!);
    if (k) return k;
  }
  return null;
}

export interface StatedContainer {
  /** Index (into the mention list) of the container mention, or -1 for a bare abbreviation. */
  readonly mentionIndex: number;
  /** `US.VA`-style admin1 code for US state abbreviations ("Va."), else null. */
  readonly usState: string | null;
  /** How the text states it: "X, Y", "X (Y)" or "X in Y" (containment.ts trusts them differently). */
  readonly via: 'comma' | 'paren' | 'in';
  /**
   * "X, Y" where the names go on as a list ("Sirte, Misrata and Tripoli"), or X is itself a list
   * member: Y is then more likely the next item than X's container.
   */
  readonly listLike: boolean;
}

/**
 * "X, Y" (Y right after a comma) or "X (Y)": Y may contain X. Returns for each mention the
 * candidate container after it, or null. The resolver keeps it only if Y resolves to a country or
 * first-level division.
 */
/**
 * "Camden and Charlton counties in Georgia", "Boone County in Kentucky": the mention after "in"
 * that closes a list of names (and an optional kind noun) right after this mention.
 */
function containerAfterIn(facts: TokenFacts, mentions: readonly PlaceMention[], byStart: ReadonlyMap<number, number>, m: PlaceMention): number | null {
  const t = facts.tokens;
  const sent = t[m.startToken]!.sentence;
  const kinds = bundledLexicon('kinds');
  let k = m.endToken;
  for (let steps = 0; k < t.length && steps < 12 && t[k]!.sentence === sent; steps++) {
    const w = facts.lower[k]!;
    if (w === 'in' && facts.cases[k] === 'lower') {
      const y = byStart.get(k + 1);
      return y !== undefined && mentions[y] !== m ? y : null;
    }
    const idx = byStart.get(k);
    if (idx !== undefined) {
      k = mentions[idx]!.endToken;
      continue;
    }
    if (w === ',' || w === 'and' || w === 'or' || (facts.cases[k] === 'lower' && kinds.map.has(w))) {
      k++;
      continue;
    }
    return null;
  }
  return null;
}

export function statedContainers(facts: TokenFacts, mentions: readonly PlaceMention[]): (StatedContainer | null)[] {
  const states = bundledLexicon('us-states', 'en', true);
  const byStart = new Map<number, number>();
  mentions.forEach((m, i) => byStart.set(m.startToken, i));
  const t = facts.tokens;
  const kinds = bundledLexicon('kinds');
  return mentions.map((m) => {
    // "Hays city (Al Hudaydah)", "Al Mahashimah area (Al Jawf)": a kind noun may come between.
    const kindNext = m.endToken < t.length && facts.cases[m.endToken] === 'lower' && kinds.map.has(facts.lower[m.endToken]!);
    const sep = kindNext && (t[m.endToken + 1]?.text === '(' || t[m.endToken + 1]?.text === ',') ? m.endToken + 1 : m.endToken;
    const inY = containerAfterIn(facts, mentions, byStart, m);
    if (inY !== null) return { mentionIndex: inY, usState: null, via: 'in', listLike: false };
    if (sep >= t.length || (t[sep]!.text !== ',' && t[sep]!.text !== '(')) return null;
    const y = sep + 1;
    if (y >= t.length || t[y]!.sentence !== t[m.startToken]!.sentence) return null;
    const via = t[sep]!.text === '(' ? 'paren' : 'comma';
    const idx = byStart.get(y);
    if (idx !== undefined) return { mentionIndex: idx, usState: null, via, listLike: via === 'comma' && (listGoesOn(facts, mentions[idx]!.endToken) || listBefore(facts, m.startToken)) };
    // "Va." / "Mo." / "W. Va." are not always recognized as mentions: read them here.
    for (const len of [3, 2, 1]) {
      if (y + len > t.length) continue;
      const words = t.slice(y, y + len).map((k) => k.text).join(len > 1 ? ' ' : '');
      const spaced = t.slice(y, y + len).map((k) => k.text).join(' ');
      const code = states.map.get(keyOf(words, true)) ?? states.map.get(keyOf(spaced, true));
      if (code && (len > 1 || /[.]$/.test(words) || /^[A-Z]{2}$/.test(words))) return { mentionIndex: -1, usState: code, via, listLike: false };
    }
    return null;
  });
}

/** Whether a list goes on after token k: ", and", "and", "or", or a comma before a capitalized word. */
function listGoesOn(facts: TokenFacts, k: number): boolean {
  const w = facts.lower[k];
  if (w === 'and' || w === 'or') return true;
  return w === ',' && (facts.cases[k + 1] === 'cap' || facts.lower[k + 1] === 'and' || facts.lower[k + 1] === 'or');
}

/** Whether the name starting at token k follows a list separator (", X" or "and X" after a name). */
function listBefore(facts: TokenFacts, k: number): boolean {
  const w = facts.lower[k - 1];
  return (w === ',' || w === 'and' || w === 'or') && (facts.cases[k - 2] === 'cap' || facts.cases[k - 2] === 'upper');
}
