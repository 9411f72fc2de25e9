import { describe, expect, it } from 'vitest';
import { yuanInWords } from '../../core/proposals/amount-in-words';

describe('yuanInWords', () => {
  it.each([
    ['140414.65', '人民币壹拾肆万零肆佰壹拾肆元陆角伍分'],
    ['300000.00', '人民币叁拾万元整'],
    ['294542.20', '人民币贰拾玖万肆仟伍佰肆拾贰元贰角'],
    ['1000001', '人民币壹佰万零壹元整'],
    ['100010000', '人民币壹亿零壹万元整'],
    ['100000000', '人民币壹亿元整'],
    ['1005.05', '人民币壹仟零伍元零伍分'],
    ['10.5', '人民币壹拾元伍角'],
    ['0.08', '人民币捌分'],
    ['0', '人民币零元整'],
    ['20300', '人民币贰万零叁佰元整'],
    ['12000500', '人民币壹仟贰佰万零伍佰元整'],
  ])('%s → %s', (amount, words) => {
    expect(yuanInWords(amount)).toBe(words);
  });

  it('says nothing for what is not an amount or too large to say', () => {
    expect(yuanInWords('-5')).toBeNull();
    expect(yuanInWords('1e5')).toBeNull();
    expect(yuanInWords('12.345')).toBeNull();
    expect(yuanInWords('1'.repeat(17))).toBeNull();
  });
});
