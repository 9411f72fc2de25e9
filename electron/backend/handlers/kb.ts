import { ApiFailure } from '../../../core/api/result';
import type { kbCalls } from '../../../core/api/calls/kb';
import { articleFacets, getArticle, listArticles, relatedArticles } from '../repos/kb-repo';
import { searchKb } from '../search/search';
import type { HandlerContext, HandlersFor } from './context';

export function kbHandlers({ db }: HandlerContext): HandlersFor<typeof kbCalls> {
  return {
    'kb.search': (args) => searchKb(db, args),
    'kb.list': (args) => listArticles(db, args),
    'kb.facets': () => articleFacets(db),
    'kb.get': ({ id }) => {
      const article = getArticle(db, id);
      if (!article) throw new ApiFailure('not_found', `No knowledge-base article with id "${id}".`);
      return article;
    },
    'kb.related': ({ id, limit }) => {
      const related = relatedArticles(db, id, limit ?? 6);
      if (!related) throw new ApiFailure('not_found', `No knowledge-base article with id "${id}".`);
      return related;
    },
  };
}
