import { formatApiMessage } from '../api/message';
import type { TemplateFile } from '../content/schemas';
import { convertMarkdown } from '../richtext/markdown';
import { ruleShapeProblems } from '../content/rules';
import { FIXED_TEMPLATE_VARIABLES, parseTemplateVariable, type TemplateVariable } from '../content/template-vars';
import { findQuestion, type AssessmentResult, type Definition } from '../assessment/engine';
import { holds, type AnswerValue } from '../assessment/logic';
import type { Engagement } from '../engagements/types';
import { pick, type Lang, type Localized } from '../i18n';
import type { RiskItem } from '../risks/types';
import { documentDay, joinFilled } from '../document/typography';
import { ACTIVE_RISK_STATUSES } from '../risks/types';
import { answerText } from '../report/answer-text';
import { PROPOSAL_LABELS } from './labels';
import { documentJson, paragraph, table, textNode } from '../richtext/build';
import { blocksOf, childrenOf, type RichNode } from '../richtext/walk';
import { withProvenance } from './provenance';
import { timelineSchedule } from './timeline';
import {
  MAX_PHASE_WEEKS,
  MAX_TABLE_ROWS,
  VARIABLE_NODE_TYPE,
  type GenerationProblem,
  type Pricing,
  type Proposal,
  type ProposalSection,
  type ProposalSectionKind,
  type Provenance,
  type ProvenanceRef,
  type SuccessCriterion,
  type Timeline,
  type VariableReason,
} from './types';

/**
 * Generates a proposal from a template, an engagement, its assessment, its risk register and the
 * knowledge-base articles the template reuses. Pure: the backend gathers the inputs and stores the
 * result. Nothing here throws on bad content: what cannot be filled becomes a VariableNode the
 * editor highlights, a broken rule keeps its section out, and both come back as problems.
 */

/** A knowledge-base article as generation needs it (KbArticle fits). */
export type ArticleSource = { id: string; title: Localized; body: { en: string | null; zh: string | null }; reviewDate: string | null };

export type AssessmentSource = {
  sessionId: string;
  definition: Definition;
  answers: Readonly<Record<string, AnswerValue | undefined>>;
  result: AssessmentResult;
};

export type GenerationInput = {
  template: TemplateFile;
  lang: Lang;
  engagement: Engagement;
  /** Names of the scenarios the engagement has (others are ignored). */
  scenarios: readonly { id: string; name: Localized }[];
  assessment: AssessmentSource | null;
  risks: readonly RiskItem[];
  articles: readonly ArticleSource[];
  /** YYYY-MM-DD */
  today: string;
  title?: string;
};

export type GeneratedProposal = Omit<Proposal, 'id' | 'createdAt' | 'updatedAt'>;

export type GenerationResult = {
  proposal: GeneratedProposal;
  problems: GenerationProblem[];
  /** The review date of every article the proposal took content from (articles without one are left out). */
  articleReviewDates: Record<string, string>;
};

// Private-use characters never occur in real content, so Markdown leaves the placeholders alone.
const SLOT_START = '\uE000';
const SLOT_END = '\uE001';
const SLOT = /\uE000(\d+)\uE001/g;
const KB_LINK = /^kb:([a-z0-9]+(?:-[a-z0-9]+)*)$/;

type Resolved = { ok: true; value: string; source: ProvenanceRef | null } | { ok: false; reason: VariableReason; message: string; suggestion?: string };

type Slot = { name: string; resolved: Resolved };

type RepeatItem = { fields: Record<string, string>; source: ProvenanceRef };

type Context = {
  input: GenerationInput;
  lang: Lang;
  scenarioId: string | null;
  /** Names the template may use here, for suggestions. */
  knownNames: string[];
  articles: Map<string, ArticleSource>;
  articleReviewDates: Record<string, string>;
  problems: GenerationProblem[];
  /** The schedule the proposal starts with: its first and last day (null without phases). */
  schedule: { start: string; end: string } | null;
};

const NUMBER_LOCALE: Record<Lang, string> = { en: 'en-US', zh: 'zh-CN' };

