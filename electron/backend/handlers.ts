import { ApiFailure } from '../../core/api/result';
import type { Handlers } from '../../core/api/dispatch';
import type { Db } from './db/connection';
import { articleFacets, getArticle, listArticles, relatedArticles } from './repos/kb-repo';
import { listScenarios } from './repos/scenario-repo';
import { readSettings, writeSettings } from './repos/settings-repo';
import { contentStatus } from './repos/content-repo';
import { searchKb } from './search/search';

export type HandlerContext = {
  db: Db;
  host: 'electron' | 'web';
  appVersion: string;
  dataDir: string;
  schemaVersion: number;
};

/** The backend's handler table: one entry per contract call (see core/api/contract.ts). */
export function createHandlers(ctx: HandlerContext): Handlers {
  const { db } = ctx;
  return {
    'app.info': () => ({ appVersion: ctx.appVersion, host: ctx.host, dataDir: ctx.dataDir, schemaVersion: ctx.schemaVersion }),
    'settings.get': () => readSettings(db),
    'settings.update': (args) => writeSettings(db, args),
    'content.status': () => contentStatus(db),
    'scenarios.list': () => listScenarios(db),
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
