import { msg, type ApiMessage } from '../api/message';
import type { Question, Rule } from './schemas';

/**
 * Shape checks for JSON Logic rules beyond what the schema sees (the schema already limits the
 * operators): a rule that is well-formed JSON but has the wrong number of operands, or a `var`
 * without a question id, would silently evaluate to false or fail while a consultant is
 * answering at a customer site. Better to hear about it when the pack is loaded.
 */

/** How many operands each operator takes; `var` is checked on its own. */
const ARITY: Record<string, readonly number[]> = {
  '==': [2],
  '!=': [2],
  '<': [2, 3], // three operands: "between", a < b < c
  '<=': [2, 3],
  '>': [2],
  '>=': [2],
  in: [2],
  '!': [1],
};

function operands(value: Rule): Rule[] {
  return Array.isArray(value) ? value : [value];
}

/** Every shape problem in a rule; empty when it is sound. */
export function ruleShapeProblems(rule: Rule | undefined): ApiMessage[] {
  const problems: ApiMessage[] = [];
  const walk = (r: Rule): void => {
    if (Array.isArray(r)) return r.forEach(walk);
    if (typeof r !== 'object' || r === null) return;
    for (const [op, operand] of Object.entries(r)) {
      const args = operands(operand);
      if (op === 'var') {
        if (typeof args[0] !== 'string' || args[0] === '') problems.push(msg('rule.varNeedsId'));
        else if (args.length > 2) problems.push(msg('rule.varOperands', { count: args.length }));
        continue;
      }
      const arity = ARITY[op];
      if (arity && !arity.includes(args.length)) problems.push(msg('rule.arity', { op, expected: arity.join('/'), count: args.length }));
      if ((op === 'and' || op === 'or') && args.length === 0) problems.push(msg('rule.needsOperand', { op }));
      args.forEach(walk);
    }
  };
  if (rule !== undefined) walk(rule);
  return problems;
}

/**
 * What a rule may compare a question's answer with: numbers for number and scale questions, true
 * or false for yes/no, one of the choices for single and multiple choice. `other` (dates,
 * evidence, text) is not checked beyond text.
 */
export type RuleValueSubject = { kind: 'number' | 'single' | 'multiple' | 'yesno' | 'text' | 'other'; choices: readonly string[] };

export function valueSubjectOf(question: Question): RuleValueSubject {
  switch (question.type) {
    case 'number':
    case 'scale':
      return { kind: 'number', choices: [] };
    case 'single':
    case 'multiple':
      return { kind: question.type, choices: question.options.map((o) => o.value) };
    case 'yesno':
    case 'text':
      return { kind: question.type, choices: [] };
    default:
      return { kind: 'other', choices: [] };
  }
}

type Literal = string | number | boolean | null;

function isLiteral(r: Rule | undefined): r is Literal {
  return r === null || ['string', 'number', 'boolean'].includes(typeof r);
}

/** The question id of a bare `{"var": id}` (or `{"var": [id, default]}`), else null. */
function varOf(r: Rule | undefined): string | null {
  if (typeof r !== 'object' || r === null || Array.isArray(r)) return null;
  const keys = Object.keys(r);
  if (keys.length !== 1 || keys[0] !== 'var') return null;
  const name = operands(r.var as Rule)[0];
  return typeof name === 'string' ? name : null;
}

/**
 * Comparisons that can never hold because the value does not fit the question: a number question
 * compared with "3", a yes/no question with "yes", a choice that is not among the question's (a
 * typo in a pack, or a choice since renamed), a multiple-choice answer tested with "==". Such a
 * rule is well-formed, so without this check it would silently never fire. Only a question
 * compared with a literal is checked; `subjectOf` gives what a question id is (undefined when
 * unknown: that is reported elsewhere).
 */
