import { useState } from 'react';
import { KB_ARTICLE_TYPES, type KbArticleType } from '../../core/kb/types';
import type { Lang } from '../../core/i18n';
import { detectLang } from '../../core/notes/lexical-document';
import { LESSON_SCENARIOS_MAX, normalizeTags, TAGS_MAX } from '../../core/notes/types';
import type { SubmissionSummary } from '../../core/review/types';
import { mutate } from '../data/query-client';
import { useQuery } from '../data/use-query';
import { useI18n } from '../i18n/i18n';
import { Dialog, DialogActions } from '../ui/Dialog';
import { AlertNotice } from '../ui/AlertNotice';
import { ScenarioChecks } from '../ui/ScenarioChecks';
import { TagsInput } from '../notes/TagsInput';
import { ArticleTextField, TextLangSelect } from './article-fields';
import { useUnsavedGuard } from '../ui/unsaved-guard';

/**
 * Publishes one submission, or merges several, as a new knowledge-base article in the published
 * space, or adds them to an article published from review earlier (its next version: its text as
 * it is, the added submissions after it). The text starts as the draft the backend makes
 * (`review.draft`) and the manager may change it before it reaches every device — take out a
 * customer's name, fix a mistake. The scenarios and tags start as the submissions' own (and the
 * article's, when adding); the manager decides what the article is filed under, as the knowledge
 * base is browsed by them.
 */
/** How a new article from these submissions starts: the first one's title and excerpt, and all their scenarios and tags. */
function newArticleFiling(submissions: readonly SubmissionSummary[]): { title: string; summary: string; type: KbArticleType; lang: Lang; scenarios: string[]; tags: string[] } {
  const first = submissions[0];
  return {
    title: first?.title ?? '',
    summary: first?.excerpt ?? '',
    type: first?.kind === 'lesson' ? 'lesson' : 'best-practice',
    // The language the submissions are written in, not the reader's: the article is stored in it alone.
    lang: detectLang(submissions.map((s) => `${s.title}\n${s.excerpt}`).join('\n')),
    scenarios: [...new Set(submissions.flatMap((s) => s.scenarios))].slice(0, LESSON_SCENARIOS_MAX),
    tags: normalizeTags(submissions.flatMap((s) => s.tags)).slice(0, TAGS_MAX),
  };
}

