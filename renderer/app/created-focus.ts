import { useEffect } from 'react';
import { useLocation, useNavigate } from 'react-router';

/** Navigation state for a page opened on a record the user has just created (a new note, a codified lesson). */
export const JUST_CREATED = { justCreated: true } as const;

/**
 * On a page opened with JUST_CREATED, the cursor goes to `fieldId` (the first thing to write)
 * instead of the heading: the user came to write, and keys typed at once must land in the field,
 * not on whatever button Tab reaches next. Runs after the heading took focus (a parent's effect
 * runs after its children's), once: the state is cleared, so Back and reload do not repeat it.
 */
export function useFocusWhenJustCreated(fieldId: string | null): void {
  const location = useLocation();
  const navigate = useNavigate();
  const justCreated = (location.state as { justCreated?: unknown } | null)?.justCreated === true;
  const { pathname, search } = location;
  useEffect(() => {
    if (!justCreated) return;
    if (fieldId !== null) document.getElementById(fieldId)?.focus();
    void navigate(pathname + search, { replace: true, state: null });
  }, [justCreated, fieldId, navigate, pathname, search]);
}