function formatNumber(n: number, lang: Lang): string {
  return new Intl.NumberFormat(NUMBER_LOCALE[lang], { maximumFractionDigits: 1 }).format(n);
}

/** Levenshtein distance, for "did you mean". */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** The closest known name when it is close enough to be a typo. */
export function suggestVariable(name: string, known: readonly string[]): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const candidate of known) {
    const distance = editDistance(name, candidate);
    if (best === undefined || distance < best.distance) best = { name: candidate, distance };
  }
  if (best === undefined) return undefined;
  return best.distance <= Math.max(2, Math.floor(name.length / 4)) ? best.name : undefined;
}

function knownVariableNames(input: GenerationInput, itemFields: readonly string[]): string[] {
  const names: string[] = [...FIXED_TEMPLATE_VARIABLES];
  const def = input.assessment?.definition;
  if (def) {
    names.push(...def.dimensions.map((d) => `assessment.score.${d.id}`));
    names.push(...def.sections.flatMap((s) => s.questions.map((q) => `answer.${q.id}`)));
  }
  names.push(...itemFields.map((f) => `item.${f}`));
  return names;
}

function engagementValue(name: string, value: string | null | undefined, label: string): Resolved {
  if (value === null || value === undefined || value.trim() === '') {
    return { ok: false, reason: 'no-value', message: `the engagement has no ${label}` };
  }
  return { ok: true, value, source: { kind: 'engagement', ref: name, label: `${label} = ${value}` } };
}

function teamLead(engagement: Engagement): { name: string; role: string } | undefined {
  return engagement.team.find((m) => /lead|负责人|经理/i.test(m.role)) ?? engagement.team[0];
}

function resolveFixed(name: TemplateVariable & { kind: 'fixed' }, ctx: Context): Resolved {
  const { input, lang } = ctx;
  const { engagement } = input;
  const assessment = input.assessment;
  switch (name.name) {
    case 'customer.name':
      return engagementValue(name.name, engagement.customer.name, 'customer name');
    case 'customer.industry':
      return engagementValue(name.name, engagement.customer.industry, 'customer industry');
    case 'customer.region':
      return engagementValue(name.name, engagement.customer.region, 'customer region');
    case 'engagement.title':
      return engagementValue(name.name, engagement.title, 'engagement title');
    case 'engagement.startDate':
      return engagementValue(name.name, engagement.startDate === null ? null : documentDay(engagement.startDate, lang), 'start date');
    case 'engagement.endDate':
      return engagementValue(name.name, engagement.endDate === null ? null : documentDay(engagement.endDate, lang), 'end date');
    case 'timeline.start':
    case 'timeline.end': {
      if (!ctx.schedule) return { ok: false, reason: 'no-value', message: 'the template’s timeline has no phases' };
      const value = documentDay(name.name === 'timeline.start' ? ctx.schedule.start : ctx.schedule.end, lang);
      return { ok: true, value, source: { kind: 'default', ref: name.name, label: `${name.name === 'timeline.start' ? 'schedule start' : 'schedule end'} = ${value}` } };
    }
    case 'scenario.name': {
      const scenario = input.scenarios.find((s) => s.id === ctx.scenarioId);
      if (!scenario) return { ok: false, reason: 'no-value', message: 'the engagement has none of the template’s scenarios' };
      const value = pick(scenario.name, lang);
      return { ok: true, value, source: { kind: 'engagement', ref: 'scenario', label: `scenario = ${value}` } };
    }
    case 'assessment.overall': {
      if (!assessment) return { ok: false, reason: 'no-value', message: 'no assessment was chosen for this proposal' };
      if (assessment.result.overall === null) return { ok: false, reason: 'no-answer', message: 'the assessment has no overall score yet' };
      const value = formatNumber(assessment.result.overall, lang);
      return { ok: true, value, source: { kind: 'score', ref: 'overall', label: `overall readiness score = ${value}` } };
    }
    case 'assessment.readiness': {
      if (!assessment) return { ok: false, reason: 'no-value', message: 'no assessment was chosen for this proposal' };
      const level = assessment.definition.readinessLevels.find((r) => r.id === assessment.result.readiness);
      if (!level) return { ok: false, reason: 'no-answer', message: 'the assessment has no readiness level yet' };
      const value = pick(level.label, lang);
      return { ok: true, value, source: { kind: 'score', ref: 'readiness', label: `readiness = ${value}` } };
    }
    case 'team.lead': {
      const lead = teamLead(engagement);
      if (!lead) return { ok: false, reason: 'no-value', message: 'the engagement has no team members' };
      return { ok: true, value: lead.name, source: { kind: 'engagement', ref: 'team.lead', label: `team lead = ${lead.name}` } };
    }
    case 'today':
      return { ok: true, value: documentDay(input.today, lang), source: null };
  }
}

