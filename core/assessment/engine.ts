import type { AssessmentFile, Question, Rule } from '../content/schemas';
import { RULE_OPERATORS } from '../content/lists';
import { ruleValueProblems, valueSubjectOf } from '../content/rules';
import { formatApiMessage } from '../api/message';
import { holds, referencedQuestions, type AnswerValue } from './logic';

/**
 * The assessment engine: which questions are visible, what the answers score per dimension, the
 * readiness level, gaps, and which recommendations fire (and because of which answers). Pure: it
 * takes a definition and the answers, and returns a result.
 */

export type Definition = AssessmentFile;
export type Answers = Readonly<Record<string, AnswerValue | undefined>>;

export type DefinitionProblem = { path: string; message: string };

function allQuestions(def: Definition): { question: Question; sectionIndex: number; questionIndex: number }[] {
  return def.sections.flatMap((s, sectionIndex) => s.questions.map((question, questionIndex) => ({ question, sectionIndex, questionIndex })));
}

function ruleOperators(rule: Rule | undefined, found: Set<string>): Set<string> {
  if (Array.isArray(rule)) rule.forEach((r) => ruleOperators(r, found));
  else if (typeof rule === 'object' && rule !== null)
    for (const [op, operand] of Object.entries(rule)) {
      found.add(op);
      ruleOperators(operand, found);
    }
  return found;
}

/**
 * Checks what the schema cannot: unique ids, rules that use only known operators, refer only to
 * questions asked earlier (so skip logic can never form a cycle) and compare each with values it
 * can have, score keys naming dimensions,
 * weights summing to 1, readiness levels ascending from 0.
 */
export function checkDefinition(def: Definition): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const dimensions = new Set(def.dimensions.map((d) => d.id));
  const seen = new Map<string, string>();
  const order = new Map<string, number>();
  const subjects = new Map<string, ReturnType<typeof valueSubjectOf>>();
  allQuestions(def).forEach(({ question }, i) => {
    if (!order.has(question.id)) order.set(question.id, i);
    if (!subjects.has(question.id)) subjects.set(question.id, valueSubjectOf(question));
  });

  const checkRule = (rule: Rule | undefined, path: string, position: number): void => {
    if (rule === undefined) return;
    for (const op of ruleOperators(rule, new Set()))
      if (!(RULE_OPERATORS as readonly string[]).includes(op)) problems.push({ path, message: `unknown rule operator "${op}"` });
    for (const ref of referencedQuestions(rule)) {
      const at = order.get(ref);
      if (at === undefined) problems.push({ path, message: `refers to unknown question "${ref}"` });
      else if (at >= position) problems.push({ path, message: `refers to question "${ref}", which is not asked before it (skip logic must not form a cycle)` });
    }
    // Definitions are for their authors (validate:content and the import report): in English.
    for (const problem of ruleValueProblems(rule, (id) => subjects.get(id))) problems.push({ path, message: formatApiMessage(problem, 'en') });
  };
  const checkScores = (scores: Record<string, number> | undefined, path: string): void => {
    for (const key of Object.keys(scores ?? {})) if (!dimensions.has(key)) problems.push({ path, message: `scores unknown dimension "${key}"` });
  };

  const weightSum = def.dimensions.reduce((sum, d) => sum + d.weight, 0);
  if (Math.abs(weightSum - 1) > 0.001) problems.push({ path: 'dimensions', message: `weights sum to ${weightSum.toFixed(3)}, not 1` });
  def.readinessLevels.forEach((level, i) => {
    if (i === 0 && level.min !== 0) problems.push({ path: 'readinessLevels.0.min', message: 'the first readiness level must start at 0' });
    const prev = def.readinessLevels[i - 1];
    if (prev && level.min <= prev.min) problems.push({ path: `readinessLevels.${i}.min`, message: 'readiness levels must be in ascending order of min' });
  });

  let position = 0;
  def.sections.forEach((section, s) => {
    checkRule(section.visibleIf, `sections.${s}.visibleIf`, position);
    section.questions.forEach((q, qi) => {
      const path = `sections.${s}.questions.${qi}`;
      const dup = seen.get(q.id);
      if (dup) problems.push({ path: `${path}.id`, message: `question id "${q.id}" is already used at ${dup}` });
      seen.set(q.id, path);
      checkRule(q.visibleIf, `${path}.visibleIf`, position);
      if (q.type === 'single' || q.type === 'multiple') {
        const values = new Set<string>();
        q.options.forEach((o, oi) => {
          if (values.has(o.value)) problems.push({ path: `${path}.options.${oi}.value`, message: `option value "${o.value}" repeats` });
          values.add(o.value);
          checkScores(o.scores, `${path}.options.${oi}.scores`);
        });
      } else if (q.type === 'scale') checkScores(q.scores, `${path}.scores`);
      else if (q.type === 'yesno') {
        checkScores(q.yes, `${path}.yes`);
        checkScores(q.no, `${path}.no`);
      } else if (q.type === 'number') {
        if (q.number.min !== undefined && q.number.max !== undefined && q.number.min > q.number.max)
          problems.push({ path: `${path}.number`, message: 'min is greater than max' });
        q.bands?.forEach((b, bi) => checkScores(b.scores, `${path}.bands.${bi}.scores`));
      }
      position++;
    });
  });
  def.recommendations.forEach((r, i) => checkRule(r.when, `recommendations.${i}.when`, Number.POSITIVE_INFINITY));
  return problems;
}

