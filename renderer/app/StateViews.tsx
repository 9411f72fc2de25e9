import type { ApiError } from '../../core/api/result';
import { useI18n } from '../i18n/i18n';

export function Loading() {
  const { t } = useI18n();
  return (
    <p className="muted" role="status">
      {t('common.loading')}
    </p>
  );
}

export function ErrorView({ error, onRetry }: { error: ApiError | { message: string }; onRetry?: () => void }) {
  const { t } = useI18n();
  return (
    <div className="error-view" role="alert">
      <strong>{t('common.errorTitle')}</strong>
      <p>{error.message}</p>
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}

export function EmptyState({ title, body }: { title: string; body: string }) {
  return (
    <div className="empty-state">
      <h2>{title}</h2>
      <p>{body}</p>
    </div>
  );
}
