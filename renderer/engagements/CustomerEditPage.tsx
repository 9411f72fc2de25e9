import { useEffect, useState, type ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { Customer } from '../../core/engagements/types';
import { CONTACTS_MAX } from '../../core/engagements/types';
import { useI18n } from '../i18n/i18n';
import { mutate, prefetchQuery, setQueryResult } from '../data/query-client';
import { currentData, useQuery } from '../data/use-query';
import { PageHeading } from '../app/PageHeading';
import { RecordLoadFailed, RecordLoading } from '../app/RecordStates';
import { CustomerFields } from './CustomerFields';
import { Field, FormError, fieldId, inputProps } from '../ui/Field';
import { FormActions } from './FormActions';
import { RowsFieldset } from './RowsFieldset';
import { firstErrorField, toFieldErrors, type FieldErrors } from './form-issues';
import { focusField, onFormKeyDown } from './form-keys';
import { customerCreateArgs, customerDraft, customerUpdateArgs, isDirty, keyRowErrors, rowKey, sentContactRows, type ContactDraft, type CustomerDraft } from './drafts';
import { useUnsavedGuard } from '../ui/unsaved-guard';
import './engagements.css';

/** `#/customers/new` and `#/customers/:id/edit`: the customer form with its contacts. */
export function CustomerEditPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const customer = useQuery('customers.get', id === undefined ? null : { id });
  const back = (
    <Link to={id === undefined ? '/customers' : `/customers/${id}`} className="back-link">
      ← {t('engagements.customers.back')}
    </Link>
  );
  if (id === undefined) return <CustomerForm key="new" initial={null} back={back} />;
  const loaded = currentData(customer);
  // Keyed by id so a different customer starts a fresh form; a later refetch never resets it.
  if (loaded) return <CustomerForm key={loaded.id} initial={loaded} back={back} />;
  if (customer.status === 'error') {
    return <RecordLoadFailed error={customer.error} back={back} notFoundTitle={t('engagements.customers.notFoundTitle')} notFoundText={t('engagements.customers.notFound', { id })} onRetry={customer.reload} />;
  }
  return <RecordLoading back={back} />;
}

function CustomerForm({ initial, back }: { initial: Customer | null; back: ReactNode }) {
  const i18n = useI18n();
  const { t } = i18n;
  const navigate = useNavigate();
  const [before] = useState(() => customerDraft(initial));
  const [draft, setDraft] = useState<CustomerDraft>(before);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const dirty = isDirty(before, draft);
  const guard = useUnsavedGuard(dirty && !saving);
  const title = initial ? t('engagements.customers.editTitle') : t('engagements.customers.createTitle');
  const leaveTo = initial ? `/customers/${initial.id}` : '/customers';
  // Saving opens the customer's page: its code is fetched while the form is filled in, not after Save.
  useEffect(() => {
    void import('./CustomerPage').catch(() => undefined);
  }, []);

  function update(next: Partial<CustomerDraft>): void {
    setDraft((d) => ({ ...d, ...next }));
  }
  function updateContact(key: string, next: Partial<ContactDraft>): void {
    setDraft((d) => ({ ...d, contacts: d.contacts.map((c) => (c.key === key ? { ...c, ...next } : c)) }));
  }
  function addContact(): void {
    const key = rowKey();
    setDraft((d) => ({ ...d, contacts: [...d.contacts, { key, name: '', role: '', email: '', phone: '' }] }));
    focusField(fieldId(`contacts.${key}.name`));
  }
  function removeContact(key: string): void {
    setDraft((d) => ({ ...d, contacts: d.contacts.filter((c) => c.key !== key) }));
  }

  async function save(): Promise<void> {
    if (saving) return;
    setSaving(true);
    setFormError(null);
    const result = initial ? await mutate('customers.update', customerUpdateArgs(initial.id, draft)) : await mutate('customers.create', customerCreateArgs(draft));
    setSaving(false);
    if (result.ok) {
      guard.allowLeaving();
      // The customer's page opens on the record just saved, without fetching it again; its
      // engagements are asked for while that page renders.
      setQueryResult('customers.get', { id: result.value.id }, result.value);
      prefetchQuery('engagements.list', { customerId: result.value.id });
      navigate(`/customers/${result.value.id}`);
      return;
    }
    const fieldErrors = toFieldErrors(result.error, i18n);
    if (fieldErrors === null) {
      setErrors({});
      setFormError(t('engagements.saveFailed', { message: i18n.apiText(result.error) }));
      return;
    }
    const keyed = keyRowErrors(fieldErrors, 'contacts', sentContactRows(draft.contacts));
    setErrors(keyed);
    const order = ['name', 'kind', 'industry', 'region', 'notes', ...draft.contacts.flatMap((c) => ['name', 'role', 'email', 'phone'].map((f) => `contacts.${c.key}.${f}`))];
    const first = firstErrorField(keyed, order);
    focusField(first === null ? null : fieldId(first));
  }

  return (
    <section className="page entity-form-page" aria-labelledby="page-title">
      {back}
      <header className="page-header">
        <PageHeading title={title}>{title}</PageHeading>
      </header>
      <form
        className="entity-form"
        noValidate
        aria-busy={saving}
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
        onKeyDown={(e) => onFormKeyDown(e, { save: () => void save(), cancel: () => navigate(leaveTo) })}
      >
        <FormError message={formError} />
        <CustomerFields value={draft} onChange={update} errors={errors} />
        <Field path="notes" label={t('engagements.customers.field.notes')} errors={errors}>
          <textarea {...inputProps('notes', errors)} rows={4} value={draft.notes} onChange={(e) => update({ notes: e.target.value })} />
        </Field>

        <RowsFieldset
          legend={t('engagements.customers.contacts')}
          emptyText={t('engagements.customers.noContacts')}
          rows={draft.contacts}
          max={CONTACTS_MAX}
          error={errors['contacts'] ?? null}
          addLabel={t('engagements.customers.addContact')}
          removeLabel={(c, index) => t('engagements.customers.removeContact', { name: c.name || String(index + 1) })}
          onAdd={addContact}
          onRemove={removeContact}
        >
          {(c) => (
            <>
              <Field path={`contacts.${c.key}.name`} label={t('engagements.customers.contact.name')} errors={errors} className="grow">
                <input type="text" {...inputProps(`contacts.${c.key}.name`, errors)} value={c.name} autoComplete="off" onChange={(e) => updateContact(c.key, { name: e.target.value })} />
              </Field>
              <Field path={`contacts.${c.key}.role`} label={t('engagements.customers.contact.role')} errors={errors}>
                <input type="text" {...inputProps(`contacts.${c.key}.role`, errors)} value={c.role} autoComplete="off" onChange={(e) => updateContact(c.key, { role: e.target.value })} />
              </Field>
              <Field path={`contacts.${c.key}.email`} label={t('engagements.customers.contact.email')} errors={errors}>
                <input type="email" {...inputProps(`contacts.${c.key}.email`, errors)} value={c.email} autoComplete="off" onChange={(e) => updateContact(c.key, { email: e.target.value })} />
              </Field>
              <Field path={`contacts.${c.key}.phone`} label={t('engagements.customers.contact.phone')} errors={errors}>
                <input type="tel" {...inputProps(`contacts.${c.key}.phone`, errors)} value={c.phone} autoComplete="off" onChange={(e) => updateContact(c.key, { phone: e.target.value })} />
              </Field>
            </>
          )}
        </RowsFieldset>

        <FormActions saving={saving} onCancel={() => navigate(leaveTo)} />
      </form>
      {guard.dialog}
    </section>
  );
}
