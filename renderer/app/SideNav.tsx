import { NavLink } from 'react-router';
import { useQuery } from '../data/use-query';
import { useI18n } from '../i18n/i18n';
import { SECTIONS, type SectionId } from './sections';
import { preloadPath } from './lazy-page';

/**
 * The left navigation: one link per section; the current one is marked for assistive tech too.
 * Review and Sync carry a count of what waits for the user there — submissions to decide or
 * returned with comments, conflicts to settle — so it is seen from anywhere after a sync.
 */
export function SideNav() {
  const { t } = useI18n();
  const waiting = useWaiting();
  return (
    <nav className="sidenav" aria-label={t('nav.label')}>
      <ul>
        {SECTIONS.map((s) => {
          const count = waiting[s];
          return (
            <li key={s}>
              <NavLink
                to={`/${s}`}
                className={({ isActive }) => (isActive ? `nav-link nav-${s} active` : `nav-link nav-${s}`)}
                // The section's code is fetched from the hover (or focus) before the click.
                onPointerEnter={() => preloadPath(`/${s}`)}
                onFocus={() => preloadPath(`/${s}`)}
                // Read as "Review, 2 submissions waiting for a decision"; the pill alone says only "2".
                aria-label={count ? `${t(`nav.${s}`)}, ${count.said}` : undefined}
              >
                {t(`nav.${s}`)}
                {count && (
                  <span className="nav-count" aria-hidden="true">
                    {count.total}
                  </span>
                )}
              </NavLink>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

type Waiting = Partial<Record<SectionId, { total: number; said: string }>>;

function useWaiting(): Waiting {
  const { tn } = useI18n();
  const review = useQuery('review.attention', {}).data;
  const conflicts = useQuery('sync.status', {}).data?.openConflicts ?? 0;
  const waiting: Waiting = {};
  const open = review?.open ?? 0;
  const returned = review?.returned ?? 0;
  if (open + returned > 0) {
    const parts = [...(open > 0 ? [tn('nav.waiting.open', open)] : []), ...(returned > 0 ? [tn('nav.waiting.returned', returned)] : [])];
    waiting.review = { total: open + returned, said: parts.join(', ') };
  }
  if (conflicts > 0) waiting.sync = { total: conflicts, said: tn('nav.waiting.conflicts', conflicts) };
  return waiting;
}
