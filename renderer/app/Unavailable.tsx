import { useEffect } from 'react';
import type { ApiMessage } from '../../core/api/message';
import { useI18n } from '../i18n/i18n';
import { useAppliedTheme } from './theme';

/**
 * Shown instead of the app when the backend answers `unavailable` to the very first call: its
 * start-up failed (e.g. the data folder was written by a newer Fieldbench), or this browser page
 * has no access key. Every call would fail the same way, so nothing else is shown.
 */
export function Unavailable({ reason }: { reason: ApiMessage }) {
  const { t, apiText } = useI18n();
  useAppliedTheme('system');
  useEffect(() => {
    document.title = t('unavailable.title');
  }, [t]);
  return (
    <main className="unavailable">
      <div className="unavailable-notice" role="alert" aria-labelledby="unavailable-title">
        <h1 id="unavailable-title">{t('unavailable.title')}</h1>
        <p className="unavailable-reason">{apiText(reason)}</p>
        <p>{t('unavailable.help')}</p>
      </div>
    </main>
  );
}
