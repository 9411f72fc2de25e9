import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from '../data/use-query';
import { useI18n } from '../i18n/i18n';

/**
 * What the backend's data checks found and did since it started (an index rebuilt, damage found by
 * the check after an unclean shutdown), shown once at the top of every page until dismissed.
 */
export function DataNotices() {
  const { t, apiText } = useI18n();
  const status = useQuery('recovery.status', {});
  const [dismissed, setDismissed] = useState(0);
  const checking = status.data?.integrity === 'checking';
  const { reload } = status;
  // The full check after an unclean shutdown runs in the background: look again until it is done.
  useEffect(() => {
    if (!checking) return;
    const timer = window.setTimeout(() => void reload(), 5000);
    return () => window.clearTimeout(timer);
  }, [checking, reload, status.data]);
  const notices = status.data?.notices.slice(dismissed) ?? [];
  if (notices.length === 0) return null;
  return (
    <div className="notice warn data-notices" role="status" aria-label={t('notices.label')}>
      <ul>
        {notices.map((n, i) => (
          <li key={i}>{apiText(n)}</li>
        ))}
      </ul>
      {status.data?.integrity === 'damaged' && <Link to="/settings">{t('notices.goToBackups')}</Link>}
      <button type="button" className="link-button" onClick={() => setDismissed(status.data?.notices.length ?? 0)}>
        {t('notices.dismiss')}
      </button>
    </div>
  );
}
