import { calls, isCallName, type CallName, type CallResult, type ParsedArgs } from './contract';
import { ApiFailure, fail, ok, type ApiResult } from './result';
import { describeIssues, issuesToText } from './issues';

/** The backend's handler table: one function per contract entry (a missing one fails to compile). */
export type Handlers = {
  [N in CallName]: (args: ParsedArgs<N>) => CallResult<N> | Promise<CallResult<N>>;
};

export type DispatchLog = (message: string, error: unknown) => void;

/**
 * Validates an untrusted (method, args) pair and runs the handler. Never throws: every outcome,
 * including a bug in a handler, comes back as an ApiResult.
 */
export async function dispatch(handlers: Handlers, method: unknown, args: unknown, log: DispatchLog): Promise<ApiResult<unknown>> {
  if (!isCallName(method)) {
    const shown = typeof method === 'string' ? `"${method.slice(0, 80)}"` : `of type ${typeof method}`;
    return fail('unknown_method', `Unknown API method ${shown}.`);
  }
  const parsed = calls[method].args.safeParse(args === undefined ? {} : args);
  if (!parsed.success) {
    const issues = describeIssues(parsed.error);
    return fail('bad_request', `Invalid arguments for ${method}: ${issuesToText(issues)}`, issues);
  }
  try {
    const handler = handlers[method] as (a: unknown) => unknown;
    return ok(await handler(parsed.data));
  } catch (error) {
    if (error instanceof ApiFailure) return fail(error.code, error.message, error.issues);
    log(`handler ${method} failed`, error);
    const detail = error instanceof Error ? error.message : String(error);
    return fail('internal', `${method} failed unexpectedly: ${detail}`);
  }
}
