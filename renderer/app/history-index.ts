/**
 * Keeps every history entry of the app numbered the way the router numbers its own (`idx` in
 * history.state). The router can hold a Back or Forward navigation (the unsaved-changes prompt)
 * only into an entry it numbered; one it did not create — a route typed into the address bar, a
 * bookmark opened in the tab — had no number, and a Back into it went through unasked. Such an
 * entry is numbered as it arrives, one after the entry it followed, before the router looks at it.
 */

type IndexedState = { idx?: unknown } | null;

function indexOf(state: unknown): number | null {
  const idx = (state as IndexedState)?.idx;
  return typeof idx === 'number' ? idx : null;
}

/**
 * Call before the router is created, so this listener runs before the router's; then hand it the
 * router, whose own pushes and replaces it follows.
 */
export function numberHistoryEntries(): (router: { subscribe: (listener: () => void) => () => void }) => void {
  let last = indexOf(window.history.state) ?? 0;
  window.addEventListener('popstate', () => {
    const idx = indexOf(window.history.state);
    if (idx !== null) {
      last = idx;
      return;
    }
    last += 1;
    const state = (window.history.state ?? {}) as Record<string, unknown>;
    window.history.replaceState({ usr: null, key: Math.random().toString(36).slice(2, 10), ...state, idx: last }, '');
  });
  return (router) => {
    last = indexOf(window.history.state) ?? last;
    router.subscribe(() => {
      const idx = indexOf(window.history.state);
      if (idx !== null) last = idx;
    });
  };
}
