/**
 * The actor dictionary: data/actors/*.txt compiled once into one phrase trie.
 *
 * Layers, in order (a later layer adds aliases to an entry of the same canonical name, overrides
 * its attributes, or removes it with `!Name`): countries → groups → organizations → leaders →
 * generic → coref → the user's files (`SITREP_ACTORS` or `loadActorDictionary({ userFiles })`).
 *
 * State forces of every country are generated from countries.txt: "Military Forces of Libya",
 * "Police Forces of Libya", "Government of Libya", plus "Libyan …" for each demonym.
 */
import { dataPath, type ActorKind, type InterCode } from '../../core/index.js';
import { checkAttrs, readLines, type DictLine } from './lines.js';
import { PhraseTrie } from './phrases.js';

export interface Country {
  readonly iso: string;
  /** ACLED-style short name: "Libya", "United Kingdom". */
  readonly name: string;
  /** Takes "the" in actor names: "Military Forces of the United Kingdom". */
  readonly the: boolean;
  readonly demonyms: readonly string[];
  /** GeoNames continent code: AF, AS, EU, NA, OC, SA, AN. */
  readonly continent: string;
  readonly iso3: string;
  /** ISO 3166-1 numeric (ACLED's `iso` column). */
  readonly num: number | null;
  /** World region as ACLED names it ("Northern Africa", "Middle East"). */
  readonly region: string;
}

/** A named actor: a group, an organisation, a government. */
export interface NamedEntry {
  readonly id: string;
  readonly name: string;
  readonly aliases: readonly string[];
  readonly kind: ActorKind;
  readonly country: string | null;
  /** The name takes the event's country: "Islamic State (Libya)". */
  readonly scoped: boolean;
  readonly parent: string | null;
  readonly bloc: string | null;
  /** Term of a government or leader (YYYY-MM-DD), null when open. */
  readonly from: string | null;
  readonly to: string | null;
  /** A person or office speaking for a government (leaders.txt). */
  readonly person: boolean;
  /** Earlier names: for reports dated before `until`, the actor was known as `name` (era changes). */
  readonly earlier: readonly { readonly until: string; readonly name: string }[];
  /** A coalition: the states whose forces act as it (ISO2) … */
  readonly members: readonly string[];
  /** … in these countries (ISO2): Saudi forces in Yemen are Operation Restoring Hope. */
  readonly theatre: readonly string[];
  /** A mission of national contingents: named per contingent, "AMISOM: … (Kenya)". */
  readonly contingent: boolean;
}

export type GenericClass =
  | 'military'
  | 'police'
  | 'government'
  | 'armed'
  | 'aircraft'
  | 'protesters'
  | 'rioters'
  | 'civilians'
  | 'people'
  | 'migrants'
  | 'settlers'
  | 'rebels'
  | 'militia';

export interface GenericEntry {
  readonly id: string;
  readonly cls: GenericClass;
  /** Associated actor template, e.g. "Labour Group ({country})". */
  readonly assoc: string | null;
  /** Only an actor with a country word before it ("Turkish forces", not "forces"). */
  readonly needsCountry: boolean;
  /** Aircraft: an attack by them is an air strike. */
  readonly air: boolean;
}

export type CorefKind = 'group' | 'armed' | 'jihadist' | 'alliance' | 'bloc' | 'countries' | 'country' | 'state' | 'person' | 'plural' | 'sides';

export interface CorefEntry {
  readonly refers: CorefKind;
  /** The countries pointed at act as their forces ("all special forces"). */
  readonly asMilitary: boolean;
  readonly bloc: string | null;
  readonly country: string | null;
}

export type ActorPayload =
  | { readonly type: 'named'; readonly entry: NamedEntry }
  | { readonly type: 'country'; readonly iso: string }
  | { readonly type: 'demonym'; readonly iso: string }
  | { readonly type: 'state'; readonly iso: string; readonly cls: 'military' | 'police' | 'government' }
  | { readonly type: 'generic'; readonly entry: GenericEntry }
  | { readonly type: 'coref'; readonly entry: CorefEntry };

