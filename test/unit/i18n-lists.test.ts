import { describe, expect, it } from 'vitest';
import { joinSentences, listed, pick } from '../../core/i18n';

describe('core/i18n', () => {
  it('lists items and joins sentences as each language writes them', () => {
    expect(listed(['“alarm”', '“alert”'])).toEqual({ en: '“alarm”, “alert”', zh: '“alarm”、“alert”' });
    expect(listed([])).toEqual({ en: '', zh: '' });
    expect(joinSentences(['No results.', 'Add a word.'], 'en')).toBe('No results. Add a word.');
    expect(joinSentences(['没有结果。', '', '请再添加一个词。'], 'zh')).toBe('没有结果。请再添加一个词。');
    expect(pick({ en: 'Only English', zh: ' ' }, 'zh')).toBe('Only English');
  });
});
