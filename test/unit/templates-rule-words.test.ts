import { describe, expect, it } from 'vitest';
import type { Question, Rule } from '../../core/content/schemas';
import {
  describeRule,
  inputOf,
  modelToRule,
  newConditionInput,
  operatorsFor,
  readConditionInput,
  ruleSubjects,
  ruleToModel,
  subjectFor,
  type RuleModel,
} from '../../core/templates/rule-words';

/**
 * A template section's rule as a builder in words: which rules the builder can show (exactly, so a
 * rule it cannot show is kept as written), the round trip rule → model → rule, rows as typed, and
 * the words in English and Chinese.
 */

const questions: Question[] = [
  { id: 'oss-vendor-count', type: 'number', text: { en: 'Number of OSS vendors', zh: 'OSS 厂商数量' }, helpArticles: [], required: false, number: { integer: true } },
  { id: 'has-ivr', type: 'yesno', text: { en: 'Has IVR', zh: '是否有 IVR' }, helpArticles: [], required: false },
  {
    id: 'crm-integration',
    type: 'single',
    text: { en: 'CRM integration', zh: 'CRM 集成' },
    helpArticles: [],
    required: false,
    options: [
      { value: 'api', label: { en: 'Documented API', zh: '有文档的 API' } },
      { value: 'none', label: { en: 'None', zh: '无' } },
    ],
  },
  {
    id: 'use-cases',
    type: 'multiple',
    text: { en: 'Use cases', zh: '用例' },
    helpArticles: [],
    required: false,
    options: [
      { value: 'churn-prevention', label: { en: 'Churn prevention', zh: '离网预防' } },
      { value: 'upsell', label: { en: 'Upsell', zh: '追加销售' } },
    ],
  },
  { id: 'site-name', type: 'text', text: { en: 'Site name', zh: '站点名称' }, helpArticles: [], required: false },
  { id: 'go-live', type: 'date', text: { en: 'Go-live date', zh: '上线日期' }, helpArticles: [], required: false },
  { id: 'maturity', type: 'scale', text: { en: 'Maturity', zh: '成熟度' }, helpArticles: [], required: false, scale: { min: 1, max: 5 } },
];

const subjects = ruleSubjects(
  [
    { title: { en: 'NFP readiness', zh: 'NFP 就绪度' }, questions },
    // A second definition repeating a question id: offered once, as the first defines it.
    { title: { en: 'Other', zh: '其他' }, questions: [{ id: 'has-ivr', type: 'text', text: { en: 'Other IVR', zh: '其他' }, helpArticles: [], required: false }] },
  ],
  [
    { id: 'network-fault-prediction', name: { en: 'Network fault prediction', zh: '网络故障预测' } },
    { id: 'smart-marketing-churn', name: { en: 'Smart marketing', zh: '智能营销' } },
  ],
);

describe('subjects and operators', () => {
  it('offers the scenario and every question the builder can handle, by kind, labelled by definition', () => {
    expect(subjects.map((s) => [s.id, s.kind])).toEqual([
      ['scenario', 'scenario'],
      ['oss-vendor-count', 'number'],
      ['has-ivr', 'yesno'],
      ['crm-integration', 'single'],
      ['use-cases', 'multiple'],
      ['site-name', 'text'],
      ['go-live', 'other'],
      ['maturity', 'number'],
    ]);
    expect(subjects[1]?.group).toEqual({ en: 'NFP readiness', zh: 'NFP 就绪度' });
    expect(subjects[0]?.options.map((o) => o.value)).toEqual(['network-fault-prediction', 'smart-marketing-churn']);
  });

  it('offers the operators each kind of question allows', () => {
    expect(operatorsFor('number')).toEqual(['eq', 'ne', 'lt', 'le', 'gt', 'ge']);
    expect(operatorsFor('single')).toEqual(['eq', 'ne', 'oneOf']);
    expect(operatorsFor('multiple')).toEqual(['includes', 'excludes']);
    expect(operatorsFor('yesno')).toEqual(['eq']);
    expect(operatorsFor('text')).toEqual(['eq', 'ne']);
    expect(operatorsFor('scenario')).toEqual(['eq', 'ne', 'oneOf']);
    expect(operatorsFor('other')).toEqual([]);
  });

  it('names a question no assessment has by its id, flagged, with a kind judged from the condition', () => {
    expect(subjectFor('gone', subjects, { operator: 'ge', value: 2 })).toMatchObject({ id: 'gone', kind: 'number', unknown: true, label: { en: 'gone' } });
    expect(subjectFor('gone', subjects, { operator: 'includes', value: 'x' }).kind).toBe('multiple');
    expect(subjectFor('gone', subjects, { operator: 'eq', value: true }).kind).toBe('yesno');
  });
});

