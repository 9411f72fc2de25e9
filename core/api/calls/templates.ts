import { z } from 'zod';
import type { Localized } from '../../i18n';
import type { Origin } from '../../kb/types';
import { contentId, templateFile, type TemplateFile } from '../../content/schemas';
import { id, returns } from './common';

/** POC proposal templates: from the content pack, editable in the app; every save is a new version. */

export type TemplateSummary = { id: string; version: number; title: Localized; scenarios: string[] };

export type TemplateVersionSummary = { version: number; origin: Origin; updatedAt: string };

/** One version of a template, with every version of it listed (newest first). */
export type TemplateDetail = {
  id: string;
  version: number;
  origin: Origin;
  updatedAt: string;
  template: TemplateFile;
  versions: TemplateVersionSummary[];
};

/** Largest template accepted (its JSON); a pack template is a few tens of kB. */
export const MAX_TEMPLATE_JSON_CHARS = 2 * 1024 * 1024;
export const MAX_TEMPLATE_SECTIONS = 200;

export const templateCalls = {
  /** The newest version of each POC template, optionally only those for one scenario, by title. */
  'templates.list': { args: z.object({ scenario: id.optional() }).strict(), result: returns<TemplateSummary[]>() },
  /** One template (the newest version, or the one asked for) with all its versions listed. */
  'templates.get': {
    args: z.object({ id: contentId, version: z.number().int().min(1).max(1_000_000).optional() }).strict(),
    result: returns<TemplateDetail>(),
  },
  /**
   * Saves a template as a NEW version (never overwrites one): the next version of `template.id`, or of
   * `basedOn.id` when given. Refused, naming section and field, when a rule is broken or a variable unknown.
   */
  'templates.save': {
    args: z
      .object({
        basedOn: z.object({ id: contentId, version: z.number().int().min(1).max(1_000_000) }).strict().optional(),
        template: templateFile
          .refine((t) => t.sections.length <= MAX_TEMPLATE_SECTIONS, `has more than ${MAX_TEMPLATE_SECTIONS} sections`)
          .refine((t) => JSON.stringify(t).length <= MAX_TEMPLATE_JSON_CHARS, 'is larger than 2 MB'),
      })
      .strict(),
    result: returns<TemplateDetail>(),
  },
} as const;
