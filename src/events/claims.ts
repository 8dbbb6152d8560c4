/**
 * Claims: what the report says actors intend, propose, order, refuse, discuss or pay — kept apart
 * from events. Claim cues (data/events/claims.txt) open a claim; event frames that did not happen
 * (a plan to attack, an ordered halt) become claims too, unless a stance in the same clause already
 * holds them ("not ready to … organize the attack": one claim, the attack its object).
 */
import { spanOf, type Amount, type Claim, type Modality, type Span, type TimeRelation, type TimeValue } from '../core/index.js';
import type { ActorMention } from '../recognize/actors/recognizer.js';
import type { Frame } from '../recognize/triggers/index.js';
import { classify, verbOfFrame } from './classify.js';
import type { Doc, PlaceRef } from './doc.js';
import type { FrameCandidate } from './frames.js';
import { credibilityOf } from './credibility.js';
import { isFactual, modalityOf, STRENGTH, type ModalityReading } from './modality.js';
import { nameActor, type NamedActor } from './naming.js';
import { expand, rolesOf } from './roles.js';

interface Draft {
  verb: string;
  sentence: number;
  clause: number;
  from: number;
  to: number;
  agents: readonly ActorMention[];
  patients: readonly ActorMention[];
  modality: ModalityReading;
  spans: Span[];
  rules: string[];
  frames: Frame[];
  places: PlaceRef[];
}

const CONDITION_WORDS = new Set(['once', 'if', 'unless', 'provided', 'providing', 'as', 'only', 'when', 'until']);

export interface ClaimContext {
  readonly doc: Doc;
  readonly frames: readonly FrameCandidate[];
  readonly inheritList: (sentence: number) => readonly Modality[];
  readonly contextCountry: (sentence: number) => string | null;
  readonly placeId: (p: PlaceRef) => string;
}

