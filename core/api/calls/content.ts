import { noArgs, returns } from './common';
import type { ContentStatus } from '../types';

/** The bundled content pack. */
export const contentCalls = {
  /** What the bundled content pack brought, and any problems in its files. */
  'content.status': { args: noArgs, result: returns<ContentStatus>() },
} as const;
