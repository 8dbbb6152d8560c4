/**
 * One frame per trigger: what the words say happened (the frame names), who, where, when, and with
 * which modality. Frames are merged into events (assemble.ts) or become claims (claims.ts).
 */
import type { ActorMention } from '../recognize/actors/recognizer.js';
import type { Frame, TriggerMention } from '../recognize/triggers/index.js';
import type { Doc, PlaceRef, TimeRef } from './doc.js';
import { REMOTE } from './classify.js';
import { isFactual, modalityOf, type ModalityReading } from './modality.js';
import { expand, isPassive, rolesOf } from './roles.js';

export interface FrameCandidate {
  readonly id: number;
  readonly trigger: TriggerMention;
  /** The frame names this trigger opens here (after weak and object checks). */
  readonly frames: readonly Frame[];
  readonly sentence: number;
  readonly clause: number;
  readonly agents: readonly ActorMention[];
  readonly patients: readonly ActorMention[];
  /** Exact places, in order: one event each when they form a list. */
  readonly places: readonly PlaceRef[];
  /** A reference place ("southwest of Sirte"), used only when nothing exact is known. */
  readonly nearPlace: PlaceRef | null;
  readonly time: TimeRef | null;
  readonly modality: ModalityReading;
  readonly rules: readonly string[];
  /** Said of an earlier happening ("after", "following", "previously"): ranked after the news. */
  readonly background: boolean;
  /** What a protest or statement is about ("protested against the detention of …"): not coded again. */
  readonly topic: boolean;
}

const PEOPLE = new Set(['protesters', 'rioters', 'people']);
// Fights, attacks and remote violence (classify.ts's list): what a convoy is struck by, what "the attack" refers back to.
const VIOLENT_FRAMES = new Set<Frame>(['attack', 'clash', 'kill', ...REMOTE]);
const PLACE_WORDS = new Set(['town', 'towns', 'city', 'cities', 'village', 'villages', 'area', 'areas', 'district', 'districts', 'neighbourhood', 'neighborhood', 'positions', 'position', 'territory', 'control', 'base', 'bases', 'airport', 'port', 'checkpoint', 'camp', 'region', 'hill', 'hills', 'outskirts', 'parts', 'part', 'centre', 'center', 'headquarters', 'airbase', 'barracks', 'road', 'highway', 'junction', 'bridge', 'oilfield', 'field', 'terminal', 'settlement', 'settlements', 'locality', 'localities', 'suburb', 'suburbs', 'quarter', 'compound', 'complex', 'station', 'crossing', 'mountain', 'mountains']);
const WEAPON_WORDS = /^(?:weapons?|arms|ammunition|ammo|rifles?|guns?|grenades?|explosives?|mines?|landmines?|ieds?|vbieds?|car-bombs?|rockets?|missiles?|mortars?|bombs?|drones?|cache|caches|rounds|vehicles?|munitions|artillery|devices?|hand|ak|pistols?|launchers?)$/;
const BACKGROUND = new Set(['after', 'following', 'previously', 'earlier', 'ago', 'last', 'since', 'prior']);

