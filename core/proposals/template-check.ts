import { msg, type ApiMessage } from '../api/message';
import type { TemplateFile } from '../content/schemas';
import { ruleShapeProblems, ruleValueProblems, templateRuleSubjects } from '../content/rules';
import { FIXED_TEMPLATE_VARIABLES, parseTemplateVariable, templateVariablesIn } from '../content/template-vars';
import type { Definition } from '../assessment/engine';
import { referencedQuestions } from '../assessment/logic';
import { LANGS } from '../i18n';
import { suggestVariable } from './generate';
import { checkPricing } from './money';
import type { Pricing } from './types';

/**
 * The checks a template edited in the app (or imported from DOCX) must pass before it is saved,
 * beyond its schema: sound rules, known variables, questions and dimensions of its scenarios'
 * assessments, articles that exist, unique section ids. Each problem names the section and field.
 */

export type TemplateProblem = { path: string; message: ApiMessage };

export type TemplateCheckContext = {
  /** The assessment definitions of the template's scenarios (newest versions). */
  definitions: readonly Definition[];
  /** Ids of the knowledge-base articles on this device. */
  articleExists: (id: string) => boolean;
};

export function checkTemplate(template: TemplateFile, ctx: TemplateCheckContext): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  const defs = ctx.definitions.filter((d) => template.scenarios.includes(d.scenario));
  const known = defs.length > 0;
  const questions = new Set(defs.flatMap((d) => d.sections.flatMap((s) => s.questions.map((q) => q.id))));
  const dimensions = new Set(defs.flatMap((d) => d.dimensions.map((x) => x.id)));
  const names = [
    ...FIXED_TEMPLATE_VARIABLES,
    ...[...questions].map((q) => `answer.${q}`),
    ...[...dimensions].map((d) => `assessment.score.${d}`),
    'item.name',
    'item.role',
  ];
  const scenarios = template.scenarios.join(', ');
  const subjectOf = templateRuleSubjects(defs, template.scenarios);
  const seen = new Set<string>();

  template.sections.forEach((section, i) => {
    const where = `sections.${i}`;
    const title = section.title;
    if (seen.has(section.id)) problems.push({ path: `${where}.id`, message: msg('template.idTwice', { section: title, id: section.id }) });
    seen.add(section.id);
    for (const problem of ruleShapeProblems(section.when)) problems.push({ path: `${where}.when`, message: msg('template.ruleBroken', { section: title, problem }) });
    if (known) {
      for (const ref of referencedQuestions(section.when)) {
        if (ref !== 'scenario' && !questions.has(ref)) problems.push({ path: `${where}.when`, message: msg('template.ruleUnknownQuestion', { section: title, question: ref, scenarios }) });
      }
    }
    for (const problem of ruleValueProblems(section.when, subjectOf)) problems.push({ path: `${where}.when`, message: msg('template.ruleBroken', { section: title, problem }) });
    if (section.fromArticle !== undefined && !ctx.articleExists(section.fromArticle)) {
      problems.push({ path: `${where}.fromArticle`, message: msg('template.unknownArticle', { section: title, article: section.fromArticle }) });
    }
    for (const lang of LANGS) {
      const field = `${where}.body.${lang}`;
      for (const name of templateVariablesIn(section.body?.[lang] ?? '')) {
        const variable = parseTemplateVariable(name);
        if (variable === null) {
          const suggestion = suggestVariable(name, names);
          problems.push({
            path: field,
            message: suggestion === undefined ? msg('template.unknownVariable', { section: title, name }) : msg('template.unknownVariableSuggest', { section: title, name, suggestion }),
          });
        } else if (variable.kind === 'item' && section.repeat === undefined) {
          problems.push({ path: field, message: msg('template.itemOutsideRepeat', { section: title, name }) });
        } else if (known && variable.kind === 'answer' && !questions.has(variable.question)) {
          const suggestion = suggestVariable(name, names);
          const question = variable.question;
          problems.push({
            path: field,
            message:
              suggestion === undefined
                ? msg('template.unknownQuestionVariable', { section: title, name, question, scenarios })
                : msg('template.unknownQuestionVariableSuggest', { section: title, name, question, scenarios, suggestion }),
          });
        } else if (known && variable.kind === 'score' && !dimensions.has(variable.dimension)) {
          problems.push({ path: field, message: msg('template.unknownDimension', { section: title, name, dimension: variable.dimension, scenarios }) });
        }
      }
    }
  });
  const pricing: Pricing = {
    currency: template.pricing.currency,
    taxRate: template.pricing.taxRate,
    discount: { kind: 'percent', value: '0' },
    lines: template.pricing.lines.map((l, i) => ({ id: `line-${i + 1}`, item: l.item.en, unit: l.unit.en, quantity: l.quantity, unitPrice: l.unitPrice })),
  };
  for (const p of checkPricing(pricing)) {
    const field = p.field === 'taxRate' ? 'pricing.taxRate' : p.line === null ? `pricing.${p.field}` : `pricing.lines.${p.line}.${p.field}`;
    problems.push({ path: field, message: msg('template.pricing', { problem: p.message }) });
  }
  template.timeline.forEach((phase, i) => {
    if (phase.weeks > 52) problems.push({ path: `timeline.${i}.weeks`, message: msg('template.phaseTooLong', { phase: phase.phase, weeks: phase.weeks }) });
  });
  return problems;
}
