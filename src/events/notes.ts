/**
 * An event's `notes`, written the way ACLED's coders write them: the day, who did what to whom where,
 * and the reported fatalities — then the report's own sentence, quoted, so a reader sees the source.
 */
import type { Event } from '../core/index.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function day(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${Number(d)} ${MONTHS[Number(m) - 1]} ${y}`;
}

export function dateWords(start: string | null, end: string | null, precision: number | null): string {
  if (!start) return 'On an unknown date';
  if (end && end !== start) {
    const [ys, ms] = start.split('-');
    const [ye, me, de] = end.split('-');
    if (ys === ye && ms === me) return `Between ${Number(start.split('-')[2])} and ${Number(de)} ${MONTHS[Number(me) - 1]} ${ye}`;
    return `Between ${day(start)} and ${day(end)}`;
  }
  return precision === 3 ? `In ${MONTHS[Number(start.split('-')[1]) - 1]} ${start.split('-')[0]}` : `On ${day(start)}`;
}

const VERBS: Record<string, string> = {
  'Armed clash': 'clashed with',
  'Government regains territory': 'regained control of the place from',
  'Non-state actor overtakes territory': 'took control of the place from',
  'Chemical weapon': 'used a chemical weapon against',
  'Air/drone strike': 'carried out an air or drone strike on',
  'Suicide bomb': 'carried out a suicide bombing against',
  'Shelling/artillery/missile attack': 'shelled',
  'Remote explosive/landmine/IED': 'set off an explosive device against',
  Grenade: 'threw a grenade at',
  'Sexual violence': 'committed sexual violence against',
  Attack: 'attacked',
  'Abduction/forced disappearance': 'abducted',
  'Peaceful protest': 'protested',
  'Protest with intervention': 'protested; the protest met intervention by',
  'Excessive force against protesters': 'protested and were met with lethal force by',
  'Violent demonstration': 'rioted',
  'Mob violence': 'attacked (mob violence)',
  Agreement: 'reached an agreement with',
  Arrests: 'arrested',
  'Change to group/activity': 'changed its posture or activity',
  'Disrupted weapons use': 'disrupted weapons use by',
  'Headquarters or base established': 'established a base or headquarters',
  'Looting/property destruction': 'looted or destroyed property of',
  'Non-violent transfer of territory': 'took over the place without fighting from',
  Other: 'acted',
};

export function writeNotes(
  e: Pick<Event, 'subEventType' | 'actor1' | 'actor2' | 'fatalities' | 'fatalityBasis' | 'date' | 'timePrecision' | 'modality'> & { end: string | null },
  place: string | null,
  quote: string,
  others: readonly string[],
): string {
  const verb = VERBS[e.subEventType] ?? 'acted';
  const a1 = e.actor1 ?? 'An unidentified actor';
  const intransitive = /protested$|rioted$|posture or activity$|headquarters$|acted$/.test(verb);
  let s = `${dateWords(e.date, e.end, e.timePrecision)}, ${a1} ${verb}`;
  if (e.actor2 && !intransitive) s += ` ${e.actor2}`;
  else if (e.actor2 && /protested$|rioted$/.test(verb)) s += ` (facing ${e.actor2})`;
  s = s.replace(/ the place /, place ? ` ${place} ` : ' a place ');
  if (place && !s.includes(place)) s += ` in ${place}`;
  s += '.';
  if (others.length) s += ` One of ${others.length + 1} places named together (also ${others.join(', ')}).`;
  if (e.modality === 'reported') s += ' Reported, not confirmed.';
  s += e.fatalities > 0 ? ` ${e.fatalities} reported fatalities${e.fatalityBasis === 'convention' ? ' (vague figure coded by ACLED convention)' : e.fatalityBasis === 'split' ? ' (reported total split over the events)' : ''}.` : ' No fatalities reported.';
  return `${s} Source: "${quote.trim().replace(/\s+/g, ' ')}"`;
}
