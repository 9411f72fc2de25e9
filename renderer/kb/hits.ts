import type { SearchHit, SearchKind } from '../../core/kb/types';

/**
 * Where a search hit opens: an article in the language that matched, a field note or a lesson on
 * its own page. Ids come from the backend; they are encoded so an id can never change the route.
 */
export function hitPath(hit: Pick<SearchHit, 'kind' | 'id' | 'lang'>): string {
  const id = encodeURIComponent(hit.id);
  switch (hit.kind) {
    case 'kb':
      return `/kb/${id}?lang=${hit.lang}`;
    case 'note':
      return `/notes/${id}`;
    case 'lesson':
      return `/lessons/${id}`;
  }
}

/** The badge text's message key for a kind of hit ("Article", "Field note", "Lesson"). */
export function hitKindKey(kind: SearchKind): `search.kind.${SearchKind}` {
  return `search.kind.${kind}`;
}
