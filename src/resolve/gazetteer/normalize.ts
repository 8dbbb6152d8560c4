/**
 * Name normalisation: folding (case, diacritics, apostrophes, punctuation) and the phonetic key
 * (articles and generic words out, whole-token synonyms, in-token rewrites, consonant skeleton).
 *
 * Every rule comes from a rules text (data/gazetteer/variants.txt); nothing here knows a place name.
 * The same `NameRules` object keys the names of an index and the queries against it, so a name and
 * a query that are variants of each other always meet under one key.
 */
import { createHash } from 'node:crypto';

export interface GenericClass {
  readonly name: string;
  /** Bit in the generic mask (1 << index). */
  readonly bit: number;
  /** Feature codes (`T.MTS`) a place of this class may have. */
  readonly codes: ReadonlySet<string>;
}

export interface NameRules {
  /** The rules text, stored in every index built with it. */
  readonly source: string;
  /** sha256 of the rules text, first 12 hex digits. */
  readonly hash: string;
  readonly generics: readonly GenericClass[];
  /** @internal */ readonly letters: ReadonlyMap<string, string>;
  /** @internal */ readonly articles: ReadonlySet<string>;
  /** Articles a token-stream match does not start with. */
  readonly outside: ReadonlySet<string>;
  /** @internal first token → phrases starting with it (longest first), each with its class bit. */
  readonly genericPhrases: ReadonlyMap<string, ReadonlyArray<{ tokens: readonly string[]; bit: number }>>;
  /** @internal */ readonly tokenSynonyms: ReadonlyMap<string, string>;
  /** @internal */ readonly rewrite: Rewriter | null;
  /** @internal */ readonly vowels: ReadonlySet<string>;
  /** @internal */ readonly classes: ReadonlyMap<string, string>;
  /** @internal code unit → 1 when a vowel (for code units < 0x250). */
  readonly vowelTable: Uint8Array;
  /** @internal code unit → class letter code (identity when unmapped), for code units < 0x250. */
  readonly classTable: Uint16Array;
}

interface RewriteRule {
  readonly from: string;
  readonly to: string;
  readonly atStart: boolean;
  readonly atEnd: boolean;
}

/** Rewrites indexed by their first UTF-16 unit, longest first (anchored first at equal length). */
interface Rewriter {
  /** Indexed by code unit (< TABLE_SIZE); rules starting with other characters are not supported. */
  readonly table: ReadonlyArray<readonly RewriteRule[] | undefined>;
}

/** A rules text that cannot be read: names the line. */
export class RulesError extends Error {
  override readonly name = 'RulesError';
}

