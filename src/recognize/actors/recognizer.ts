/**
 * Actor mentions in a report: dictionary phrases, then the few combinations that make an actor out
 * of a country word and a noun ("Turkish troops", "Libya's army", "special forces troops from Italy
 * and Britain"), a named group and its head noun ("ISIS forces"), a town and "militias" ("Misrata
 * militias" → Misrata Communal Militia), and back-references ("its forces", "the Europeans").
 *
 * Output is a list of mentions in text order with no overlaps. Names are not final here: a generic
 * mention without a country gets the event's country later (src/events/actors.ts).
 */
import type { ActorDictionary, ActorPayload, CorefEntry, GenericEntry, NamedEntry } from './dictionary.js';
import type { Word } from './words.js';

export type MentionKind = 'named' | 'country' | 'state' | 'generic' | 'coref' | 'communal';

export interface ActorMention {
  /** Word indices [from, to). */
  readonly from: number;
  readonly to: number;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly sentence: number;
  readonly kind: MentionKind;
  readonly named: NamedEntry | null;
  readonly generic: GenericEntry | null;
  /** For `state` mentions (an explicit "Military Forces of X"): which service. */
  readonly stateClass: 'military' | 'police' | 'government' | null;
  /** Countries the words give ("Turkish", "from Italy and Britain", "Libya's"); several for a list. */
  readonly countries: readonly string[];
  /** For coreference: the mentions it points back to (already resolved, never another coref). */
  readonly antecedents: readonly ActorMention[];
  readonly coref: CorefEntry | null;
  /** For communal and ethnic militias typed by their words: the name built. */
  readonly builtName: string | null;
  /** Rule tags: `actor/dictionary`, `actor/demonym+noun`, `actor/coref/its` … */
  readonly rules: readonly string[];
  /** The preposition right before the mention ("in" Libya, "against" ISIS), folded, or null. */
  readonly preposition: string | null;
  /** Aircraft of the actor ("LNA air force", "Russian warplanes"): an attack by it is an air strike. */
  readonly air: boolean;
  /** A person speaking for an actor ("President Hollande"), not the institution ("the Obama administration"). */
  readonly personal: boolean;
  /** For a named mention, the end of the name itself (word index), before an absorbed noun ("suicide bombers"). */
  readonly nameTo: number;
}

/** A leader's name or title, as opposed to the government or body it stands for. */
export function isPersonal(m: Pick<ActorMention, 'kind' | 'named' | 'text'>): boolean {
  return m.kind === 'named' && !!m.named?.person && !/administration|government|regime|kremlin|council|cabinet|accord|ministry/i.test(m.text);
}

const PREPOSITIONS = new Set(['in', 'into', 'to', 'from', 'across', 'inside', 'throughout', 'near', 'of', 'on', 'against', 'with', 'by', 'at', 'between', 'and', 'for', 'over', 'toward', 'towards', 'outside', 'within', 'around']);

export interface RecognizeOptions {
  /** Reference date (YYYY-MM-DD): leaders are only recognized inside their term. */
  readonly date: string | null;
  /** Cap on mentions kept (bounded work on hostile input). */
  readonly maxMentions?: number;
  /** Towns the geoparser found (UTF-16 spans, gazetteer name): "Misrata militias" are a town's militia. */
  readonly towns?: readonly TownSpan[];
  /** Capitals the geoparser read as acting ("Moscow denied"): UTF-16 spans and their country. */
  readonly metonyms?: readonly { readonly start: number; readonly end: number; readonly country: string }[];
}

export interface TownSpan {
  readonly start: number;
  readonly end: number;
  /** The gazetteer's name ("Misratah"), which ACLED's communal militia names follow. */
  readonly name: string;
}

/** Armed nouns after a town's name that make the town's militia ("Misrata forces", "Zawiya fighters"). */
const BELIEF = /^(?:believed|thought|said|suspected|reported|presumed)$/;
const TOWN_ARMED = /^(?:forces|fighters|militias?|militiamen|gunmen|brigades?|battalions?)$/i;

/** "Az Zawiyah" → "Zawiyah": ACLED's militia names drop the Arabic article. */
function townName(name: string): string {
  return name.replace(/^(?:A[lzrsdnt]|E[lz])[ -](?=\p{Lu})/u, '');
}

