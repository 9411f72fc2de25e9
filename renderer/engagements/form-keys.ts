import type { KeyboardEvent } from 'react';

/** Form shortcuts: Ctrl/Cmd+S saves, Escape cancels (leaving is still guarded when there are changes). */
export function onFormKeyDown(event: KeyboardEvent<HTMLFormElement>, actions: { save: () => void; cancel: () => void }): void {
  if (event.defaultPrevented) return;
  if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 's') {
    event.preventDefault();
    actions.save();
  } else if (event.key === 'Escape') {
    event.preventDefault();
    actions.cancel();
  }
}

/** Moves focus to a field's input after a failed save (after React has rendered the errors). */
export function focusField(id: string | null): void {
  if (id === null) return;
  requestAnimationFrame(() => document.getElementById(id)?.focus());
}
