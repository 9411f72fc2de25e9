import { useId, useState, type KeyboardEvent } from 'react';
import { normalizeTags, TAG_MAX_CHARS, TAGS_MAX } from '../../core/notes/types';
import { useI18n } from '../i18n/i18n';
import { useQuery } from '../data/use-query';
import './tags-input.css';

/**
 * Tags as removable chips plus an input with suggestions: the tags already used on notes, or for
 * an article (`suggest="kb"`) those of the knowledge base, so it joins the tags people browse by.
 */
export function TagsInput({ tags, onChange, label, suggest = 'notes' }: { tags: string[]; onChange: (tags: string[]) => void; label: string; suggest?: 'notes' | 'kb' }) {
  const { t } = useI18n();
  const inputId = useId();
  const listId = useId();
  const [value, setValue] = useState('');
  const noteTags = useQuery('notes.tags', suggest === 'notes' ? {} : null);
  const kbTags = useQuery('kb.facets', suggest === 'kb' ? {} : null);
  const suggestions = { data: suggest === 'kb' ? kbTags.data?.tags : noteTags.data };
  const own = new Set(tags.map((tag) => tag.toLocaleLowerCase()));

  function add(raw: string): void {
    const next = normalizeTags([...tags, ...raw.split(/[,，]/)]).slice(0, TAGS_MAX);
    setValue('');
    if (next.length !== tags.length) onChange(next);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>): void {
    if ((event.key === 'Enter' || event.key === ',' || event.key === '，') && value.trim() !== '') {
      event.preventDefault();
      add(value);
    } else if (event.key === 'Backspace' && value === '' && tags.length > 0) {
      onChange(tags.slice(0, -1));
    }
  }

  return (
    <div className="tags-input">
      <label htmlFor={inputId}>{label}</label>
      <div className="tags-box">
        <ul className="tags-list" aria-label={label}>
          {tags.map((tag) => (
            <li key={tag} className="chip tag-chip">
              <span>{tag}</span>
              <button type="button" className="tag-remove" aria-label={t('notes.removeTag', { tag })} onClick={() => onChange(tags.filter((x) => x !== tag))}>
                ×
              </button>
            </li>
          ))}
        </ul>
        <input
          id={inputId}
          type="text"
          list={listId}
          value={value}
          maxLength={TAG_MAX_CHARS}
          placeholder={t('notes.tagInput')}
          aria-describedby={`${inputId}-hint`}
          onChange={(e) => {
            // Choosing a suggestion from the list replaces the value without a key press.
            const next = e.target.value;
            const picked = !(e.nativeEvent instanceof InputEvent) || e.nativeEvent.inputType === 'insertReplacementText';
            if (picked && suggestions.data?.some((s) => s.tag === next)) add(next);
            else setValue(next);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => value.trim() !== '' && add(value)}
          disabled={tags.length >= TAGS_MAX}
        />
        <datalist id={listId}>
          {(suggestions.data ?? [])
            .filter((s) => !own.has(s.tag.toLocaleLowerCase()))
            .slice(0, 50)
            .map((s) => (
              <option key={s.tag} value={s.tag} />
            ))}
        </datalist>
      </div>
      <p id={`${inputId}-hint`} className="muted tags-hint">
        {t(suggest === 'kb' ? 'notes.tagHintKb' : 'notes.tagHint')}
      </p>
    </div>
  );
}
