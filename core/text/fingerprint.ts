/**
 * FNV-1a (32 bit) over UTF-16 code units: a fast, deterministic fingerprint for telling two texts
 * apart (sync digests, which version of an answer an edit started from). Not a security hash.
 */
export function fnv1a32(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}
