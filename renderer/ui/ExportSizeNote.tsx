import type { ExportSize } from '../../core/api/calls/reports';
import { useI18n } from '../i18n/i18n';
import { formatFileSize } from './format';
import type { QueryHandle } from '../data/use-query';

/** Above this a document is likely to bounce as an e-mail attachment. */
const MAIL_LIMIT_BYTES = 20 * 1024 * 1024;

/**
 * Before an export: about how large the Word file will be, and a warning when it may not go by
 * e-mail; while it is worked out, and when it cannot be, it says so.
 */
export function ExportSizeNote({ size }: { size: QueryHandle<ExportSize> }) {
  const { t, tn, apiText } = useI18n();
  if (size.status === 'idle') return null;
  if (size.status === 'error') {
    return (
      <p className="muted export-size" data-testid="export-size">
        {t('export.sizeUnknown', { message: apiText(size.error) })}
      </p>
    );
  }
  if (size.status === 'loading' || size.data === null) {
    return (
      <p className="muted export-size" data-testid="export-size">
        {t('export.sizeWorking')}
      </p>
    );
  }
  const { data } = size;
  const text = data.pictures > 0 ? tn('export.sizePictures', data.pictures, { size: formatFileSize(data.bytes) }) : t('export.sizeNoPictures', { size: formatFileSize(data.bytes) });
  return (
    <p className="muted export-size" data-testid="export-size">
      {text}
      {data.bytes > MAIL_LIMIT_BYTES ? ` ${t('export.sizeLarge')}` : null}
    </p>
  );
}
