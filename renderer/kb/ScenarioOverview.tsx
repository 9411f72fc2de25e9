import type { Scenario } from '../../core/kb/types';
import { useI18n } from '../i18n/i18n';

/** The scenario's summary, typical KPIs and industries, above its filtered article list. */
export function ScenarioOverview({ scenario }: { scenario: Scenario }) {
  const { t, text } = useI18n();
  return (
    <section className="scenario-overview" aria-labelledby="scenario-overview-title">
      <h2 id="scenario-overview-title" className="visually-hidden">
        {t('kb.scenarioOverview')}
      </h2>
      <p className="scenario-summary">{text(scenario.summary)}</p>
      {scenario.typicalKpis.length > 0 && (
        <div className="kpis">
          <h3 className="kpis-title">{t('kb.typicalKpis')}</h3>
          <ul className="kpi-list">
            {scenario.typicalKpis.map((k, i) => (
              <li key={i}>{text(k)}</li>
            ))}
          </ul>
        </div>
      )}
      {scenario.industries.length > 0 && (
        <p className="industries">
          <span className="field-label">{t('kb.industries')}</span> {scenario.industries.join(' · ')}
        </p>
      )}
    </section>
  );
}
