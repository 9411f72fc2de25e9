import type { SetURLSearchParams } from 'react-router';

/**
 * Sets one query parameter of the page's URL, keeping the others; an empty value (or null)
 * removes it. Replaces the history entry so filtering does not fill the Back button.
 */
export function setSearchParam(setParams: SetURLSearchParams, name: string, value: string | null): void {
  setParams(
    (p) => {
      const next = new URLSearchParams(p);
      if (value === null || value === '') next.delete(name);
      else next.set(name, value);
      return next;
    },
    { replace: true },
  );
}
