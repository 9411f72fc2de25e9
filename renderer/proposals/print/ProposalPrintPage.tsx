import { useEffect, useMemo } from 'react';
import { Link, useParams } from 'react-router';
import type { Engagement } from '../../../core/engagements/types';
import { coverFields, EXPORT_LABELS, sectionTable, type ExportTable, type ProposalExport } from '../../../core/proposals/export-tables';
import { PROPOSAL_LABELS } from '../../../core/proposals/labels';
import { checkPricing } from '../../../core/proposals/money';
import { timelineSchedule } from '../../../core/proposals/timeline';
import type { ProposalDetail } from '../../../core/proposals/types';
import { localDay } from '../../../core/risks/rules';
import { ErrorView, Loading } from '../../app/StateViews';
import { useAppliedTheme } from '../../app/theme';
import { Gantt } from '../../charts/Gantt';
import { useI18n } from '../../i18n/i18n';
import { htmlLang } from '../../i18n/translate';
import { useQuery } from '../../data/use-query';
import { LexicalView } from './LexicalView';
import '../../styles/print-sheet.css';
import './print.css';

/**
 * `#/proposals/:id/print`: the proposal as an A4 document with no app chrome — cover, contents,
 * sections with their tables, the timeline as a Gantt chart, "Page N of M" on paper. Electron
 * prints it to PDF (proposals.exportPdf); in a browser "Print / Save as PDF" opens the print dialog.
 * It shows the same cover fields and tables as the DOCX and Markdown (core/proposals/export-tables.ts).
 */
export function ProposalPrintPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const proposal = useQuery('proposals.get', { id });
  const engagementId = proposal.data?.engagementId;
  const engagement = useQuery('engagements.get', engagementId === undefined ? null : { id: engagementId });
  // Paper is white: the print page always uses the light palette, whatever the app's theme.
  useAppliedTheme('light');
  useEffect(() => {
    document.title = proposal.data ? proposal.data.title : t('proposalPrint.pageTitle');
  }, [proposal.data, t]);

  const error = proposal.status === 'error' ? proposal.error : engagement.status === 'error' ? engagement.error : null;
  return (
    <div className="print-page">
      <div className="print-toolbar" role="toolbar" aria-label={t('proposalPrint.toolbar')}>
        <Link to={`/proposals/${encodeURIComponent(id)}`}>{t('proposalPrint.back')}</Link>
        <span className="muted">{t('proposalPrint.hint')}</span>
        <button type="button" className="primary-button" disabled={!proposal.data || !engagement.data} onClick={() => window.print()}>
          {t('proposalPrint.print')}
        </button>
      </div>
      {error ? (
        <ErrorView message={t('proposalPrint.loadFailed', { message: error.message })} onRetry={error === proposal.error ? proposal.reload : engagement.reload} />
      ) : !proposal.data || !engagement.data ? (
        <Loading />
      ) : (
        <PrintDocument proposal={proposal.data} engagement={engagement.data} />
      )}
    </div>
  );
}

function StructuredTable({ table }: { table: ExportTable }) {
  const total = table.widths.reduce((a, b) => a + b, 0) || 1;
  return (
    <table className="print-table print-structured">
      <colgroup>
        {table.widths.map((w, i) => (
          <col key={i} style={{ width: `${(100 * w) / total}%` }} />
        ))}
      </colgroup>
      <thead>
        <tr>
          {table.columns.map((c, i) => (
            <th key={i} scope="col" className={table.numeric[i] ? 'num' : undefined}>
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {table.rows.map((row, r) => (
          <tr key={r}>
            {table.columns.map((_, c) => (
              <td key={c} className={table.numeric[c] ? 'num' : undefined}>
                {row[c] ?? ''}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
      {table.totals.length > 0 && (
        <tfoot>
          {table.totals.map(([label = '', figure = ''], r) => (
            <tr key={r} className="print-total">
              <th scope="row" colSpan={table.columns.length - 1} className="num">
                {label}
              </th>
              <td className="num">{figure}</td>
            </tr>
          ))}
        </tfoot>
      )}
    </table>
  );
}

function PrintDocument({ proposal, engagement }: { proposal: ProposalDetail; engagement: Engagement }) {
  const { t } = useI18n();
  const doc: ProposalExport = useMemo(
    () => ({ proposal, customerName: engagement.customer.name, engagementTitle: engagement.title, versionName: null, date: localDay() }),
    [proposal, engagement],
  );
  const lang = proposal.lang;
  const labels = EXPORT_LABELS[lang];
  const words = PROPOSAL_LABELS[lang];
  const schedule = useMemo(() => timelineSchedule(proposal.timeline), [proposal.timeline]);
  const pricingProblem = checkPricing(proposal.pricing)[0];
  const ganttLabels = {
    title: labels.timelineChart,
    phase: words.phase,
    start: words.start,
    end: words.end,
    weeks: words.weeks,
    milestone: words.milestone,
    describe: (p: (typeof schedule)[number]) => `${p.name}, ${p.start} – ${p.end}, ${p.weeks} ${words.weeks}`,
  };

  return (
    <article className={`print-sheet proposal-sheet print-lang-${lang}`} lang={htmlLang(lang)} data-testid="proposal-print">
      <section className="print-cover">
        <h1>{proposal.title}</h1>
        <dl className="print-fields">
          {coverFields(doc).map((f) => (
            <div key={f.label}>
              <dt>
                {f.label}
                {labels.colon.trim()}
              </dt>
              <dd>{f.value}</dd>
            </div>
          ))}
        </dl>
      </section>
      <nav className="print-contents" aria-labelledby="print-contents-title">
        <h2 id="print-contents-title">{labels.contents}</h2>
        <ol>
          {/* Plain entries: under hash routing an in-page anchor would be read as a route. */}
          {proposal.sections.map((s) => (
            <li key={s.id}>{s.title}</li>
          ))}
        </ol>
      </nav>
      {proposal.sections.map((section) => {
        const table = section.kind === 'pricing' && pricingProblem ? null : sectionTable(section.kind, proposal);
        return (
          <section key={section.id} className="print-section" aria-labelledby={`print-${section.id}`}>
            <h2 id={`print-${section.id}`}>{section.title}</h2>
            <LexicalView json={section.bodyJson} labels={{ image: labels.image }} />
            {section.kind === 'timeline' && schedule.length > 0 && (
              <div className="print-gantt">
                <Gantt phases={schedule} labels={ganttLabels} />
              </div>
            )}
            {section.kind === 'pricing' && pricingProblem && (
              <p role="alert" className="error-text">
                {t('proposalPrint.pricingProblem', { message: pricingProblem.message })}
              </p>
            )}
            {table && table.rows.length > 0 && <StructuredTable table={table} />}
          </section>
        );
      })}
    </article>
  );
}
