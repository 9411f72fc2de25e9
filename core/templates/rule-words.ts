import type { Question, Rule } from '../content/schemas';
import { pick, type Lang, type Localized } from '../i18n';
import { readTypedNumber } from '../typed-number';

/**
 * A template section's `when` rule as people read and build it: "Include when “How many OSS
 * vendors…?” ≥ 2 and “Do you have an IVR?” is Yes" instead of JSON Logic. Three parts, all pure:
 *
 * - the subjects a rule may ask about (the questions of the template's assessments, and the
 *   scenario) with the operators each kind of question allows;
 * - the builder model ({ join, conditions }) and its exact conversion to and from a rule — a rule
 *   is representable only when the model turns back into the very same JSON, so a rule the
 *   builder cannot show faithfully is left to the JSON editor and kept as written;
 * - a description in words of any rule, in English or Chinese, naming questions by their text.
 */

/** `var: "scenario"` is the scenario id of the proposal being generated (core/proposals/generate.ts). */
export const SCENARIO_VAR = 'scenario';

/** `other`: a question the builder does not offer (dates, evidence); rules on it are named in words but left to the JSON editor. */
export type SubjectKind = 'number' | 'single' | 'multiple' | 'yesno' | 'text' | 'scenario' | 'other';

export type RuleSubject = {
  id: string;
  kind: SubjectKind;
  label: Localized;
  /** Choices for single, multiple and scenario subjects; empty otherwise. */
  options: { value: string; label: Localized }[];
  /** The assessment the question comes from (null for the scenario). */
  group: Localized | null;
  /** True when no assessment of the template has this question: shown as its id and flagged. */
  unknown: boolean;
};

export type RuleOperator = 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge' | 'includes' | 'excludes' | 'oneOf';
export type RuleValue = string | number | boolean;
/** `oneOf` takes the list of choices (`{"in": [{"var": id}, [...]]}`); every other operator one value. */
export type RuleCondition = { questionId: string; operator: Exclude<RuleOperator, 'oneOf'>; value: RuleValue } | { questionId: string; operator: 'oneOf'; value: string[] };
/** No conditions: the section is always included. */
export type RuleModel = { join: 'all' | 'any'; conditions: RuleCondition[] };

const OPERATORS: Record<SubjectKind, readonly RuleOperator[]> = {
  number: ['eq', 'ne', 'lt', 'le', 'gt', 'ge'],
  single: ['eq', 'ne', 'oneOf'],
  multiple: ['includes', 'excludes'],
  yesno: ['eq'],
  text: ['eq', 'ne'],
  scenario: ['eq', 'ne', 'oneOf'],
  other: [],
};

/** The operators offered for a kind of subject, in the order the builder lists them. */
export function operatorsFor(kind: SubjectKind): readonly RuleOperator[] {
  return OPERATORS[kind];
}

const COMPARISON: Record<'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge', string> = { eq: '==', ne: '!=', lt: '<', le: '<=', gt: '>', ge: '>=' };

/** Assessment question types the builder offers; dates and evidence are left to the JSON editor. */
function kindOfQuestion(question: Question): SubjectKind {
  switch (question.type) {
    case 'number':
    case 'scale':
      return 'number';
    case 'single':
    case 'multiple':
    case 'yesno':
    case 'text':
      return question.type;
    default:
      return 'other';
  }
}

/**
 * What a rule of this template may ask about: the scenario (its options the template's scenarios)
 * and every question of the given assessment definitions, labelled by the definition's title. A
 * question id in two definitions is offered once, as the first one defines it.
 */
export function ruleSubjects(
  definitions: readonly { title: Localized; questions: readonly Question[] }[],
  scenarios: readonly { id: string; name: Localized }[],
): RuleSubject[] {
  const subjects: RuleSubject[] = [
    {
      id: SCENARIO_VAR,
      kind: 'scenario',
      label: { en: 'Scenario', zh: '场景' },
      options: scenarios.map((s) => ({ value: s.id, label: s.name })),
      group: null,
      unknown: false,
    },
  ];
  const seen = new Set<string>([SCENARIO_VAR]);
  for (const definition of definitions) {
    for (const question of definition.questions) {
      const kind = kindOfQuestion(question);
      if (seen.has(question.id)) continue;
      seen.add(question.id);
      const options = question.type === 'single' || question.type === 'multiple' ? question.options.map((o) => ({ value: o.value, label: o.label })) : [];
      subjects.push({ id: question.id, kind, label: question.text, options, group: definition.title, unknown: false });
    }
  }
  return subjects;
}

