import { KB_ARTICLE_TYPES, type KbArticleType } from '../../core/kb/types';

/** The knowledge-base view as it lives in the URL, so searches can be shared and Back works. */
export type KbView = {
  query: string;
  scenario: string | null;
  type: KbArticleType | null;
  tags: string[];
  sort: 'title' | 'updated' | 'review';
};

const SORTS = ['title', 'updated', 'review'] as const;

export function parseKbView(params: URLSearchParams): KbView {
  const type = params.get('type');
  const sort = params.get('sort');
  return {
    query: params.get('q') ?? '',
    scenario: params.get('scenario') || null,
    type: (KB_ARTICLE_TYPES as readonly string[]).includes(type ?? '') ? (type as KbArticleType) : null,
    tags: (params.get('tags') ?? '').split(',').map((t) => t.trim()).filter((t) => t !== '').slice(0, 20),
    sort: (SORTS as readonly string[]).includes(sort ?? '') ? (sort as KbView['sort']) : 'title',
  };
}

export function kbViewToParams(view: KbView): URLSearchParams {
  const params = new URLSearchParams();
  if (view.query) params.set('q', view.query);
  if (view.scenario) params.set('scenario', view.scenario);
  if (view.type) params.set('type', view.type);
  if (view.tags.length) params.set('tags', view.tags.join(','));
  if (view.sort !== 'title') params.set('sort', view.sort);
  return params;
}

export function toggleTag(tags: string[], tag: string): string[] {
  return tags.includes(tag) ? tags.filter((t) => t !== tag) : [...tags, tag];
}
