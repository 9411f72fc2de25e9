import { msg, type ApiMessage } from '../api/message';
import type { Rule } from './schemas';

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
