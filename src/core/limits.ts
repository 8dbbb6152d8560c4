/**
 * Named budgets. Every stage that can be driven into unbounded work by hostile input reads its
 * cap from here (through the RunContext), and says so in a warning when a cap cuts its input.
 */
export interface Limits {
  /** Bytes read from a file or stdin before refusing the input. */
  readonly maxInputBytes: number;
  /** UTF-16 code units of clean text processed; the rest is cut with a warning. */
  readonly maxTextChars: number;
  /** Time expressions kept per document. */
  readonly maxTimeExpressions: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxInputBytes: 20 * 1024 * 1024,
  maxTextChars: 5_000_000,
  maxTimeExpressions: 5_000,
};
