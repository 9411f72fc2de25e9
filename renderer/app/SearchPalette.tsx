import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useNavigate } from 'react-router';
import { SEARCH_QUERY_MAX } from '../../core/api/limits';
import { joinSentences } from '../../core/i18n';
import { useI18n } from '../i18n/i18n';
import { htmlLang } from '../i18n/translate';
import { useQuery } from '../data/use-query';
import { nextIndex } from '../lib/list-keys';
import { Snippet } from '../kb/Snippet';
import { KindBadge } from '../kb/ResultLists';
import { hitKindKey, hitPath } from '../kb/hits';
import { correctedQuery } from '../../core/kb/corrected-query';
import { snippetText } from '../kb/snippet-parts';
import { EMPTY_KB_VIEW, kbViewPath } from '../kb/url-state';
import { Dialog } from '../ui/Dialog';
import './shell-dialogs.css';

const PALETTE_DEBOUNCE_MS = 120;
const PALETTE_LIMIT = 8;

/**
 * Ctrl/Cmd+K: a quick search over articles, field notes and lessons from anywhere. The input is a
 * combobox over a listbox of hits: arrows move, Enter opens the highlighted one, Escape closes.
 */
export function SearchPalette({ onClose }: { onClose: () => void }) {
  const { t, tn, lang, apiText, colon } = useI18n();
  const navigate = useNavigate();
  const inputRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const [query, setQuery] = useState('');
  const [debounced, setDebounced] = useState('');
  const [active, setActive] = useState(0);

  useEffect(() => {
    const timer = setTimeout(() => {
      // New results start at the first hit.
      setDebounced(query.trim());
      setActive(0);
    }, PALETTE_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [query]);

  const results = useQuery('kb.search', debounced !== '' ? { query: debounced.slice(0, SEARCH_QUERY_MAX), lang, limit: PALETTE_LIMIT } : null);
  const hits = debounced !== '' && results.data ? results.data.hits : [];

  useEffect(() => {
    listRef.current?.querySelector(`#palette-hit-${active}`)?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  function open(index: number): void {
    const hit = hits[index];
    if (!hit) return;
    onClose();
    navigate(hitPath(hit));
  }

  function searchAll(): void {
    onClose();
    navigate(kbViewPath({ ...EMPTY_KB_VIEW, query: query.trim() }));
  }

  function onKeyDown(event: KeyboardEvent<HTMLDialogElement>): void {
    const moved = event.key === 'ArrowDown' || event.key === 'ArrowUp' ? nextIndex(event.key, active, hits.length) : null;
    if (moved !== null) {
      event.preventDefault();
      setActive(moved);
    } else if (event.key === 'Enter' && event.target === inputRef.current) {
      event.preventDefault();
      if (hits[active]) open(active);
      else if (query.trim() !== '') searchAll();
    }
  }

  let status: string;
  if (debounced === '') status = t('palette.empty');
  else if (results.status === 'error') status = apiText(results.error);
  else if (results.data === null) status = t('common.loading');
  // Nothing found: what search made of the query (only words to leave out, say) tells the user why.
  else if (hits.length === 0) status = joinSentences([t('palette.noResults'), ...results.data.notices.map(apiText)], lang);
  else {
    // A corrected word is named here too: the hits are for what search took the query to mean.
    const corrections = results.data.corrections;
    const corrected = corrections.length > 0 ? `${t('search.showingFor')} ${correctedQuery(debounced, corrections)} — ` : '';
    status = `${corrected}${tn('palette.count', results.data.total)} — ${t('palette.hint')}`;
  }
  // Records that came by a large sync and are not searchable yet: say so, above all when nothing was found.
  if (debounced !== '' && results.data !== null && results.data.indexing > 0) status = joinSentences([status, tn('search.indexing', results.data.indexing)], lang);

  return (
    <Dialog className="palette" label={t('palette.title')} onClose={onClose} onKeyDown={onKeyDown} initialFocus={inputRef}>
      <input
        ref={inputRef}
        type="text"
        role="combobox"
        className="palette-input"
        aria-label={t('palette.label')}
        aria-expanded={hits.length > 0}
        aria-controls="palette-results"
        aria-autocomplete="list"
        aria-activedescendant={hits[active] ? `palette-hit-${active}` : undefined}
        placeholder={t('palette.placeholder')}
        value={query}
        autoComplete="off"
        spellCheck={false}
        onChange={(e) => setQuery(e.target.value)}
      />
      <ul id="palette-results" ref={listRef} role="listbox" aria-label={t('palette.results')} className="palette-results">
        {hits.map((hit, i) => (
          // An option of the listbox: the keyboard picks it through the combobox (arrows, Enter), the pointer here.
          // eslint-disable-next-line jsx-a11y/click-events-have-key-events
          <li
            key={`${hit.kind}:${hit.id}`}
            id={`palette-hit-${i}`}
            role="option"
            aria-selected={i === active}
            aria-label={`${t(hitKindKey(hit.kind))}${colon}${snippetText(hit.title)}`}
            className={i === active ? 'palette-hit active' : 'palette-hit'}
            onMouseMove={() => setActive(i)}
            onClick={() => open(i)}
          >
            <span className="palette-hit-head">
              <KindBadge kind={hit.kind} />
              <span className="palette-hit-title" lang={htmlLang(hit.lang)}>
                <Snippet parts={hit.title} />
              </span>
            </span>
            <span className="palette-hit-snippet" lang={htmlLang(hit.lang)}>
              <Snippet parts={hit.snippet} />
            </span>
          </li>
        ))}
      </ul>
      <div className="palette-foot">
        <p className={results.status === 'error' && debounced !== '' ? 'palette-status error-text' : 'palette-status'} aria-live="polite">
          {status}
        </p>
        {debounced !== '' && (
          <button type="button" className="link-button" onClick={searchAll}>
            {t('palette.searchAll')}
          </button>
        )}
      </div>
    </Dialog>
  );
}