/** Parse a variants.txt text. Throws RulesError naming the line on a malformed directive. */
export function parseRules(source: string): NameRules {
  const letters = new Map<string, string>();
  const articles = new Set<string>();
  const outside = new Set<string>();
  const generics: GenericClass[] = [];
  const genericPhrases = new Map<string, { tokens: string[]; bit: number }[]>();
  const tokenSynonyms = new Map<string, string>();
  const rewrites: { from: string; to: string; atStart: boolean; atEnd: boolean }[] = [];
  const vowels = new Set<string>();
  const classes = new Map<string, string>();
  const pendingPhrases: { words: string; bit: number }[] = [];

  const lines = source.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] ?? '';
    const line = raw.replace(/#.*$/, '').trim();
    if (!line) continue;
    const where = `variants line ${i + 1}`;
    const sp = line.indexOf(' ');
    const directive = sp < 0 ? line : line.slice(0, sp);
    const rest = sp < 0 ? '' : line.slice(sp + 1).trim();
    switch (directive) {
      case 'letter': {
        const [from, to = ''] = rest.split(/\s+/);
        if (!from || [...from].length !== 1) throw new RulesError(`${where}: "letter" needs one character, found "${rest}"`);
        letters.set(from, to);
        break;
      }
      case 'article':
        for (const w of rest.split('|')) if (w.trim()) articles.add(w.trim());
        break;
      case 'outside':
        for (const w of rest.split('|')) if (w.trim()) outside.add(w.trim());
        break;
      case 'generic': {
        const m = /^([a-z0-9_-]+)\s+codes=([A-Z0-9.,]+)\s*:\s*(.+)$/.exec(rest);
        if (!m) throw new RulesError(`${where}: expected "generic CLASS codes=F.CODE,… : word|word", found "${rest}"`);
        if (generics.length >= 31) throw new RulesError(`${where}: at most 31 generic classes`);
        const bit = 1 << generics.length;
        generics.push({ name: m[1]!, bit, codes: new Set(m[2]!.split(',').filter(Boolean)) });
        for (const w of m[3]!.split('|')) if (w.trim()) pendingPhrases.push({ words: w.trim(), bit });
        break;
      }
      case 'token': {
        const m = /^(\S+):\s*(.+)$/.exec(rest);
        if (!m) throw new RulesError(`${where}: expected "token CANON: word|word", found "${rest}"`);
        for (const w of m[2]!.split('|')) if (w.trim()) tokenSynonyms.set(w.trim(), m[1]!);
        break;
      }
      case 'rewrite':
        for (const r of rest.split('|')) {
          const m = /^(\^?)([^>^$]+)(\$?)>([^>]*)$/.exec(r.trim());
          if (!m) throw new RulesError(`${where}: expected "from>to", found "${r}"`);
          rewrites.push({ from: m[2]!, to: m[4]!, atStart: m[1] === '^', atEnd: m[3] === '$' });
        }
        break;
      case 'vowels':
        for (const c of rest.replace(/\s+/g, '')) vowels.add(c);
        break;
      case 'class': {
        const m = /^(\S):\s*(\S+)$/.exec(rest);
        if (!m) throw new RulesError(`${where}: expected "class C: letters", found "${rest}"`);
        for (const c of m[2]!) classes.set(c, m[1]!);
        break;
      }
      default:
        throw new RulesError(`${where}: unknown directive "${directive}" (expected letter, article, outside, generic, token, rewrite, vowels or class)`);
    }
  }
  // Generic phrases are folded with the letter rules so they compare with folded tokens.
  const foldOnly = { letters } as Pick<NameRules, 'letters'>;
  for (const p of pendingPhrases) {
    const tokens = foldWith(foldOnly, p.words).split(' ').filter(Boolean);
    const first = tokens[0];
    if (!first) continue;
    const list = genericPhrases.get(first) ?? [];
    if (!list.some((x) => x.tokens.join(' ') === tokens.join(' '))) list.push({ tokens, bit: p.bit });
    genericPhrases.set(first, list);
  }
  for (const list of genericPhrases.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);

  return {
    source,
    hash: createHash('sha256').update(source).digest('hex').slice(0, 12),
    generics,
    letters,
    articles,
    outside,
    genericPhrases,
    tokenSynonyms,
    rewrite: compileRewrites(rewrites),
    vowels,
    classes,
    ...buildTables(vowels, classes),
  };
}

function compileRewrites(rules: RewriteRule[]): Rewriter | null {
  if (rules.length === 0) return null;
  const table: (RewriteRule[] | undefined)[] = new Array<RewriteRule[] | undefined>(TABLE_SIZE).fill(undefined);
  for (const r of rules) {
    const c = r.from.charCodeAt(0);
    if (c >= TABLE_SIZE) throw new RulesError(`rewrite "${r.from}": must start with a Latin letter (code point below U+0250)`);
    const list = table[c] ?? [];
    list.push(r);
    table[c] = list;
  }
  for (const list of table) {
    list?.sort((a, b) => b.from.length - a.from.length || Number(b.atStart || b.atEnd) - Number(a.atStart || a.atEnd));
  }
  return { table };
}

const TABLE_SIZE = 0x250;

