import type { SnippetPart } from '../../core/kb/types';
import { mergeSnippetParts } from './snippet-parts';

/**
 * Highlighted text from structured parts: matches become <mark> elements and everything is text
 * — nothing from the backend is ever parsed as HTML.
 */
export function Snippet({ parts }: { parts: readonly SnippetPart[] }) {
  return (
    <>
      {mergeSnippetParts(parts).map((p, i) => (p.hit ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}
    </>
  );
}
