import { msg, type ApiMessage } from '../api/message';
import { NOTE_RULES } from '../notes/lexical-document';
import { checkRichText, type CheckedDocument, type RichTextRules } from '../richtext/check';
import type { RichNode } from '../richtext/walk';
import { parseProvenance } from './provenance';
import {
  MAX_PROPOSAL_SECTION_JSON_BYTES,
  MAX_TABLE_ROWS,
  PROVENANCE_STATE_KEY,
  VARIABLE_NODE_TYPE,
  VARIABLE_REASONS,
} from './types';

/**
 * The rules of a proposal section body from the renderer (or a restored version): what notes
 * allow, plus the VariableNode and the provenance NodeState, tables of at most MAX_TABLE_ROWS
 * rows, and 2 MB per section. The check itself is core/richtext/check.ts.
 */

const REASONS = new Set<string>(VARIABLE_REASONS);
/**
 * A variable's name: letters of any script, digits and `_`, then also `.` and `-` (`answer.site-count`,
 * `客户.名称`), at most 100 characters. Nothing that Markdown, HTML or a Word field could read as
 * syntax, so every writer can put a name out as it is.
 */
export const VARIABLE_NAME = /^[\p{L}\p{N}_][\p{L}\p{N}_.-]{0,99}$/u;

function checkVariableNode(node: RichNode): { node: RichNode | null; problems: ApiMessage[] } {
  const name = typeof node.name === 'string' ? node.name.trim() : '';
  if (!VARIABLE_NAME.test(name)) return { node: null, problems: [msg('rich.variableWithoutName')] };
  const reason = typeof node.reason === 'string' && REASONS.has(node.reason) ? node.reason : 'unknown';
  const out: RichNode = { type: VARIABLE_NODE_TYPE, version: 1, name, reason };
  if (typeof node.suggestion === 'string' && VARIABLE_NAME.test(node.suggestion)) out.suggestion = node.suggestion;
  return { node: out, problems: [] };
}

function checkState(state: unknown): { state: RichNode | undefined; problems: ApiMessage[] } {
  if (typeof state !== 'object' || state === null || Array.isArray(state)) return { state: undefined, problems: [msg('rich.stateNotObject')] };
  const problems: ApiMessage[] = [];
  const out: RichNode = {};
  for (const [key, value] of Object.entries(state)) {
    if (key !== PROVENANCE_STATE_KEY) {
      problems.push(msg('rich.stateNotKept', { key: key.slice(0, 40) }));
      continue;
    }
    const parsed = parseProvenance(value);
    problems.push(...parsed.problems);
    if (parsed.provenance.length > 0) out[PROVENANCE_STATE_KEY] = parsed.provenance;
  }
  return { state: Object.keys(out).length > 0 ? out : undefined, problems };
}

export const PROPOSAL_DOCUMENT_RULES: RichTextRules = {
  what: 'docKind.proposalSection',
  maxBytes: MAX_PROPOSAL_SECTION_JSON_BYTES,
  links: NOTE_RULES.links,
  extraNodeTypes: [VARIABLE_NODE_TYPE],
  maxTableRows: MAX_TABLE_ROWS,
  checkState,
  checkExtraNode: checkVariableNode,
};

/** Checks one section body; problems name the place and what is wrong. */
export function checkProposalDocument(json: string): CheckedDocument {
  return checkRichText(json, PROPOSAL_DOCUMENT_RULES);
}

/** A proposal's plain text (search, excerpts): each section's title and words, in order. */
export function proposalText(sections: readonly { title: string; text: string }[]): string {
  return sections
    .flatMap((s) => [s.title, s.text])
    .filter((t) => t !== '')
    .join('\n\n');
}
