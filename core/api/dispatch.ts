import { calls, isCallName, type CallName, type CallResult, type ParsedArgs } from './contract';
import { msg } from './message';
import { ApiFailure, failed, fieldsFailure, ok, type ApiResult } from './result';
import { describeIssues } from './issues';

/** The backend's handler table: one function per contract entry (a missing one fails to compile). */
export type Handlers = {
  [N in CallName]: (args: ParsedArgs<N>) => CallResult<N> | Promise<CallResult<N>>;
};

export type DispatchLog = (message: string, error: unknown) => void;

/**
 * Recognises failures of the machine (a full disk, a read-only or locked database, …) among the
 * errors a handler throws and says them as an ApiFailure with their own code; null for anything
 * else, which is reported as `internal`. The backend supplies it (it knows SQLite's and Node's
 * error codes; core does not).
 */
export type ErrorClassifier = (error: unknown) => ApiFailure | null;

/**
 * Validates an untrusted (method, args) pair and runs the handler. Never throws: every outcome,
 * including a bug in a handler, comes back as an ApiResult.
 */
export async function dispatch(handlers: Handlers, method: unknown, args: unknown, log: DispatchLog, classify?: ErrorClassifier): Promise<ApiResult<unknown>> {
  if (!isCallName(method)) {
    const shown = typeof method === 'string' ? method.slice(0, 80) : `(${typeof method})`;
    return failed('unknown_method', msg('error.unknownCall', { call: shown }));
  }
  const input = args === undefined ? {} : args;
  const parsed = calls[method].args.safeParse(input);
  if (!parsed.success) {
    return { ok: false, error: fieldsFailure(describeIssues(parsed.error, input)).toError() };
  }
  try {
    const handler = handlers[method] as (a: unknown) => unknown;
    return ok(await handler(parsed.data));
  } catch (error) {
    if (error instanceof ApiFailure) return { ok: false, error: error.toError() };
    const environment = classify?.(error) ?? null;
    if (environment !== null) {
      log(`handler ${method} failed: ${environment.code}`, error);
      return { ok: false, error: environment.toError() };
    }
    log(`handler ${method} failed`, error);
    const detail = error instanceof Error ? error.message : String(error);
    return failed('internal', msg('error.internal', { call: method, detail }));
  }
}