function resolveVariable(name: string, ctx: Context, item: RepeatItem | null): Resolved {
  const variable = parseTemplateVariable(name);
  const unknown = (why: string): Resolved => {
    const suggestion = suggestVariable(name, ctx.knownNames);
    return { ok: false, reason: 'unknown', message: why, ...(suggestion !== undefined ? { suggestion } : {}) };
  };
  if (variable === null) return unknown('is not a variable templates may use');
  const assessment = ctx.input.assessment;
  switch (variable.kind) {
    case 'fixed':
      return resolveFixed(variable, ctx);
    case 'score': {
      if (!assessment) return { ok: false, reason: 'no-value', message: 'no assessment was chosen for this proposal' };
      const dimension = assessment.definition.dimensions.find((d) => d.id === variable.dimension);
      if (!dimension) return unknown(`"${variable.dimension}" is not a dimension of the assessment`);
      const score = assessment.result.dimensions.find((d) => d.id === variable.dimension)?.score ?? null;
      if (score === null) return { ok: false, reason: 'no-answer', message: `the dimension ${pick(dimension.label, ctx.lang)} has no score yet` };
      const value = formatNumber(score, ctx.lang);
      return { ok: true, value, source: { kind: 'score', ref: dimension.id, label: `${pick(dimension.label, ctx.lang)} = ${value}` } };
    }
    case 'answer': {
      if (!assessment) return { ok: false, reason: 'no-value', message: 'no assessment was chosen for this proposal' };
      const question = findQuestion(assessment.definition, variable.question);
      if (!question) return unknown(`"${variable.question}" is not a question of the assessment`);
      const stored = assessment.answers[question.id];
      const words = answerText(question, stored, ctx.lang);
      if (words === '') return { ok: false, reason: 'no-answer', message: `the question "${pick(question.text, ctx.lang)}" has no answer` };
      // Templates say the unit in their own words ("about {{answer.monthly-contacts}} contacts a month"),
      // so a number goes into the text bare; the source keeps the answer with its unit.
      const value = question.type === 'number' && typeof stored === 'number' ? new Intl.NumberFormat(NUMBER_LOCALE[ctx.lang], { maximumFractionDigits: 4 }).format(stored) : words;
      return { ok: true, value, source: { kind: 'answer', ref: question.id, label: `${pick(question.text, ctx.lang)} = ${words}` } };
    }
    case 'item': {
      if (!item) return unknown('can only be used in a section that repeats');
      const value = item.fields[variable.field];
      if (value === undefined) return unknown(`"${variable.field}" is not a field of the repeated items`);
      if (value === '') return { ok: false, reason: 'no-value', message: `the repeated item has no ${variable.field}` };
      return { ok: true, value, source: item.source };
    }
  }
}

/**
 * A new proposal's title: the template's with its variables filled (one that cannot be is kept as
 * {{name}} and reported, like any in a section), or, for a title without variables, the
 * template's title and the customer's name.
 */
