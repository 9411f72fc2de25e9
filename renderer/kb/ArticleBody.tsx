import { Component, useMemo, type MouseEvent, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { LexicalComposer, type InitialConfigType } from '@lexical/react/LexicalComposer';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { EDITOR_NODES } from '../editor/nodes';
import { RICH_TEXT_THEME } from '../editor/theme';
import { CheckListSemantics } from '../editor/CheckListSemantics';
import type { LexicalJson } from '../../core/kb/types';
import { useI18n } from '../i18n/i18n';
import { ErrorView } from '../app/StateViews';
import { articleIdFromHref, prepareArticleState } from './links';
import './article-body.css';


/**
 * An article body: stored Lexical JSON rendered read-only by Lexical itself. Links were rewritten
 * by the policy in links.ts; here a click on an in-app link navigates inside the app, external
 * links (target=_blank, rel=noopener noreferrer) open outside, and nothing else is followed.
 */
export function ArticleBody({ state, label }: { state: LexicalJson; label: string }) {
  const { t } = useI18n();
  const prepared = useMemo((): { ok: true; json: string } | { ok: false; message: string } => {
    try {
      return { ok: true, json: prepareArticleState(state) };
    } catch (error) {
      return { ok: false, message: error instanceof Error ? error.message : String(error) };
    }
  }, [state]);
  if (!prepared.ok) return <ErrorView message={t('article.bodyFailed', { message: prepared.message })} />;
  return (
    <BodyErrorBoundary key={prepared.json} fallback={(message) => <ErrorView message={t('article.bodyFailed', { message })} />}>
      <ReadOnlyBody json={prepared.json} label={label} />
    </BodyErrorBoundary>
  );
}

function ReadOnlyBody({ json, label }: { json: string; label: string }) {
  const navigate = useNavigate();
  const initialConfig = useMemo<InitialConfigType>(
    () => ({
      namespace: 'fieldbench-article',
      // Everything a note may hold (pictures, tables, check lists): articles are made from notes too.
      nodes: [...EDITOR_NODES],
      editable: false,
      theme: RICH_TEXT_THEME,
      editorState: json,
      onError: (error: Error) => {
        // Rethrown so BodyErrorBoundary shows what went wrong instead of a half-drawn article.
        throw error;
      },
    }),
    [json],
  );

  function onClick(event: MouseEvent<HTMLDivElement>): void {
    if (!(event.target instanceof Element)) return;
    const anchor = event.target.closest('a');
    if (!anchor) return;
    const href = anchor.getAttribute('href') ?? '';
    const articleId = articleIdFromHref(href);
    if (articleId !== null) {
      event.preventDefault();
      navigate(`/kb/${articleId}`);
    } else if (anchor.target !== '_blank') {
      // Not an in-app link and not one the policy made external: never followed.
      event.preventDefault();
    }
  }

  return (
    // Clicks on the links inside the article (Enter on a focused link is a click too): decides where each may go.
    // eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-static-element-interactions
    <div className="article-body" onClick={onClick}>
      <LexicalComposer initialConfig={initialConfig}>
        <RichTextPlugin
          contentEditable={<ContentEditable className="rt-root" aria-label={label} aria-multiline />}
          ErrorBoundary={LexicalErrorBoundary}
        />
        <CheckListSemantics readOnly />
      </LexicalComposer>
    </div>
  );
}

/** Catches a body Lexical cannot load (an unknown node type, a broken state) and shows why. */
class BodyErrorBoundary extends Component<{ fallback: (message: string) => ReactNode; children: ReactNode }, { message: string | null }> {
  override state: { message: string | null } = { message: null };
  static getDerivedStateFromError(error: unknown): { message: string } {
    return { message: error instanceof Error ? error.message : String(error) };
  }
  override render(): ReactNode {
    return this.state.message === null ? this.props.children : this.props.fallback(this.state.message);
  }
}
