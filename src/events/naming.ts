/**
 * ACLED names for actor mentions in the context of one event or claim: the country comes from the
 * words ("Turkish troops"), else from the event's place, else from the report's main country; the
 * role of ordinary people depends on what they do (protesters at a protest, rioters in a riot,
 * civilians when attacked).
 */
import type { ActorKind, InterCode } from '../core/index.js';
import { coalitionOf, countryName, theatreCoalition, countryOf, fillCountry, genericName, GENERIC_KIND, INTER, nameOn, type ActorDictionary } from '../recognize/actors/dictionary.js';
import type { ActorMention } from '../recognize/actors/recognizer.js';

export interface NamedActor {
  readonly name: string;
  readonly kind: ActorKind;
  readonly inter: InterCode;
  readonly country: string | null;
  readonly associated: readonly string[];
  readonly parent: string | null;
  readonly entryId: string | null;
  /** The mention(s) behind it (a back-reference and what it points to). */
  readonly mentions: readonly ActorMention[];
}

export type Setting = 'event' | 'protest' | 'riot' | 'claim';

export function nameActor(dict: ActorDictionary, m: ActorMention, contextCountry: string | null, setting: Setting, date: string | null = null): NamedActor {
  const country = m.countries[0] ?? contextCountry;
  const base = { associated: [] as string[], parent: null as string | null, entryId: null as string | null, mentions: [m] };
  // A state's forces acting inside a coalition's theatre are the coalition (ACLED's convention:
  // Saudi aircraft over Yemen are Operation Restoring Hope, US forces in Syria the Global Coalition).
  const member = forcesOf(m, setting);
  const coalition = member ? coalitionOf(dict, member, contextCountry, date) : null;
  // "Coalition forces" say only "the coalition fighting here".
  const here = !coalition && m.kind === 'named' && m.named!.members.length && /^(?:the\s+)?coalition\b/i.test(m.text) ? theatreCoalition(dict, contextCountry, date) : null;
  if (here) return { ...base, name: nameOn(here, date), kind: here.kind, inter: INTER[here.kind], country: contextCountry, parent: here.parent, entryId: here.id };
  if (coalition) {
    const label = nameOn(coalition, date);
    const name = coalition.contingent ? `${label} (${countryName(dict, member) ?? member})` : label;
    return { ...base, name, kind: coalition.kind, inter: INTER[coalition.kind], country: contextCountry, parent: coalition.parent, entryId: coalition.id };
  }
  if (m.kind === 'named') {
    const e = m.named!;
    const c = e.country ?? country;
    const base0 = nameOn(e, date);
    const name = e.scoped && c ? `${base0} (${countryName(dict, c) ?? c})` : base0;
    return { ...base, name, kind: e.kind, inter: INTER[e.kind], country: c, parent: e.parent ?? (e.scoped ? e.name : null), entryId: e.id };
  }
  if (m.kind === 'state') {
    const iso = m.countries[0]!;
    const of = countryOf(dict, iso);
    const name = m.stateClass === 'police' ? `Police Forces of ${of}` : m.stateClass === 'government' ? `Government of ${of}` : `Military Forces of ${of}`;
    return { ...base, name, kind: 'state', inter: 1, country: iso };
  }
  if (m.kind === 'country') {
    const iso = m.countries[0]!;
    const of = countryOf(dict, iso);
    // A country acting by force is its military; a country speaking is its government.
    return { ...base, name: setting === 'claim' ? `Government of ${of}` : `Military Forces of ${of}`, kind: 'state', inter: 1, country: iso };
  }
  if (m.kind === 'communal' && m.rules.includes('actor/named-by-words')) {
    return { ...base, name: m.builtName!, kind: 'political-militia', inter: 3, country };
  }
  if (m.kind === 'communal') {
    const c = countryName(dict, country);
    return { ...base, name: c ? `${m.builtName} (${c})` : m.builtName!, kind: 'identity-militia', inter: 4, country };
  }
  if (m.kind === 'generic') {
    const g = m.generic!;
    let cls = g.cls;
    // Ordinary people take the role of what they do.
    if ((cls === 'people' || cls === 'protesters') && setting === 'riot') cls = 'rioters';
    else if (cls === 'people' && setting === 'protest') cls = 'protesters';
    else if (cls === 'protesters' && setting === 'riot') cls = 'rioters';
    // Settlers in the West Bank are Israeli settlers (ACLED's "Settlers (Israel)"), not Palestine's.
    const own = cls === 'settlers' && !m.countries.length && (country === 'PS' || country === 'IL') ? 'IL' : country;
    const name = genericName(dict, cls, own);
    const assoc = g.assoc && (setting === 'protest' || setting === 'riot' || cls === 'civilians' || cls === 'people') ? [fillCountry(dict, g.assoc, country)] : [];
    const kind = GENERIC_KIND[cls];
    return { ...base, name, kind, inter: INTER[kind], country: own, associated: assoc, entryId: g.id };
  }
  // A back-reference without its antecedent (should not reach here).
  return { ...base, name: m.text, kind: 'political-militia', inter: 3, country };
}

/** The state whose armed forces a mention is, if it is one (not its government, police or leaders). */
function forcesOf(m: ActorMention, setting: Setting): string | null {
  if (setting === 'claim' || setting === 'protest') return null;
  if (m.kind === 'named') return m.named!.kind === 'state' && !m.named!.person && !/^Government of/.test(m.named!.name) ? m.named!.country : null;
  if (m.kind === 'state') return m.stateClass === 'military' ? (m.countries[0] ?? null) : null;
  if (m.kind === 'country') return m.countries[0] ?? null;
  if (m.kind === 'generic') return (m.generic!.cls === 'military' || m.generic!.cls === 'aircraft') && m.countries.length === 1 ? m.countries[0]! : null;
  return null;
}

/** The unnamed actor ACLED uses when a side is not named. */
export function unidentified(dict: ActorDictionary, cls: 'armed' | 'aircraft' | 'protesters' | 'rioters' | 'civilians' | 'police', country: string | null): NamedActor {
  const kind = GENERIC_KIND[cls];
  return { name: genericName(dict, cls, country), kind, inter: INTER[kind], country, associated: [], parent: null, entryId: null, mentions: [] };
}
