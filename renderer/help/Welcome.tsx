import { Link } from 'react-router';
import { useI18n } from '../i18n/i18n';
import { useSettings } from '../state/settings';
import { PageHeading } from '../app/PageHeading';
import './help.css';

const ROLES = [
  { role: 'consultant', links: [['/engagements', 'nav.engagements'], ['/assessments', 'nav.assessments'], ['/lessons', 'nav.lessons']] },
  { role: 'presales', links: [['/proposals', 'nav.proposals'], ['/templates', 'help.templates']] },
  { role: 'manager', links: [['/review', 'nav.review'], ['/templates', 'help.templates']] },
] as const;

/**
 * Where each role starts: consultants with engagements and assessments, pre-sales with proposals,
 * knowledge managers with the review. Shown on the first start until put away; Help (top bar)
 * shows it again.
 */
export function Welcome({ dismissible }: { dismissible: boolean }) {
  const { t } = useI18n();
  const update = useSettings((s) => s.update);
  return (
    <section className="welcome" aria-labelledby="welcome-title" data-testid="welcome">
      <div className="welcome-head">
        <h2 id="welcome-title">{t('help.welcomeTitle')}</h2>
        {dismissible && (
          <button type="button" onClick={() => void update({ welcomeDismissed: true })}>
            {t('help.dismiss')}
          </button>
        )}
      </div>
      <p className="muted">{t('help.intro')}</p>
      <ul className="welcome-roles">
        {ROLES.map(({ role, links }) => (
          <li key={role} className="welcome-role">
            <h3>{t(`help.role.${role}`)}</h3>
            <p>{t(`help.role.${role}.start`)}</p>
            <p className="welcome-links">
              {links.map(([to, label]) => (
                <Link key={to} to={to}>
                  {t(label)}
                </Link>
              ))}
            </p>
          </li>
        ))}
      </ul>
      <p className="welcome-sync">
        {t('help.sync')} <Link to="/sync">{t('help.syncLink')}</Link>
      </p>
      {dismissible && <p className="muted welcome-later">{t('help.later')}</p>}
    </section>
  );
}

/** `#/help`: the welcome, always there. */
export function HelpPage() {
  const { t } = useI18n();
  return (
    <section className="page help-page" aria-labelledby="page-title">
      <header className="page-header">
        <PageHeading title={t('help.title')}>{t('help.title')}</PageHeading>
      </header>
      <Welcome dismissible={false} />
    </section>
  );
}
