import { describe, expect, it } from 'vitest';
import { en, type MessageKey } from '../../renderer/i18n/en';
import { zh } from '../../renderer/i18n/zh';
import { DICTIONARIES, format, htmlLang, placeholders, translate, translatePlural } from '../../renderer/i18n/translate';
import { langOfLocales } from '../../core/i18n';
import { effectiveSettings } from '../../renderer/state/settings';

describe('renderer i18n dictionaries', () => {
  it('zh-CN has exactly the English keys', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
  });

  it('every message is non-empty in both languages', () => {
    for (const [lang, dict] of Object.entries(DICTIONARIES)) {
      for (const [key, message] of Object.entries(dict)) {
        expect(message.trim(), `${lang} ${key}`).not.toBe('');
      }
    }
  });

  it('translations keep the placeholders of the English message', () => {
    for (const key of Object.keys(en) as MessageKey[]) {
      expect(placeholders(zh[key]), key).toEqual(placeholders(en[key]));
    }
  });

  it('plural pairs are complete and both forms use {count}', () => {
    const keys = Object.keys(en);
    const bases = keys.filter((k) => k.endsWith('.other')).map((k) => k.slice(0, -'.other'.length));
    expect(bases.length).toBeGreaterThan(0);
    for (const base of bases) {
      expect(keys, base).toContain(`${base}.one`);
      expect(placeholders(en[`${base}.one` as MessageKey]), base).toContain('count');
    }
    for (const key of keys.filter((k) => k.endsWith('.one'))) {
      expect(keys, key).toContain(key.replace(/\.one$/, '.other'));
    }
  });

  it('the Chinese dictionary is actually Chinese where it should be', () => {
    expect(zh['nav.kb']).toBe('知识库');
    expect(zh['kb.searchLabel']).not.toBe(en['kb.searchLabel']);
  });
});

describe('translate', () => {
  it('fills parameters and leaves unknown ones visible', () => {
    expect(format('{a} and {b}', { a: 1 })).toBe('1 and {b}');
    expect(translate('en', 'status.pack', { id: 'core', version: 3 })).toBe('Content pack core v3');
    expect(translate('zh', 'status.pack', { id: 'core', version: 3 })).toBe('内容包 core v3');
  });

  it('does not interpret parameter values as placeholders or patterns', () => {
    expect(format('{a}', { a: '{b} $& $1' })).toBe('{b} $& $1');
  });

  it('picks the singular only for exactly one', () => {
    expect(translatePlural('en', 'kb.count', 1)).toBe('1 article');
    expect(translatePlural('en', 'kb.count', 0)).toBe('0 articles');
    expect(translatePlural('en', 'kb.count', 67)).toBe('67 articles');
    expect(translatePlural('zh', 'kb.count', 1)).toBe('1 篇文章');
  });

  it('maps the UI language to the html lang attribute', () => {
    expect(htmlLang('en')).toBe('en');
    expect(htmlLang('zh')).toBe('zh-CN');
  });
});

describe('the language a user never chose', () => {
  it('is the first system language Fieldbench speaks, else English', () => {
    expect(langOfLocales(['zh-CN', 'en-US'])).toBe('zh');
    expect(langOfLocales(['zh-Hant-TW'])).toBe('zh');
    expect(langOfLocales(['zh_CN'])).toBe('zh');
    expect(langOfLocales(['de-DE', 'zh-CN'])).toBe('zh');
    expect(langOfLocales(['en-GB', 'zh-CN'])).toBe('en');
    expect(langOfLocales(['fr-FR'])).toBe('en');
    expect(langOfLocales([])).toBe('en');
  });

  it('follows the system until the user picks one', () => {
    const stored = { language: 'en', languageChosen: false, theme: 'system', welcomeDismissed: false } as const;
    expect(effectiveSettings(stored, 'zh').language).toBe('zh');
    expect(effectiveSettings({ ...stored, languageChosen: true }, 'zh').language).toBe('en');
  });
});
