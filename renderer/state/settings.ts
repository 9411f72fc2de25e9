import { create } from 'zustand';
import type { Settings } from '../../core/api/contract';
import { langOfLocales, type Lang } from '../../core/i18n';
import type { ApiError } from '../../core/api/result';
import { callSafe } from '../lib/api';

export type SettingsProblem = { kind: 'load' | 'save'; error: ApiError };

type SettingsState = {
  settings: Settings;
  /** False until the first `settings.get` answered (successfully or not). */
  loaded: boolean;
  problem: SettingsProblem | null;
  load(): Promise<void>;
  update(changes: Partial<Settings>): Promise<void>;
  dismissProblem(): void;
};

/** The system's language (Electron: the operating system's; a browser: its preferred languages). */
export function systemLanguage(): Lang {
  return langOfLocales(typeof navigator === 'undefined' ? [] : navigator.languages);
}

/**
 * The preferences as the app uses them: a language the user never chose follows the system's, so
 * a consultant's first start on a Chinese system is in Chinese.
 */
export function effectiveSettings(stored: Settings, system: Lang): Settings {
  return stored.languageChosen ? stored : { ...stored, language: system };
}

/** What the app uses before the stored preferences arrive, or when they cannot be read. */
export const DEFAULT_SETTINGS: Settings = effectiveSettings({ language: 'en', languageChosen: false, theme: 'system', welcomeDismissed: false }, systemLanguage());

/**
 * The user's preferences, stored by the backend. Changes apply at once and are rolled back, with a
 * message, when the backend refuses them.
 */
export const useSettings = create<SettingsState>((set, get) => ({
  settings: DEFAULT_SETTINGS,
  loaded: false,
  problem: null,
  async load() {
    const result = await callSafe('settings.get', {});
    if (result.ok) set({ settings: effectiveSettings(result.value, systemLanguage()), loaded: true, problem: null });
    else set({ loaded: true, problem: { kind: 'load', error: result.error } });
  },
  async update(changes) {
    const previous = get().settings;
    set({ settings: { ...previous, ...changes } });
    const result = await callSafe('settings.update', changes);
    if (result.ok) set({ settings: effectiveSettings(result.value, systemLanguage()), problem: null });
    else set({ settings: previous, problem: { kind: 'save', error: result.error } });
  },
  dismissProblem() {
    set({ problem: null });
  },
}));
