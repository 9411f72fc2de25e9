import { useEffect, useRef, useState } from 'react';
import { NavLink, Outlet, useLocation } from 'react-router';
import { THEMES, type Theme } from '../../core/api/contract';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/en';
import { useSettings } from '../state/settings';
import { useCatalog } from '../state/catalog';
import { onEvent } from '../lib/api';
import { SearchPalette } from './SearchPalette';

const SECTIONS = ['kb', 'engagements', 'assessments', 'proposals', 'risks', 'review', 'sync'] as const;

function useAppliedTheme(theme: Theme): void {
  useEffect(() => {
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    const apply = (): void => {
      const dark = theme === 'dark' || (theme === 'system' && media.matches);
      document.documentElement.dataset.theme = dark ? 'dark' : 'light';
    };
    apply();
    media.addEventListener('change', apply);
    return () => media.removeEventListener('change', apply);
  }, [theme]);
}

export function Shell() {
  const { t, lang } = useI18n();
  const settings = useSettings((s) => s.settings);
  const settingsError = useSettings((s) => s.error);
  const update = useSettings((s) => s.update);
  const content = useCatalog((s) => s.content);
  const loadCatalog = useCatalog((s) => s.load);
  const [paletteOpen, setPaletteOpen] = useState(false);
  const [problemsOpen, setProblemsOpen] = useState(false);
  const location = useLocation();
  const mainRef = useRef<HTMLElement>(null);

  useAppliedTheme(settings.theme);
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [lang]);
  useEffect(() => onEvent('kb.changed', () => void loadCatalog()), [loadCatalog]);

  // Move focus to the new page's heading so screen readers announce the route change.
  useEffect(() => {
    mainRef.current?.querySelector<HTMLElement>('h1')?.focus({ preventScroll: true });
  }, [location.pathname]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        setPaletteOpen(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const problems = content?.problems ?? [];
  return (
    <div className="shell">
      <a className="skip-link" href="#main" onClick={(e) => (e.preventDefault(), mainRef.current?.focus())}>
        {t('app.skip')}
      </a>
      <header className="topbar">
        <span className="brand">{t('app.name')}</span>
        <button type="button" className="search-trigger" onClick={() => setPaletteOpen(true)} aria-keyshortcuts="Control+K Meta+K">
          {t('top.search')} <kbd>{t('top.searchHint')}</kbd>
        </button>
        <div className="top-controls">
          <label>
            <span className="visually-hidden">{t('top.language')}</span>
            <select aria-label={t('top.language')} value={settings.language} onChange={(e) => void update({ language: e.target.value === 'zh' ? 'zh' : 'en' })}>
              <option value="en">English</option>
              <option value="zh">简体中文</option>
            </select>
          </label>
          <label>
            <span className="visually-hidden">{t('top.theme')}</span>
            <select aria-label={t('top.theme')} value={settings.theme} onChange={(e) => void update({ theme: e.target.value as Theme })}>
              {THEMES.map((th) => (
                <option key={th} value={th}>
                  {t(`theme.${th}` as MessageKey)}
                </option>
              ))}
            </select>
          </label>
        </div>
      </header>
      <nav className="sidenav" aria-label={t('nav.label')}>
        <ul>
          {SECTIONS.map((s) => (
            <li key={s}>
              <NavLink to={`/${s}`}>{t(`nav.${s}` as MessageKey)}</NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" ref={mainRef} tabIndex={-1}>
        {settingsError && <p className="notice warn">{settingsError}</p>}
        <Outlet />
      </main>
      <footer className="statusbar">
        <span>{content?.packId ? t('status.pack', { id: content.packId, version: content.packVersion ?? '?' }) : t('status.noPack')}</span>
        {problems.length > 0 && (
          <button type="button" className="link-button warn" onClick={() => setProblemsOpen(true)}>
            {t('status.problems', { count: problems.length })}
          </button>
        )}
        <span className="sync-state">{t('status.offline')}</span>
      </footer>
      {paletteOpen && <SearchPalette onClose={() => setPaletteOpen(false)} />}
      {problemsOpen && (
        <div className="palette-backdrop" onMouseDown={(e) => e.target === e.currentTarget && setProblemsOpen(false)}>
          <div className="dialog" role="dialog" aria-modal="true" aria-labelledby="problems-title" onKeyDown={(e) => e.key === 'Escape' && setProblemsOpen(false)}>
            <h2 id="problems-title">{t('status.problemsTitle')}</h2>
            <p>{t('status.problemsIntro')}</p>
            <ul className="problems">
              {problems.map((p, i) => (
                <li key={i}>
                  <code>{p.file}</code> · <code>{p.field}</code>: {p.message}
                </li>
              ))}
            </ul>
            <button type="button" autoFocus onClick={() => setProblemsOpen(false)}>
              {t('common.close')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
