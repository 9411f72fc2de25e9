import type { AssessmentResult, Answers, Definition } from './engine';
import { isAnswered } from './engine';

/** Progress of a running assessment per visible section, for the runner's section list. */

export type SectionProgress = { id: string; answered: number; total: number; requiredMissing: number };

/** Only visible sections and visible questions count; answers to hidden questions are kept but not counted. */
export function sectionProgress(def: Definition, result: AssessmentResult, answers: Answers): SectionProgress[] {
  const visible = new Set(result.visibleQuestions);
  const missing = new Set(result.requiredMissing);
  return def.sections.flatMap((section) => {
    const shown = section.questions.filter((q) => visible.has(q.id));
    if (shown.length === 0) return [];
    return [
      {
        id: section.id,
        answered: shown.filter((q) => isAnswered(answers[q.id])).length,
        total: shown.length,
        requiredMissing: shown.filter((q) => missing.has(q.id)).length,
      },
    ];
  });
}

/** The visible question after (step 1) or before (step -1) the given one, or null at either end. */
export function adjacentQuestion(result: AssessmentResult, questionId: string, step: 1 | -1): string | null {
  const at = result.visibleQuestions.indexOf(questionId);
  if (at === -1) return result.visibleQuestions[0] ?? null;
  return result.visibleQuestions[at + step] ?? null;
}
