import { describe, expect, it } from 'vitest';
import { formatApiMessage } from '../../core/api/message';
import { assessmentFile, type AssessmentFile } from '../../core/content/schemas';
import { checkDefinition, evaluateAssessment, visibility } from '../../core/assessment/engine';
import { evaluate, referencedQuestions, RuleError } from '../../core/assessment/logic';
import { validateAnswer } from '../../core/assessment/validate-answer';
import { carryAnswers, diffDefinitions } from '../../core/assessment/diff';

const L = (en: string) => ({ en, zh: `${en}（中）` });

function definition(overrides: Partial<AssessmentFile> = {}): AssessmentFile {
  return assessmentFile.parse({
    id: 'test-readiness',
    version: 1,
    scenario: 'intelligent-customer-service',
    title: L('Test'),
    description: L('Test definition'),
    dimensions: [
      { id: 'business-value', weight: 0.6, label: L('Business value') },
      { id: 'data-readiness', weight: 0.4, label: L('Data readiness') },
    ],
    readinessLevels: [
      { id: 'not-ready', min: 0, label: L('Not ready'), description: L('x') },
      { id: 'pilot-ready', min: 60, label: L('Pilot ready'), description: L('x') },
      { id: 'scale-ready', min: 85, label: L('Scale ready'), description: L('x') },
    ],
    sections: [
      {
        id: 'context',
        title: L('Context'),
        questions: [
          { id: 'has-ivr', type: 'yesno', text: L('Has IVR?'), required: true, yes: { 'business-value': 4 }, no: { 'business-value': 1 } },
          { id: 'ivr-menus', type: 'number', text: L('IVR menu levels'), visibleIf: { '==': [{ var: 'has-ivr' }, true] }, number: { min: 1, max: 10, integer: true }, bands: [{ max: 4, scores: { 'business-value': 2 } }, { min: 4, scores: { 'business-value': 4 } }] },
          { id: 'channels', type: 'multiple', text: L('Channels'), options: [{ value: 'voice', label: L('Voice'), scores: { 'business-value': 2 } }, { value: 'chat', label: L('Chat'), scores: { 'business-value': 1 } }, { value: 'email', label: L('Email') }] },
        ],
      },
      {
        id: 'data',
        title: L('Data'),
        visibleIf: { in: ['voice', { var: 'channels' }] },
        questions: [
          { id: 'recordings', type: 'single', text: L('Recordings kept'), required: true, options: [{ value: 'none', label: L('None'), scores: { 'data-readiness': 0 } }, { value: 'months', label: L('Months'), scores: { 'data-readiness': 3 } }, { value: 'years', label: L('Years'), scores: { 'data-readiness': 5 } }] },
          { id: 'kb-quality', type: 'scale', text: L('KB quality'), scale: { min: 1, max: 5 }, scores: { 'data-readiness': 4 } },
          { id: 'go-live', type: 'date', text: L('Go-live') },
        ],
      },
    ],
    recommendations: [
      { id: 'rec-ivr', kind: 'template', ref: 'poc-ics-voicebot', when: { and: [{ '==': [{ var: 'has-ivr' }, true] }, { '>=': [{ var: 'ivr-menus' }, 4] }] }, reason: L('Deep IVR') },
      { id: 'rec-data', kind: 'risk', ref: 'rc-data-readiness#recordings', when: { '==': [{ var: 'recordings' }, 'none'] }, reason: L('No data') },
    ],
    ...overrides,
  });
}

describe('rule evaluation', () => {
  const answers: Record<string, unknown> = { a: 3, b: 'x', c: ['voice', 'chat'], d: true, e: null };
  const get = (id: string) => answers[id] as never;
  it.each([
    [{ '==': [{ var: 'a' }, 3] }, true],
    [{ '!=': [{ var: 'b' }, 'x'] }, false],
    [{ '<': [1, { var: 'a' }, 5] }, true],
    [{ '>=': [{ var: 'b' }, 1] }, false], // non-numbers never compare
    [{ in: ['voice', { var: 'c' }] }, true],
    [{ in: ['y', { var: 'b' }] }, false],
    [{ '!': { var: 'e' } }, true],
    [{ or: [false, { var: 'd' }] }, true],
    [{ and: [true, { var: 'missing' }] }, null],
    [{ var: ['missing', 7] }, 7],
  ])('%j → %j', (rule, expected) => {
    expect(evaluate(rule, get)).toEqual(expected);
  });

  it('refuses operators outside the subset instead of running anything', () => {
    expect(() => evaluate({ eval: 'process.exit()' }, get)).toThrow(RuleError);
    expect(() => evaluate({ '==': [1, 1], or: [] } as never, get)).toThrow(/exactly one operator/);
  });

  it('lists the questions a rule reads', () => {
    expect(referencedQuestions({ and: [{ var: 'a' }, { or: [{ var: 'b' }, { var: 'a' }] }] })).toEqual(['a', 'b']);
  });
});

