import type { ContentProblem } from '../../../core/api/contract';
import { checkDefinition } from '../../../core/assessment/engine';
import type { LoadedPack } from './load-pack';

/**
 * Cross-file checks: every id a file names must exist in the pack. Such a problem is recorded but
 * the file is kept, so one dangling link does not take a whole article or definition away.
 */
export function checkReferences(pack: LoadedPack): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const articles = new Set(pack.articles.map((a) => a.id));
  const scenarios = new Set(pack.scenarios.map((s) => s.id));
  const assessments = new Set(pack.assessments.map((a) => a.id));
  const templates = new Set(pack.templates.map((t) => t.id));
  const riskItems = new Set(pack.checklists.flatMap((c) => c.items.map((i) => `${c.id}#${i.id}`)));

  const need = (set: Set<string>, id: string, what: string, file: string, field: string): void => {
    if (!set.has(id)) problems.push({ file, field, message: `names ${what} "${id}", which is not in the pack` });
  };

  for (const s of pack.scenarios) need(assessments, s.assessment, 'assessment', `scenarios/${s.id}.yaml`, 'assessment');
  for (const a of pack.articles) {
    const file = `kb/${a.id}.md`;
    a.scenarios.forEach((s, i) => need(scenarios, s, 'scenario', file, `scenarios.${i}`));
    a.related.forEach((r, i) => need(articles, r, 'article', file, `related.${i}`));
    for (const lang of ['en', 'zh'] as const) {
      for (const m of a.body[lang].json.matchAll(/"url":"kb:([a-z0-9-]+)"/g)) need(articles, m[1] ?? '', 'article', file, `(body ${lang} link)`);
    }
  }
  for (const d of pack.assessments) {
    const file = `assessments/${d.id}.yaml`;
    need(scenarios, d.scenario, 'scenario', file, 'scenario');
    for (const p of checkDefinition(d)) problems.push({ file, field: p.path, message: p.message });
    d.sections.forEach((s, si) =>
      s.questions.forEach((q, qi) => q.helpArticles.forEach((h, hi) => need(articles, h, 'article', file, `sections.${si}.questions.${qi}.helpArticles.${hi}`))),
    );
    d.recommendations.forEach((r, i) => {
      const field = `recommendations.${i}.ref`;
      if (r.kind === 'template') need(templates, r.ref, 'template', file, field);
      else if (r.kind === 'article') need(articles, r.ref, 'article', file, field);
      else if (!r.ref.includes('#')) problems.push({ file, field, message: `a risk recommendation must name "checklist-id#item-id", not "${r.ref}"` });
      else need(riskItems, r.ref, 'risk-checklist item', file, field);
    });
  }
  for (const c of pack.checklists) {
    const file = `checklists/${c.id}.yaml`;
    c.scenarios.forEach((s, i) => need(scenarios, s, 'scenario', file, `scenarios.${i}`));
    c.items.forEach((item, ii) => item.articles.forEach((a, ai) => need(articles, a, 'article', file, `items.${ii}.articles.${ai}`)));
    const ids = new Set<string>();
    c.items.forEach((item, ii) => {
      if (ids.has(item.id)) problems.push({ file, field: `items.${ii}.id`, message: `item id "${item.id}" repeats` });
      ids.add(item.id);
    });
  }
  for (const t of pack.templates) {
    const file = `templates/${t.id}.yaml`;
    t.scenarios.forEach((s, i) => need(scenarios, s, 'scenario', file, `scenarios.${i}`));
    t.sections.forEach((s, i) => {
      if (s.fromArticle !== undefined) need(articles, s.fromArticle, 'article', file, `sections.${i}.fromArticle`);
    });
  }
  return problems;
}
