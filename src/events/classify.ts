/**
 * From the frames of one event to ACLED's event type and sub-event type, by ACLED's own precedence:
 * a demonstration stays a demonstration (refined by intervention, excessive force or rioting); a
 * place taken is a battle over territory; a fight between armed sides is a battle even when shells
 * fall; remote violence by its weapon; violence against civilians when the victims are civilians;
 * strategic developments only when nothing violent happened.
 */
import type { Frame } from '../recognize/triggers/index.js';
import type { ActorMention } from '../recognize/actors/recognizer.js';
import type { FrameCandidate } from './frames.js';

export interface Classification {
  readonly eventType: string;
  readonly subEventType: string;
  /** The frame that decided (its trigger is the type's evidence). */
  readonly decisive: Frame;
  readonly rules: readonly string[];
}

export const DEMO: readonly Frame[] = ['protest', 'riot', 'mob', 'intervene', 'excessive'];
export const REMOTE: readonly Frame[] = ['suicide', 'chemical', 'ied', 'grenade', 'air', 'shell', 'bomb'];
export const VIOLENT: readonly Frame[] = ['clash', 'attack', 'kill', 'capture', ...REMOTE, 'abduct', 'sexual'];
export const STRATEGIC: readonly Frame[] = ['weapons', 'arrest', 'agreement', 'loot', 'hq', 'transfer', 'change', 'other'];

const AIR_WORDS = /\b(?:warplanes?|jets?|aircraft|air ?force|airforce|helicopters?|gunships?|drones?|aerial|air ?strikes?|bombers?|planes?|sorties?|uavs?)\b/i;
const GROUND_BOMB = /\b(?:car bomb|roadside|planted|explosive device|ied|parcel bomb|booby|landmine|mine)\b/i;

const INJURED = /\b(?:wound(?:ed|ing)|injur(?:ed|ing|ies)|hurt)\b/i;
const NOBODY_HURT = /\b(?:no(?:body| one|ne)?|without)\b[^.;]{0,30}\b(?:wound|injur|hurt|casualt)/i;

/** People hurt, as the words around the event say ("injuring two policemen"; not "no one was injured"). */
function hurt(around: string): boolean {
  return INJURED.test(around) && !NOBODY_HURT.test(around);
}

/** How a capture was made, not a separate happening ("without any opposition", "unopposed"). */
const UNOPPOSED = /^(?:without|unopposed|uncontested|peacefully)\b/i;

/** A capture told, in the same sentence, as made without a fight. */
function unopposed(frames: readonly FrameCandidate[]): boolean {
  const captures = frames.filter((f) => f.frames.includes('capture'));
  return frames.some((f) => f.frames.includes('transfer') && UNOPPOSED.test(f.trigger.text) && captures.some((c) => c.sentence === f.sentence));
}

const COMMUNAL = /\b(?:trib(?:e|es|al)|tribesmen|clans?|famil(?:y|ies)|ethnic|interethnic|inter-ethnic|communal|intercommunal|inter-communal|militias?|herders|cattle keepers|pastoralists|farmers and herders)\b/i;
const FIREARMS = /\b(?:gun(?:s|fire|men|shots?)?|shootout|shoot-out|rifles?|heavy weapons|machine guns?|rpgs?|live (?:rounds|ammunition|fire|bullets))\b/i;

/** "attacked a peaceful protest", "opened fire on the sit-in": a demonstration as the object. */
const DEMO_OBJECT = /^\s+(?:on\s+|at\s+)?(?:(?:a|an|the|their|peaceful|group|crowd|gathering|of|women|students?|youths?|workers|hundreds|dozens|several|some|local)\s+){0,5}(?:protests?|demonstrations?|demonstrators|protesters|sit-ins?|rall(?:y|ies)|march(?:es)?)\b/iu;

const FIRED_WEAPON = /\b(?:missiles?|rockets?|drones?|shells?|projectiles?|mortars?)\s{1,3}$/i;

/** Violence done to people in someone's hands. */
const CUSTODIAL = /^(?:tortur\w*|execut\w*|behead\w*|summarily executed|died in custody|died in detention)$/i;
/** Where, not whom: "killed a man at a checkpoint", "shot a driver near the army base". */
const LOCATIVE = new Set(['at', 'in', 'near', 'outside', 'inside', 'into', 'from', 'on']);
const OFF_DUTY = /\b(?:off[- ]duty|retired|former|ex-)\s{1,3}(?:[\p{L}-]+\s{1,3}){0,2}$/iu;

