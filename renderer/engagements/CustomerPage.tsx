import { useState, type ReactNode } from 'react';
import { mailtoHref } from '../../core/richtext/links';
import { Link, useNavigate, useParams } from 'react-router';
import type { Customer } from '../../core/engagements/types';
import { useI18n } from '../i18n/i18n';
import { RecordConflictNotice } from '../sync/RecordConflictNotice';
import { mutate } from '../data/query-client';
import { useQuery } from '../data/use-query';
import { onListKeyDown } from '../lib/list-focus';
import { PageHeading } from '../app/PageHeading';
import { ErrorView, Loading } from '../app/StateViews';
import { RecordLoadFailed, RecordLoading } from '../app/RecordStates';
import { kindLabel, stageLabel } from './labels';
import { ConfirmDeleteDialog } from './ConfirmDeleteDialog';
import { FormError } from '../ui/Field';
import { CustomerSharing } from '../sync/CustomerSharing';
import './engagements.css';

/** `#/customers/:id`: the customer's details and contacts, and its engagements. */
export function CustomerPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const customer = useQuery('customers.get', { id });
  const back = (
    <Link to="/customers" className="back-link">
      ← {t('engagements.customers.back')}
    </Link>
  );
  if (customer.status === 'error') {
    return <RecordLoadFailed error={customer.error} back={back} notFoundTitle={t('engagements.customers.notFoundTitle')} notFoundText={t('engagements.customers.notFound', { id })} onRetry={customer.reload} />;
  }
  if (customer.data === null || customer.data.id !== id) return <RecordLoading back={back} />;
  return <CustomerView customer={customer.data} back={back} />;
}

function CustomerView({ customer: c, back }: { customer: Customer; back: ReactNode }) {
  const { t, apiText } = useI18n();
  const navigate = useNavigate();
  const engagements = useQuery('engagements.list', { customerId: c.id });
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const hasEngagements = (engagements.data?.length ?? 0) > 0;
  const notSet = <span className="muted">{t('engagements.customers.notSet')}</span>;

  async function remove(): Promise<void> {
    const result = await mutate('customers.remove', { id: c.id });
    if (result.ok) {
      navigate('/customers');
    } else {
      setConfirmDelete(false);
      setDeleteError(t('engagements.customers.deleteFailed', { message: apiText(result.error) }));
    }
  }

  return (
    <article className="page customer-page" aria-labelledby="page-title">
      {back}
      <header className="page-header page-header-actions">
        <div>
          <p className="eyebrow">{t('engagements.customers.eyebrow')}</p>
          <PageHeading title={c.name}>{c.name}</PageHeading>
        </div>
        <div className="header-links">
          <Link to={`/customers/${c.id}/edit`} className="button-link">
            {t('engagements.edit')}
          </Link>
          <button
            type="button"
            className="danger-button"
            disabled={engagements.status !== 'ready' || hasEngagements}
            aria-describedby={hasEngagements ? 'delete-blocked' : undefined}
            onClick={() => setConfirmDelete(true)}
          >
            {t('engagements.customers.delete')}
          </button>
        </div>
      </header>
      <RecordConflictNotice dataset="customers" row={c.id} />
      {hasEngagements && (
        <p className="muted header-note" id="delete-blocked">
          {t('engagements.customers.deleteBlocked')}
        </p>
      )}
      <FormError message={deleteError} />

      <section className="detail-card" aria-label={t('engagements.customers.details')}>
        <dl className="detail-grid">
          <div>
            <dt>{t('engagements.customers.field.kind')}</dt>
            <dd>{kindLabel(c.kind, t)}</dd>
          </div>
          <div>
            <dt>{t('engagements.customers.field.industry')}</dt>
            <dd>{c.industry || notSet}</dd>
          </div>
          <div>
            <dt>{t('engagements.customers.field.region')}</dt>
            <dd>{c.region || notSet}</dd>
          </div>
          <div className="wide">
            <dt>{t('engagements.customers.field.notes')}</dt>
            <dd className="notes-text">{c.notes || <span className="muted">{t('engagements.customers.noNotes')}</span>}</dd>
          </div>
        </dl>
      </section>

      <section className="panel" aria-labelledby="contacts-title">
        <h2 id="contacts-title">{t('engagements.customers.contacts')}</h2>
        {c.contacts.length === 0 ? (
          <p className="panel-empty">{t('engagements.customers.noContacts')}</p>
        ) : (
          <div className="table-scroll">
            <table className="data-table contacts-table">
              <thead>
                <tr>
                  <th scope="col">{t('engagements.customers.contact.name')}</th>
                  <th scope="col">{t('engagements.customers.contact.role')}</th>
                  <th scope="col">{t('engagements.customers.contact.email')}</th>
                  <th scope="col">{t('engagements.customers.contact.phone')}</th>
                </tr>
              </thead>
              <tbody>
                {c.contacts.map((p) => (
                  <tr key={p.id}>
                    <td className="cell-main">{p.name}</td>
                    <td>{p.role}</td>
                    <td>{p.email && <EmailLink address={p.email} />}</td>
                    <td>{p.phone}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <CustomerSharing customerId={c.id} />

      <section className="panel" aria-labelledby="customer-engagements-title">
        <div className="panel-head">
          <h2 id="customer-engagements-title">{t('engagements.customers.engagements')}</h2>
          <Link to={`/engagements/new?customer=${encodeURIComponent(c.id)}`} className="button-link">
            + {t('engagements.newFor')}
          </Link>
        </div>
        {engagements.status === 'error' ? (
          <ErrorView message={engagements.error} onRetry={engagements.reload} />
        ) : engagements.data === null ? (
          <Loading />
        ) : engagements.data.length === 0 ? (
          <p className="panel-empty">{t('engagements.customers.noEngagements')}</p>
        ) : (
          <ul className="link-list" onKeyDown={(e) => onListKeyDown(e, 'a.engagement-link')}>
            {engagements.data.map((e) => (
              <li key={e.id}>
                <Link to={`/engagements/${e.id}`} className="engagement-link">
                  {e.title}
                </Link>
                <span className={`stage-badge stage-${e.stage}`}>{stageLabel(e.stage, t)}</span>
                {(e.startDate || e.endDate) && (
                  <span className="muted">{t('engagements.dateRange', { start: e.startDate ?? t('engagements.noDate'), end: e.endDate ?? t('engagements.noDate') })}</span>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      {confirmDelete && (
        <ConfirmDeleteDialog
          titleId="delete-customer-title"
          title={t('engagements.customers.deleteTitle')}
          body={t('engagements.customers.deleteBody', { name: c.name })}
          onCancel={() => setConfirmDelete(false)}
          onConfirm={() => void remove()}
        />
      )}
    </article>
  );
}

/** A contact's address as a mailto: link when it makes an allowed one (core/richtext/links.ts), else as text. */
function EmailLink({ address }: { address: string }) {
  const href = mailtoHref(address);
  return href === null ? <>{address}</> : <a href={href}>{address}</a>;
}
