import type { SaveStatus } from './autosave';
import { formatTime } from './format';
import { useI18n } from '../i18n/i18n';

/** "Saving…", "Saved 10:42" or the failure with a retry; never claims a save that did not happen. */
export function SaveStatusText({ status, onRetry }: { status: SaveStatus | undefined; onRetry: () => void }) {
  const { t, lang } = useI18n();
  if (!status) return null;
  if (status.state === 'saving') return <span className="save-status saving">{t('assessments.saving')}</span>;
  if (status.state === 'saved') return <span className="save-status saved">{t('assessments.saved', { time: formatTime(status.at, lang) })}</span>;
  return (
    <span className="save-status failed" role="alert">
      {t('assessments.notSaved', { message: status.message })}{' '}
      <button type="button" className="link-button" onClick={onRetry}>
        {t('assessments.retry')}
      </button>
    </span>
  );
}
