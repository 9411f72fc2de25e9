import { z } from 'zod';
import type { ApiMessageKey } from '../messages';

/** Building blocks shared by the per-domain call maps. */

/** Declares the result type of a call; the value is never read at runtime. */
export function returns<T>(): T {
  return undefined as T;
}

/** A record id as the renderer sends it. */
export const id = z.string().min(1).max(200);

/** An ISO timestamp as returned in updatedAt (a record's revision, for optimistic concurrency). */
export const timestamp = z.string().max(40).regex(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/, 'issue.notTimestamp');
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

/**
 * Binary data (a file's bytes): a Uint8Array, never base64 — only the browser host's HTTP codec
 * frames it (core/api/http-envelope.ts); Electron's MessagePort carries it as it is. At most `max`
 * bytes, refused with `tooLarge` (its `{max}` is the limit in MB); with `empty`, at least one byte.
 */
export function bytes(max: number, messages: { tooLarge: ApiMessageKey; empty?: ApiMessageKey }) {
  const data = z.custom<Uint8Array>((value) => value instanceof Uint8Array, { message: 'issue.notBinary' });
  const bounded = data.refine((b) => b.byteLength <= max, { message: messages.tooLarge, params: { max: Math.round((max / 1024 / 1024) * 10) / 10 } });
  const { empty } = messages;
  return empty === undefined ? bounded : bounded.refine((b) => b.byteLength > 0, { message: empty });
}
