import type { RecordTable } from '../../../core/api/tables';

/**
 * The column registry of every record table: what the write funnel (changes.ts) may write, typed.
 * A test compares it with the migrated schema, so a column added by a migration must be added
 * here too. Kinds: `text`, `int`, `json` (text holding JSON, checked by the table's CHECK), and a
 * trailing `?` for columns that may be NULL.
 *
 * Columns the funnel stamps itself when a table has them: `created_at` (on insert, unless given),
 * `updated_at` (on every change: it strictly increases per row, so it is the row's revision and
 * the optimistic-concurrency token) and `deleted` (0 on insert; a delete is a tombstone).
 * `local` columns are device bookkeeping that sync never sends (where the pack row came from,
 * whether a file is on this device).
 */

type ColumnKind = 'text' | 'text?' | 'int' | 'int?' | 'json' | 'json?';
type Columns = Readonly<Record<string, ColumnKind>>;

export type TableSpec = {
  /** Primary-key columns; their values joined with '/' name the row in events and sync messages. */
  readonly key: readonly string[];
  readonly columns: Columns;
  readonly local?: readonly string[];
};

const stamped = { created_at: 'text', updated_at: 'text', deleted: 'int' } as const;

export const TABLES = {
  // Published knowledge (the bundled pack, later the published knowledge space) --------------
  scenarios: {
    key: ['id'],
    columns: {
      id: 'text',
      version: 'int',
      name_en: 'text',
      name_zh: 'text',
      summary_en: 'text',
      summary_zh: 'text',
      industries: 'json',
      typical_kpis: 'json',
      assessment_id: 'text?',
      origin: 'text',
      locally_modified: 'int',
      updated_at: 'text',
      deleted: 'int',
    },
    local: ['origin', 'locally_modified'],
  },
  kb_articles: {
    key: ['id'],
    columns: {
      id: 'text',
      version: 'int',
      type: 'text',
      scenarios: 'json',
      tags: 'json',
      related: 'json',
      author: 'text',
      review_date: 'text?',
      origin: 'text',
      locally_modified: 'int',
      ...stamped,
    },
    local: ['origin', 'locally_modified'],
  },
  kb_article_texts: {
    key: ['article_id', 'lang'],
    columns: { article_id: 'text', lang: 'text', title: 'text', summary: 'text', body_json: 'json', body_text: 'text' },
  },
  assessment_definitions: {
    key: ['id', 'version'],
    columns: { id: 'text', version: 'int', scenario_id: 'text', title_en: 'text', title_zh: 'text', definition: 'json', origin: 'text', imported_at: 'text' },
    local: ['origin', 'imported_at'],
  },
  risk_checklists: {
    key: ['id'],
    columns: {
      id: 'text',
      version: 'int',
      title_en: 'text',
      title_zh: 'text',
      scenarios: 'json',
      checklist: 'json',
      origin: 'text',
      locally_modified: 'int',
      updated_at: 'text',
      deleted: 'int',
    },
    local: ['origin', 'locally_modified'],
  },
  glossary_entries: {
    key: ['id'],
    columns: {
      id: 'text',
      version: 'int',
      terms_en: 'json',
      terms_zh: 'json',
      abbreviations: 'json',
      origin: 'text',
      locally_modified: 'int',
      updated_at: 'text',
      deleted: 'int',
    },
    local: ['origin', 'locally_modified'],
  },
  poc_templates: {
    key: ['id', 'version'],
    columns: {
      id: 'text',
      version: 'int',
      title_en: 'text',
      title_zh: 'text',
      scenarios: 'json',
      template: 'json',
      origin: 'text',
      locally_modified: 'int',
      updated_at: 'text',
      deleted: 'int',
    },
    local: ['origin', 'locally_modified'],
  },

  // Field work (a consultant's own space) ------------------------------------------------------
  customers: {
    key: ['id'],
    columns: { id: 'text', name: 'text', kind: 'text', industry: 'text', region: 'text', notes: 'text', ...stamped },
  },
  customer_contacts: {
    key: ['id'],
    columns: { id: 'text', customer_id: 'text', name: 'text', role: 'text', email: 'text', phone: 'text', ...stamped },
  },
  engagements: {
    key: ['id'],
    columns: {
      id: 'text',
      customer_id: 'text',
      title: 'text',
      stage: 'text',
      scenarios: 'json',
      team: 'json',
      start_date: 'text?',
      end_date: 'text?',
      time_zone: 'text?',
      ...stamped,
    },
  },
  assessment_sessions: {
    key: ['id'],
    columns: {
      id: 'text',
      engagement_id: 'text',
      definition_id: 'text',
      definition_version: 'int',
      status: 'text',
      signoff: 'json?',
      started_at: 'text',
      completed_at: 'text?',
      updated_at: 'text',
      deleted: 'int',
    },
  },
  assessment_answers: {
    key: ['id'],
    columns: { id: 'text', session_id: 'text', question_id: 'text', value: 'json?', note: 'text', updated_at: 'text', deleted: 'int' },
  },
  assessment_answers_set_aside: {
    key: ['id'],
    columns: {
      id: 'text',
      session_id: 'text',
      question_id: 'text',
      from_version: 'int',
      value: 'json?',
      note: 'text',
      reason: 'text',
      set_aside_at: 'text',
      deleted: 'int',
    },
  },
  risk_items: {
    key: ['id'],
    columns: {
      id: 'text',
      engagement_id: 'text',
      checklist_id: 'text?',
      checklist_item_id: 'text?',
      source: 'text',
      session_id: 'text?',
      recommendation_reason: 'text',
      lang: 'text?',
      title: 'text',
      description: 'text',
      category: 'text',
      likelihood: 'int',
      impact: 'int',
      owner: 'text',
      due_date: 'text?',
      status: 'text',
      mitigation: 'text',
      articles: 'json',
      ...stamped,
    },
  },
  field_notes: {
    key: ['id'],
    columns: {
      id: 'text',
      engagement_id: 'text?',
      session_id: 'text?',
      question_id: 'text?',
      title: 'text',
      body_json: 'json',
      body_text: 'text',
      tags: 'json',
      ...stamped,
    },
  },
  lessons: {
    key: ['id'],
    columns: {
      id: 'text',
      engagement_id: 'text?',
      title: 'text',
      context: 'text',
      problem: 'text',
      action: 'text',
      result: 'text',
      recommendation: 'text',
      scenarios: 'json',
      tags: 'json',
      source_notes: 'json',
      status: 'text',
      ...stamped,
    },
  },
  proposals: {
    key: ['id'],
    columns: {
      id: 'text',
      engagement_id: 'text',
      session_id: 'text?',
      template_id: 'text',
      template_version: 'int',
      title: 'text',
      lang: 'text',
      status: 'text',
      status_reason: 'text',
      body_json: 'json',
      body_text: 'text',
      pricing: 'json',
      timeline: 'json',
      provenance: 'json',
      ...stamped,
    },
  },
  proposal_versions: {
    key: ['id'],
    columns: { id: 'text', proposal_id: 'text', name: 'text', snapshot: 'json', automatic: 'int', created_at: 'text', deleted: 'int' },
  },
  proposal_status_history: {
    key: ['id'],
    columns: {
      id: 'text',
      proposal_id: 'text',
      from_status: 'text?',
      to_status: 'text',
      reason: 'text',
      changed_at: 'text',
      deleted: 'int',
    },
  },
  attachments: {
    key: ['sha256'],
    columns: { sha256: 'text', mime: 'text', size: 'int', original_name: 'text', created_at: 'text', stored_locally: 'int' },
    local: ['stored_locally'],
  },
  attachment_links: {
    key: ['id'],
    columns: { id: 'text', sha256: 'text', owner_table: 'text', owner_id: 'text', name: 'text', caption: 'text', created_at: 'text', deleted: 'int' },
  },

  // Review (a user's review space) -------------------------------------------------------------
  submissions: {
    key: ['id'],
    columns: {
      id: 'text',
      author_id: 'text',
      author_name: 'text',
      kind: 'text',
      source_id: 'text',
      title: 'text',
      content: 'json',
      content_text: 'text',
      scenarios: 'json',
      submitted_at: 'text',
      status: 'text',
      review_note: 'text',
      reviewed_by: 'text',
      reviewed_at: 'text?',
      article_id: 'text?',
      ...stamped,
    },
  },
} as const satisfies Record<RecordTable, TableSpec>;

