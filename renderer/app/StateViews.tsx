import type { ReactNode } from 'react';
import type { ApiMessage } from '../../core/api/message';
import { useI18n } from '../i18n/i18n';

/** A polite "loading" line; screen readers hear it once, sighted users see it in place. */
export function Loading({ label }: { label?: string }) {
  const { t } = useI18n();
  return (
    <p className="loading" role="status">
      {label ?? t('common.loading')}
    </p>
  );
}

/** An API or display error: says what went wrong (what the backend said, in the UI language) and offers a retry. */
export function ErrorView({ title, message, onRetry }: { title?: string; message: string | ApiMessage; onRetry?: () => void }) {
  const { t, apiText } = useI18n();
  return (
    <div className="error-view" role="alert">
      <p className="error-title">{title ?? t('common.errorTitle')}</p>
      <p className="error-message">{typeof message === 'string' ? message : apiText(message)}</p>
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}

/** An honest empty state: what is missing and what will be here. */
export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="empty-state">
      <h2>{title}</h2>
      {children}
    </div>
  );
}
