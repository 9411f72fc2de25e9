import { describe, expect, it } from 'vitest';
import { isCjkChar, joinFilled } from '../../core/document/typography';

const t = (text: string) => ({ text, filled: false });
const v = (text: string) => ({ text, filled: true });

describe('joinFilled', () => {
  it('leaves out a space that would fall between a Chinese value and Chinese text, on either side', () => {
    expect(joinFilled([t(''), v('中国移动'), t(' 每月约处理')])).toBe('中国移动每月约处理');
    expect(joinFilled([t('交付负责人为 '), v('张敏'), t('。')])).toBe('交付负责人为张敏。');
    expect(joinFilled([t('自 '), v('2026年3月20日'), t(' 起')])).toBe('自 2026年3月20日起');
    expect(joinFilled([t('（'), v('基本就绪'), t(' ）')])).toBe('（基本就绪）');
  });

  it('keeps the space beside Latin letters and figures, and every space of the template elsewhere', () => {
    expect(joinFilled([t(''), v('Acme Telecom'), t(' 每月')])).toBe('Acme Telecom 每月');
    expect(joinFilled([t('约处理 '), v('250,000'), t(' 次')])).toBe('约处理 250,000 次');
    expect(joinFilled([t('Prepared for '), v('中国移动'), t(' today')])).toBe('Prepared for 中国移动 today');
    expect(joinFilled([t('为  '), v('张敏'), t('')])).toBe('为  张敏');
    expect(joinFilled([v('张敏'), t(' '), v('李伟')])).toBe('张敏 李伟');
    expect(joinFilled([t('no values here, 中文 也 一样')])).toBe('no values here, 中文 也 一样');
  });

  it('knows Chinese characters and full-width punctuation from the rest', () => {
    expect(['中', '。', '（', '：', 'あ'].every(isCjkChar)).toBe(true);
    expect(['a', '1', ' ', '(', undefined].some(isCjkChar)).toBe(false);
  });
});
