import { Link } from 'react-router';
import { PageHeading } from '../app/PageHeading';
import { EmptyState, ErrorView, Loading } from '../app/StateViews';
import { useI18n } from '../i18n/i18n';
import { useQuery } from '../data/use-query';
import { ImportDocxButton } from './ImportDocxButton';
import '../engagements/engagements.css';
import '../proposals/proposals.css';
import './templates.css';

/** `#/templates`: the POC templates on this device (newest version of each), by title. */
export function TemplatesPage() {
  const { t, text } = useI18n();
  const templates = useQuery('templates.list', {});
  const scenarios = useQuery('scenarios.list', {});
  const scenarioName = (id: string): string => {
    const found = scenarios.data?.find((s) => s.id === id);
    return found ? text(found.name) : id;
  };
  return (
    <section className="page templates-page" aria-labelledby="page-title">
      <Link to="/proposals" className="back-link">
        ← {t('templates.back')}
      </Link>
      <header className="page-header list-header">
        <div>
          <PageHeading title={t('templates.title')}>{t('templates.title')}</PageHeading>
          <p className="muted">{t('templates.intro')}</p>
        </div>
        <ImportDocxButton />
      </header>
      {templates.status === 'error' ? (
        <ErrorView message={templates.error} onRetry={templates.reload} />
      ) : templates.data === null ? (
        <Loading />
      ) : templates.data.length === 0 ? (
        <EmptyState title={t('templates.empty')}>
          <p>{t('templates.emptyBody')}</p>
        </EmptyState>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('templates.col.title')}</th>
              <th scope="col">{t('templates.col.scenarios')}</th>
              <th scope="col" className="num">
                {t('templates.col.version')}
              </th>
            </tr>
          </thead>
          <tbody>
            {templates.data.map((tpl) => (
              <tr key={tpl.id}>
                <td>
                  <Link to={`/templates/${tpl.id}`}>{text(tpl.title)}</Link>
                </td>
                <td>{tpl.scenarios.map(scenarioName).join(', ')}</td>
                <td className="num">{tpl.version}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
