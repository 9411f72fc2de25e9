import type { DiffToken, FieldChange, SectionDiff } from '../../core/proposals/types';

/**
 * The side-by-side comparison of two proposal versions: core's word diff of a section becomes a
 * left column (what was there: same + removed) and a right column (what is there: same + added),
 * with neighbouring tokens of the same kind merged so the page has few elements.
 */

export type Run = { text: string; mark: 'same' | 'removed' | 'added' };
export type SideBySide = { left: Run[]; right: Run[] };

function merge(runs: Run[], token: DiffToken, mark: Run['mark']): void {
  const last = runs.at(-1);
  if (last && last.mark === mark) last.text += token.text;
  else runs.push({ text: token.text, mark });
}

export function sideBySide(tokens: readonly DiffToken[]): SideBySide {
  const left: Run[] = [];
  const right: Run[] = [];
  for (const token of tokens) {
    if (token.op !== 'added') merge(left, token, token.op === 'removed' ? 'removed' : 'same');
    if (token.op !== 'removed') merge(right, token, token.op === 'added' ? 'added' : 'same');
  }
  return { left, right };
}

/** Sections worth showing: changed, added or removed ones (unchanged ones are counted, not shown). */
export function changedSections(sections: readonly SectionDiff[]): SectionDiff[] {
  return sections.filter((s) => s.change !== 'same');
}

/** The UI-language label of a changed field: a message key and its number, or null to show core's (English) label. */
export type FieldLabel = { key: string; n?: number };

const SIMPLE_FIELDS: Record<string, string> = {
  title: 'proposals.field.title',
  status: 'proposals.field.status',
  'pricing.currency': 'proposals.field.currency',
  'pricing.taxRate': 'proposals.field.taxRate',
  'pricing.discount': 'proposals.field.discount',
  'timeline.start': 'proposals.field.start',
};

export function fieldLabel(change: FieldChange): FieldLabel | null {
  const simple = SIMPLE_FIELDS[change.path];
  if (simple) return { key: simple };
  // Lines and phases are matched by id; their position is the number at the end of core's label.
  const position = Number(/(\d+)$/.exec(change.label)?.[1] ?? Number.NaN);
  const criterion = /^successCriteria\.(\d+)(?:\.(metric|target|measurement))?$/.exec(change.path);
  if (criterion) return { key: criterion[2] ? `proposals.field.criterion.${criterion[2]}` : 'proposals.field.criterion', n: Number(criterion[1]) + 1 };
  if (Number.isNaN(position)) return null;
  const line = /^pricing\.lines\.[^.]+(?:\.(item|unit|quantity|unitPrice|discountPercent))?$/.exec(change.path);
  if (line) return { key: line[1] ? `proposals.field.line.${line[1]}` : 'proposals.field.line', n: position };
  const phase = /^timeline\.phases\.[^.]+(?:\.(name|weeks|deliverables|milestone))?$/.exec(change.path);
  if (phase) return { key: phase[1] ? `proposals.field.phase.${phase[1]}` : 'proposals.field.phase', n: position };
  return null;
}
