import { describe, expect, it } from 'vitest';
import { articleIdsIn, staleBlocks } from '../../core/proposals/stale';
import { documentJson, paragraph, textNode } from '../../core/richtext/build';
import { withProvenance } from '../../core/proposals/provenance';
import type { ProposalSection } from '../../core/proposals/types';

const fromArticle = (id: string, text: string) => withProvenance(paragraph([textNode(text)]), [{ kind: 'template', ref: 't@1#s' }, { kind: 'article', ref: id }]);

const sections: ProposalSection[] = [
  {
    id: 'approach',
    title: 'Approach',
    kind: 'text',
    bodyJson: documentJson([paragraph([textNode('Own words.')]), fromArticle('old-method', 'Copied.'), fromArticle('fresh-guide', 'Also copied.')]),
    source: [],
  },
  { id: 'more', title: 'More', kind: 'text', bodyJson: documentJson([fromArticle('old-method', 'Again.'), fromArticle('gone', 'Orphan.')]), source: [] },
];

const articles = new Map([
  ['old-method', { title: { en: 'Old method', zh: '旧方法' }, reviewDate: '2026-01-31' }],
  ['fresh-guide', { title: { en: 'Fresh guide', zh: '新指南' }, reviewDate: '2026-12-31' }],
]);

describe('stale article blocks', () => {
  it('lists the article ids a proposal uses', () => {
    expect(articleIdsIn(sections)).toEqual(['old-method', 'fresh-guide', 'gone']);
  });

  it('finds the blocks whose article is past its review date, and only those', () => {
    expect(staleBlocks(sections, articles, '2026-03-01', 'zh')).toEqual([
      { sectionId: 'approach', sectionTitle: 'Approach', blockIndex: 1, articleId: 'old-method', articleTitle: '旧方法', reviewDate: '2026-01-31' },
      { sectionId: 'more', sectionTitle: 'More', blockIndex: 0, articleId: 'old-method', articleTitle: '旧方法', reviewDate: '2026-01-31' },
    ]);
    // On the review date itself the article is still current.
    expect(staleBlocks(sections, articles, '2026-01-31', 'en')).toEqual([]);
    expect(staleBlocks(sections, articles, '2027-01-01', 'en').map((s) => s.articleId)).toEqual(['old-method', 'fresh-guide', 'old-method']);
  });
});
