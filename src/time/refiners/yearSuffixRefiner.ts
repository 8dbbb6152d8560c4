/**
 * "May 30-June 2 last year", "in June this year", "on 3 March of next year": a date written
 * without a year followed by last/this/next year takes its year from that suffix (counted from
 * the reference, or from the inferred year), and the two become one expression.
 */
import type { RunContext } from '../../core/index.js';
import { anchorYear } from '../recognizers/calendarPeriodRecognizer.js';
import { resolveSpec } from '../resolve.js';
import type { Candidate, Refiner, Spec } from '../types.js';

const SUFFIX_RULE = /^time\/period\/(last|this|next)-year$/;
const BETWEEN = /^\s{1,3}(?:of\s{1,3})?$/;

/** The spec with `year` where the text left it out, or null when it already states one. */
function withYear(spec: Spec, year: number): Spec | null {
  if (spec.type === 'day' && spec.date.year === null) return { type: 'day', date: { ...spec.date, year } };
  if (spec.type === 'days' && spec.from.year === null && spec.to.year === null) {
    const wraps = spec.to.month < spec.from.month;
    return { type: 'days', from: { ...spec.from, year }, to: { ...spec.to, year: wraps ? year + 1 : year } };
  }
  if (spec.type === 'month' && spec.year === null) return { ...spec, year };
  return null;
}

export const yearSuffixRefiner: Refiner = {
  name: 'yearSuffix',
  refine(_ctx: RunContext, text: string, candidates: Candidate[]): Candidate[] {
    const out: Candidate[] = [];
    for (let i = 0; i < candidates.length; i++) {
      const a = candidates[i]!;
      const b = candidates[i + 1];
      const which = b ? SUFFIX_RULE.exec(b.rules[0] ?? '')?.[1] : undefined;
      if (!b || !which || !BETWEEN.test(text.slice(a.end, b.start)) || !withYear(a.spec, 2000)) {
        out.push(a);
        continue;
      }
      const shift = which === 'last' ? -1 : which === 'next' ? 1 : 0;
      const inner = a.spec;
      const spec: Spec = {
        type: 'relative',
        needs: 'year',
        describe: `year from "${text.slice(b.start, b.end)}"`,
        compute: (anchor) => {
          const y = anchorYear(anchor);
          const fixed = y === null ? null : withYear(inner, y + shift);
          return fixed ? resolveSpec(fixed, anchor).period : null;
        },
      };
      out.push({ ...a, end: b.end, spec, rules: [...a.rules, `time/year/suffix-${which}`] });
      i++;
    }
    return out;
  },
};
