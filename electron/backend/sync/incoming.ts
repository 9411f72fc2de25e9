import { msg, type ApiMessage } from '../../../core/api/message';
import type { RecordTable } from '../../../core/api/tables';
import { templateFile } from '../../../core/content/schemas';
import { checkLexicalDocument } from '../../../core/notes/lexical-document';
import { checkProposalDocument, proposalText } from '../../../core/proposals/document';
import { SUBMISSION_FILES_MAX } from '../../../core/review/types';
import { isJsonObject, MAX_BLOB_BYTES, SHA256_PATTERN } from '../../../core/sync/protocol';
import { fieldWords } from '../../../core/sync/record-words';
import type { SqlValue } from '../db/tables';
import { columnKind } from './columns';
import { shapeProblem } from './incoming-shapes';
import { describeContentIssue } from '../content/load-pack';

/**
 * Checks one value that arrived by sync before it is written: its kind must be the column's, JSON
 * must parse, and rich text passes the same check as a body typed on this device (a hostile body
 * from a stolen token is cleaned as a hostile paste would be: an unknown node goes, a bad link
 * keeps its words). A message whose value cannot be made safe is refused, never half applied.
 */
export type Checked =
  /** `text`: rich text's plain text, worked out by the check (the value of its derived column: derived.ts) */
  { ok: true; value: SqlValue; cleaned: boolean; text?: string } | { ok: false; reason: ApiMessage };

const fail = (reason: ApiMessage): Checked => ({ ok: false, reason });
const pass = (value: SqlValue, cleaned = false, text?: string): Checked => ({ ok: true, value, cleaned, ...(text === undefined ? {} : { text }) });

export function checkIncomingValue(table: RecordTable, column: string, value: SqlValue): Checked {
  const kind = columnKind(table, column);
  const field = fieldWords(column);
  if (kind === null) return fail(msg('syncItem.unknownField', { field }));
  const nullable = kind.endsWith('?');
  if (value === null) return nullable ? pass(null) : fail(msg('syncItem.fieldEmpty', { field }));
  const base = kind.replace('?', '');
  if (base === 'int') return typeof value === 'number' && Number.isSafeInteger(value) ? pass(value) : fail(msg('syncItem.fieldNotWhole', { field }));
  if (typeof value !== 'string') return fail(msg('syncItem.fieldNotText', { field }));
  if (base === 'text') return pass(value);
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return fail(msg('syncItem.fieldNotJson', { field }));
  }
  return checkJson(table, column, value, parsed);
}

function checkJson(table: RecordTable, column: string, raw: string, parsed: unknown): Checked {
  const field = fieldWords(column);
  const shapeFailure = (problem: string): Checked => fail(msg('syncItem.fieldShape', { field, problem }));
  if ((table === 'field_notes' || table === 'kb_article_texts') && column === 'body_json') return lexical(raw, column);
  if (table === 'poc_templates' && column === 'template') {
    const result = templateFile.safeParse(parsed);
    const issue = result.error?.issues[0];
    return issue === undefined ? pass(raw) : shapeFailure(issue.path.length > 0 ? `${issue.path.join('.')}: ${describeContentIssue(issue)}` : describeContentIssue(issue));
  }
  const shape = shapeProblem(`${table}.${column}`, parsed);
  if (shape !== null) return shapeFailure(shape);
  // A proposal's sections (and a saved version's) hold rich text of their own.
  if ((table === 'proposals' && column === 'body_json') || (table === 'proposal_versions' && column === 'snapshot')) {
    const value = parsed as { sections: { title: string; bodyJson: string }[] };
    let cleaned = false;
    const sections: unknown[] = [];
    const texts: { title: string; text: string }[] = [];
    for (const [i, section] of value.sections.entries()) {
      const checked = checkProposalDocument(section.bodyJson);
      if (checked.json === null) return fail(msg('syncItem.sectionNotRichText', { field, number: i + 1 }));
      cleaned ||= checked.problems.length > 0;
      sections.push({ ...section, bodyJson: checked.json });
      texts.push({ title: section.title, text: checked.text });
    }
    const text = proposalText(texts);
    return cleaned ? pass(JSON.stringify({ ...value, sections }), true, text) : pass(raw, false, text);
  }
  if (table === 'submissions' && column === 'content') {
    const value = parsed as { bodyJson?: string; files?: unknown };
    const files = checkSubmissionFiles(value.files);
    if (files !== null) return shapeFailure(files);
    if (typeof value.bodyJson === 'string') {
      const checked = checkLexicalDocument(value.bodyJson);
      if (checked.json === null) return fail(msg('syncItem.fieldNotRichText', { field: fieldWords('body_json') }));
      if (checked.problems.length > 0) return pass(JSON.stringify({ ...value, bodyJson: checked.json }), true);
    }
    return pass(raw);
  }
  return pass(raw);
}

/** What is wrong with a submission's file list, or null (absent is fine: older submissions have none). */
function checkSubmissionFiles(files: unknown): string | null {
  if (files === undefined) return null;
  if (!Array.isArray(files) || files.length > SUBMISSION_FILES_MAX) return `files must be a list of at most ${SUBMISSION_FILES_MAX}`;
  for (const [i, f] of files.entries()) {
    if (!isJsonObject(f)) return `files.${i} is not a file`;
    if (typeof f.sha256 !== 'string' || !SHA256_PATTERN.test(f.sha256)) return `files.${i}.sha256 is not a sha256`;
    if (typeof f.name !== 'string' || f.name.length > 255) return `files.${i}.name must be text of at most 255 characters`;
    if (typeof f.mime !== 'string' || !/^[a-z0-9.+-]{1,50}\/[a-z0-9.+-]{1,50}$/.test(f.mime)) return `files.${i}.mime is not a media type`;
    if (typeof f.size !== 'number' || !Number.isSafeInteger(f.size) || f.size < 0 || f.size > MAX_BLOB_BYTES) return `files.${i}.size must be 0 to ${MAX_BLOB_BYTES} bytes`;
  }
  return null;
}

function lexical(raw: string, column: string): Checked {
  const checked = checkLexicalDocument(raw);
  if (checked.json === null) return fail(msg('syncItem.fieldNotRichText', { field: fieldWords(column) }));
  return checked.problems.length > 0 ? pass(checked.json, true, checked.text) : pass(raw, false, checked.text);
}
