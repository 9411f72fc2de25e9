import { ApiFailure } from '../../../core/api/result';
import { MAX_IMPORT_DOCX_BYTES, templateCalls, type DocxImportResult, type TemplateDetail } from '../../../core/api/calls/templates';
import type { ParsedArgs } from '../../../core/api/contract';
import { FIXED_TEMPLATE_VARIABLES } from '../../../core/content/template-vars';
import { checkTemplate } from '../../../core/proposals/template-check';
import { transact } from '../db/changes';
import type { Db } from '../db/connection';
import { docxToHtml, templateFromHtml } from '../import/docx-template';
import { listLatestDefinitions } from '../repos/assessment-repo';
import { unknownArticles } from '../repos/risk-repo';
import { listScenarios } from '../repos/scenario-repo';
import { getTemplate, highestTemplateVersion, insertUserTemplate } from '../repos/template-repo';

/** POC templates: every save is a new version (never an overwrite); Word documents become templates. */

export function templateOrFail(db: Db, id: string, version: number | undefined): TemplateDetail {
  const template = getTemplate(db, id, version);
  if (!template) throw new ApiFailure('not_found', `No POC template "${id}"${version === undefined ? '' : ` version ${version}`} on this device.`);
  return template;
}

/** Saves a new version of the template (or of `basedOn`), refused, naming section and field, when a rule is broken. */
export function saveTemplate(db: Db, { basedOn, template }: ParsedArgs<'templates.save'>): TemplateDetail {
  const version = transact(db, () => {
    if (basedOn !== undefined) {
      const base = getTemplate(db, basedOn.id, basedOn.version);
      if (!base) throw new ApiFailure('not_found', `basedOn: no POC template "${basedOn.id}" version ${basedOn.version} on this device; nothing was saved.`);
      // Someone (or sync) saved a newer version of the same template since the editor opened this one.
      const newest = getTemplate(db, basedOn.id);
      if (basedOn.id === template.id && newest && newest.version > basedOn.version) {
        throw new ApiFailure(
          'conflict',
          `Template "${template.id}" has a newer version ${newest.version} than the version ${basedOn.version} you edited; open the newest and apply your change again. Nothing was saved.`,
        );
      }
    }
    const problems = checkTemplate(template, {
      definitions: listLatestDefinitions(db).map((d) => d.definition),
      articleExists: (id) => unknownArticles(db, [id]).length === 0,
    });
    const [first] = problems;
    if (first !== undefined) {
      const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
      throw new ApiFailure('bad_request', `The template was not saved: ${first.message}${more}.`, problems.map((p) => ({ path: `template.${p.path}`, message: p.message })));
    }
    const next = (highestTemplateVersion(db, template.id) ?? 0) + 1;
    insertUserTemplate(db, { ...template, version: next });
    return next;
  });
  return templateOrFail(db, template.id, version);
}

/** A Word document as a new template: sections at headings, variables kept where allowed, the rest reported. */
export async function importDocxTemplate(db: Db, { name, dataBase64, scenarios }: ParsedArgs<'templates.importDocx'>): Promise<DocxImportResult> {
  const bytes = Buffer.from(dataBase64, 'base64');
  if (bytes.length > MAX_IMPORT_DOCX_BYTES) {
    throw new ApiFailure('too_large', `“${name}” is larger than ${MAX_IMPORT_DOCX_BYTES / 1024 / 1024} MB; split the document or remove large pictures. Nothing was imported.`);
  }
  const onDevice = listScenarios(db).map((s) => s.id);
  const unknown = (scenarios ?? []).filter((s) => !onDevice.includes(s));
  if (unknown.length > 0) {
    throw new ApiFailure('bad_request', `scenarios: no scenario "${unknown[0]}" on this device; nothing was imported.`, [{ path: 'scenarios', message: `names unknown scenario "${unknown[0]}"` }]);
  }
  const chosen = scenarios ?? onDevice;
  if (chosen.length === 0) throw new ApiFailure('conflict', 'There are no scenarios on this device yet (the content pack is not imported); nothing was imported.');
  const definitions = listLatestDefinitions(db).filter((d) => chosen.includes(d.definition.scenario));
  const variables = [
    ...FIXED_TEMPLATE_VARIABLES,
    ...definitions.flatMap((d) => d.definition.sections.flatMap((s) => s.questions.map((q) => `answer.${q.id}`))),
    ...definitions.flatMap((d) => d.definition.dimensions.map((x) => `assessment.score.${x.id}`)),
  ];
  const html = await docxToHtml(name, bytes);
  const draft = templateFromHtml(html, { fileName: name, scenarios: chosen, variables });
  // The same schema and limits as a template saved in the editor (at most 200 sections, 2 MB).
  const parsed = templateCalls['templates.save'].args.safeParse({ template: draft.template });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const what = `${issue?.path.join('.') ?? 'template'} ${issue?.message ?? 'is not valid'}`;
    const tooLarge = /more than|larger than/.test(what);
    throw new ApiFailure(tooLarge ? 'too_large' : 'bad_file', `“${name}” makes a template that cannot be stored: ${what}.${tooLarge ? ' Split the document.' : ''} Nothing was imported.`);
  }
  return { template: saveTemplate(db, parsed.data), problems: draft.problems };
}
