/**
 * Trigger, claim-cue, modality-cue and fatality-word lexicons (data/events/*.txt), each compiled
 * once into a phrase trie, and the scan that finds them in a report's words.
 */
import { dataPath, type Modality } from '../../core/index.js';
import { checkAttrs, readLines } from '../actors/lines.js';
import { PhraseTrie, type PhraseMatch } from '../actors/phrases.js';
import type { Word } from '../actors/words.js';

export const FRAMES = [
  'clash', 'attack', 'kill', 'capture', 'air', 'shell', 'ied', 'suicide', 'grenade', 'chemical', 'bomb', 'abduct', 'sexual',
  'protest', 'riot', 'mob', 'intervene', 'excessive', 'arrest', 'agreement', 'hq', 'change', 'weapons', 'loot', 'transfer', 'other',
] as const;
export type Frame = (typeof FRAMES)[number];

export const MODALITIES: readonly Modality[] = ['occurred', 'reported', 'planned', 'proposed', 'ordered', 'conditional', 'negated', 'hypothetical', 'question'];

export type CueScope = 'before' | 'clause' | 'sentence' | 'after' | 'rest';

export interface TriggerEntry {
  readonly frame: Frame;
  readonly weak: boolean;
  readonly phrase: string;
}
export interface ModalityCue {
  readonly modality: Modality;
  readonly scope: CueScope;
  readonly window: number;
  readonly phrase: string;
}
export interface ClaimCue {
  readonly verb: string;
  readonly phrase: string;
}
export type FatalityWord =
  | { readonly kind: 'number' | 'vague'; readonly n: number; readonly phrase: string }
  | { readonly kind: 'death' | 'loss' | 'injury' | 'none' | 'person'; readonly phrase: string };
export interface SourceEntry {
  readonly name: string;
  readonly reliability: 'A' | 'B' | 'C' | 'D' | 'E' | 'F';
}

export type LexiconName = 'trigger' | 'modality' | 'claim' | 'fatality';
export type Tagged =
  | { readonly lex: 'trigger'; readonly value: TriggerEntry }
  | { readonly lex: 'modality'; readonly value: ModalityCue }
  | { readonly lex: 'claim'; readonly value: ClaimCue }
  | { readonly lex: 'fatality'; readonly value: FatalityWord };

export interface Lexicons {
  readonly triggers: PhraseTrie<TriggerEntry>;
  readonly modality: PhraseTrie<ModalityCue>;
  readonly claims: PhraseTrie<ClaimCue>;
  readonly fatalities: PhraseTrie<FatalityWord>;
  /** All four in one trie, for one pass over a report (`scanTagged`). */
  readonly all: PhraseTrie<Tagged>;
}

let cached: Lexicons | null = null;

export function lexicons(): Lexicons {
  cached ??= loadLexicons();
  return cached;
}

export function loadLexicons(): Lexicons {
  const all = new PhraseTrie<Tagged>();
  const triggers = new PhraseTrie<TriggerEntry>();
  for (const l of readLines(dataPath('events', 'triggers.txt'))) {
    checkAttrs(l, ['frame', 'weak']);
    const frame = l.attrs['frame'] as Frame;
    if (!FRAMES.includes(frame)) throw new Error(`${l.file}:${l.line}: unknown frame "${l.attrs['frame']}" (known: ${FRAMES.join(', ')})`);
    for (const p of l.names) {
      const v = { frame, weak: l.attrs['weak'] === '1', phrase: p };
      triggers.add(p, v);
      all.add(p, { lex: 'trigger', value: v });
    }
  }
  const modality = new PhraseTrie<ModalityCue>();
  for (const l of readLines(dataPath('events', 'modality.txt'))) {
    checkAttrs(l, ['modality', 'scope', 'window']);
    const m = l.attrs['modality'] as Modality;
    const scope = (l.attrs['scope'] ?? 'before') as CueScope;
    if (!MODALITIES.includes(m)) throw new Error(`${l.file}:${l.line}: unknown modality "${m}"`);
    if (!['before', 'clause', 'sentence', 'after', 'rest'].includes(scope)) throw new Error(`${l.file}:${l.line}: unknown scope "${scope}"`);
    for (const p of l.names) {
      const v = { modality: m, scope, window: Number(l.attrs['window'] ?? 6), phrase: p };
      modality.add(p, v);
      all.add(p, { lex: 'modality', value: v });
    }
  }
  const claims = new PhraseTrie<ClaimCue>();
  for (const l of readLines(dataPath('events', 'claims.txt'))) {
    checkAttrs(l, ['verb']);
    const verb = l.attrs['verb'];
    if (!verb || !/^[A-Z]+$/.test(verb)) throw new Error(`${l.file}:${l.line}: verb must be an upper-case word`);
    for (const p of l.names) {
      claims.add(p, { verb, phrase: p });
      all.add(p, { lex: 'claim', value: { verb, phrase: p } });
    }
  }
  const fatalities = new PhraseTrie<FatalityWord>();
  for (const l of readLines(dataPath('events', 'fatalities.txt'))) {
    checkAttrs(l, ['kind', 'n']);
    const kind = l.attrs['kind'];
    for (const p of l.names) {
      if (kind === 'number' || kind === 'vague') {
        const n = Number(l.attrs['n']);
        if (!Number.isFinite(n)) throw new Error(`${l.file}:${l.line}: n must be a number`);
        fatalities.add(p, { kind, n, phrase: p });
        all.add(p, { lex: 'fatality', value: { kind, n, phrase: p } });
      } else if (kind === 'death' || kind === 'loss' || kind === 'injury' || kind === 'none' || kind === 'person') {
        fatalities.add(p, { kind, phrase: p });
        all.add(p, { lex: 'fatality', value: { kind, phrase: p } });
      } else throw new Error(`${l.file}:${l.line}: unknown kind "${kind}"`);
    }
  }
  return { triggers, modality, claims, fatalities, all };
}

