import { useEffect, useState } from 'react';
import type { ApiMessage } from '../../../core/api/message';
import type { Recommendation } from '../../../core/assessment/engine';
import type { Localized } from '../../../core/i18n';
import { fetchQuery } from '../../data/query-client';

/**
 * Titles of what an assessment's recommendations point to (POC templates, checklist items, KB
 * articles), by ref. What cannot be found keeps showing its id; the first failure is reported.
 */
export function useRefTitles(recommendations: readonly Recommendation[] | null): { titles: Record<string, Localized>; error: ApiMessage | null } {
  const [state, setState] = useState<{ titles: Record<string, Localized>; error: ApiMessage | null }>({ titles: {}, error: null });
  const key = recommendations ? JSON.stringify(recommendations.map((r) => [r.kind, r.ref])) : null;

  useEffect(() => {
    if (key === null) return;
    const refs = JSON.parse(key) as [Recommendation['kind'], string][];
    let cancelled = false;
    void (async () => {
      const titles: Record<string, Localized> = {};
      let error: ApiMessage | null = null;
      const fail = (message: ApiMessage): void => {
        error ??= message;
      };
      const ofKind = (kind: Recommendation['kind']) => [...new Set(refs.filter(([k]) => k === kind).map(([, ref]) => ref))];
      const checklistIds = [...new Set(ofKind('risk').map((ref) => ref.split('#')[0] ?? ''))];
      const [templates, articles, checklists] = await Promise.all([
        ofKind('template').length > 0 ? fetchQuery('templates.list', {}) : null,
        Promise.all(ofKind('article').map((id) => fetchQuery('kb.get', { id }))),
        Promise.all(checklistIds.map((id) => fetchQuery('checklists.get', { id }))),
      ]);
      if (templates && !templates.ok) fail(templates.error);
      if (templates?.ok) for (const t of templates.value) titles[t.id] = t.title;
      for (const a of articles) {
        if (a.ok) titles[a.value.id] = a.value.title;
        else if (a.error.code !== 'not_found') fail(a.error);
      }
      for (const c of checklists) {
        if (!c.ok) {
          if (c.error.code !== 'not_found') fail(c.error);
          continue;
        }
        for (const item of c.value.items) titles[`${c.value.id}#${item.id}`] = item.title;
      }
      if (!cancelled) setState({ titles, error });
    })();
    return () => {
      cancelled = true;
    };
  }, [key]);
  return state;
}