function buildTables(vowels: ReadonlySet<string>, classes: ReadonlyMap<string, string>): { vowelTable: Uint8Array; classTable: Uint16Array } {
  const vowelTable = new Uint8Array(TABLE_SIZE);
  const classTable = new Uint16Array(TABLE_SIZE);
  for (let c = 0; c < TABLE_SIZE; c++) classTable[c] = c;
  for (const v of vowels) if (v.charCodeAt(0) < TABLE_SIZE) vowelTable[v.charCodeAt(0)] = 1;
  for (const [c, k] of classes) if (c.charCodeAt(0) < TABLE_SIZE) classTable[c.charCodeAt(0)] = k.charCodeAt(0);
  return { vowelTable, classTable };
}

// ---------------------------------------------------------------------------------------------
// Folding

const MARKS = /\p{M}/gu;
const SEPARATOR = /^[\p{P}\p{Z}\p{S}\p{C}]$/u;
const foldCache = new WeakMap<object, Map<number, string>>();

/** Map one non-ASCII UTF-16 unit (already lowercased) to its folded form ('' drops it, ' ' splits). */
function foldChar(rules: Pick<NameRules, 'letters'>, cache: Map<number, string>, code: number): string {
  let m = cache.get(code);
  if (m !== undefined) return m;
  const ch = String.fromCharCode(code);
  const lettered = rules.letters.get(ch);
  if (lettered !== undefined) m = lettered;
  else if (code >= 0xd800 && code <= 0xdfff) m = ch; // astral: keep as-is
  else if (SEPARATOR.test(ch)) m = ' ';
  else {
    const d = ch.normalize('NFD').replace(MARKS, '');
    m = '';
    for (const c of d) m += rules.letters.get(c) ?? c;
  }
  cache.set(code, m);
  return m;
}

/**
 * Fold a name: lowercase, diacritics removed, the `letter` rules applied (apostrophes dropped),
 * punctuation and spaces turned into single spaces, trimmed. `Mişrātah` → `misratah`,
 * `Al-Rouagha` → `al rouagha`, `Qaşr Za‘farān` → `qasr zafaran`.
 */
export function foldWith(rules: Pick<NameRules, 'letters'>, name: string): string {
  let cache = foldCache.get(rules);
  if (!cache) {
    cache = new Map();
    foldCache.set(rules, cache);
  }
  const s = name.toLowerCase();
  let out = '';
  let runStart = 0;
  let space = false; // a space is pending (emitted only before the next kept character)
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) continue; // a-z 0-9: part of the run
    if (i > runStart) {
      if (space && out.length > 0) out += ' ';
      out += s.slice(runStart, i);
      space = false;
    }
    runStart = i + 1;
    const m = c < 128 ? asciiFold(rules, cache, c) : foldChar(rules, cache, c);
    if (m === '') continue;
    if (m === ' ') {
      space = true;
      continue;
    }
    for (let k = 0; k < m.length; k++) {
      if (m.charCodeAt(k) === 32) space = true;
      else {
        if (space && out.length > 0) out += ' ';
        space = false;
        out += m[k];
      }
    }
  }
  if (n > runStart) {
    if (space && out.length > 0) out += ' ';
    out += runStart === 0 ? s : s.slice(runStart);
  }
  return out;
}

function asciiFold(rules: Pick<NameRules, 'letters'>, cache: Map<number, string>, c: number): string {
  let m = cache.get(c);
  if (m === undefined) {
    const ch = String.fromCharCode(c);
    m = rules.letters.get(ch) ?? ' ';
    cache.set(c, m);
  }
  return m;
}

// ---------------------------------------------------------------------------------------------
// Analysis: the key of a name

export interface Analysis {
  /** The folded name (`gulf of sidra`). */
  readonly folded: string;
  /** Folded tokens without articles and generic words (`sidra`). */
  readonly spec: string;
  /** The specific tokens (spec split on spaces). */
  readonly specTokens: readonly string[];
  /** Generic classes present (bitmask over rules.generics). */
  readonly generic: number;
  /** An article was left out. */
  readonly article: boolean;
  /** hashString(folded), hashString(spec). */
  readonly foldHash: number;
  readonly specHash: number;
  /** Finished 64-bit hash of the key. */
  readonly keyH1: number;
  readonly keyH2: number;
  /** Consonants in the key (a short key is weak evidence for a variant match). */
  readonly keyLen: number;
}

