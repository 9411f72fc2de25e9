import { LANGS, type Lang } from '../../core/i18n';
import { useI18n } from '../i18n/i18n';

/** Picks a content language (a report's, a copied checklist's), named in the UI language. */
export function LanguageSelect({ value, onChange }: { value: Lang; onChange: (lang: Lang) => void }) {
  const { t } = useI18n();
  return (
    <select value={value} onChange={(e) => onChange(e.target.value === 'zh' ? 'zh' : 'en')}>
      {LANGS.map((l) => (
        <option key={l} value={l}>
          {t(`lang.${l}`)}
        </option>
      ))}
    </select>
  );
}