export function PublishDialog({ submissions, onClose }: { submissions: SubmissionSummary[]; onClose: (published: boolean) => void }) {
  const { t, tn, apiText, lang } = useI18n();
  const [start] = useState(() => newArticleFiling(submissions));
  const [title, setTitle] = useState(start.title);
  const [summary, setSummary] = useState(start.summary);
  const [type, setType] = useState<KbArticleType>(start.type);
  const [articleLang, setArticleLang] = useState<Lang>(start.lang);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [scenarios, setScenarios] = useState(start.scenarios);
  const [tags, setTags] = useState(start.tags);
  const articles = useQuery('review.articles', {});
  const candidates = articles.data ?? [];
  // '' while a new article is made; else the article the submissions are added to.
  const [into, setInto] = useState('');
  const [adding, setAdding] = useState(false);
  // The text the draft is for: a new article, or the one chosen, in the language chosen.
  const textFor = `${adding ? into : ''}/${articleLang}`;
  const draft = useQuery('review.draft', adding && into === '' ? null : { ids: submissions.map((s) => s.id), lang: articleLang, ...(adding ? { into } : {}) });
  // The manager's change to the text, and which draft it was made to: another language or article starts the text again.
  const [text, setText] = useState<{ for: string; json: string } | null>(null);
  const changedText = text !== null && text.for === textFor ? text.json : null;
  const [typed, setTyped] = useState(false);
  const guard = useUnsavedGuard(typed && !busy);
  const close = (): void => guard.confirmDiscard(() => onClose(false));

  /** Takes an article's filing and its text in the reader's language (else its first) to start from. */
  function chooseArticle(id: string): void {
    setInto(id);
    const article = candidates.find((a) => a.id === id);
    const text = article?.texts.find((x) => x.lang === lang) ?? article?.texts[0];
    if (!article || !text) return;
    setTitle(text.title);
    setSummary(text.summary);
    setType(article.type);
    setArticleLang(text.lang);
    setScenarios([...new Set([...article.scenarios, ...submissions.flatMap((s) => s.scenarios)])].slice(0, LESSON_SCENARIOS_MAX));
    setTags(normalizeTags([...article.tags, ...submissions.flatMap((s) => s.tags)]).slice(0, TAGS_MAX));
  }

  function startNew(): void {
    setAdding(false);
    setInto('');
    setTitle(start.title);
    setSummary(start.summary);
    setType(start.type);
    setArticleLang(start.lang);
    setScenarios(start.scenarios);
    setTags(start.tags);
  }

  async function publish(): Promise<void> {
    setBusy(true);
    setFailure(null);
    const filing = { ids: submissions.map((s) => s.id), title: title.trim(), summary: summary.trim(), type, scenarios, tags, lang: articleLang, ...(changedText === null ? {} : { body: changedText }) };
    const result = await mutate('review.publish', adding ? { ...filing, into } : filing);
    setBusy(false);
    if (result.ok) {
      guard.allowLeaving();
      onClose(true);
    } else setFailure(t('review.failed', { message: apiText(result.error) }));
  }

  return (
    <>
      {guard.dialog}
      <Dialog labelledBy="publish-title" onClose={close} className="publish-dialog">
        <h2 id="publish-title">{t('review.publishTitle')}</h2>
        <p className="muted">{t('review.publishIntro')}</p>
        <ul className="publish-sources">
          {submissions.map((s) => (
            <li key={s.id}>
              {s.title} — {s.authorName}
            </li>
          ))}
        </ul>
        <fieldset className="publish-mode">
          <legend>{t('review.publishAs')}</legend>
          <div className="publish-mode-choices">
            <label>
              <input type="radio" name="publish-mode" checked={!adding} onChange={startNew} />
              {t('review.asNewArticle')}
            </label>
            <label>
              <input type="radio" name="publish-mode" checked={adding} disabled={candidates.length === 0} onChange={() => setAdding(true)} />
              {t('review.addToArticle')}
            </label>
          </div>
          {articles.status === 'error' && <p className="form-error">{t('review.articlesFailed', { message: apiText(articles.error) })}</p>}
          {articles.status === 'ready' && candidates.length === 0 && <p className="muted">{t('review.noArticlesYet')}</p>}
          {adding && (
            <div className="form-field">
              <label htmlFor="publish-into">{t('review.intoArticle')}</label>
              <select id="publish-into" value={into} aria-required="true" aria-describedby="publish-into-hint" onChange={(e) => chooseArticle(e.target.value)}>
                <option value="">{t('review.pickArticle')}</option>
                {candidates.map((a) => (
                  <option key={a.id} value={a.id}>
                    {tn('review.articleOption', a.sources, { title: (a.texts.find((x) => x.lang === lang) ?? a.texts[0])?.title ?? a.id, version: a.version })}
                  </option>
                ))}
              </select>
              <p className="form-hint" id="publish-into-hint">
                {t('review.addHint')}
              </p>
            </div>
          )}
        </fieldset>
        <div className="form-field">
          <label htmlFor="publish-article-title">{t('review.articleTitle')}</label>
          <input
            id="publish-article-title"
            value={title}
            maxLength={200}
            onChange={(e) => {
              setTitle(e.target.value);
              setTyped(true);
            }}
            required
          />
        </div>
        <div className="form-field">
          <label htmlFor="publish-summary">{t('review.summary')}</label>
          <textarea
            id="publish-summary"
            value={summary}
            maxLength={1000}
            rows={3}
            onChange={(e) => {
              setSummary(e.target.value);
              setTyped(true);
            }}
          />
        </div>
        <div className="publish-row">
          <div className="form-field">
            <label htmlFor="publish-type">{t('review.type')}</label>
            <select id="publish-type" value={type} onChange={(e) => setType(e.target.value as KbArticleType)}>
              {KB_ARTICLE_TYPES.map((k) => (
                <option key={k} value={k}>
                  {t(`kb.type.${k}`)}
                </option>
              ))}
            </select>
          </div>
          <TextLangSelect id="publish-lang" label={t('review.lang')} value={articleLang} onChange={setArticleLang} />
        </div>
        <ArticleTextField
          editorKey={textFor}
          initialJson={adding && into === '' ? null : draft.status === 'ready' ? (changedText ?? draft.data.bodyJson) : null}
          onError={setFailure}
          onChange={(json) => {
            setText({ for: textFor, json });
            setTyped(true);
          }}
          hints={
            <>
              <p className="form-hint">{t('review.textHint')}</p>
              {text !== null && changedText === null && <p className="form-hint">{t('review.textRestarted')}</p>}
              {adding && into === '' ? (
                <p className="muted">{t('review.textPickArticle')}</p>
              ) : draft.status === 'error' ? (
                <p className="form-error">{t('review.textFailed', { message: apiText(draft.error) })}</p>
              ) : (
                draft.status !== 'ready' && <p className="muted">{t('review.textLoading')}</p>
              )}
            </>
          }
        />
        <ScenarioChecks
          legend={t('review.scenarios')}
          hint={t('review.scenariosHint')}
          selected={scenarios}
          max={LESSON_SCENARIOS_MAX}
          unavailable={t('review.scenariosUnavailable')}
          onChange={setScenarios}
        />
        <TagsInput label={t('review.tags')} tags={tags} onChange={setTags} suggest="kb" />
        <AlertNotice message={failure} />
        <DialogActions
          cancelLabel={t('review.cancel')}
          onCancel={close}
          actionLabel={adding ? t('review.addNow') : t('review.publishNow')}
          busyLabel={t('review.publishing')}
          busy={busy}
          disabled={title.trim() === '' || (adding && into === '') || draft.status !== 'ready'}
          onConfirm={() => void publish()}
        />
      </Dialog>
    </>
  );
}
