import type { scenarioCalls } from '../../../core/api/calls/scenarios';
import { listScenarios } from '../repos/scenario-repo';
import type { HandlerContext, HandlersFor } from './context';

export function scenarioHandlers({ db }: HandlerContext): HandlersFor<typeof scenarioCalls> {
  return {
    'scenarios.list': () => listScenarios(db),
  };
}
