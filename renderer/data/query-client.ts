import { QueryClient, type Query, type QueryKey } from '@tanstack/react-query';
import type { CallArgs, CallName, CallResult, Events } from '../../core/api/contract';
import { CONTENT_TABLES, isRecordTable } from '../../core/api/tables';
import type { ApiError, ApiResult } from '../../core/api/result';
import { callSafe, onEvent } from '../lib/api';
import { readsOf, writesOf, type MutationName, type QueryName, type Source } from './sources';

/**
 * The renderer's cache of backend answers (TanStack Query). An answer is kept under
 * [call name, arguments] and is fresh until something it reads changes: the backend says so with
 * `data.changed` after every commit, and this renderer's own mutations say so on success (the
 * event arrives a moment later, and a screen opened right after a mutation must not show what was
 * there before). No timers: an answer from the local backend does not age.
 */

/** A failed call, carried through TanStack Query's error channel with the backend's error intact. */
export class CallFailed extends Error {
  readonly error: ApiError;
  constructor(error: ApiError) {
    super(error.message);
    this.name = 'CallFailed';
    this.error = error;
  }
}

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: Infinity,
      gcTime: 5 * 60_000,
      // The backend is local: a failure is an answer (shown with a Retry), not a network blip.
      retry: false,
      refetchOnWindowFocus: false,
      refetchOnReconnect: false,
      // Offline-first: the backend is reachable whatever navigator.onLine says.
      networkMode: 'always',
    },
  },
});

export type QueryKeyOf<N extends QueryName> = readonly [N, CallArgs<N>];

export function queryKeyOf<N extends QueryName>(method: N, args: CallArgs<N>): QueryKeyOf<N> {
  return [method, args] as const;
}

export async function runQuery<N extends QueryName>(method: N, args: CallArgs<N>): Promise<CallResult<N>> {
  const result = await callSafe(method, args);
  if (!result.ok) throw new CallFailed(result.error);
  return result.value;
}

function methodOf(key: QueryKey): CallName {
  return key[0] as CallName;
}

/**
 * Something in `changed` changed: answers on screen that read it are fetched again (the screen
 * keeps the old answer until the new one arrives, so nothing flickers); answers not on screen are
 * dropped, so a screen opened later loads afresh instead of showing them stale.
 */
export function refreshSources(changed: readonly Source[]): void {
  if (changed.length === 0) return;
  const set = new Set<Source>(changed);
  const affected = (query: Query): boolean => readsOf(methodOf(query.queryKey)).some((s) => set.has(s));
  queryClient.removeQueries({ type: 'inactive', predicate: affected });
  void queryClient.invalidateQueries({ type: 'active', predicate: affected });
}

/** Refreshes what a successful mutation affects; for the few mutations made outside `mutate` (attachFile). */
export function afterMutation(method: MutationName): void {
  refreshSources(writesOf(method));
}

// The echo of this renderer's own commits. A mutation refreshes what it changed as soon as its
// result arrives; the `data.changed` of the same commits (which may come before or after that
// result, on another channel) must not fetch the same answers again: a proposal just generated
// opens from the answer the call returned. Events that arrive while a mutation is on its way wait
// for it, so they can be told apart by their commit number.
const ownCommits = new Set<number>();
const OWN_COMMITS_KEPT = 500;
let mutationsInFlight = 0;
const waitingEvents: Events['data.changed'][] = [];

function takeChange(change: Events['data.changed']): void {
  if (ownCommits.delete(change.seq)) return;
  refreshSources(change.tables);
}

function onDataChanged(change: Events['data.changed']): void {
  if (mutationsInFlight > 0) waitingEvents.push(change);
  else takeChange(change);
}

/** Runs a mutation; on success refreshes every cached answer that reads what it changed. */
export async function mutate<N extends MutationName>(method: N, args: CallArgs<N>): Promise<ApiResult<CallResult<N>>> {
  mutationsInFlight++;
  let result: ApiResult<CallResult<N>>;
  try {
    result = await callSafe(method, args);
  } finally {
    mutationsInFlight--;
  }
  if (result.ok) {
    const committed = result.committed ?? [];
    for (const commit of committed) ownCommits.add(commit.seq);
    // An echo that never comes (the event stream was reconnecting) must not be remembered forever.
    while (ownCommits.size > OWN_COMMITS_KEPT) ownCommits.delete(ownCommits.values().next().value ?? 0);
    // Records: exactly what it committed. Its bookkeeping beyond records (sync state, backups,
    // settings), which no commit names: what it declares.
    const bookkeeping = writesOf(method).filter((source) => !isRecordTable(source));
    refreshSources(committed.length > 0 ? [...committed.flatMap((c) => c.tables), ...bookkeeping] : writesOf(method));
  }
  if (mutationsInFlight === 0) for (const change of waitingEvents.splice(0)) takeChange(change);
  return result;
}

/** A query run on demand (a click, not a render), answered from the cache when it holds the answer. */
export async function fetchQuery<N extends QueryName>(method: N, args: CallArgs<N>): Promise<ApiResult<CallResult<N>>> {
  try {
    const value = await queryClient.fetchQuery({ queryKey: queryKeyOf(method, args), queryFn: () => runQuery(method, args) });
    return { ok: true, value };
  } catch (error) {
    if (error instanceof CallFailed) return { ok: false, error: error.error };
    throw error;
  }
}

/**
 * Starts fetching an answer a screen about to open will ask for, so the request runs while that
 * screen's code loads and renders instead of after (the cached answer is used when there is one).
 */
export function prefetchQuery<N extends QueryName>(method: N, args: CallArgs<N>): void {
  void queryClient.prefetchQuery({ queryKey: queryKeyOf(method, args), queryFn: () => runQuery(method, args) });
}

/**
 * Puts an answer a mutation already returned into the cache (the proposal `proposals.generate`
 * made), so the screen that shows it next does not fetch it again.
 */
export function setQueryResult<N extends QueryName>(method: N, args: CallArgs<N>, value: CallResult<N>): void {
  queryClient.setQueryData(queryKeyOf(method, args), value);
}

/** Listens to the backend's change events for the app's lifetime; returns the unsubscribe function. */
export function connectQueryCache(): () => void {
  const offData = onEvent('data.changed', onDataChanged);
  const offContent = onEvent('content.imported', () => refreshSources(['content_pack', ...CONTENT_TABLES]));
  // A sync's own bookkeeping (status, history, conflicts, the backup it made); the records it
  // changed come with their own data.changed.
  const offSync = onEvent('sync.progress', () => refreshSources(['sync', 'backups']));
  return () => {
    offData();
    offContent();
    offSync();
  };
}
