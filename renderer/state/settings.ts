import { create } from 'zustand';
import type { Settings } from '../../core/api/contract';
import { call } from '../lib/api';

type SettingsState = {
  settings: Settings;
  loaded: boolean;
  error: string | null;
  load(): Promise<void>;
  update(changes: Partial<Settings>): Promise<void>;
};

/** Preferences stored by the backend; the UI applies them optimistically and rolls back on failure. */
export const useSettings = create<SettingsState>((set, get) => ({
  settings: { language: 'en', theme: 'system' },
  loaded: false,
  error: null,
  async load() {
    try {
      set({ settings: await call('settings.get', {}), loaded: true, error: null });
    } catch (error) {
      set({ loaded: true, error: error instanceof Error ? error.message : String(error) });
    }
  },
  async update(changes) {
    const previous = get().settings;
    set({ settings: { ...previous, ...changes } });
    try {
      set({ settings: await call('settings.update', changes), error: null });
    } catch (error) {
      set({ settings: previous, error: error instanceof Error ? error.message : String(error) });
    }
  },
}));
