import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/en';
import { EmptyState } from './StateViews';

export type SectionId = 'engagements' | 'assessments' | 'proposals' | 'risks' | 'review' | 'sync';

/** Sections whose records arrive with later work: an honest statement that none exist here yet. */
export function EmptySection({ section }: { section: SectionId }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="page-title" className="page">
      <h1 id="page-title" tabIndex={-1}>
        {t(`nav.${section}` as MessageKey)}
      </h1>
      <EmptyState title={t(`empty.${section}.title` as MessageKey)} body={t(`empty.${section}.body` as MessageKey)} />
    </section>
  );
}
