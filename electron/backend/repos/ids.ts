import crypto from 'node:crypto';

/** A new record id: random, generated on the device (records are created offline and synced later). */
export function newId(): string {
  return crypto.randomUUID();
}

/** The current time as stored in created_at / updated_at columns. */
export function nowIso(now: Date = new Date()): string {
  return now.toISOString();
}