/** The phonetic key as text (`sdr`, `hrk sd`): one skeleton per specific token. For explain output and tests. */
export function keyText(rules: NameRules, a: Pick<Analysis, 'specTokens'>): string {
  return a.specTokens.map((t) => skeleton(rules, t)).join(' ');
}

/** Tag of each folded token: 0 specific, 1 article, 2 generic word. */
const SPECIFIC = 0;
const ARTICLE = 1;
const GENERIC = 2;

/**
 * Classify folded tokens into specific / article / generic (in place into `tags`); returns the
 * generic mask. Articles only count as articles when some other token is left.
 */
export function tagTokens(rules: NameRules, tokens: readonly string[], tags: number[]): number {
  let generic = 0;
  const n = tokens.length;
  for (let i = 0; i < n; i++) tags[i] = SPECIFIC;
  for (let i = 0; i < n; i++) {
    const t = tokens[i]!;
    const phrases = rules.genericPhrases.get(t);
    if (phrases) {
      let matched = 0;
      for (const p of phrases) {
        const len = p.tokens.length;
        if (i + len > n) continue;
        let ok = true;
        for (let k = 1; k < len; k++) if (tokens[i + k] !== p.tokens[k]) { ok = false; break; }
        if (ok) {
          matched = len;
          generic |= p.bit;
          break;
        }
      }
      if (matched > 0) {
        for (let k = 0; k < matched; k++) tags[i + k] = GENERIC;
        i += matched - 1;
        continue;
      }
    }
    if (rules.articles.has(t)) tags[i] = ARTICLE;
  }
  return generic;
}

const scanBuf = new Uint16Array(1024);

/** Hash state of the key being hashed (see hashKeyTokens); module-level to avoid allocation. */
let H1 = 0;
let H2 = 0;
let emitted = 0;

/**
 * Walk a token through the rewrites and the skeleton tables. One pass, left to right, longest rule
 * first; `^` rules only at the token start and `$` rules only at its end. mode 0: skeleton (vowels
 * dropped); mode 1: soft form (each vowel run becomes `a`). Doubled letters collapse in both.
 * With `hash` the output is fed to the key hash (H1/H2) instead of being returned.
 */
function scan(rules: NameRules, token: string, mode: 0 | 1 | 2, hash: boolean): string {
  const table = rules.rewrite?.table;
  const vt = rules.vowelTable;
  const ct = rules.classTable;
  const buf = hash || token.length * 4 < scanBuf.length ? scanBuf : new Uint16Array(token.length * 4 + 8);
  let len = 0;
  let last = -1;
  const n = token.length;
  let i = 0;
  let to: string | null = null;
  let toPos = 0;
  let h1 = H1;
  let h2 = H2;
  let count = 0;
  for (;;) {
    let code: number;
    if (to !== null) {
      if (toPos < to.length) code = to.charCodeAt(toPos++);
      else {
        to = null;
        continue;
      }
    } else {
      if (i >= n) break;
      const c = token.charCodeAt(i);
      const list = table !== undefined && c < TABLE_SIZE ? table[c] : undefined;
      if (list !== undefined) {
        let hit: RewriteRule | null = null;
        for (let r = 0; r < list.length; r++) {
          const rule = list[r]!;
          const rl = rule.from.length;
          if (rule.atStart && i !== 0) continue;
          if (rule.atEnd && i + rl !== n) continue;
          if (rl > 1 && !token.startsWith(rule.from, i)) continue;
          hit = rule;
          break;
        }
        if (hit !== null) {
          i += hit.from.length;
          to = hit.to;
          toPos = 0;
          continue;
        }
      }
      code = c;
      i++;
    }
    let k: number;
    if (mode === 2) k = code;
    else if (code < TABLE_SIZE) {
      if (vt[code] === 1) {
        if (mode === 0) continue;
        k = 97;
      } else k = ct[code]!;
    } else {
      const ch = String.fromCharCode(code);
      if (rules.vowels.has(ch)) {
        if (mode === 0) continue;
        k = 97;
      } else k = (rules.classes.get(ch) ?? ch).charCodeAt(0);
    }
    if (k === last) continue;
    last = k;
    if (hash) {
      h1 = Math.imul(h1 ^ k, 0x01000193);
      h2 = Math.imul(h2 ^ k, 0x5bd1e995);
      h2 ^= h2 >>> 13;
      count++;
    } else buf[len++] = k;
  }
  if (hash) {
    H1 = h1;
    H2 = h2;
    emitted += count;
    return '';
  }
  if (len === 0) return '';
  return String.fromCharCode.apply(null, buf.subarray(0, len) as unknown as number[]);
}

