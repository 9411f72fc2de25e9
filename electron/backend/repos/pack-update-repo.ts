import type { HeldBackUpdate } from '../../../core/api/contract';
import type { PackRecordKind } from '../../../core/content/lists';
import type { Localized } from '../../../core/i18n';
import type { Db } from '../db/connection';

/**
 * Pack updates the importer held back (table pack_updates, migration 003). Device bookkeeping that
 * never syncs, so this repository writes it itself (not through the write funnel), always inside
 * the caller's transaction.
 */

/** A pack record the importer did not apply, as it records it. */
export type HeldBackRecord = {
  kind: PackRecordKind;
  id: string;
  packVersion: number;
  title: Localized;
  reason: HeldBackUpdate['reason'];
  /** The record as the pack holds it (the loaded file), kept to compare and take later. */
  record: unknown;
};

/** A held-back update with the pack's record, as stored. */
export type StoredPackUpdate = HeldBackUpdate & { packId: string; record: string; state: 'held' | 'taken' | 'dismissed' };

type Row = {
  kind: PackRecordKind;
  id: string;
  pack_id: string;
  pack_version: number;
  title_en: string;
  title_zh: string;
  record: string;
  reason: HeldBackUpdate['reason'];
  held_at: string;
  state: StoredPackUpdate['state'];
};

function fromRow(r: Row): StoredPackUpdate {
  return {
    kind: r.kind,
    id: r.id,
    title: { en: r.title_en, zh: r.title_zh },
    packVersion: r.pack_version,
    reason: r.reason,
    heldAt: r.held_at,
    packId: r.pack_id,
    record: r.record,
    state: r.state,
  };
}

/**
 * Records what an import held back. A record already held, taken or dismissed at the same or a
 * higher pack version is left as it is (the user's choice stands until the pack brings something
 * newer); a newer pack version replaces it and holds it back again. Returns how many were new.
 */
export function recordHeldBack(db: Db, packId: string, records: readonly HeldBackRecord[], at: string): number {
  const upsert = db.prepare(
    `INSERT INTO pack_updates (kind, id, pack_id, pack_version, title_en, title_zh, record, reason, held_at, state)
     VALUES (@kind, @id, @packId, @packVersion, @titleEn, @titleZh, @record, @reason, @at, 'held')
     ON CONFLICT (kind, id) DO UPDATE SET
       pack_id = excluded.pack_id, pack_version = excluded.pack_version, title_en = excluded.title_en, title_zh = excluded.title_zh,
       record = excluded.record, reason = excluded.reason, held_at = excluded.held_at, state = 'held', settled_at = NULL, taken_as_version = NULL
     WHERE excluded.pack_version > pack_updates.pack_version`,
  );
  let added = 0;
  for (const r of records) {
    const { changes } = upsert.run({
      kind: r.kind,
      id: r.id,
      packId,
      packVersion: r.packVersion,
      titleEn: r.title.en,
      titleZh: r.title.zh,
      record: JSON.stringify(r.record),
      reason: r.reason,
      at,
    });
    added += changes;
  }
  return added;
}

/** Every update still held back, newest first. */
export function listHeldBack(db: Db): HeldBackUpdate[] {
  const rows = db.prepare("SELECT * FROM pack_updates WHERE state = 'held' ORDER BY held_at DESC, kind, id").all() as Row[];
  return rows.map((r) => {
    const { kind, id, title, packVersion, reason, heldAt } = fromRow(r);
    return { kind, id, title, packVersion, reason, heldAt };
  });
}

/** The update held back for one record, with the pack's record; null when none is waiting. */
export function getHeldBack(db: Db, kind: PackRecordKind, id: string): StoredPackUpdate | null {
  const row = db.prepare("SELECT * FROM pack_updates WHERE kind = ? AND id = ? AND state = 'held'").get(kind, id) as Row | undefined;
  return row ? fromRow(row) : null;
}

/** Marks a held-back update taken (as the given version) or dismissed. */
export function settleHeldBack(db: Db, kind: PackRecordKind, id: string, settled: { state: 'taken'; asVersion: number } | { state: 'dismissed' }, at: string): void {
  db.prepare("UPDATE pack_updates SET state = ?, settled_at = ?, taken_as_version = ? WHERE kind = ? AND id = ? AND state = 'held'").run(
    settled.state,
    at,
    settled.state === 'taken' ? settled.asVersion : null,
    kind,
    id,
  );
}
