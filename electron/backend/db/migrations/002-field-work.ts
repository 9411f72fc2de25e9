import type { Migration } from './types';

/**
 * Search tuning, and what on-site work (engagements, assessments, risks, notes) and proposals need
 * beyond 001.
 * Additive only: new tables, new columns with defaults, new indexes.
 */
export const fieldWork: Migration = {
  id: 2,
  name: 'field-work',
  up(db) {
    db.exec(`
-- FTS5 keeps up to 'hashsize' bytes of a transaction's new index data in memory before writing a
-- segment (default 1 MiB). A pack import indexes everything in one transaction: with 128 MiB even
-- 100,000 articles (~115 MiB of index) become one segment instead of hundreds that are merged over
-- and over — about half the FTS time in the benchmark. A real pack needs a few MiB; small
-- transactions are unaffected (the data is written at every commit).
INSERT INTO search_fts (search_fts, rank) VALUES ('hashsize', 134217728);

CREATE INDEX attachment_links_sha256 ON attachment_links(sha256);
-- The same bytes can arrive under different names: the name belongs to the link.
ALTER TABLE attachment_links ADD COLUMN name TEXT NOT NULL DEFAULT '';

-- Assessments: answers that no longer fit when a session moves to a newer definition version are
-- set aside here (never deleted), so they stay readable; the session keeps answering the same
-- question ids in assessment_answers.
CREATE TABLE assessment_answers_set_aside (
  id TEXT PRIMARY KEY,
  session_id TEXT NOT NULL REFERENCES assessment_sessions(id),
  question_id TEXT NOT NULL,
  from_version INTEGER NOT NULL,
  value TEXT CHECK (value IS NULL OR json_valid(value)),
  note TEXT NOT NULL DEFAULT '',
  reason TEXT NOT NULL,
  set_aside_at TEXT NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX assessment_answers_set_aside_session ON assessment_answers_set_aside(session_id);
CREATE INDEX assessment_sessions_updated ON assessment_sessions(updated_at);

-- Risk register (risks brief): where a risk came from and the language its copied texts are in.
ALTER TABLE risk_items ADD COLUMN session_id TEXT;
ALTER TABLE risk_items ADD COLUMN recommendation_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE risk_items ADD COLUMN lang TEXT CHECK (lang IS NULL OR lang IN ('en', 'zh'));
CREATE INDEX risk_items_due ON risk_items(due_date) WHERE deleted = 0;

-- Field notes and lessons (notes brief): notes listed per assessment question, lessons per engagement.
CREATE INDEX field_notes_session ON field_notes(session_id, question_id);
CREATE INDEX lessons_engagement ON lessons(engagement_id);

-- Proposals (proposal-core brief): versions saved by a restore are marked automatic; every status
-- move is kept (won/lost with the reason) for win/loss analytics.
ALTER TABLE proposal_versions ADD COLUMN automatic INTEGER NOT NULL DEFAULT 0;
CREATE INDEX proposal_versions_proposal ON proposal_versions(proposal_id);
CREATE TABLE proposal_status_history (
  id TEXT PRIMARY KEY,
  proposal_id TEXT NOT NULL REFERENCES proposals(id),
  from_status TEXT CHECK (from_status IS NULL OR from_status IN ('draft', 'internal-review', 'sent', 'won', 'lost')),
  to_status TEXT NOT NULL CHECK (to_status IN ('draft', 'internal-review', 'sent', 'won', 'lost')),
  reason TEXT NOT NULL DEFAULT '',
  changed_at TEXT NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX proposal_status_history_proposal ON proposal_status_history(proposal_id);
`);
  },
};
