import { create } from 'zustand';
import type { ContentStatus } from '../../core/api/contract';
import type { Scenario } from '../../core/kb/types';
import { callSafe } from '../lib/api';

type CatalogState = {
  scenarios: Scenario[];
  content: ContentStatus | null;
  error: string | null;
  load(): Promise<void>;
};

/** Reference data many screens need: scenarios and what the content pack brought. */
export const useCatalog = create<CatalogState>((set) => ({
  scenarios: [],
  content: null,
  error: null,
  async load() {
    const [scenarios, content] = await Promise.all([callSafe('scenarios.list', {}), callSafe('content.status', {})]);
    set({
      scenarios: scenarios.ok ? scenarios.value : [],
      content: content.ok ? content.value : null,
      error: !scenarios.ok ? scenarios.error.message : !content.ok ? content.error.message : null,
    });
  },
}));
