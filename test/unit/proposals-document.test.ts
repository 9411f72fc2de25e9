import { describe, expect, it } from 'vitest';
import { formatApiMessage, msg, type ApiMessage } from '../../core/api/message';

const en = (message: ApiMessage): string => formatApiMessage(message, 'en');
const firstProblem = (checked: { problems: { message: ApiMessage }[] }): string => {
  const [first] = checked.problems;
  return first ? en(first.message) : '';
};
import { checkProposalDocument } from '../../core/proposals/document';
import { documentJson, paragraph, table, textNode } from '../../core/richtext/build';
import { parseProvenance, withProvenance } from '../../core/proposals/provenance';
import { checkLexicalDocument } from '../../core/notes/lexical-document';
import { MAX_TABLE_ROWS } from '../../core/proposals/types';

describe('proposal document check', () => {
  it('accepts the editor nodes, VariableNodes and provenance state, and gives their text', () => {
    const body = documentJson([
      withProvenance(paragraph([textNode('Dear '), { type: 'variable', version: 1, name: 'customer.name', reason: 'no-value' }]), [{ kind: 'template', ref: 't@1#intro', label: 'Intro' }]),
    ]);
    const checked = checkProposalDocument(body);
    expect(checked.problems).toEqual([]);
    expect(checked.text).toBe('Dear {{customer.name}}');
    expect(JSON.parse(checked.json ?? '{}').root.children[0].$).toEqual({ provenance: [{ kind: 'template', ref: 't@1#intro', label: 'Intro' }] });
  });

  it('refuses state other than provenance, malformed provenance and variables without a name', () => {
    const body = documentJson([
      { ...paragraph([textNode('x')]), $: { provenance: [{ kind: 'magic', ref: 'x' }], color: 'red' } },
      paragraph([{ type: 'variable', version: 1, name: '{{}}', reason: 'unknown' }]),
    ]);
    const messages = checkProposalDocument(body).problems.map((p) => `${p.path}: ${en(p.message)}`);
    expect(messages).toEqual([
      expect.stringMatching(/^root\.children\.0\.\$: provenance entry 1 has the kind "magic"/),
      'root.children.0.$: node state "color" is not one proposals keep; it was left out',
      'root.children.1.children.0: is a variable whose name is missing or not allowed: 1 to 100 letters, digits, “_”, “.” or “-”, starting with a letter, digit or “_”',
    ]);
  });

  it('refuses a pasted table of 2,000 rows with a clear message, quickly', () => {
    const rows = Array.from({ length: 2000 }, (_, i) => [`Row ${i}`, String(i)]);
    const checked = checkProposalDocument(documentJson([table(['Name', 'Value'], rows)]));
    expect(checked.problems.map((p) => en(p.message))).toEqual([
      `Tables can have at most ${MAX_TABLE_ROWS} rows; this one has 2,001. Split it or attach the data as a file.`,
    ]);
  });

  it('allows a section up to 2 MB and names the size above it', () => {
    const big = documentJson([paragraph([textNode('字'.repeat(800_000))])]);
    expect(firstProblem(checkProposalDocument(big))).toMatch(/^This proposal section is 2\.3 MB; it can be at most 2 MB/);
  });

  it('leaves notes as they were: no variables there', () => {
    const body = documentJson([paragraph([{ type: 'variable', version: 1, name: 'x', reason: 'unknown' }])]);
    expect(firstProblem(checkLexicalDocument(body))).toContain('which a note does not allow');
  });

  it('parses provenance for the editor NodeState', () => {
    expect(parseProvenance([{ kind: 'answer', ref: 'q1', label: 'Q = 1' }, 'junk'])).toEqual({
      provenance: [{ kind: 'answer', ref: 'q1', label: 'Q = 1' }],
      problems: [msg('provenance.notObject', { entry: 2 })],
    });
    expect(parseProvenance(undefined)).toEqual({ provenance: [], problems: [] });
  });
});