/** Seeds of the two 32-bit key hashes (FNV-1a and a Murmur-like multiply-xorshift). */
export const HASH_SEED_1 = 0x811c9dc5;
export const HASH_SEED_2 = 0x9747b28c;

/** 64 bits of key hash, as two unsigned 32-bit halves. */
export interface KeyHash {
  h1: number;
  h2: number;
  /** Letters of the skeleton hashed so far (consonants; '~' forms count their letters). */
  len?: number;
}

/** Feed one specific token's skeleton into the running key hash `st` (a space first unless it is the first token). */
export function hashKeyToken(rules: NameRules, st: KeyHash, token: string, first: boolean): void {
  H1 = st.h1;
  H2 = st.h2;
  if (!first) {
    H1 = Math.imul(H1 ^ 32, 0x01000193);
    H2 = Math.imul(H2 ^ 32, 0x5bd1e995);
    H2 ^= H2 >>> 13;
  }
  const t = rules.tokenSynonyms.get(token) ?? token;
  emitted = 0;
  scan(rules, t, 0, true);
  if (emitted === 0) {
    // vowel-only token: '~' + soft form, as skeleton() spells it
    H1 = Math.imul(H1 ^ 126, 0x01000193);
    H2 = Math.imul(H2 ^ 126, 0x5bd1e995);
    H2 ^= H2 >>> 13;
    scan(rules, t, 1, true);
  }
  st.h1 = H1 >>> 0;
  st.h2 = H2 >>> 0;
  st.len = (st.len ?? 0) + emitted;
}

/** Finalise a running key hash (so that a prefix and a longer key never collide by construction). */
export function finishKeyHash(st: KeyHash): KeyHash {
  let a = st.h1 ^ (st.h2 >>> 7);
  a = Math.imul(a ^ (a >>> 16), 0x85ebca6b);
  a = Math.imul(a ^ (a >>> 13), 0xc2b2ae35);
  let b = st.h2 ^ (st.h1 << 3);
  b = Math.imul(b ^ (b >>> 15), 0x2c1b3c6d);
  b = Math.imul(b ^ (b >>> 12), 0x297a2d39);
  return { h1: (a ^ (a >>> 16)) >>> 0, h2: (b ^ (b >>> 15)) >>> 0 };
}

/** 32-bit FNV-1a of a string's UTF-16 units (fold and spec hashes). */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** The skeleton of one specific token (synonyms, rewrites, vowels out, classes merged, doubles collapsed). */
export function skeleton(rules: NameRules, token: string): string {
  const t = rules.tokenSynonyms.get(token) ?? token;
  const out = scan(rules, t, 0, false);
  return out === '' ? '~' + scan(rules, t, 1, false) : out;
}

/**
 * The "soft form" of a specific token, for ranking variants against each other: rewrites and
 * classes applied, every run of vowels reduced to `a`, doubles collapsed. `misurata` → `masarata`,
 * `misratah` → `masrata`.
 */
