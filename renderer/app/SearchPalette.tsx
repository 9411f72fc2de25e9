import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { useI18n } from '../i18n/i18n';
import { useCall } from '../lib/use-call';
import { Snippet } from '../kb/Snippet';

/** Ctrl/Cmd+K: a quick search over the knowledge base from anywhere, driven by the keyboard. */
export function SearchPalette({ onClose }: { onClose: () => void }) {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const [query, setQuery] = useState('');
  const [debounced, setDebounced] = useState('');
  const [active, setActive] = useState(0);
  const dialogRef = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const previousFocus = useRef<Element | null>(null);

  useEffect(() => {
    previousFocus.current = document.activeElement;
    inputRef.current?.focus();
    return () => (previousFocus.current as HTMLElement | null)?.focus?.();
  }, []);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(query), 120);
    return () => clearTimeout(timer);
  }, [query]);

  const results = useCall('kb.search', debounced.trim() ? { query: debounced, lang, limit: 8 } : null);
  const hits = debounced.trim() && results.data ? results.data.hits : [];
  useEffect(() => setActive(0), [debounced]);

  function open(index: number): void {
    const hit = hits[index];
    if (!hit) return;
    onClose();
    navigate(`/kb/${hit.id}?lang=${hit.lang}`);
  }

  function onKeyDown(event: React.KeyboardEvent): void {
    if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
    } else if (event.key === 'ArrowDown') {
      event.preventDefault();
      setActive((a) => Math.min(a + 1, Math.max(hits.length - 1, 0)));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      open(active);
    } else if (event.key === 'Tab') {
      // Keep focus inside the dialog.
      const focusable = dialogRef.current?.querySelectorAll<HTMLElement>('input, button, [href]');
      if (!focusable || focusable.length === 0) return;
      const first = focusable[0];
      const last = focusable[focusable.length - 1];
      if (event.shiftKey && document.activeElement === first) {
        event.preventDefault();
        last?.focus();
      } else if (!event.shiftKey && document.activeElement === last) {
        event.preventDefault();
        first?.focus();
      }
    }
  }

  return (
    <div className="palette-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className="palette" role="dialog" aria-modal="true" aria-label={t('palette.title')} ref={dialogRef} onKeyDown={onKeyDown}>
        <input
          ref={inputRef}
          type="search"
          role="combobox"
          aria-expanded={hits.length > 0}
          aria-controls="palette-results"
          aria-activedescendant={hits[active] ? `palette-hit-${active}` : undefined}
          aria-label={t('palette.title')}
          placeholder={t('palette.placeholder')}
          value={query}
          maxLength={2000}
          onChange={(e) => setQuery(e.target.value)}
        />
        <ul id="palette-results" role="listbox" aria-label={t('palette.title')}>
          {hits.map((hit, i) => (
            <li
              key={hit.id}
              id={`palette-hit-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : undefined}
              onMouseEnter={() => setActive(i)}
              onClick={() => open(i)}
            >
              <span className="palette-title">
                <Snippet parts={hit.title} />
              </span>
              <span className="palette-snippet">
                <Snippet parts={hit.snippet} />
              </span>
            </li>
          ))}
        </ul>
        <p className="muted palette-foot">
          {results.status === 'error' ? results.error.message : !debounced.trim() ? t('palette.empty') : hits.length === 0 && results.status === 'ready' ? t('palette.noResults') : t('palette.hint')}
        </p>
      </div>
    </div>
  );
}
