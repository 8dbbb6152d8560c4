/**
 * A stated container holds: "Markhazah (Qaatabah, Ad Dali)", "Haranbush in Idleb province",
 * "Cigli, Izmir", "Hays city (Al Hudaydah)". When the text says where a place is, an entry of
 * that name elsewhere is another place, however big: the resolver takes the best candidate inside
 * the container, or abstains (the events stage then codes the container, as ACLED does for a
 * village the gazetteer lacks).
 *
 * Pure functions over gazetteer entries; resolveMentions.ts applies them after the rankings.
 */
import type { GazetteerEntry } from '../core/index.js';
import { distanceKm } from './geo/index.js';

/** What a container is, for the containment test. */
export interface ContainerPlace {
  readonly id: string;
  readonly name: string;
  readonly country: string;
  readonly admin1: string | null;
  readonly featureClass: string;
  readonly featureCode: string;
  readonly lat: number;
  readonly lon: number;
  readonly radiusKm: number | null;
}

/**
 * A town named as a container holds its quarters and the villages around it: "Abu Salim
 * (Tripoli)" is 5 km from the centre, a district's villages often 30 km. Beyond this, measured
 * from the container's point (plus its radius when it has one), a place is not inside it.
 */
export const TOWN_REACH_KM = 40;
/** Slack added to an area's radius: points of areas are label points, borders are irregular. */
const AREA_SLACK_KM = 50;
/** Radius assumed for a second-level division with none recorded. */
const ADMIN2_RADIUS_KM = 40;

/** Coarseness by feature code: a country over a first-level division over a district over a town. */
export function containerRank(e: Pick<GazetteerEntry, 'featureClass' | 'featureCode'>): number {
  const code = e.featureCode;
  if (code.startsWith('PCL') || code === 'TERR') return 5;
  if (code === 'ADM1' || code === 'ADM1H') return 4;
  if (code.startsWith('ADM')) return 3;
  if (e.featureClass === 'P') return 1;
  return 0;
}

/** Whether entry e lies inside the container c (by its country, admin-1 and distance). */
export function insideContainer(e: Pick<GazetteerEntry, 'id' | 'country' | 'admin1' | 'lat' | 'lon'>, c: ContainerPlace): boolean {
  if (e.id === c.id) return true;
  const rank = containerRank(c);
  if (c.country && e.country && e.country !== c.country) return false;
  if (rank === 5) return !!c.country && e.country === c.country;
  const km = distanceKm(e.lat, e.lon, c.lat, c.lon);
  if (rank === 4) return (!!c.admin1 && e.admin1 === c.admin1) || km <= (c.radiusKm ?? 0) + AREA_SLACK_KM;
  if (rank === 3) return km <= (c.radiusKm ?? ADMIN2_RADIUS_KM) + AREA_SLACK_KM;
  return km <= (c.radiusKm ?? 0) + TOWN_REACH_KM;
}

/** How the text states the container (context.ts). */
export interface StatedHow {
  readonly via: 'comma' | 'paren' | 'in';
  readonly listLike: boolean;
}

/**
 * Whether a container stated this way can constrain a mention whose current choice has rank
 * `ownRank`. "X (Y)" and "X in Y" are containment whenever Y is no finer than X ("Jobar
 * (Damascus)", "Abu Salim in Tripoli"); "X, Y" only when Y is coarser and the names are not a
 * list ("Cigli, Izmir", "Sirte, Libya"; not "Sirte, Misrata and Tripoli", not "Syria, Iraq").
 */
export function constrains(how: StatedHow, containerRankValue: number, ownRank: number): boolean {
  if (containerRankValue <= 0) return false;
  if (how.via === 'comma') return !how.listLike && containerRankValue > ownRank;
  return containerRankValue >= ownRank;
}

/**
 * The candidate to keep under a container: the current choice when inside, else the most probable
 * candidate inside, else -1 (abstain). `probs` are the ranker's probabilities, same order.
 */
export function chooseInside(cands: readonly Pick<GazetteerEntry, 'id' | 'country' | 'admin1' | 'lat' | 'lon'>[], probs: readonly number[], chosen: number, c: ContainerPlace): number {
  if (chosen >= 0 && insideContainer(cands[chosen]!, c)) return chosen;
  let best = -1;
  for (let i = 0; i < cands.length; i++) if (insideContainer(cands[i]!, c) && (best < 0 || (probs[i] ?? 0) > (probs[best] ?? 0))) best = i;
  return best;
}
