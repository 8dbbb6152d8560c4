/**
 * The explicit run context handed to every stage. No stage reads the clock, the machine's
 * timezone or a global gazetteer: whatever varies between runs comes through here, which is what
 * makes a run reproducible and testable under any TZ.
 */
import type { Gazetteer } from './gazetteer.js';
import { DEFAULT_LIMITS, type Limits } from './limits.js';

/** A lazy, zero-cost-when-off trace channel: `ctx.debug('time', () => ({…}))`. */
export type DebugSink = (stage: string, message: () => unknown) => void;

export const silentDebug: DebugSink = () => {};

/** Collects trace lines in memory (tests print them only on failure; `--debug` prints them). */
export class BufferedDebug {
  readonly lines: { stage: string; message: unknown }[] = [];
  readonly sink: DebugSink = (stage, message) => {
    this.lines.push({ stage, message: message() });
  };
}

export interface ReferenceTime {
  /**
   * The calendar date relative expressions are resolved against (YYYY-MM-DD), normally the
   * publication date. Null when neither the user nor the document gave one.
   */
  readonly date: string | null;
  readonly source: 'published' | 'none';
}

export interface RunContext {
  readonly reference: ReferenceTime;
  /** IANA timezone that turns instants (meta timestamps) into calendar dates, e.g. `UTC`. */
  readonly timezone: string;
  readonly gazetteer: Gazetteer | null;
  readonly debug: DebugSink;
  readonly limits: Limits;
}

export interface RunContextOptions {
  readonly referenceDate?: string | null;
  readonly timezone?: string;
  readonly gazetteer?: Gazetteer | null;
  readonly debug?: DebugSink;
  readonly limits?: Partial<Limits>;
}

export function createRunContext(options: RunContextOptions = {}): RunContext {
  const date = options.referenceDate ?? null;
  return {
    reference: { date, source: date ? 'published' : 'none' },
    timezone: options.timezone ?? 'UTC',
    gazetteer: options.gazetteer ?? null,
    debug: options.debug ?? silentDebug,
    limits: { ...DEFAULT_LIMITS, ...options.limits },
  };
}

/** The same context with another reference date (after ingest found the publication date). */
export function withReference(ctx: RunContext, date: string | null): RunContext {
  return { ...ctx, reference: { date, source: date ? 'published' : 'none' } };
}
