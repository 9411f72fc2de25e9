import { useCallback, useRef, type ReactNode } from 'react';
import { useBeforeUnload, useBlocker } from 'react-router';
import { Dialog, DialogActions } from '../ui/Dialog';
import { useI18n } from '../i18n/i18n';

export type UnsavedGuard = {
  /** The confirm dialog, while a navigation away from unsaved changes waits for an answer. */
  dialog: ReactNode;
  /** Lets the next navigation through without asking (after a save, or an explicit cancel). */
  allowLeaving: () => void;
};

/**
 * Asks before leaving a form with unsaved changes: in-app navigation shows a dialog (stay / discard),
 * closing or reloading the window gets the browser's own prompt.
 */
export function useUnsavedGuard(dirty: boolean): UnsavedGuard {
  const { t } = useI18n();
  const allowed = useRef(false);
  const blocker = useBlocker(({ currentLocation, nextLocation }) => {
    if (allowed.current) {
      allowed.current = false;
      return false;
    }
    return dirty && (currentLocation.pathname !== nextLocation.pathname || currentLocation.search !== nextLocation.search);
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

  const dialog =
    blocker.state === 'blocked' ? (
      <Dialog labelledBy="unsaved-title" onClose={() => blocker.reset()}>
        <h2 id="unsaved-title">{t('engagements.unsaved.title')}</h2>
        <p>{t('engagements.unsaved.body')}</p>
        <DialogActions cancelLabel={t('engagements.unsaved.stay')} onCancel={() => blocker.reset()} actionLabel={t('engagements.unsaved.leave')} danger onConfirm={() => blocker.proceed()} />
      </Dialog>
    ) : null;
  return { dialog, allowLeaving };
}
