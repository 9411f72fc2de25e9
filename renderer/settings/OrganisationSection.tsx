import { useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { CURRENCY_DISPLAYS, MAX_LOGO_BYTES, type CurrencyDisplay, type OrganisationProfile, type OrganisationSettings } from '../../core/organisation/profile';
import { LANGS, type Lang } from '../../core/i18n';
import { mutate } from '../data/query-client';
import { useQuery } from '../data/use-query';
import { toFieldErrors, type FieldErrors } from '../engagements/form-issues';
import { useI18n } from '../i18n/i18n';
import { Field, FormError, inputProps } from '../ui/Field';
import { fileBytes } from '../lib/attachments';
import { StoredImage } from '../lib/StoredImage';
// The entity forms' field and row styles (engagements.css loads only with those screens).
import '../engagements/engagements.css';

/** A draft of the profile as the form edits it: the validity as typed. */
type Draft = Omit<OrganisationSettings, 'validityDays'> & { validityDays: string };

const toDraft = ({ logo: _logo, ...settings }: OrganisationProfile): Draft => ({ ...settings, validityDays: String(settings.validityDays) });

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
  return stored.data ? (
    <>
      <OrganisationForm initial={stored.data} />
      <LogoPicker logo={stored.data.logo} />
    </>
  ) : null;
}

/** The logo on every export: chosen, shown and removed on its own (it is stored at once, not with the form). */
function LogoPicker({ logo }: { logo: OrganisationProfile['logo'] }) {
  const i18n = useI18n();
  const { t } = i18n;
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function choose(event: ChangeEvent<HTMLInputElement>): Promise<void> {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    if (file.size > MAX_LOGO_BYTES) {
      setError(t('organisation.logoTooLarge', { name: file.name, size: (file.size / 1024 / 1024).toFixed(1), max: MAX_LOGO_BYTES / 1024 / 1024 }));
      return;
    }
    setBusy(true);
    const result = await mutate('organisation.setLogo', { name: file.name || 'logo', mime: file.type, data: await fileBytes(file) });
    setBusy(false);
    setError(result.ok ? null : t('organisation.logoFailed', { message: i18n.apiText(result.error) }));
  }

  async function remove(): Promise<void> {
    setBusy(true);
    const result = await mutate('organisation.removeLogo', {});
    setBusy(false);
    setError(result.ok ? null : t('organisation.logoFailed', { message: i18n.apiText(result.error) }));
  }

  return (
    <section aria-labelledby="organisation-logo-title" className="settings-section organisation-logo">
      <h3 id="organisation-logo-title">{t('organisation.logo')}</h3>
      <p className="muted">{t('organisation.logoHint')}</p>
      {error ? (
        <p className="notice warn" role="alert">
          {error}
        </p>
      ) : null}
      <div className="organisation-logo-row">
        {logo ? (
          <StoredImage className="organisation-logo-preview" sha256={logo.sha256} alt={t('organisation.logoAlt', { name: logo.name })} fallback={<span className="muted">{t('organisation.logoMissing')}</span>} />
        ) : (
          <span className="muted">{t('organisation.noLogo')}</span>
        )}
        <input ref={input} type="file" accept="image/png,image/jpeg" className="visually-hidden" tabIndex={-1} aria-hidden="true" onChange={(e) => void choose(e)} />
        <button type="button" disabled={busy} onClick={() => input.current?.click()}>
          {logo ? t('organisation.replaceLogo') : t('organisation.chooseLogo')}
        </button>
        {logo ? (
          <button type="button" disabled={busy} onClick={() => void remove()}>
            {t('organisation.removeLogo')}
          </button>
        ) : null}
      </div>
    </section>
  );
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
        <div className="form-row">
          <Field path="currencyDisplay" label={t('organisation.currencyDisplay')} errors={errors} className="grow">
            <select {...inputProps('currencyDisplay', errors)} value={draft.currencyDisplay} onChange={(e) => edit(() => ({ ...draft, currencyDisplay: e.target.value as CurrencyDisplay }))}>
              {CURRENCY_DISPLAYS.map((d) => (
                <option key={d} value={d}>
                  {t(`organisation.currency.${d}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field path="documentLang" label={t('organisation.documentLang')} errors={errors} className="grow" hint={t('organisation.documentLangHint')}>
            <select
              {...inputProps('documentLang', errors)}
              value={draft.documentLang ?? ''}
              onChange={(e) => edit(() => ({ ...draft, documentLang: e.target.value === '' ? null : (e.target.value as Lang) }))}
            >
              <option value="">{t('organisation.documentLang.app')}</option>
              {LANGS.map((l) => (
                <option key={l} value={l}>
                  {t(`lang.${l}`)}
                </option>
              ))}
            </select>
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
