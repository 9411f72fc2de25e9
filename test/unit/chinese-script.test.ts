import { describe, expect, it } from 'vitest';
import { mainlandWords, regionalWordsFor, toSimplified, toTraditional } from '../../core/text/chinese-script';

describe('Chinese in the other script', () => {
  it('writes Traditional characters as Simplified ones, leaving everything else as it was', () => {
    expect(toSimplified('客戶服務與網絡故障預測')).toBe('客户服务与网络故障预测');
    expect(toSimplified('POC 驗收：100% 通過')).toBe('POC 验收：100% 通过');
    expect(toSimplified('基站节能')).toBe('基站节能');
    expect(toSimplified('')).toBe('');
  });

  it('writes Simplified characters in their most common Traditional form', () => {
    expect(toTraditional('客户服务与网络故障预测')).toBe('客戶服務與網絡故障預測');
    expect(toTraditional('离网预警 churn')).toBe('離網預警 churn');
  });

  it('comes back to the same Simplified text from its Traditional form', () => {
    const text = '语音虚拟坐席概念验证：端到端处理话务量最大的意图，与人工坐席顺畅衔接。';
    expect(toSimplified(toTraditional(text))).toBe(text);
  });

  it("puts Taiwan's and Hong Kong's words in the mainland's, whole words only", () => {
    expect(toSimplified(mainlandWords('網路故障預測'))).toBe('网络故障预测');
    expect(toSimplified(mainlandWords('使用者資料外洩'))).toBe('用户数据外泄');
    expect(toSimplified(mainlandWords('行動網路的頻寬'))).toBe('移动网络的带宽');
    // 程式 is a program, but inside 方程式 (an equation) it is not a word of its own.
    expect(mainlandWords('程式')).toBe('程序');
    expect(mainlandWords('方程式')).toBe('方程式');
    expect(mainlandWords('POC 驗收 and 資料')).toBe('POC 驗收 and 數據');
    expect(mainlandWords('no Chinese here')).toBe('no Chinese here');
  });

  it("gives Taiwan's and Hong Kong's words for a mainland word, in Traditional characters", () => {
    expect(regionalWordsFor('數據')).toEqual(['資料']);
    expect([...regionalWordsFor('視頻')].sort()).toEqual(['影片', '視訊']);
    expect(regionalWordsFor('数据')).toEqual([]);
    expect(regionalWordsFor('基站')).toEqual([]);
    for (const word of regionalWordsFor('軟件')) expect(toSimplified(mainlandWords(word))).toBe('软件');
  });
});