function proposalTitle(templateTitle: string, customerName: string, ctx: Context): string {
  if (!/\{\{[^{}]+\}\}/.test(templateTitle)) return `${templateTitle} — ${customerName}`;
  const parts: { text: string; filled: boolean }[] = [];
  let last = 0;
  for (const match of templateTitle.matchAll(/\{\{\s*([^{}]+?)\s*\}\}/g)) {
    parts.push({ text: templateTitle.slice(last, match.index), filled: false });
    last = match.index + match[0].length;
    const name = match[1] ?? '';
    const resolved = resolveVariable(name, ctx, null);
    if (resolved.ok) parts.push({ text: resolved.value, filled: true });
    else {
      ctx.problems.push(problemFor({ name, resolved }, 'title', templateTitle));
      parts.push({ text: match[0], filled: false });
    }
  }
  parts.push({ text: templateTitle.slice(last), filled: false });
  return joinFilled(parts);
}

function problemFor(slot: Slot & { resolved: { ok: false } }, sectionId: string, sectionTitle: string): GenerationProblem {
  const { name, resolved } = slot;
  if (resolved.reason === 'unknown') {
    const hint = resolved.suggestion !== undefined ? ` — did you mean ${resolved.suggestion}?` : ` (${resolved.message})`;
    return { sectionId, sectionTitle, kind: 'unknown-variable', subject: name, message: `Unknown variable {{${name}}} in section ${sectionTitle}${hint}` };
  }
  return { sectionId, sectionTitle, kind: 'missing-value', subject: name, message: `{{${name}}} in section ${sectionTitle} was left to fill in: ${resolved.message}` };
}

function variableNode(slot: Slot & { resolved: { ok: false } }): RichNode {
  const node: RichNode = { type: VARIABLE_NODE_TYPE, version: 1, name: slot.name, reason: slot.resolved.reason };
  if (slot.resolved.suggestion !== undefined) node.suggestion = slot.resolved.suggestion;
  return node;
}

/** Replaces the placeholders in one text node: filled values stay in the text, unfilled ones become VariableNodes. */
function fillText(node: RichNode, slots: readonly Slot[], used: Set<number>): RichNode[] {
  const text = typeof node.text === 'string' ? node.text : '';
  if (!text.includes(SLOT_START)) return [node];
  const out: RichNode[] = [];
  // The text since the last unfilled variable: the template's text and the values filled into it.
  let pending: { text: string; filled: boolean }[] = [];
  const flush = (): void => {
    const joined = joinFilled(pending);
    if (joined !== '') out.push({ ...node, text: joined });
    pending = [];
  };
  let last = 0;
  for (const match of text.matchAll(SLOT)) {
    pending.push({ text: text.slice(last, match.index), filled: false });
    last = match.index + match[0].length;
    const index = Number(match[1]);
    const slot = slots[index];
    if (!slot) continue;
    used.add(index);
    if (slot.resolved.ok) {
      pending.push({ text: slot.resolved.value, filled: true });
    } else {
      flush();
      out.push(variableNode(slot as Slot & { resolved: { ok: false } }));
    }
  }
  pending.push({ text: text.slice(last), filled: false });
  flush();
  return out;
}

function fillNode(node: RichNode, slots: readonly Slot[], used: Set<number>, articleLinks: Set<string>): RichNode {
  const out: RichNode = { ...node };
  if (typeof node.url === 'string') {
    // A variable inside a link target: filled when it can be, else dropped from the address.
    const url = node.url.replace(SLOT, (_, i: string) => {
      const slot = slots[Number(i)];
      used.add(Number(i));
      return slot?.resolved.ok ? encodeURIComponent(slot.resolved.value) : '';
    });
    out.url = url;
    const article = KB_LINK.exec(url)?.[1];
    if (article !== undefined) articleLinks.add(article);
  }
  if (Array.isArray(node.children)) {
    out.children = childrenOf(node).flatMap((child) => (child.type === 'text' ? fillText(child, slots, used) : [fillNode(child, slots, used, articleLinks)]));
  }
  return out;
}

function addUnique(list: Provenance, entry: ProvenanceRef): void {
  if (!list.some((p) => p.kind === entry.kind && p.ref === entry.ref)) list.push(entry);
}

/**
 * Markdown with `{{variables}}` → top-level blocks, each carrying its provenance: the template
 * section, the answers, scores and engagement fields it used, and the articles it links to.
 */
