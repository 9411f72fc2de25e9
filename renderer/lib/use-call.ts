import { useCallback, useEffect, useRef, useState } from 'react';
import type { CallArgs, CallName, CallResult } from '../../core/api/contract';
import type { ApiError } from '../../core/api/result';
import { callSafe } from './api';

export type CallState<T> =
  | { status: 'loading'; data: T | null; error: null }
  | { status: 'ready'; data: T; error: null }
  | { status: 'error'; data: T | null; error: ApiError };

/**
 * Runs a backend call whenever its arguments change and keeps the newest answer: a slower, older
 * response never overwrites a newer one. `reload` repeats the call (retry buttons, push events).
 */
export function useCall<N extends CallName>(method: N, args: CallArgs<N> | null): CallState<CallResult<N>> & { reload: () => void } {
  const [state, setState] = useState<CallState<CallResult<N>>>({ status: 'loading', data: null, error: null });
  const [generation, setGeneration] = useState(0);
  const latest = useRef(0);
  const key = args === null ? null : JSON.stringify(args);

  useEffect(() => {
    if (key === null) return;
    const ticket = ++latest.current;
    setState((s) => ({ status: 'loading', data: s.data, error: null }));
    void callSafe(method, JSON.parse(key) as CallArgs<N>).then((result) => {
      if (ticket !== latest.current) return;
      setState((s) => (result.ok ? { status: 'ready', data: result.value, error: null } : { status: 'error', data: s.data, error: result.error }));
    });
  }, [method, key, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { ...state, reload };
}