const HEADS = new Set([
  'forces', 'force', 'fighters', 'fighter', 'militants', 'militant', 'members', 'member', 'troops', 'elements', 'units', 'militiamen',
  'militia', 'militias', 'gunmen', 'loyalists', 'commanders', 'commander', 'leaders', 'leader', 'jihadists', 'insurgents', 'rebels',
  'soldiers', 'personnel', 'operatives', 'supporters', 'affiliates', 'cells', 'cell', 'group', 'brigade', 'brigades', 'battalion',
]);
const MILITIA = new Set(['militia', 'militias', 'militiamen']);
const MEMBER = new Set(['delegation', 'delegations', 'representatives', 'representative', 'envoys', 'envoy', 'spokesman', 'spokeswoman', 'spokesperson', 'official', 'officials', 'member', 'members', 'element', 'elements', 'fighter', 'fighters', 'commander', 'commanders', 'leader', 'leaders', 'officer', 'officers', 'soldier', 'soldiers', 'personnel', 'militant', 'militants', 'recruit', 'recruits']);
const TRIBE = new Set(['tribe', 'tribesmen', 'tribal', 'clan', 'clansmen']);
const EXPLETIVE_NEXT = new Set(['is', 'was', 'seems', 'seemed', 'remains', 'remained', 'appears', 'appeared', 'would', 'will', 'could', 'may', 'might', 'must', 'should', 'takes', 'took']);
const STOP_CAPS = new Set(['the', 'a', 'an', 'local', 'rival', 'allied', 'armed', 'tribal', 'pro', 'anti']);

