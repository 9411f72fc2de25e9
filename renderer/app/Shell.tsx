import { useEffect, useRef, useState } from 'react';
import { Outlet, useLocation } from 'react-router';
import { useI18n } from '../i18n/i18n';
import { htmlLang } from '../i18n/translate';
import { useSettings } from '../state/settings';
import { useAppliedTheme } from './theme';
import { TopBar } from './TopBar';
import { SideNav } from './SideNav';
import { StatusBar } from './StatusBar';
import { SearchPalette } from './SearchPalette';
import { DataNotices } from '../settings/DataNotices';

/** The frame around every page: skip link, top bar, navigation, main area, status bar, palette. */
export function Shell() {
  const { t, lang, apiText } = useI18n();
  const theme = useSettings((s) => s.settings.theme);
  const problem = useSettings((s) => s.problem);
  const dismissProblem = useSettings((s) => s.dismissProblem);
  const [paletteOpen, setPaletteOpen] = useState(false);
  const mainRef = useRef<HTMLElement>(null);
  const { pathname } = useLocation();

  useAppliedTheme(theme);
  useEffect(() => {
    document.documentElement.lang = htmlLang(lang);
  }, [lang]);

  // A new page starts at its top.
  useEffect(() => {
    mainRef.current?.scrollTo({ top: 0 });
  }, [pathname]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        setPaletteOpen(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div className="shell">
      <a
        className="skip-link"
        href="#main"
        onClick={(e) => {
          // The hash belongs to the router: move focus instead of following the link.
          e.preventDefault();
          mainRef.current?.focus();
        }}
      >
        {t('app.skip')}
      </a>
      <TopBar onOpenPalette={() => setPaletteOpen(true)} />
      <SideNav />
      <main id="main" ref={mainRef} tabIndex={-1}>
        {problem && (
          <div className="notice warn settings-problem" role="alert">
            <span>{t(problem.kind === 'load' ? 'settings.loadFailed' : 'settings.saveFailed', { message: apiText(problem.error) })}</span>
            <button type="button" className="link-button" onClick={dismissProblem}>
              {t('common.close')}
            </button>
          </div>
        )}
        <DataNotices />
        <Outlet />
      </main>
      <StatusBar />
      {paletteOpen && <SearchPalette onClose={() => setPaletteOpen(false)} />}
    </div>
  );
}
