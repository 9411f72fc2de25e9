import { describe, expect, it } from 'vitest';
import type { Rule } from '../../core/content/schemas';
import { ruleSubjects } from '../../core/templates/rule-words';
import { builderView, editFromDraft, ruleEditOf, rowProblems } from '../../renderer/templates/rule-edit';

/** The template editor's rule: the builder and the JSON under Advanced kept in step both ways. */

const subjects = ruleSubjects(
  [
    {
      title: { en: 'NFP', zh: 'NFP' },
      questions: [
        { id: 'oss-vendor-count', type: 'number', text: { en: 'Vendors', zh: '厂商' }, helpArticles: [], required: false, number: {} },
        { id: 'has-ivr', type: 'yesno', text: { en: 'IVR', zh: 'IVR' }, helpArticles: [], required: false },
      ],
    },
  ],
  [],
);

describe('rule editor', () => {
  it('shows JSON it can represent in the builder, and other JSON as complex or invalid', () => {
    expect(builderView(ruleEditOf(undefined), subjects)).toEqual({ kind: 'builder', draft: { mode: 'always', join: 'all', rows: [] } });
    expect(builderView(ruleEditOf({ '>=': [{ var: 'oss-vendor-count' }, 2] }), subjects)).toEqual({
      kind: 'builder',
      draft: { mode: 'when', join: 'all', rows: [{ questionId: 'oss-vendor-count', operator: 'ge', value: '2', kind: 'number' }] },
    });
    const nested: Rule = { and: [{ var: 'has-ivr' }, { '>': [{ var: 'oss-vendor-count' }, 1] }] };
    expect(builderView(ruleEditOf(nested), subjects)).toEqual({ kind: 'complex', rule: nested });
    expect(builderView({ text: '{"==": [', draft: null }, subjects)).toEqual({ kind: 'invalid' });
  });

  it('writes the JSON from the builder when every row reads, and keeps the last good JSON while one does not', () => {
    const start = ruleEditOf(undefined);
    const built = editFromDraft(start, { mode: 'when', join: 'any', rows: [{ questionId: 'oss-vendor-count', operator: 'ge', value: '1,200' }, { questionId: 'has-ivr', operator: 'eq', value: 'no' }] }, subjects);
    expect(built.text).toBe('{"or":[{">=":[{"var":"oss-vendor-count"},1200]},{"==":[{"var":"has-ivr"},false]}]}');
    const typing = editFromDraft(built, { mode: 'when', join: 'any', rows: [{ questionId: 'oss-vendor-count', operator: 'ge', value: '1,2' }] }, subjects);
    expect(typing.text).toBe(built.text);
    expect(typing.draft && rowProblems(typing.draft, subjects)).toEqual(['decimalComma']);
    expect(editFromDraft(built, { mode: 'always', join: 'any', rows: [] }, subjects).text).toBe('');
  });
});
