import { useCallback, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { useBeforeUnload, useBlocker } from 'react-router';
import { Dialog, DialogActions } from './Dialog';
import { useI18n } from '../i18n/i18n';

export type UnsavedGuard = {
  /** The confirm dialog, while leaving unsaved changes waits for an answer. */
  dialog: ReactNode;
  /** Lets the next navigation through without asking (after a save, or an explicit cancel). */
  allowLeaving: () => void;
  /** Runs `discard` (closing a dialog form) at once when nothing is unsaved, else after the user agrees. */
  confirmDiscard: (discard: () => void) => void;
};

/**
 * The one guard of unsaved typing, for every form that saves on an explicit Save (pages and dialog
 * forms): an in-app link and the browser's Back and Forward show a dialog (keep editing / discard),
 * closing a dialog form (Escape, Cancel, the backdrop) goes through `confirmDiscard`, and closing
 * or reloading the tab gets the browser's own prompt.
 */
export function useUnsavedGuard(dirty: boolean): UnsavedGuard {
  const { t } = useI18n();
  const allowed = useRef(false);
  const [pending, setPending] = useState<(() => void) | null>(null);
  // Read when a navigation happens, not when the router last took the blocker's function (a
  // passive effect, a moment after typing): set as the change commits, so a Back right after a
  // keystroke is held too.
  const dirtyNow = useRef(dirty);
  useLayoutEffect(() => {
    dirtyNow.current = dirty;
  }, [dirty]);
  const blocker = useBlocker(({ currentLocation, nextLocation }) => {
    if (allowed.current) {
      allowed.current = false;
      return false;
    }
    return dirtyNow.current && (currentLocation.pathname !== nextLocation.pathname || currentLocation.search !== nextLocation.search);
  });
  useBeforeUnload(
    useCallback(
      (event: BeforeUnloadEvent) => {
        if (dirty) event.preventDefault();
      },
      [dirty],
    ),
  );
  const allowLeaving = useCallback(() => {
    allowed.current = true;
  }, []);
  const confirmDiscard = useCallback(
    (discard: () => void) => {
      if (dirty) setPending(() => discard);
      else discard();
    },
    [dirty],
  );

  const stay = (): void => {
    if (blocker.state === 'blocked') blocker.reset();
    setPending(null);
  };
  const leave = (): void => {
    if (blocker.state === 'blocked') {
      blocker.proceed();
      return;
    }
    const discard = pending;
    setPending(null);
    discard?.();
  };
  const dialog =
    blocker.state === 'blocked' || pending !== null ? (
      <Dialog labelledBy="unsaved-title" onClose={stay}>
        <h2 id="unsaved-title">{t('unsaved.title')}</h2>
        <p>{t('unsaved.body')}</p>
        <DialogActions cancelLabel={t('unsaved.stay')} onCancel={stay} actionLabel={t('unsaved.leave')} danger onConfirm={leave} />
      </Dialog>
    ) : null;
  return { dialog, allowLeaving, confirmDiscard };
}
