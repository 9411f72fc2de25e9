/** Percentiles of timings in milliseconds, for printing. */
export function summary(ms: number[]): { p50: number; p95: number; max: number; mean: number } {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (p: number): number => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;
  return { p50: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] ?? Number.NaN, mean: sorted.reduce((s, x) => s + x, 0) / sorted.length };
}

export const fmt = (ms: number): string => `${ms.toFixed(2)} ms`;

/** One measurement in the assessment benchmark: prints its own figures. */
export type BenchModule = { name: string; run: () => Promise<void> };
