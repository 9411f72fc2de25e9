import { useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { THEMES, type Theme } from '../../core/api/types';
import { LANGS, type Lang } from '../../core/i18n';
import { useI18n } from '../i18n/i18n';
import { useSettings } from '../state/settings';
import { EMPTY_KB_VIEW, kbViewPath } from '../kb/url-state';

function isTheme(value: string): value is Theme {
  return (THEMES as readonly string[]).includes(value);
}
function isLang(value: string): value is Lang {
  return (LANGS as readonly string[]).includes(value);
}

/**
 * The top bar: the global search box (Enter shows full results; today the knowledge base is what
 * holds searchable records), the quick-search palette button, and the language and theme switches.
 * On the knowledge base's own search page the page's box is the one search entry point: the top
 * bar's box and button step aside (Ctrl+K still opens quick search).
 */
export function TopBar({ onOpenPalette }: { onOpenPalette: () => void }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const settings = useSettings((s) => s.settings);
  const update = useSettings((s) => s.update);
  const [query, setQuery] = useState('');
  const onSearchPage = useLocation().pathname === '/kb';

  function submit(event: FormEvent): void {
    event.preventDefault();
    const q = query.trim();
    if (q === '') return;
    navigate(kbViewPath({ ...EMPTY_KB_VIEW, query: q }));
    setQuery('');
  }

  return (
    <header className="topbar">
      <span className="brand">{t('app.name')}</span>
      {!onSearchPage && (
        <>
          <form role="search" className="global-search" onSubmit={submit} aria-label={t('top.search')}>
            <input
              type="search"
              aria-label={t('top.search')}
              placeholder={t('top.searchPlaceholder')}
              value={query}
              autoComplete="off"
              onChange={(e) => setQuery(e.target.value)}
            />
          </form>
          <button type="button" className="palette-button" onClick={onOpenPalette} aria-keyshortcuts="Control+K Meta+K">
            {t('top.paletteButton')} <kbd>{t('top.paletteShortcut')}</kbd>
          </button>
        </>
      )}
      <div className="top-controls">
        <select
          aria-label={t('top.language')}
          value={settings.language}
          onChange={(e) => {
            if (isLang(e.target.value)) void update({ language: e.target.value });
          }}
        >
          {LANGS.map((l) => (
            <option key={l} value={l} lang={l === 'zh' ? 'zh-CN' : 'en'}>
              {t(`lang.${l}`)}
            </option>
          ))}
        </select>
        <select
          aria-label={t('top.theme')}
          value={settings.theme}
          onChange={(e) => {
            if (isTheme(e.target.value)) void update({ theme: e.target.value });
          }}
        >
          {THEMES.map((th) => (
            <option key={th} value={th}>
              {t(`theme.${th}`)}
            </option>
          ))}
        </select>
        <Link to="/help" className="settings-link">
          {t('help.open')}
        </Link>
        <Link to="/settings" className="settings-link">
          {t('settings.open')}
        </Link>
      </div>
    </header>
  );
}
