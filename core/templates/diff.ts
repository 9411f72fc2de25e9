import type { TemplateFile } from '../content/schemas';
import { LANGS, type Lang, type Localized } from '../i18n';
import { diffSectionList } from '../proposals/diff';
import type { SectionDiff } from '../proposals/types';

/**
 * Compares two POC templates — the user's version and the content pack's newer one it held back —
 * the way proposal versions are compared (core/proposals/diff.ts, whose section matcher and word
 * diff this reuses): each section's title and body word by word in one language, and every other
 * changed field. Texts of the other language are not hidden: a section says when its other
 * language differs, and bilingual fields are listed per language.
 */

/** What a changed field is; the renderer words it (templates.field.<field>). */
export type TemplateField =
  | 'title'
  | 'description'
  | 'durationWeeks'
  | 'scenarios'
  | 'sectionOrder'
  | 'sectionRule'
  | 'sectionRepeat'
  | 'sectionArticle'
  | 'criterion'
  | 'criterionMetric'
  | 'criterionTarget'
  | 'criterionMeasurement'
  | 'currency'
  | 'taxRate'
  | 'line'
  | 'lineItem'
  | 'lineUnit'
  | 'lineQuantity'
  | 'lineUnitPrice'
  | 'phase'
  | 'phaseName'
  | 'phaseWeeks'
  | 'phaseDeliverables';

export type TemplateFieldChange = {
  /** Where in the template, e.g. "pricing.lines.0.item.zh". */
  path: string;
  field: TemplateField;
  /** The position (from 1) of a criterion, pricing line or phase. */
  n?: number;
  /** The title of the section a section field belongs to, in the compared language. */
  section?: string;
  /** The language of a bilingual text. */
  lang?: Lang;
  change: 'added' | 'removed' | 'changed';
  from: string | null;
  to: string | null;
};

export type TemplateSectionDiff = SectionDiff & {
  /** The section's title or body in the other language differs too. */
  otherLanguageChanged: boolean;
};

export type TemplateDiff = { lang: Lang; sections: TemplateSectionDiff[]; fields: TemplateFieldChange[] };

type Section = TemplateFile['sections'][number];

/** What a section is compared by in one language: its title line, then its body. */
export function templateSectionText(section: Section, lang: Lang): string {
  return [section.title[lang], (section.body?.[lang] ?? '').trimEnd()].filter((line, i) => i === 0 || line !== '').join('\n');
}

function push(fields: TemplateFieldChange[], change: Omit<TemplateFieldChange, 'change' | 'from' | 'to'>, from: string | null | undefined, to: string | null | undefined): void {
  const a = from ?? null;
  const b = to ?? null;
  if (a === b) return;
  fields.push({ ...change, change: a === null ? 'added' : b === null ? 'removed' : 'changed', from: a, to: b });
}

/** A bilingual text, one change per language that differs. */
function pushLocalized(fields: TemplateFieldChange[], change: Omit<TemplateFieldChange, 'change' | 'from' | 'to' | 'lang' | 'path'> & { path: string }, from: Localized, to: Localized): void {
  for (const lang of LANGS) push(fields, { ...change, path: `${change.path}.${lang}`, lang }, from[lang], to[lang]);
}

/** Items matched by position (criteria, lines, phases): a whole item when one side lacks it, else its fields. */
function diffByPosition<T>(
  fields: TemplateFieldChange[],
  path: string,
  whole: TemplateField,
  from: readonly T[],
  to: readonly T[],
  describe: (item: T) => string,
  compare: (item: { from: T; to: T; path: string; n: number }) => void,
): void {
  for (let i = 0; i < Math.max(from.length, to.length); i++) {
    const a = from[i];
    const b = to[i];
    if (a === undefined || b === undefined) push(fields, { path: `${path}.${i}`, field: whole, n: i + 1 }, a === undefined ? null : describe(a), b === undefined ? null : describe(b));
    else compare({ from: a, to: b, path: `${path}.${i}`, n: i + 1 });
  }
}

