import type { ExportSize } from '../../core/api/calls/reports';
import { useI18n } from '../i18n/i18n';
import { formatFileSize } from './format';

/** Above this a document is likely to bounce as an e-mail attachment. */
const MAIL_LIMIT_BYTES = 20 * 1024 * 1024;

/** Before an export: about how large the Word file will be, and a warning when it may not go by e-mail. */
export function ExportSizeNote({ size }: { size: ExportSize | null | undefined }) {
  const { t, tn } = useI18n();
  if (!size) return null;
  const text = size.pictures > 0 ? tn('export.sizePictures', size.pictures, { size: formatFileSize(size.bytes) }) : t('export.sizeNoPictures', { size: formatFileSize(size.bytes) });
  return (
    <p className="muted export-size" data-testid="export-size">
      {text}
      {size.bytes > MAIL_LIMIT_BYTES ? ` ${t('export.sizeLarge')}` : null}
    </p>
  );
}
