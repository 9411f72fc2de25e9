import { useState, type FormEvent } from 'react';
import type { OrganisationProfile } from '../../core/organisation/profile';
import { mutate } from '../data/query-client';
import { useQuery } from '../data/use-query';
import { toFieldErrors, type FieldErrors } from '../engagements/form-issues';
import { useI18n } from '../i18n/i18n';
import { Field, FormError, inputProps } from '../ui/Field';
// The entity forms' field and row styles (engagements.css loads only with those screens).
import '../engagements/engagements.css';

/** A draft of the profile as the form edits it: the validity as typed. */
type Draft = Omit<OrganisationProfile, 'validityDays'> & { validityDays: string };

const toDraft = (p: OrganisationProfile): Draft => ({ ...p, validityDays: String(p.validityDays) });

/**
 * Who sends the documents (Settings): the organisation's names, address and contact, how long a
 * quotation stays valid and how quote numbers are written. Every proposal export puts them on its
 * cover and acceptance block. Saved as a whole; a refused field is named under it.
 */
export function OrganisationSection() {
  const { t, apiText } = useI18n();
  const stored = useQuery('organisation.get', {});
  if (stored.status === 'error') {
    return (
      <p className="notice warn" role="alert">
        {t('organisation.loadFailed', { message: apiText(stored.error) })}
      </p>
    );
  }
  return stored.data ? <OrganisationForm initial={stored.data} /> : null;
}

function OrganisationForm({ initial }: { initial: OrganisationProfile }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [draft, setDraft] = useState<Draft>(() => toDraft(initial));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [saving, setSaving] = useState(false);

  const edit = (change: (d: Draft) => Draft): void => {
    setDraft(change(draft));
    setSaved(false);
  };
  const text = (path: string, value: string, set: (value: string) => Draft, options: { type?: string; autoComplete?: string } = {}) => (
    <input {...inputProps(path, errors)} type={options.type ?? 'text'} autoComplete={options.autoComplete ?? 'off'} value={value} onChange={(e) => edit(() => set(e.target.value))} />
  );

  async function save(event: FormEvent): Promise<void> {
    event.preventDefault();
    if (saving) return;
    // Days are typed as text; what is not a whole number is named here (the backend checks the range).
    if (!/^\s*\d+\s*$/.test(draft.validityDays)) {
      setErrors({ validityDays: t('organisation.wholeDays') });
      return;
    }
    setSaving(true);
    setFormError(null);
    const result = await mutate('organisation.save', { profile: { ...draft, validityDays: Number(draft.validityDays) } });
    setSaving(false);
    if (result.ok) {
      setErrors({});
      setDraft(toDraft(result.value));
      setSaved(true);
      return;
    }
    const fieldErrors = toFieldErrors(result.error, i18n);
    if (fieldErrors === null) {
      setErrors({});
      setFormError(t('organisation.saveFailed', { message: i18n.apiText(result.error) }));
      return;
    }
    // The backend names fields under "profile."; the form's inputs are named without it.
    setErrors(Object.fromEntries(Object.entries(fieldErrors).map(([path, message]) => [path.replace(/^profile\./, ''), message])));
  }

  return (
    <section aria-labelledby="organisation-title" className="settings-section">
      <h2 id="organisation-title">{t('organisation.title')}</h2>
      <p className="muted">{t('organisation.intro')}</p>
      <form className="entity-form organisation-form" onSubmit={(e) => void save(e)} noValidate>
        <FormError message={formError} />
        <div className="form-row">
          <Field path="name.en" label={t('organisation.nameEn')} errors={errors} className="grow">
            {text('name.en', draft.name.en, (v) => ({ ...draft, name: { ...draft.name, en: v } }), { autoComplete: 'organization' })}
          </Field>
          <Field path="name.zh" label={t('organisation.nameZh')} errors={errors} className="grow">
            {text('name.zh', draft.name.zh, (v) => ({ ...draft, name: { ...draft.name, zh: v } }))}
          </Field>
        </div>
        <div className="form-row">
          <Field path="address.en" label={t('organisation.addressEn')} errors={errors} className="grow">
            {text('address.en', draft.address.en, (v) => ({ ...draft, address: { ...draft.address, en: v } }))}
          </Field>
          <Field path="address.zh" label={t('organisation.addressZh')} errors={errors} className="grow">
            {text('address.zh', draft.address.zh, (v) => ({ ...draft, address: { ...draft.address, zh: v } }))}
          </Field>
        </div>
        <div className="form-row">
          <Field path="contact.name" label={t('organisation.contactName')} errors={errors} className="grow">
            {text('contact.name', draft.contact.name, (v) => ({ ...draft, contact: { ...draft.contact, name: v } }), { autoComplete: 'name' })}
          </Field>
          <Field path="contact.email" label={t('organisation.contactEmail')} errors={errors} className="grow">
            {text('contact.email', draft.contact.email, (v) => ({ ...draft, contact: { ...draft.contact, email: v } }), { type: 'email', autoComplete: 'email' })}
          </Field>
          <Field path="contact.phone" label={t('organisation.contactPhone')} errors={errors} className="grow">
            {text('contact.phone', draft.contact.phone, (v) => ({ ...draft, contact: { ...draft.contact, phone: v } }), { type: 'tel', autoComplete: 'tel' })}
          </Field>
        </div>
        <div className="form-row">
          <Field path="validityDays" label={t('organisation.validityDays')} errors={errors} className="grow" hint={t('organisation.validityHint')}>
            {text('validityDays', draft.validityDays, (v) => ({ ...draft, validityDays: v }), { type: 'text' })}
          </Field>
          <Field path="quotePattern" label={t('organisation.quotePattern')} errors={errors} className="grow" hint={t('organisation.quoteHint')}>
            {text('quotePattern', draft.quotePattern, (v) => ({ ...draft, quotePattern: v }))}
          </Field>
        </div>
        <p className="settings-actions">
          <button type="submit" className="primary-button" disabled={saving}>
            {saving ? t('organisation.saving') : t('organisation.save')}
          </button>
          <span role="status" className="settings-status">
            {saved ? t('organisation.saved') : null}
          </span>
        </p>
      </form>
    </section>
  );
}