export function extractClaims(cx: ClaimContext): { claims: Claim[]; named: NamedActor[] } {
  const { doc } = cx;
  const ws = doc.ws;
  const conditions = conditionSpans(doc);
  const inCondition = (i: number) => conditions.some((c) => i >= c.from && i < c.to);
  const factualTriggers = cx.frames.filter((f) => isFactual(f.modality.modality));
  const drafts: Draft[] = [];

  const names = doc.actors.filter((a) => a.kind === 'named' || a.kind === 'state' || a.kind === 'communal');
  for (const c of doc.claimCues) {
    if (inCondition(c.from) || ws[c.from]!.sentence === doc.headline) continue;
    // "Coordination of Azawad Movements": a cue word inside a name is part of the name.
    if (names.some((a) => a.from < c.to && c.from < a.to)) continue;
    // The same words already told as an event ("deployed reinforcements" that did happen).
    if (factualTriggers.some((f) => f.trigger.from < c.to && c.from < f.trigger.to)) continue;
    const sentence = ws[c.from]!.sentence;
    const clause = doc.clause[c.from]!;
    // A later cue or plan in a clause a stance already opened is part of that stance.
    const open = drafts.find((d) => d.clause === clause && d.from < c.from);
    if (open) {
      open.spans.push(spanOf(doc.text, ws[c.from]!.start, ws[c.to - 1]!.end));
      open.rules.push(`claim/absorbed/${c.value.verb}`);
      open.to = Math.max(open.to, c.to);
      continue;
    }
    // A deployment told beside what it did ("established a base, deploying soldiers") is that event.
    if ((c.value.verb === 'MOBILIZE' || c.value.verb === 'FIGHT') && factualTriggers.some((f) => f.clause === clause && f.trigger.to <= c.from)) continue;
    let roles = rolesOf(doc, c.from, c.to, 'claim');
    // "A military commander said … and denied": coordinated verbs share the sentence's subject.
    if (c.from > 0 && ws[c.from - 1]!.norm === 'and') {
      const subject = doc.actors.find((a) => a.sentence === sentence && !a.preposition && a.to <= c.from && a !== doc.headings.get(sentence));
      if (subject) roles = { ...roles, agents: expand(subject), rules: [...roles.rules, 'roles/coordinated-verb'] };
    }
    drafts.push({
      verb: c.value.verb,
      sentence,
      clause,
      from: c.from,
      to: c.to,
      agents: roles.agents,
      patients: roles.patients,
      modality: modalityOf(doc, c.from, c.to, { inherit: cx.inheritList(sentence) }),
      spans: [spanOf(doc.text, ws[c.from]!.start, ws[c.to - 1]!.end)],
      rules: [`claim/${c.value.verb}/${c.value.phrase}`, ...roles.rules],
      frames: [],
      places: doc.places.filter((p) => p.sentence === sentence && doc.clause[p.from] === clause && p.role === 'exact' && p.from > c.from),
    });
  }
  // Frames that did not happen: plans, orders, conditions, denials.
  for (const f of cx.frames) {
    if (isFactual(f.modality.modality) || inCondition(f.trigger.from)) continue;
    // "No one was killed": a denied death is a fatality count (0), not a claim.
    if (f.frames.every((x) => x === 'kill') && !f.agents.length) continue;
    const open = drafts.find((d) => d.clause === f.clause && d.from <= f.trigger.from);
    if (open) {
      open.spans.push(spanOf(doc.text, f.trigger.start, f.trigger.end));
      open.rules.push(`claim/absorbed-frame/${f.frames.join('+')}`);
      open.frames.push(...f.frames);
      open.to = Math.max(open.to, f.trigger.to);
      for (const p of f.places) if (!open.places.includes(p)) open.places.push(p);
      continue;
    }
    const type = classify([f], doc.text);
    drafts.push({
      verb: verbOfFrame(type.decisive),
      sentence: f.sentence,
      clause: f.clause,
      from: f.trigger.from,
      to: f.trigger.to,
      agents: f.agents,
      patients: f.patients,
      modality: f.modality,
      spans: [spanOf(doc.text, f.trigger.start, f.trigger.end)],
      rules: [`claim/from-frame/${f.frames.join('+')}`],
      frames: [...f.frames],
      places: [...f.places],
    });
  }
  drafts.sort((a, b) => a.from - b.from);

  // Actors: the clause's subject, else the sentence's heading ("France – …"), else the list's
  // introduction, else the claim just before (a report keeps talking about the same actor).
  const claims: Claim[] = [];
  const named: NamedActor[] = [];
  let prevActors: { actors: NamedActor[]; sentence: number; verb: string; claim: Claim | null } = { actors: [], sentence: -10, verb: '', claim: null };
  for (const d of drafts) {
    const country = cx.contextCountry(d.sentence);
    let agentMentions = [...d.agents];
    let actorRule = 'claim/actor/subject';
    if (!agentMentions.length) {
      const heading = doc.headings.get(d.sentence) ?? listHeading(doc, d.sentence);
      if (heading) {
        agentMentions = [...expand(heading)];
        actorRule = 'claim/actor/heading';
      }
    }
    let actors = agentMentions.map((m) => nameActor(doc.dict, m, country, 'claim', doc.reference));
    if (!actors.length && d.sentence - prevActors.sentence <= 1 && prevActors.actors.length) {
      actors = prevActors.actors;
      actorRule = 'claim/actor/previous-claim';
    }
    actors = dedupe(actors);
    const targets = dedupe(d.patients.map((m) => nameActor(doc.dict, m, country, 'claim', doc.reference))).filter((t) => !actors.some((a) => a.name === t.name));
    const clauseText = clauseSpan(doc, d.clause, d.sentence);
    // A claim's time is in its own clause; from elsewhere in the sentence only "since"/"until".
    const timeRef =
      doc.times.find((t) => t.sentence === d.sentence && doc.clause[t.from] === d.clause && t.time.value) ??
      doc.times.find((t) => t.sentence === d.sentence && t.time.value && (t.relation === 'since' || t.relation === 'until') && t.from < d.from) ??
      null;
    let modality = d.modality.modality;
    let all: Modality[] = d.modality.all.filter((m) => m !== 'occurred');
    const rules = [...d.rules, actorRule, ...d.modality.rules];
    // "will not deal with … until June 23": not now, but after the date — a condition on a date.
    if (timeRef?.relation === 'until' && (modality === 'negated' || all.includes('negated') || d.verb === 'REJECT')) {
      modality = 'conditional';
      all = ['conditional', ...all.filter((m) => m !== 'conditional')];
      rules.push('modality/conditional/not-until-date');
    }
    const cond = conditions.find((c) => ws[c.from]!.sentence === d.sentence && c.from < d.from);
    const untilCondition = timeRef?.relation === 'until' && modality === 'conditional' ? untilSpan(doc, timeRef.from) : null;
    const condition = cond ? spanOf(doc.text, ws[cond.from]!.start, ws[cond.to - 1]!.end) : untilCondition;
    if (condition && !all.includes('conditional')) {
      all = STRENGTH.filter((m) => m === 'conditional' || all.includes(m));
      modality = all[0]!;
    }
    if (!all.length) all = [modality];
    const amount = amountIn(doc, d.sentence);
    const eventType = d.frames.length ? classify([{ ...fakeFrame(d), agents: agentMentions }], doc.text).eventType : null;
    const evidenceSpans = [...d.spans, ...agentMentions.map((m) => spanOf(doc.text, m.start, m.end)), ...d.modality.spans];
    if (timeRef) evidenceSpans.push(timeRef.time.span);
    if (condition) evidenceSpans.push(condition);
    if (amount && (d.verb === 'PAY' || d.verb === 'AID')) evidenceSpans.push(amount.span);
    const claim: Claim = {
      id: '',
      verb: d.verb,
      actor: actors.length ? actors.map((a) => a.name).join('; ') : null,
      actors: actors.map((a) => a.name),
      modality,
      modalities: all,
      text: clauseText.text,
      evidence: { spans: sortSpans(evidenceSpans), rules, reason: `${d.verb} (${modality}) from "${doc.text.slice(ws[d.from]!.start, ws[d.to - 1]!.end)}"` },
      target: targets[0]?.name ?? null,
      condition,
      time: timeRef?.time.value ?? null,
      timeRelation: (timeRef?.relation ?? null) as TimeRelation | null,
      placeId: d.places[0] ? cx.placeId(d.places[0]) : null,
      amount: d.verb === 'PAY' || d.verb === 'AID' ? amount : null,
      credibility: credibilityOf({ modalities: all, hedged: all.includes('reported'), denied: false, corroborations: 0 }),
      eventType,
    };
    // The same actor saying the same thing in the next sentence is one claim ("Discussions have
    // started … The consultations are only in the very early stages").
    const prev = prevActors.claim;
    // A new condition, or another modality ("proposed" then "once … in place, would …"), is a claim of its own.
    if (prev && prev.verb === claim.verb && prev.actor === claim.actor && d.sentence - prevActors.sentence <= 1 && prev.modality === claim.modality && !claim.condition) {
      const merged: Claim = { ...prev, text: `${prev.text} ${claim.text}`, evidence: { ...prev.evidence, spans: sortSpans([...prev.evidence.spans, ...claim.evidence.spans]), rules: [...prev.evidence.rules, 'claim/merged-with-next-sentence'] } };
      claims[claims.length - 1] = merged;
      prevActors = { actors, sentence: d.sentence, verb: d.verb, claim: merged };
      continue;
    }
    named.push(...actors, ...targets);
    claims.push(claim);
    prevActors = { actors, sentence: d.sentence, verb: d.verb, claim };
  }
  return { claims: claims.map((c, i) => ({ ...c, id: `cl${i + 1}` })), named };
}

