import type { Migration } from './types';

/**
 * The first schema, laid out for the whole product so later issues add rather than rework.
 *
 * Conventions:
 * - Synced records have TEXT ids (generated on the device), created_at/updated_at as ISO text and
 *   a `deleted` tombstone column instead of DELETE: sync messages are per column and deletes are a
 *   column too. Once shipped, synced tables only ever gain columns (see the schema snapshot test).
 * - Content from the bundled pack carries origin = 'pack' and its pack `version`; an upgrade only
 *   replaces pack rows the user has not changed (locally_modified = 0) and never touches user rows.
 * - Lists (tags, scenario ids) are JSON arrays in one column: one sync message updates them whole.
 * - Rich text is Lexical JSON (body_json) plus derived plain text (body_text) for search.
 */
export const initial: Migration = {
  id: 1,
  name: 'initial',
  up(db) {
    db.exec(`
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL CHECK (json_valid(value))
) STRICT;

CREATE TABLE content_packs (
  id TEXT PRIMARY KEY,
  version INTEGER NOT NULL,
  imported_at TEXT NOT NULL,
  problems TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(problems))
) STRICT;

-- Reference content (pack or published knowledge space) -------------------------------------

CREATE TABLE scenarios (
  id TEXT PRIMARY KEY,
  version INTEGER NOT NULL,
  name_en TEXT NOT NULL,
  name_zh TEXT NOT NULL,
  summary_en TEXT NOT NULL,
  summary_zh TEXT NOT NULL,
  industries TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(industries)),
  typical_kpis TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(typical_kpis)),
  assessment_id TEXT,
  origin TEXT NOT NULL CHECK (origin IN ('pack', 'user', 'sync')),
  locally_modified INTEGER NOT NULL DEFAULT 0,
  updated_at TEXT NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE kb_articles (
  id TEXT PRIMARY KEY,
  version INTEGER NOT NULL,
  type TEXT NOT NULL CHECK (type IN ('method', 'best-practice', 'lesson', 'compliance', 'integration', 'reference')),
  scenarios TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(scenarios)),
  tags TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(tags)),
  related TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(related)),
  author TEXT NOT NULL DEFAULT '',
  review_date TEXT,
  origin TEXT NOT NULL CHECK (origin IN ('pack', 'user', 'sync')),
  locally_modified INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE kb_article_texts (
  article_id TEXT NOT NULL REFERENCES kb_articles(id) ON DELETE CASCADE,
  lang TEXT NOT NULL CHECK (lang IN ('en', 'zh')),
  title TEXT NOT NULL,
  summary TEXT NOT NULL,
  body_json TEXT NOT NULL CHECK (json_valid(body_json)),
  body_text TEXT NOT NULL,
  PRIMARY KEY (article_id, lang)
) STRICT;

CREATE TABLE assessment_definitions (
  id TEXT NOT NULL,
  version INTEGER NOT NULL,
  scenario_id TEXT NOT NULL,
  title_en TEXT NOT NULL,
  title_zh TEXT NOT NULL,
  definition TEXT NOT NULL CHECK (json_valid(definition)),
  origin TEXT NOT NULL CHECK (origin IN ('pack', 'user', 'sync')),
  imported_at TEXT NOT NULL,
  PRIMARY KEY (id, version)
) STRICT;

CREATE TABLE risk_checklists (
  id TEXT PRIMARY KEY,
  version INTEGER NOT NULL,
  title_en TEXT NOT NULL,
  title_zh TEXT NOT NULL,
  scenarios TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(scenarios)),
  checklist TEXT NOT NULL CHECK (json_valid(checklist)),
  origin TEXT NOT NULL CHECK (origin IN ('pack', 'user', 'sync')),
  locally_modified INTEGER NOT NULL DEFAULT 0,
  updated_at TEXT NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE poc_templates (
  id TEXT NOT NULL,
  version INTEGER NOT NULL,
  title_en TEXT NOT NULL,
  title_zh TEXT NOT NULL,
  scenarios TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(scenarios)),
  template TEXT NOT NULL CHECK (json_valid(template)),
  origin TEXT NOT NULL CHECK (origin IN ('pack', 'user', 'sync')),
  locally_modified INTEGER NOT NULL DEFAULT 0,
  updated_at TEXT NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (id, version)
) STRICT;

-- Field work (synced from the consultant's own space) -----------------------------------------

CREATE TABLE customers (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('enterprise', 'operator-branch')),
  industry TEXT NOT NULL DEFAULT '',
  region TEXT NOT NULL DEFAULT '',
  notes TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE customer_contacts (
  id TEXT PRIMARY KEY,
  customer_id TEXT NOT NULL REFERENCES customers(id),
  name TEXT NOT NULL,
  role TEXT NOT NULL DEFAULT '',
  email TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX customer_contacts_customer ON customer_contacts(customer_id);

CREATE TABLE engagements (
  id TEXT PRIMARY KEY,
  customer_id TEXT NOT NULL REFERENCES customers(id),
  title TEXT NOT NULL,
  stage TEXT NOT NULL CHECK (stage IN ('discovery', 'assessment', 'proposal', 'poc', 'delivery', 'closed')),
  scenarios TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(scenarios)),
  team TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(team)),
  start_date TEXT,
  end_date TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX engagements_customer ON engagements(customer_id);

CREATE TABLE assessment_sessions (
  id TEXT PRIMARY KEY,
  engagement_id TEXT NOT NULL REFERENCES engagements(id),
  definition_id TEXT NOT NULL,
  definition_version INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('in-progress', 'completed')),
  signoff TEXT CHECK (signoff IS NULL OR json_valid(signoff)),
  started_at TEXT NOT NULL,
  completed_at TEXT,
  updated_at TEXT NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX assessment_sessions_engagement ON assessment_sessions(engagement_id);

CREATE TABLE assessment_answers (
  id TEXT PRIMARY KEY,
  session_id TEXT NOT NULL REFERENCES assessment_sessions(id),
  question_id TEXT NOT NULL,
  value TEXT CHECK (value IS NULL OR json_valid(value)),
  note TEXT NOT NULL DEFAULT '',
  updated_at TEXT NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0,
  UNIQUE (session_id, question_id)
) STRICT;

CREATE TABLE risk_items (
  id TEXT PRIMARY KEY,
  engagement_id TEXT NOT NULL REFERENCES engagements(id),
  checklist_id TEXT,
  checklist_item_id TEXT,
  source TEXT NOT NULL CHECK (source IN ('manual', 'checklist', 'assessment')),
  title TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  category TEXT NOT NULL,
  likelihood INTEGER NOT NULL CHECK (likelihood BETWEEN 1 AND 5),
  impact INTEGER NOT NULL CHECK (impact BETWEEN 1 AND 5),
  owner TEXT NOT NULL DEFAULT '',
  due_date TEXT,
  status TEXT NOT NULL CHECK (status IN ('open', 'mitigating', 'mitigated', 'accepted')),
  mitigation TEXT NOT NULL DEFAULT '',
  articles TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(articles)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX risk_items_engagement ON risk_items(engagement_id);

CREATE TABLE field_notes (
  id TEXT PRIMARY KEY,
  engagement_id TEXT REFERENCES engagements(id),
  session_id TEXT REFERENCES assessment_sessions(id),
  question_id TEXT,
  title TEXT NOT NULL,
  body_json TEXT NOT NULL CHECK (json_valid(body_json)),
  body_text TEXT NOT NULL,
  tags TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(tags)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX field_notes_engagement ON field_notes(engagement_id);

CREATE TABLE lessons (
  id TEXT PRIMARY KEY,
  engagement_id TEXT REFERENCES engagements(id),
  title TEXT NOT NULL,
  context TEXT NOT NULL DEFAULT '',
  problem TEXT NOT NULL DEFAULT '',
  action TEXT NOT NULL DEFAULT '',
  result TEXT NOT NULL DEFAULT '',
  recommendation TEXT NOT NULL DEFAULT '',
  scenarios TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(scenarios)),
  tags TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(tags)),
  source_notes TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(source_notes)),
  status TEXT NOT NULL CHECK (status IN ('draft', 'ready', 'submitted', 'returned', 'merged')),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE proposals (
  id TEXT PRIMARY KEY,
  engagement_id TEXT NOT NULL REFERENCES engagements(id),
  session_id TEXT REFERENCES assessment_sessions(id),
  template_id TEXT NOT NULL,
  template_version INTEGER NOT NULL,
  title TEXT NOT NULL,
  lang TEXT NOT NULL CHECK (lang IN ('en', 'zh')),
  status TEXT NOT NULL CHECK (status IN ('draft', 'internal-review', 'sent', 'won', 'lost')),
  status_reason TEXT NOT NULL DEFAULT '',
  body_json TEXT NOT NULL CHECK (json_valid(body_json)),
  body_text TEXT NOT NULL DEFAULT '',
  pricing TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(pricing)),
  timeline TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(timeline)),
  provenance TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(provenance)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX proposals_engagement ON proposals(engagement_id);

CREATE TABLE proposal_versions (
  id TEXT PRIMARY KEY,
  proposal_id TEXT NOT NULL REFERENCES proposals(id),
  name TEXT NOT NULL,
  snapshot TEXT NOT NULL CHECK (json_valid(snapshot)),
  created_at TEXT NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0
) STRICT;

-- Attachments are content-addressed: the file lives at <data>/attachments/<sha256>.
CREATE TABLE attachments (
  sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64),
  mime TEXT NOT NULL,
  size INTEGER NOT NULL CHECK (size >= 0),
  original_name TEXT NOT NULL,
  created_at TEXT NOT NULL,
  stored_locally INTEGER NOT NULL DEFAULT 1
) STRICT;

CREATE TABLE attachment_links (
  id TEXT PRIMARY KEY,
  sha256 TEXT NOT NULL REFERENCES attachments(sha256),
  owner_table TEXT NOT NULL,
  owner_id TEXT NOT NULL,
  caption TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX attachment_links_owner ON attachment_links(owner_table, owner_id);

-- Search: one FTS5 index over every searchable text. Text is segmented before indexing
-- (Intl.Segmenter) so that Chinese words are tokens; search_docs maps rowids to records.
CREATE TABLE search_docs (
  rowid INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('kb', 'note', 'lesson')),
  ref_id TEXT NOT NULL,
  lang TEXT NOT NULL CHECK (lang IN ('en', 'zh')),
  UNIQUE (kind, ref_id, lang)
) STRICT;
CREATE VIRTUAL TABLE search_fts USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2');

-- Sync bookkeeping: every local change to a synced record is also a message here.
CREATE TABLE sync_messages (
  timestamp TEXT PRIMARY KEY,
  space TEXT NOT NULL,
  dataset TEXT NOT NULL,
  row TEXT NOT NULL,
  column TEXT NOT NULL,
  value TEXT NOT NULL,
  sent INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX sync_messages_unsent ON sync_messages(sent, timestamp);

CREATE TABLE sync_state (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;
`);
  },
};