export function buildFrames(doc: Doc, inheritList: (sentence: number) => readonly import('../core/index.js').Modality[]): FrameCandidate[] {
  const out: FrameCandidate[] = [];
  const named = doc.actors.filter((a) => a.kind === 'named' || a.kind === 'state' || a.kind === 'communal');
  for (const t of doc.triggers) {
    // A headline restates the story; its words are not coded on their own.
    if (t.sentence === doc.headline) continue;
    // "claimed responsibility for the blast", "No group claimed the attack": the event told already.
    if (claimedBefore(doc, t)) continue;
    // "seized rifles, explosives and two hand grenades": weapons found are not weapons used.
    if (t.entries.every((e) => REMOTE_WEAPONS.has(e.frame)) && seizedBefore(doc, t)) continue;
    if (t.entries.every((e) => REMOTE_WEAPONS.has(e.frame)) && t.to < doc.ws.length && doc.ws[t.to]!.sentence === t.sentence && HANDLERS.test(doc.ws[t.to]!.norm)) continue;
    // A trigger inside a name ("Volcano of Rage Operation") is part of the name.
    if (named.some((a) => a.from < t.to && t.from < (a.kind === 'named' ? a.nameTo : a.to))) continue;
    const clause = doc.clause[t.from]!;
    let roles = rolesOf(doc, t.from, t.to);
    // "… left 3 IS militants dead", "leaving five dead": the dead are the victims, the doer is before "left".
    if (/^(?:dead|killed)$/i.test(t.text)) {
      const left = [...Array(6).keys()].map((k) => t.from - 1 - k).find((k) => k >= 0 && /^(?:left|leaving|leave)$/.test(doc.ws[k]!.norm) && doc.ws[k]!.sentence === t.sentence);
      if (left !== undefined) {
        const inSentence = doc.actors.filter((a) => a.sentence === t.sentence);
        roles = {
          agents: inSentence.filter((a) => a.to <= left && !a.preposition).slice(-1).flatMap(expand),
          patients: inSentence.filter((a) => a.from > left && a.to <= t.from).flatMap(expand),
          rules: [...roles.rules, 'roles/left-dead'],
        };
      }
    }
    // "Police found the bodies of two men": who finds the dead did not kill them.
    if (/^(?:bodies|body of|dead)$/i.test(t.text) && foundBefore(doc, t)) {
      roles = { agents: [], patients: roles.patients, rules: [...roles.rules, 'roles/finder-is-not-killer'] };
    }
    // "attacked LNA positions with heavy artillery fire": the weapon of the verb before takes its roles.
    const prev = out[out.length - 1];
    if (prev && prev.clause === clause && instrumental(doc, t.from)) roles = { agents: prev.agents, patients: prev.patients, rules: [...roles.rules, 'roles/instrument-of-previous'] };
    // "killed 20 civilians in an attack on the village": the noun names the verb's act, with its roles.
    else if (prev && prev.clause === clause && prev.agents.length && nounOfPrevious(doc, t)) roles = { agents: prev.agents, patients: prev.patients, rules: [...roles.rules, 'roles/noun-of-previous'] };
    // "A roadside bomb struck …, killing three policemen": the participle's doer is the event before.
    else if (prev && prev.sentence === t.sentence && /ing$/.test(t.text.split(/\s+/)[0]!.toLowerCase()) && /,\s*$/.test(doc.text.slice(Math.max(0, t.start - 3), t.start))) {
      roles = { agents: prev.agents, patients: roles.patients.filter((p) => !prev.agents.includes(p)), rules: [...roles.rules, 'roles/participle-of-previous'] };
    }
    // "its fighters had killed twenty soldiers and seized the base": coordinated verbs share a subject.
    // "killing 10 fighters and capturing four": the same doer, and the second verb's count is of the first's victims.
    else if (prev && prev.clause === clause && t.from > 0 && doc.ws[t.from - 1]!.norm === 'and' && prev.agents.length && roles.agents.length && roles.agents.every((a) => prev.agents.includes(a)) && !roles.patients.length && prev.patients.length) {
      roles = { agents: roles.agents, patients: prev.patients, rules: [...roles.rules, 'roles/coordinated-verb-same-object'] };
    }
    else if (prev && prev.clause === clause && t.from > 0 && doc.ws[t.from - 1]!.norm === 'and' && prev.agents.length && roles.agents.every((a) => prev.patients.includes(a))) {
      const own = roles.patients.filter((p) => !prev.agents.includes(p) && !prev.patients.includes(p));
      // "was arrested and tortured": a passive pair shares its patient too.
      roles = { agents: prev.agents, patients: own.length ? own : prev.patients, rules: [...roles.rules, 'roles/coordinated-verb'] };
    }
    const frames = validFrames(doc, t, roles.agents, roles.patients, clause);
    if (!frames.length) continue;
    let { places, nearPlace } = placesOf(doc, t, clause);
    // ", killing nineteen civilians": where the event before happened, unless the words say otherwise.
    if (roles.rules.includes('roles/participle-of-previous') && prev && prev.places.length && !places.some((p) => p.from >= t.to)) {
      places = [...prev.places];
      nearPlace = prev.nearPlace;
    }
    const time = timeOf(doc, t, clause);
    let modality = modalityOf(doc, t.from, t.to, { inherit: inheritList(t.sentence) });
    // "… distanced the group from the attack": "the attack", told as a fact after one was told,
    // refers back to it ("to spearhead the attack on Libya", a plan, is a claim's object and stays).
    if (isFactual(modality.modality) && refersBack(doc, t, out)) continue;
    // "Police fired tear gas to disperse them": the purpose of an act that happened is part of it.
    // (Not a place to take: "launched an offensive to retake the city" says nothing of the city taken.)
    if (prev && prev.clause === clause && !frames.includes('capture') && modality.rules.length && modality.rules.every((r) => r === 'modality/planned/infinitive' || r.startsWith('modality/reported')) && (prev.modality.modality === 'occurred' || prev.modality.modality === 'reported')) {
      modality = { ...modality, modality: prev.modality.modality, all: prev.modality.all, rules: [...prev.modality.rules, 'modality/purpose-of-act'] };
    }
    out.push({
      id: out.length,
      trigger: t,
      frames,
      sentence: t.sentence,
      clause,
      agents: roles.agents,
      patients: roles.patients,
      places,
      nearPlace,
      time,
      modality,
      rules: [...frames.map((f) => `trigger/${f}/${t.text.toLowerCase()}`), ...roles.rules],
      background: isBackground(doc, t),
      topic: isTopic(doc, t),
    });
  }
  return followVerbFrames(doc, out);
}

