import { describe, expect, it } from 'vitest';
import { SEARCH_KINDS } from '../../core/kb/types';
import { hitKindKey, hitPath } from '../../renderer/kb/hits';
import { searchMessages } from '../../renderer/kb/search-messages';

describe('search hits of every kind', () => {
  it('open an article in the language that matched, a note or a lesson on its own page', () => {
    expect(hitPath({ kind: 'kb', id: 'cell-sleep', lang: 'zh' })).toBe('/kb/cell-sleep?lang=zh');
    expect(hitPath({ kind: 'note', id: 'n-1', lang: 'en' })).toBe('/notes/n-1');
    expect(hitPath({ kind: 'lesson', id: 'l-1', lang: 'zh' })).toBe('/lessons/l-1');
  });

  it('never let an id change the route', () => {
    expect(hitPath({ kind: 'note', id: '../kb/x?y#z', lang: 'en' })).toBe('/notes/..%2Fkb%2Fx%3Fy%23z');
  });

  it('have a badge label in both languages', () => {
    expect(SEARCH_KINDS.map((k) => searchMessages.en[hitKindKey(k)])).toEqual(['Article', 'Field note', 'Lesson']);
    expect(SEARCH_KINDS.map((k) => searchMessages.zh[hitKindKey(k)])).toEqual(['知识文章', '现场笔记', '经验教训']);
  });
});
