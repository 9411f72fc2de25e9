import { useI18n } from '../i18n/i18n';

/** Save and Cancel under a customer or engagement form, with the hint that Ctrl+S saves and Escape cancels. */
export function FormActions({ saving, onCancel }: { saving: boolean; onCancel: () => void }) {
  const { t } = useI18n();
  return (
    <div className="form-actions">
      <button type="submit" className="primary-button" disabled={saving} aria-keyshortcuts="Control+S Meta+S">
        {saving ? t('engagements.saving') : t('engagements.save')}
      </button>
      <button type="button" onClick={onCancel} aria-keyshortcuts="Escape">
        {t('engagements.cancel')}
      </button>
      <span className="muted form-keys">{t('engagements.formKeys')}</span>
    </div>
  );
}
