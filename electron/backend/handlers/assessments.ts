import type { assessmentCalls } from '../../../core/api/calls/assessments';
import {
  answerQuestion,
  completeSession,
  listDefinitionQuestions,
  listDefinitions,
  listSessionSummaries,
  noteOnQuestion,
  previewUpgrade,
  sessionDetail,
  startSession,
  upgradeSession,
} from '../services/assessments';
import type { HandlerContext, HandlersFor } from './context';

export function assessmentHandlers(ctx: HandlerContext): HandlersFor<typeof assessmentCalls> {
  return {
    'assessments.definitions': ({ scenario }) => listDefinitions(ctx, scenario),
    'assessments.definitionQuestions': ({ scenarios }) => listDefinitionQuestions(ctx, scenarios),
    'assessments.start': (args) => startSession(ctx, args),
    'assessments.list': (filter) => listSessionSummaries(ctx, filter),
    'assessments.get': ({ id }) => sessionDetail(ctx, id),
    'assessments.answer': (args) => answerQuestion(ctx, args),
    'assessments.note': (args) => noteOnQuestion(ctx, args),
    'assessments.previewUpgrade': ({ sessionId }) => previewUpgrade(ctx, sessionId),
    'assessments.upgrade': (args) => upgradeSession(ctx, args),
    'assessments.complete': (args) => completeSession(ctx, args),
  };
}
