import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { formatApiMessage } from '../../core/api/message';
import { assessmentFile, templateFile, type TemplateFile } from '../../core/content/schemas';
import { evaluateAssessment } from '../../core/assessment/engine';
import type { AnswerValue } from '../../core/assessment/logic';
import type { Engagement } from '../../core/engagements/types';
import type { RiskItem } from '../../core/risks/types';
import { generateProposal, suggestVariable, type ArticleSource, type GenerationInput } from '../../core/proposals/generate';
import { documentJson, heading, paragraph, textNode } from '../../core/richtext/build';
import { plainText } from '../../core/richtext/text';
import { blocksOf, type RichNode } from '../../core/richtext/walk';
import { provenanceOf } from '../../core/proposals/provenance';
import { checkProposalDocument } from '../../core/proposals/document';
import { checkTemplate } from '../../core/proposals/template-check';
import { icsAnswerValues, icsDefinition } from '../helpers/ics-assessment';

function bundledTemplate(id: string): TemplateFile {
  return templateFile.parse(parse(fs.readFileSync(path.resolve('resources', 'content', 'templates', `${id}.yaml`), 'utf8')));
}

const engagement: Engagement = {
  id: 'e1',
  title: 'Contact centre pilot',
  customer: { id: 'c1', name: 'Eastern Telecom', kind: 'enterprise', industry: 'telecom', region: 'Shanghai' },
  stage: 'proposal',
  scenarios: ['intelligent-customer-service'],
  startDate: '2026-04-06',
  endDate: '2026-06-26',
  timeZone: null,
  team: [
    { name: 'Anna Berg', role: 'Conversation designer' },
    { name: 'Zhang Min', role: 'Delivery lead' },
  ],
  createdAt: '2026-03-01T00:00:00.000Z',
  updatedAt: '2026-03-01T00:00:00.000Z',
};

function risk(id: string, title: string, likelihood: number, impact: number, status: RiskItem['status']): RiskItem {
  return {
    id,
    engagementId: 'e1',
    engagementTitle: engagement.title,
    customerName: engagement.customer.name,
    checklistId: null,
    checklistItemId: null,
    source: 'manual',
    sessionId: null,
    recommendationReason: '',
    lang: 'en',
    title,
    description: '',
    category: 'data',
    likelihood,
    impact,
    score: likelihood * impact,
    owner: id === 'r1' ? 'Li Wei' : '',
    dueDate: null,
    status,
    mitigation: `Mitigate ${title}`,
    articles: [],
    articleRefs: [],
    overdue: false,
    createdAt: '2026-03-01T00:00:00.000Z',
    updatedAt: '2026-03-01T00:00:00.000Z',
  };
}

const article: ArticleSource = {
  id: 'ics-intent-taxonomy-method',
  title: { en: 'Building an intent taxonomy', zh: '构建意图体系' },
  body: { en: documentJson([heading('h2', 'Start from calls'), paragraph([textNode('Listen to 300 calls.')])]), zh: documentJson([paragraph([textNode('先听 300 通录音。')])]) },
  reviewDate: '2027-09-30',
};

function input(overrides: Partial<GenerationInput> = {}, answers: Record<string, AnswerValue> = icsAnswerValues()): GenerationInput {
  const definition = icsDefinition();
  return {
    template: bundledTemplate('poc-ics-voicebot'),
    lang: 'en',
    engagement,
    scenarios: [{ id: 'intelligent-customer-service', name: { en: 'Intelligent customer service', zh: '智能客服' } }],
    assessment: { sessionId: 's1', definition, answers, result: evaluateAssessment(definition, answers) },
    risks: [risk('r1', 'Recording consent', 3, 4, 'open'), risk('r2', 'Old risk', 5, 5, 'mitigated'), risk('r3', 'Latency', 4, 4, 'mitigating')],
    articles: [article],
    today: '2026-03-20',
    ...overrides,
  };
}

/** A template with one section per body, for focused cases. */
function miniTemplate(sections: TemplateFile['sections']): TemplateFile {
  return { ...bundledTemplate('poc-ics-voicebot'), sections };
}

function sectionText(result: ReturnType<typeof generateProposal>, id: string): string {
  const section = result.proposal.sections.find((s) => s.id === id);
  if (!section) throw new Error(`no section ${id}`);
  return blocksOf(section.bodyJson).map(plainText).join('\n');
}

function variablesIn(node: RichNode): RichNode[] {
  if (node.type === 'variable') return [node];
  return Array.isArray(node.children) ? (node.children as RichNode[]).flatMap(variablesIn) : [];
}

