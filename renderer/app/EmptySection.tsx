import { useI18n } from '../i18n/i18n';
import type { EmptySectionId } from './sections';
import { PageHeading } from './PageHeading';
import { EmptyState } from './StateViews';

/** A section whose records do not exist on this device yet: says so, and what will be here. */
export function EmptySection({ section }: { section: EmptySectionId }) {
  const { t } = useI18n();
  const name = t(`nav.${section}`);
  return (
    <section className="page" aria-labelledby="page-title">
      <header className="page-header">
        <PageHeading title={name}>{name}</PageHeading>
      </header>
      <EmptyState title={t(`empty.${section}.title`)}>
        <p>{t(`empty.${section}.body`)}</p>
      </EmptyState>
    </section>
  );
}
