/**
 * Boilerplate filter: drops whole lines of page furniture ("Print Friendly, PDF & Email", share
 * bars, "Read more", newsletter prompts, photo credits). The rules are data
 * (data/boilerplate/<lang>.txt), layered: bundled rules first, then any user file, whose `!name`
 * lines remove a bundled rule.
 */
import { readFileSync } from 'node:fs';
import { dataPath, SitrepError, ExitCode } from '../core/index.js';

export interface BoilerplateRule {
  readonly name: string;
  readonly pattern: RegExp;
}

/** Longest line the filter looks at: furniture is short, and this bounds regex work. */
export const MAX_FURNITURE_LINE = 320;

/** Parse a rules file. Errors name the file and line. */
export function parseRules(source: string, file: string, base: readonly BoilerplateRule[] = []): BoilerplateRule[] {
  const rules = new Map(base.map((r) => [r.name, r]));
  source.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    if (line.startsWith('!')) {
      rules.delete(line.slice(1).trim());
      return;
    }
    const bar = line.indexOf('|');
    if (bar <= 0) throw badRule(file, i + 1, 'expected `name | pattern`');
    const name = line.slice(0, bar).trim();
    const body = line.slice(bar + 1).trim();
    try {
      rules.set(name, { name, pattern: new RegExp(`^(?:${body})$`, 'iu') });
    } catch (err) {
      throw badRule(file, i + 1, err instanceof Error ? err.message : String(err));
    }
  });
  return [...rules.values()];
}

function badRule(file: string, line: number, why: string): SitrepError {
  return new SitrepError('config.bad-boilerplate-rule', `${file}:${line}: bad boilerplate rule: ${why}`, 'Fix or remove that line; see the format notes at the top of data/boilerplate/en.txt.', ExitCode.usage);
}

const cache = new Map<string, BoilerplateRule[]>();

/** The bundled rules for a language (English only for now), loaded once per process. */
export function bundledRules(lang = 'en'): BoilerplateRule[] {
  let rules = cache.get(lang);
  if (!rules) {
    const file = dataPath('boilerplate', `${lang}.txt`);
    rules = parseRules(readFileSync(file, 'utf8'), file);
    cache.set(lang, rules);
  }
  return rules;
}

/** The name of the rule a line matches, or null. The line is trimmed first. */
export function matchFurniture(line: string, rules: readonly BoilerplateRule[]): string | null {
  const trimmed = line.trim();
  if (!trimmed || trimmed.length > MAX_FURNITURE_LINE) return null;
  for (const rule of rules) if (rule.pattern.test(trimmed)) return rule.name;
  return null;
}
