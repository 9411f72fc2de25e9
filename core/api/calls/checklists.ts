import { z } from 'zod';
import type { Checklist, ChecklistSummary } from '../../risks/types';
import { id, returns } from './common';

/** Risk checklists from the content pack (later the published knowledge space). */

export const checklistCalls = {
  /** Risk checklists, optionally only those meant for a scenario (checklists for every scenario included). */
  'checklists.list': {
    args: z.object({ scenario: id.optional() }).strict(),
    result: returns<ChecklistSummary[]>(),
  },
  /** One checklist with its items, in both languages. */
  'checklists.get': { args: z.object({ id }).strict(), result: returns<Checklist>() },
} as const;