export function diffTemplates(from: TemplateFile, to: TemplateFile, lang: Lang): TemplateDiff {
  const other: Lang = lang === 'en' ? 'zh' : 'en';
  const fields: TemplateFieldChange[] = [];
  pushLocalized(fields, { path: 'title', field: 'title' }, from.title, to.title);
  pushLocalized(fields, { path: 'description', field: 'description' }, from.description, to.description);
  push(fields, { path: 'durationWeeks', field: 'durationWeeks' }, String(from.durationWeeks), String(to.durationWeeks));
  push(fields, { path: 'scenarios', field: 'scenarios' }, from.scenarios.join(', '), to.scenarios.join(', '));

  // Sections present in both: their order and what is not their text.
  const toIds = new Set(to.sections.map((s) => s.id));
  const fromIds = new Set(from.sections.map((s) => s.id));
  const order = (sections: readonly Section[], keep: Set<string>): string =>
    sections
      .filter((s) => keep.has(s.id))
      .map((s) => s.title[lang])
      .join(' → ');
  push(fields, { path: 'sections.order', field: 'sectionOrder' }, order(from.sections, toIds), order(to.sections, fromIds));
  const fromById = new Map(from.sections.map((s) => [s.id, s]));
  const toById = new Map(to.sections.map((s) => [s.id, s]));
  for (const section of to.sections) {
    const before = fromById.get(section.id);
    if (!before) continue;
    const where = { section: section.title[lang] };
    push(fields, { path: `sections.${section.id}.when`, field: 'sectionRule', ...where }, before.when === undefined ? null : JSON.stringify(before.when), section.when === undefined ? null : JSON.stringify(section.when));
    push(fields, { path: `sections.${section.id}.repeat`, field: 'sectionRepeat', ...where }, before.repeat, section.repeat);
    push(fields, { path: `sections.${section.id}.fromArticle`, field: 'sectionArticle', ...where }, before.fromArticle, section.fromArticle);
  }

  const criterion = (c: TemplateFile['successCriteria'][number]): string => `${c.metric[lang]}: ${c.target[lang]} (${c.measurement[lang]})`;
  diffByPosition(fields, 'successCriteria', 'criterion', from.successCriteria, to.successCriteria, criterion, ({ from: a, to: b, path, n }) => {
    pushLocalized(fields, { path: `${path}.metric`, field: 'criterionMetric', n }, a.metric, b.metric);
    pushLocalized(fields, { path: `${path}.target`, field: 'criterionTarget', n }, a.target, b.target);
    pushLocalized(fields, { path: `${path}.measurement`, field: 'criterionMeasurement', n }, a.measurement, b.measurement);
  });

  push(fields, { path: 'pricing.currency', field: 'currency' }, from.pricing.currency, to.pricing.currency);
  push(fields, { path: 'pricing.taxRate', field: 'taxRate' }, from.pricing.taxRate, to.pricing.taxRate);
  const line = (l: TemplateFile['pricing']['lines'][number]): string => `${l.item[lang]}: ${l.quantity} ${l.unit[lang]} × ${l.unitPrice}`;
  diffByPosition(fields, 'pricing.lines', 'line', from.pricing.lines, to.pricing.lines, line, ({ from: a, to: b, path, n }) => {
    pushLocalized(fields, { path: `${path}.item`, field: 'lineItem', n }, a.item, b.item);
    pushLocalized(fields, { path: `${path}.unit`, field: 'lineUnit', n }, a.unit, b.unit);
    push(fields, { path: `${path}.quantity`, field: 'lineQuantity', n }, a.quantity, b.quantity);
    push(fields, { path: `${path}.unitPrice`, field: 'lineUnitPrice', n }, a.unitPrice, b.unitPrice);
  });

  const phase = (p: TemplateFile['timeline'][number]): string => `${p.phase[lang]} (${p.weeks}): ${p.deliverables[lang]}`;
  diffByPosition(fields, 'timeline', 'phase', from.timeline, to.timeline, phase, ({ from: a, to: b, path, n }) => {
    pushLocalized(fields, { path: `${path}.phase`, field: 'phaseName', n }, a.phase, b.phase);
    push(fields, { path: `${path}.weeks`, field: 'phaseWeeks', n }, String(a.weeks), String(b.weeks));
    pushLocalized(fields, { path: `${path}.deliverables`, field: 'phaseDeliverables', n }, a.deliverables, b.deliverables);
  });

  const sections = diffSectionList(
    from.sections,
    to.sections,
    (s) => s.title[lang],
    (s) => templateSectionText(s, lang),
  ).map((d): TemplateSectionDiff => {
    const a = fromById.get(d.id);
    const b = toById.get(d.id);
    return { ...d, otherLanguageChanged: a !== undefined && b !== undefined && templateSectionText(a, other) !== templateSectionText(b, other) };
  });
  return { lang, sections, fields };
}
