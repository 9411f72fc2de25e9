import type { templateCalls } from '../../../core/api/calls/templates';
import { listTemplates } from '../repos/template-repo';
import { importDocxTemplate, publishTemplate, saveTemplate, templateOrFail } from '../services/templates';
import { takeTemplateUpdate, templatePackUpdate } from '../services/pack-updates';
import type { HandlerContext, HandlersFor } from './context';

export function templateHandlers({ db, docxReader }: HandlerContext): HandlersFor<typeof templateCalls> {
  return {
    'templates.list': ({ scenario }) => listTemplates(db, scenario),
    'templates.get': ({ id, version }) => templateOrFail(db, id, version),
    'templates.save': (args) => saveTemplate(db, args),
    'templates.publish': (args) => publishTemplate(db, args),
    'templates.importDocx': (args) => importDocxTemplate({ db, docxReader }, args),
    'templates.packUpdate': ({ id, lang }) => templatePackUpdate(db, id, lang),
    'templates.takePackUpdate': (args) => takeTemplateUpdate(db, args, new Date()),
  };
}
