import { NavLink } from 'react-router';
import { useI18n } from '../i18n/i18n';
import { SECTIONS } from './sections';

/** The left navigation: one link per section; the current one is marked for assistive tech too. */
export function SideNav() {
  const { t } = useI18n();
  return (
    <nav className="sidenav" aria-label={t('nav.label')}>
      <ul>
        {SECTIONS.map((s) => (
          <li key={s}>
            <NavLink to={`/${s}`} className={({ isActive }) => (isActive ? `nav-link nav-${s} active` : `nav-link nav-${s}`)}>
              {t(`nav.${s}`)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