export interface TriggerMention {
  readonly from: number;
  readonly to: number;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly sentence: number;
  /** Every frame the words can open (a span may open several: "clashed with police"). */
  readonly entries: readonly TriggerEntry[];
}

/** Trigger words in text order (longest match wins where phrases overlap). */
export function scanTriggers(lex: Lexicons, text: string, ws: readonly Word[], max = 20_000, scanned?: readonly PhraseMatch<TriggerEntry>[]): TriggerMention[] {
  const out: TriggerMention[] = [];
  for (const m of scanned ?? lex.triggers.scan(ws)) {
    const last = out[out.length - 1];
    if (last && last.from === m.from && last.to === m.to) {
      (last.entries as TriggerEntry[]).push(m.value);
      continue;
    }
    if (out.length >= max) break;
    const start = ws[m.from]!.start;
    const end = ws[m.to - 1]!.end;
    out.push({ from: m.from, to: m.to, start, end, text: text.slice(start, end), sentence: ws[m.from]!.sentence, entries: [m.value] });
  }
  return out;
}

/** Source registry: bundled names (all F) then the user's lines. */
export function loadSources(userFiles: readonly string[] = []): { trie: PhraseTrie<SourceEntry>; byName: Map<string, SourceEntry> } {
  const trie = new PhraseTrie<SourceEntry>();
  const byName = new Map<string, SourceEntry>();
  const aliases = new Map<string, string[]>();
  for (const file of [dataPath('events', 'sources.txt'), ...userFiles]) {
    for (const l of readLines(file)) {
      checkAttrs(l, ['reliability']);
      const [name, ...alias] = l.names;
      if (!name) continue;
      if (l.remove) {
        byName.delete(name);
        continue;
      }
      const r = l.attrs['reliability'] ?? 'F';
      if (!/^[A-F]$/.test(r)) throw new Error(`${l.file}:${l.line}: reliability must be one letter A-F (Admiralty), not "${r}"`);
      byName.set(name, { name, reliability: r as SourceEntry['reliability'] });
      aliases.set(name, [...(aliases.get(name) ?? []), ...alias]);
    }
  }
  for (const [name, entry] of byName) for (const a of [name, ...(aliases.get(name) ?? [])]) trie.add(a, entry);
  return { trie, byName };
}

export interface LexiconMatches {
  readonly trigger: PhraseMatch<TriggerEntry>[];
  readonly modality: PhraseMatch<ModalityCue>[];
  readonly claim: PhraseMatch<ClaimCue>[];
  readonly fatality: PhraseMatch<FatalityWord>[];
}

/**
 * The four lexicons in one pass over the words: one trie holds every phrase tagged with its
 * lexicon, and each lexicon keeps its own longest-leftmost, non-overlapping matches, exactly as if
 * it had been scanned alone.
 */
export function scanLexicons(lex: Lexicons, ws: readonly Word[]): LexiconMatches {
  const out: LexiconMatches = { trigger: [], modality: [], claim: [], fatality: [] };
  const free: Record<LexiconName, number> = { trigger: 0, modality: 0, claim: 0, fatality: 0 };
  const lastFrom: Record<LexiconName, number> = { trigger: -1, modality: -1, claim: -1, fatality: -1 };
  const lastTo: Record<LexiconName, number> = { trigger: -1, modality: -1, claim: -1, fatality: -1 };
  for (const m of lex.all.scanAll(ws)) {
    const k = m.value.lex;
    if (m.from < free[k] && m.from !== lastFrom[k]) continue;
    // At one position the longest match wins; equal spans keep every payload.
    if (m.from === lastFrom[k] && m.to !== lastTo[k]) continue;
    const t = m.value;
    if (t.lex === 'trigger') out.trigger.push({ from: m.from, to: m.to, value: t.value });
    else if (t.lex === 'modality') out.modality.push({ from: m.from, to: m.to, value: t.value });
    else if (t.lex === 'claim') out.claim.push({ from: m.from, to: m.to, value: t.value });
    else out.fatality.push({ from: m.from, to: m.to, value: t.value });
    lastFrom[k] = m.from;
    lastTo[k] = m.to;
    free[k] = m.to;
  }
  return out;
}