function renderBody(markdown: string, ctx: Context, base: Provenance, item: RepeatItem | null, section: { id: string; title: string }): RichNode[] {
  const slots: Slot[] = [];
  const withSlots = markdown.replace(/\{\{([^{}]*)\}\}/g, (_, raw: string) => {
    const name = raw.trim();
    slots.push({ name, resolved: resolveVariable(name, ctx, item) });
    return `${SLOT_START}${slots.length - 1}${SLOT_END}`;
  });
  const { json } = convertMarkdown(withSlots, { tables: true });
  const reported = new Set<string>();
  return blocksOf(json).map((converted) => {
    const block = keepTableRows(converted, ctx, section);
    const used = new Set<number>();
    const links = new Set<string>();
    const filled = fillNode(block, slots, used, links);
    const provenance: Provenance = [...base];
    for (const index of [...used].sort((a, b) => a - b)) {
      const slot = slots[index];
      if (!slot) continue;
      if (slot.resolved.ok) {
        if (slot.resolved.source) addUnique(provenance, slot.resolved.source);
      } else if (!reported.has(slot.name)) {
        reported.add(slot.name);
        ctx.problems.push(problemFor(slot as Slot & { resolved: { ok: false } }, section.id, section.title));
      }
    }
    for (const id of links) {
      const article = ctx.articles.get(id);
      if (!article) continue;
      addUnique(provenance, { kind: 'article', ref: id, label: pick(article.title, ctx.lang) });
      if (article.reviewDate !== null) ctx.articleReviewDates[id] = article.reviewDate;
    }
    return withProvenance(filled, provenance);
  });
}

/**
 * A table from a template keeps its first MAX_TABLE_ROWS rows (header included): the proposal check
 * would refuse a longer one, so the rest is left out and reported rather than failing the whole
 * generation. Tables only come from Markdown at the top level (cells hold inline text).
 */
function keepTableRows(block: RichNode, ctx: Context, section: { id: string; title: string }): RichNode {
  const rows = block.type === 'table' ? childrenOf(block) : [];
  if (rows.length <= MAX_TABLE_ROWS) return block;
  ctx.problems.push({
    sectionId: section.id,
    sectionTitle: section.title,
    kind: 'long-table',
    subject: String(rows.length),
    message: `A table in section ${section.title} has ${rows.length} rows; only the first ${MAX_TABLE_ROWS} were kept`,
  });
  return { ...block, children: rows.slice(0, MAX_TABLE_ROWS) };
}

/** Joins lists that follow each other (a repeated "- item" body becomes one list, not one list per member). */
function mergeAdjacentLists(blocks: RichNode[]): RichNode[] {
  const out: RichNode[] = [];
  for (const block of blocks) {
    const previous = out.at(-1);
    if (previous && previous.type === 'list' && block.type === 'list' && previous.listType === block.listType) {
      const children = [...childrenOf(previous), ...childrenOf(block)].map((child, i) => ({ ...child, value: i + 1 }));
      const provenance: Provenance = [...((previous.$ as { provenance?: Provenance } | undefined)?.provenance ?? [])];
      for (const p of (block.$ as { provenance?: Provenance } | undefined)?.provenance ?? []) addUnique(provenance, p);
      out[out.length - 1] = withProvenance({ ...previous, children }, provenance);
    } else out.push(block);
  }
  return out;
}

function repeatItems(kind: 'team' | 'scenarios' | 'milestones', ctx: Context, timeline: Timeline): RepeatItem[] {
  const { engagement } = ctx.input;
  switch (kind) {
    case 'team':
      return engagement.team.map((m, i) => ({
        fields: { name: m.name, role: m.role },
        source: { kind: 'engagement', ref: `team.${i}`, label: `team member ${m.name}` },
      }));
    case 'scenarios':
      return engagement.scenarios.map((id) => {
        const name = ctx.input.scenarios.find((s) => s.id === id);
        const label = name ? pick(name.name, ctx.lang) : id;
        return { fields: { id, name: label }, source: { kind: 'engagement', ref: `scenario.${id}`, label: `scenario ${label}` } };
      });
    case 'milestones':
      return timelineSchedule(timeline).map((p) => ({
        fields: { name: p.name, weeks: String(p.weeks), start: documentDay(p.start, ctx.lang), end: documentDay(p.end, ctx.lang), deliverables: p.deliverables, milestone: p.milestone ?? '' },
        source: { kind: 'default', ref: `timeline.${p.id}`, label: `timeline phase ${p.name}` },
      }));
  }
}

