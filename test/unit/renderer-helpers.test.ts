import { describe, expect, it } from 'vitest';
import { nextIndex } from '../../renderer/lib/list-keys';
import { resolveTheme } from '../../renderer/app/theme';
import { chooseBodyLang, parseLangParam } from '../../renderer/kb/article-lang';
import { claimHeadingFocus } from '../../renderer/app/page-focus';
import { byLabel, scenarioName } from '../../renderer/kb/labels';
import type { Scenario } from '../../core/kb/types';
import { formatFileSize } from '../../renderer/ui/format';

describe('list keyboard movement', () => {
  it('moves with arrows, Home and End and stops at the ends', () => {
    expect(nextIndex('ArrowDown', -1, 3)).toBe(0);
    expect(nextIndex('ArrowDown', 0, 3)).toBe(1);
    expect(nextIndex('ArrowDown', 2, 3)).toBe(2);
    expect(nextIndex('ArrowUp', 2, 3)).toBe(1);
    expect(nextIndex('ArrowUp', 0, 3)).toBe(0);
    expect(nextIndex('Home', 2, 3)).toBe(0);
    expect(nextIndex('End', 0, 3)).toBe(2);
  });

  it('ignores other keys and empty lists', () => {
    expect(nextIndex('a', 0, 3)).toBeNull();
    expect(nextIndex('ArrowDown', -1, 0)).toBeNull();
  });
});

describe('theme', () => {
  it('follows the system only when set to system', () => {
    expect(resolveTheme('system', true)).toBe('dark');
    expect(resolveTheme('system', false)).toBe('light');
    expect(resolveTheme('light', true)).toBe('light');
    expect(resolveTheme('dark', false)).toBe('dark');
  });
});

describe('article text language', () => {
  it('shows the wanted language, else the other, else nothing', () => {
    expect(chooseBodyLang({ en: '{}', zh: '{}' }, 'zh')).toBe('zh');
    expect(chooseBodyLang({ en: '{}', zh: null }, 'zh')).toBe('en');
    expect(chooseBodyLang({ en: null, zh: '{}' }, 'en')).toBe('zh');
    expect(chooseBodyLang({ en: null, zh: null }, 'en')).toBeNull();
  });

  it('reads only known languages from the URL', () => {
    expect(parseLangParam('zh')).toBe('zh');
    expect(parseLangParam('fr')).toBeNull();
    expect(parseLangParam(null)).toBeNull();
  });
});

describe('focus on route change', () => {
  it('leaves the first page alone, then claims focus once per new path', () => {
    expect(claimHeadingFocus('/kb')).toBe(false);
    expect(claimHeadingFocus('/kb')).toBe(false);
    expect(claimHeadingFocus('/kb/a')).toBe(true);
    expect(claimHeadingFocus('/kb/a')).toBe(false);
    expect(claimHeadingFocus('/kb')).toBe(true);
  });
});

describe('scenario labels', () => {
  const scenario = (id: string, en: string, zh: string): Scenario => ({
    id,
    name: { en, zh },
    summary: { en: '', zh: '' },
    industries: [],
    typicalKpis: [],
    assessmentId: '',
    articleCount: 0,
  });
  const list = [scenario('b', 'Base-station energy saving', '基站节能'), scenario('a', 'Video analytics', '视频智能分析')];

  it('names a scenario in the UI language and shows unknown ids as they are', () => {
    expect(scenarioName(list, 'b', 'zh')).toBe('基站节能');
    expect(scenarioName(list, 'b', 'en')).toBe('Base-station energy saving');
    expect(scenarioName(list, 'zzz', 'en')).toBe('zzz');
  });

  it('sorts by the label in the UI language', () => {
    expect(byLabel(list, (s) => s.name.en, 'en').map((s) => s.id)).toEqual(['b', 'a']);
    expect(byLabel([scenario('x', 'X', 'b'), scenario('y', 'Y', 'a')], (s) => s.name.zh, 'zh').map((s) => s.id)).toEqual(['y', 'x']);
  });
});

describe('file sizes', () => {
  it('says nothing moved as 0 kB, a few bytes as 1 kB, and megabytes with one decimal', () => {
    expect(formatFileSize(0)).toBe('0 kB');
    expect(formatFileSize(12)).toBe('1 kB');
    expect(formatFileSize(830 * 1024)).toBe('830 kB');
    expect(formatFileSize(41.7 * 1024 * 1024)).toBe('41.7 MB');
  });
});
