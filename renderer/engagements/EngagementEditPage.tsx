import { useState, type ReactNode } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { ENGAGEMENT_SCENARIOS_MAX, ENGAGEMENT_STAGES, TEAM_MAX, type Engagement, type EngagementStage } from '../../core/engagements/types';
import { msg } from '../../core/api/message';
import { issue, type ApiError } from '../../core/api/result';
import { useI18n } from '../i18n/i18n';
import { mutate } from '../data/query-client';
import { currentData, useQuery } from '../data/use-query';
import { PageHeading } from '../app/PageHeading';
import { RecordLoadFailed, RecordLoading } from '../app/RecordStates';
import { CustomerFields, type CustomerBasics } from './CustomerFields';
import { Field, FormError, fieldId, inputProps } from '../ui/Field';
import { FormActions } from './FormActions';
import { RowsFieldset } from './RowsFieldset';
import { firstErrorField, toFieldErrors, type FieldErrors } from './form-issues';
import { focusField, onFormKeyDown } from './form-keys';
import { engagementCreateArgs, engagementDraft, engagementDraftIssues, engagementUpdateArgs, isDirty, keyRowErrors, rowKey, sentMemberRows, type EngagementDraft, type MemberDraft } from './drafts';
import { stageLabel } from './labels';
import { useUnsavedGuard } from '../ui/unsaved-guard';
import './engagements.css';
import { DEVICE_TIME_ZONE, timeZoneOptions } from './time-zones';

function isStage(value: string): value is EngagementStage {
  return (ENGAGEMENT_STAGES as readonly string[]).includes(value);
}

/** `#/engagements/new` (optionally `?customer=<id>`) and `#/engagements/:id/edit`. */
export function EngagementEditPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const engagement = useQuery('engagements.get', id === undefined ? null : { id });
  const back = (
    <Link to={id === undefined ? '/engagements' : `/engagements/${id}`} className="back-link">
      ← {t('engagements.back')}
    </Link>
  );
  if (id === undefined) return <EngagementForm key="new" initial={null} back={back} />;
  const loaded = currentData(engagement);
  // The form takes the record once: a later refetch (a change saved elsewhere) never resets it.
  if (loaded) return <EngagementForm key={loaded.id} initial={loaded} back={back} />;
  if (engagement.status === 'error') {
    return <RecordLoadFailed error={engagement.error} back={back} notFoundTitle={t('engagements.notFoundTitle')} notFoundText={t('engagements.notFound', { id })} onRetry={engagement.reload} />;
  }
  return <RecordLoading back={back} />;
}

type CustomerChoice = { mode: 'existing'; customerId: string } | { mode: 'new'; basics: CustomerBasics };
const NO_BASICS: CustomerBasics = { name: '', kind: 'enterprise', industry: '', region: '' };

/** No customer chosen and none typed in yet. */
function isBlankChoice(choice: CustomerChoice): boolean {
  return choice.mode === 'existing' ? choice.customerId === '' : !isDirty(NO_BASICS, choice.basics);
}