const REPEAT_FIELDS: Record<'team' | 'scenarios' | 'milestones', readonly string[]> = {
  team: ['name', 'role'],
  scenarios: ['id', 'name'],
  milestones: ['name', 'weeks', 'start', 'end', 'deliverables', 'milestone'],
};

const REPEAT_WORDS: Record<'team' | 'scenarios' | 'milestones', string> = {
  team: 'per team member, but the engagement has no team',
  scenarios: 'per scenario, but the engagement has no scenarios',
  milestones: 'per timeline phase, but the timeline has no phases',
};

function ruleProblem(ctx: Context, sectionId: string, sectionTitle: string, rule: unknown, why: string): void {
  ctx.problems.push({
    sectionId,
    sectionTitle,
    kind: 'broken-rule',
    subject: JSON.stringify(rule).slice(0, 300),
    message: `Section ${sectionTitle} was left out: its rule is broken (${why})`,
  });
}

function ruleHolds(rule: TemplateFile['sections'][number]['when'], ctx: Context, sectionId: string, sectionTitle: string): boolean {
  if (rule === undefined) return true;
  const shape = ruleShapeProblems(rule);
  if (shape.length > 0) {
    ruleProblem(ctx, sectionId, sectionTitle, rule, shape.map((p) => formatApiMessage(p, 'en')).join('; '));
    return false;
  }
  const answers = ctx.input.assessment?.answers ?? {};
  try {
    return holds(rule, (id) => (id === 'scenario' ? ctx.scenarioId : answers[id]));
  } catch (error) {
    ruleProblem(ctx, sectionId, sectionTitle, rule, error instanceof Error ? error.message : String(error));
    return false;
  }
}

function defaultsFrom(template: TemplateFile, lang: Lang, start: string): { successCriteria: SuccessCriterion[]; pricing: Pricing; timeline: Timeline } {
  return {
    successCriteria: template.successCriteria.map((c) => ({ metric: pick(c.metric, lang), target: pick(c.target, lang), measurement: pick(c.measurement, lang) })),
    pricing: {
      currency: template.pricing.currency,
      taxRate: template.pricing.taxRate,
      discount: { kind: 'percent', value: '0' },
      lines: template.pricing.lines.map((l, i) => ({
        id: `line-${i + 1}`,
        item: pick(l.item, lang),
        unit: pick(l.unit, lang),
        quantity: l.quantity,
        unitPrice: l.unitPrice,
      })),
    },
    timeline: {
      start,
      phases: template.timeline.map((p, i) => ({
        id: `phase-${i + 1}`,
        name: pick(p.phase, lang),
        weeks: Math.min(p.weeks, MAX_PHASE_WEEKS),
        deliverables: pick(p.deliverables, lang),
      })),
    },
  };
}

const RISK_ORDER = (a: RiskItem, b: RiskItem): number => {
  const active = (r: RiskItem): number => (ACTIVE_RISK_STATUSES.includes(r.status) ? 0 : 1);
  return active(a) - active(b) || b.score - a.score || a.title.localeCompare(b.title);
};

