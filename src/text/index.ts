/**
 * Text stage: clean the input (boilerplate out, offsets kept), detect the language, and split
 * into sentences and tokens.
 */
export { cleanText, type CleanText } from './clean.js';
export { bundledRules, parseRules, matchFurniture, type BoilerplateRule } from './boilerplate.js';
export { analyze, bareTokenize, type Analysis } from './nlp.js';
export { detectLanguage } from './language.js';
