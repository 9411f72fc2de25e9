import { z } from 'zod';
import type { Localized } from '../../i18n';
import { id, returns } from './common';

/** POC proposal templates from the content pack (read-only here; proposals use them). */

export type TemplateSummary = { id: string; version: number; title: Localized; scenarios: string[] };

export const templateCalls = {
  /** The newest version of each POC template, optionally only those for one scenario, by title. */
  'templates.list': { args: z.object({ scenario: id.optional() }).strict(), result: returns<TemplateSummary[]>() },
} as const;
