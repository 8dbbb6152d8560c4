/** Shared timing for the bench sections: best of `rounds` timed passes after one warm-up pass. */
import { performance } from 'node:perf_hooks';

export function timeBest(rounds: number, fn: () => void): number {
  fn();
  let best = Infinity;
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    fn();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

export async function timeBestAsync(rounds: number, fn: () => Promise<void>): Promise<number> {
  await fn();
  let best = Infinity;
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    await fn();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

export const fmt = (n: number): string => Math.round(n).toLocaleString('en');
