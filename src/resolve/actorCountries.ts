/**
 * The report's actors as country evidence for its places. "Pro-Houthi forces shelled Hays" is
 * about Yemen though no other place says so; "GNA forces attacked LNA positions in As Sabaa
 * (Tripoli)" about Libya. The actor recognizer (src/recognize/actors) knows each named group's
 * home country; its mentions become votes for the resolver (resolveMentions.ts):
 *
 * - `local` actors are where they act: armed groups, militias, parties, a civil war's factions
 *   (a state entry with a faction's name: "Military Forces of Yemen (2016-) Supreme Political
 *   Council" for the Houthis, the GNA, the LNA), a coalition or mission with one theatre (the
 *   Saudi-led coalition → Yemen, AMISOM → Somalia), and people of a country named by demonym
 *   that do not travel: protesters, rioters, civilians, militias, a country's police
 *   ("Lebanese police"). They vote in the document's focus as one more name, count as another
 *   name for the report-country rule, and support a transliteration there.
 * - `light` actors often act abroad: a country's plain army, government or aircraft ("US forces",
 *   "the Turkish Army" in Syria, "Russian warplanes"). They add a small vote to the focus only, so
 *   they tip a tie ("the Lebanese army deployed in Tripoli") but never outweigh a place.
 * - Not counted: a country's name before a noun ("Palestine police": the geoparser reads the
 *   name itself, and it may be a town), leaders and spokespeople (they speak from anywhere), migrants and settlers
 *   (abroad by definition), "21 Egyptians" (people abroad as often as at home), countries named
 *   as such (the geoparser reads "in Syria" itself).
 */
import type { ActorMention } from '../recognize/actors/recognizer.js';

/** Weight of a light actor's vote in the focus, where a local actor's is 1 (one name). */
export const LIGHT_WEIGHT = 0.25;

export interface ActorCountry {
  readonly country: string;
  /** 1 for local actors, LIGHT_WEIGHT for state forces that may act abroad. */
  readonly weight: number;
  /** The actors' words, distinct, in text order ("Houthis", "LNA"). */
  readonly names: readonly string[];
  /** Where they are in the text (UTF-16): a place word inside one ("Saudi-led coalition") is the actor's. */
  readonly spans?: readonly { readonly start: number; readonly end: number }[];
}

/** Classes of generic actors ("Lebanese protesters") that are in their own country. */
const LOCAL_GENERIC = new Set(['protesters', 'rioters', 'civilians', 'police', 'armed', 'rebels', 'militia']);
/** … and those that may be abroad ("Russian warplanes", "Turkish troops"). */
const LIGHT_GENERIC = new Set(['military', 'government', 'aircraft']);

/** A state entry named for a faction, not the country's plain forces ("(2016-) Supreme Political Council"). */
function isFaction(name: string): boolean {
  const m = /^(?:Military Forces|Police Forces|Government) of [^(]*(?:\([^)]*\))?\s*(.*)$/.exec(name.trim());
  return !m || m[1]!.length > 0;
}

/** Each country the actors point to, with its weight (the largest of its actors') and their words. */
export function actorCountries(actors: readonly ActorMention[], isDemonym: (word: string) => boolean = () => true): ActorCountry[] {
  const out = new Map<string, { weight: number; names: string[]; spans: { start: number; end: number }[] }>();
  let current: ActorMention | null = null;
  const add = (country: string | null | undefined, weight: number, text: string) => {
    if (!country) return;
    const o = out.get(country) ?? { weight: 0, names: [], spans: [] };
    o.weight = Math.max(o.weight, weight);
    if (current) o.spans.push({ start: current.start, end: current.end });
    const word = text.replace(/\s+/g, ' ').trim();
    if (!o.names.includes(word)) o.names.push(word);
    out.set(country, o);
  };
  for (const a of actors) {
    current = a;
    if (a.personal) continue;
    if (a.kind === 'named' && a.named) {
      const e = a.named;
      if (e.person) continue;
      if (e.kind === 'external') {
        if (e.theatre.length === 1) add(e.theatre[0], 1, a.text);
      } else if (e.kind === 'state') {
        if (e.country) add(e.country, isFaction(e.name) || e.name.startsWith('Police Forces of') ? 1 : LIGHT_WEIGHT, a.text);
      } else if (e.country && !e.scoped) add(e.country, 1, a.text);
    } else if (a.kind === 'state' && a.countries.length === 1) {
      add(a.countries[0], a.stateClass === 'police' ? 1 : LIGHT_WEIGHT, a.text);
    } else if (a.kind === 'generic' && a.generic && a.countries.length === 1) {
      // "Lebanese police" tells a country; "Palestine police" names a place the geoparser reads
      // itself (Palestine, Texas): no evidence for it beyond its own name.
      if (a.rules.includes('actor/country+noun') && !isDemonym(a.text.split(/\s+/)[0]!.replace(/^(?:the|pro)-?/i, ''))) continue;
      if (LOCAL_GENERIC.has(a.generic.cls)) add(a.countries[0], 1, a.text);
      else if (LIGHT_GENERIC.has(a.generic.cls)) add(a.countries[0], LIGHT_WEIGHT, a.text);
    }
  }
  return [...out].map(([country, o]) => ({ country, weight: o.weight, names: o.names, spans: o.spans }));
}

/** "the report's actors are of YE: Houthis, Houthi militia" (for a place's reason). */
export function actorReason(a: ActorCountry): string {
  const shown = a.names.slice(0, 3).join(', ') + (a.names.length > 3 ? ', …' : '');
  return `the report's actors are of ${a.country}: ${shown}`;
}