/**
 * "Protesters plan to march on Friday": the word for the demonstrators opens a protest frame of
 * its own, but what the sentence says of them is told by the verb's frame in the same clause
 * (its modality). The noun's frame is dropped when such a verb frame did not happen, so a
 * planned march leaves no protest that happened.
 */
function followVerbFrames(doc: Doc, frames: FrameCandidate[]): FrameCandidate[] {
  const isNounTrigger = (f: FrameCandidate) => doc.actors.some((a) => a.kind === 'generic' && PEOPLE.has(a.generic!.cls) && a.from <= f.trigger.from && f.trigger.to <= a.to);
  return frames.filter((f) => !(isNounTrigger(f) && frames.some((g) => g !== f && g.clause === f.clause && !isNounTrigger(g) && !isFactual(g.modality.modality) && g.frames.some((x) => f.frames.includes(x)))));
}

function claimedBefore(doc: Doc, t: TriggerMention): boolean {
  for (let k = t.from - 1; k >= Math.max(0, t.from - 4); k--) {
    if (doc.ws[k]!.sentence !== t.sentence) return false;
    if (/^claim(?:ed|s|ing)?$/.test(doc.ws[k]!.norm)) return true;
    if (!['responsibility', 'for', 'the', 'this', 'that', 'deadly', 'latest', 'twin'].includes(doc.ws[k]!.norm)) return false;
  }
  return false;
}

const REMOTE_WEAPONS = new Set(['grenade', 'ied', 'shell', 'bomb', 'suicide']);
const SEIZE = /^(?:seiz\w*|confiscat\w*|found|find|discover\w*|uncover\w*|remov\w*|disarm\w*|neutrali[sz]\w*|defus\w*|dismantl\w*|recovered|intercepted|cache|caches|depot|smuggl\w*|possession|handed|surrendered)$/;
/** "Bomb experts", "a bomb squad": a weapon word naming who handles weapons, not a weapon used. */
const HANDLERS = /^(?:experts?|squads?|disposal|technicians?|specialists?|teams?|units?|detection|detectors?|sniffer|sniffing|dogs?)$/;

const FOUND = /^(?:found|find|finds|discovered|discover|recovered|retrieved|uncovered|exhumed|located)$/;

/** "found the bodies of", "discovered the body of", "recovered two bodies": a finder before the dead. */
function foundBefore(doc: Doc, t: TriggerMention): boolean {
  for (let k = t.from - 1; k >= Math.max(0, t.from - 5); k--) {
    if (doc.ws[k]!.sentence !== t.sentence) return false;
    // "was found dead": passive, the dead one is the subject and nobody found is named.
    if (FOUND.test(doc.ws[k]!.norm)) return k === 0 || !/^(?:was|were|been|be|being|is|are)$/.test(doc.ws[k - 1]!.norm);
  }
  return false;
}

/** A place, a place word or a weapon right before a trigger ("Sirte was seized", "weapons were seized"). */
function placeBefore(doc: Doc, t: TriggerMention): boolean {
  const before = doc.ws.slice(Math.max(0, t.from - 4), t.from).filter((w) => w.sentence === t.sentence);
  // A country word there is a demonym of the people taken ("Libyan customs officers were seized").
  return before.some((w) => PLACE_WORDS.has(w.norm) || WEAPON_WORDS.test(w.norm)) || doc.places.some((p) => p.to <= t.from && t.from - p.to <= 4 && p.sentence === t.sentence && !isCountry(p));
}

