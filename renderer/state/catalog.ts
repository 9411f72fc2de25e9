import { create } from 'zustand';
import type { ContentStatus } from '../../core/api/contract';
import type { ApiError } from '../../core/api/result';
import type { Scenario } from '../../core/kb/types';
import { callSafe } from '../lib/api';

type Loaded<T> = { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; error: ApiError };

type CatalogState = {
  scenarios: Loaded<Scenario[]>;
  content: Loaded<ContentStatus>;
  load(): Promise<void>;
};

/**
 * Reference data many screens share: the scenarios (names, summaries, KPIs) and what the content
 * pack brought. Reloaded when the knowledge base changes; a failed reload keeps nothing stale.
 */
let latestLoad = 0;

export const useCatalog = create<CatalogState>((set) => ({
  scenarios: { status: 'loading' },
  content: { status: 'loading' },
  async load() {
    const ticket = ++latestLoad;
    const [scenarios, content] = await Promise.all([callSafe('scenarios.list', {}), callSafe('content.status', {})]);
    // An older load that answers late must not overwrite a newer one.
    if (ticket !== latestLoad) return;
    set({
      scenarios: scenarios.ok ? { status: 'ready', value: scenarios.value } : { status: 'error', error: scenarios.error },
      content: content.ok ? { status: 'ready', value: content.value } : { status: 'error', error: content.error },
    });
  },
}));

const NO_SCENARIOS: Scenario[] = [];

/** The scenarios known so far (empty while loading or after an error). */
export function useScenarios(): Scenario[] {
  return useCatalog((s) => (s.scenarios.status === 'ready' ? s.scenarios.value : NO_SCENARIOS));
}