export function recognizeActors(dict: ActorDictionary, text: string, ws: readonly Word[], options: RecognizeOptions): ActorMention[] {
  const max = options.maxMentions ?? 5000;
  const demonyms = demonymSet(dict);
  const raw = dict.trie.scan(ws, (m) => acceptable(m.value, text, ws, m.from, options.date, demonyms));
  // Group payloads by span (one phrase may mean several things: "US" is a country; pick by priority).
  const spans: { from: number; to: number; values: ActorPayload[] }[] = [];
  for (const m of raw) {
    const last = spans[spans.length - 1];
    if (last && last.from === m.from && last.to === m.to) last.values.push(m.value);
    else spans.push({ from: m.from, to: m.to, values: [m.value] });
  }
  const out: ActorMention[] = [];
  const mk = (from: number, to: number, p: Partial<ActorMention> & Pick<ActorMention, 'kind' | 'rules'>): ActorMention => ({
    from,
    to,
    start: ws[from]!.start,
    end: ws[to - 1]!.end,
    text: '',
    sentence: ws[from]!.sentence,
    named: null,
    generic: null,
    stateClass: null,
    countries: [],
    antecedents: [],
    coref: null,
    builtName: null,
    air: false,
    personal: false,
    nameTo: to,
    preposition: prepositionOf(text, ws, from, to),
    ...p,
  });

  for (let k = 0; k < spans.length && out.length < max; k++) {
    const s = spans[k]!;
    const v = pick(s.values);
    const next = spans[k + 1];
    const adjacent = next && next.from === s.to && ws[next.from]!.sentence === ws[s.from]!.sentence;
    const nextGeneric = adjacent ? next.values.find((x): x is Extract<ActorPayload, { type: 'generic' }> => x.type === 'generic') : undefined;

    // "the anti-Houthi forces": the named group is the opponent, not the actor.
    if (s.from > 0 && ws[s.from]!.joiner === '-' && ws[s.from - 1]!.norm === 'anti') continue;

    if (v.type === 'demonym' || (v.type === 'country' && ws[s.to - 1]!.possessive) || (v.type === 'country' && nextGeneric && nextGeneric.entry.cls !== 'people')) {
      // Country word(s) + noun: "Turkish troops", "Italian and British special forces", "Libya's army".
      const isos = [v.iso];
      let j = k + 1;
      // "Italian and British troops": a list of demonyms before one noun.
      while (j + 1 < spans.length && isAndBetween(ws, spans[j - 1]!.to, spans[j]!.from) && pick(spans[j]!.values).type === 'demonym') {
        isos.push((pick(spans[j]!.values) as { iso: string }).iso);
        j++;
      }
      const head = spans[j];
      const headGeneric = head && head.from === spans[j - 1]!.to ? head.values.find((x) => x.type === 'generic') : undefined;
      const headNamed = head && head.from === spans[j - 1]!.to ? head.values.find((x) => x.type === 'named') : undefined;
      if (head && headGeneric && headGeneric.type === 'generic') {
        for (const iso of isos) {
          out.push(mk(s.from, head.to, { kind: 'generic', generic: headGeneric.entry, countries: [iso], air: headGeneric.entry.air, rules: ['actor/country+noun'] }));
        }
        k = j;
        continue;
      }
      if (head && headNamed && headNamed.type === 'named') {
        // "Syrian Kurdish YPG": the named group wins; the demonym is context.
        continue;
      }
      if (v.type === 'demonym') {
        // "the French" (a demonym as a noun) is the country; "Libyan towns" is not an actor.
        const prev = s.from > 0 ? ws[s.from - 1]! : null;
        const following = ws[s.to];
        // "the Iranian-aligned group": a demonym in a hyphenated compound modifies, it does not act.
        if (following?.joiner === '-') continue;
        const nounUse = prev?.norm === 'the' && (!following || following.sentence !== ws[s.from]!.sentence || !/^[a-z]/.test(following.text) || isVerbish(following.norm));
        const plural = /s$/.test(ws[s.to - 1]!.norm) && ws[s.to - 1]!.norm !== dict.countries.get(v.iso)?.demonyms[0]?.toLowerCase();
        if (nounUse || (plural && (!following || !/^[a-z]/.test(following.text) || isVerbish(following.norm)))) {
          out.push(mk(s.from, s.to, { kind: 'country', countries: [v.iso], rules: ['actor/demonym-as-noun'] }));
        }
        continue;
      }
      // A possessive country without a known noun ("Libya's future") stays a country mention.
      out.push(mk(s.from, s.to, { kind: 'country', countries: [v.iso], rules: ['actor/country'] }));
      continue;
    }

    if (v.type === 'generic') {
      // "special forces troops from Italy and Britain", "troops of the United States".
      const isos: string[] = [];
      let end = s.to;
      let j = k + 1;
      const link = ws[s.to];
      if (link && (link.norm === 'from' || link.norm === 'of') && link.sentence === ws[s.from]!.sentence) {
        let expect = s.to + 1;
        if (ws[expect]?.norm === 'the') expect++;
        while (j < spans.length && spans[j]!.from === expect) {
          const c = pick(spans[j]!.values);
          if (c.type !== 'country') break;
          isos.push(c.iso);
          end = spans[j]!.to;
          j++;
          // ", and" / "and" / "," between list items
          let e = end;
          while (ws[e] && (ws[e]!.norm === 'and' || ws[e]!.norm === 'the') && ws[e]!.sentence === ws[s.from]!.sentence) e++;
          expect = e;
        }
      }
      // "warplanes believed to be Russian": the country the report gives them, as a belief.
      if (!isos.length && (v.entry.cls === 'military' || v.entry.cls === 'aircraft') && link && BELIEF.test(link.norm) && ws[s.to + 1]?.norm === 'to' && ws[s.to + 2]?.norm === 'be') {
        const dem = spans.find((x) => x.from === s.to + 3 || (x.from === s.to + 4 && ws[s.to + 3]!.norm === 'the'));
        const c = dem ? pick(dem.values) : null;
        if (c && (c.type === 'demonym' || c.type === 'country') && ws[dem!.from]!.sentence === ws[s.from]!.sentence) {
          out.push(mk(s.from, s.to, { kind: 'generic', generic: v.entry, countries: [c.iso], air: v.entry.air, rules: ['actor/noun+believed-country'] }));
          while (k + 1 < spans.length && spans[k + 1]!.from <= dem!.from) k++;
          continue;
        }
      }
      if (isos.length && (v.entry.cls === 'military' || v.entry.cls === 'police' || v.entry.cls === 'government' || v.entry.cls === 'aircraft')) {
        for (const iso of isos) out.push(mk(s.from, end, { kind: 'generic', generic: v.entry, countries: [iso], air: v.entry.air, rules: ['actor/noun+from-country'] }));
        k = j - 1;
        continue;
      }
      if (v.entry.needsCountry) continue;
      // "per person" is a rate, not a person; "civilian rule", "civilian areas": an adjective.
      if (s.from > 0 && ws[s.from - 1]!.norm === 'per') continue;
      const after = ws[s.to];
      if (s.to - s.from === 1 && (v.entry.cls === 'civilians' || v.entry.cls === 'people') && !/s$/.test(ws[s.from]!.norm) && after && after.sentence === ws[s.from]!.sentence && /^[a-z]/.test(after.text) && after.pos === 'NOUN' && !/^[,;]/.test(text.slice(ws[s.from]!.end, after.start).trim())) continue;
      // "Southern Resistance fighters", "Sharqiya Army": capitalised words before an armed noun name a group.
      if (['armed', 'military', 'militia', 'rebels'].includes(v.entry.cls)) {
        let j = s.from;
        while (j > 0 && s.from - j < 4 && /^[A-Z][a-z]/.test(ws[j - 1]!.text) && ws[j - 1]!.sentence === ws[s.from]!.sentence && !STOP_CAPS.has(ws[j - 1]!.norm) && !coveredBy(out, j - 1) && ((j - 1 > sentenceStart(ws, s.from) && !afterDateline(text, ws, j - 1)) || ws[j - 1]!.pos === 'PROPN')) j--;
        if (j < s.from && !isCommonCap(ws, j, s.from)) {
          const name = ws.slice(j, s.from).map((x) => x.text).join(' ');
          const head = ws.slice(s.from, s.to).map((x) => x.text).join(' ');
          // A town's name before an armed noun is the town's militia, as ACLED names it.
          const town = options.towns?.find((t) => t.start === ws[j]!.start && t.end === ws[s.from - 1]!.end);
          if (town && TOWN_ARMED.test(head)) {
            out.push(mk(j, s.to, { kind: 'communal', builtName: `${townName(town.name)} Communal Militia`, rules: ['actor/communal-militia', 'actor/town+armed-noun'] }));
            continue;
          }
          const built = /^(?:forces?|fighters?|militants?|militiamen|members?|elements?|units?)$/i.test(head) ? name : `${name} ${head}`;
          out.push(mk(j, s.to, { kind: 'communal', builtName: built, rules: ['actor/named-by-words'] }));
          continue;
        }
      }
      // "Militias from Misrata", "fighters from Zawiya": the town's militia, as before the noun.
      if (['armed', 'militia'].includes(v.entry.cls) && ws[s.to]?.norm === 'from' && ws[s.to]!.sentence === ws[s.from]!.sentence) {
        const head = ws.slice(s.from, s.to).map((x) => x.text).join(' ');
        const town = options.towns?.find((t) => ws[s.to + 1] && t.start === ws[s.to + 1]!.start);
        if (town && TOWN_ARMED.test(head)) {
          const to = ws.findIndex((w) => w.end === town.end) + 1;
          if (to > s.to + 1) {
            out.push(mk(s.from, to, { kind: 'communal', builtName: `${townName(town.name)} Communal Militia`, rules: ['actor/communal-militia', 'actor/armed-noun-from-town'] }));
            continue;
          }
        }
      }
      out.push(mk(s.from, s.to, { kind: 'generic', generic: v.entry, air: v.entry.air, rules: ['actor/generic'] }));
      continue;
    }

    if (v.type === 'named') {
      // "ISIS forces", "Houthi fighters", "LNA air force": the noun after belongs to the group's mention.
      let to = s.to;
      let air = false;
      if (nextGeneric && ['military', 'police', 'armed', 'aircraft', 'militia', 'rebels'].includes(nextGeneric.entry.cls) && !nextGeneric.entry.needsCountry) {
        to = next!.to;
        air = nextGeneric.entry.air;
        k++;
      } else if (ws[to] && HEADS.has(ws[to]!.norm) && ws[to]!.sentence === ws[s.from]!.sentence) {
        to++;
        if (adjacent && next.to === to) k++;
      }
      out.push(mk(s.from, to, { kind: 'named', named: v.entry, countries: v.entry.country ? [v.entry.country] : [], air, nameTo: s.to, rules: ['actor/dictionary'] }));
      continue;
    }

    if (v.type === 'state') {
      out.push(mk(s.from, s.to, { kind: 'state', stateClass: v.cls, countries: [v.iso], rules: ['actor/state-name'] }));
      continue;
    }

    if (v.type === 'country') {
      // "the US dollar", "Libya Herald": a country name qualifying a noun is neither actor nor place.
      const after = ws[s.to];
      if (after && after.sentence === ws[s.from]!.sentence && !ws[s.to - 1]!.possessive && /^[a-z]/.test(after.text) && (after.pos === 'NOUN' || after.pos === 'ADJ') && !/[,;:.)]/.test(text.slice(ws[s.to - 1]!.end, after.start))) continue;
      out.push(mk(s.from, s.to, { kind: 'country', countries: [v.iso], rules: ['actor/country'] }));
      continue;
    }

    if (v.type === 'coref') {
      const w = ws[s.from]!;
      if (w.norm === 'it' && !w.possessive && ws[s.to] && EXPLETIVE_NEXT.has(ws[s.to]!.norm)) continue;
      // "the Islamists fighters", "its forces": the noun after belongs to the mention.
      let to = s.to;
      if (ws[to] && HEADS.has(ws[to]!.norm) && ws[to]!.sentence === w.sentence) {
        to++;
        if (adjacent && next.to === to) k++;
      }
      out.push(mk(s.from, to, { kind: 'coref', coref: v.entry, rules: [`actor/coref/${v.entry.refers}`] }));
    }
  }

  addCommunalMilitias(dict, ws, out, mk);
  addNamedUnits(ws, out, mk);
  // "Moscow denied …", "Washington said …": a capital the geoparser read as acting is its country.
  for (const c of options.metonyms ?? []) {
    const from = ws.findIndex((w) => w.start === c.start);
    const to = ws.findIndex((w) => w.end === c.end) + 1;
    if (from < 0 || to <= from || out.some((m) => m.start < c.end && c.start < m.end)) continue;
    out.push(mk(from, to, { kind: 'country', countries: [c.country], rules: ['actor/capital-metonymy'] }));
  }
  out.sort((a, b) => a.start - b.start);
  // "a member of the regime's state security", "fighters from the PMF": the side they belong to.
  for (let k = 0; k < out.length; k++) {
    const m = out[k]!;
    if (m.kind === 'coref' || m.kind === 'country') continue;
    let j = m.from;
    // "a member of the regime’s state security": skip "the" and one possessive word.
    if (j >= 1 && ws[j - 1]!.possessive && ws[j - 1]!.sentence === m.sentence) j--;
    if (j >= 1 && ws[j - 1]!.norm === 'the') j--;
    if (j >= 2 && (ws[j - 1]!.norm === 'of' || ws[j - 1]!.norm === 'from' || ws[j - 1]!.norm === 'for') && MEMBER.has(ws[j - 2]!.norm) && ws[j - 2]!.sentence === m.sentence) {
      let start = j - 2;
      if (start >= 1 && /^(?:a|an|one|two|three|four|five|several|some|dozens|\d{1,3})$/.test(ws[start - 1]!.norm) && ws[start - 1]!.sentence === m.sentence) start--;
      out[k] = { ...m, from: start, start: ws[start]!.start, preposition: mk(start, m.to, { kind: m.kind, rules: [] }).preposition, rules: [...m.rules, 'actor/member-of'] };
    }
  }
  return resolveCoreference(
    dict,
    out.map((m) => {
      const t = text.slice(m.start, m.end);
      return { ...m, text: t, personal: isPersonal({ kind: m.kind, named: m.named, text: t }) };
    }),
  );
}

