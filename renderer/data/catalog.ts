import type { Scenario } from '../../core/kb/types';
import { useQuery } from './use-query';

const NO_SCENARIOS: Scenario[] = [];

/** The scenarios known so far (empty while loading or after an error); many screens name them. */
export function useScenarios(): Scenario[] {
  return useQuery('scenarios.list', {}).data ?? NO_SCENARIOS;
}
