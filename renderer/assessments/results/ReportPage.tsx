import { useEffect } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { LANGS, type Lang } from '../../../core/i18n';
import type { AssessmentReport, ReportBlock, ReportFile } from '../../../core/report/assessment-report';
import { ErrorView, Loading } from '../../app/StateViews';
import { useAppliedTheme } from '../../app/theme';
import { RadarChart } from '../../charts/RadarChart';
import { useI18n } from '../../i18n/i18n';
import { htmlLang } from '../../i18n/translate';
import { useAttachmentUrl } from '../../lib/attachments';
import { useQuery } from '../../data/use-query';
import '../../styles/print-sheet.css';
import './report.css';

/**
 * The assessment report as a print-styled page (A4, no app chrome): the same document model the
 * DOCX is written from. "Print / Save as PDF" opens the print dialog, in Electron and browsers alike.
 */
export function ReportPage() {
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const { t, lang: uiLang } = useI18n();
  const lang: Lang = (LANGS as readonly string[]).includes(params.get('lang') ?? '') ? (params.get('lang') as Lang) : uiLang;
  const report = useQuery('reports.assessment', { sessionId: id, lang });
  // Paper is white: the report always uses the light palette, whatever the app's theme.
  useAppliedTheme('light');
  useEffect(() => {
    document.title = report.data ? report.data.title : t('report.pageTitle');
  }, [report.data, t]);

  return (
    <div className="print-page">
      <div className="print-toolbar" role="toolbar" aria-label={t('report.toolbar')}>
        <Link to={`/assessments/${encodeURIComponent(id)}/results`}>{t('report.back')}</Link>
        <label>
          {t('report.language')}{' '}
          <select value={lang} onChange={(e) => setParams({ lang: e.target.value }, { replace: true })}>
            {LANGS.map((l) => (
              <option key={l} value={l}>
                {t(`lang.${l}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="primary-button" disabled={!report.data} onClick={() => window.print()}>
          {t('report.print')}
        </button>
      </div>
      {report.status === 'error' ? (
        <ErrorView message={t('report.loadFailed', { message: report.error.message })} onRetry={report.reload} />
      ) : !report.data || report.status === 'loading' ? (
        <Loading />
      ) : (
        <ReportDocument report={report.data} />
      )}
    </div>
  );
}

function ReportDocument({ report }: { report: AssessmentReport }) {
  return (
    <article className="print-sheet report-sheet" lang={htmlLang(report.lang)} data-testid="report">
      {report.blocks.map((block, i) => (
        <Block key={i} block={block} />
      ))}
    </article>
  );
}

function Block({ block }: { block: ReportBlock }) {
  switch (block.kind) {
    case 'heading': {
      const Tag = block.level === 1 ? 'h1' : block.level === 2 ? 'h2' : 'h3';
      return <Tag>{block.text}</Tag>;
    }
    case 'paragraph':
      return <p className={`report-p report-${block.tone}`}>{block.text}</p>;
    case 'fields':
      return (
        <dl className="report-fields">
          {block.rows.map((row, i) => (
            <div key={i}>
              <dt>{row.label}</dt>
              <dd>{row.value}</dd>
            </div>
          ))}
        </dl>
      );
    case 'table': {
      const total = block.widths.reduce((a, b) => a + b, 0);
      return (
        <table className="report-table">
          <colgroup>
            {block.widths.map((w, i) => (
              <col key={i} style={{ width: `${(100 * w) / total}%` }} />
            ))}
          </colgroup>
          <thead>
            <tr>
              {block.columns.map((c, i) => (
                <th key={i} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {block.rows.map((row, r) => (
              <tr key={r}>
                {block.columns.map((_, c) => (
                  <td key={c}>{row[c] ?? ''}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      );
    }
    case 'radar':
      return (
        <div className="report-radar">
          <RadarChart axes={block.axes} title={block.caption} notScored={block.notScored} columns={block.columns} />
          <p className="report-caption">{block.caption}</p>
        </div>
      );
    case 'files': {
      const shown = block.files.filter((f) => f.isImage);
      const other = block.files.filter((f) => !f.isImage);
      return (
        <div className={`report-files report-${block.role}`}>
          {shown.map((f) => (
            <ReportImage key={f.sha256 + f.name} file={f} withCaption={block.role === 'photos'} />
          ))}
          {other.length > 0 && (
            <p>
              <strong>{block.otherFilesLabel}: </strong>
              {other.map((f) => f.name).join(', ')}
            </p>
          )}
        </div>
      );
    }
    default:
      return null;
  }
}

function ReportImage({ file, withCaption }: { file: ReportFile; withCaption: boolean }) {
  const { t } = useI18n();
  const { url, error } = useAttachmentUrl(file.sha256);
  if (error) return <p className="error-text">{t('report.fileMissing', { name: file.name, message: error })}</p>;
  return (
    <figure>
      {url ? <img src={url} alt={file.caption || file.name} /> : <span className="report-image-loading" aria-hidden="true" />}
      {withCaption && <figcaption>{file.caption || file.name}</figcaption>}
    </figure>
  );
}
