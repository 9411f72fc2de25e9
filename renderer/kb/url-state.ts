import { KB_ARTICLE_TYPES, SEARCH_KINDS, type KbArticleType, type SearchKind } from '../../core/kb/types';

/**
 * The knowledge-base view as it lives in the URL (`#/kb?q=…&kind=…&scenario=…&type=…&tags=a,b&sort=…`),
 * so a search can be shared and Back returns to the previous one.
 */
export type KbView = {
  query: string;
  /** Search only this kind of record (articles, field notes, lessons); null searches all. Browsing lists articles. */
  kind: SearchKind | null;
  scenario: string | null;
  type: KbArticleType | null;
  tags: string[];
  sort: KbSort;
};

export const KB_SORTS = ['title', 'updated', 'review'] as const;
export type KbSort = (typeof KB_SORTS)[number];

/** The contract's limits on filter values (core/api/contract.ts): values beyond them are dropped. */
const MAX_ID_LENGTH = 200;
const MAX_TAGS = 20;

export const EMPTY_KB_VIEW: KbView = { query: '', kind: null, scenario: null, type: null, tags: [], sort: 'title' };

function isType(value: string | null): value is KbArticleType {
  return value !== null && (KB_ARTICLE_TYPES as readonly string[]).includes(value);
}

function isKind(value: string | null): value is SearchKind {
  return value !== null && (SEARCH_KINDS as readonly string[]).includes(value);
}

function isSort(value: string | null): value is KbSort {
  return value !== null && (KB_SORTS as readonly string[]).includes(value);
}

function validId(value: string): boolean {
  return value.length > 0 && value.length <= MAX_ID_LENGTH;
}

/** Reads the view from URL parameters; anything unknown or malformed falls back to "no filter". */
export function parseKbView(params: URLSearchParams): KbView {
  const scenario = (params.get('scenario') ?? '').trim();
  const type = params.get('type');
  const kind = params.get('kind');
  const sort = params.get('sort');
  const tags = (params.get('tags') ?? '')
    .split(',')
    .map((t) => t.trim())
    .filter(validId);
  return {
    query: params.get('q') ?? '',
    kind: isKind(kind) ? kind : null,
    scenario: validId(scenario) ? scenario : null,
    type: isType(type) ? type : null,
    tags: [...new Set(tags)].slice(0, MAX_TAGS),
    sort: isSort(sort) ? sort : 'title',
  };
}

/** The URL parameters for a view; defaults are left out so URLs stay short. */
export function kbViewToParams(view: KbView): URLSearchParams {
  const params = new URLSearchParams();
  if (view.query !== '') params.set('q', view.query);
  if (view.kind !== null) params.set('kind', view.kind);
  if (view.scenario !== null) params.set('scenario', view.scenario);
  if (view.type !== null) params.set('type', view.type);
  if (view.tags.length > 0) params.set('tags', view.tags.join(','));
  if (view.sort !== 'title') params.set('sort', view.sort);
  return params;
}

/** `#/kb?…` path for a view, for links and navigation. */
export function kbViewPath(view: KbView): string {
  const search = kbViewToParams(view).toString();
  return search === '' ? '/kb' : `/kb?${search}`;
}

export function toggleTag(tags: readonly string[], tag: string): string[] {
  return tags.includes(tag) ? tags.filter((t) => t !== tag) : [...tags, tag].slice(0, MAX_TAGS);
}

export function hasFilters(view: KbView): boolean {
  return view.scenario !== null || view.type !== null || view.tags.length > 0;
}

/** True when the view shows search results (a non-blank query) rather than the browse list. */
export function isSearching(view: KbView): boolean {
  return view.query.trim() !== '';
}

/**
 * Whether moving from one view to the next adds a history entry. Refining the words of a search
 * while typing replaces the entry (Back should not replay keystrokes); starting or clearing a
 * search, or changing a filter (the kind included) or the sort order, adds one.
 */
export function historyMode(from: KbView, to: KbView): 'push' | 'replace' {
  const sameFilters =
    from.kind === to.kind && from.scenario === to.scenario && from.type === to.type && from.sort === to.sort && from.tags.join(',') === to.tags.join(',');
  if (!sameFilters) return 'push';
  return isSearching(from) === isSearching(to) ? 'replace' : 'push';
}
