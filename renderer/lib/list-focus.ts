import type { KeyboardEvent } from 'react';
import { nextIndex } from './list-keys';

/**
 * Arrow-key movement between the items of a list (Up/Down/Home/End move focus between the
 * elements matching `selector` inside the list). Tab still leaves the list as usual.
 */
export function onListKeyDown(event: KeyboardEvent<HTMLElement>, selector: string): void {
  if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
  const items = [...event.currentTarget.querySelectorAll<HTMLElement>(selector)];
  const current = items.findIndex((el) => el === document.activeElement || el.contains(document.activeElement));
  const next = nextIndex(event.key, current, items.length);
  if (next === null) return;
  event.preventDefault();
  items[next]?.focus();
}

/** Focuses the first item of the list `container` holds, if any (ArrowDown from a search box). */
export function focusFirstItem(container: HTMLElement | null, selector: string): boolean {
  const first = container?.querySelector<HTMLElement>(selector);
  first?.focus();
  return first !== null && first !== undefined;
}
