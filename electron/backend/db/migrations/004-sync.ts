import type { Migration } from './types';

/**
 * Sync with the central repository (electron/backend/sync/). The tables sync needs (the first
 * migration's `sync_state` is used as it is; its `sync_messages` placeholder never held anything
 * and is superseded by sync_log):
 *
 * - sync_log: every message this device made or received, by HLC timestamp. Its own messages wait
 *   here with state 0 (the outbox) until the server acknowledges them; the write funnel appends
 *   them in the same transaction as the change, so no change can be made without its message.
 * - sync_rows: per synced row, the space it lives in (fixed when first seen), the timestamp of
 *   the last write of each column (last-writer-wins per column) and, for a row whose messages
 *   cannot be written yet (its parent has not arrived), the values waiting.
 * - sync_buckets: the per-hour digest of the messages the server also holds (core/sync/digest.ts).
 * - sync_runs / sync_run_items: the sync history, with the earlier values of what each run changed
 *   so a run can be rolled back by new changes (which then sync like any other).
 * - sync_conflicts: a column changed on this device and on another before either had seen the
 *   other's change; both values are kept until the user picks.
 * - sync_files_sent: attachment files the server holds whole (files travel apart from messages).
 * - submissions: lessons and field notes submitted for review (a synced record table, in the
 *   author's review space).
 */
export const sync: Migration = {
  id: 4,
  name: 'sync',
  up(db) {
    // The first migration's sync_messages placeholder stays: shipped schemas only grow (it is unused).
    db.exec(`
CREATE TABLE sync_log (
  timestamp TEXT PRIMARY KEY,
  space TEXT NOT NULL,
  dataset TEXT NOT NULL,
  row TEXT NOT NULL,
  vals TEXT NOT NULL CHECK (json_valid(vals)),
  -- 0: made here, not yet acknowledged by the server; 1: held by the server too;
  -- 2: received but refused here (kept so both sides' digests agree; the reason is in the history).
  state INTEGER NOT NULL CHECK (state IN (0, 1, 2))
) STRICT;
CREATE INDEX sync_log_outbox ON sync_log(state, timestamp);

CREATE TABLE sync_rows (
  dataset TEXT NOT NULL,
  row TEXT NOT NULL,
  space TEXT NOT NULL,
  stamps TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(stamps)),
  pending TEXT CHECK (pending IS NULL OR json_valid(pending)),
  PRIMARY KEY (dataset, row)
) STRICT;
CREATE INDEX sync_rows_pending ON sync_rows(dataset) WHERE pending IS NOT NULL;

CREATE TABLE sync_buckets (
  space TEXT NOT NULL,
  bucket TEXT NOT NULL,
  hash INTEGER NOT NULL,
  count INTEGER NOT NULL,
  PRIMARY KEY (space, bucket)
) STRICT;

CREATE TABLE sync_runs (
  id INTEGER PRIMARY KEY,
  started_at TEXT NOT NULL,
  finished_at TEXT,
  trigger TEXT NOT NULL CHECK (trigger IN ('manual', 'background', 'confirmed')),
  status TEXT NOT NULL CHECK (status IN ('running', 'done', 'failed', 'needs_confirmation', 'rolled_back')),
  sent INTEGER NOT NULL DEFAULT 0,
  received INTEGER NOT NULL DEFAULT 0,
  applied INTEGER NOT NULL DEFAULT 0,
  refused INTEGER NOT NULL DEFAULT 0,
  conflicts INTEGER NOT NULL DEFAULT 0,
  bytes_up INTEGER NOT NULL DEFAULT 0,
  bytes_down INTEGER NOT NULL DEFAULT 0,
  backup_id TEXT,
  error TEXT CHECK (error IS NULL OR json_valid(error)),
  preview TEXT CHECK (preview IS NULL OR json_valid(preview))
) STRICT;

CREATE TABLE sync_run_items (
  run_id INTEGER NOT NULL REFERENCES sync_runs(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  direction TEXT NOT NULL CHECK (direction IN ('up', 'down')),
  dataset TEXT NOT NULL,
  row TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('sent', 'applied', 'unchanged', 'refused', 'conflict', 'waiting', 'rolled_back')),
  detail TEXT CHECK (detail IS NULL OR json_valid(detail)),
  -- For applied rows: the values the run replaced (column → value; a row the run created is {"":"created"}).
  before TEXT CHECK (before IS NULL OR json_valid(before)),
  PRIMARY KEY (run_id, seq)
) STRICT;

CREATE TABLE sync_conflicts (
  id INTEGER PRIMARY KEY,
  dataset TEXT NOT NULL,
  row TEXT NOT NULL,
  column_name TEXT NOT NULL,
  local_value TEXT CHECK (local_value IS NULL OR json_valid(local_value)),
  remote_value TEXT CHECK (remote_value IS NULL OR json_valid(remote_value)),
  local_timestamp TEXT NOT NULL,
  remote_timestamp TEXT NOT NULL,
  kept TEXT NOT NULL CHECK (kept IN ('local', 'remote')),
  detected_at TEXT NOT NULL,
  resolved_at TEXT,
  resolution TEXT CHECK (resolution IS NULL OR resolution IN ('local', 'remote'))
) STRICT;
CREATE INDEX sync_conflicts_open ON sync_conflicts(resolved_at, detected_at);

-- Files (attachments) this device has uploaded completely; the rest are offered at the next sync.
CREATE TABLE sync_files_sent (
  sha256 TEXT PRIMARY KEY,
  sent_at TEXT NOT NULL
) STRICT;

CREATE TABLE submissions (
  id TEXT PRIMARY KEY,
  author_id TEXT NOT NULL,
  author_name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('lesson', 'note')),
  source_id TEXT NOT NULL,
  title TEXT NOT NULL,
  -- lesson: its fields; note: its rich-text body and tags (a copy as submitted)
  content TEXT NOT NULL CHECK (json_valid(content)),
  content_text TEXT NOT NULL,
  scenarios TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(scenarios)),
  submitted_at TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('submitted', 'in_review', 'returned', 'merged', 'published', 'rejected')),
  review_note TEXT NOT NULL DEFAULT '',
  reviewed_by TEXT NOT NULL DEFAULT '',
  reviewed_at TEXT,
  article_id TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX submissions_status ON submissions(status, submitted_at);
`);
  },
};