export interface ActorDictionary {
  readonly trie: PhraseTrie<ActorPayload>;
  readonly countries: ReadonlyMap<string, Country>;
  readonly named: ReadonlyMap<string, NamedEntry>;
  /** Folded canonical names and aliases → entry (for alias lookup, e.g. in `sitrep eval`). */
  readonly byAlias: ReadonlyMap<string, NamedEntry>;
}

const KINDS: readonly ActorKind[] = ['state', 'rebel', 'political-militia', 'identity-militia', 'rioters', 'protesters', 'civilians', 'external'];

export const INTER: Readonly<Record<ActorKind, InterCode>> = {
  state: 1,
  rebel: 2,
  'political-militia': 3,
  'identity-militia': 4,
  rioters: 5,
  protesters: 6,
  civilians: 7,
  external: 8,
};

export const FILES = ['countries.txt', 'state-forces.txt', 'groups.txt', 'organizations.txt', 'leaders.txt', 'generic.txt', 'coref.txt'] as const;

let bundled: ActorDictionary | null = null;

/** The bundled dictionary (plus `SITREP_ACTORS`, a path list, when set), loaded once per process. */
export function actorDictionary(): ActorDictionary {
  if (!bundled) {
    const user = (process.env['SITREP_ACTORS'] ?? '').split(/[;,]/).filter(Boolean);
    bundled = loadActorDictionary({ userFiles: user });
  }
  return bundled;
}

