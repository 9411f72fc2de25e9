import type { Scenario } from '../../kb/types';
import { noArgs, returns } from './common';

/** The AI scenarios the knowledge is organised by. */
export const scenarioCalls = {
  /** All scenarios with their article counts. */
  'scenarios.list': { args: noArgs, result: returns<Scenario[]>() },
} as const;
