import { z } from 'zod';
import { LANGS, type Localized } from '../../i18n';
import type { Origin } from '../../kb/types';
import { contentId, templateFile, type TemplateFile } from '../../content/schemas';
import type { ImportProblem } from '../../templates/docx-import';
import type { TemplateDiff } from '../../templates/diff';
import type { HeldBackUpdate } from '../types';
import { MAX_IMPORT_DOCX_BYTES, MAX_TEMPLATE_JSON_CHARS, MAX_TEMPLATE_SECTIONS } from '../limits';
import { bytes, id, returns } from './common';

/** POC proposal templates: from the content pack, editable in the app (every save is a new version), imported from Word. */

export type TemplateSummary = { id: string; version: number; title: Localized; scenarios: string[] };

/** `published`: the version is in the published space, so every device has it (a knowledge manager published it). */
export type TemplateVersionSummary = { version: number; origin: Origin; updatedAt: string; published: boolean };

/** One version of a template, with every version of it listed (newest first). */
export type TemplateDetail = {
  id: string;
  version: number;
  origin: Origin;
  updatedAt: string;
  template: TemplateFile;
  versions: TemplateVersionSummary[];
};


/** A newer version of a template from the content pack, held back because the template was edited on this device. */
export type TemplatePackUpdate = {
  id: string;
  /** The template's version in the content pack. */
  packVersion: number;
  reason: HeldBackUpdate['reason'];
  heldAt: string;
  /** The version it is compared with: the newest one on this device (null when none is left). */
  current: TemplateVersionSummary | null;
  /** The version number taking it stores it under (the user's versions stay as they are). */
  nextVersion: number;
  /** The pack's template. */
  template: TemplateFile;
  /** From the current version to the pack's, in the language asked for; null without a current version. */
  diff: TemplateDiff | null;
};

export type DocxImportResult = {
  /** The template as stored (a new user template, or the next version of one with the same id). */
  template: TemplateDetail;
  /** What could not be carried over as it was, each naming the section. */
  problems: ImportProblem[];
};

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
          .refine((t) => t.sections.length <= MAX_TEMPLATE_SECTIONS, { message: 'issue.templateTooManySections', params: { max: MAX_TEMPLATE_SECTIONS } })
          .refine((t) => JSON.stringify(t).length <= MAX_TEMPLATE_JSON_CHARS, { message: 'issue.templateTooLarge', params: { max: MAX_TEMPLATE_JSON_CHARS / 1024 / 1024 } }),
      })
      .strict(),
    result: returns<TemplateDetail>(),
  },
  /**
   * A knowledge manager publishes a version of a template to every device: it is stored as the
   * template's next version in the published space (the version it was published from stays as
   * it is). Refused for other roles, a device not connected, and a version already published.
   */
  'templates.publish': {
    args: z.object({ id: contentId, version: z.number().int().min(1).max(1_000_000) }).strict(),
    result: returns<TemplateDetail>(),
  },
  /** The content pack's newer version of a template, held back because it was edited here, compared with the newest version; null when none waits. */
  'templates.packUpdate': {
    args: z.object({ id: contentId, lang: z.enum(LANGS) }).strict(),
    result: returns<TemplatePackUpdate | null>(),
  },
  /**
   * Takes the held-back pack version as a NEW version of the template (every existing version stays);
   * refused with `conflict` when the pack has since offered a different version than `packVersion`.
   */
  'templates.takePackUpdate': {
    args: z.object({ id: contentId, packVersion: z.number().int().min(1).max(1_000_000) }).strict(),
    result: returns<TemplateDetail>(),
  },
  /** Imports a Word document as a new POC template draft (sections at Heading 1/2); refused with bad_file when it is not one. */
  'templates.importDocx': {
    args: z
      .object({
        name: z
          .string()
          .trim()
          .min(1)
          .max(255)
          .regex(/\.docx$/i, 'issue.notDocxName'),
        /** The Word document's bytes. */
        data: bytes(MAX_IMPORT_DOCX_BYTES, { tooLarge: 'issue.fileTooLargeMb', empty: 'issue.fileEmpty' }),
        /** The scenarios the template is for; every scenario on this device when left out. */
        scenarios: z.array(contentId).min(1, 'issue.noScenario').max(50).optional(),
      })
      .strict(),
    result: returns<DocxImportResult>(),
  },
} as const;