/** "weapons were seized": a weapon, not a place, is what was taken. */
function weaponBefore(doc: Doc, t: TriggerMention): boolean {
  return doc.ws.slice(Math.max(0, t.from - 4), t.from).some((w) => w.sentence === t.sentence && WEAPON_WORDS.test(w.norm));
}

/** A protest or riot told anywhere in the report, or protesters or rioters named. */
function demonstrationInReport(doc: Doc): boolean {
  return doc.triggers.some((o) => o.entries.some((e) => (e.frame === 'protest' || e.frame === 'riot' || e.frame === 'mob') && !e.weak)) || doc.actors.some((a) => a.kind === 'generic' && (a.generic!.cls === 'protesters' || a.generic!.cls === 'rioters'));
}

/** A weapon word after "seized", "found", "defused" … in its clause. */
function seizedBefore(doc: Doc, t: TriggerMention): boolean {
  for (let k = t.from - 1; k >= Math.max(0, t.from - 12); k--) {
    if (doc.clause[k] !== doc.clause[t.from]) return false;
    if (SEIZE.test(doc.ws[k]!.norm)) return true;
  }
  return false;
}

/** A definite noun trigger ("the attack", "the blast") in a later sentence than a violent frame. */
function refersBack(doc: Doc, t: TriggerMention, earlier: readonly FrameCandidate[]): boolean {
  const w = doc.ws[t.from]!;
  const det = doc.ws[t.from - 1];
  if (!det || !['the', 'this', 'that'].includes(det.norm) || w.pos !== 'NOUN' || t.to - t.from !== 1) return false;
  if (!t.entries.some((e) => VIOLENT_FRAMES.has(e.frame))) return false;
  // "the attack killed five": a count or a place of its own is news about it, kept.
  if (doc.fatalityWords.some((f) => f.from >= t.to && f.from - t.to <= 3 && doc.ws[f.from]!.sentence === t.sentence)) return false;
  return earlier.some((f) => f.sentence < t.sentence && f.frames.some((x) => VIOLENT_FRAMES.has(x)));
}

/** "in an attack", "during a raid" (not "in clashes with the army", "in an attack by X"). */
function nounOfPrevious(doc: Doc, t: TriggerMention): boolean {
  const ws = doc.ws;
  let k = t.from - 1;
  if (k >= 0 && ws[k]!.pos === 'ADJ') k--;
  if (k < 1 || !['a', 'an', 'the'].includes(ws[k]!.norm)) return false;
  if (!['in', 'during'].includes(ws[k - 1]!.norm)) return false;
  for (let j = t.to; j < ws.length && doc.clause[j] === doc.clause[t.from]; j++) if (ws[j]!.norm === 'by') return false;
  return true;
}

/** "with heavy artillery fire", "using drones", "by mortar shells": a trigger that is a means. */
function instrumental(doc: Doc, from: number): boolean {
  for (let k = from - 1; k >= Math.max(0, from - 4); k--) {
    const n = doc.ws[k]!.norm;
    if (n === 'with' || n === 'using' || n === 'by' || n === 'via' || n === 'through') return true;
    if (!['heavy', 'light', 'medium', 'the', 'a', 'an', 'several', 'multiple', 'intense', 'sporadic', 'indiscriminate', 'artillery', 'mortar', 'rocket', 'missile', 'small', 'arms', 'two', 'three', 'four', 'dozens', 'of'].includes(n) && !/^\d+$/.test(n)) return false;
  }
  return false;
}

const OBJECT_FILLER = new Set(['the', 'a', 'an', 'town', 'city', 'village', 'villages', 'towns', 'of', 'area', 'areas', 'district', 'neighbourhood', 'neighborhood', 'control', 'full', 'key', 'strategic', 'nearby', 'border', 'coastal', 'oil', 'port']);

/** "took Rishvana", "seized the town of X", "took the airport": a place right after the verb. */
function directPlace(doc: Doc, t: TriggerMention): boolean {
  const ws = doc.ws;
  for (let k = t.to; k < Math.min(ws.length, t.to + 5); k++) {
    if (ws[k]!.sentence !== t.sentence) return false;
    if (doc.places.some((p) => p.from === k && p.role !== 'actor')) return true;
    if (PLACE_WORDS.has(ws[k]!.norm) && ws[k]!.norm !== 'control') return true;
    // "seized three villages", "took 12 positions": a count before the place word.
    if (!OBJECT_FILLER.has(ws[k]!.norm) && !COUNT.test(ws[k]!.norm)) return false;
  }
  return false;
}