export function loadActorDictionary(options: { userFiles?: readonly string[] } = {}): ActorDictionary {
  const layers: { file: string; lines: DictLine[] }[] = FILES.map((f) => ({ file: f, lines: readLines(dataPath('actors', f)) }));
  for (const f of options.userFiles ?? []) layers.push({ file: 'user', lines: readLines(f) });

  const countries = new Map<string, Country>();
  const countryNames = new Map<string, string[]>();
  const named = new Map<string, NamedEntry & { aliases: string[] }>();
  const generic: { names: string[]; entry: GenericEntry }[] = [];
  const coref: { names: string[]; entry: CorefEntry }[] = [];

  for (const { file, lines } of layers) {
    for (const l of lines) {
      if (file === 'countries.txt') {
        checkAttrs(l, ['dem', 'cont', 'the', 'iso3', 'num', 'region']);
        const [iso, ...names] = l.names;
        if (!iso || !/^[A-Z]{2}$/.test(iso) || !names[0]) throw new Error(`${l.file}:${l.line}: expected "ISO2 | name | …"`);
        countries.set(iso, {
          iso,
          name: names[0],
          the: l.attrs['the'] === '1',
          demonyms: (l.attrs['dem'] ?? '').split(',').map((s) => s.trim()).filter(Boolean),
          continent: l.attrs['cont'] ?? '',
          iso3: l.attrs['iso3'] ?? '',
          num: l.attrs['num'] ? Number(l.attrs['num']) : null,
          region: l.attrs['region'] ?? '',
        });
        countryNames.set(iso, names);
      } else if (file === 'generic.txt' || (file === 'user' && l.attrs['class'])) {
        checkAttrs(l, ['class', 'assoc', 'needs', 'air']);
        const cls = l.attrs['class'] as GenericClass;
        if (!['military', 'police', 'government', 'armed', 'aircraft', 'protesters', 'rioters', 'civilians', 'people', 'migrants', 'settlers', 'rebels', 'militia'].includes(cls)) {
          throw new Error(`${l.file}:${l.line}: unknown class "${l.attrs['class']}"`);
        }
        generic.push({ names: [...l.names], entry: { id: `generic:${l.names[0]}`, cls, assoc: l.attrs['assoc'] ?? null, needsCountry: l.attrs['needs'] === 'country', air: l.attrs['air'] === '1' || cls === 'aircraft' } });
      } else if (file === 'coref.txt' || (file === 'user' && l.attrs['refers'])) {
        checkAttrs(l, ['refers', 'bloc', 'country', 'as']);
        const refers = l.attrs['refers'] as CorefKind;
        if (!['group', 'armed', 'jihadist', 'alliance', 'bloc', 'countries', 'country', 'state', 'person', 'plural', 'sides'].includes(refers)) throw new Error(`${l.file}:${l.line}: unknown refers "${refers}"`);
        coref.push({ names: [...l.names], entry: { refers, asMilitary: l.attrs['as'] === 'military', bloc: l.attrs['bloc'] ?? null, country: l.attrs['country'] ?? null } });
      } else {
        checkAttrs(l, ['kind', 'country', 'scope', 'parent', 'bloc', 'from', 'to', 'since', 'before', 'members', 'theatre', 'contingent']);
        const [name, ...aliases] = l.names;
        if (!name) continue;
        if (l.remove) {
          named.delete(name);
          continue;
        }
        const kind = (l.attrs['kind'] ?? 'political-militia') as ActorKind;
        if (!KINDS.includes(kind)) throw new Error(`${l.file}:${l.line}: unknown kind "${kind}" (known: ${KINDS.join(', ')})`);
        const prev = named.get(name);
        const from = l.attrs['from'] ?? (l.attrs['since'] ? `${l.attrs['since']}-01-01` : null);
        named.set(name, {
          id: `${file.replace(/\.txt$/, '')}:${slug(name)}`,
          name,
          aliases: [...(prev?.aliases ?? []), ...aliases.filter((a) => !prev?.aliases.includes(a))],
          kind,
          country: l.attrs['country'] ?? prev?.country ?? null,
          scoped: (l.attrs['scope'] ?? (prev?.scoped ? 'country' : '')) === 'country',
          parent: l.attrs['parent'] ?? prev?.parent ?? null,
          bloc: l.attrs['bloc'] ?? prev?.bloc ?? null,
          from: from ?? prev?.from ?? null,
          to: l.attrs['to'] ?? prev?.to ?? null,
          person: prev ? prev.person : file === 'leaders.txt',
          earlier: l.attrs['before'] ? parseBefore(l.attrs['before'], l.file, l.line) : (prev?.earlier ?? []),
          members: l.attrs['members'] ? isoList(l.attrs['members']) : (prev?.members ?? []),
          theatre: l.attrs['theatre'] ? isoList(l.attrs['theatre']) : (prev?.theatre ?? []),
          contingent: l.attrs['contingent'] ? l.attrs['contingent'] === '1' : (prev?.contingent ?? false),
        });
      }
    }
  }

  const trie = new PhraseTrie<ActorPayload>();
  const byAlias = new Map<string, NamedEntry>();
  for (const [iso, names] of countryNames) {
    const c = countries.get(iso)!;
    for (const n of names) trie.add(n, { type: 'country', iso });
    for (const d of c.demonyms) trie.add(d, { type: 'demonym', iso });
    const of = `${c.the ? 'the ' : ''}${c.name}`;
    trie.add(`Military Forces of ${of}`, { type: 'state', iso, cls: 'military' });
    trie.add(`Police Forces of ${of}`, { type: 'state', iso, cls: 'police' });
    trie.add(`Government of ${of}`, { type: 'state', iso, cls: 'government' });
  }
  for (const e of named.values()) {
    for (const n of [e.name, ...e.earlier.map((x) => x.name), ...e.aliases]) {
      trie.add(n, { type: 'named', entry: e });
      const key = foldName(n);
      if (!byAlias.has(key)) byAlias.set(key, e);
    }
  }
  for (const g of generic) for (const n of g.names) trie.add(n, { type: 'generic', entry: g.entry });
  for (const c of coref) for (const n of c.names) trie.add(n, { type: 'coref', entry: c.entry });
  return { trie, countries, named, byAlias };
}

/** `before=2016-03-30:Military Forces of Libya (2014-)` (several joined by ` & `). */
function parseBefore(v: string, file: string, line: number): { until: string; name: string }[] {
  return v.split(' & ').map((part) => {
    const m = /^(\d{4}-\d{2}-\d{2}):(.+)$/.exec(part.trim());
    if (!m) throw new Error(`${file}:${line}: before= must be YYYY-MM-DD:Name, not ${JSON.stringify(part)}`);
    return { until: m[1]!, name: m[2]!.trim() };
  });
}

/** The name an entry had on a date (its era name), or its canonical name. */
/** `members=SA,AE` → ['SA', 'AE']. */
function isoList(v: string): string[] {
  return v.split(',').map((x) => x.trim()).filter(Boolean);
}