/** A phrase is taken only when its case fits and, for a leader, the date is inside the term. */
const demonymCache = new WeakMap<ActorDictionary, Set<string>>();

function demonymSet(dict: ActorDictionary): Set<string> {
  let set = demonymCache.get(dict);
  if (!set) {
    set = new Set<string>();
    for (const c of dict.countries.values()) for (const d of c.demonyms) set.add(d.toLowerCase());
    demonymCache.set(dict, set);
  }
  return set;
}

function acceptable(v: ActorPayload, text: string, ws: readonly Word[], from: number, date: string | null, demonyms: ReadonlySet<string>): boolean {
  if (v.type === 'named' && (v.entry.from || v.entry.to) && date) {
    if (v.entry.from && date < v.entry.from) return false;
    if (v.entry.to && date > v.entry.to) return false;
  }
  // Generic and coref words in lower case only ("Police" in a headline is fine; "People's" in a name is not).
  if ((v.type === 'generic' || v.type === 'coref') && /^[A-Z]/.test(ws[from]!.text) && from > 0) {
    const prev = ws[from - 1]!;
    // "Turkish Gendarmerie" is the Turkish gendarmerie; "Sharqiya Army" a name; but "Aydin
    // Governorship", "Van Municipality" are a place's authorities, the state's government.
    if (v.type === 'generic' && v.entry.cls === 'government' && LOCAL_AUTHORITY.test(ws[from]!.norm)) return true;
    if (/^[A-Z]/.test(prev.text) && prev.sentence === ws[from]!.sentence && !STOP_CAPS.has(prev.norm) && !demonyms.has(prev.norm) && !/[.:!?]$/.test(prev.text) && !afterDateline(text, ws, from) && !isCommonCap(ws, from - 1, from)) return false;
  }
  return true;
}

