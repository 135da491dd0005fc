import { describe, expect, it } from '@jest/globals';
import { inLanguage, languageOf } from './bilingual';

describe('bilingual api sentences', () => {
  it('tells Chinese from English, letting either quote the other', () => {
    expect(languageOf('该账号已停用')).toBe('zh');
    expect(languageOf('shareCase 未在访问控制表中登记')).toBe('zh');
    expect(languageOf('input.value: 同一账户 is already a clue of this case')).toBe('en');
    expect(languageOf('6228480402564890018')).toBeNull();
  });

  it('picks the half of "English · 中文" in the page language', () => {
    const message = 'the national centre cannot switch itself off · 国家中心不能停用自身';
    expect(inLanguage(message, 'zh-CN')).toBe('国家中心不能停用自身');
    expect(inLanguage(message, 'en')).toBe('the national centre cannot switch itself off');
  });

  it('splits where the Chinese starts when the English half holds a " · " of its own', () => {
    const message = 'Industrial Bank · Shenzhen branch issues it · 该账户由兴业银行深圳分行发行';
    expect(inLanguage(message, 'en')).toBe('Industrial Bank · Shenzhen branch issues it');
    expect(inLanguage(message, 'zh-CN')).toBe('该账户由兴业银行深圳分行发行');
  });

  it('keeps a one-language text for its own language only, and language-free text for both', () => {
    expect(inLanguage('card number fails the Luhn check', 'en')).toBe('card number fails the Luhn check');
    expect(inLanguage('card number fails the Luhn check', 'zh-CN')).toBeNull();
    expect(inLanguage('请填写保全原因', 'en')).toBeNull();
    expect(inLanguage('42', 'zh-CN')).toBe('42');
  });
});