describe('generateProposal', () => {
  it('fills variables in English: customer, answers in words (numbers bare: the template says the unit), scores, readiness, team lead', () => {
    const result = generateProposal(input());
    expect(result.problems).toEqual([]);
    const summary = sectionText(result, 'executive-summary');
    expect(summary).toContain('Eastern Telecom handles about 250,000 customer contacts a month.');
    expect(summary).toMatch(/overall readiness at \d+(\.\d)? out of 100 \(Pilot ready\)/);
    expect(summary).toContain('The delivery lead is Zhang Min.');
    expect(summary).not.toContain('{{');
    expect(result.proposal).toMatchObject({ lang: 'en', status: 'draft', templateId: 'poc-ics-voicebot', sessionId: 's1', title: 'Voice virtual agent POC — Eastern Telecom' });
  });

  it('fills the same template in Chinese, with Chinese labels and structured section titles', () => {
    const result = generateProposal(input({ lang: 'zh' }));
    expect(result.problems).toEqual([]);
    const summary = sectionText(result, 'executive-summary');
    expect(summary).toContain('Eastern Telecom 每月约处理 250,000 次客户联络。');
    expect(summary).toContain('（可开展试点）');
    // The register takes the template's chapter about risks; a kind no chapter names keeps its own title.
    expect(result.proposal.sections.find((s) => s.kind === 'risks')?.title).toBe('风险与应对');
    const noRiskChapter = generateProposal(input({ lang: 'zh', template: miniTemplate([{ id: 'intro', title: { en: 'Intro', zh: '引言' }, body: { en: 'x', zh: '正文' } }]) }));
    expect(noRiskChapter.proposal.sections.map((s) => s.title)).toEqual(['引言', '成功标准与目标', '风险登记册', '进度与里程碑', '报价明细']);
    expect(result.proposal.pricing.lines[0]?.unit).toBe('人天');
    expect(result.proposal.successCriteria[0]?.metric).toBe('范围内意图自助解决率');
  });

  it('leaves out the space a Chinese template puts beside a variable where the filled-in value is Chinese at that edge, and keeps it beside Latin text and figures', () => {
    const chinese: Engagement = { ...engagement, customer: { ...engagement.customer, name: '东方电信' }, team: [{ name: '张敏', role: '交付负责人' }] };
    const result = generateProposal(input({ lang: 'zh', engagement: chinese }));
    const summary = sectionText(result, 'executive-summary');
    expect(summary).toContain('东方电信每月约处理 250,000 次客户联络。');
    expect(summary).toContain('2026年3月20日完成的就绪度评估');
    expect(summary).toContain('交付负责人为张敏。');
    expect(sectionText(result, 'commercial-terms')).toContain('自 2026年3月20日起 60 天内有效');
    expect(sectionText(result, 'commercial-terms')).toContain('若东方电信在六个月内');
    const titled = { ...bundledTemplate('poc-ics-voicebot'), title: { en: '{{customer.name}} voice POC', zh: '{{customer.name}} 语音 POC' } };
    expect(generateProposal(input({ lang: 'zh', engagement: chinese, template: titled })).proposal.title).toBe('东方电信语音 POC');
    expect(generateProposal(input({ lang: 'zh', template: titled })).proposal.title).toBe('Eastern Telecom 语音 POC');
  });

  it("writes dates in the text as each language's documents do: ISO in English, 2026年3月20日 in Chinese", () => {
    const dated = miniTemplate([{ id: 'dates', title: { en: 'Dates', zh: '日期' }, body: { en: '{{today}} {{timeline.start}} {{engagement.startDate}}', zh: '{{today}} {{timeline.start}} {{engagement.startDate}}' } }]);
    expect(sectionText(generateProposal(input({ template: dated })), 'dates')).toBe('2026-03-20 2026-04-06 2026-04-06');
    expect(sectionText(generateProposal(input({ template: dated, lang: 'zh' })), 'dates')).toBe('2026年3月20日 2026年4月6日 2026年4月6日');
  });

  it('turns a misspelt variable into a VariableNode with a suggestion and a problem naming the section', () => {
    const result = generateProposal(input({ template: miniTemplate([{ id: 'intro', title: { en: 'Executive summary', zh: '执行摘要' }, body: { en: 'Dear {{custmer.name}}, hello.', zh: '您好 {{custmer.name}}' } }]) }));
    expect(result.problems).toEqual([
      {
        sectionId: 'intro',
        sectionTitle: 'Executive summary',
        kind: 'unknown-variable',
        subject: 'custmer.name',
        message: 'Unknown variable {{custmer.name}} in section Executive summary — did you mean customer.name?',
      },
    ]);
    const [block] = blocksOf(result.proposal.sections[0]?.bodyJson ?? '');
    expect(variablesIn(block as RichNode)).toEqual([{ type: 'variable', version: 1, name: 'custmer.name', reason: 'unknown', suggestion: 'customer.name' }]);
    expect(plainText(block as RichNode)).toBe('Dear {{custmer.name}}, hello.');
  });

  it('leaves an unanswered question as a variable to fill in', () => {
    const answers = icsAnswerValues();
    delete answers['ivr-menu-depth'];
    const result = generateProposal(input({}, answers));
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ sectionId: 'ivr-migration', kind: 'missing-value', subject: 'answer.ivr-menu-depth' });
    expect(result.problems[0]?.message).toContain('has no answer');
    const section = result.proposal.sections.find((s) => s.id === 'ivr-migration');
    expect(blocksOf(section?.bodyJson ?? '').flatMap(variablesIn)).toEqual([{ type: 'variable', version: 1, name: 'answer.ivr-menu-depth', reason: 'no-answer' }]);
  });

  it('includes a conditional section only when its rule holds', () => {
    expect(generateProposal(input()).proposal.sections.map((s) => s.id)).toContain('ivr-migration');
    const noIvr = { ...icsAnswerValues(), 'has-ivr': false };
    expect(generateProposal(input({}, noIvr)).proposal.sections.map((s) => s.id)).not.toContain('ivr-migration');
    // Rules may read the scenario.
    const byScenario = miniTemplate([
      { id: 'ics-only', title: { en: 'A', zh: 'A' }, when: { '==': [{ var: 'scenario' }, 'intelligent-customer-service'] }, body: { en: 'x', zh: 'x' } },
      { id: 'other', title: { en: 'B', zh: 'B' }, when: { '==': [{ var: 'scenario' }, 'smart-marketing'] }, body: { en: 'y', zh: 'y' } },
    ]);
    expect(generateProposal(input({ template: byScenario })).proposal.sections.filter((s) => s.kind === 'text').map((s) => s.id)).toEqual(['ics-only']);
  });

  it('keeps a section with a broken rule out and reports it, never throwing', () => {
    const template = miniTemplate([
      { id: 'arity', title: { en: 'Arity', zh: 'Arity' }, when: { '==': [1] }, body: { en: 'x', zh: 'x' } },
      // Not possible through the schema, but stored JSON could hold it: the evaluator refuses it.
      { id: 'operator', title: { en: 'Operator', zh: 'Operator' }, when: { xor: [1, 2] } as never, body: { en: 'y', zh: 'y' } },
      { id: 'fine', title: { en: 'Fine', zh: 'Fine' }, body: { en: 'z', zh: 'z' } },
    ]);
    const result = generateProposal(input({ template }));
    expect(result.proposal.sections.filter((s) => s.kind === 'text').map((s) => s.id)).toEqual(['fine']);
    expect(result.problems.map((p) => [p.sectionId, p.kind])).toEqual([
      ['arity', 'broken-rule'],
      ['operator', 'broken-rule'],
    ]);
    expect(result.problems[0]?.message).toBe('Section Arity was left out: its rule is broken ("==" takes 2 operands, not 1)');
    expect(result.problems[1]?.message).toContain('unknown rule operator "xor"');
  });

  it('repeats a team block per member as one list, each member in the provenance', () => {
    const result = generateProposal(input());
    const blocks = blocksOf(result.proposal.sections.find((s) => s.id === 'team')?.bodyJson ?? '');
    expect(blocks).toHaveLength(1);
    expect(plainText(blocks[0] as RichNode)).toBe('Anna Berg, Conversation designer\nZhang Min, Delivery lead');
    expect(provenanceOf(blocks[0]).map((p) => p.ref)).toEqual(['poc-ics-voicebot@2#team', 'team.0', 'team.1']);
    const noTeam = generateProposal(input({ engagement: { ...engagement, team: [] } }));
    expect(noTeam.proposal.sections.map((s) => s.id)).not.toContain('team');
    expect(noTeam.problems.find((p) => p.kind === 'empty-repeat')?.message).toBe('Section Project team was left out: it repeats per team member, but the engagement has no team');
    // With no team, team.lead is left to fill in too.
    expect(noTeam.problems.some((p) => p.subject === 'team.lead')).toBe(true);
  });

  it('copies a fromArticle section in the proposal language and remembers the review date', () => {
    const en = generateProposal(input());
    const blocks = blocksOf(en.proposal.sections.find((s) => s.id === 'approach')?.bodyJson ?? '');
    expect(blocks.map(plainText)).toEqual(['Start from calls', 'Listen to 300 calls.']);
    for (const block of blocks) expect(provenanceOf(block)).toContainEqual({ kind: 'article', ref: 'ics-intent-taxonomy-method', label: 'Building an intent taxonomy' });
    expect(en.articleReviewDates['ics-intent-taxonomy-method']).toBe('2027-09-30');
    const zh = generateProposal(input({ lang: 'zh' }));
    expect(blocksOf(zh.proposal.sections.find((s) => s.id === 'approach')?.bodyJson ?? '').map(plainText)).toEqual(['先听 300 通录音。']);
    const missing = generateProposal(input({ articles: [] }));
    expect(missing.proposal.sections.map((s) => s.id)).not.toContain('approach');
    expect(missing.problems).toContainEqual(expect.objectContaining({ kind: 'missing-article', subject: 'ics-intent-taxonomy-method' }));
  });

  it('builds the risk register: active risks first, by score, one provenance per row', () => {
    const result = generateProposal(input());
    const section = result.proposal.sections.find((s) => s.kind === 'risks');
    const tableBlock = blocksOf(section?.bodyJson ?? '').find((b) => b.type === 'table');
    const rows = (tableBlock?.children ?? []) as RichNode[];
    expect(rows.map((r) => plainText(r))).toEqual([
      'Risk\tLikelihood × impact\tOwner\tMitigation',
      'Latency\t4 × 4 = 16\tNot assigned\tMitigate Latency',
      'Recording consent\t3 × 4 = 12\tLi Wei\tMitigate Recording consent',
      'Old risk\t5 × 5 = 25\tNot assigned\tMitigate Old risk',
    ]);
    expect(rows.slice(1).map((r) => provenanceOf(r)[0]?.ref)).toEqual(['r3', 'r1', 'r2']);
    const none = generateProposal(input({ risks: [] }));
    expect(blocksOf(none.proposal.sections.find((s) => s.kind === 'risks')?.bodyJson ?? '').map(plainText).at(-1)).toBe('No risks are recorded for this engagement yet.');
  });

  it('takes success criteria, pricing and timeline from the template, starting on the engagement start', () => {
    const { proposal } = generateProposal(input());
    expect(proposal.pricing).toMatchObject({ currency: 'CNY', taxRate: '0.06', discount: { kind: 'percent', value: '0' } });
    expect(proposal.pricing.lines[0]).toMatchObject({ id: 'line-1', quantity: expect.stringMatching(/^\d/) });
    expect(proposal.timeline.start).toBe('2026-04-06');
    expect(proposal.timeline.phases[0]?.id).toBe('phase-1');
    expect(generateProposal(input({ engagement: { ...engagement, startDate: null } })).proposal.timeline.start).toBe('2026-03-20');
    // Each structured section is the template's chapter about it: its title and words, then the table.
    expect(proposal.sections.filter((s) => s.kind !== 'text').map((s) => [s.kind, s.id, s.title])).toEqual([
      ['success-criteria', 'success-criteria', 'Success criteria'],
      ['risks', 'risks', 'Risks and mitigations'],
      ['timeline', 'timeline', 'Timeline'],
      ['pricing', 'commercial-terms', 'Commercial terms'],
    ]);
    expect(proposal.sections.map((s) => s.title)).not.toContain('Price breakdown');
    const risks = proposal.sections.find((s) => s.kind === 'risks');
    expect(blocksOf(risks?.bodyJson ?? '').map((b) => b.type)).toEqual(['paragraph', 'table']);
    expect(risks?.source.map((p) => p.kind)).toEqual(['template', 'engagement']);
    // A chapter that names two subjects takes the first; the second follows it under its own title.
    const shared = generateProposal(input({ template: miniTemplate([{ id: 'timeline-commercial', title: { en: 'Timeline and terms', zh: '计划与条款' }, body: { en: 'Terms.', zh: '条款。' } }]) }));
    expect(shared.proposal.sections.map((s) => [s.kind, s.title])).toEqual([
      ['timeline', 'Timeline and terms'],
      ['pricing', 'Price breakdown'],
      ['success-criteria', 'Success criteria and targets'],
      ['risks', 'Risk register'],
    ]);
  });

  it('puts provenance on every generated block, and every body passes the proposal document check', () => {
    for (const lang of ['en', 'zh'] as const) {
      const { proposal } = generateProposal(input({ lang }));
      for (const section of proposal.sections) {
        expect(checkProposalDocument(section.bodyJson).problems, section.id).toEqual([]);
        if (section.kind !== 'text' && section.kind !== 'risks') continue;
        for (const block of blocksOf(section.bodyJson)) expect(provenanceOf(block).length, `${section.id}: ${plainText(block)}`).toBeGreaterThan(0);
      }
    }
  });

  it('links the answers a paragraph used, with their question and answer in words', () => {
    const { proposal } = generateProposal(input());
    const [first] = blocksOf(proposal.sections[0]?.bodyJson ?? '');
    expect(provenanceOf(first)).toContainEqual({
      kind: 'answer',
      ref: 'monthly-contacts',
      label: expect.stringMatching(/= 250,000/),
    });
  });

  it('generates from every bundled template in both languages with bodies that pass the document check', () => {
    for (const file of fs.readdirSync(path.resolve('resources', 'content', 'templates'))) {
      const template = bundledTemplate(file.replace(/\.yaml$/, ''));
      for (const lang of ['en', 'zh'] as const) {
        const { proposal, problems } = generateProposal(input({ template, lang }));
        for (const section of proposal.sections) expect(checkProposalDocument(section.bodyJson).problems, `${template.id} ${section.id}`).toEqual([]);
        // Other scenarios' templates read answers the ics assessment does not have: reported, never thrown.
        for (const problem of problems) expect(['missing-value', 'unknown-variable', 'missing-article']).toContain(problem.kind);
      }
    }
  });

  it('suggests only close names', () => {
    expect(suggestVariable('custmer.name', ['customer.name', 'today'])).toBe('customer.name');
    expect(suggestVariable('budget', ['customer.name', 'today'])).toBeUndefined();
  });
});