/** Heads of a place's authorities ("Aydin Governorship", "Van Governor's Office"). */
const LOCAL_AUTHORITY = /^(?:governorship|governor|municipality)$/;

/** Priority when one span has several meanings: a named group over a country over a demonym. */
function pick(values: readonly ActorPayload[]): ActorPayload {
  const order = ['named', 'state', 'country', 'demonym', 'generic', 'coref'];
  return [...values].sort((a, b) => order.indexOf(a.type) - order.indexOf(b.type))[0]!;
}

const QUANTITY = new Set(['dozens', 'hundreds', 'thousands', 'scores', 'tens', 'group', 'groups', 'number', 'some', 'several', 'many', 'all', 'both', 'most', 'one', 'two', 'three', 'four', 'five', 'each', 'none', 'majority', 'hundred', 'thousand', 'dozen']);
const DETERMINERS = new Set(['the', 'a', 'an', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'several', 'some', 'many', 'dozens', 'hundreds', 'its', 'their', 'his', 'her']);

/** The preposition governing a mention ("in" Libya, "over two military vehicles"), or null for a subject or object. */
function prepositionOf(text: string, ws: readonly Word[], from: number, to: number): string | null {
  const sentence = ws[from]!.sentence;
  let k = from - 1;
  // Skip determiners, numbers and modifiers ("the", "two", "12", "pygmy"): "over two military
  // vehicles", "an attack by a pygmy militia" — but never a verb or punctuation.
  for (let n = 0; n < 3 && k >= 0 && ws[k]!.sentence === sentence; n++) {
    const w = ws[k]!;
    const gap = text.slice(w.end + (w.possessive ? 2 : 0), ws[k + 1]!.start);
    if (/[,;:()]/.test(gap)) break;
    if (DETERMINERS.has(w.norm) || /^\d+$/.test(w.norm) || (/^[a-z]/.test(w.text) && (w.pos === 'ADJ' || w.pos === 'NOUN') && !PREPOSITIONS.has(w.norm))) k--;
    else break;
  }
  if (k >= 0 && ws[k]!.sentence === sentence && PREPOSITIONS.has(ws[k]!.norm)) {
    // "dozens of unidentified armed men", "a group of protesters": a quantity, not a preposition.
    if (ws[k]!.norm === 'of' && k > 0 && QUANTITY.has(ws[k - 1]!.norm)) return null;
    return ws[k]!.norm;
  }
  return appositive(text, ws, from, to) ? 'in' : null;
}