describe('definition checks', () => {
  it('accepts a sound definition', () => {
    expect(checkDefinition(definition())).toEqual([]);
  });

  it('finds skip logic that refers forward (a cycle) or to unknown questions', () => {
    const def = definition();
    const first = def.sections[0]?.questions[0];
    if (first) first.visibleIf = { '==': [{ var: 'recordings' }, 'none'] };
    const second = def.sections[0]?.questions[1];
    if (second) second.visibleIf = { '==': [{ var: 'nope' }, 1] };
    const problems = checkDefinition(def);
    expect(problems).toContainEqual({ path: 'sections.0.questions.0.visibleIf', message: expect.stringMatching(/not asked before it.*cycle/) });
    expect(problems).toContainEqual({ path: 'sections.0.questions.1.visibleIf', message: 'refers to unknown question "nope"' });
  });

  it('finds comparisons that can never hold: a value that does not fit the question', () => {
    const def = definition();
    const [, menus] = def.sections[0]?.questions ?? [];
    if (menus) menus.visibleIf = { '==': [{ var: 'has-ivr' }, 'yes'] };
    const [, quality] = def.sections[1]?.questions ?? [];
    if (quality) quality.visibleIf = { and: [{ '>=': [{ var: 'recordings' }, 2] }, { in: [{ var: 'recordings' }, ['months', 'decades']] }] };
    def.recommendations = [
      { id: 'r1', kind: 'template', ref: 'poc-ics-voicebot', when: { '>=': [{ var: 'ivr-menus' }, '4'] }, reason: L('x') },
      { id: 'r2', kind: 'template', ref: 'poc-ics-voicebot', when: { or: [{ '==': [{ var: 'recordings' }, 'None'] }, { '==': [{ var: 'channels' }, 'voice'] }, { in: ['fax', { var: 'channels' }] }] }, reason: L('x') },
      // Sound: a choice, a number, true, null for "not answered", a date left alone, text as a substring.
      { id: 'r3', kind: 'template', ref: 'poc-ics-voicebot', when: { and: [{ '==': [{ var: 'recordings' }, 'years'] }, { '<': [1, { var: 'kb-quality' }, 5] }, { '!=': [{ var: 'has-ivr' }, null] }, { '==': [{ var: 'go-live' }, '2027-01-01'] }, { in: ['voice', { var: 'channels' }] }] }, reason: L('x') },
    ];
    expect(checkDefinition(def).map((p) => `${p.path}: ${p.message}`)).toEqual([
      'sections.0.questions.1.visibleIf: question "has-ivr" is answered yes or no (true or false), not "yes"',
      'sections.1.questions.1.visibleIf: ">=" compares numbers, but question "recordings" is not answered with a number',
      'sections.1.questions.1.visibleIf: "decades" is not a choice of "recordings" (its choices: none, months, years)',
      'recommendations.0.when: question "ivr-menus" is answered with a number, so comparing it with "4" never holds',
      'recommendations.1.when: "None" is not a choice of "recordings" (its choices: none, months, years)',
      'recommendations.1.when: question "channels" takes several choices, so "==" with "voice" never holds; use "in" to test for one choice',
      'recommendations.1.when: "fax" is not a choice of "channels" (its choices: voice, chat, email)',
    ]);
  });

  it('finds bad weights, levels, duplicate ids and unknown score dimensions', () => {
    const def = definition({ dimensions: [{ id: 'business-value', weight: 0.5, label: L('B') }] });
    const q = def.sections[1]?.questions[0];
    if (q) q.id = 'has-ivr';
    const paths = checkDefinition(def).map((p) => `${p.path}: ${p.message}`);
    expect(paths.join('\n')).toMatch(/dimensions: weights sum to 0.500/);
    expect(paths.join('\n')).toMatch(/question id "has-ivr" is already used/);
    expect(paths.join('\n')).toMatch(/scores unknown dimension "data-readiness"/);
  });
});

describe('visibility and skip logic', () => {
  it('follows conditional questions both ways', () => {
    expect(visibility(definition(), { 'has-ivr': true }).questions.has('ivr-menus')).toBe(true);
    expect(visibility(definition(), { 'has-ivr': false }).questions.has('ivr-menus')).toBe(false);
  });

  it('hides a whole section and ignores answers behind hidden questions', () => {
    const result = evaluateAssessment(definition(), { 'has-ivr': false, 'ivr-menus': 9, channels: ['chat'], recordings: 'none' });
    expect(result.visibleQuestions).toEqual(['has-ivr', 'channels']);
    expect(result.recommendations.map((r) => r.id)).toEqual([]); // rec-data reads a hidden answer
    expect(result.requiredMissing).toEqual([]);
  });
});

