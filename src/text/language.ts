/**
 * Language detection, good enough to warn that a report is not English (every later stage's rules
 * and dictionaries are English). franc-min compares trigram profiles; we look at a sample of the
 * text so the cost stays flat for long reports.
 */
import { francAll } from 'franc-min';
import type { LanguageGuess, Warning } from '../core/index.js';

/** Characters sampled from the start of the text. */
const SAMPLE = 2000;
/** Below this many letters, a guess is not worth making. */
const MIN_LETTERS = 40;
/** Below this many letters, trigram guesses are too noisy to call a text not English. */
const MIN_LETTERS_FOR_VERDICT = 120;
/**
 * English function words. When they make up a large share of the words, the text is English and
 * the trigram comparison (by far the costliest step) is skipped.
 */
const ENGLISH_FUNCTION_WORDS = new Set('the of and to in a is was were said on for that by with as at from it has have had be been are an this which who its their not but after'.split(' '));
const ENGLISH_SHARE = 0.22;

export function detectLanguage(text: string): { language: LanguageGuess; warnings: Warning[] } {
  const sample = text.slice(0, SAMPLE);
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  if (letters < MIN_LETTERS) {
    return { language: { code: 'und', isEnglish: true, confidence: 0 }, warnings: [] };
  }
  const words = sample.toLowerCase().match(/\p{L}+/gu) ?? [];
  const share = words.filter((w) => ENGLISH_FUNCTION_WORDS.has(w)).length / Math.max(1, words.length);
  if (share >= ENGLISH_SHARE) {
    return { language: { code: 'eng', isEnglish: true, confidence: Math.min(1, Math.round(share * 300) / 100) }, warnings: [] };
  }
  const ranked = francAll(sample, { minLength: 10 });
  const [best, second] = ranked;
  const code = best?.[0] ?? 'und';
  // francAll scores the best as 1 and others relative to it; the gap is our confidence.
  const confidence = best && second ? Math.max(0, Math.min(1, best[1] - second[1])) : best ? 1 : 0;
  // English text with many names can score close to Scots or others; trust English when it is near the top.
  const englishScore = ranked.find(([lang]) => lang === 'eng')?.[1] ?? 0;
  // A text mostly in another script is not English however short; a short Latin-script text
  // is given the benefit of the doubt.
  const latin = sample.match(/\p{Script=Latin}/gu)?.length ?? 0;
  const otherScript = latin / letters < 0.5;
  const isEnglish = !otherScript && (code === 'eng' || code === 'sco' || englishScore >= 0.9 || letters < MIN_LETTERS_FOR_VERDICT);
  const warnings: Warning[] = isEnglish
    ? []
    : [{ code: 'language.not-english', stage: 'text', message: `the report looks like ${code} (ISO 639-3), not English; sitrep's rules are English-only, so expect few dates, places and events` }];
  return { language: { code: isEnglish ? 'eng' : code, isEnglish, confidence: Math.round(confidence * 100) / 100 }, warnings };
}
