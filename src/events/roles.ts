/**
 * Who did it to whom: the agent and the target of a trigger, from word order and prepositions in
 * its clause. "X launched an attack on Y", "clashes between X and Y", "Y was attacked by X", "X and Y
 * clashed", "killing two civilians". Back-references stand for what they point to.
 */
import type { ActorMention } from '../recognize/actors/recognizer.js';
import type { Doc } from './doc.js';

export interface Roles {
  readonly agents: readonly ActorMention[];
  readonly patients: readonly ActorMention[];
  readonly rules: readonly string[];
}

const TARGET_PREPS = new Set(['on', 'against', 'at', 'targeting', 'with', 'upon', 'toward', 'towards', 'into']);
const CLAIM_TARGET_PREPS = new Set(['against', 'with', 'toward', 'towards']);
const PASSIVE_AUX = new Set(['was', 'were', 'been', 'being', 'is', 'are', 'got', 'get', 'gets', 'be']);
const SKIP_ADVERBS = new Set(['reportedly', 'allegedly', 'also', 'later', 'reported', 'then', 'subsequently', 'both', 'all', 'apparently', 'being', 'were', 'was', 'been', 'shot', 'and', 'injured', 'wounded']);
const IRREGULAR = new Set(['shot', 'slain', 'hit', 'beaten', 'struck', 'taken', 'held', 'seen', 'overrun', 'retaken', 'stabbed', 'kidnapped', 'hurt', 'beat', 'burnt', 'set', 'caught', 'found']);

/** The actors a mention stands for: itself, or what a back-reference points to. */
export function expand(m: ActorMention): readonly ActorMention[] {
  return m.kind === 'coref' ? m.antecedents : [m];
}

/** Passive voice: "was attacked", "were reportedly killed", "have been ordered". */
export function isPassive(doc: Doc, from: number, to = from + 1): boolean {
  const w = doc.ws[from]!;
  if (!/(?:ed|en)$/.test(w.norm) && !IRREGULAR.has(w.norm)) return false;
  // ", killed by an unknown armed group": a participle with its agent after "by".
  if (doc.ws[to]?.norm === 'by' && doc.ws[to]!.sentence === w.sentence) return true;
  for (let k = from - 1; k >= Math.max(0, from - 3); k--) {
    const p = doc.ws[k]!;
    // "IS opened fire": the group's capitals are no auxiliary.
    if (PASSIVE_AUX.has(p.norm)) return p.text !== 'IS';
    if (!SKIP_ADVERBS.has(p.norm)) return false;
  }
  return false;
}

const OBJECT_FILLER = /^(?:\d+|a|an|the|two|three|four|five|six|seven|eight|nine|ten|dozens|several|some|many|at|least|more|than|its|their|his|her)$/;

/** A mention right after a verb (past determiners and counts): that verb's object. */
function isObjectOfVerb(doc: Doc, a: ActorMention): boolean {
  let k = a.from - 1;
  while (k >= 0 && doc.ws[k]!.sentence === a.sentence && OBJECT_FILLER.test(doc.ws[k]!.norm)) k--;
  const w = doc.ws[k];
  return !!w && k < a.from - 1 && w.sentence === a.sentence && w.pos === 'VERB' && !AUXILIARY.test(w.norm);
}

const AUXILIARY = /^(?:is|are|was|were|be|been|being|has|have|had|do|does|did|said|says)$/;

/** "IS-held", "Houthi-controlled": the word after a holder's hyphen (control.ts reads the hold). */
export const HELD = new Set(['held', 'controlled', 'occupied', 'run', 'dominated']);

/** "rebel-held districts", "IS-besieged town": the actor describes the place. */
function holderOfPlace(doc: Doc, a: ActorMention): boolean {
  const next = doc.ws[a.to];
  return !!next && next.joiner === '-' && (HELD.has(next.norm) || next.norm === 'besieged');
}