describe('scoring, readiness and recommendations', () => {
  it('scores dimensions from visible answers and weights them', () => {
    const result = evaluateAssessment(definition(), { 'has-ivr': true, 'ivr-menus': 5, channels: ['voice', 'chat'], recordings: 'years', 'kb-quality': 3 });
    // business value: yes 4/4 + menus 4/4 + channels 3/3 = 100; data: years 5/5 + scale 2/4 → 7/9
    expect(result.dimensions).toEqual([
      { id: 'business-value', score: 100, earned: 11, max: 11, answeredQuestions: 3 },
      { id: 'data-readiness', score: 77.8, earned: 7, max: 9, answeredQuestions: 2 },
    ]);
    expect(result.overall).toBe(91.1);
    expect(result.readiness).toBe('scale-ready');
    expect(result.recommendations).toEqual([
      { id: 'rec-ivr', kind: 'template', ref: 'poc-ics-voicebot', triggeredBy: [{ questionId: 'has-ivr', value: true }, { questionId: 'ivr-menus', value: 5 }] },
    ]);
  });

  it('reports gaps, missing required answers and a low readiness', () => {
    const result = evaluateAssessment(definition(), { 'has-ivr': false, channels: ['voice'] });
    expect(result.requiredMissing).toEqual(['recordings']);
    const low = evaluateAssessment(definition(), { 'has-ivr': false, channels: ['voice'], recordings: 'none', 'kb-quality': 1 });
    expect(low.readiness).toBe('not-ready');
    expect(low.gaps.map((g) => g.questionId)).toEqual(['recordings', 'kb-quality', 'has-ivr']);
    expect(low.recommendations.map((r) => [r.id, r.triggeredBy])).toEqual([['rec-data', [{ questionId: 'recordings', value: 'none' }]]]);
  });

  it('has no overall score before any scoring answer', () => {
    const result = evaluateAssessment(definition(), {});
    expect(result.overall).toBeNull();
    expect(result.readiness).toBeNull();
    expect(result.requiredMissing).toEqual(['has-ivr']);
  });
});

describe('answer validation', () => {
  const def = definition();
  const q = (id: string) => def.sections.flatMap((s) => s.questions).find((x) => x.id === id)!;
  it.each([
    ['ivr-menus', 11, /above the maximum 10/],
    ['ivr-menus', 2.5, /whole number/],
    ['ivr-menus', 'five', /enter a number/],
    ['ivr-menus', Number.NaN, /enter a number/],
    ['recordings', 'forever', /not one of the options/],
    ['channels', ['voice', 'voice'], /twice/],
    ['channels', ['fax'], /not one of the options/],
    ['kb-quality', 6, /outside the scale/],
    ['has-ivr', 'yes', /yes or no/],
    ['go-live', '2026-02-30', /not a real date/],
    ['go-live', 'tomorrow', /YYYY-MM-DD/],
  ])('%s rejects %j', (id, value, message) => {
    const problem = validateAnswer(q(id), value);
    expect(problem && formatApiMessage(problem, 'en')).toMatch(message);
  });
  it('accepts good values and clearing', () => {
    expect(validateAnswer(q('ivr-menus'), 3)).toBeNull();
    expect(validateAnswer(q('go-live'), '2027-02-28')).toBeNull();
    expect(validateAnswer(q('channels'), null)).toBeNull();
  });
});

describe('definition versions', () => {
  it('shows added, removed and changed questions and sets aside answers that no longer fit', () => {
    const v1 = definition();
    const v2 = definition({ version: 2 });
    const context = v2.sections[0]!;
    context.questions = context.questions.filter((x) => x.id !== 'ivr-menus');
    context.questions.push({ id: 'agents', type: 'number', text: L('Agents'), number: { min: 0 }, helpArticles: [], required: false });
    const recordings = v2.sections[1]!.questions[0]!;
    if (recordings.type === 'single') recordings.options = recordings.options.filter((o) => o.value !== 'none');
    expect(diffDefinitions(v1, v2)).toEqual({ added: ['agents'], removed: ['ivr-menus'], changed: [{ questionId: 'recordings', fields: ['options'] }] });
    const carried = carryAnswers(v2, { 'has-ivr': true, 'ivr-menus': 3, recordings: 'none', channels: ['voice'] });
    expect(carried.kept).toEqual({ 'has-ivr': true, channels: ['voice'] });
    expect(carried.setAside.map((s) => s.questionId)).toEqual(['ivr-menus', 'recordings']);
  });
});
