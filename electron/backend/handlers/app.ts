import type { appCalls } from '../../../core/api/calls/app';
import { readSettings, writeSettings } from '../repos/settings-repo';
import { contentStatus } from '../repos/content-repo';
import { listScenarios } from '../repos/scenario-repo';
import type { HandlerContext, HandlersFor } from './context';

export function appHandlers(ctx: HandlerContext): HandlersFor<typeof appCalls> {
  const { db } = ctx;
  return {
    'app.info': () => ({ appVersion: ctx.appVersion, host: ctx.host, dataDir: ctx.dataDir, schemaVersion: ctx.schemaVersion }),
    'settings.get': () => readSettings(db),
    'settings.update': (args) => writeSettings(db, args),
    'content.status': () => contentStatus(db),
    'scenarios.list': () => listScenarios(db),
  };
}