type Specs = typeof TABLES;

type ValueOf<K> = K extends 'int' ? number : K extends 'int?' ? number | null : K extends 'text' | 'json' ? string : K extends 'text?' | 'json?' ? string | null : never;

/** One stored row of a record table, as SQLite returns it. */
export type Row<T extends RecordTable> = { -readonly [C in keyof Specs[T]['columns']]: ValueOf<Specs[T]['columns'][C]> };

type StampColumn = 'created_at' | 'updated_at' | 'deleted';
type KeyColumn<T extends RecordTable> = Specs[T]['key'][number] & keyof Row<T>;

/** A row's primary key. */
export type KeyOf<T extends RecordTable> = Pick<Row<T>, KeyColumn<T>>;

/** What an insert gives: every column but the stamps (created_at may be given, e.g. by an import). */
export type NewRow<T extends RecordTable> = Omit<Row<T>, StampColumn> & Partial<Pick<Row<T>, Extract<keyof Row<T>, 'created_at'>>>;

/** Columns an update may set: anything but the key and updated_at (deleted: 0 restores a tombstone). */
export type RowPatch<T extends RecordTable> = Partial<Omit<Row<T>, KeyColumn<T> | 'updated_at'>>;

/** Tables with a `deleted` column, where a delete is a tombstone. */
export type TombstoneTable = { [T in RecordTable]: 'deleted' extends keyof Row<T> ? T : never }[RecordTable];

export type SqlValue = string | number | null;

export function tableSpec(table: RecordTable): TableSpec {
  return TABLES[table];
}

export function hasColumn(table: RecordTable, column: string): boolean {
  return Object.prototype.hasOwnProperty.call(TABLES[table].columns, column);
}

/** The row's name in events and sync messages: its key values joined with '/'. */
export function rowName(table: RecordTable, row: Readonly<Record<string, SqlValue | undefined>>): string {
  return TABLES[table].key.map((column) => String(row[column])).join('/');
}
