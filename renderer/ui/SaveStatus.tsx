import type { SaveState } from '../data/autosave';
import { useI18n } from '../i18n/i18n';
import { formatTime } from './format';

/** What a conflict means for this record, and the way out (loading the stored version). */
export type ConflictHelp = { message: string; reloadLabel: string; onReload: () => void };

/**
 * "Saving…", "Saved 10:42", "Unsaved changes" or why it was not saved, with Retry (or, after a
 * conflict, loading the stored version); never claims a save the backend did not acknowledge.
 * `idle` is what to say before anything changed ("Updated …"). `quiet` drops the live region, for
 * the many small statuses of a list (one summary elsewhere speaks for them).
 */
export function SaveStatus({
  state,
  onRetry,
  idle = '',
  keptLocally,
  conflict,
  className = 'save-status',
  quiet = false,
}: {
  state: SaveState;
  onRetry: () => void;
  idle?: string;
  /** Said under a failure when the draft is also kept on this device. */
  keptLocally?: string;
  conflict?: ConflictHelp;
  className?: string;
  quiet?: boolean;
}) {
  const { t, lang, apiText } = useI18n();
  if (state.state === 'error') {
    const isConflict = state.conflict && conflict !== undefined;
    return (
      <div className={`${className} save-failed`} role="alert">
        <span>{isConflict ? conflict.message : t('save.notSaved', { message: apiText(state.problem) })}</span>
        {keptLocally && <span className="muted save-kept">{keptLocally}</span>}
        <button type="button" className="link-button" onClick={isConflict ? conflict.onReload : onRetry}>
          {isConflict ? conflict.reloadLabel : t('save.retry')}
        </button>
      </div>
    );
  }
  const text =
    state.state === 'saving' ? t('save.saving') : state.state === 'saved' ? t('save.saved', { time: formatTime(state.at, lang) }) : state.state === 'unsaved' ? t('save.unsaved') : idle;
  return quiet ? (
    <span className={`${className} save-${state.state}`}>{text}</span>
  ) : (
    <p className={`${className} save-${state.state}`} role="status" aria-live="polite">
      {text}
    </p>
  );
}
