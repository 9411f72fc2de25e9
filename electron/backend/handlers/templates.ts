import { ApiFailure } from '../../../core/api/result';
import type { templateCalls } from '../../../core/api/calls/templates';
import { checkTemplate } from '../../../core/proposals/template-check';
import { listLatestDefinitions } from '../repos/assessment-repo';
import { nowIso } from '../repos/ids';
import { unknownArticles } from '../repos/risk-repo';
import { getTemplate, highestTemplateVersion, insertUserTemplate, listTemplates } from '../repos/template-repo';
import type { HandlerContext, HandlersFor } from './context';

export function templateHandlers({ db }: HandlerContext): HandlersFor<typeof templateCalls> {
  return {
    'templates.list': ({ scenario }) => listTemplates(db, scenario),
    'templates.get': ({ id, version }) => {
      const template = getTemplate(db, id, version);
      if (!template) throw new ApiFailure('not_found', `No POC template "${id}"${version === undefined ? '' : ` version ${version}`} on this device.`);
      return template;
    },
    'templates.save': ({ basedOn, template }) => {
      if (basedOn !== undefined) {
        const base = getTemplate(db, basedOn.id, basedOn.version);
        if (!base) throw new ApiFailure('not_found', `basedOn: no POC template "${basedOn.id}" version ${basedOn.version} on this device; nothing was saved.`);
        // Someone (or sync) saved a newer version of the same template since the editor opened this one.
        const newest = getTemplate(db, basedOn.id);
        if (basedOn.id === template.id && newest && newest.version > basedOn.version) {
          throw new ApiFailure('conflict', `Template "${template.id}" has a newer version ${newest.version} than the version ${basedOn.version} you edited; open the newest and apply your change again. Nothing was saved.`);
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
      const version = (highestTemplateVersion(db, template.id) ?? 0) + 1;
      db.transaction(() => insertUserTemplate(db, { ...template, version }, nowIso()))();
      const saved = getTemplate(db, template.id, version);
      if (!saved) throw new Error(`template ${template.id} version ${version} vanished after it was written`);
      return saved;
    },
  };
}