/** Visible sections and questions for these answers; answers to hidden questions are ignored. */
export function visibility(def: Definition, answers: Answers): { sections: Set<string>; questions: Set<string> } {
  const sections = new Set<string>();
  const questions = new Set<string>();
  const effective = (id: string): AnswerValue | undefined => (questions.has(id) ? answers[id] : undefined);
  for (const section of def.sections) {
    if (!holds(section.visibleIf, effective)) continue;
    sections.add(section.id);
    for (const q of section.questions) if (holds(q.visibleIf, effective)) questions.add(q.id);
  }
  return { sections, questions };
}

export function isAnswered(value: AnswerValue | undefined): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

type Points = { earned: number; max: number };

/** What one answered question earns and could earn on one dimension, or null if it does not score there. */
export function questionPoints(q: Question, value: AnswerValue, dimension: string): Points | null {
  const at = (scores: Record<string, number> | undefined): number => scores?.[dimension] ?? 0;
  switch (q.type) {
    case 'single': {
      const max = Math.max(0, ...q.options.map((o) => at(o.scores)));
      if (max === 0) return null;
      return { earned: at(q.options.find((o) => o.value === value)?.scores), max };
    }
    case 'multiple': {
      const max = q.options.reduce((sum, o) => sum + Math.max(0, at(o.scores)), 0);
      if (max === 0) return null;
      const chosen = Array.isArray(value) ? value : [];
      const earned = q.options.filter((o) => chosen.includes(o.value)).reduce((sum, o) => sum + at(o.scores), 0);
      return { earned: Math.min(earned, max), max };
    }
    case 'scale': {
      const max = at(q.scores);
      if (max === 0 || typeof value !== 'number') return null;
      const ratio = (value - q.scale.min) / (q.scale.max - q.scale.min);
      return { earned: max * Math.min(1, Math.max(0, ratio)), max };
    }
    case 'yesno': {
      const max = Math.max(at(q.yes), at(q.no));
      if (max === 0) return null;
      return { earned: value === true ? at(q.yes) : value === false ? at(q.no) : 0, max };
    }
    case 'number': {
      if (!q.bands || typeof value !== 'number') return null;
      const max = Math.max(0, ...q.bands.map((b) => at(b.scores)));
      if (max === 0) return null;
      const band = q.bands.find((b) => (b.min === undefined || value >= b.min) && (b.max === undefined || value < b.max));
      return { earned: at(band?.scores), max };
    }
    default:
      return null;
  }
}

export type DimensionScore = { id: string; score: number | null; earned: number; max: number; answeredQuestions: number };
export type Gap = { questionId: string; dimension: string; lost: number; ratio: number };
export type Recommendation = {
  id: string;
  kind: 'template' | 'risk' | 'article';
  ref: string;
  /** The answers the rule read when it fired: why it is recommended. */
  triggeredBy: { questionId: string; value: AnswerValue }[];
};

export type AssessmentResult = {
  visibleQuestions: string[];
  answeredCount: number;
  requiredMissing: string[];
  dimensions: DimensionScore[];
  /** Weighted over the dimensions that have a score; null until any scoring question is answered. */
  overall: number | null;
  readiness: string | null;
  gaps: Gap[];
  recommendations: Recommendation[];
};

const round1 = (n: number): number => Math.round(n * 10) / 10;

export function evaluateAssessment(def: Definition, answers: Answers): AssessmentResult {
  const { questions: visible } = visibility(def, answers);
  const ordered = allQuestions(def).map((x) => x.question).filter((q) => visible.has(q.id));
  const answered = ordered.filter((q) => isAnswered(answers[q.id]));
  const effective = (id: string): AnswerValue | undefined => (visible.has(id) ? answers[id] : undefined);

  const gaps: Gap[] = [];
  const dimensions: DimensionScore[] = def.dimensions.map((d) => {
    let earned = 0;
    let max = 0;
    let count = 0;
    for (const q of answered) {
      const p = questionPoints(q, answers[q.id] ?? null, d.id);
      if (!p) continue;
      earned += p.earned;
      max += p.max;
      count++;
      if (p.earned < p.max / 2) gaps.push({ questionId: q.id, dimension: d.id, lost: round1(p.max - p.earned), ratio: round1(p.earned / p.max) });
    }
    return { id: d.id, score: max > 0 ? round1((earned / max) * 100) : null, earned: round1(earned), max: round1(max), answeredQuestions: count };
  });

  let weighted = 0;
  let weights = 0;
  def.dimensions.forEach((d, i) => {
    const s = dimensions[i]?.score;
    if (s === null || s === undefined) return;
    weighted += s * d.weight;
    weights += d.weight;
  });
  const overall = weights > 0 ? round1(weighted / weights) : null;
  const readiness = overall === null ? null : ([...def.readinessLevels].reverse().find((l) => overall >= l.min)?.id ?? null);

  const recommendations: Recommendation[] = def.recommendations
    .filter((r) => holds(r.when, effective))
    .map((r) => ({
      id: r.id,
      kind: r.kind,
      ref: r.ref,
      triggeredBy: referencedQuestions(r.when).flatMap((questionId) => {
        const value = effective(questionId);
        return isAnswered(value) ? [{ questionId, value: value ?? null }] : [];
      }),
    }));

  return {
    visibleQuestions: ordered.map((q) => q.id),
    answeredCount: answered.length,
    requiredMissing: ordered.filter((q) => q.required && !isAnswered(answers[q.id])).map((q) => q.id),
    dimensions,
    overall,
    readiness,
    gaps: gaps.sort((a, b) => b.lost - a.lost),
    recommendations,
  };
}

export function findQuestion(def: Definition, id: string): Question | undefined {
  for (const s of def.sections) for (const q of s.questions) if (q.id === id) return q;
  return undefined;
}
