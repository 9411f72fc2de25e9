import type { settingsCalls } from '../../../core/api/calls/settings';
import { readSettings, writeSettings } from '../repos/settings-repo';
import type { HandlerContext, HandlersFor } from './context';

export function settingsHandlers({ db }: HandlerContext): HandlersFor<typeof settingsCalls> {
  return {
    'settings.get': () => readSettings(db),
    'settings.update': (args) => writeSettings(db, args),
  };
}