const COUNT = /^(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|many|dozens|some|few|more|other|two-thirds)$/;

function isArmedMention(a: ActorMention): boolean {
  return a.kind === 'named' || a.kind === 'state' || a.kind === 'communal' || (a.kind === 'generic' && ['military', 'police', 'armed', 'militia', 'rebels'].includes(a.generic!.cls));
}

/** Which of a trigger's frames hold here: weak words need their actors, captures need a place. */
function validFrames(doc: Doc, t: TriggerMention, agents: readonly ActorMention[], patients: readonly ActorMention[], clause: number): Frame[] {
  const ws = doc.ws;
  const inClause = doc.actors.filter((a) => a.sentence === t.sentence && doc.clause[a.from] === clause);
  const peopleHere = inClause.some((a) => a.kind === 'generic' && PEOPLE.has(a.generic!.cls)) || agents.some((a) => a.kind === 'generic' && PEOPLE.has(a.generic!.cls));
  const demoWords = doc.triggers.some((o) => o.sentence === t.sentence && o.entries.some((e) => (e.frame === 'protest' || e.frame === 'riot') && !e.weak));
  const out: Frame[] = [];
  for (const e of t.entries) {
    // "a roadside bomb struck an army convoy": the convoy is the target, not a development.
    if (e.frame === 'change' && /^(?:convoys?|columns?)$/i.test(t.text) && doc.triggers.some((o) => o !== t && o.sentence === t.sentence && doc.clause[o.from] === clause && o.to <= t.from && t.from - o.to <= 5 && o.entries.some((x) => VIOLENT_FRAMES.has(x.frame)))) continue;
    // Tear gas or live fire with no demonstration anywhere in the report and no protesters: force
    // used on people, not a protest broken up ("Israeli forces hurled tear gas at residents").
    if ((e.frame === 'excessive' || e.frame === 'intervene') && !demonstrationInReport(doc) && agents.some(isArmedMention) && !patients.some(isArmedMention)) {
      out.push('attack');
      continue;
    }
    // "responded to pro-Houthi fire": a clash only when fire or shelling is what was answered.
    if (e.weak && e.frame === 'clash') {
      if (ws.slice(t.to, t.to + 4).some((w) => w.sentence === t.sentence && /^(?:fire|shelling|shells|attacks?|assault|gunfire|shooting)$/.test(w.norm))) out.push('clash');
      continue;
    }
    if (e.weak && e.frame !== 'capture') {
      if (e.frame === 'protest' && !peopleHere) continue;
      if (e.frame === 'attack' && !agents.some(isArmedMention)) continue;
      // "fired tear gas", "fired warning shots in the air": an intervention, not an attack.
      if (e.frame === 'attack' && ws.slice(t.to, t.to + 4).some((w) => /^(?:tear|teargas|rubber|water|warning|air|flares|smoke)$/.test(w.norm))) continue;
      if (e.frame === 'riot' && !(peopleHere || demoWords)) continue;
      // "uncovered an IED", "found a landmine": a weapon word must follow within its phrase.
      if (e.frame === 'weapons' && !ws.slice(t.to, t.to + 6).some((w) => w.sentence === t.sentence && WEAPON_WORDS.test(w.norm))) continue;
    }
    if (e.frame === 'capture' && /\bf[ae]ll/.test(t.text.toLowerCase())) {
      // "the base had fallen", "the town fell to IS": the place comes before.
      const before = ws.slice(Math.max(0, t.from - 5), t.from);
      if (before.some((w) => PLACE_WORDS.has(w.norm)) || doc.places.some((p) => p.to <= t.from && t.from - p.to <= 4 && p.sentence === t.sentence) || doc.places.some((p) => p.from >= t.to && p.from - t.to <= 3 && p.sentence === t.sentence)) out.push('capture');
      continue;
    }
    if (e.frame === 'capture') {
      // "captured Sirte", "took control of the town": a place follows; "seized weapons" is not a capture.
      const next = ws.slice(t.to, t.to + 5).filter((w) => w.sentence === t.sentence);
      const weapon = next.slice(0, 3).some((w) => WEAPON_WORDS.test(w.norm));
      const placeAfter = doc.places.some((p) => p.from >= t.to && p.from - t.to <= 6 && p.sentence === t.sentence) || next.some((w) => PLACE_WORDS.has(w.norm));
      const people = patients.some((p) => p.kind === 'generic' && ['people', 'civilians', 'military', 'police', 'armed'].includes(p.generic!.cls) && p.from - t.to <= 3);
      if (weapon) {
        out.push('weapons');
        continue;
      }
      // "seized three Christians", "captured a soldier": people taken, not a place.
      const quantity = next[0] && (/^\d+$/.test(next[0].norm) || ['a', 'an', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'several', 'dozens', 'scores', 'hundreds'].includes(next[0].norm));
      if (quantity && !placeAfter) {
        out.push(patients.some(isArmedMention) ? 'clash' : 'abduct');
        continue;
      }
      // "A judge was seized by gunmen", "He was taken": a person taken is abducted, not a place.
      // ("were arrested … and were taken to Damascus": the arrest says what it was.)
      const arrestHere = doc.triggers.some((o) => o.sentence === t.sentence && o !== t && o.entries.some((x) => x.frame === 'arrest'));
      // Someone must be named as taken or as taking ("two steps must be taken" takes nobody).
      const someone = patients.some((p) => p.to <= t.from && t.from - p.to <= 4) || (ws[t.to]?.norm === 'by' && agents.length > 0);
      if (e.weak && isPassive(doc, t.from, t.to) && !placeBefore(doc, t) && !arrestHere && someone) {
        out.push('abduct');
        continue;
      }
      // "The town was seized by the rebels": the place is the passive's subject.
      if (e.weak && isPassive(doc, t.from, t.to) && placeBefore(doc, t) && !weaponBefore(doc, t)) {
        out.push('capture');
        continue;
      }
      // Weak capture words ("took", "seized") need a place as their direct object.
      if (e.weak && !directPlace(doc, t)) continue;
      if (people && !placeAfter) {
        // "captured four soldiers": taken prisoner in a fight.
        out.push(patients.some((p) => p.kind === 'generic' && ['people', 'civilians'].includes(p.generic!.cls)) ? 'abduct' : 'clash');
        continue;
      }
      if (!placeAfter && !/control|over/.test(t.text.toLowerCase())) continue;
    }
    if (e.frame === 'kill' && ['death', 'deaths', 'dead', 'died', 'bodies', 'body of'].includes(t.text.toLowerCase()) && !agents.length) {
      // "the death toll", "bodies were found": an outcome; it attaches to a frame nearby or stands alone.
    }
    out.push(e.frame);
  }
  return [...new Set(out)];
}

