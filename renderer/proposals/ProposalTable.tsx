import { Link } from 'react-router';
import type { ProposalSummary } from '../../core/proposals/types';
import { useI18n } from '../i18n/i18n';
import { formatDateTime, formatMoney } from '../ui/format';
import { StatusBadge } from './StatusControl';

/** Proposals as a table: title, engagement (unless shown on one), status, total, last change, versions. */
export function ProposalTable({ proposals, showEngagement }: { proposals: readonly ProposalSummary[]; showEngagement: boolean }) {
  const { t, lang } = useI18n();
  return (
    <table className="data-table proposal-table">
      <thead>
        <tr>
          <th scope="col">{t('proposals.col.title')}</th>
          {showEngagement && <th scope="col">{t('proposals.col.engagement')}</th>}
          <th scope="col">{t('proposals.col.status')}</th>
          <th scope="col" className="num">
            {t('proposals.col.total')}
          </th>
          <th scope="col">{t('proposals.col.updated')}</th>
          <th scope="col" className="num">
            {t('proposals.col.versions')}
          </th>
        </tr>
      </thead>
      <tbody>
        {proposals.map((p) => (
          <tr key={p.id}>
            <td>
              <Link to={`/proposals/${p.id}`}>{p.title}</Link> <span className="chip">{p.lang === 'zh' ? '中文' : 'EN'}</span>
            </td>
            {showEngagement && (
              <td>
                <Link to={`/engagements/${p.engagementId}`}>{p.engagementTitle}</Link>
                <span className="muted"> · {p.customerName}</span>
              </td>
            )}
            <td>
              <StatusBadge status={p.status} />
            </td>
            <td className="num">
              {formatMoney(p.currency, p.total)}
            </td>
            <td>{formatDateTime(p.updatedAt, lang)}</td>
            <td className="num">{p.versionCount}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
