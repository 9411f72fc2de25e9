import { useEffect } from 'react';
import type { Theme } from '../../core/api/contract';

export type AppliedTheme = 'light' | 'dark';

/** The palette a theme setting means, given the system preference. */
export function resolveTheme(theme: Theme, systemPrefersDark: boolean): AppliedTheme {
  if (theme === 'system') return systemPrefersDark ? 'dark' : 'light';
  return theme;
}

/**
 * Applies the theme as `<html data-theme>` (the stylesheets key their palettes on it) and follows
 * the system preference live while the setting is `system`.
 */
export function useAppliedTheme(theme: Theme): void {
  useEffect(() => {
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    const apply = (): void => {
      document.documentElement.dataset.theme = resolveTheme(theme, media.matches);
    };
    apply();
    media.addEventListener('change', apply);
    return () => media.removeEventListener('change', apply);
  }, [theme]);
}
