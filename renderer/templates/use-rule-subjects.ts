import { useMemo } from 'react';
import type { ApiError } from '../../core/api/result';
import { ruleSubjects, type RuleSubject } from '../../core/templates/rule-words';
import { useScenarios } from '../data/catalog';
import { useQuery } from '../data/use-query';

export type RuleSubjectsState =
  | { status: 'loading' }
  | { status: 'error'; error: ApiError }
  /** `questions` is false when no assessment of the template's scenarios is on this device (only the scenario can be asked about). */
  | { status: 'ready'; subjects: RuleSubject[]; questions: boolean };

/**
 * What the rules of a template may ask about: the questions of the assessments of its scenarios
 * (every one of them when it covers several, labelled by assessment) and the scenario, named by the
 * scenarios on this device. Nothing is made up when an assessment is missing.
 */
export function useRuleSubjects(scenarios: readonly string[]): RuleSubjectsState {
  const definitions = useQuery('assessments.definitionQuestions', { scenarios: [...scenarios] });
  const known = useScenarios();
  const data = definitions.status === 'ready' ? definitions.data : null;
  const subjects = useMemo(
    () =>
      data === null
        ? null
        : ruleSubjects(
            data,
            scenarios.map((id) => ({ id, name: known.find((s) => s.id === id)?.name ?? { en: id, zh: id } })),
          ),
    [data, scenarios, known],
  );
  if (definitions.status === 'error') return { status: 'error', error: definitions.error };
  if (subjects === null || data === null) return { status: 'loading' };
  return { status: 'ready', subjects, questions: data.some((d) => d.questions.length > 0) };
}