/** The risk register as an editable table: active risks first, highest score first; each row says which risk it is. */
export function risksBlocks(risks: readonly RiskItem[], lang: Lang, base: Provenance): RichNode[] {
  const labels = PROPOSAL_LABELS[lang];
  if (risks.length === 0) return [withProvenance(paragraph([textNode(labels.noRisks)]), base)];
  const sorted = [...risks].sort(RISK_ORDER);
  const built = table(
    [labels.risk, labels.likelihoodImpact, labels.owner, labels.mitigation],
    sorted.map((r) => [r.title, `${r.likelihood} × ${r.impact} = ${r.score}`, r.owner.trim() === '' ? labels.unassigned : r.owner, r.mitigation]),
  );
  const rows = childrenOf(built).map((row, i) => {
    const risk = i === 0 ? undefined : sorted[i - 1];
    return risk ? withProvenance(row, [{ kind: 'risk', ref: risk.id, label: risk.title }]) : row;
  });
  const provenance: Provenance = [...base, ...sorted.slice(0, 10).map((r): ProvenanceRef => ({ kind: 'risk', ref: r.id, label: r.title }))];
  return [withProvenance({ ...built, children: rows }, provenance)];
}

function uniqueId(wanted: string, taken: Set<string>): string {
  let id = wanted;
  for (let n = 2; taken.has(id); n++) id = `${wanted}-${n}`;
  taken.add(id);
  return id;
}

/** Ids of the generated structured sections (made unique if a template section already has one). */
const STRUCTURED_IDS: Record<Exclude<ProposalSectionKind, 'text'>, string> = {
  'success-criteria': 'success-criteria-table',
  risks: 'risk-register',
  timeline: 'timeline-chart',
  pricing: 'pricing-table',
};

/**
 * Where the structured sections go: each after the last text section whose id is about the same
 * thing (the pack's templates have sections such as "success-and-risks" or "timeline-commercial"
 * that refer to "the criteria below"); at the end, in a fixed order, when there is none.
 */
const ANCHORS: [Exclude<ProposalSectionKind, 'text'>, RegExp][] = [
  ['success-criteria', /success|criteria|kpi/],
  ['risks', /risk/],
  ['timeline', /timeline|schedule|plan|milestone/],
  ['pricing', /commercial|pricing|price|cost|budget/],
];

/** A structured section under the template section's id and title, its words before the table's own. */
function takeOver(words: ProposalSection, section: ProposalSection): ProposalSection {
  const bodyJson = documentJson([...blocksOf(words.bodyJson), ...blocksOf(section.bodyJson)]);
  return { ...section, id: words.id, title: words.title, bodyJson, source: [...words.source, ...section.source] };
}

/**
 * Each structured section goes where the template talks about its subject: it takes over the last
 * template section whose id names it (that section's title and words, then the table), so a
 * customer reads one chapter "Risks and mitigations" rather than the words and, next to it, a
 * "Risk register" chapter. A second kind named by the same section follows it; a kind no section
 * names goes at the end under its own title.
 */
function placeStructured(text: ProposalSection[], structured: Record<Exclude<ProposalSectionKind, 'text'>, ProposalSection>): ProposalSection[] {
  const takenOver = new Map<number, ProposalSection>();
  const after = new Map<number, ProposalSection[]>();
  const atEnd: ProposalSection[] = [];
  for (const [kind, pattern] of ANCHORS) {
    const index = text.map((s, i) => (pattern.test(s.id) ? i : -1)).reduce((a, b) => Math.max(a, b), -1);
    const section = structured[kind];
    const words = text[index];
    if (words === undefined) atEnd.push(section);
    else if (!takenOver.has(index)) takenOver.set(index, takeOver(words, section));
    else after.set(index, [...(after.get(index) ?? []), section]);
  }
  return [...text.flatMap((section, i) => [takenOver.get(i) ?? section, ...(after.get(i) ?? [])]), ...atEnd];
}