function placesOf(doc: Doc, t: TriggerMention, clause: number): { places: PlaceRef[]; nearPlace: PlaceRef | null } {
  const inSentence = doc.places.filter((p) => p.sentence === t.sentence);
  const exact = inSentence.filter((p) => p.role === 'exact');
  const inClause = exact.filter((p) => doc.clause[p.from] === clause);
  // Prefer a place after the trigger in its clause ("captured X", "clashed … in X"), then before it.
  const pool = inClause.length ? inClause : exact;
  const after = pool.filter((p) => p.from >= t.to);
  let first = after[0] ?? pool.filter((p) => p.to <= t.from).pop() ?? null;
  // A country is the place only when nothing more specific is said.
  if (first && isCountry(first)) first = pool.find((p) => !isCountry(p)) ?? exact.find((p) => !isCountry(p)) ?? first;
  const places: PlaceRef[] = [];
  if (first) {
    places.push(first);
    // A list of places ("of A, B, C, and D") is one event each.
    let last = first;
    for (const p of exact) {
      if (p.from <= last.from || isCountry(p)) continue;
      const gap = doc.text.slice(doc.ws[last.to - 1]!.end, doc.ws[p.from]!.start);
      if (/^\s*(?:,|and|or|, and|, or|as well as)?\s*(?:the\s+(?:towns?|villages?|cities|city|areas?)\s+of\s+)?$/i.test(gap) && gap.trim() !== '') {
        places.push(p);
        last = p;
      } else if (p.from > last.to + 1) break;
    }
  }
  const near = inSentence.find((p) => p.role === 'reference') ?? null;
  return { places, nearPlace: near };
}