/**
 * The victims of a violent frame without an armed "checkpoint" or "base" named as where it
 * happened, when a person is named as whom it happened to.
 */
function withoutPlacesBeside(patients: readonly ActorMention[]): ActorMention[] {
  const persons = patients.filter((p) => isCivilian(p) && !LOCATIVE.has(p.preposition ?? ''));
  return persons.length ? patients.filter((p) => !(isArmed(p) && LOCATIVE.has(p.preposition ?? ''))) : [...patients];
}

/** An off-duty or retired police officer or soldier: a civilian, as ACLED codes them. */
function offDuty(p: ActorMention, text: string): boolean {
  return isArmed(p) && OFF_DUTY.test(text.slice(Math.max(0, p.start - 40), p.start));
}

function isCivilian(a: ActorMention): boolean {
  if (a.kind === 'generic') return ['civilians', 'people', 'migrants'].includes(a.generic!.cls);
  if (a.kind === 'named') return a.named!.kind === 'civilians';
  return false;
}

function isArmed(a: ActorMention): boolean {
  if (a.kind === 'generic') return ['military', 'police', 'armed', 'aircraft', 'militia', 'rebels'].includes(a.generic!.cls);
  if (a.kind === 'named') return a.named!.kind !== 'civilians' && !a.personal;
  return a.kind === 'state' || a.kind === 'communal' || a.kind === 'country';
}

/** A rebel group, a militia or unidentified gunmen: armed, and not a state's. */
function isNonStateArmed(a: ActorMention): boolean {
  if (a.kind === 'generic') return ['armed', 'militia', 'rebels'].includes(a.generic!.cls);
  if (a.kind === 'named') return ['rebel', 'political', 'identity'].includes(a.named!.kind) && !a.personal;
  return a.kind === 'communal';
}

export function isState(a: ActorMention): boolean {
  if (a.kind === 'generic') return ['military', 'police', 'government', 'aircraft'].includes(a.generic!.cls);
  if (a.kind === 'named') return a.named!.kind === 'state' || a.named!.kind === 'external';
  return a.kind === 'state' || a.kind === 'country';
}

