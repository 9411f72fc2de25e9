import type { Rule } from '../../core/content/schemas';
import {
  inputOf,
  modelToRule,
  readConditionInput,
  ruleToModel,
  type ConditionInput,
  type ConditionProblem,
  type RuleCondition,
  type RuleModel,
  type RuleSubject,
} from '../../core/templates/rule-words';
import { parseRuleText, ruleText } from './template-form';

/**
 * One section's rule in the editor: the JSON text (what is saved, as today) and, once the builder
 * has been used, the builder's own rows — which may hold what JSON cannot (a number still being
 * typed, a question not chosen yet). Without rows of its own the builder shows the text.
 */
export type BuilderDraft = { mode: 'always' | 'when'; join: RuleModel['join']; rows: ConditionInput[] };
export type RuleEdit = { text: string; draft: BuilderDraft | null };

export type BuilderView = { kind: 'builder'; draft: BuilderDraft } | { kind: 'complex'; rule: Rule } | { kind: 'invalid' };

export function ruleEditOf(rule: Rule | undefined): RuleEdit {
  return { text: ruleText(rule), draft: null };
}

export function draftOf(model: RuleModel): BuilderDraft {
  return { mode: model.conditions.length > 0 ? 'when' : 'always', join: model.join, rows: model.conditions.map(inputOf) };
}

/** What the builder shows: its rows, or — for JSON it cannot show as written — why not. */
export function builderView(edit: RuleEdit, subjects: readonly RuleSubject[]): BuilderView {
  if (edit.draft) return { kind: 'builder', draft: edit.draft };
  const parsed = parseRuleText(edit.text);
  if (!parsed.ok) return { kind: 'invalid' };
  const model = ruleToModel(parsed.rule, subjects);
  if (model) return { kind: 'builder', draft: draftOf(model) };
  return parsed.rule === undefined ? { kind: 'builder', draft: draftOf({ join: 'all', conditions: [] }) } : { kind: 'complex', rule: parsed.rule };
}

/** Each row's problem (null when it reads). */
export function rowProblems(draft: BuilderDraft, subjects: readonly RuleSubject[]): (ConditionProblem | null)[] {
  if (draft.mode === 'always') return [];
  return draft.rows.map((row) => {
    const read = readConditionInput(row, subjects);
    return read.ok ? null : read.problem;
  });
}

/**
 * A change made in the builder. The JSON follows whenever every row reads; while one does not, the
 * JSON keeps the last rule that did and the row says what is wrong (saving waits for it).
 */
export function editFromDraft(previous: RuleEdit, draft: BuilderDraft, subjects: readonly RuleSubject[]): RuleEdit {
  if (draft.mode === 'always') return { text: '', draft };
  const conditions: RuleCondition[] = [];
  for (const row of draft.rows) {
    const read = readConditionInput(row, subjects);
    if (!read.ok) return { text: previous.text, draft };
    conditions.push(read.condition);
  }
  return { text: ruleText(modelToRule({ join: draft.join, conditions })), draft };
}