describe('rule ↔ model', () => {
  const representable: [string, Rule | undefined, RuleModel][] = [
    ['no rule: always', undefined, { join: 'all', conditions: [] }],
    ['a number comparison', { '>=': [{ var: 'oss-vendor-count' }, 2] }, { join: 'all', conditions: [{ questionId: 'oss-vendor-count', operator: 'ge', value: 2 }] }],
    ['not equal', { '!=': [{ var: 'crm-integration' }, 'api'] }, { join: 'all', conditions: [{ questionId: 'crm-integration', operator: 'ne', value: 'api' }] }],
    ['yes/no', { '==': [{ var: 'has-ivr' }, false] }, { join: 'all', conditions: [{ questionId: 'has-ivr', operator: 'eq', value: false }] }],
    ['includes', { in: ['churn-prevention', { var: 'use-cases' }] }, { join: 'all', conditions: [{ questionId: 'use-cases', operator: 'includes', value: 'churn-prevention' }] }],
    ['does not include', { '!': { in: ['upsell', { var: 'use-cases' }] } }, { join: 'all', conditions: [{ questionId: 'use-cases', operator: 'excludes', value: 'upsell' }] }],
    ['the scenario', { '==': [{ var: 'scenario' }, 'smart-marketing-churn'] }, { join: 'all', conditions: [{ questionId: 'scenario', operator: 'eq', value: 'smart-marketing-churn' }] }],
    ['one of a list of choices', { in: [{ var: 'crm-integration' }, ['api', 'none']] }, { join: 'all', conditions: [{ questionId: 'crm-integration', operator: 'oneOf', value: ['api', 'none'] }] }],
    ['the scenario is one of', { in: [{ var: 'scenario' }, ['smart-marketing-churn']] }, { join: 'all', conditions: [{ questionId: 'scenario', operator: 'oneOf', value: ['smart-marketing-churn'] }] }],
    [
      'all of',
      { and: [{ '==': [{ var: 'has-ivr' }, true] }, { '>': [{ var: 'maturity' }, 0] }] },
      {
        join: 'all',
        conditions: [
          { questionId: 'has-ivr', operator: 'eq', value: true },
          { questionId: 'maturity', operator: 'gt', value: 0 },
        ],
      },
    ],
    [
      'any of',
      { or: [{ '<': [{ var: 'oss-vendor-count' }, 3] }, { '==': [{ var: 'site-name' }, 'Harbour'] }] },
      {
        join: 'any',
        conditions: [
          { questionId: 'oss-vendor-count', operator: 'lt', value: 3 },
          { questionId: 'site-name', operator: 'eq', value: 'Harbour' },
        ],
      },
    ],
    ['a question no assessment has (flagged, still editable)', { '>=': [{ var: 'gone' }, 1] }, { join: 'all', conditions: [{ questionId: 'gone', operator: 'ge', value: 1 }] }],
  ];

  it.each(representable)('%s: to the model and back to the same JSON', (_name, rule, model) => {
    expect(ruleToModel(rule, subjects)).toEqual(model);
    expect(modelToRule(model)).toEqual(rule);
  });

  const tooComplex: [string, Rule][] = [
    ['nested and/or', { and: [{ '==': [{ var: 'has-ivr' }, true] }, { or: [{ '>': [{ var: 'maturity' }, 1] }, { '<': [{ var: 'maturity' }, 0] }] }] }],
    ['"between"', { '<': [1, { var: 'oss-vendor-count' }, 5] }],
    ['one of a list with a value that is not an option', { in: [{ var: 'crm-integration' }, ['api', 'fax']] }],
    ['one of a list named twice', { in: [{ var: 'crm-integration' }, ['api', 'api']] }],
    ['one of an empty list', { in: [{ var: 'crm-integration' }, []] }],
    ['one of a list of numbers', { in: [{ var: 'oss-vendor-count' }, [1, 2]] }],
    ['one of, on a multiple-choice question', { in: [{ var: 'use-cases' }, ['upsell']] }],
    ['an operator the type does not take', { '>=': [{ var: 'has-ivr' }, 1] }],
    ['a value of the wrong type', { '==': [{ var: 'oss-vendor-count' }, '2'] }],
    ['a choice that is not an option', { '==': [{ var: 'crm-integration' }, 'fax'] }],
    ['a date question', { '==': [{ var: 'go-live' }, '2026-01-01'] }],
    ['operands the other way round', { '<=': [2, { var: 'oss-vendor-count' }] }],
    ['and of one', { and: [{ '==': [{ var: 'has-ivr' }, true] }] }],
    ['a bare var', { var: 'has-ivr' }],
    ['not of a comparison', { '!': { '==': [{ var: 'has-ivr' }, true] } }],
    ['not with its operand in a list', { '!': [{ in: ['upsell', { var: 'use-cases' }] }] }],
    ['var with a fallback', { '==': [{ var: ['has-ivr', false] }, true] }],
  ];

  it.each(tooComplex)('%s: left to the JSON editor', (_name, rule) => {
    expect(ruleToModel(rule, subjects)).toBeNull();
  });

  it('writes every operator the builder offers and reads it back', () => {
    const model: RuleModel = {
      join: 'any',
      conditions: [
        ...(['eq', 'ne', 'lt', 'le', 'gt', 'ge'] as const).map((operator) => ({ questionId: 'oss-vendor-count', operator, value: 1200 })),
        ...(['includes', 'excludes'] as const).map((operator) => ({ questionId: 'use-cases', operator, value: 'upsell' })),
        { questionId: 'scenario', operator: 'ne' as const, value: 'network-fault-prediction' },
        { questionId: 'crm-integration', operator: 'oneOf' as const, value: ['none', 'api'] },
      ],
    };
    const rule = modelToRule(model);
    expect(ruleToModel(JSON.parse(JSON.stringify(rule)) as Rule, subjects)).toEqual(model);
  });
});

