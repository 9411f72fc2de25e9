import { useCallback, useEffect, useRef, useState } from 'react';
import type { CallArgs, CallName, CallResult } from '../../core/api/contract';
import type { ApiError } from '../../core/api/result';
import { callSafe } from './api';

export type CallState<T> =
  | { status: 'idle'; data: null; error: null }
  | { status: 'loading'; data: T | null; error: null }
  | { status: 'ready'; data: T; error: null }
  | { status: 'error'; data: T | null; error: ApiError };

export type CallHandle<T> = CallState<T> & {
  /** Repeats the call with the same arguments (retry buttons, push events). */
  reload: () => void;
};

/**
 * Runs a backend call whenever its arguments change (compared by value) and keeps the newest
 * answer: a slower, older response never overwrites a newer one. While a new call runs, the
 * previous data stays available so lists do not flicker. `null` arguments mean "do not call".
 */
export function useCall<N extends CallName>(method: N, args: CallArgs<N> | null): CallHandle<CallResult<N>> {
  const key = args === null ? null : JSON.stringify(args);
  const [state, setState] = useState<CallState<CallResult<N>>>(
    key === null ? { status: 'idle', data: null, error: null } : { status: 'loading', data: null, error: null },
  );
  const [generation, setGeneration] = useState(0);
  const latest = useRef(0);

  useEffect(() => {
    const ticket = ++latest.current;
    if (key === null) {
      setState({ status: 'idle', data: null, error: null });
      return;
    }
    setState((s) => ({ status: 'loading', data: s.data, error: null }));
    void callSafe(method, JSON.parse(key) as CallArgs<N>).then((result) => {
      if (ticket !== latest.current) return;
      setState((s) => (result.ok ? { status: 'ready', data: result.value, error: null } : { status: 'error', data: s.data, error: result.error }));
    });
  }, [method, key, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { ...state, reload };
}
