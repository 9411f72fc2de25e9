import { useEffect, useMemo, useRef } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import type { ExportCopy } from '../../../core/proposals/export-checks';
import { quoteNumber, type OrganisationProfile } from '../../../core/organisation/profile';
import type { Engagement } from '../../../core/engagements/types';
import { proposalDocument } from '../../../core/proposals/export-document';
import { checkPricing } from '../../../core/proposals/money';
import type { ProposalDetail } from '../../../core/proposals/types';
import { localDay } from '../../../core/dates';
import { ErrorView, Loading } from '../../app/StateViews';
import { useAppliedTheme } from '../../app/theme';
import { DocumentView } from '../../document/DocumentView';
import { useI18n } from '../../i18n/i18n';
import { useQuery } from '../../data/use-query';
import { usePrintReady } from '../../lib/print-ready';
import '../../styles/print-sheet.css';

/**
 * `#/proposals/:id/print`: the proposal as an A4 document with no app chrome — cover, contents,
 * sections with their tables, the timeline as a Gantt chart, "Page N of M" on paper. Electron
 * prints it to PDF (proposals.exportPdf); in a browser "Print / Save as PDF" opens the print dialog.
 * It renders the same document model as the DOCX and the Markdown (core/proposals/export-document.ts).
 */
export function ProposalPrintPage() {
  const { id = '' } = useParams();
  // A customer copy unless the export asked for the internal one.
  const copy: ExportCopy = useSearchParams()[0].get('copy') === 'internal' ? 'internal' : 'customer';
  const { t, apiText } = useI18n();
  const proposal = useQuery('proposals.get', { id });
  const engagementId = proposal.data?.engagementId;
  const engagement = useQuery('engagements.get', engagementId === undefined ? null : { id: engagementId });
  const organisation = useQuery('organisation.get', {});
  // Paper is white: the print page always uses the light palette, whatever the app's theme.
  useAppliedTheme('light');
  useEffect(() => {
    document.title = proposal.data ? proposal.data.title : t('proposalPrint.pageTitle');
  }, [proposal.data, t]);

  const error = proposal.status === 'error' ? proposal.error : engagement.status === 'error' ? engagement.error : organisation.status === 'error' ? organisation.error : null;
  const page = useRef<HTMLDivElement>(null);
  usePrintReady(page, proposal.status === 'ready' && engagement.status === 'ready' && organisation.status === 'ready');
  return (
    <div className="print-page" ref={page}>
      <div className="print-toolbar" role="toolbar" aria-label={t('proposalPrint.toolbar')}>
        <Link to={`/proposals/${encodeURIComponent(id)}`}>{t('proposalPrint.back')}</Link>
        <span className="muted">{t('proposalPrint.hint')}</span>
        <button type="button" className="primary-button" disabled={!proposal.data || !engagement.data} onClick={() => window.print()}>
          {t('proposalPrint.print')}
        </button>
      </div>
      {error ? (
        <ErrorView message={t('proposalPrint.loadFailed', { message: apiText(error) })} onRetry={error === proposal.error ? proposal.reload : error === engagement.error ? engagement.reload : organisation.reload} />
      ) : !proposal.data || !engagement.data || !organisation.data ? (
        <Loading />
      ) : (
        <ProposalDocument proposal={proposal.data} engagement={engagement.data} organisation={organisation.data} copy={copy} />
      )}
    </div>
  );
}

function ProposalDocument({ proposal, engagement, organisation, copy }: { proposal: ProposalDetail; engagement: Engagement; organisation: OrganisationProfile; copy: ExportCopy }) {
  const { t, apiText } = useI18n();
  const doc = useMemo(
    () =>
      proposalDocument({
        proposal,
        customerName: engagement.customer.name,
        engagementTitle: engagement.title,
        versionName: null,
        date: localDay(),
        copy,
        organisation,
        quoteNumber: quoteNumber(organisation.quotePattern, proposal),
      }),
    [proposal, engagement, organisation, copy],
  );
  // Figures that cannot be totalled leave the pricing table out of the document; the author hears why (not on paper).
  const pricingProblem = checkPricing(proposal.pricing)[0];
  return (
    <>
      {pricingProblem && (
        <p role="alert" className="error-text print-notice">
          {t('proposalPrint.pricingProblem', { message: apiText(pricingProblem.message) })}
        </p>
      )}
      <DocumentView doc={doc} testId="proposal-print" />
    </>
  );
}
