import { describe, expect, it } from 'vitest';
import type { TemplateFile } from '../../core/content/schemas';
import { diffTemplates, templateSectionText } from '../../core/templates/diff';
import type { DiffToken } from '../../core/proposals/types';

/**
 * Comparing the user's template with the content pack's newer one (the template page's "compare"):
 * sections word by word in the language asked for, the other language flagged, every other field
 * named per language.
 */

const mine: TemplateFile = {
  id: 'poc-x',
  version: 2,
  scenarios: ['intelligent-customer-service'],
  title: { en: 'Voicebot POC', zh: '语音机器人 POC' },
  description: { en: 'A pilot.', zh: '试点。' },
  durationWeeks: 8,
  sections: [
    { id: 'summary', title: { en: 'Summary', zh: '摘要' }, body: { en: 'Our own summary for {{customer.name}}.', zh: '我们的摘要。' } },
    { id: 'approach', title: { en: 'Approach', zh: '方法' }, fromArticle: 'ics-intent-method' },
    { id: 'ivr', title: { en: 'IVR', zh: 'IVR' }, when: { '==': [{ var: 'has-ivr' }, true] }, body: { en: 'The IVR stays.', zh: 'IVR 保留。' } },
    { id: 'mine-only', title: { en: 'Our extra', zh: '我们的补充' }, body: { en: 'Extra.', zh: '补充。' } },
  ],
  successCriteria: [{ metric: { en: 'Containment', zh: '自助率' }, target: { en: '40%', zh: '40%' }, measurement: { en: 'Logs', zh: '日志' } }],
  pricing: { currency: 'CNY', taxRate: '0.06', lines: [{ item: { en: 'Consulting', zh: '咨询' }, unit: { en: 'day', zh: '人天' }, quantity: '10', unitPrice: '2800.00' }] },
  timeline: [{ phase: { en: 'Discovery', zh: '调研' }, weeks: 2, deliverables: { en: 'Intent list', zh: '意图清单' } }],
};

const pack: TemplateFile = {
  ...mine,
  version: 3,
  title: { en: 'Voicebot POC', zh: '语音虚拟坐席 POC' },
  durationWeeks: 10,
  sections: [
    { id: 'summary', title: { en: 'Summary', zh: '摘要' }, body: { en: '{{customer.name}} will pilot a voicebot.', zh: '我们的摘要。' } },
    { id: 'ivr', title: { en: 'IVR', zh: 'IVR' }, when: { '==': [{ var: 'has-ivr' }, false] }, body: { en: 'The IVR stays.', zh: 'IVR 逐步下线。' } },
    { id: 'approach', title: { en: 'Approach', zh: '方法' }, fromArticle: 'ics-intent-taxonomy-method' },
    { id: 'risks', title: { en: 'Risks', zh: '风险' }, body: { en: 'Consent.', zh: '同意。' } },
  ],
  pricing: { ...mine.pricing, lines: [{ ...mine.pricing.lines[0]!, unitPrice: '3000.00' }, { item: { en: 'Cloud', zh: '云' }, unit: { en: 'month', zh: '月' }, quantity: '2', unitPrice: '500' }] },
  timeline: [],
};

const side = (tokens: DiffToken[], drop: DiffToken['op']): string =>
  tokens
    .filter((t) => t.op !== drop)
    .map((t) => t.text)
    .join('');

describe('diffTemplates', () => {
  it('compares sections word by word in one language, in the pack’s order, with removed ones where they were', () => {
    const diff = diffTemplates(mine, pack, 'en');
    expect(diff.lang).toBe('en');
    expect(diff.sections.map((s) => [s.id, s.change])).toEqual([
      ['summary', 'changed'],
      ['ivr', 'same'],
      // After the section it followed in the user's version.
      ['mine-only', 'removed'],
      ['approach', 'same'],
      ['risks', 'added'],
    ]);
    const summary = diff.sections[0];
    expect(side(summary?.tokens ?? [], 'added')).toBe('Summary\nOur own summary for {{customer.name}}.');
    expect(side(summary?.tokens ?? [], 'removed')).toBe('Summary\n{{customer.name}} will pilot a voicebot.');
    expect(summary?.tokens).toContainEqual({ text: ' will pilot a voicebot', op: 'added' });
    // The English text of "ivr" is the same, the Chinese is not: the section says so.
    expect(diff.sections.find((s) => s.id === 'ivr')).toMatchObject({ change: 'same', otherLanguageChanged: true });
    expect(diff.sections.find((s) => s.id === 'summary')?.otherLanguageChanged).toBe(false);
  });

  it('names every other changed field, bilingual ones per language', () => {
    const { fields } = diffTemplates(mine, pack, 'en');
    expect(fields).toEqual([
      { path: 'title.zh', field: 'title', lang: 'zh', change: 'changed', from: '语音机器人 POC', to: '语音虚拟坐席 POC' },
      { path: 'durationWeeks', field: 'durationWeeks', change: 'changed', from: '8', to: '10' },
      { path: 'sections.order', field: 'sectionOrder', change: 'changed', from: 'Summary → Approach → IVR', to: 'Summary → IVR → Approach' },
      { path: 'sections.ivr.when', field: 'sectionRule', section: 'IVR', change: 'changed', from: '{"==":[{"var":"has-ivr"},true]}', to: '{"==":[{"var":"has-ivr"},false]}' },
      { path: 'sections.approach.fromArticle', field: 'sectionArticle', section: 'Approach', change: 'changed', from: 'ics-intent-method', to: 'ics-intent-taxonomy-method' },
      { path: 'pricing.lines.0.unitPrice', field: 'lineUnitPrice', n: 1, change: 'changed', from: '2800.00', to: '3000.00' },
      { path: 'pricing.lines.1', field: 'line', n: 2, change: 'added', from: null, to: 'Cloud: 2 month × 500' },
      { path: 'timeline.0', field: 'phase', n: 1, change: 'removed', from: 'Discovery (2): Intent list', to: null },
    ]);
  });

  it('compares in Chinese when asked, and finds nothing between a template and itself', () => {
    const zh = diffTemplates(mine, pack, 'zh');
    expect(zh.sections.find((s) => s.id === 'ivr')).toMatchObject({ change: 'changed', otherLanguageChanged: false, toTitle: 'IVR' });
    expect(zh.fields.find((f) => f.field === 'sectionOrder')?.to).toBe('摘要 → IVR → 方法');
    const same = diffTemplates(mine, mine, 'en');
    expect(same.fields).toEqual([]);
    expect(same.sections.every((s) => s.change === 'same' && !s.otherLanguageChanged)).toBe(true);
  });

  it('compares a section by its title and body', () => {
    expect(templateSectionText(mine.sections[1]!, 'en')).toBe('Approach');
    expect(templateSectionText(mine.sections[0]!, 'zh')).toBe('摘要\n我们的摘要。');
  });
});