export function ruleValueProblems(rule: Rule | undefined, subjectOf: (id: string) => RuleValueSubject | undefined): ApiMessage[] {
  const problems: ApiMessage[] = [];
  const shown = (value: unknown): string => JSON.stringify(value);
  const checkValue = (question: string, subject: RuleValueSubject, value: Literal): void => {
    if (value === null || subject.kind === 'other') return;
    if (subject.kind === 'number' && typeof value !== 'number') problems.push(msg('rule.valueNotNumber', { question, value: shown(value) }));
    else if (subject.kind === 'yesno' && typeof value !== 'boolean') problems.push(msg('rule.valueNotYesNo', { question, value: shown(value) }));
    else if (subject.kind === 'text' && typeof value !== 'string') problems.push(msg('rule.valueNotText', { question, value: shown(value) }));
    else if ((subject.kind === 'single' || subject.kind === 'multiple') && (typeof value !== 'string' || !subject.choices.includes(value)))
      problems.push(msg('rule.valueNotChoice', { question, value: shown(value), choices: subject.choices.join(', ') }));
  };
  const comparison = (op: string, args: Rule[]): void => {
    if (op === '==' || op === '!=') {
      const [a, b] = args;
      const question = varOf(a) ?? varOf(b);
      const value = varOf(a) === null ? a : b;
      const subject = question === null ? undefined : subjectOf(question);
      if (question === null || subject === undefined || !isLiteral(value)) return;
      if (subject.kind === 'multiple' && value !== null) problems.push(msg('rule.multipleNeedsIn', { question, op, value: shown(value) }));
      else checkValue(question, subject, value);
    } else if (['<', '<=', '>', '>='].includes(op)) {
      for (const arg of args) {
        const question = varOf(arg);
        const subject = question === null ? undefined : subjectOf(question);
        if (question === null || subject === undefined || subject.kind === 'other') continue;
        if (subject.kind !== 'number') problems.push(msg('rule.notNumberQuestion', { op, question }));
        else for (const other of args) if (isLiteral(other)) checkValue(question, subject, other);
      }
    } else if (op === 'in') {
      const [needle, haystack] = args;
      const asked = varOf(needle);
      const askedSubject = asked === null ? undefined : subjectOf(asked);
      // {"in": [{"var": q}, [choices…]]}: the answer is one of these.
      if (asked !== null && askedSubject !== undefined && Array.isArray(haystack)) {
        for (const value of haystack) if (isLiteral(value)) checkValue(asked, askedSubject, value);
      }
      // {"in": [choice, {"var": q}]}: a multiple-choice answer includes this choice.
      const chosen = varOf(haystack);
      const chosenSubject = chosen === null ? undefined : subjectOf(chosen);
      if (chosen !== null && chosenSubject?.kind === 'multiple' && isLiteral(needle)) checkValue(chosen, chosenSubject, needle);
    }
  };
  const walk = (r: Rule): void => {
    if (Array.isArray(r)) return r.forEach(walk);
    if (typeof r !== 'object' || r === null) return;
    for (const [op, operand] of Object.entries(r)) {
      if (op === 'var') continue;
      const args = operands(operand);
      comparison(op, args);
      args.forEach(walk);
    }
  };
  if (rule !== undefined) walk(rule);
  return problems;
}

/**
 * What each id a template's rule may name is: the questions of its scenarios' assessments (the
 * first definition that has an id wins, as in the builder) and `scenario`, one of the template's
 * scenarios.
 */
export function templateRuleSubjects(definitions: readonly { sections: readonly { questions: readonly Question[] }[] }[], scenarios: readonly string[]): (id: string) => RuleValueSubject | undefined {
  const subjects = new Map<string, RuleValueSubject>([['scenario', { kind: 'single', choices: scenarios }]]);
  for (const definition of definitions)
    for (const section of definition.sections) for (const question of section.questions) if (!subjects.has(question.id)) subjects.set(question.id, valueSubjectOf(question));
  return (id) => subjects.get(id);
}
