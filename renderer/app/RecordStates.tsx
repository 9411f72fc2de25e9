import type { ReactNode } from 'react';
import type { ApiError } from '../../core/api/result';
import { useI18n } from '../i18n/i18n';
import { PageHeading } from './PageHeading';
import { ErrorView, Loading } from './StateViews';

/**
 * The whole page for a record that could not be loaded: "not found" in the feature's own words
 * (no retry: it will not appear), any other error with the backend's message and a retry.
 */
export function RecordLoadFailed({
  error,
  back,
  notFoundTitle,
  notFoundText,
  onRetry,
}: {
  error: ApiError;
  /** The way back (a link), shown above the heading; omitted on pages that have none. */
  back?: ReactNode;
  notFoundTitle: string;
  notFoundText: string;
  onRetry: () => void;
}) {
  const { t } = useI18n();
  const notFound = error.code === 'not_found';
  const title = notFound ? notFoundTitle : t('common.errorTitle');
  return (
    <section className="page" aria-labelledby="page-title">
      {back}
      <PageHeading title={title}>{title}</PageHeading>
      {notFound ? <p>{notFoundText}</p> : <ErrorView message={error} onRetry={onRetry} />}
    </section>
  );
}

/** The whole page while its record loads, keeping the way back in place. */
export function RecordLoading({ back }: { back: ReactNode }) {
  return (
    <section className="page">
      {back}
      <Loading />
    </section>
  );
}