export function rolesOf(doc: Doc, from: number, to: number, kind: 'event' | 'claim' = 'event'): Roles {
  const ws = doc.ws;
  const sentence = ws[from]!.sentence;
  const clause = doc.clause[from]!;
  const rules: string[] = [];
  // "rebel-held districts", "IS-controlled towns": the holder describes the place, it takes no role.
  const inSentence = doc.actors.filter((a) => a.sentence === sentence && (a.kind !== 'country' || !isPlaceLike(a)) && !holderOfPlace(doc, a));
  const inClause = inSentence.filter((a) => doc.clause[a.from] === clause);
  // "Russian warplanes struck": an actor whose head is the trigger's first word is before it.
  const before = inClause.filter((a) => a.to <= from || (a.from < from && a.to > from && a.to < to));
  const after = inClause.filter((a) => a.from >= to);
  let agents: ActorMention[] = [];
  let patients: ActorMention[] = [];

  // "clashes between X and Y", "fighting between X and Y"
  const between = after[0] && after[0].preposition === 'between' && after[0].from - to <= 5 ? after[0] : null;
  if (between) {
    // "between X and Y" (and the sloppier "between X against Y").
    const other = after.find((a) => a !== between && (a.preposition === 'and' || a.preposition === 'against') && a.from > between.to);
    agents = [between];
    // "special forces troops from Italy and Britain" is one phrase read as two actors: both targets.
    const twins = after.filter((a) => a !== between && a.start === (other ?? a).start);
    patients = other ? twins : [];
    rules.push('roles/between-and');
    return { agents: agents.flatMap(expand), patients: patients.flatMap(expand), rules };
  }

  const byAgent = after.find((a) => a.preposition === 'by');
  const passive = isPassive(doc, from, to);
  // The subject: actors before the trigger that are not objects of a preposition ("X and Y").
  const subject: ActorMention[] = [];
  for (let k = before.length - 1; k >= 0; k--) {
    const a = before[k]!;
    // "they lost four men in a clash": the men are what was lost, the subject is before the verb
    // ("thwarted a Houthi attack": a name right before the trigger is its doer, not an object).
    if (!subject.length && a.to < from && isObjectOfVerb(doc, a)) continue;
    if (a.preposition && a.preposition !== 'and') {
      if (subject.length) break;
      continue;
    }
    subject.unshift(a);
    // "pro-Hadi and affiliated snipers": a list joined by "and" with an adjective before the noun.
    const prev = before[k - 1];
    const listed = prev && /^\s*(?:,|and|, and)\s*(?:\S+\s+)?$/i.test(doc.text.slice(prev.end, a.start)) && /\band\b|,/.test(doc.text.slice(prev.end, a.start));
    if (a.preposition !== 'and' && !listed) break;
  }
  // "special forces troops from Italy and Britain": read as two mentions over the same words.
  const twinsOf = (m: ActorMention) => inSentence.filter((a) => a.start === m.start && a.end === m.end);
  // A claim's target is who it is with or against; "at the highest levels" is not a target.
  const preps = kind === 'claim' ? CLAIM_TARGET_PREPS : TARGET_PREPS;
  const target = after.find((a) => a.preposition && preps.has(a.preposition) && a.from - to <= 8);
  const object = after.find((a) => !a.preposition && a.from - to <= 4 && !isSubjectOfNextVerb(doc, a));

  if (passive) {
    patients = subject.flatMap(twinsOf);
    if (!patients.length) {
      // A reduced relative (", killed by …"): the one it happened to is named earlier in the sentence.
      const earlier = inSentence.filter((a) => a.to <= from && !a.preposition && a !== doc.headings.get(sentence));
      const last = earlier[earlier.length - 1];
      if (last) patients = twinsOf(last);
    }
    if (byAgent) agents = twinsOf(byAgent);
    rules.push('roles/passive');
  } else {
    agents = subject.flatMap(twinsOf);
    if (!agents.length && byAgent) {
      agents = twinsOf(byAgent);
      rules.push('roles/by-agent');
    }
    // A direct object before the prepositional phrase is the one acted on: "killed a man at a
    // checkpoint" (the checkpoint is where), "shot a driver near the base".
    const t = (object && target && object.from < target.from ? object : target ?? object) ?? ownerOfProperty(doc, after, to);
    if (t) patients = twinsOf(t);
    if (subject.length > 1 && !patients.length) {
      // "X and Y clashed": one on each side.
      agents = [subject[0]!];
      patients = subject.slice(1);
      rules.push('roles/x-and-y');
    }
  }
  // No subject in the clause: the sentence's subject ("Al Shabaab fighters launched …, killing …").
  if (!agents.length && !passive) {
    const heading = doc.headings.get(sentence);
    const first = inSentence.find((a) => !a.preposition && a.to <= from && !patients.includes(a) && a !== heading);
    if (first) {
      agents = twinsOf(first);
      rules.push('roles/sentence-subject');
    }
  }
  if (agents.length) rules.push('roles/agent');
  if (patients.length) rules.push('roles/patient');
  return { agents: agents.flatMap(expand), patients: patients.flatMap(expand).filter((p) => !agents.flatMap(expand).includes(p)), rules };
}

const PROPERTY = new Set(['house', 'houses', 'home', 'homes', 'residence', 'car', 'vehicle', 'shop', 'office', 'farm', 'tent', 'family']);

/** "attacked the house of a police officer": the owner is the one attacked. */
function ownerOfProperty(doc: Doc, after: readonly ActorMention[], to: number): ActorMention | undefined {
  return after.find((a) => a.from - to <= 8 && doc.ws.slice(to, a.from).some((w, i, all) => PROPERTY.has(w.norm) && all[i + 1]?.norm === 'of'));
}

/** "in Libya", "to Europe": a country word used as a place is not an actor here. */
function isPlaceLike(a: ActorMention): boolean {
  return a.preposition !== null && ['in', 'into', 'to', 'from', 'across', 'inside', 'throughout', 'near', 'on', 'of', 'outside', 'within', 'around', 'over', 'toward', 'towards'].includes(a.preposition);
}

/** "… attacked Y, X said": an actor followed by a speech verb is the speaker, not the object. */
function isSubjectOfNextVerb(doc: Doc, a: ActorMention): boolean {
  const next = doc.ws[a.to];
  return !!next && ['said', 'says', 'claimed', 'reported', 'announced', 'stated', 'confirmed'].includes(next.norm);
}
