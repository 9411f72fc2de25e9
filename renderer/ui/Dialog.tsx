import { useCallback, useEffect, useRef, type KeyboardEvent, type MouseEvent, type ReactNode, type RefObject } from 'react';

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * A modal dialog on the native `<dialog>`, opened with showModal(): the rest of the page is inert
 * (no clicks, no focus, hidden from screen readers) while it is open. Focus moves into it (to
 * `initialFocus`, else the first focusable element), Tab cycles inside it, Escape or a click on the
 * backdrop closes it, and focus returns to where it was. It is open while it is rendered: the
 * caller's state decides, `onClose` asks to change it.
 */
export function Dialog({
  labelledBy,
  label,
  className,
  onClose,
  onKeyDown,
  initialFocus,
  children,
}: {
  labelledBy?: string;
  label?: string;
  className?: string;
  onClose: () => void;
  onKeyDown?: (event: KeyboardEvent<HTMLDialogElement>) => void;
  initialFocus?: RefObject<HTMLElement | null>;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  // Where focus was before the dialog opened, to give it back.
  const returnFocus = useRef<HTMLElement | null>(null);
  // Opened as soon as the element exists, before the children's effects run: they may measure
  // themselves (the signature pad sizes its canvas), and a closed <dialog> has no size.
  const attach = useCallback((dialog: HTMLDialogElement | null) => {
    ref.current = dialog;
    if (!dialog || dialog.open) return;
    returnFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.showModal();
  }, []);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    const previous = returnFocus.current;
    const first = initialFocus?.current ?? dialog.querySelector<HTMLElement>(FOCUSABLE) ?? dialog;
    first.focus();
    return () => {
      const focusInside = dialog.contains(document.activeElement);
      if (dialog.open) dialog.close();
      // Only give focus back if it is still inside the (closing) dialog or nowhere in particular:
      // a navigation triggered from the dialog moves focus on purpose.
      if (previous && previous.isConnected && (focusInside || document.activeElement === document.body || document.activeElement === null)) {
        previous.focus();
      }
    };
    // initialFocus is a ref object, the same for the dialog's whole life: this runs once per opening.
  }, [initialFocus]);

  function handleKeyDown(event: KeyboardEvent<HTMLDialogElement>): void {
    onKeyDown?.(event);
    if (event.defaultPrevented) return;
    if (event.key === 'Escape') {
      // The caller's state closes the dialog, not the browser.
      event.preventDefault();
      onClose();
      return;
    }
    const dialog = ref.current;
    if (event.key !== 'Tab' || !dialog) return;
    const focusable = [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)];
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (!first || !last) {
      event.preventDefault();
      return;
    }
    if (event.shiftKey && (document.activeElement === first || !dialog.contains(document.activeElement))) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  }

  // A press on the backdrop reaches the <dialog> itself, outside its box.
  function handleMouseDown(event: MouseEvent<HTMLDialogElement>): void {
    if (event.target !== event.currentTarget) return;
    const box = event.currentTarget.getBoundingClientRect();
    const inside = event.clientX >= box.left && event.clientX <= box.right && event.clientY >= box.top && event.clientY <= box.bottom;
    if (!inside) onClose();
  }

  return (
    // The keyboard handlers serve the whole dialog; the backdrop press has Escape as its keyboard equivalent.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
    <dialog
      ref={attach}
      className={className ? `dialog ${className}` : 'dialog'}
      aria-labelledby={labelledBy}
      aria-label={label}
      onKeyDown={handleKeyDown}
      onMouseDown={handleMouseDown}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      {children}
    </dialog>
  );
}

/**
 * The footer of a dialog or a confirmation: Cancel, then the action. `danger` styles a destructive
 * action; `busyLabel` replaces the action's label while it runs. With `submit` the action submits
 * the dialog's form; otherwise `onConfirm` runs.
 */
export function DialogActions({
  cancelLabel,
  onCancel,
  actionLabel,
  busyLabel,
  busy = false,
  disabled = false,
  danger = false,
  onConfirm,
  children,
}: {
  cancelLabel: string;
  onCancel: () => void;
  actionLabel: string;
  busyLabel?: string;
  busy?: boolean;
  disabled?: boolean;
  danger?: boolean;
  /** Without it the action is the form's submit button. */
  onConfirm?: () => void;
  /** Shown before the buttons (a status line). */
  children?: ReactNode;
}) {
  return (
    <div className="dialog-actions">
      {children}
      <button type="button" onClick={onCancel}>
        {cancelLabel}
      </button>
      <button type={onConfirm ? 'button' : 'submit'} className={danger ? 'danger-button' : 'primary-button'} disabled={busy || disabled} onClick={onConfirm}>
        {busy && busyLabel ? busyLabel : actionLabel}
      </button>
    </div>
  );
}
