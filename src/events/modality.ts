/**
 * Modality of a frame: did it happen, or is it planned, proposed, ordered, conditional, denied,
 * hypothetical, asked? Cue words come from data/events/modality.txt; their reach (scope) is checked
 * here against the frame's clause and position. A plan to attack is not an attack.
 */
import type { Modality, Span } from '../core/index.js';
import { spanOf } from '../core/index.js';
import type { ModalityCue } from '../recognize/triggers/index.js';
import type { Cue, Doc } from './doc.js';

/** Strongest first: the modality a frame takes when several cues reach it. */
export const STRENGTH: readonly Modality[] = ['question', 'conditional', 'negated', 'ordered', 'proposed', 'planned', 'hypothetical', 'reported', 'occurred'];

/** Words skipped when counting the distance between a cue and its trigger. */
const FUNCTION = new Set(['the', 'a', 'an', 'any', 'in', 'of', 'to', 'be', 'been', 'being', 'have', 'has', 'had', 'yet', 'even', 'all', 'its', 'their', 'his', 'her', 'this', 'that', 'these', 'those', 'some', 'further', 'more', 'also', 'still', 'ever', 'so', 'far', 'and', 'or', 'is', 'are', 'was', 'were', 'do', 'does', 'did']);

export interface ModalityReading {
  readonly modality: Modality;
  /** A party in the report denies it ("the army denied …"), as opposed to a plain negation. */
  readonly denied: boolean;
  /** Every modality that reached the frame ("proposed" and "conditional" both, say). */
  readonly all: readonly Modality[];
  readonly spans: readonly Span[];
  readonly rules: readonly string[];
}

/** Content words between word indices a (exclusive) and b (exclusive). */
function distance(doc: Doc, a: number, b: number): number {
  let n = 0;
  for (let k = a; k < b; k++) if (!FUNCTION.has(doc.ws[k]!.norm)) n++;
  return n;
}

export function modalityOf(doc: Doc, from: number, to: number, options: { inherit?: readonly Modality[] } = {}): ModalityReading {
  const ws = doc.ws;
  const w = ws[from]!;
  const clause = doc.clause[from]!;
  const hits: { m: Modality; cue: Cue<ModalityCue> | null; rule: string; at: number }[] = [];
  // Cues are sorted by position; only those of this sentence can reach.
  for (const c of cuesOfSentence(doc, w.sentence)) {
    const v = c.value;
    if (c.from >= from && c.from < to) continue; // the trigger itself
    let reaches = false;
    if (v.scope === 'sentence') reaches = true;
    else if (v.scope === 'clause') reaches = doc.clause[c.from] === clause;
    else if (v.scope === 'before') reaches = c.to <= from && doc.clause[c.from] === clause && distance(doc, c.to, from) <= v.window;
    // A denial reaches what was denied: its own clause and the one it opens ("denied that …").
    else if (v.scope === 'rest') reaches = c.to <= from && (doc.clause[c.from] === clause || doc.clause[c.from]! + 1 === clause);
    else if (v.scope === 'after') reaches = c.from >= to && doc.clause[c.from] === clause && distance(doc, to, c.from) <= v.window;
    if (reaches) hits.push({ m: v.modality, cue: c, rule: `modality/${v.modality}/${v.phrase}`, at: c.from });
  }
  // Purpose: "to spearhead the attack", "to capture Sirte" — an infinitive before the trigger.
  for (let k = from - 1; k >= Math.max(0, from - 4); k--) {
    const x = ws[k]!;
    if (doc.clause[k] !== clause) break;
    // "claim to have taken": a perfect infinitive tells of the past, not a plan.
    if (x.norm === 'to' && ['have', 'be', 'been', 'having'].includes(ws[k + 1]?.norm ?? '')) break;
    if (x.norm === 'to' && (k + 1 === from || ws[k + 1]!.pos === 'VERB')) {
      hits.push({ m: 'planned', cue: { from: k, to: k + 1, value: { modality: 'planned', scope: 'before', window: 4, phrase: 'to' } }, rule: 'modality/planned/infinitive', at: k });
      break;
    }
    if (!FUNCTION.has(x.norm) && x.pos !== 'ADJ' && x.pos !== 'VERB' && x.pos !== 'NOUN') break;
  }
  // A factive cue ("enabling it to", "managed to") cancels the plan cues before it.
  const factive = hits.filter((h) => h.m === 'occurred').reduce((a, h) => Math.max(a, h.at), -1);
  const kept = hits.filter((h) => h.m !== 'occurred' && !(factive >= 0 && ['planned', 'proposed', 'hypothetical'].includes(h.m) && h.at <= factive + 3));
  const sentenceText = doc.sentences[w.sentence]?.span.text ?? '';
  if (/\?\s*$/.test(sentenceText)) kept.push({ m: 'question', cue: null, rule: 'modality/question/question-mark', at: from });
  for (const m of options.inherit ?? []) kept.push({ m, cue: null, rule: `modality/${m}/list-introduction`, at: from });
  const all = STRENGTH.filter((m) => kept.some((h) => h.m === m));
  const modality = all[0] ?? 'occurred';
  return {
    modality,
    denied: kept.some((h) => h.m === 'negated' && h.cue?.value.scope === 'rest'),
    all: all.length ? all : ['occurred'],
    spans: kept.filter((h) => h.cue).map((h) => spanOf(doc.text, ws[h.cue!.from]!.start, ws[h.cue!.to - 1]!.end)),
    rules: kept.map((h) => h.rule),
  };
}

const bySentence = new WeakMap<Doc, Map<number, Cue<ModalityCue>[]>>();

function cuesOfSentence(doc: Doc, sentence: number): Cue<ModalityCue>[] {
  let map = bySentence.get(doc);
  if (!map) {
    map = new Map();
    for (const c of doc.modalityCues) {
      const s = doc.ws[c.from]!.sentence;
      const list = map.get(s);
      if (list) list.push(c);
      else map.set(s, [c]);
    }
    bySentence.set(doc, map);
  }
  return map.get(sentence) ?? [];
}

/** Is the action a fact as told (occurred or reported), i.e. an event rather than a claim? */
export function isFactual(m: Modality): boolean {
  return m === 'occurred' || m === 'reported';
}
