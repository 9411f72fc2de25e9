import { msg, type ApiMessage } from '../api/message';
import type { Question } from '../content/schemas';
import type { Definition, Answers } from './engine';
import { validateAnswer } from './validate-answer';
import type { AnswerValue } from './logic';

export type QuestionChange = { questionId: string; fields: string[] };
export type DefinitionDiff = { added: string[]; removed: string[]; changed: QuestionChange[] };

function questionsById(def: Definition): Map<string, Question> {
  return new Map(def.sections.flatMap((s) => s.questions.map((q) => [q.id, q] as const)));
}

const COMPARED_FIELDS = ['type', 'text', 'help', 'required', 'visibleIf', 'options', 'scale', 'scores', 'yes', 'no', 'number', 'bands', 'maxLength'] as const;

/** Which questions a newer definition version adds, removes or changes, field by field. */
export function diffDefinitions(from: Definition, to: Definition): DefinitionDiff {
  const a = questionsById(from);
  const b = questionsById(to);
  const changed: QuestionChange[] = [];
  for (const [id, next] of b) {
    const prev = a.get(id);
    if (!prev) continue;
    const p = prev as Record<string, unknown>;
    const n = next as Record<string, unknown>;
    const fields = COMPARED_FIELDS.filter((f) => JSON.stringify(p[f]) !== JSON.stringify(n[f]));
    if (fields.length > 0) changed.push({ questionId: id, fields: [...fields] });
  }
  return {
    added: [...b.keys()].filter((id) => !a.has(id)),
    removed: [...a.keys()].filter((id) => !b.has(id)),
    changed,
  };
}

/**
 * Carries a session's answers to a newer definition: answers to removed questions, or that the new
 * question no longer accepts, are set aside (returned, so the UI can show them), never silently lost.
 */
export function carryAnswers(to: Definition, answers: Answers): { kept: Record<string, AnswerValue>; setAside: { questionId: string; value: AnswerValue; reason: ApiMessage }[] } {
  const target = questionsById(to);
  const kept: Record<string, AnswerValue> = {};
  const setAside: { questionId: string; value: AnswerValue; reason: ApiMessage }[] = [];
  for (const [id, value] of Object.entries(answers)) {
    if (value === undefined) continue;
    const q = target.get(id);
    if (!q) {
      setAside.push({ questionId: id, value, reason: msg('answer.questionRemoved') });
      continue;
    }
    const problem = validateAnswer(q, value);
    if (problem) setAside.push({ questionId: id, value, reason: problem });
    else kept[id] = value;
  }
  return { kept, setAside };
}
