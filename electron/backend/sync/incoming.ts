import type { RecordTable } from '../../../core/api/tables';
import { templateFile } from '../../../core/content/schemas';
import { checkLexicalDocument } from '../../../core/notes/lexical-document';
import { checkProposalDocument } from '../../../core/proposals/document';
import type { SqlValue } from '../db/tables';
import { columnKind } from './columns';

/**
 * Checks one value that arrived by sync before it is written: its kind must be the column's, JSON
 * must parse, and rich text passes the same check as a body typed on this device (a hostile body
 * from a stolen token is cleaned as a hostile paste would be: an unknown node goes, a bad link
 * keeps its words). A message whose value cannot be made safe is refused, never half applied.
 */
export type Checked = { ok: true; value: SqlValue; cleaned: boolean } | { ok: false; reason: string };

const fail = (reason: string): Checked => ({ ok: false, reason });
const pass = (value: SqlValue, cleaned = false): Checked => ({ ok: true, value, cleaned });

export function checkIncomingValue(table: RecordTable, column: string, value: SqlValue): Checked {
  const kind = columnKind(table, column);
  if (kind === null) return fail(`${table} has no synced column "${column}"`);
  const nullable = kind.endsWith('?');
  if (value === null) return nullable ? pass(null) : fail(`${table}.${column} may not be empty`);
  const base = kind.replace('?', '');
  if (base === 'int') return typeof value === 'number' && Number.isSafeInteger(value) ? pass(value) : fail(`${table}.${column} must be a whole number`);
  if (typeof value !== 'string') return fail(`${table}.${column} must be text`);
  if (base === 'text') return pass(value);
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return fail(`${table}.${column} is not valid JSON`);
  }
  return checkJson(table, column, value, parsed);
}

function checkJson(table: RecordTable, column: string, raw: string, parsed: unknown): Checked {
  const where = `${table}.${column}`;
  if ((table === 'field_notes' || table === 'kb_article_texts') && column === 'body_json') return lexical(raw, where);
  if (table === 'proposals' && column === 'body_json') {
    if (!isRecord(parsed) || !Array.isArray(parsed.sections)) return fail(`${where} is not a proposal body`);
    let cleaned = false;
    const sections: unknown[] = [];
    for (const [i, section] of parsed.sections.entries()) {
      if (!isRecord(section) || typeof section.bodyJson !== 'string') return fail(`${where}: section ${i} is not a proposal section`);
      const checked = checkProposalDocument(section.bodyJson);
      if (checked.json === null) return fail(`${where}: section ${i} is not a rich-text document`);
      cleaned ||= checked.problems.length > 0;
      sections.push({ ...section, bodyJson: checked.json });
    }
    return cleaned ? pass(JSON.stringify({ ...parsed, sections }), true) : pass(raw);
  }
  if (table === 'poc_templates' && column === 'template') {
    const result = templateFile.safeParse(parsed);
    return result.success ? pass(raw) : fail(`${where} is not a template: ${result.error.issues[0]?.path.join('.') ?? ''} ${result.error.issues[0]?.message ?? ''}`.trim());
  }
  if (table === 'submissions' && column === 'content') {
    if (!isRecord(parsed)) return fail(`${where} is not a submission`);
    if (typeof parsed.bodyJson === 'string') {
      const checked = checkLexicalDocument(parsed.bodyJson);
      if (checked.json === null) return fail(`${where}: the note body is not a rich-text document`);
      if (checked.problems.length > 0) return pass(JSON.stringify({ ...parsed, bodyJson: checked.json }), true);
    }
    return pass(raw);
  }
  return pass(raw);
}

function lexical(raw: string, where: string): Checked {
  const checked = checkLexicalDocument(raw);
  if (checked.json === null) return fail(`${where} is not a rich-text document`);
  return checked.problems.length > 0 ? pass(checked.json, true) : pass(raw);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
