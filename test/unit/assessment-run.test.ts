import { describe, expect, it } from 'vitest';
import { checkDefinition, evaluateAssessment, findQuestion, type Answers } from '../../core/assessment/engine';
import { adjacentQuestion, sectionProgress } from '../../core/assessment/progress';
import { validateAnswer } from '../../core/assessment/validate-answer';
import { syntheticAnswer, syntheticDefinition } from '../helpers/synthetic-definition';

describe('section progress and navigation', () => {
  const def = syntheticDefinition(60);

  it('counts only visible sections and questions; hidden answers are kept but not counted', () => {
    const none = evaluateAssessment(def, {});
    // Sections 1 and 2 wait for their gate question ("q-0", "q-20") to be answered yes.
    expect(sectionProgress(def, none, {}).map((s) => s.id)).toEqual(['section-0']);
    const answers: Answers = { 'q-0': true, 'q-1': 'b', 'q-21': 'c' };
    const open = evaluateAssessment(def, answers);
    const progress = sectionProgress(def, open, answers);
    expect(progress.map((s) => [s.id, s.answered])).toEqual([
      ['section-0', 2],
      ['section-1', 1],
    ]);
    const closed: Answers = { ...answers, 'q-0': false };
    expect(sectionProgress(def, evaluateAssessment(def, closed), closed).map((s) => [s.id, s.answered])).toEqual([['section-0', 2]]);
  });

  it('counts required questions still missing per section', () => {
    const answers: Answers = { 'q-0': true };
    const progress = sectionProgress(def, evaluateAssessment(def, answers), answers);
    // Every fifth question is required: q-5 and q-10 in section 0 (q-15 waits for q-14), and
    // q-20, q-25, q-30 in the section q-0 opened (q-35 waits for q-34).
    expect(progress.map((s) => [s.id, s.requiredMissing])).toEqual([
      ['section-0', 2],
      ['section-1', 3],
    ]);
  });

  it('steps through visible questions only', () => {
    const result = evaluateAssessment(def, {});
    // q-3 is shown only once q-2 is answered.
    expect(adjacentQuestion(result, 'q-2', 1)).toBe('q-4');
    expect(adjacentQuestion(result, 'q-4', -1)).toBe('q-2');
    expect(adjacentQuestion(result, 'q-0', -1)).toBeNull();
    expect(adjacentQuestion(result, 'q-18', 1)).toBeNull(); // q-19 waits for q-18, section 1 for q-0
    expect(adjacentQuestion(result, 'not-visible', 1)).toBe('q-0');
  });
});

describe('synthetic definition for the benchmark', () => {
  it('is a sound 300-question definition whose generated answers all validate', () => {
    const def = syntheticDefinition(300);
    expect(checkDefinition(def)).toEqual([]);
    const questions = def.sections.flatMap((s) => s.questions);
    expect(questions).toHaveLength(300);
    expect(new Set(questions.map((q) => q.type)).size).toBe(8);
    const answers: Record<string, unknown> = {};
    questions.forEach((q, i) => {
      const value = syntheticAnswer(q, i);
      expect(validateAnswer(q, value), q.id).toBeNull();
      answers[q.id] = value;
    });
    const result = evaluateAssessment(def, answers as Answers);
    expect(result.visibleQuestions).toHaveLength(300);
    expect(result.overall).not.toBeNull();
    expect(findQuestion(def, 'q-295')?.type).toBe('evidence'); // 295 % 8 === 7
  });
});

describe('definition problems name where and what', () => {
  it('finds a section whose rule reads its own questions (a cycle) and recommendations on unknown questions', () => {
    const def = syntheticDefinition(40);
    const second = def.sections[1];
    if (second) second.visibleIf = { '==': [{ var: 'q-24' }, true] };
    const rec = def.recommendations[0];
    if (rec) rec.when = { '==': [{ var: 'q-999' }, true] };
    expect(checkDefinition(def)).toEqual([
      { path: 'sections.1.visibleIf', message: 'refers to question "q-24", which is not asked before it (skip logic must not form a cycle)' },
      { path: 'recommendations.0.when', message: 'refers to unknown question "q-999"' },
    ]);
  });
});
