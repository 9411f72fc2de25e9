import type { SnippetPart } from '../../core/kb/types';

/** Highlighted text from structured parts: matches become <mark>, nothing is parsed as HTML. */
export function Snippet({ parts }: { parts: SnippetPart[] }) {
  return (
    <>
      {parts.map((p, i) => (p.hit ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}
    </>
  );
}