describe('builder rows', () => {
  it('reads numbers as people type them', () => {
    expect(readConditionInput({ questionId: 'oss-vendor-count', operator: 'ge', value: '1,200' }, subjects)).toEqual({ ok: true, condition: { questionId: 'oss-vendor-count', operator: 'ge', value: 1200 } });
    expect(readConditionInput({ questionId: 'oss-vendor-count', operator: 'ge', value: '２' }, subjects)).toMatchObject({ ok: true, condition: { value: 2 } });
    expect(readConditionInput({ questionId: 'oss-vendor-count', operator: 'ge', value: 'two' }, subjects)).toEqual({ ok: false, problem: 'notNumber' });
    expect(readConditionInput({ questionId: 'oss-vendor-count', operator: 'ge', value: '12,5' }, subjects)).toEqual({ ok: false, problem: 'decimalComma' });
    expect(readConditionInput({ questionId: 'oss-vendor-count', operator: 'ge', value: ' ' }, subjects)).toEqual({ ok: false, problem: 'noValue' });
  });

  it('reads yes/no, choices and text, and names what is missing', () => {
    expect(readConditionInput({ questionId: 'has-ivr', operator: 'eq', value: 'no' }, subjects)).toMatchObject({ ok: true, condition: { value: false } });
    expect(readConditionInput({ questionId: 'crm-integration', operator: 'ne', value: 'api' }, subjects)).toMatchObject({ ok: true, condition: { operator: 'ne', value: 'api' } });
    expect(readConditionInput({ questionId: 'crm-integration', operator: 'eq', value: 'fax' }, subjects)).toEqual({ ok: false, problem: 'notOption' });
    expect(readConditionInput({ questionId: 'site-name', operator: 'eq', value: '' }, subjects)).toMatchObject({ ok: true, condition: { value: '' } });
    expect(readConditionInput({ questionId: '', operator: 'eq', value: '1' }, subjects)).toEqual({ ok: false, problem: 'noQuestion' });
  });

  it('reads "is one of" as the choices ticked, each once, and names an empty or unknown choice', () => {
    expect(readConditionInput({ questionId: 'crm-integration', operator: 'oneOf', value: '', values: ['none', 'api', 'none'] }, subjects)).toEqual({
      ok: true,
      condition: { questionId: 'crm-integration', operator: 'oneOf', value: ['none', 'api'] },
    });
    expect(readConditionInput({ questionId: 'crm-integration', operator: 'oneOf', value: 'api', values: [] }, subjects)).toEqual({ ok: false, problem: 'noValue' });
    expect(readConditionInput({ questionId: 'crm-integration', operator: 'oneOf', value: '', values: ['fax'] }, subjects)).toEqual({ ok: false, problem: 'notOption' });
    // A question whose kind has no "one of" takes its first operator instead.
    expect(readConditionInput({ questionId: 'oss-vendor-count', operator: 'oneOf', value: '3', values: ['3'] }, subjects)).toMatchObject({ ok: true, condition: { operator: 'eq', value: 3 } });
    const condition = { questionId: 'gone', operator: 'oneOf' as const, value: ['a', 'b'] };
    expect(readConditionInput(inputOf(condition), subjects)).toEqual({ ok: true, condition });
  });

  it('moves an operator the new question does not take to its first one', () => {
    expect(readConditionInput({ questionId: 'use-cases', operator: 'ge', value: 'upsell' }, subjects)).toMatchObject({ ok: true, condition: { operator: 'includes' } });
  });

  it('starts a row with the first operator and option, and shows a condition in its controls', () => {
    const useCases = subjectFor('use-cases', subjects);
    expect(newConditionInput(useCases)).toEqual({ questionId: 'use-cases', operator: 'includes', value: 'churn-prevention' });
    expect(newConditionInput(subjectFor('has-ivr', subjects))).toEqual({ questionId: 'has-ivr', operator: 'eq', value: 'yes' });
    expect(inputOf({ questionId: 'has-ivr', operator: 'eq', value: false })).toMatchObject({ questionId: 'has-ivr', operator: 'eq', value: 'no' });
    expect(inputOf({ questionId: 'oss-vendor-count', operator: 'ge', value: 1200 }).value).toBe('1200');
  });

  it('keeps the type of a value on a question no assessment has', () => {
    for (const value of [2, true, '2']) {
      const condition = { questionId: 'gone', operator: 'eq' as const, value };
      expect(readConditionInput(inputOf(condition), subjects)).toEqual({ ok: true, condition });
    }
  });
});

