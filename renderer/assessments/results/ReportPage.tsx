import { useEffect, useRef } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { LANGS, type Lang } from '../../../core/i18n';
import { ErrorView, Loading } from '../../app/StateViews';
import { useAppliedTheme } from '../../app/theme';
import { DocumentView } from '../../document/DocumentView';
import { LanguageSelect } from '../../ui/LanguageSelect';
import { useI18n } from '../../i18n/i18n';
import { useQuery } from '../../data/use-query';
import { usePrintReady } from '../../lib/print-ready';
import '../../styles/print-sheet.css';

/**
 * The assessment report as a print-styled page (A4, no app chrome): the same document model the
 * DOCX is written from, rendered by the shared DocumentView. "Print / Save as PDF" opens the print
 * dialog, in Electron and browsers alike.
 */
export function ReportPage() {
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const { t, lang: uiLang, apiText } = useI18n();
  const lang: Lang = (LANGS as readonly string[]).includes(params.get('lang') ?? '') ? (params.get('lang') as Lang) : uiLang;
  const report = useQuery('reports.assessment', { sessionId: id, lang });
  // Paper is white: the report always uses the light palette, whatever the app's theme.
  useAppliedTheme('light');
  useEffect(() => {
    document.title = report.data ? report.data.title : t('report.pageTitle');
  }, [report.data, t]);
  const page = useRef<HTMLDivElement>(null);
  usePrintReady(page, report.status === 'ready');

  return (
    <div className="print-page" ref={page}>
      <div className="print-toolbar" role="toolbar" aria-label={t('report.toolbar')}>
        <Link to={`/assessments/${encodeURIComponent(id)}/results`}>{t('report.back')}</Link>
        <label>
          {t('report.language')}{' '}
          <LanguageSelect value={lang} onChange={(next) => setParams({ lang: next }, { replace: true })} />
        </label>
        <button type="button" className="primary-button" disabled={!report.data} onClick={() => window.print()}>
          {t('report.print')}
        </button>
      </div>
      {report.status === 'error' ? (
        <ErrorView message={t('report.loadFailed', { message: apiText(report.error) })} onRetry={report.reload} />
      ) : !report.data || report.status === 'loading' ? (
        <Loading />
      ) : (
        <DocumentView doc={report.data} testId="report" />
      )}
    </div>
  );
}
