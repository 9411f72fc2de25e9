import type { ReactNode } from 'react';
import type { Lang } from '../../core/i18n';
import { RichTextEditor } from '../editor/RichTextEditor';
import { useI18n } from '../i18n/i18n';

/** The language an article's text is written in (publishing, editing). */
export function TextLangSelect({ id, label, value, onChange, children }: { id: string; label: string; value: Lang; onChange: (lang: Lang) => void; children?: ReactNode }) {
  const { t } = useI18n();
  return (
    <div className="form-field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as Lang)}>
        <option value="en">{t('lang.en')}</option>
        <option value="zh">{t('lang.zh')}</option>
      </select>
      {children}
    </div>
  );
}

/**
 * An article's text as a manager changes it: the editor (remounted for each `editorKey`, as it
 * reads `initialJson` once), under hints, or what stands in for it while there is no text to edit.
 */
export function ArticleTextField({
  editorKey,
  initialJson,
  onChange,
  onError,
  hints,
}: {
  editorKey: string;
  /** null: `hints` say why there is no editor yet. */
  initialJson: string | null;
  onChange: (json: string) => void;
  onError: (message: string) => void;
  hints?: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <div className="form-field publish-text">
      <span className="field-name" aria-hidden="true">
        {t('review.articleText')}
      </span>
      {hints}
      {initialJson !== null && <RichTextEditor key={editorKey} initialJson={initialJson} label={t('review.articleText')} attachTo={null} onError={onError} onChange={onChange} />}
    </div>
  );
}