export function classify(frames: readonly FrameCandidate[], text: string, options: { contested?: ReadonlySet<Frame> } = {}): Classification {
  // A fight told with nobody in it ("as battles continue in those areas") does not outweigh what
  // named actors did in the same event.
  const anyActors = frames.some((c) => c.agents.length || c.patients.length);
  // A fight told first ("There were fierce clashes … as the army pushed in") is what happened.
  const firstFrame = frames.reduce<FrameCandidate | null>((a, f) => (a === null || f.trigger.start < a.trigger.start ? f : a), null);
  const counts = (c: FrameCandidate, f: Frame) => c.frames.includes(f) && (f !== 'clash' || !anyActors || c.agents.length > 0 || c.patients.length > 0 || c === firstFrame || frames.every((x) => x.frames.includes('clash') || x.frames.includes('kill')));
  // A territory change another party denies ("denied that the base had fallen") is not coded.
  const has = (f: Frame) => !options.contested?.has(f) && frames.some((c) => counts(c, f));
  const first = (fs: readonly Frame[]) => {
    for (const f of fs) if (has(f)) return f;
    return null;
  };
  const agents = frames.flatMap((f) => f.agents);
  const patients = frames.flatMap((f) => f.patients);
  const demonstrator = (a: ActorMention) => a.kind === 'generic' && (a.generic!.cls === 'protesters' || a.generic!.cls === 'rioters');
  // Protesters who fight or attack make a riot; police who attack protesters do not.
  const demoActors = frames.some((f) => (f.frames.includes('clash') || f.frames.includes('attack')) && f.agents.some(demonstrator)) || agents.some((a) => a.kind === 'generic' && a.generic!.cls === 'rioters');
  const sentenceText = frames.map((f) => text.slice(f.trigger.start - 120 > 0 ? f.trigger.start - 120 : 0, f.trigger.end + 120)).join(' ');
  const rules: string[] = [];
  const out = (eventType: string, subEventType: string, decisive: Frame, rule: string): Classification => ({ eventType, subEventType, decisive, rules: [...rules, rule] });

  // Demonstrations: a protest, a riot, a mob — or protesters acting.
  if (has('protest') || has('riot') || has('mob') || has('excessive') || (has('intervene') && !frames.some((f) => f.frames.some((x) => VIOLENT.includes(x)))) || (demoActors && (has('clash') || has('attack')))) {
    const rioters = agents.some((a) => a.kind === 'generic' && a.generic!.cls === 'rioters');
    if (has('mob') && !has('protest')) return out('Riots', 'Mob violence', 'mob', 'classify/mob');
    // Gunmen or a rebel group attacking demonstrators: violence against civilians (ACLED keeps
    // "excessive force" for the state's forces policing a demonstration).
    const onDemonstrators = (f: FrameCandidate) =>
      !f.topic && !f.background && (f.patients.some((p) => p.kind === 'generic' && (p.generic!.cls === 'protesters' || /demonstrat|protest/i.test(p.text))) || DEMO_OBJECT.test(text.slice(f.trigger.end, f.trigger.end + 40)));
    const violentOnDemo = frames.filter((f) => f.frames.some((x) => x === 'attack' || x === 'kill' || x === 'abduct') && onDemonstrators(f));
    const byNonState = violentOnDemo.flatMap((f) => f.agents);
    if (byNonState.length && byNonState.every(isNonStateArmed) && !demoActors) {
      return out('Violence against civilians', has('abduct') && !has('attack') && !has('kill') ? 'Abduction/forced disappearance' : 'Attack', has('attack') ? 'attack' : has('kill') ? 'kill' : 'abduct', 'classify/non-state-attack-on-demonstration');
    }
    // State forces shooting at a demonstration ("police opened fire to disperse"): lethal force.
    const stateShooting = frames.some((f) => f.frames.includes('attack') && /fire|shot|shoot|gunfire|live/i.test(f.trigger.text) && f.agents.some(isState) && !f.topic && !f.background);
    if (has('excessive') || stateShooting || (has('kill') && patients.some((p) => p.kind === 'generic' && (p.generic!.cls === 'protesters' || p.generic!.cls === 'people')) && agents.some(isState))) {
      return out('Protests', 'Excessive force against protesters', has('excessive') ? 'excessive' : stateShooting ? 'attack' : 'kill', 'classify/protest+lethal-force');
    }
    if (has('riot') || rioters || (demoActors && (has('clash') || has('attack')))) return out('Riots', 'Violent demonstration', 'riot', 'classify/demonstration+violence');
    if (has('intervene') || (has('arrest') && has('protest'))) return out('Protests', 'Protest with intervention', has('intervene') ? 'intervene' : 'arrest', 'classify/protest+intervention');
    return out('Protests', 'Peaceful protest', 'protest', 'classify/protest');
  }

  // "seized grenades … found during a military operation": the operation says when, it is no fight.
  const operationOnly = has('weapons') && !has('kill') && frames.filter((f) => f.frames.includes('clash')).every((f) => /operations?$/i.test(f.trigger.text));

  // Territory taken: by state forces it is regained, by anyone else overtaken.
  if (has('capture')) {
    // "took control of the centre without any opposition": territory changing hands with no fight
    // told is ACLED's non-violent transfer, whoever takes it.
    if (unopposed(frames) && !has('clash') && !has('attack') && !has('kill') && !REMOTE.some((r) => has(r))) {
      return out('Strategic developments', 'Non-violent transfer of territory', 'transfer', 'classify/capture-unopposed');
    }
    const takers = frames.filter((f) => f.frames.includes('capture')).flatMap((f) => f.agents);
    const taker = takers[0];
    if (taker && isState(taker)) return out('Battles', 'Government regains territory', 'capture', 'classify/capture-by-state');
    if (taker || has('clash') || has('attack')) return out('Battles', 'Non-state actor overtakes territory', 'capture', 'classify/capture-by-non-state');
  }

  // Armed sides fighting: a battle, even when shells or air strikes are part of it — unless only
  // ordinary people fight each other (a riot).
  if (has('clash') && !operationOnly) {
    // "4 people were killed in fighting": the dead are not a side.
    const dead = new Set(frames.filter((f) => f.frames.includes('kill')).flatMap((f) => f.patients));
    const sides = frames.filter((f) => f.frames.includes('clash')).flatMap((f) => [...f.agents, ...f.patients]).filter((a) => !dead.has(a) && !(a.kind === 'generic' && /\bpeople\b|persons/i.test(a.text) && frames.some((f) => f.frames.includes('kill'))));
    // Tribes, clans and ethnic groups fighting, or anyone fighting with guns, field militias.
    const armedFight = COMMUNAL.test(sentenceText) || FIREARMS.test(sentenceText);
    if (!armedFight && sides.length >= 1 && sides.every((a) => a.kind === 'generic' && ['people', 'civilians', 'protesters', 'rioters'].includes(a.generic!.cls))) {
      return out('Riots', 'Violent demonstration', 'clash', 'classify/people-clash');
    }
    return out('Battles', 'Armed clash', 'clash', 'classify/clash');
  }

  // An attack by aircraft is an air strike ("LNA air force targeted GNA positions").
  if ((has('attack') || has('kill') || has('bomb') || has('shell')) && agents.some((a) => a.air) && !has('suicide') && !has('ied')) {
    return out('Explosions/Remote violence', 'Air/drone strike', has('bomb') ? 'bomb' : has('attack') ? 'attack' : 'kill', 'classify/attack-by-aircraft');
  }

  // Property attacked with nobody hurt: looting or property destruction.
  if (has('loot') && !has('kill') && !has('abduct') && !has('sexual') && !patients.some((p) => isCivilian(p) || isArmed(p)) && !REMOTE.some((r) => has(r))) {
    return out('Strategic developments', 'Looting/property destruction', 'loot', 'classify/property');
  }

  // An explosive defused, removed, intercepted or that failed to go off, with nobody hurt or
  // fighting: ACLED's "Disrupted weapons use" ("defused a car bomb", "intercepted a missile").
  // An air strike told beside it ("shot down a MiG during an air strike") or people hurt when a
  // device went off while being defused are remote violence.
  // "intercepted a ballistic missile fired by the Houthis": the firing describes the weapon stopped.
  const firedWeapon = (f: FrameCandidate) => /^(?:fired|launched)$/i.test(f.trigger.text) && FIRED_WEAPON.test(text.slice(Math.max(0, f.trigger.start - 24), f.trigger.start));
  const attackTold = frames.some((f) => counts(f, 'attack') && !firedWeapon(f)) && !options.contested?.has('attack');
  if (has('weapons') && !has('kill') && !attackTold && (!has('clash') || operationOnly) && !has('abduct') && !has('sexual') && !has('capture') && !has('air') && !hurt(sentenceText)) {
    // People arrested with the device: an arrest first, as with weapons seized below.
    if (has('arrest')) return out('Strategic developments', 'Arrests', 'arrest', 'classify/arrest-with-weapons');
    return out('Strategic developments', 'Disrupted weapons use', 'weapons', 'classify/weapons-disrupted');
  }

  // Remote violence, by weapon.
  const remote = first(REMOTE);
  if (remote) {
    if (remote === 'suicide') return out('Explosions/Remote violence', 'Suicide bomb', remote, 'classify/suicide');
    if (remote === 'chemical') return out('Explosions/Remote violence', 'Chemical weapon', remote, 'classify/chemical');
    if (remote === 'ied') return out('Explosions/Remote violence', 'Remote explosive/landmine/IED', remote, 'classify/ied');
    if (remote === 'grenade') return out('Explosions/Remote violence', 'Grenade', remote, 'classify/grenade');
    if (remote === 'air') return out('Explosions/Remote violence', 'Air/drone strike', remote, 'classify/air');
    if (remote === 'shell') {
      // "attacked … with rockets" is remote; "shelled … and clashed" was a battle (above).
      return out('Explosions/Remote violence', 'Shelling/artillery/missile attack', remote, 'classify/shelling');
    }
    // "bomb", "explosion": from the air when aircraft are named, else planted.
    const air = AIR_WORDS.test(sentenceText) || agents.some((a) => a.kind === 'generic' && a.generic!.cls === 'aircraft');
    if (air && !GROUND_BOMB.test(sentenceText)) return out('Explosions/Remote violence', 'Air/drone strike', 'bomb', 'classify/bomb-from-the-air');
    return out('Explosions/Remote violence', 'Remote explosive/landmine/IED', 'bomb', 'classify/bomb-on-the-ground');
  }

  // Violence against people: civilians as victims make it violence against civilians.
  if (has('attack') || has('kill') || has('abduct') || has('sexual')) {
    const violent = frames.filter((f) => f.frames.some((x) => x === 'attack' || x === 'kill' || x === 'abduct' || x === 'sexual'));
    // The victims of the violence, else the people the other frames of the event act upon ("was
    // arrested and tortured to death": the arrested student).
    const direct = withoutPlacesBeside(violent.flatMap((f) => f.patients));
    const victims = direct.length ? direct : frames.flatMap((f) => f.patients).filter((p) => isCivilian(p));
    if (has('sexual')) return out('Violence against civilians', 'Sexual violence', 'sexual', 'classify/sexual-violence');
    // Torture and execution are done to people held: ACLED codes them as violence against
    // civilians whoever the victims were ("died under torture in a regime prison").
    if (violent.some((f) => CUSTODIAL.test(f.trigger.text) && !f.background && !f.topic) && !has('clash') && !has('abduct')) {
      return out('Violence against civilians', 'Attack', has('attack') ? 'attack' : 'kill', 'classify/custodial-violence');
    }
    const civilianVictims = victims.length ? victims.every((p) => isCivilian(p) || offDuty(p, text)) : true;
    const armedVictims = victims.some((p) => isArmed(p) && !offDuty(p, text));
    const armedAgents = violent.flatMap((f) => f.agents).some(isArmed) || !violent.flatMap((f) => f.agents).length;
    // An attack with no victims named, by state forces or a named armed group: a fight.
    const attackers = violent.flatMap((f) => f.agents);
    if (!victims.length && !has('abduct') && attackers.some((a) => isState(a) || (a.kind === 'named' && a.named!.kind !== 'civilians'))) {
      return out('Battles', 'Armed clash', has('attack') ? 'attack' : 'kill', 'classify/attack-on-unnamed-side');
    }
    if (armedVictims && !has('abduct')) return out('Battles', 'Armed clash', has('attack') ? 'attack' : 'kill', 'classify/attack-on-armed-actor');
    if (civilianVictims && armedAgents) {
      if ((has('attack') || has('kill')) && !(has('abduct') && !has('kill') && !frames.some((f) => f.frames.includes('attack') && !f.frames.includes('abduct')))) {
        return out('Violence against civilians', 'Attack', has('attack') ? 'attack' : 'kill', 'classify/attack-on-civilians');
      }
      if (has('abduct')) return out('Violence against civilians', 'Abduction/forced disappearance', 'abduct', 'classify/abduction');
      return out('Violence against civilians', 'Attack', 'attack', 'classify/attack-on-civilians');
    }
    if (has('abduct')) return out('Violence against civilians', 'Abduction/forced disappearance', 'abduct', 'classify/abduction');
    return out('Violence against civilians', 'Attack', has('attack') ? 'attack' : 'kill', 'classify/attack');
  }

  // Strategic developments: nothing violent happened.
  const sd = first(STRATEGIC);
  // People arrested with their weapons: an arrest first.
  if (sd === 'weapons' && has('arrest')) return out('Strategic developments', 'Arrests', 'arrest', 'classify/arrest-with-weapons');
  if (sd === 'weapons') return out('Strategic developments', 'Disrupted weapons use', sd, 'classify/weapons');
  // Arrests are what states (and their forces) do; people "arrested" by a rebel or militia group
  // are abducted, as ACLED codes them ("HTS security forces arrested the head of the camp").
  if (sd === 'arrest') {
    const arresters = frames.filter((f) => f.frames.includes('arrest')).flatMap((f) => f.agents);
    if (arresters.length && arresters.every(isNonStateArmed)) return out('Violence against civilians', 'Abduction/forced disappearance', sd, 'classify/arrest-by-non-state');
    return out('Strategic developments', 'Arrests', sd, 'classify/arrest');
  }
  if (sd === 'agreement') return out('Strategic developments', 'Agreement', sd, 'classify/agreement');
  if (sd === 'loot') return out('Strategic developments', 'Looting/property destruction', sd, 'classify/looting');
  if (sd === 'hq') return out('Strategic developments', 'Headquarters or base established', sd, 'classify/base');
  if (sd === 'transfer') return out('Strategic developments', 'Non-violent transfer of territory', sd, 'classify/transfer');
  if (sd === 'change') return out('Strategic developments', 'Change to group/activity', sd, 'classify/change');
  if (has('intervene')) return out('Protests', 'Protest with intervention', 'intervene', 'classify/intervention');
  return out('Strategic developments', 'Other', 'other', 'classify/other');
}

/** The PLOVER-like verb of a frame that did not happen (a plan, an order …). */
export function verbOfFrame(f: Frame): string {
  if (DEMO.includes(f)) return 'PROTEST';
  if (f === 'abduct' || f === 'sexual' || f === 'loot') return 'ASSAULT';
  if (f === 'arrest' || f === 'weapons') return 'COERCE';
  if (f === 'agreement') return 'AGREE';
  if (f === 'hq' || f === 'change') return 'MOBILIZE';
  if (f === 'transfer') return 'CONCEDE';
  return 'FIGHT';
}