/**
 * The coalition a state's forces act as in a country ("Saudi forces" in Yemen are Operation
 * Restoring Hope), on the report's date; null at home or outside any coalition's theatre.
 */
export function coalitionOf(dict: ActorDictionary, member: string, where: string | null, date: string | null): NamedEntry | null {
  if (!where || where === member) return null;
  for (const e of dict.named.values()) {
    if (!e.members.includes(member) || !e.theatre.includes(where)) continue;
    if (date && ((e.from && date < e.from) || (e.to && date > e.to))) continue;
    return e;
  }
  return null;
}

/** The coalition whose theatre a country is, on a date ("coalition forces" in Yemen). */
export function theatreCoalition(dict: ActorDictionary, where: string | null, date: string | null): NamedEntry | null {
  if (!where) return null;
  for (const e of dict.named.values()) {
    if (!e.members.length || !e.theatre.includes(where)) continue;
    if (date && ((e.from && date < e.from) || (e.to && date > e.to))) continue;
    return e;
  }
  return null;
}

export function nameOn(e: NamedEntry, date: string | null): string {
  if (!date) return e.name;
  const hit = [...e.earlier].sort((a, b) => a.until.localeCompare(b.until)).find((x) => date < x.until);
  return hit ? hit.name : e.name;
}

function slug(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
}

/** Fold an actor name for comparison: case, accents, punctuation and spacing ignored. */
export function foldName(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’`]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** "Libya" → "Libya"; "GB" → "the United Kingdom" (as it follows "Military Forces of"). */
export function countryOf(dict: ActorDictionary, iso: string): string {
  const c = dict.countries.get(iso);
  return c ? `${c.the ? 'the ' : ''}${c.name}` : iso;
}

/** Plain country name for "(…)" suffixes: "Protesters (United Kingdom)". */
export function countryName(dict: ActorDictionary, iso: string | null): string | null {
  if (!iso) return null;
  return dict.countries.get(iso)?.name ?? null;
}

/** The ACLED name of a generic class in a country (null when the country is unknown). */
export function genericName(dict: ActorDictionary, cls: GenericClass, iso: string | null): string {
  const plain = countryName(dict, iso);
  const of = iso ? countryOf(dict, iso) : null;
  switch (cls) {
    case 'military':
      return of ? `Military Forces of ${of}` : 'Unidentified Military Forces';
    case 'police':
      return of ? `Police Forces of ${of}` : 'Unidentified Police Forces';
    case 'government':
      return of ? `Government of ${of}` : 'Unidentified Government';
    case 'armed':
      return plain ? `Unidentified Armed Group (${plain})` : 'Unidentified Armed Group';
    case 'aircraft':
      return 'Unidentified Military Forces';
    case 'protesters':
      return plain ? `Protesters (${plain})` : 'Protesters';
    case 'rioters':
      return plain ? `Rioters (${plain})` : 'Rioters';
    case 'civilians':
    case 'people':
      return plain ? `Civilians (${plain})` : 'Civilians';
    case 'migrants':
      return plain ? `Migrants (${plain})` : 'Migrants';
    case 'militia':
      return plain ? `Unidentified Communal Militia (${plain})` : 'Unidentified Communal Militia';
    case 'rebels':
      return plain ? `Opposition Rebels (${plain})` : 'Opposition Rebels';
    case 'settlers':
      return plain ? `Settlers (${plain})` : 'Settlers';
  }
}

export const GENERIC_KIND: Readonly<Record<GenericClass, ActorKind>> = {
  military: 'state',
  police: 'state',
  government: 'state',
  armed: 'political-militia',
  aircraft: 'state',
  protesters: 'protesters',
  rioters: 'rioters',
  civilians: 'civilians',
  people: 'civilians',
  migrants: 'civilians',
  militia: 'identity-militia',
  settlers: 'identity-militia',
  rebels: 'rebel',
};

/** Fill a "{country}" template. */
export function fillCountry(dict: ActorDictionary, template: string, iso: string | null): string {
  const plain = countryName(dict, iso);
  return plain ? template.replace('{country}', plain) : template.replace(/\s*\(\{country\}\)/, '').replace('{country}', '');
}
