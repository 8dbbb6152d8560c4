/**
 * How the event relates to the date, read from the preposition right before it; the span grows to
 * take the preposition in ("since April 27", "until June 23"):
 *
 *   since, from (not a range)               since
 *   until, till, 'til, through, up to       until
 *   by, before, prior to, ahead of          before
 *   after, following                        after
 *   during, throughout, over                during
 *
 * Attributive dates are different: in "Since the April 27 battle" the date names the battle's day
 * and "Since" governs the battle, so the date keeps relation `at` (value = the 27th: what an event
 * record needs for the battle) and the reason says that "Since" applies to the battle. The same
 * holds for "his country's June 23 referendum", "the May 5-6 offensive". Ranges that already hold
 * their "from"/"between" and vague phrases with their own preposition are left as they are.
 */
import type { RunContext, TimeRelation } from '../../core/index.js';
import type { Candidate, Refiner } from '../types.js';

const RELATION_WORDS: ReadonlyArray<readonly [string, TimeRelation]> = [
  ['since', 'since'],
  ['from', 'since'],
  ['until', 'until'],
  ['till', 'until'],
  ["'til", 'until'],
  ['through', 'until'],
  ['up to', 'until'],
  ['up until', 'until'],
  ['by', 'before'],
  ['before', 'before'],
  ['prior to', 'before'],
  ['ahead of', 'before'],
  ['after', 'after'],
  ['following', 'after'],
  ['during', 'during'],
  ['throughout', 'during'],
  ['over', 'during'],
];

const RELATION_BY_WORD = new Map(RELATION_WORDS.map(([w, r]) => [w, r]));

const WORDS = [...RELATION_BY_WORD.keys()]
  .sort((a, b) => b.length - a.length)
  .map((w) => w.replace(/ /g, '\\s{1,3}'))
  .join('|');

/** "since " right before the date. */
const DIRECT = new RegExp(`(?:^|[^\\p{L}'])(${WORDS})\\s{1,3}$`, 'iu');
const DET = '(?:the|an?|its|his|her|their|our|this|that)';
const POSS = "[\\p{L}]+['’]s";
/** "Since the " / "until his country's " before an attributive date. */
const ATTRIBUTIVE = new RegExp(`(?:^|[^\\p{L}'])(${WORDS})\\s{1,3}(?:${DET}\\s{1,3})?(?:${POSS}\\s{1,3})?$`, 'iu');
/** "from"/"between" before a range read by chrono ("from April 1 to September"). */
const RANGE_PREFIX = /(?:^|[^\p{L}'])(from|between)\s{1,3}$/iu;
/** A determiner or possessive right before the date. */
const DETERMINER = /(?:^|[^\p{L}])(?:the|an?|its|his|her|their|our|this|that|[\p{L}]+['’]s)\s{1,3}$/iu;
/** A lower-case noun right after the date ("battle", "referendum", "offensive"). */
const NOUN_AFTER = /^\s{1,3}([a-z][a-z-]{2,})\b/;
const NOT_NOUNS = new Set(['and', 'or', 'to', 'the', 'in', 'on', 'at', 'of', 'for', 'was', 'were', 'is', 'are', 'when', 'that', 'which', 'after', 'before', 'until', 'since', 'with', 'by', 'as', 'but', 'had', 'has', 'have', 'will', 'would', 'this', 'last', 'next']);

function normalise(word: string): string {
  return word.toLowerCase().replace(/\s+/g, ' ');
}

export const relationRefiner: Refiner = {
  name: 'relation',
  refine(_ctx: RunContext, text: string, candidates: Candidate[]): Candidate[] {
    let previousEnd = 0;
    for (const c of candidates) {
      const before = text.slice(Math.max(previousEnd, c.start - 40), c.start);
      const holdsPrefix = c.rules.some((r) => r === 'time/range/from' || r === 'time/range/between' || r.endsWith('-range'));
      const after = text.slice(c.end, c.end + 30);
      const noun = NOUN_AFTER.exec(after)?.[1];
      const attributive = DETERMINER.test(before) && noun !== undefined && !NOT_NOUNS.has(noun);
      if (attributive) {
        const governed = ATTRIBUTIVE.exec(before);
        if (governed?.[1]) {
          const word = governed[1];
          c.rules.push('time/relation/attributive');
          c.notes.push(
            `attributive date ("${word} … ${text.slice(c.start, c.end)} ${noun}"): the value is the date of the ${noun}; "${word}" relates the clause to the ${noun}, not to the date`,
          );
          const at = c.start - before.length + (governed.index ?? 0) + governed[0].indexOf(word);
          c.extraSpans.push({ start: at, end: at + word.length });
        }
      } else if (c.kind === 'range' && !holdsPrefix && RANGE_PREFIX.test(before)) {
        // "from April 1 to September" (chrono's range): the prefix belongs to the range.
        const m = RANGE_PREFIX.exec(before)!;
        c.start = c.start - before.length + m.index + m[0].indexOf(m[1]!);
        c.rules.push(`time/range/${m[1]!.toLowerCase()}`);
      } else if (!holdsPrefix) {
        const m = DIRECT.exec(before);
        const relation = m?.[1] ? RELATION_BY_WORD.get(normalise(m[1])) : undefined;
        if (m?.[1] && relation) {
          const at = c.start - before.length + m.index + m[0].indexOf(m[1]);
          c.start = at;
          c.relation = relation;
          c.rules.push(`time/relation/${relation}`);
        }
      }
      previousEnd = c.end;
    }
    return candidates;
  },
};
