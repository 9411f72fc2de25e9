import { create } from 'zustand';
import type { Settings } from '../../core/api/contract';
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

/** What the app uses before the stored preferences arrive, or when they cannot be read. */
export const DEFAULT_SETTINGS: Settings = { language: 'en', theme: 'system', welcomeDismissed: false };

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
    if (result.ok) set({ settings: result.value, loaded: true, problem: null });
    else set({ loaded: true, problem: { kind: 'load', error: result.error } });
  },
  async update(changes) {
    const previous = get().settings;
    set({ settings: { ...previous, ...changes } });
    const result = await callSafe('settings.update', changes);
    if (result.ok) set({ settings: result.value, problem: null });
    else set({ settings: previous, problem: { kind: 'save', error: result.error } });
  },
  dismissProblem() {
    set({ problem: null });
  },
}));