describe('checkTemplate', () => {
  const context = { definitions: [icsDefinition()], articleExists: (id: string) => id === 'ics-intent-taxonomy-method' };

  it('passes every bundled template', () => {
    const dir = path.resolve('resources', 'content');
    const definitions = fs.readdirSync(path.join(dir, 'assessments')).map((f) => assessmentFile.parse(parse(fs.readFileSync(path.join(dir, 'assessments', f), 'utf8'))));
    const templates = fs.readdirSync(path.join(dir, 'templates')).map((f) => bundledTemplate(f.replace(/\.yaml$/, '')));
    expect(templates.length).toBeGreaterThan(5);
    for (const template of templates) expect(checkTemplate(template, { definitions, articleExists: () => true }), template.id).toEqual([]);
  });

  it('names section and field for each problem', () => {
    const template = bundledTemplate('poc-ics-voicebot');
    const bad: TemplateFile = {
      ...template,
      sections: [
        ...template.sections,
        { id: 'x', title: { en: 'Extra', zh: '附加' }, when: { '>': [{ var: 'no-such-question' }, 1] }, body: { en: '{{answer.monthly-contacs}} {{item.name}}', zh: '{{today}}' } },
        { id: 'x', title: { en: 'Again', zh: '再次' }, fromArticle: 'missing-article' },
        { id: 'y', title: { en: 'Typo', zh: '笔误' }, when: { and: [{ '==': [{ var: 'scenario' }, 'smart-marketing-churn'] }, { '>': [{ var: 'monthly-contacts' }, '100000'] }] } },
      ],
      pricing: { ...template.pricing, lines: template.pricing.lines.slice(0, 1).map((l) => ({ ...l, unitPrice: '-5' })) },
    };
    expect(checkTemplate(bad, context).map((p) => `${p.path}: ${formatApiMessage(p.message, 'en')}`)).toEqual([
      'sections.10.when: Section Extra: the rule refers to question "no-such-question", which is not in the assessments of intelligent-customer-service',
      'sections.10.body.en: Section Extra: {{answer.monthly-contacs}} names "monthly-contacs", which is not a question in the assessments of intelligent-customer-service — did you mean answer.monthly-contacts?',
      'sections.10.body.en: Section Extra: {{item.name}} can only be used in a section that repeats',
      'sections.11.id: Section Again: the id "x" is used by another section',
      'sections.11.fromArticle: Section Again: no knowledge-base article "missing-article" on this device',
      'sections.12.when: Section Typo: the rule is broken: "smart-marketing-churn" is not a choice of "scenario" (its choices: intelligent-customer-service)',
      'sections.12.when: Section Typo: the rule is broken: question "monthly-contacts" is answered with a number, so comparing it with "100000" never holds',
      'pricing.lines.0.unitPrice: Pricing: Unit price on line 1: "-5" is negative; use a discount to lower a price',
    ]);
  });
});