/** "KANDAHAR, Afghanistan, October 5": a country after a place and a comma (a dateline) is where. */
function appositive(text: string, ws: readonly Word[], from: number, to: number): boolean {
  if (from === 0 || to > ws.length) return false;
  // Only at the head of a sentence or line (a dateline), not in a list ("the US, Britain, France").
  const start = sentenceStart(ws, from);
  if (from - start > 4) return false;
  const before = text.slice(ws[from - 1]!.end, ws[from]!.start);
  const after = to < ws.length ? text.slice(ws[to - 1]!.end, ws[to]!.start) : '';
  if (!/^,\s*$/.test(before) || !/^[A-Z]/.test(ws[from - 1]!.text)) return false;
  // "KANDAHAR, Afghanistan," or "Gusau, Nigeria, February 26" or "…, Mali –": a dateline.
  const city = ws[from - 1]!.text;
  const next = ws[to];
  const dated = /^,/.test(after) && !!next && (/^\d/.test(next.text) || /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i.test(next.norm) || /^(?:mon|tue|wed|thu|fri|sat|sun)/i.test(next.norm));
  return (city.length >= 3 && city === city.toUpperCase()) || dated || /^\s*[–—-]/.test(after);
}

function coveredBy(out: readonly ActorMention[], i: number): boolean {
  return out.some((m) => m.from <= i && i < m.to);
}

/** "BAMAKO, Feb. 9 (AFP) - Suspected jihadists …": the word after a dateline's dash starts the story. */
function afterDateline(text: string, ws: readonly Word[], k: number): boolean {
  return k > 0 && /(?:\s|\))[-–—]\s*$/.test(text.slice(ws[k - 1]!.end, ws[k]!.start));
}

function sentenceStart(ws: readonly Word[], i: number): number {
  let k = i;
  while (k > 0 && ws[k - 1]!.sentence === ws[i]!.sentence) k--;
  return k;
}

/** Capitalised words that are not a name: months, weekdays, titles, places' generic words. */
function isCommonCap(ws: readonly Word[], from: number, to: number): boolean {
  return ws.slice(from, to).every((w) => /^(?:on|in|the|a|an|and|of|yesterday|today|tonight|overnight|meanwhile|earlier|later|separately|elsewhere|also|suspected|unidentified|unknown|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|local|several|two|three|four|five|many|some|government|regime|president|minister)$/.test(w.norm));
}

function isAndBetween(ws: readonly Word[], to: number, from: number): boolean {
  return from === to + 1 && ws[to]!.norm === 'and';
}

function isVerbish(norm: string): boolean {
  return /(?:ed|es|s)$/.test(norm) || ['are', 'were', 'have', 'had', 'will', 'would', 'said', 'say', 'could', 'can', 'may', 'might', 'must', 'do', 'did'].includes(norm);
}

/**
 * "Misrata militias" → "Misrata Communal Militia (…)"; "Firjan tribesmen" → "Firjan Ethnic Militia (…)".
 * Only capitalised words no other rule took, directly before the noun.
 */