/** The kind a question unknown to the template's assessments seems to have, judged from a condition on it. */
function inferredKind(condition: { operator: RuleOperator; value: RuleCondition['value'] } | undefined): SubjectKind {
  if (!condition) return 'text';
  if (condition.operator === 'oneOf') return 'single';
  if (condition.operator === 'includes' || condition.operator === 'excludes') return 'multiple';
  if (typeof condition.value === 'number' || !['eq', 'ne'].includes(condition.operator)) return 'number';
  if (typeof condition.value === 'boolean') return 'yesno';
  return 'text';
}

/** The subject with this id, or a flagged stand-in named by the id when no assessment of the template has it. */
export function subjectFor(id: string, subjects: readonly RuleSubject[], condition?: { operator: RuleOperator; value: RuleCondition['value'] }): RuleSubject {
  return subjects.find((s) => s.id === id) ?? { id, kind: inferredKind(condition), label: { en: id, zh: id }, options: [], group: null, unknown: true };
}

// ---------------------------------------------------------------------------------------------
// Model ↔ rule

function isObject(rule: Rule | undefined): rule is { [op: string]: Rule } {
  return typeof rule === 'object' && rule !== null && !Array.isArray(rule);
}

/** The question id of `{ "var": "id" }` (only that plain form), else null. */
function varOf(rule: Rule | undefined): string | null {
  if (!isObject(rule)) return null;
  const keys = Object.keys(rule);
  const name = rule.var;
  return keys.length === 1 && typeof name === 'string' && name !== '' ? name : null;
}

function isValue(rule: Rule | undefined): rule is RuleValue {
  return typeof rule === 'string' || typeof rule === 'number' || typeof rule === 'boolean';
}

function only(rule: { [op: string]: Rule }): [string, Rule] | null {
  const entries = Object.entries(rule);
  const [first] = entries;
  return entries.length === 1 && first ? first : null;
}

/** A single comparison as the builder writes it, else null. */
function conditionOf(rule: Rule): RuleCondition | null {
  if (!isObject(rule)) return null;
  const entry = only(rule);
  if (!entry) return null;
  const [op, operand] = entry;
  if (op === '!') {
    const inner = Array.isArray(operand) ? null : conditionOf(operand);
    return inner && inner.operator === 'includes' ? { ...inner, operator: 'excludes' } : null;
  }
  if (!Array.isArray(operand) || operand.length !== 2) return null;
  const [a, b] = operand;
  if (op === 'in') {
    const id = varOf(b);
    if (id !== null && typeof a === 'string') return { questionId: id, operator: 'includes', value: a };
    // The answer is one of a list of choices.
    const needle = varOf(a);
    const choices = Array.isArray(b) && b.length > 0 && b.every((v): v is string => typeof v === 'string') ? b : null;
    return needle !== null && choices !== null ? { questionId: needle, operator: 'oneOf', value: choices } : null;
  }
  const operator = (Object.keys(COMPARISON) as (keyof typeof COMPARISON)[]).find((k) => COMPARISON[k] === op);
  const id = varOf(a);
  if (!operator || id === null || !isValue(b)) return null;
  return { questionId: id, operator, value: b };
}

function conditionRule(c: RuleCondition): Rule {
  const question = { var: c.questionId };
  switch (c.operator) {
    case 'includes':
      return { in: [c.value, question] };
    case 'excludes':
      return { '!': { in: [c.value, question] } };
    case 'oneOf':
      return { in: [question, [...c.value]] };
    default:
      return { [COMPARISON[c.operator]]: [question, c.value] };
  }
}

/** The rule a builder model stands for; undefined (always included) when it has no conditions. */
export function modelToRule(model: RuleModel): Rule | undefined {
  const rules = model.conditions.map(conditionRule);
  if (rules.length === 0) return undefined;
  if (rules.length === 1) return rules[0];
  return { [model.join === 'all' ? 'and' : 'or']: rules };
}

