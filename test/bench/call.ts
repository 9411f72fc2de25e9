import type { CallArgs, CallName, CallResult } from '../../core/api/contract';
import type { Backend } from '../../electron/backend/backend';

/** A backend call that must succeed (benchmarks are not tests: a failure stops the run with its reason). */
export async function call<N extends CallName>(backend: Backend, method: N, args: CallArgs<N>): Promise<CallResult<N>> {
  const result = await backend.call(method, args);
  if (!result.ok) throw new Error(`${method}: ${result.error.code}: ${result.error.message}`);
  return result.value as CallResult<N>;
}
