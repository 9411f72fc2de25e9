import { useMemo } from 'react';
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { KB_NODES } from '../../core/content/lexical-nodes';
import type { LexicalJson } from '../../core/kb/types';
import { useNavigate } from 'react-router';

const THEME = {
  heading: { h1: 'rt-h1', h2: 'rt-h2', h3: 'rt-h3' },
  list: { ul: 'rt-ul', ol: 'rt-ol', listitem: 'rt-li', nested: { listitem: 'rt-nested' } },
  quote: 'rt-quote',
  link: 'rt-link',
  code: 'rt-code',
  text: { bold: 'rt-bold', italic: 'rt-italic', code: 'rt-inline-code' },
  paragraph: 'rt-p',
};

const EXTERNAL = /^(https?:|mailto:)/i;

/**
 * Read-only rendering of stored Lexical JSON. Clicks on links are routed here: kb:<id> links open the
 * article in the app, http(s)/mailto open outside (in Electron through the shell's allowlist), and
 * anything else does nothing.
 */
export function ArticleBody({ state, label }: { state: LexicalJson; label: string }) {
  const navigate = useNavigate();
  const initialConfig = useMemo(
    () => ({
      namespace: 'fieldbench-article',
      nodes: [...KB_NODES],
      editable: false,
      theme: THEME,
      // Lexical only renders http(s)/mailto/tel links as such; in-app kb: links become hash routes.
      editorState: state.replace(/"url":"kb:([a-z0-9-]+)"/g, '"url":"#/kb/$1"'),
      onError: (error: Error) => {
        throw error;
      },
    }),
    [state],
  );

  function onClick(event: React.MouseEvent<HTMLDivElement>): void {
    const anchor = (event.target as HTMLElement).closest('a');
    if (!anchor) return;
    event.preventDefault();
    const href = anchor.getAttribute('href') ?? '';
    const kb = /^#\/kb\/([a-z0-9-]+)$/.exec(href);
    if (kb?.[1]) navigate(`/kb/${kb[1]}`);
    else if (EXTERNAL.test(href)) window.open(href, '_blank', 'noopener,noreferrer');
  }

  return (
    <div className="article-body" onClick={onClick}>
      <LexicalComposer key={state} initialConfig={initialConfig}>
        <RichTextPlugin contentEditable={<ContentEditable className="rt-root" aria-label={label} aria-readonly="true" />} ErrorBoundary={LexicalErrorBoundary} />
      </LexicalComposer>
    </div>
  );
}