/** Whether the builder can show this condition: an operator and a value its subject allows. */
function fits(condition: RuleCondition, subjects: readonly RuleSubject[]): boolean {
  const subject = subjectFor(condition.questionId, subjects, condition);
  if (!operatorsFor(subject.kind).includes(condition.operator)) return false;
  if (condition.operator === 'oneOf') {
    const values = condition.value;
    return new Set(values).size === values.length && (subject.unknown || values.every((v) => subject.options.some((o) => o.value === v)));
  }
  const value = condition.value;
  switch (subject.kind) {
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'yesno':
      return typeof value === 'boolean';
    case 'text':
      return typeof value === 'string';
    default:
      // Choices: a value the select can show (a question unknown here takes any text).
      return typeof value === 'string' && (subject.unknown || subject.options.some((o) => o.value === value));
  }
}

function sameRule(a: Rule | undefined, b: Rule | undefined): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The builder model of a rule, or null when the builder cannot show it as written (nesting,
 * "between", `in` over a list, an operator or value the question's type does not take, …).
 */
export function ruleToModel(rule: Rule | undefined, subjects: readonly RuleSubject[]): RuleModel | null {
  if (rule === undefined) return { join: 'all', conditions: [] };
  let model: RuleModel | null = null;
  const single = conditionOf(rule);
  if (single) model = { join: 'all', conditions: [single] };
  else if (isObject(rule)) {
    const entry = only(rule);
    if (entry && (entry[0] === 'and' || entry[0] === 'or') && Array.isArray(entry[1]) && entry[1].length >= 2) {
      const conditions = entry[1].map(conditionOf);
      if (conditions.every((c): c is RuleCondition => c !== null)) model = { join: entry[0] === 'and' ? 'all' : 'any', conditions };
    }
  }
  if (!model || !model.conditions.every((c) => fits(c, subjects))) return null;
  // Only what turns back into the same JSON: the builder never rewrites a rule the user did not touch.
  return sameRule(modelToRule(model), rule) ? model : null;
}

// ---------------------------------------------------------------------------------------------
// Builder rows: what the controls hold (a number as typed) ↔ conditions

/**
 * One row of the builder as its controls hold it: the value as typed or chosen. `kind` remembers
 * the type of a value read from a rule, for a question no assessment of the template has (whose
 * type the text "2" alone would not tell).
 */
export type ConditionInput = { questionId: string; operator: RuleOperator; value: string; kind?: SubjectKind; values?: string[] };

export type ConditionProblem = 'noQuestion' | 'noValue' | 'notNumber' | 'decimalComma' | 'notOption';

/** The text a condition's value shows in its control: yes/no as "yes"/"no", numbers as digits. */
export function inputOf(condition: RuleCondition): ConditionInput {
  if (condition.operator === 'oneOf') return { questionId: condition.questionId, operator: 'oneOf', value: '', values: [...condition.value], kind: 'single' };
  const value = typeof condition.value === 'boolean' ? (condition.value ? 'yes' : 'no') : String(condition.value);
  return { questionId: condition.questionId, operator: condition.operator, value, kind: inferredKind(condition) };
}

/** The subject a row asks about (a flagged stand-in, of the kind its value had, for an unknown question). */
export function subjectOfInput(input: ConditionInput, subjects: readonly RuleSubject[]): RuleSubject {
  const subject = subjectFor(input.questionId, subjects, { operator: input.operator, value: input.value });
  return subject.unknown && input.kind !== undefined ? { ...subject, kind: input.kind } : subject;
}

/** A row read back into a condition: numbers as people type them ("1,200"), choices checked against the options. */
export function readConditionInput(input: ConditionInput, subjects: readonly RuleSubject[]): { ok: true; condition: RuleCondition } | { ok: false; problem: ConditionProblem } {
  if (input.questionId === '') return { ok: false, problem: 'noQuestion' };
  const subject = subjectOfInput(input, subjects);
  const operator = operatorsFor(subject.kind).includes(input.operator) ? input.operator : (operatorsFor(subject.kind)[0] ?? 'eq');
  if (operator === 'oneOf') {
    const values = [...new Set(input.values ?? [])];
    if (values.length === 0) return { ok: false, problem: 'noValue' };
    if (!subject.unknown && !values.every((v) => subject.options.some((o) => o.value === v))) return { ok: false, problem: 'notOption' };
    return { ok: true, condition: { questionId: input.questionId, operator, value: values } };
  }
  const raw = input.value.trim();
  if (raw === '' && subject.kind !== 'text') return { ok: false, problem: 'noValue' };
  const made = (value: RuleValue) => ({ ok: true as const, condition: { questionId: input.questionId, operator, value } });
  switch (subject.kind) {
    case 'number': {
      const read = readTypedNumber(raw);
      if (!read.ok) return { ok: false, problem: read.reason === 'decimalComma' ? 'decimalComma' : 'notNumber' };
      return made(Number(read.text));
    }
    case 'yesno':
      return raw === 'yes' || raw === 'no' ? made(raw === 'yes') : { ok: false, problem: 'noValue' };
    case 'text':
      return made(input.value);
    default:
      if (!subject.unknown && !subject.options.some((o) => o.value === raw)) return { ok: false, problem: 'notOption' };
      return made(raw);
  }
}

/** A fresh row for a subject: its first operator and, for choices, its first option. */
export function newConditionInput(subject: RuleSubject): ConditionInput {
  const operator = operatorsFor(subject.kind)[0] ?? 'eq';
  const value = subject.kind === 'yesno' ? 'yes' : (subject.options[0]?.value ?? '');
  return { questionId: subject.id, operator, value };
}

// ---------------------------------------------------------------------------------------------
// Words

type Words = {
  is: string;
  isNot: string;
  includes: string;
  excludes: string;
  yes: string;
  no: string;
  and: string;
  or: string;
  oneOf: (subject: string, values: string[]) => string;
  answered: (subject: string) => string;
  notAnswered: (subject: string) => string;
  not: (what: string) => string;
  group: (what: string) => string;
  quote: (text: string) => string;
  unknown: (id: string) => string;
  /** "subject verb value": spaced in English, run together in Chinese. */
  phrase: (subject: string, verb: string, value: string) => string;
  scenario: string;
  always: string;
  never: string;
};

const WORDS: Record<Lang, Words> = {
  en: {
    is: 'is',
    isNot: 'is not',
    includes: 'includes',
    excludes: 'does not include',
    yes: 'Yes',
    no: 'No',
    and: 'and',
    or: 'or',
    oneOf: (subject, values) => `${subject} is one of ${values.join(', ')}`,
    answered: (subject) => `${subject} is answered`,
    notAnswered: (subject) => `${subject} is not answered`,
    not: (what) => `not (${what})`,
    group: (what) => `(${what})`,
    quote: (text) => `“${text}”`,
    unknown: (id) => `${id} (unknown question)`,
    phrase: (subject, verb, value) => `${subject} ${verb} ${value}`,
    scenario: 'the scenario',
    always: 'always',
    never: 'never',
  },
  zh: {
    is: '为',
    isNot: '不为',
    includes: '包含',
    excludes: '不包含',
    yes: '“是”',
    no: '“否”',
    and: '且',
    or: '或',
    oneOf: (subject, values) => `${subject}为${values.join('、')}之一`,
    answered: (subject) => `${subject}已作答`,
    notAnswered: (subject) => `${subject}未作答`,
    not: (what) => `并非（${what}）`,
    group: (what) => `（${what}）`,
    quote: (text) => `“${text}”`,
    unknown: (id) => `${id}（未知问题）`,
    phrase: (subject, verb, value) => `${subject}${verb}${value}`,
    scenario: '场景',
    always: '始终',
    never: '从不',
  },
};

const SYMBOL: Record<string, string> = { '==': '=', '!=': '≠', '<': '<', '<=': '≤', '>': '>', '>=': '≥' };
const MIRROR: Record<string, string> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=', '==': '==', '!=': '!=' };

export type RuleWords = {
  /** The condition in words, without "Include when" (the screen says that part). */
  text: string;
  /** Question ids the rule reads that no assessment of the template has, in order of appearance. */
  unknown: string[];
};

/**
 * Any rule in words. Questions are named by their text, choices by their labels, the scenario by
 * its name; a question no assessment of the template has is named by its id and flagged. What has
 * no wording of its own (an operator inside an odd shape) is shown as its JSON.
 */
export function describeRule(rule: Rule, lang: Lang, subjects: readonly RuleSubject[]): RuleWords {
  const w = WORDS[lang];
  const unknown: string[] = [];
  const subjectName = (id: string): { subject: RuleSubject; name: string } => {
    const subject = subjectFor(id, subjects);
    if (subject.unknown && !unknown.includes(id)) unknown.push(id);
    const name = subject.unknown ? w.unknown(id) : subject.kind === 'scenario' ? w.scenario : w.quote(pick(subject.label, lang));
    return { subject, name };
  };
  const valueName = (subject: RuleSubject | null, value: Rule): string => {
    if (typeof value === 'boolean') return value ? w.yes : w.no;
    if (typeof value === 'number') return value.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US', { maximumFractionDigits: 20 });
    if (typeof value === 'string') {
      const option = subject?.options.find((o) => o.value === value);
      return w.quote(option ? pick(option.label, lang) : value);
    }
    return JSON.stringify(value);
  };

  const comparison = (op: string, operands: Rule[]): string | null => {
    if (operands.length === 2) {
      let [a, b] = operands;
      let symbol = op;
      if (varOf(a) === null && varOf(b) !== null) {
        [a, b] = [b, a];
        symbol = MIRROR[op] ?? op;
      }
      const id = varOf(a);
      if (id === null || b === undefined || (!isValue(b) && b !== null)) return null;
      const { subject, name } = subjectName(id);
      if (b === null && (symbol === '==' || symbol === '!=')) return symbol === '==' ? w.notAnswered(name) : w.answered(name);
      if ((symbol === '==' || symbol === '!=') && subject.kind !== 'number' && typeof b !== 'number') {
        return w.phrase(name, symbol === '==' ? w.is : w.isNot, valueName(subject, b));
      }
      return `${name} ${SYMBOL[symbol] ?? symbol} ${valueName(subject, b)}`;
    }
    if (operands.length === 3 && (op === '<' || op === '<=')) {
      // "Between": a < b < c.
      const parts = operands.map((o) => {
        const id = varOf(o);
        return id !== null ? subjectName(id).name : isValue(o) ? valueName(null, o) : null;
      });
      if (parts.some((p) => p === null)) return null;
      return parts.join(` ${SYMBOL[op]} `);
    }
    return null;
  };

  const walk = (r: Rule, nested: boolean): string => {
    if (r === true) return w.always;
    if (r === false) return w.never;
    const bare = varOf(r);
    if (bare !== null) {
      const { subject, name } = subjectName(bare);
      return subject.kind === 'yesno' ? w.phrase(name, w.is, w.yes) : w.answered(name);
    }
    if (!isObject(r)) return JSON.stringify(r);
    const entry = only(r);
    if (!entry) return JSON.stringify(r);
    const [op, operand] = entry;
    const operands = Array.isArray(operand) ? operand : [operand];
    if (op === 'and' || op === 'or') {
      if (operands.length === 1 && operands[0] !== undefined) return walk(operands[0], nested);
      const text = operands.map((o) => walk(o, true)).join(` ${op === 'and' ? w.and : w.or} `);
      return nested && operands.length > 1 ? w.group(text) : text;
    }
    if (op === '!') {
      const inner = operands[0];
      if (inner === undefined) return JSON.stringify(r);
      const includes = isObject(inner) ? inOf(inner) : null;
      if (includes && includes.kind === 'includes') return w.phrase(includes.name, w.excludes, includes.value);
      const innerVar = varOf(inner);
      if (innerVar !== null) {
        const { subject, name } = subjectName(innerVar);
        return subject.kind === 'yesno' ? w.phrase(name, w.is, w.no) : w.notAnswered(name);
      }
      return w.not(walk(inner, false));
    }
    if (op === 'in') {
      const found = inOf(r);
      if (!found) return JSON.stringify(r);
      return found.kind === 'includes' ? w.phrase(found.name, w.includes, found.value) : w.oneOf(found.name, found.values);
    }
    if (op in SYMBOL) return comparison(op, operands) ?? JSON.stringify(r);
    return JSON.stringify(r);
  };

  // `in` either asks whether a multiple-choice answer includes a value, or whether an answer is one of a list.
  const inOf = (r: { [op: string]: Rule }): { kind: 'includes'; name: string; value: string } | { kind: 'oneOf'; name: string; values: string[] } | null => {
    const operand = r.in;
    if (!Array.isArray(operand) || operand.length !== 2) return null;
    const [a, b] = operand;
    const haystack = varOf(b);
    if (haystack !== null && isValue(a)) {
      const { subject, name } = subjectName(haystack);
      return { kind: 'includes', name, value: valueName(subject, a) };
    }
    const needle = varOf(a);
    if (needle !== null && Array.isArray(b) && b.every(isValue)) {
      const { subject, name } = subjectName(needle);
      return { kind: 'oneOf', name, values: b.map((v) => valueName(subject, v)) };
    }
    return null;
  };

  const text = walk(rule, false);
  return { text, unknown };
}
