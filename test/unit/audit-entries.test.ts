import { describe, expect, it } from 'vitest';
import type { SyncMessage } from '../../core/sync/protocol';
import { AUDIT_NAMED_MAX, auditEntriesOf, decisionAuthors } from '../../server/audit-entries';

/** What the server's audit log says about what a sync stored: who published, withdrew, merged and decided what. */

let clock = 0;
const m = (space: string, dataset: string, row: string, values: SyncMessage['values']): SyncMessage => ({ timestamp: `2026-12-06T10:00:00.000Z-${String(clock++).padStart(4, '0')}-a1b2c3d4e5f60718`, space, dataset, row, values });
const names: Record<string, string> = { u1: 'ann', u2: 'bob' };
const nameOf = (id: string) => names[id] ?? id;

describe('audit entries', () => {
  it('names the articles a publication carries, by title where its text came along, and what else it carried', () => {
    const entries = auditEntriesOf(
      [
        m('published', 'kb_articles', 'a1', { type: 'lesson', deleted: 0 }),
        m('published', 'kb_article_texts', 'a1/en', { article_id: 'a1', lang: 'en', title: 'Energy saving at night' }),
        m('published', 'kb_article_texts', 'a2/zh', { summary: '只改了摘要' }),
        m('published', 'attachments', 'f'.repeat(64), { name: 'site.png' }),
      ],
      nameOf,
    );
    expect(entries).toEqual([{ action: 'publish', detail: { messages: 4, count: 2, articles: [{ id: 'a1', title: 'Energy saving at night' }, { id: 'a2' }], other: { attachments: 1 } } }]);
  });

  it('says which articles were withdrawn, apart from what was published', () => {
    const entries = auditEntriesOf([m('published', 'kb_articles', 'a1', { deleted: 1 }), m('published', 'kb_article_texts', 'a1/en', { deleted: 1 })], nameOf);
    expect(entries).toEqual([{ action: 'withdraw', detail: { count: 1, articles: ['a1'] } }]);
  });

  it('records which submissions went into which article as a merge, and the other decisions with their authors', () => {
    const messages = [
      m('review:u1', 'submissions', 's1', { status: 'merged', article_id: 'a9', reviewed_by: 'Kim' }),
      m('review:u2', 'submissions', 's2', { status: 'merged', article_id: 'a9' }),
      m('review:u2', 'submissions', 's3', { status: 'returned', review_note: 'Name the site' }),
      // An author's own submission, or any other change that decides nothing, is not a decision.
      m('review:u1', 'submissions', 's4', { status: 'submitted', title: 'Mine' }),
      m('review:u1', 'submissions', 's1', { title: 'Typo fixed' }),
      m('user:u1', 'field_notes', 'n1', { status: 'published' }),
    ];
    expect(decisionAuthors(messages)).toEqual(['u1', 'u2']);
    expect(auditEntriesOf(messages, nameOf)).toEqual([
      { action: 'merge', detail: { article: 'a9', count: 2, submissions: [{ author: 'ann', submission: 's1' }, { author: 'bob', submission: 's2' }] } },
      { action: 'review', detail: { count: 1, decisions: [{ author: 'bob', submission: 's3', status: 'returned' }] } },
    ]);
  });

  it('names at most a few records in one entry and counts them all', () => {
    const many = Array.from({ length: AUDIT_NAMED_MAX + 5 }, (_, i) => m('published', 'kb_articles', `a${i}`, { type: 'method' }));
    const [entry] = auditEntriesOf(many, nameOf);
    expect(entry?.detail.count).toBe(AUDIT_NAMED_MAX + 5);
    expect(entry?.detail.articles).toHaveLength(AUDIT_NAMED_MAX);
  });

  it('has nothing to say about work that is neither published nor decided', () => {
    expect(auditEntriesOf([m('user:u1', 'field_notes', 'n1', { title: 'Site visit' }), m('review:u1', 'submissions', 's1', { status: 'submitted' })], nameOf)).toEqual([]);
  });
});
