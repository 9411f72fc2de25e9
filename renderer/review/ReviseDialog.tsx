import { useState } from 'react';
import type { Lang } from '../../core/i18n';
import type { KbArticle } from '../../core/kb/types';
import { EMPTY_DOCUMENT_JSON } from '../../core/notes/lexical-document';
import { mutate } from '../data/query-client';
import { ArticleTextField, TextLangSelect } from './article-fields';
import { useI18n } from '../i18n/i18n';
import { AlertNotice } from '../ui/AlertNotice';
import { Dialog, DialogActions } from '../ui/Dialog';
import { useUnsavedGuard } from '../ui/unsaved-guard';

type Text = { title: string; summary: string; body: string };

/**
 * A knowledge manager changes an article published from review: its title, summary and text in
 * one language — a mistake put right, or the other language added (it starts from the text the
 * article has, to be translated). Saved as the article's next version, which every device
 * receives with the next sync. What was typed in each language is kept while switching.
 */
export function ReviseDialog({ article, startLang, onClose }: { article: KbArticle; startLang: Lang; onClose: () => void }) {
  const { t, apiText } = useI18n();
  const [lang, setLang] = useState<Lang>(startLang);
  const [typed, setTyped] = useState<Partial<Record<Lang, Text>>>({});
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const guard = useUnsavedGuard(Object.keys(typed).length > 0 && !busy);
  const close = (): void => guard.confirmDiscard(onClose);

  const other: Lang = lang === 'en' ? 'zh' : 'en';
  const hasText = article.body[lang] !== null;
  // A language without a text starts from the other one's, to be translated.
  const from: Lang = hasText ? lang : other;
  const text: Text = typed[lang] ?? { title: article.title[from], summary: article.summary[from], body: article.body[from] ?? EMPTY_DOCUMENT_JSON };
  const change = (part: Partial<Text>): void => setTyped((all) => ({ ...all, [lang]: { ...text, ...part } }));

  async function save(): Promise<void> {
    setBusy(true);
    setFailure(null);
    const result = await mutate('review.revise', { articleId: article.id, lang, title: text.title.trim(), summary: text.summary.trim(), body: text.body });
    setBusy(false);
    if (result.ok) {
      guard.allowLeaving();
      onClose();
    } else setFailure(t('review.failed', { message: apiText(result.error) }));
  }

  return (
    <>
      {guard.dialog}
      <Dialog labelledBy="revise-title" onClose={close} className="publish-dialog">
        <h2 id="revise-title">{t('review.reviseTitle', { title: article.title[startLang] })}</h2>
        <p className="muted">{t('review.reviseIntro', { version: article.version + 1 })}</p>
        <TextLangSelect id="revise-lang" label={t('review.reviseLang')} value={lang} onChange={setLang}>
          {!hasText && <p className="form-hint">{t('review.reviseNewLang', { lang: t(`langName.${lang}`), other: t(`langName.${other}`) })}</p>}
        </TextLangSelect>
        <div className="form-field">
          <label htmlFor="revise-article-title">{t('review.articleTitle')}</label>
          <input id="revise-article-title" value={text.title} maxLength={200} onChange={(e) => change({ title: e.target.value })} required />
        </div>
        <div className="form-field">
          <label htmlFor="revise-summary">{t('review.summary')}</label>
          <textarea id="revise-summary" value={text.summary} maxLength={1000} rows={3} onChange={(e) => change({ summary: e.target.value })} />
        </div>
        <ArticleTextField editorKey={lang} initialJson={text.body} onError={setFailure} onChange={(body) => change({ body })} />
        <AlertNotice message={failure} />
        <DialogActions
          cancelLabel={t('review.cancel')}
          onCancel={close}
          actionLabel={t('review.saveVersion', { version: article.version + 1 })}
          busyLabel={t('review.savingVersion')}
          busy={busy}
          disabled={text.title.trim() === ''}
          onConfirm={() => void save()}
        />
      </Dialog>
    </>
  );
}
