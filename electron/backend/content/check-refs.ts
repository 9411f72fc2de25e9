import type { ContentProblem } from '../../../core/api/contract';
import { checkDefinition } from '../../../core/assessment/engine';
import { formatApiMessage } from '../../../core/api/message';
import { ruleShapeProblems } from '../../../core/content/rules';
import type { Rule } from '../../../core/content/schemas';
import { checkTemplate } from '../../../core/proposals/template-check';
import type { LoadedPack } from './load-pack';

/**
 * Checks across files and inside definitions what the schemas cannot: every id a file names
 * exists in the pack, assessment definitions are consistent (core's checkDefinition), rules have
 * the right operands, templates pass the checks a template saved in the app passes (core's
 * checkTemplate: rules and variables name real questions and dimensions, and more). Such a
 * problem is recorded but the file is kept, so one dangling link does not take a whole article or
 * definition away.
 */
export type PackFolder = 'scenarios' | 'kb' | 'assessments' | 'checklists' | 'templates';
/** The pack-relative file a record was loaded from. */
export type FileOf = (folder: PackFolder, id: string) => string;

export function checkReferences(pack: LoadedPack, fileOf: FileOf): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const articles = new Set(pack.articles.map((a) => a.id));
  const scenarios = new Set(pack.scenarios.map((s) => s.id));
  const assessments = new Map(pack.assessments.map((a) => [a.id, a]));
  const templates = new Set(pack.templates.map((t) => t.id));
  const riskItems = new Set(pack.checklists.flatMap((c) => c.items.map((i) => `${c.id}#${i.id}`)));

  const need = (set: { has(id: string): boolean }, id: string, what: string, file: string, field: string): void => {
    if (!set.has(id)) problems.push({ file, field, message: `names ${what} "${id}", which is not in the pack` });
  };
  const shape = (rule: Rule | undefined, file: string, field: string): void => {
    // Pack problems are for the pack's authors (the validate:content command): worded in English.
    for (const problem of ruleShapeProblems(rule)) problems.push({ file, field, message: formatApiMessage(problem, 'en') });
  };
  const unique = (ids: string[], what: string, file: string, field: (i: number) => string): void => {
    const seen = new Set<string>();
    ids.forEach((id, i) => {
      if (seen.has(id)) problems.push({ file, field: field(i), message: `${what} id "${id}" repeats` });
      seen.add(id);
    });
  };

  for (const s of pack.scenarios) {
    const file = fileOf('scenarios', s.id);
    need(assessments, s.assessment, 'assessment', file, 'assessment');
    const def = assessments.get(s.assessment);
    if (def && def.scenario !== s.id)
      problems.push({ file, field: 'assessment', message: `names assessment "${s.assessment}", which is for scenario "${def.scenario}"` });
  }

  for (const a of pack.articles) {
    const file = fileOf('kb', a.id);
    a.scenarios.forEach((s, i) => need(scenarios, s, 'scenario', file, `scenarios.${i}`));
    a.related.forEach((r, i) => need(articles, r, 'article', file, `related.${i}`));
    for (const lang of ['en', 'zh'] as const) {
      // Only well-formed kb:<id> URLs survive conversion, so this pattern sees every in-app link.
      const linked = new Set([...a.body[lang].json.matchAll(/"url":"kb:([a-z0-9-]+)"/g)].map((m) => m[1] ?? ''));
      for (const id of linked) need(articles, id, 'article', file, `body.${lang}`);
    }
  }

  for (const d of pack.assessments) {
    const file = fileOf('assessments', d.id);
    need(scenarios, d.scenario, 'scenario', file, 'scenario');
    for (const p of checkDefinition(d)) problems.push({ file, field: p.path, message: p.message });
    unique(d.sections.map((s) => s.id), 'section', file, (i) => `sections.${i}.id`);
    unique(d.recommendations.map((r) => r.id), 'recommendation', file, (i) => `recommendations.${i}.id`);
    d.sections.forEach((s, si) => {
      shape(s.visibleIf, file, `sections.${si}.visibleIf`);
      s.questions.forEach((q, qi) => {
        shape(q.visibleIf, file, `sections.${si}.questions.${qi}.visibleIf`);
        q.helpArticles.forEach((h, hi) => need(articles, h, 'article', file, `sections.${si}.questions.${qi}.helpArticles.${hi}`));
      });
    });
    d.recommendations.forEach((r, i) => {
      shape(r.when, file, `recommendations.${i}.when`);
      const field = `recommendations.${i}.ref`;
      if (r.kind === 'template') need(templates, r.ref, 'template', file, field);
      else if (r.kind === 'article') need(articles, r.ref, 'article', file, field);
      else if (!r.ref.includes('#')) problems.push({ file, field, message: `a risk recommendation must name "checklist-id#item-id", not "${r.ref}"` });
      else need(riskItems, r.ref, 'risk-checklist item', file, field);
    });
  }

  for (const c of pack.checklists) {
    const file = fileOf('checklists', c.id);
    c.scenarios.forEach((s, i) => need(scenarios, s, 'scenario', file, `scenarios.${i}`));
    unique(c.items.map((item) => item.id), 'item', file, (i) => `items.${i}.id`);
    c.items.forEach((item, ii) => item.articles.forEach((a, ai) => need(articles, a, 'article', file, `items.${ii}.articles.${ai}`)));
  }

  for (const t of pack.templates) {
    const file = fileOf('templates', t.id);
    t.scenarios.forEach((s, i) => need(scenarios, s, 'scenario', file, `scenarios.${i}`));
    t.sections.forEach((s, i) => {
      if (s.fromArticle !== undefined) need(articles, s.fromArticle, 'article', file, `sections.${i}.fromArticle`);
    });
    // The same checks as a template saved in the app (rules, variables, section ids, pricing); its
    // articles are looked up in the pack, above.
    for (const p of checkTemplate(t, { definitions: pack.assessments, articleExists: () => true })) {
      problems.push({ file, field: p.path, message: formatApiMessage(p.message, 'en') });
    }
  }
  return problems;
}
