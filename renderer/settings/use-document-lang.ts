import { useState } from 'react';
import type { Lang } from '../../core/i18n';
import { DEFAULT_ORGANISATION, documentLanguage } from '../../core/organisation/profile';
import { useQuery } from '../data/use-query';
import { useI18n } from '../i18n/i18n';

/**
 * The language a dialog that creates a document starts with: the organisation's choice for new
 * documents (Settings), else the app's language, until the user picks another.
 */
export function useDocumentLang(): [Lang, (lang: Lang) => void] {
  const { lang: appLang } = useI18n();
  const organisation = useQuery('organisation.get', {});
  const [picked, setPicked] = useState<Lang | null>(null);
  return [picked ?? documentLanguage(organisation.data ?? DEFAULT_ORGANISATION, appLang), setPicked];
}