export function isCountry(p: PlaceRef): boolean {
  const fc = p.place.featureCode ?? '';
  return /^PCL/.test(fc) || fc === 'CONT' || fc === 'RGN';
}

const RELATIVE_WORDS = new Set(['who', 'which', 'whom', 'whose']);

/**
 * A word inside a relative clause ("two Italians who were kidnapped last July", "Rouakeche, which
 * was the site of other clashes on June 8"): what the clause dates is something else.
 */
export function inRelativeClause(doc: Pick<Doc, 'ws' | 'clause' | 'clauseStart'>, word: number): boolean {
  const start = doc.clauseStart[doc.clause[word]!]!;
  const w0 = doc.ws[start]?.norm ?? '';
  const w1 = doc.ws[start + 1]?.norm ?? '';
  if (RELATIVE_WORDS.has(w0) || (['in', 'of', 'during', 'by'].includes(w0) && RELATIVE_WORDS.has(w1))) return true;
  // Relative clauses without a comma are not clauses of their own: "who" a few words before.
  const sentence = doc.ws[word]!.sentence;
  for (let k = word - 1; k >= Math.max(0, word - RELATIVE_REACH); k--) {
    if (doc.ws[k]!.sentence !== sentence) return false;
    if (RELATIVE_WORDS.has(doc.ws[k]!.norm)) return true;
  }
  return false;
}

/** How far back a "who"/"which" still governs a date without a clause break (words). */
const RELATIVE_REACH = 6;

/** The time of a trigger: in its clause, else in its sentence outside relative clauses (nearest to the trigger). */
function timeOf(doc: Doc, t: TriggerMention, clause: number): TimeRef | null {
  const inSentence = doc.times.filter((x) => x.sentence === t.sentence && x.time.value);
  if (!inSentence.length) return null;
  // A date in a relative clause dates what that clause tells, not this: after "who", "which" …
  // between the trigger and the date ("killed … two Italians who were kidnapped last July").
  const relativeBetween = (x: TimeRef) => x.from > t.to && doc.ws.slice(t.to, x.from).some((w) => RELATIVE_WORDS.has(w.norm));
  const own = inSentence.filter((x) => !relativeBetween(x));
  const inClause = own.filter((x) => doc.clause[x.from] === clause);
  const outside = own.filter((x) => !inRelativeClause(doc, x.from));
  const pool = inClause.length ? inClause : outside;
  if (!pool.length) return null;
  return pool.reduce((a, b) => (Math.abs(b.from - t.from) < Math.abs(a.from - t.from) ? b : a));
}

const TOPIC = /^(?:against|over|release|releasing|freeing|denounc\w*|condemn\w*|protest(?:ed|ing|s)?|demand\w*|rejecting|decry\w*|commemorat\w*|mark\w*|anniversary)$/;

/** "demonstrated against the detention of", "demanded the release of activists who were detained". */
function isTopic(doc: Doc, t: TriggerMention): boolean {
  const ws = doc.ws;
  for (let k = t.from - 1; k >= Math.max(0, t.from - 5); k--) {
    if (ws[k]!.sentence !== t.sentence) break;
    if (TOPIC.test(ws[k]!.norm)) return !t.entries.some((e) => e.frame === 'protest' || e.frame === 'riot');
  }
  // "activists who had been detained": a relative clause about the people of the protest.
  const clauseStart = (() => {
    let k = t.from;
    while (k > 0 && doc.clause[k - 1] === doc.clause[t.from]) k--;
    return k;
  })();
  const w0 = ws[clauseStart]!.norm;
  if ((w0 === 'who' || w0 === 'that') && t.entries.some((e) => e.frame === 'arrest' || e.frame === 'intervene')) return true;
  if (t.from >= 1 && ws[t.from - 1]!.norm === 'who' && t.entries.some((e) => e.frame === 'arrest')) return true;
  return false;
}

function isBackground(doc: Doc, t: TriggerMention): boolean {
  const ws = doc.ws;
  const clause = doc.clause[t.from]!;
  for (let k = t.from - 1; k >= 0 && doc.clause[k] === clause; k--) {
    if (BACKGROUND.has(ws[k]!.norm) && t.from - k <= 6) return true;
  }
  // "These new measures come after several demonstrations": the clause starts with a background word.
  const start = (() => {
    let k = t.from;
    while (k > 0 && doc.clause[k - 1] === clause) k--;
    return k;
  })();
  return BACKGROUND.has(ws[start]!.norm);
}
