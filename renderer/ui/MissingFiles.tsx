import type { MissingFile } from '../../core/api/calls/reports';
import { useI18n } from '../i18n/i18n';

/**
 * Before an export: the pictures the document would show whose files are not on this device, by
 * name and where each belongs. The export keeps a placeholder in their place if the user goes on.
 */
export function MissingFiles({ files, what }: { files: readonly MissingFile[]; what: 'photos' | 'images' }) {
  const { t, tn } = useI18n();
  return (
    <div className="notice warn missing-files" role="alert" data-testid="missing-files">
      <p>
        <strong>{tn(what === 'photos' ? 'export.missingPhotos' : 'export.missingImages', files.length)}</strong>
      </p>
      <ul>
        {files.map((f) => (
          <li key={`${f.sha256}\n${f.where}`}>
            <strong>{f.name}</strong>
            {f.caption && f.caption !== f.name && ` (${f.caption})`}
            {f.where && ` — ${t('export.missingWhere', { where: f.where })}`}
          </li>
        ))}
      </ul>
      <p>{t('export.missingHint')}</p>
    </div>
  );
}
