import { keepPreviousData, useQuery as useCachedQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { CallArgs, CallResult } from '../../core/api/contract';
import { msg } from '../../core/api/message';
import { errorOf, type ApiError } from '../../core/api/result';
import { CallFailed, queryKeyOf, runQuery } from './query-client';
import type { QueryName } from './sources';

export type QueryState<T> =
  | { status: 'idle'; data: null; error: null }
  | { status: 'loading'; data: T | null; error: null }
  | { status: 'ready'; data: T; error: null }
  | { status: 'error'; data: T | null; error: ApiError };

export type QueryHandle<T> = QueryState<T> & {
  /** Fetches the answer again (Retry buttons, a conflict's "load the stored version"). */
  reload: () => Promise<void>;
};

function apiErrorOf(error: Error): ApiError {
  return error instanceof CallFailed ? error.error : errorOf('internal', msg('error.unexpected', { detail: error.message }));
}

/**
 * A backend answer for the component: from the cache when another component already asked the same
 * call with the same arguments (compared by value), else fetched once however many components ask.
 * While the arguments change, the previous answer stays available (status 'loading') so lists do
 * not flicker; a background refetch of the same arguments keeps status 'ready', so an editor showing
 * the record is never replaced. `null` arguments mean "do not call".
 */
export function useQuery<N extends QueryName>(method: N, args: CallArgs<N> | null): QueryHandle<CallResult<N>> {
  const enabled = args !== null;
  const query = useCachedQuery({
    queryKey: queryKeyOf(method, args ?? ({} as CallArgs<N>)),
    queryFn: () => runQuery(method, args ?? ({} as CallArgs<N>)),
    enabled,
    placeholderData: keepPreviousData,
  });
  const { refetch } = query;
  const reload = useCallback(async (): Promise<void> => {
    await refetch();
  }, [refetch]);

  const data = (query.data ?? null) as CallResult<N> | null;
  if (!enabled) return { status: 'idle', data: null, error: null, reload };
  if (query.isError && !query.isFetching) return { status: 'error', data, error: apiErrorOf(query.error), reload };
  // An answer for these arguments is ready while it is fetched again — also after a failed
  // refetch (offline, the host restarting): a record page never drops its editor for a spinner.
  if (query.data !== undefined && !query.isPlaceholderData) return { status: 'ready', data: data as CallResult<N>, error: null, reload };
  return { status: 'loading', data, error: null, reload };
}

/**
 * The answer for exactly these arguments — not a previous one kept while they load — and still
 * after a failed background refetch, so an editor showing a record stays in place; null while
 * there is none. Record pages render their editor from this, before looking at errors.
 */
export function currentData<T>(query: QueryHandle<T>): T | null {
  return query.status === 'ready' || query.status === 'error' ? query.data : null;
}
