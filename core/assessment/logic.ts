import type { Rule } from '../content/schemas';

/**
 * A small, safe evaluator for the JSON Logic subset that assessment definitions use for skip
 * logic and recommendations. Rules are data: nothing here can run code, touch globals or loop
 * forever (evaluation is a plain recursion over a finite tree).
 */

export type AnswerValue = string | number | boolean | string[] | null;
export type AnswerLookup = (questionId: string) => AnswerValue | undefined;

export class RuleError extends Error {
  override name = 'RuleError';
}

/** JSON Logic truthiness: false, null, 0, "" and [] are false. */
export function truthy(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  return Boolean(value);
}

function args(value: Rule): Rule[] {
  return Array.isArray(value) ? value : [value];
}

function isOperation(rule: Rule): rule is { [op: string]: Rule } {
  return typeof rule === 'object' && rule !== null && !Array.isArray(rule);
}

function varName(operand: Rule): { name: string; fallback: Rule } {
  const [name, fallback = null] = args(operand);
  if (typeof name !== 'string') throw new RuleError('"var" needs a question id');
  return { name, fallback };
}

function compare(op: string, a: unknown, b: unknown): boolean {
  if (typeof a !== 'number' || typeof b !== 'number') return false;
  switch (op) {
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    default:
      return a >= b;
  }
}

function equal(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => x === b[i]);
  return a === b;
}

export function evaluate(rule: Rule, answer: AnswerLookup): unknown {
  if (Array.isArray(rule)) return rule.map((r) => evaluate(r, answer));
  if (!isOperation(rule)) return rule;
  const keys = Object.keys(rule);
  const op = keys[0];
  if (keys.length !== 1 || op === undefined) throw new RuleError('a rule object has exactly one operator');
  const operand = rule[op] as Rule;
  switch (op) {
    case 'var': {
      const { name, fallback } = varName(operand);
      const value = answer(name);
      return value === undefined || value === null ? evaluate(fallback, answer) : value;
    }
    case '==':
    case '!=': {
      const [a, b] = args(operand).map((r) => evaluate(r, answer));
      return op === '==' ? equal(a, b) : !equal(a, b);
    }
    case '<':
    case '<=':
    case '>':
    case '>=': {
      const values = args(operand).map((r) => evaluate(r, answer));
      // Three operands mean "between": a < b < c.
      if (values.length === 3) return compare(op, values[0], values[1]) && compare(op, values[1], values[2]);
      return compare(op, values[0], values[1]);
    }
    case 'and': {
      let last: unknown = true;
      for (const r of args(operand)) {
        last = evaluate(r, answer);
        if (!truthy(last)) return last;
      }
      return last;
    }
    case 'or': {
      let last: unknown = false;
      for (const r of args(operand)) {
        last = evaluate(r, answer);
        if (truthy(last)) return last;
      }
      return last;
    }
    case '!':
      return !truthy(evaluate(args(operand)[0] ?? null, answer));
    case 'in': {
      const [needle, haystack] = args(operand).map((r) => evaluate(r, answer));
      if (Array.isArray(haystack)) return haystack.some((h) => h === needle);
      if (typeof haystack === 'string' && typeof needle === 'string') return haystack.includes(needle);
      return false;
    }
    default:
      throw new RuleError(`unknown rule operator "${op}"`);
  }
}

export function holds(rule: Rule | undefined, answer: AnswerLookup): boolean {
  return rule === undefined ? true : truthy(evaluate(rule, answer));
}

/** Every question id a rule reads, in order of first appearance. */
export function referencedQuestions(rule: Rule | undefined): string[] {
  const found: string[] = [];
  const walk = (r: Rule): void => {
    if (Array.isArray(r)) return r.forEach(walk);
    if (!isOperation(r)) return;
    for (const [op, operand] of Object.entries(r)) {
      if (op === 'var') {
        const name = args(operand)[0];
        if (typeof name === 'string' && !found.includes(name)) found.push(name);
      } else walk(operand);
    }
  };
  if (rule !== undefined) walk(rule);
  return found;
}
