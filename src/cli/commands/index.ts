/** Every subcommand of `sitrep`, in the order `sitrep --help` lists them. */
import type { Command } from '../command.js';
import { extractCommand } from './extract.js';
import { evalCommand } from './eval.js';
import { gazetteerCommand } from './gazetteer.js';

export const COMMANDS: readonly Command[] = [extractCommand, gazetteerCommand, evalCommand];