export function softForm(rules: NameRules, token: string): string {
  return scan(rules, rules.tokenSynonyms.get(token) ?? token, 1, false);
}

const tagScratch: number[] = [];

/**
 * The specific tokens and the article flag of a folded name, without hashing its key: what the
 * spelling-similarity check needs of a candidate name.
 */
export function specificPart(rules: NameRules, folded: string): { spec: string; article: boolean } {
  if (folded.indexOf(' ') < 0) return { spec: folded, article: false };
  const tokens = folded.split(' ');
  const tags: number[] = [];
  tagTokens(rules, tokens, tags);
  let spec = '';
  let article = false;
  for (let i = 0; i < tokens.length; i++) {
    if (tags[i] === SPECIFIC) spec += (spec ? ' ' : '') + tokens[i]!;
    else if (tags[i] === ARTICLE) article = true;
  }
  // names made only of articles or generic words: fall back to the full analysis
  if (spec === '') {
    const a = analyzeFolded(rules, folded);
    return { spec: a.spec, article: a.article };
  }
  return { spec, article };
}

/** Analyse a folded name into its specific part, key and generic classes. */
export function analyzeFolded(rules: NameRules, folded: string): Analysis {
  if (folded.indexOf(' ') < 0 && folded !== '') {
    // One token: nothing to tag (an article or generic word alone is its own specific part).
    const st: KeyHash = { h1: HASH_SEED_1, h2: HASH_SEED_2, len: 0 };
    hashKeyToken(rules, st, folded, true);
    const fin = finishKeyHash(st);
    const h = hashString(folded);
    return { folded, spec: folded, specTokens: [folded], generic: 0, article: false, foldHash: h, specHash: h, keyH1: fin.h1, keyH2: fin.h2, keyLen: st.len ?? 0 };
  }
  const tokens = folded === '' ? [] : folded.split(' ');
  const tags = tagScratch;
  let generic = tagTokens(rules, tokens, tags);
  const n = tokens.length;
  let kept = 0;
  let article = false;
  let lastGeneric = -1;
  for (let i = 0; i < n; i++) {
    const tag = tags[i];
    if (tag === SPECIFIC) kept++;
    else if (tag === ARTICLE) article = true;
    else lastGeneric = i;
  }
  if (kept === 0) {
    if (lastGeneric >= 0) {
      // Only generic words ("Wadi Bay", "Ras al Ain", "Al Wadi"): the last generic phrase is the
      // specific part, the ones before it stay generic.
      let first = lastGeneric;
      while (first > 0 && tags[first - 1] === GENERIC && sameGenericPhrase(rules, tokens, first - 1, lastGeneric)) first--;
      for (let i = first; i <= lastGeneric; i++) tags[i] = SPECIFIC;
      generic = 0;
      for (let i = 0; i < n; i++) if (tags[i] === GENERIC) generic |= genericBitAt(rules, tokens, i);
      kept = lastGeneric - first + 1;
    } else {
      for (let i = 0; i < n; i++) tags[i] = SPECIFIC; // only articles: keep them all
      article = false;
      kept = n;
    }
  }
  const specTokens: string[] = kept === n ? tokens : [];
  if (kept !== n) for (let i = 0; i < n; i++) if (tags[i] === SPECIFIC) specTokens.push(tokens[i]!);
  const st: KeyHash = { h1: HASH_SEED_1, h2: HASH_SEED_2, len: 0 };
  for (let i = 0; i < specTokens.length; i++) hashKeyToken(rules, st, specTokens[i]!, i === 0);
  const fin = finishKeyHash(st);
  const spec = kept === n ? folded : specTokens.join(' ');
  const foldHash = hashString(folded);
  return {
    folded,
    spec,
    specTokens,
    generic,
    article,
    foldHash,
    specHash: spec === folded ? foldHash : hashString(spec),
    keyH1: fin.h1,
    keyH2: fin.h2,
    keyLen: st.len ?? 0,
  };
}