function EngagementForm({ initial, back }: { initial: Engagement | null; back: ReactNode }) {
  const i18n = useI18n();
  const { t, text } = i18n;
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const scenarios = useQuery('scenarios.list', {});
  const scenarioList = scenarios.data;
  const customers = useQuery('customers.list', initial ? null : {});
  const [before] = useState(() => engagementDraft(initial));
  const [draft, setDraft] = useState<EngagementDraft>(before);
  const [beforeChoice] = useState<CustomerChoice>(() => ({ mode: 'existing', customerId: params.get('customer') ?? '' }));
  const [chosen, setChoice] = useState<CustomerChoice | null>(null);
  const customerList = customers.data ?? [];
  // Nothing to pick from on a new device: until the user says otherwise, the form starts on a new customer.
  const noCustomersYet = !initial && customers.status === 'ready' && customerList.length === 0;
  const choice: CustomerChoice = chosen ?? (noCustomersYet && isBlankChoice(beforeChoice) ? { mode: 'new', basics: NO_BASICS } : beforeChoice);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const dirty = isDirty(before, draft) || (isDirty(beforeChoice, choice) && !(isBlankChoice(beforeChoice) && isBlankChoice(choice)));
  const guard = useUnsavedGuard(dirty && !saving);
  const title = initial ? t('engagements.editTitle') : t('engagements.createTitle');
  const leaveTo = initial ? `/engagements/${initial.id}` : '/engagements';

  function update(next: Partial<EngagementDraft>): void {
    setDraft((d) => ({ ...d, ...next }));
  }
  function updateMember(key: string, next: Partial<MemberDraft>): void {
    setDraft((d) => ({ ...d, team: d.team.map((m) => (m.key === key ? { ...m, ...next } : m)) }));
  }
  function addMember(): void {
    const key = rowKey();
    setDraft((d) => ({ ...d, team: [...d.team, { key, name: '', role: '' }] }));
    focusField(fieldId(`team.${key}.name`));
  }
  function removeMember(key: string): void {
    setDraft((d) => ({ ...d, team: d.team.filter((m) => m.key !== key) }));
  }
  function toggleScenario(id: string, on: boolean): void {
    setDraft((d) => ({ ...d, scenarios: on ? [...d.scenarios, id] : d.scenarios.filter((s) => s !== id) }));
  }

  const fieldOrder = [
    'customer.name',
    'customer.kind',
    'customer.industry',
    'customer.region',
    'customerId',
    'title',
    'scenarios',
    'stage',
    'startDate',
    'endDate',
    'timeZone',
    ...draft.team.flatMap((m) => [`team.${m.key}.name`, `team.${m.key}.role`]),
  ];

  function showFailure(error: Pick<ApiError, 'key' | 'params' | 'issues'>, prefix = ''): void {
    const fieldErrors = toFieldErrors(error, i18n, prefix);
    if (fieldErrors === null) {
      setErrors({});
      setFormError(t('engagements.saveFailed', { message: i18n.apiText(error) }));
      return;
    }
    // Any issue about one scenario ("scenarios.2") shows under the scenario list.
    const keyed = keyRowErrors(fieldErrors, 'team', sentMemberRows(draft.team));
    for (const path of Object.keys(keyed)) if (path.startsWith('scenarios.')) keyed['scenarios'] ??= keyed[path] ?? '';
    setErrors(keyed);
    const first = firstErrorField(keyed, fieldOrder);
    focusField(first === null ? null : fieldId(first === 'scenarios' ? 'scenarios.first' : first));
  }

  async function save(): Promise<void> {
    if (saving) return;
    setSaving(true);
    setFormError(null);
    try {
      if (initial) {
        const result = await mutate('engagements.update', engagementUpdateArgs(initial.id, before, draft));
        if (!result.ok) return showFailure(result.error);
        guard.allowLeaving();
        navigate(`/engagements/${initial.id}`);
        return;
      }
      let customerId = choice.mode === 'existing' ? choice.customerId : '';
      if (choice.mode === 'existing' && customerId === '') {
        // Everything else that is missing is named at the same time, not one save at a time.
        const local = engagementDraftIssues(draft);
        if (local.length > 0) showFailure({ ...msg('issue.invalid'), issues: local });
        else setErrors({});
        setErrors((shown) => ({ customerId: t('engagements.pickCustomerFirst'), ...shown }));
        focusField(fieldId('customerId'));
        return;
      }
      if (choice.mode === 'new') {
        const local = engagementDraftIssues(draft);
        if (choice.basics.name.trim() === '') local.unshift(issue('customer.name', msg('issue.required')));
        if (local.length > 0) return showFailure({ ...msg('issue.invalid'), issues: local });
        const created = await mutate('customers.create', { ...choice.basics });
        if (!created.ok) return showFailure(created.error, 'customer.');
        // From now on the form works with the stored customer: saving again never creates it twice.
        customerId = created.value.id;
        setChoice({ mode: 'existing', customerId });
        const result = await mutate('engagements.create', engagementCreateArgs(customerId, draft));
        if (!result.ok) {
          showFailure(result.error);
          setFormError(t('engagements.customerCreated', { name: created.value.name }));
          return;
        }
        guard.allowLeaving();
        navigate(`/engagements/${result.value.id}`);
        return;
      }
      const result = await mutate('engagements.create', engagementCreateArgs(customerId, draft));
      if (!result.ok) return showFailure(result.error);
      guard.allowLeaving();
      navigate(`/engagements/${result.value.id}`);
    } finally {
      setSaving(false);
    }
  }

  const scenarioError = errors['scenarios'];

  return (
    <section className="page entity-form-page" aria-labelledby="page-title">
      {back}
      <header className="page-header">
        {initial && <p className="eyebrow">{initial.title}</p>}
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

        {initial ? (
          <p className="form-static">
            <span className="field-label">{t('engagements.field.customer')}</span> <Link to={`/customers/${initial.customer.id}`}>{initial.customer.name}</Link>
          </p>
        ) : (
          <fieldset className="rows-fieldset">
            <legend>{t('engagements.field.customer')}</legend>
            <div className="segmented">
              <label>
                <input
                  type="radio"
                  name="customer-mode"
                  checked={choice.mode === 'existing'}
                  onChange={() => setChoice({ mode: 'existing', customerId: '' })}
                />
                {t('engagements.field.existingCustomer')}
              </label>
              <label>
                <input type="radio" name="customer-mode" checked={choice.mode === 'new'} onChange={() => setChoice({ mode: 'new', basics: NO_BASICS })} />
                {t('engagements.field.newCustomer')}
              </label>
            </div>
            {choice.mode === 'existing' ? (
              customers.status === 'error' ? (
                <p className="form-error">{t('engagements.customersFailed', { message: i18n.apiText(customers.error) })}</p>
              ) : (
                <Field path="customerId" label={t('engagements.field.customer')} errors={errors} hint={customers.status === 'ready' && customerList.length === 0 ? t('engagements.noCustomers') : undefined}>
                  <select
                    {...inputProps('customerId', errors)}
                    value={choice.customerId}
                    aria-required="true"
                    onChange={(e) => setChoice({ mode: 'existing', customerId: e.target.value })}
                  >
                    <option value="">{t('engagements.field.pickCustomer')}</option>
                    {customerList.map((c) => (
                      <option key={c.id} value={c.id}>
                        {c.region ? `${c.name} · ${c.region}` : c.name}
                      </option>
                    ))}
                  </select>
                </Field>
              )
            ) : (
              <CustomerFields
                value={choice.basics}
                onChange={(next) => setChoice({ mode: 'new', basics: { ...choice.basics, ...next } })}
                errors={errors}
                prefix="customer."
              />
            )}
          </fieldset>
        )}

        <div className="form-row">
          <Field path="title" label={t('engagements.field.title')} errors={errors} className="grow">
            <input type="text" {...inputProps('title', errors)} value={draft.title} aria-required="true" autoComplete="off" onChange={(e) => update({ title: e.target.value })} />
          </Field>
          <Field path="stage" label={t('engagements.field.stage')} errors={errors}>
            <select {...inputProps('stage', errors)} value={draft.stage} onChange={(e) => isStage(e.target.value) && update({ stage: e.target.value })}>
              {ENGAGEMENT_STAGES.map((s) => (
                <option key={s} value={s}>
                  {stageLabel(s, t)}
                </option>
              ))}
            </select>
          </Field>
          <Field path="startDate" label={t('engagements.field.startDate')} errors={errors}>
            <input type="date" {...inputProps('startDate', errors)} value={draft.startDate} onChange={(e) => update({ startDate: e.target.value })} />
          </Field>
          <Field path="endDate" label={t('engagements.field.endDate')} errors={errors}>
            <input type="date" {...inputProps('endDate', errors)} value={draft.endDate} onChange={(e) => update({ endDate: e.target.value })} />
          </Field>
          <Field path="timeZone" label={t('engagements.field.timeZone')} errors={errors} hint={t('engagements.field.timeZoneHint')}>
            <select {...inputProps('timeZone', errors)} value={draft.timeZone} onChange={(e) => update({ timeZone: e.target.value })}>
              <option value="">{t('engagements.field.deviceTimeZone', { zone: DEVICE_TIME_ZONE })}</option>
              {timeZoneOptions(draft.timeZone).map((zone) => (
                <option key={zone} value={zone}>
                  {zone.replace(/_/g, ' ')}
                </option>
              ))}
            </select>
          </Field>
        </div>

        <fieldset className="rows-fieldset" aria-describedby={scenarioError === undefined ? 'scenarios-hint' : 'scenarios-hint scenarios-error'} aria-invalid={scenarioError !== undefined || undefined}>
          <legend>{t('engagements.field.scenarios')}</legend>
          <p className="form-hint" id="scenarios-hint">
            {t('engagements.field.scenariosHint')}
          </p>
          {scenarios.status === 'loading' && <p className="muted">{t('engagements.scenariosLoading')}</p>}
          {scenarios.status === 'error' && <p className="form-error">{t('engagements.scenariosFailed', { message: i18n.apiText(scenarios.error) })}</p>}
          {scenarioList !== null && (
            <div className="scenario-choices">
              {scenarioList.map((s, index) => {
                const checked = draft.scenarios.includes(s.id);
                return (
                  <label key={s.id} className="check">
                    <input
                      type="checkbox"
                      id={index === 0 ? fieldId('scenarios.first') : undefined}
                      checked={checked}
                      disabled={!checked && draft.scenarios.length >= ENGAGEMENT_SCENARIOS_MAX}
                      onChange={(e) => toggleScenario(s.id, e.target.checked)}
                    />
                    {text(s.name)}
                  </label>
                );
              })}
              {/* Scenarios kept from before that this device no longer knows: still shown, so they can be removed. */}
              {draft.scenarios
                .filter((id) => !scenarioList.some((s) => s.id === id))
                .map((id) => (
                  <label key={id} className="check">
                    <input type="checkbox" checked onChange={(e) => toggleScenario(id, e.target.checked)} />
                    {t('engagements.unknownScenario', { id })}
                  </label>
                ))}
            </div>
          )}
          {scenarioError !== undefined && (
            <span className="form-error" id="scenarios-error">
              {scenarioError}
            </span>
          )}
        </fieldset>

        <RowsFieldset
          legend={t('engagements.field.team')}
          emptyText={t('engagements.noTeam')}
          rows={draft.team}
          max={TEAM_MAX}
          error={errors['team'] ?? null}
          addLabel={t('engagements.addMember')}
          removeLabel={(m, index) => t('engagements.removeMember', { name: m.name || String(index + 1) })}
          onAdd={addMember}
          onRemove={removeMember}
        >
          {(m) => (
            <>
              <Field path={`team.${m.key}.name`} label={t('engagements.field.memberName')} errors={errors} className="grow">
                <input type="text" {...inputProps(`team.${m.key}.name`, errors)} value={m.name} autoComplete="off" onChange={(e) => updateMember(m.key, { name: e.target.value })} />
              </Field>
              <Field path={`team.${m.key}.role`} label={t('engagements.field.memberRole')} errors={errors} className="grow">
                <input type="text" {...inputProps(`team.${m.key}.role`, errors)} value={m.role} autoComplete="off" onChange={(e) => updateMember(m.key, { role: e.target.value })} />
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
