import type { reviewCalls } from '../../../core/api/calls/review';
import { articlesForMerging, decide, draft, forSource, listForReview, publish, reviewAttention, reviewOf, revise, sourcesOf, submitForReview, withdraw } from '../services/review';
import type { HandlerContext, HandlersFor } from './context';

/** Submitting for review and reviewing (services/review.ts). */
export function reviewHandlers({ db, dataDir }: HandlerContext): HandlersFor<typeof reviewCalls> {
  return {
    'review.submit': (args) => submitForReview(db, args),
    'review.list': (args) => listForReview(db, args),
    'review.attention': () => reviewAttention(db),
    'review.forSource': ({ sourceId }) => forSource(db, sourceId),
    'review.get': ({ id }) => reviewOf(db, id),
    'review.decide': (args) => decide(db, args),
    'review.publish': (args) => publish({ db, dataDir }, args),
    'review.draft': (args) => draft(db, args),
    'review.revise': (args) => revise({ db, dataDir }, args),
    'review.articles': (args) => articlesForMerging(db, args),
    'review.sourcesOf': ({ articleId }) => sourcesOf(db, articleId),
    'review.withdraw': (args) => withdraw(db, args),
  };
}
