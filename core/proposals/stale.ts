import { blocksOf } from '../richtext/walk';
import { provenanceOf } from './provenance';
import type { Localized } from '../i18n';
import { pick, type Lang } from '../i18n';
import type { ProposalSection, StaleBlock } from './types';

/**
 * Which blocks of a proposal come from knowledge-base articles past their review date: the editor
 * warns about them, since content past review may be out of date.
 */

export type ArticleReview = { title: Localized; reviewDate: string | null };

/** Every article id a proposal's blocks name in their provenance, in order of first use. */
export function articleIdsIn(sections: readonly ProposalSection[]): string[] {
  const ids: string[] = [];
  for (const section of sections) {
    for (const block of blocksOf(section.bodyJson)) {
      for (const p of provenanceOf(block)) if (p.kind === 'article' && !ids.includes(p.ref)) ids.push(p.ref);
    }
  }
  return ids;
}

/**
 * The article-sourced blocks whose article's review date is before `today` (YYYY-MM-DD). Articles
 * no longer on the device, or without a review date, are not stale.
 */
export function staleBlocks(sections: readonly ProposalSection[], articles: ReadonlyMap<string, ArticleReview>, today: string, lang: Lang): StaleBlock[] {
  const stale: StaleBlock[] = [];
  for (const section of sections) {
    blocksOf(section.bodyJson).forEach((block, blockIndex) => {
      for (const p of provenanceOf(block)) {
        if (p.kind !== 'article') continue;
        const article = articles.get(p.ref);
        if (!article || article.reviewDate === null || article.reviewDate >= today) continue;
        stale.push({
          sectionId: section.id,
          sectionTitle: section.title,
          blockIndex,
          articleId: p.ref,
          articleTitle: pick(article.title, lang),
          reviewDate: article.reviewDate,
        });
      }
    });
  }
  return stale;
}