function addCommunalMilitias(
  _dict: ActorDictionary,
  ws: readonly Word[],
  out: ActorMention[],
  mk: (from: number, to: number, p: Partial<ActorMention> & Pick<ActorMention, 'kind' | 'rules'>) => ActorMention,
): void {
  const taken = new Set<number>();
  for (const m of out) for (let i = m.from; i < m.to; i++) taken.add(i);
  for (let i = 1; i < ws.length; i++) {
    const w = ws[i]!;
    const militia = MILITIA.has(w.norm);
    const tribe = TRIBE.has(w.norm);
    if (!militia && !tribe) continue;
    let j = i;
    while (j > 0 && i - j < 3) {
      const p = ws[j - 1]!;
      if (taken.has(j - 1) || p.sentence !== w.sentence || !/^[A-Z][a-z]/.test(p.text) || STOP_CAPS.has(p.norm)) break;
      // A capital at the start of a sentence is a name only when tagged as one.
      if ((j - 1 === 0 || ws[j - 2]!.sentence !== p.sentence) && p.pos !== 'PROPN') break;
      j--;
    }
    if (j === i) continue;
    const name = ws
      .slice(j, i)
      .map((x) => x.text)
      .join(' ');
    const to = tribe && ws[i + 1] && (ws[i + 1]!.norm === 'fighters' || ws[i + 1]!.norm === 'members') ? i + 2 : i + 1;
    // The noun may have been read as an unnamed militia ("militias"): the name wins.
    for (let k = out.length - 1; k >= 0; k--) if (out[k]!.from >= j && out[k]!.to <= to) out.splice(k, 1);
    out.push(mk(j, to, { kind: 'communal', builtName: `${name} ${militia ? 'Communal' : 'Ethnic'} Militia`, rules: [militia ? 'actor/communal-militia' : 'actor/ethnic-militia'] }));
    for (let k = j; k < to; k++) taken.add(k);
  }
}

const UNIT_HEADS = new Set(['brigade', 'brigades', 'battalion', 'battalions', 'division', 'regiment', 'front', 'army', 'movement', 'corps', 'legion', 'guards', 'militia', 'forces', 'resistance', 'council', 'group', 'faction', 'factions', 'organization', 'organisation', 'front']);

/**
 * "Sultan Suleiman Shah Brigade", "Hamza Division", "Islamic Army": capitalised names ending in a
 * word for an armed unit, that no dictionary entry took — kept as groups named by their words.
 */