/** Whether tokens[a] starts a generic phrase that covers b (so a..b is one phrase). */
function sameGenericPhrase(rules: NameRules, tokens: readonly string[], a: number, b: number): boolean {
  const phrases = rules.genericPhrases.get(tokens[a]!);
  if (!phrases) return false;
  for (const p of phrases) {
    if (a + p.tokens.length - 1 !== b) continue;
    let ok = true;
    for (let k = 1; k < p.tokens.length; k++) if (tokens[a + k] !== p.tokens[k]) ok = false;
    if (ok) return true;
  }
  return false;
}

function genericBitAt(rules: NameRules, tokens: readonly string[], i: number): number {
  for (let a = i; a >= 0; a--) {
    const phrases = rules.genericPhrases.get(tokens[a]!);
    if (!phrases) continue;
    for (const p of phrases) {
      if (a + p.tokens.length <= i) continue;
      let ok = true;
      for (let k = 1; k < p.tokens.length; k++) if (tokens[a + k] !== p.tokens[k]) ok = false;
      if (ok) return p.bit;
    }
  }
  return 0;
}

export function analyze(rules: NameRules, name: string): Analysis {
  return analyzeFolded(rules, foldWith(rules, name));
}

/**
 * The "fine form" of a specific part: rewrites applied and doubles collapsed, vowels and letter
 * classes kept — what `spellingSimilarity` compares.
 */
export function fineForm(rules: NameRules, spec: string): string {
  let out = '';
  for (const t of spec.split(' ')) {
    if (out) out += ' ';
    out += scan(rules, rules.tokenSynonyms.get(t) ?? t, 2, false);
  }
  return out;
}

const simRow: number[] = [];

/**
 * How alike two fine forms are, 0..1: 1 − weighted edit distance / longer length. Adding,
 * dropping or changing a vowel costs 0.5, a letter for another of its class (q/k/g/j) `classCost`
 * (the caller passes 1 unless a generic word supports the match), anything else 1. Two names with
 * one key differ mostly in vowels, so this ranks Misurata close to Misratah (0.94).
 */
export function spellingSimilarity(rules: NameRules, a: string, b: string, classCost = 0.3): number {
  if (a === b) return 1;
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0) return 0;
  const vt = rules.vowelTable;
  const ct = rules.classTable;
  const isV = (c: number) => (c < TABLE_SIZE ? vt[c] === 1 : false);
  const indel = (c: number) => (isV(c) ? 0.5 : 1);
  const row = simRow;
  row[0] = 0;
  for (let j = 1; j <= m; j++) row[j] = row[j - 1]! + indel(b.charCodeAt(j - 1));
  for (let i = 1; i <= n; i++) {
    const ca = a.charCodeAt(i - 1);
    let prev: number = row[0]!;
    row[0] = prev + indel(ca);
    for (let j = 1; j <= m; j++) {
      const cb = b.charCodeAt(j - 1);
      let sub: number;
      if (ca === cb) sub = 0;
      else if (isV(ca) && isV(cb)) sub = 0.5;
      else if (ca < TABLE_SIZE && cb < TABLE_SIZE && !isV(ca) && !isV(cb) && ct[ca] === ct[cb]) sub = classCost;
      else sub = 1;
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + indel(ca), row[j - 1]! + indel(cb), prev + sub);
      prev = tmp;
    }
  }
  return Math.max(0, 1 - row[m]! / Math.max(n, m));
}

/** Soft form of a whole specific part (tokens joined by spaces). */
export function softSpec(rules: NameRules, spec: string): string {
  if (spec.indexOf(' ') < 0) return softForm(rules, spec);
  return spec
    .split(' ')
    .map((t) => softForm(rules, t))
    .join(' ');
}

/** Token tags exported for the token-stream matcher. */
export const TokenTag = { specific: SPECIFIC, article: ARTICLE, generic: GENERIC } as const;
