import { msg, type ApiMessage } from '../../../core/api/message';
import { ApiFailure, fieldFailure, issue } from '../../../core/api/result';
import { describeIssues } from '../../../core/api/issues';
import { templateCalls, type DocxImportResult, type TemplateDetail } from '../../../core/api/calls/templates';
import { MAX_IMPORT_DOCX_BYTES } from '../../../core/api/limits';
import type { ParsedArgs } from '../../../core/api/contract';
import { FIXED_TEMPLATE_VARIABLES } from '../../../core/content/template-vars';
import { checkTemplate } from '../../../core/proposals/template-check';
import { transact } from '../db/changes';
import type { Db } from '../db/connection';
import { readDocxInWorker } from '../import/docx-thread';
import type { ServiceContext } from './context';
import { listLatestDefinitions } from '../repos/assessment-repo';
import { unknownArticles } from '../repos/risk-repo';
import { listScenarios } from '../repos/scenario-repo';
import { getTemplate, highestTemplateVersion, insertUserTemplate } from '../repos/template-repo';
import { bufferOf } from './attachments';
import { managerOrFail } from './roles';
import { assignSpace } from '../sync/outbox';
import { PUBLISHED_SPACE } from '../../../core/sync/spaces';

/** POC templates: every save is a new version (never an overwrite); Word documents become templates. */

export function templateOrFail(db: Db, id: string, version: number | undefined): TemplateDetail {
  const template = getTemplate(db, id, version);
  if (!template) throw new ApiFailure('not_found', version === undefined ? msg('error.noTemplate', { id }) : msg('error.noTemplateVersion', { id, version }));
  return template;
}

/** Saves a new version of the template (or of `basedOn`), refused, naming section and field, when a rule is broken. */
export function saveTemplate(db: Db, { basedOn, template }: ParsedArgs<'templates.save'>): TemplateDetail {
  const version = transact(db, () => {
    if (basedOn !== undefined) {
      const base = getTemplate(db, basedOn.id, basedOn.version);
      if (!base) throw fieldFailure('basedOn', msg('issue.noSuchTemplateVersion', { id: basedOn.id, version: basedOn.version }));
      // Someone (or sync) saved a newer version of the same template since the editor opened this one.
      const newest = getTemplate(db, basedOn.id);
      if (basedOn.id === template.id && newest && newest.version > basedOn.version) {
        throw new ApiFailure('conflict', msg('error.templateHasNewer', { id: template.id, newest: newest.version, edited: basedOn.version }));
      }
    }
    const problems = checkTemplate(template, {
      definitions: listLatestDefinitions(db).map((d) => d.definition),
      articleExists: (id) => unknownArticles(db, [id]).length === 0,
    });
    const [first] = problems;
    if (first !== undefined) {
      const problem: ApiMessage = first.message;
      const detail = problems.length > 1 ? msg('error.templateRefusedMore', { problem, more: problems.length - 1 }) : msg('error.templateRefused', { problem });
      throw new ApiFailure('bad_request', detail, problems.map((p) => issue(`template.${p.path}`, p.message)));
    }
    const next = (highestTemplateVersion(db, template.id) ?? 0) + 1;
    insertUserTemplate(db, { ...template, version: next });
    return next;
  });
  return templateOrFail(db, template.id, version);
}

/**
 * Publishes a version of a template to every device, as its next version in the published space.
 * Devices take it by version (sync/apply.ts), beside their content pack's and their own versions.
 */
export function publishTemplate(db: Db, { id, version }: ParsedArgs<'templates.publish'>): TemplateDetail {
  managerOrFail(db, msg('error.templatePublishNotManager'));
  const published = transact(db, () => {
    const base = templateOrFail(db, id, version);
    if (base.versions.find((v) => v.version === version)?.published === true) throw new ApiFailure('conflict', msg('error.templateAlreadyPublished', { id, version }));
    const next = (highestTemplateVersion(db, id) ?? 0) + 1;
    assignSpace(db, 'poc_templates', `${id}/${next}`, PUBLISHED_SPACE);
    insertUserTemplate(db, { ...base.template, version: next });
    return next;
  });
  return templateOrFail(db, id, published);
}

/**
 * A Word document as a new template: sections at headings, variables kept where allowed, the rest
 * reported. It is read in a worker thread within the zip, heap and time limits (import/docx-thread.ts).
 */
export async function importDocxTemplate({ db, docxReader }: Pick<ServiceContext, 'db' | 'docxReader'>, { name, data, scenarios }: ParsedArgs<'templates.importDocx'>): Promise<DocxImportResult> {
  const bytes = bufferOf(data);
  if (bytes.length > MAX_IMPORT_DOCX_BYTES) {
    throw new ApiFailure('too_large', msg('error.docxTooLarge', { name, max: MAX_IMPORT_DOCX_BYTES / 1024 / 1024 }));
  }
  const onDevice = listScenarios(db).map((s) => s.id);
  const unknown = (scenarios ?? []).filter((s) => !onDevice.includes(s));
  const [unknownScenario] = unknown;
  if (unknownScenario !== undefined) throw fieldFailure('scenarios', msg('issue.unknownScenario', { id: unknownScenario }));
  const chosen = scenarios ?? onDevice;
  if (chosen.length === 0) throw new ApiFailure('conflict', msg('error.noScenariosYet'));
  const definitions = listLatestDefinitions(db).filter((d) => chosen.includes(d.definition.scenario));
  const variables = [
    ...FIXED_TEMPLATE_VARIABLES,
    ...definitions.flatMap((d) => d.definition.sections.flatMap((s) => s.questions.map((q) => `answer.${q.id}`))),
    ...definitions.flatMap((d) => d.definition.dimensions.map((x) => `assessment.score.${x.id}`)),
  ];
  const draft = await readDocxInWorker({ name, bytes, scenarios: chosen, variables }, docxReader);
  // The same schema and limits as a template saved in the editor (at most 200 sections, 2 MB).
  const parsed = templateCalls['templates.save'].args.safeParse({ template: draft.template });
  if (!parsed.success) {
    const [first] = describeIssues(parsed.error, { template: draft.template });
    const field = first?.path ?? 'template';
    const problem: ApiMessage = first ? { key: first.key, params: first.params } : msg('issue.invalid');
    const tooLarge = first !== undefined && ['issue.tooMany', 'issue.tooLong', 'issue.templateTooLarge', 'issue.templateTooManySections'].includes(first.key);
    throw new ApiFailure(tooLarge ? 'too_large' : 'bad_file', tooLarge ? msg('error.importTooBig', { name, field, problem }) : msg('error.importMakesBadTemplate', { name, field, problem }));
  }
  return { template: saveTemplate(db, parsed.data), problems: draft.problems };
}
