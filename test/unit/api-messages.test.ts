import { describe, expect, it } from 'vitest';
import { formatApiMessage, joinedMessages, msg } from '../../core/api/message';
import { API_MESSAGES } from '../../core/api/messages';

const placeholders = (text: string): string[] => [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? ''))].sort();

describe('API messages', () => {
  it('has both languages for every key, with the same parameters', () => {
    for (const [key, { en, zh }] of Object.entries(API_MESSAGES)) {
      expect(en.trim(), key).not.toBe('');
      expect(zh.trim(), key).not.toBe('');
      expect(placeholders(zh), key).toEqual(placeholders(en));
    }
  });

  it('words a message in each language, with nested messages and bilingual parameters', () => {
    const problem = msg('issue.tooLong', { max: 200 });
    const detail = msg('error.invalidField', { field: 'title', problem });
    expect(formatApiMessage(detail, 'en')).toBe('title: is too long; at most 200 characters.');
    expect(formatApiMessage(detail, 'zh')).toBe('title：太长，最多 200 个字符。');
    const gone = msg('error.notFound', { what: msg('record.customer'), id: 'c-1' });
    expect(formatApiMessage(gone, 'zh')).toBe('此设备上没有编号为“c-1”的客户。');
    expect(formatApiMessage(msg('template.unknownVariable', { section: { en: 'Scope', zh: '范围' }, name: 'customr.name' }), 'en')).toBe(
      'Section Scope: unknown variable {{customr.name}}',
    );
    expect(joinedMessages([msg('lessonField.title'), msg('lessonField.problem')])).toEqual({ en: 'title, problem', zh: '标题、问题' });
  });
});