function addNamedUnits(ws: readonly Word[], out: ActorMention[], mk: (from: number, to: number, p: Partial<ActorMention> & Pick<ActorMention, 'kind' | 'rules'>) => ActorMention): void {
  const taken = new Set<number>();
  for (const m of out) for (let i = m.from; i < m.to; i++) taken.add(i);
  for (let i = 1; i < ws.length; i++) {
    const w = ws[i]!;
    if (!UNIT_HEADS.has(w.norm) || !/^[A-Z]/.test(w.text) || taken.has(i)) continue;
    let j = i;
    while (j > 0 && i - j < 4 && /^[A-Z][\p{L}'’-]*$/u.test(ws[j - 1]!.text) && ws[j - 1]!.sentence === w.sentence && !taken.has(j - 1) && !STOP_CAPS.has(ws[j - 1]!.norm)) j--;
    if (j === i || isCommonCap(ws, j, i)) continue;
    // A sentence-initial capital is part of the name only when tagged as a proper noun.
    if (j === sentenceStart(ws, i) && ws[j]!.pos !== 'PROPN' && i - j === 1) continue;
    out.push(mk(j, i + 1, { kind: 'communal', builtName: ws.slice(j, i + 1).map((x) => x.text).join(' '), rules: ['actor/named-by-words'] }));
    for (let k = j; k <= i; k++) taken.add(k);
  }
  out.sort((a, b) => a.start - b.start);
}

/** Point each back-reference at what it refers to; drop those with nothing to point at. */
function resolveCoreference(dict: ActorDictionary, ms: ActorMention[]): ActorMention[] {
  const out: ActorMention[] = [];
  for (const m of ms) {
    if (m.kind !== 'coref' || !m.coref) {
      out.push(m);
      continue;
    }
    const prior = out.filter((p) => p.kind !== 'coref' && p.end <= m.start);
    const c = m.coref;
    let ante: ActorMention[] = [];
    const isGroup = (p: ActorMention) =>
      (p.kind === 'named' && !p.personal && p.named!.kind !== 'civilians') || p.kind === 'communal' || p.kind === 'state' || (p.kind === 'generic' && ['military', 'police', 'government', 'armed', 'militia', 'rebels'].includes(p.generic!.cls));
    const isArmed = (p: ActorMention) =>
      (p.kind === 'named' && ['rebel', 'political-militia', 'identity-militia'].includes(p.named!.kind)) || p.kind === 'communal' || (p.kind === 'generic' && (p.generic!.cls === 'armed' || p.generic!.cls === 'rebels'));
    // "the jihadists", "the Islamists": a named armed group, never a town's militia or unnamed gunmen
    // ("Militias from Misrata … in a clash with the jihadists").
    const isJihadist = (p: ActorMention) => p.kind === 'named' && ['rebel', 'political-militia'].includes(p.named!.kind);
    if (c.refers === 'jihadist') {
      const hit = [...prior].reverse().find(isJihadist);
      if (hit) ante = [hit];
    } else if (c.refers === 'group' || c.refers === 'armed') {
      // A pronoun looks back two sentences at most; a description ("the group") the whole report.
      const reach = c.refers === 'group' ? 2 : Infinity;
      // "it", "its": one organisation, not "local militias".
      const singular = (p: ActorMention) => p.kind !== 'generic' || !/s$/i.test(p.text);
      const hit = [...prior].reverse().find((p) => (c.refers === 'armed' ? isArmed(p) : (isGroup(p) || isArmed(p)) && singular(p)) && m.sentence - p.sentence <= reach);
      if (hit) ante = [hit];
    } else if (c.refers === 'alliance') {
      const hit = [...prior].reverse().find((p) => p.kind === 'named' && p.named!.bloc === 'NATO');
      if (hit) ante = [hit];
    } else if (c.refers === 'bloc') {
      const seen = new Set<string>();
      for (const p of [...prior].reverse()) {
        const iso = p.countries[0];
        if (p.countries.length !== 1 || !iso || seen.has(iso)) continue;
        if (dict.countries.get(iso)?.continent === 'EU' && (p.kind === 'generic' || p.kind === 'country' || p.kind === 'state')) {
          // The nearest sentence that names European actors is what "the Europeans" sums up.
          if (ante.length && p.sentence !== ante[0]!.sentence) break;
          seen.add(iso);
          ante.push(p);
        }
      }
      ante.reverse();
    } else if (c.refers === 'countries') {
      const lastSentence = [...prior].reverse().find((p) => p.kind === 'country' && hasCountryList(prior, p.sentence))?.sentence;
      if (lastSentence !== undefined) ante = prior.filter((p) => p.kind === 'country' && p.sentence === lastSentence && !isLocative(p));
    } else if (c.refers === 'country') {
      if (c.country) ante = [{ ...m, kind: 'country', countries: [c.country], coref: null, rules: ['actor/coref/country'] }];
      else {
        const hit = [...prior].reverse().find((p) => p.kind === 'country');
        if (hit) ante = [hit];
      }
    } else if (c.refers === 'plural') {
      const hit = [...prior].reverse().find((p) => p.kind !== 'country' && !p.personal && m.sentence - p.sentence <= 1);
      if (hit) ante = [hit];
    } else if (c.refers === 'sides') {
      // The last pair named together ("X and Y signed …"), else the last two groups named.
      const pair = [...prior].reverse().find((p) => p.preposition === 'and' && isGroup(p) && prior.some((q) => q.sentence === p.sentence && q.to <= p.from && p.from - q.to <= 3 && isGroup(q)));
      if (pair) {
        const q = [...prior].reverse().find((x) => x.sentence === pair.sentence && x.to <= pair.from && pair.from - x.to <= 3 && isGroup(x))!;
        ante = [q, pair];
      } else {
        const seen = new Set<string>();
        for (const p of [...prior].reverse()) {
          const key = p.named?.name ?? `${p.kind}:${p.text}`;
          if (seen.has(key) || !isGroup(p)) continue;
          seen.add(key);
          ante.unshift(p);
          if (ante.length === 2) break;
        }
        if (ante.length < 2) ante = [];
      }
    } else if (c.refers === 'person') {
      const hit = [...prior].reverse().find((p) => p.personal && m.sentence - p.sentence <= 2);
      if (hit) ante = [hit];
    } else if (c.refers === 'state') {
      const hit = [...prior].reverse().find((p) => p.kind === 'country' || p.kind === 'state');
      if (hit) ante = [hit];
    }
    if (c.asMilitary) ante = ante.map((a) => (a.kind === 'country' ? { ...a, kind: 'state' as const, stateClass: 'military' as const } : a));
    if (ante.length) out.push({ ...m, antecedents: ante });
  }
  return out;
}

function hasCountryList(prior: readonly ActorMention[], sentence: number): boolean {
  return prior.filter((p) => p.kind === 'country' && p.sentence === sentence && !isLocative(p)).length >= 2;
}

/** A country named as a place ("in Libya", "to Europe"), not as an actor. */
export function isLocative(m: ActorMention): boolean {
  return m.kind === 'country' && m.preposition !== null && ['in', 'into', 'to', 'from', 'across', 'inside', 'throughout', 'near', 'on', 'of', 'outside', 'within', 'around', 'over', 'toward', 'towards'].includes(m.preposition);
}
