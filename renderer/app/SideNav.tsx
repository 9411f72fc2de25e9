import { NavLink } from 'react-router';
import { useI18n } from '../i18n/i18n';
import { SECTIONS } from './sections';
import { preloadPath } from './lazy-page';

/** The left navigation: one link per section; the current one is marked for assistive tech too. */
export function SideNav() {
  const { t } = useI18n();
  return (
    <nav className="sidenav" aria-label={t('nav.label')}>
      <ul>
        {SECTIONS.map((s) => (
          <li key={s}>
            <NavLink
              to={`/${s}`}
              className={({ isActive }) => (isActive ? `nav-link nav-${s} active` : `nav-link nav-${s}`)}
              // The section's code is fetched from the hover (or focus) before the click.
              onPointerEnter={() => preloadPath(`/${s}`)}
              onFocus={() => preloadPath(`/${s}`)}
            >
              {t(`nav.${s}`)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
