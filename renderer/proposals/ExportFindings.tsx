import { Link } from 'react-router';
import type { ExportFinding } from '../../core/proposals/export-checks';
import { useI18n } from '../i18n/i18n';

/**
 * Before a proposal is exported: what its recipient would notice (core/proposals/export-checks.ts),
 * each naming the section it is in. The user fixes them in the proposal or exports as it is.
 */
export function ExportFindings({ findings }: { findings: readonly ExportFinding[] }) {
  const { t } = useI18n();
  const text = (f: ExportFinding): string => {
    switch (f.kind) {
      case 'variable':
        return f.inTitle ? t('proposals.finding.variableInTitle', { variable: `{{${f.name}}}` }) : t('proposals.finding.variable', { where: f.where, variable: `{{${f.name}}}` });
      case 'emptySection':
        return t('proposals.finding.emptySection', { where: f.where });
      case 'zeroTotal':
        return t('proposals.finding.zeroTotal', { where: f.where });
      case 'timelineDates':
        return t('proposals.finding.timelineDates', { where: f.where, dates: f.written.join(', '), start: f.start, end: f.end });
      case 'internalReference':
        return t('proposals.finding.internalReference', { where: f.where, text: f.text });
      case 'noSender':
        return t('proposals.finding.noSender');
      case 'placeholderText':
        return t('proposals.finding.placeholderText', { where: f.where, text: f.text });
    }
  };
  return (
    <div className="notice warn export-findings" role="alert" data-testid="export-findings">
      <ul>
        {findings.map((f, i) => (
          <li key={i}>
            {text(f)}
            {/* The one finding fixed outside the proposal: the way there. */}
            {f.kind === 'noSender' && (
              <>
                {' '}
                <Link to="/settings">{t('proposals.finding.openSettings')}</Link>
              </>
            )}
          </li>
        ))}
      </ul>
      <p>{t('proposals.checksHint')}</p>
    </div>
  );
}
