/**
 * The digest of a space: which messages a side holds, summarised per hour of their timestamps, so
 * a device and the server find where they differ without sending the messages. Each hour bucket
 * keeps the count of its messages and the sum of their timestamp hashes modulo a prime; a sum is
 * order-free, so both sides get the same figure for the same set of messages however they
 * arrived, and adding one message is one update (which works the same in SQLite and PostgreSQL).
 */

import { fnv1a32 } from '../text/fingerprint';

export const DIGEST_MODULUS = 2147483647;

export type Bucket = { bucket: string; hash: number; count: number };
export type Digest = { hash: number; count: number };

/** The hour a timestamp falls in: `2026-12-03T09`. */
export function bucketOf(timestamp: string): string {
  return timestamp.slice(0, 13);
}

/** The first timestamp that can fall in a bucket (inclusive lower bound for a pull). */
export function bucketStart(bucket: string): string {
  return `${bucket}:00:00.000Z`;
}

/** FNV-1a (32 bit) of the timestamp, reduced below the modulus. */
export function hashTimestamp(timestamp: string): number {
  return fnv1a32(timestamp) % DIGEST_MODULUS;
}

export function addHash(a: number, b: number): number {
  return (a + b) % DIGEST_MODULUS;
}

/** The whole space's digest from its buckets. */
export function digestOf(buckets: readonly Bucket[]): Digest {
  let hash = 0;
  let count = 0;
  for (const b of buckets) {
    hash = addHash(hash, b.hash);
    count += b.count;
  }
  return { hash, count };
}

export function sameDigest(a: Digest, b: Digest): boolean {
  return a.hash === b.hash && a.count === b.count;
}

/** Buckets of a set of timestamps (for tests and for a device rebuilding its digest). */
export function bucketsOf(timestamps: Iterable<string>): Bucket[] {
  return spaceBucketsOf(Array.from(timestamps, (timestamp) => ({ space: '', timestamp })))
    .map(({ bucket, hash, count }) => ({ bucket, hash, count }))
    .sort((a, b) => (a.bucket < b.bucket ? -1 : a.bucket > b.bucket ? 1 : 0));
}

export type SpaceBucket = Bucket & { space: string };

/** What a batch of messages adds to each space's buckets: one update per hour bucket, not per message. */
export function spaceBucketsOf(messages: Iterable<{ space: string; timestamp: string }>): SpaceBucket[] {
  const map = new Map<string, SpaceBucket>();
  for (const m of messages) {
    const bucket = bucketOf(m.timestamp);
    const key = `${m.space}\u0000${bucket}`;
    const b = map.get(key) ?? { space: m.space, bucket, hash: 0, count: 0 };
    b.hash = addHash(b.hash, hashTimestamp(m.timestamp));
    b.count += 1;
    map.set(key, b);
  }
  return [...map.values()];
}

/** The earliest bucket where the two sides differ, or null when they hold the same messages. */
export function firstDifference(mine: readonly Bucket[], theirs: readonly Bucket[]): string | null {
  const a = new Map(mine.map((b) => [b.bucket, b]));
  const b = new Map(theirs.map((x) => [x.bucket, x]));
  const keys = [...new Set([...a.keys(), ...b.keys()])].sort();
  for (const key of keys) {
    const x = a.get(key);
    const y = b.get(key);
    if (x?.hash !== y?.hash || x?.count !== y?.count) return key;
  }
  return null;
}