export function generateProposal(input: GenerationInput): GenerationResult {
  const { template, lang, engagement } = input;
  const scenarioId = engagement.scenarios.find((s) => template.scenarios.includes(s)) ?? engagement.scenarios[0] ?? null;
  const defaults = defaultsFrom(template, lang, engagement.startDate ?? input.today);
  const phases = timelineSchedule(defaults.timeline);
  const ctx: Context = {
    input,
    lang,
    scenarioId,
    knownNames: knownVariableNames(input, []),
    articles: new Map(input.articles.map((a) => [a.id, a])),
    articleReviewDates: {},
    problems: [],
    schedule: phases.length > 0 ? { start: phases[0]?.start ?? '', end: phases.at(-1)?.end ?? '' } : null,
  };
  const templateRef = `${template.id}@${template.version}`;
  const taken = new Set<string>();
  const textSections: ProposalSection[] = [];

  for (const section of template.sections) {
    const title = pick(section.title, lang);
    const base: Provenance = [{ kind: 'template', ref: `${templateRef}#${section.id}`, label: title }];
    if (!ruleHolds(section.when, ctx, section.id, title)) continue;
    let blocks: RichNode[];
    if (section.fromArticle !== undefined) {
      const article = ctx.articles.get(section.fromArticle);
      const body = article ? (article.body[lang] ?? article.body[lang === 'en' ? 'zh' : 'en']) : null;
      if (!article || body === null) {
        ctx.problems.push({
          sectionId: section.id,
          sectionTitle: title,
          kind: 'missing-article',
          subject: section.fromArticle,
          message: `Section ${title} was left out: the knowledge-base article "${section.fromArticle}" is not on this device`,
        });
        continue;
      }
      const source: ProvenanceRef = { kind: 'article', ref: article.id, label: pick(article.title, lang) };
      if (article.reviewDate !== null) ctx.articleReviewDates[article.id] = article.reviewDate;
      blocks = blocksOf(body).map((block) => withProvenance(block, [...base, source]));
    } else {
      const markdown = section.body ? pick(section.body, lang) : '';
      if (section.repeat !== undefined) {
        const items = repeatItems(section.repeat, ctx, defaults.timeline);
        if (items.length === 0) {
          ctx.problems.push({
            sectionId: section.id,
            sectionTitle: title,
            kind: 'empty-repeat',
            subject: section.repeat,
            message: `Section ${title} was left out: it repeats ${REPEAT_WORDS[section.repeat]}`,
          });
          continue;
        }
        const repeatCtx: Context = { ...ctx, knownNames: knownVariableNames(input, REPEAT_FIELDS[section.repeat]) };
        blocks = mergeAdjacentLists(items.flatMap((item) => renderBody(markdown, repeatCtx, base, item, { id: section.id, title })));
      } else {
        blocks = renderBody(markdown, ctx, base, null, { id: section.id, title });
      }
    }
    textSections.push({ id: uniqueId(section.id, taken), title, kind: 'text', bodyJson: documentJson(blocks), source: base });
  }

  const labels = PROPOSAL_LABELS[lang];
  const structuredSection = (kind: Exclude<ProposalSectionKind, 'text'>, blocks: RichNode[], source: Provenance): ProposalSection => ({
    id: uniqueId(STRUCTURED_IDS[kind], taken),
    title: labels.sectionTitle[kind],
    kind,
    bodyJson: documentJson(blocks),
    source,
  });
  const defaultSource = (what: string): Provenance => [{ kind: 'default', ref: `${templateRef}#${what}`, label: `${pick(template.title, lang)}: ${what}` }];
  const riskSource: Provenance = [{ kind: 'engagement', ref: 'risks', label: `risk register of ${engagement.title}` }];
  const structured = {
    'success-criteria': structuredSection('success-criteria', [], defaultSource('successCriteria')),
    risks: structuredSection('risks', risksBlocks(input.risks, lang, riskSource), riskSource),
    timeline: structuredSection('timeline', [], defaultSource('timeline')),
    pricing: structuredSection('pricing', [], defaultSource('pricing')),
  };

  const proposal: GeneratedProposal = {
    engagementId: engagement.id,
    sessionId: input.assessment?.sessionId ?? null,
    templateId: template.id,
    templateVersion: template.version,
    title: input.title ?? proposalTitle(pick(template.title, lang), engagement.customer.name, ctx),
    lang,
    status: 'draft',
    statusReason: '',
    sections: placeStructured(textSections, structured),
    successCriteria: defaults.successCriteria,
    pricing: defaults.pricing,
    timeline: defaults.timeline,
  };
  return { proposal, problems: ctx.problems, articleReviewDates: ctx.articleReviewDates };
}
