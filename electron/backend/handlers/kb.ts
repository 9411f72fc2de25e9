import type { kbCalls } from '../../../core/api/calls/kb';
import { articleFacets, getArticle, listArticles, relatedArticles } from '../repos/kb-repo';
import { searchKb } from '../search/search';
import { listGlossary } from '../repos/glossary-repo';
import type { HandlerContext, HandlersFor } from './context';
import { foundOrFail } from '../services/found';

export function kbHandlers({ db }: HandlerContext): HandlersFor<typeof kbCalls> {
  return {
    'kb.search': (args) => searchKb(db, args),
    'kb.list': (args) => listArticles(db, args),
    'kb.facets': () => articleFacets(db),
    'kb.get': ({ id }) => foundOrFail(getArticle(db, id), 'record.article', id),
    'kb.related': ({ id, limit }) => foundOrFail(relatedArticles(db, id, limit ?? 6), 'record.article', id),
    'glossary.list': ({ query }) => listGlossary(db, query),
  };
}