function fakeFrame(d: Draft): FrameCandidate {
  return { id: -1, trigger: { from: d.from, to: d.to, start: 0, end: 0, text: '', sentence: d.sentence, entries: [] }, frames: d.frames, sentence: d.sentence, clause: d.clause, agents: d.agents, patients: d.patients, places: d.places, nearPlace: null, time: null, modality: d.modality, rules: [], background: false, topic: false };
}

function dedupe(xs: readonly NamedActor[]): NamedActor[] {
  const seen = new Set<string>();
  return xs.filter((x) => (seen.has(x.name) ? false : (seen.add(x.name), true)));
}

function sortSpans(spans: readonly Span[]): Span[] {
  const seen = new Set<string>();
  return [...spans].sort((a, b) => a.start - b.start || a.end - b.end).filter((s) => (seen.has(`${s.start}:${s.end}`) ? false : (seen.add(`${s.start}:${s.end}`), true)));
}

/** The heading of a list's introduction ("NATO – … two steps: 1. … 2. …"). */
function listHeading(doc: Doc, sentence: number): ActorMention | null {
  if (!doc.listItem.has(sentence)) return null;
  const intro = listIntro(doc, sentence);
  return intro === null ? null : (doc.headings.get(intro) ?? null);
}

/** The sentence that introduces the list a sentence belongs to (the one before item "1."), or null. */
export function listIntro(doc: Doc, sentence: number): number | null {
  for (let s = sentence; s >= 0; s--) {
    if (doc.listItem.has(s) && /^\s*(?:1|a)[.)]\s/.test(doc.sentences[s]!.span.text)) return s > 0 ? s - 1 : null;
    if (sentence - s > 12) break;
  }
  return null;
}

