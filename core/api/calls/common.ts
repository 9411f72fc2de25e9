import { z } from 'zod';

/** Building blocks shared by the per-domain call maps. */

/** Declares the result type of a call; the value is never read at runtime. */
export function returns<T>(): T {
  return undefined as T;
}

/** A record id as the renderer sends it. */
export const id = z.string().min(1).max(200);
export const noArgs = z.object({}).strict();
/** An ISO calendar date (YYYY-MM-DD). */
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'issue.notIsoDate');

/** A string of at most `max` characters (the issue names the limit). */
export function maxText(max: number) {
  return z.string().max(max);
}

/** Text trimmed of surrounding space, at most `max` characters. */
export function trimmedText(max: number) {
  return z.string().trim().max(max);
}