describe('words', () => {
  const en = (rule: Rule) => describeRule(rule, 'en', subjects);
  const zh = (rule: Rule) => describeRule(rule, 'zh', subjects);

  it('words what the builder builds, in English and Chinese', () => {
    const rule: Rule = { and: [{ '>=': [{ var: 'oss-vendor-count' }, 2] }, { '==': [{ var: 'has-ivr' }, true] }] };
    expect(en(rule)).toEqual({ text: '“Number of OSS vendors” ≥ 2 and “Has IVR” is Yes', unknown: [] });
    expect(zh(rule).text).toBe('“OSS 厂商数量” ≥ 2 且 “是否有 IVR”为“是”');
    expect(en({ '!=': [{ var: 'crm-integration' }, 'api'] }).text).toBe('“CRM integration” is not “Documented API”');
    expect(zh({ '==': [{ var: 'crm-integration' }, 'api'] }).text).toBe('“CRM 集成”为“有文档的 API”');
    expect(en({ in: ['churn-prevention', { var: 'use-cases' }] }).text).toBe('“Use cases” includes “Churn prevention”');
    expect(zh({ '!': { in: ['upsell', { var: 'use-cases' }] } }).text).toBe('“用例”不包含“追加销售”');
    expect(en({ '==': [{ var: 'scenario' }, 'smart-marketing-churn'] }).text).toBe('the scenario is “Smart marketing”');
    expect(zh({ '!=': [{ var: 'scenario' }, 'smart-marketing-churn'] }).text).toBe('场景不为“智能营销”');
    expect(en({ in: [{ var: 'crm-integration' }, ['api', 'none']] }).text).toBe('“CRM integration” is one of “Documented API”, “None”');
    expect(zh({ in: [{ var: 'crm-integration' }, ['api', 'none']] }).text).toBe('“CRM 集成”为“有文档的 API”、“无”之一');
    expect(en({ or: [{ '<': [{ var: 'oss-vendor-count' }, 1200] }, { '==': [{ var: 'has-ivr' }, false] }] }).text).toBe('“Number of OSS vendors” < 1,200 or “Has IVR” is No');
  });

  it('words rules the builder leaves to the JSON editor', () => {
    expect(en({ and: [{ '==': [{ var: 'has-ivr' }, true] }, { or: [{ '>': [{ var: 'maturity' }, 3] }, { in: [{ var: 'crm-integration' }, ['api', 'none']] }] }] }).text).toBe(
      '“Has IVR” is Yes and (“Maturity” > 3 or “CRM integration” is one of “Documented API”, “None”)',
    );
    expect(zh({ in: [{ var: 'crm-integration' }, ['api', 'none']] }).text).toBe('“CRM 集成”为“有文档的 API”、“无”之一');
    expect(en({ '<': [1, { var: 'oss-vendor-count' }, 5] }).text).toBe('1 < “Number of OSS vendors” < 5');
    expect(en({ '<=': [2, { var: 'oss-vendor-count' }] }).text).toBe('“Number of OSS vendors” ≥ 2');
    expect(en({ '!': { '==': [{ var: 'crm-integration' }, 'api'] } }).text).toBe('not (“CRM integration” is “Documented API”)');
    expect(en({ var: 'has-ivr' }).text).toBe('“Has IVR” is Yes');
    expect(zh({ '!': { var: 'site-name' } }).text).toBe('“站点名称”未作答');
    expect(en({ '==': [{ var: 'go-live' }, '2026-01-01'] })).toEqual({ text: '“Go-live date” is “2026-01-01”', unknown: [] });
  });

  it('names a question no assessment has by its id and flags it', () => {
    expect(en({ or: [{ '>=': [{ var: 'gone' }, 2] }, { '==': [{ var: 'also-gone' }, true] }] })).toEqual({
      text: 'gone (unknown question) ≥ 2 or also-gone (unknown question) is Yes',
      unknown: ['gone', 'also-gone'],
    });
    expect(zh({ '>=': [{ var: 'gone' }, 2] }).text).toBe('gone（未知问题） ≥ 2');
  });

  it('shows what has no wording as its JSON', () => {
    expect(en({ in: [{ var: 'site-name' }, 'Harbour Bay'] }).text).toBe('{"in":[{"var":"site-name"},"Harbour Bay"]}');
  });
});