/** Condition clauses: "Once the naval blockade is in place," "If talks fail," up to the comma. */
function conditionSpans(doc: Doc): { from: number; to: number }[] {
  const ws = doc.ws;
  const out: { from: number; to: number }[] = [];
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i]!;
    if (!CONDITION_WORDS.has(w.norm)) continue;
    if (w.norm === 'as' && !(ws[i + 1]?.norm === 'soon' && ws[i + 2]?.norm === 'as')) continue;
    if (w.norm === 'only' && ws[i + 1]?.norm !== 'after' && ws[i + 1]?.norm !== 'if') continue;
    if (w.norm === 'provided' && ws[i + 1]?.norm !== 'that') continue;
    if (w.norm === 'when' || w.norm === 'until') continue;
    // Only at the start of a clause (a conditional clause before its main clause).
    const atStart = i === 0 || doc.clause[i - 1] !== doc.clause[i] || ws[i - 1]!.sentence !== w.sentence || /^\d+$|^[a-z]$/.test(ws[i - 1]!.norm) || ws[i - 1]!.norm === 'but';
    if (!atStart) continue;
    let j = i + 1;
    while (j < ws.length && ws[j]!.sentence === w.sentence && !/,/.test(doc.text.slice(ws[j - 1]!.end, ws[j]!.start)) && j - i < 30) j++;
    if (j < ws.length && ws[j]!.sentence === w.sentence) out.push({ from: i, to: j });
  }
  return out;
}

/** "until his country’s June 23 referendum on leaving the European Union" (to the clause end). */
function untilSpan(doc: Doc, timeFrom: number): Span | null {
  const ws = doc.ws;
  let k = timeFrom;
  while (k > 0 && timeFrom - k < 5 && ws[k]!.norm !== 'until' && ws[k]!.norm !== 'till') k--;
  if (ws[k]!.norm !== 'until' && ws[k]!.norm !== 'till') return null;
  let end = timeFrom;
  while (end + 1 < ws.length && ws[end + 1]!.sentence === ws[k]!.sentence && doc.clause[end + 1] === doc.clause[k]) end++;
  return spanOf(doc.text, ws[k]!.start, ws[end]!.end);
}

/** The clause's text (for a claim's readable text). */
function clauseSpan(doc: Doc, clause: number, sentence: number): Span {
  const ws = doc.ws;
  const a = doc.clauseStart[clause] ?? -1;
  const b = (doc.clauseEnd[clause] ?? 0) - 1;
  if (a < 0 || b < a) return doc.sentences[sentence]!.span;
  const end = Math.min(doc.sentences[sentence]!.span.end, doc.text.length);
  let stop = ws[b]!.end;
  if (/^[.!?]/.test(doc.text.slice(stop, stop + 1)) && stop + 1 <= end) stop++;
  return spanOf(doc.text, ws[a]!.start, stop);
}

const MONEY = /(?:between\s+)?(US\$|\$|€|£|USD\s?|EUR\s?)\s?(\d[\d,]*(?:\.\d+)?)(?:\s*(million|billion|thousand|m|bn|k)\b)?(?:\s*(?:and|to|-|–)\s*(?:US\$|\$|€|£)?\s?(\d[\d,]*(?:\.\d+)?)(?:\s*(million|billion|thousand|m|bn|k)\b)?)?(?:\s+(?:(?:per|a)\s+([a-z]+)|(each)\b))?/gi;

function scale(n: number, unit: string | undefined): number {
  const u = (unit ?? '').toLowerCase();
  if (u === 'million' || u === 'm') return n * 1e6;
  if (u === 'billion' || u === 'bn') return n * 1e9;
  if (u === 'thousand' || u === 'k') return n * 1e3;
  return n;
}

/** "between $3,000 and $10,000 per person" → 3000–10000 USD per person. */
export function amountIn(doc: Doc, sentence: number): Amount | null {
  const s = doc.sentences[sentence];
  if (!s) return null;
  MONEY.lastIndex = 0;
  const m = MONEY.exec(s.span.text);
  if (!m) return null;
  const cur = m[1]!.replace(/\s/g, '').toUpperCase();
  const currency = cur.includes('$') || cur === 'USD' ? 'USD' : cur === '€' || cur === 'EUR' ? 'EUR' : cur === '£' ? 'GBP' : cur;
  const lo = scale(Number(m[2]!.replace(/,/g, '')), m[3]);
  const hi = m[4] ? scale(Number(m[4].replace(/,/g, '')), m[5] ?? m[3]) : lo;
  const start = s.span.start + m.index;
  return { min: Math.min(lo, hi), max: Math.max(lo, hi), currency, per: m[6] ?? (m[7] ? 'each' : null), span: spanOf(doc.text, start, start + m[0].length) };
}

export type { TimeValue };
