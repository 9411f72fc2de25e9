import os from 'node:os';
import type { appCalls } from '../../../core/api/calls/app';
import type { HandlerContext, HandlersFor } from './context';

export function appHandlers(ctx: HandlerContext): HandlersFor<typeof appCalls> {
  return {
    'app.info': () => ({ appVersion: ctx.appVersion, host: ctx.host, dataDir: ctx.dataDir, schemaVersion: ctx.schemaVersion, computerName: os.hostname() }),
  };
}
