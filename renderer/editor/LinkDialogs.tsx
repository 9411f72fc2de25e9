import { useId, useRef, useState, type FormEvent } from 'react';
import { isAllowedNoteLink } from '../../core/notes/lexical-document';
import type { SearchHit } from '../../core/kb/types';
import { Dialog, DialogActions } from '../ui/Dialog';
import { useI18n } from '../i18n/i18n';
import { useQuery } from '../data/use-query';

/** Asks for a link target; only what the note link policy allows is accepted. */
export function LinkDialog({ initialUrl, onClose, onLink }: { initialUrl: string; onClose: () => void; onLink: (url: string | null) => void }) {
  const { t } = useI18n();
  const titleId = useId();
  const inputId = useId();
  const [url, setUrl] = useState(initialUrl);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);

  function submit(event: FormEvent): void {
    event.preventDefault();
    const value = url.trim();
    if (!isAllowedNoteLink(value)) {
      setError(t('editor.linkRefused'));
      input.current?.focus();
      return;
    }
    onLink(value);
  }

  return (
    <Dialog labelledBy={titleId} onClose={onClose} initialFocus={input} className="editor-dialog">
      <form onSubmit={submit} noValidate>
        <h2 id={titleId}>{t('editor.linkTitle')}</h2>
        <label htmlFor={inputId}>{t('editor.linkUrl')}</label>
        <input
          id={inputId}
          ref={input}
          type="text"
          inputMode="url"
          value={url}
          onChange={(e) => setUrl(e.target.value)}
          placeholder="https://"
          aria-invalid={error !== null}
          aria-describedby={`${inputId}-hint`}
          autoComplete="off"
        />
        <p id={`${inputId}-hint`} className={error ? 'error-text' : 'muted'} role={error ? 'alert' : undefined}>
          {error ?? t('editor.linkHint')}
        </p>
        <DialogActions cancelLabel={t('editor.cancel')} onCancel={onClose} actionLabel={t('editor.linkApply')}>
          {initialUrl !== '' && (
            <button type="button" onClick={() => onLink(null)}>
              {t('editor.linkRemove')}
            </button>
          )}
        </DialogActions>
      </form>
    </Dialog>
  );
}

function plain(parts: SearchHit['title']): string {
  return parts.map((p) => p.text).join('');
}

/** Finds a knowledge-base article with `kb.search` and links to it (kb:<id>). */
export function KbLinkDialog({ onClose, onPick }: { onClose: () => void; onPick: (hit: { id: string; title: string }) => void }) {
  const { t, apiText } = useI18n();
  const titleId = useId();
  const inputId = useId();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const search = useQuery('kb.search', query.trim() === '' ? null : { query, limit: 12, kinds: ['kb'] });
  // Only article hits: other kinds (notes, lessons) may appear in search results but are not KB links.
  const hits = (search.data?.hits ?? []).filter((h) => h.kind === 'kb');
  const listId = `${inputId}-list`;

  function pick(hit: SearchHit | undefined): void {
    if (hit) onPick({ id: hit.id, title: plain(hit.title) });
  }

  return (
    <Dialog
      labelledBy={titleId}
      onClose={onClose}
      initialFocus={input}
      className="editor-dialog"
      onKeyDown={(e) => {
        if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
          e.preventDefault();
          const step = e.key === 'ArrowDown' ? 1 : -1;
          setActive((i) => (hits.length === 0 ? 0 : (i + step + hits.length) % hits.length));
        } else if (e.key === 'Enter' && e.target === input.current) {
          e.preventDefault();
          pick(hits[active]);
        }
      }}
    >
      <h2 id={titleId}>{t('editor.kbTitle')}</h2>
      <label htmlFor={inputId}>{t('editor.kbSearch')}</label>
      <input
        id={inputId}
        ref={input}
        type="search"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        role="combobox"
        aria-expanded={hits.length > 0}
        aria-controls={listId}
        aria-activedescendant={hits[active] ? `${listId}-${active}` : undefined}
        autoComplete="off"
      />
      {search.status === 'error' && (
        <p className="error-text" role="alert">
          {apiText(search.error)}
        </p>
      )}
      {query.trim() !== '' && search.status === 'ready' && hits.length === 0 && <p className="muted">{t('editor.kbNone')}</p>}
      <ul id={listId} role="listbox" aria-label={t('editor.kbResults')} className="editor-kb-results">
        {hits.map((hit, i) => (
          // An option of the listbox: the keyboard picks it through the combobox (arrows, Enter), the pointer here.
          // eslint-disable-next-line jsx-a11y/click-events-have-key-events
          <li
            key={`${hit.id}-${hit.lang}`}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'active' : undefined}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => pick(hit)}
          >
            <span className="editor-kb-title">{plain(hit.title)}</span>
            <span className="muted editor-kb-id">kb:{hit.id}</span>
          </li>
        ))}
      </ul>
      <p className="muted">{t('editor.kbHint')}</p>
    </Dialog>
  );
}
