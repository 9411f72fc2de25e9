import { CUSTOMER_KINDS, type CustomerKind } from '../../core/engagements/types';
import { useI18n } from '../i18n/i18n';
import { Field, inputProps } from '../ui/Field';
import type { FieldErrors } from './form-issues';
import { kindLabel } from './labels';

export type CustomerBasics = { name: string; kind: CustomerKind; industry: string; region: string };

function isKind(value: string): value is CustomerKind {
  return (CUSTOMER_KINDS as readonly string[]).includes(value);
}

/**
 * Name, kind, industry and region: the customer form's first fields, also used to create a
 * customer inline from the new-engagement form (`prefix` keeps their errors apart there).
 */
export function CustomerFields({
  value,
  onChange,
  errors,
  prefix = '',
}: {
  value: CustomerBasics;
  onChange: (next: Partial<CustomerBasics>) => void;
  errors: FieldErrors;
  prefix?: string;
}) {
  const { t } = useI18n();
  return (
    <div className="form-row">
      <Field path={`${prefix}name`} label={t('engagements.customers.field.name')} errors={errors} className="grow">
        <input type="text" {...inputProps(`${prefix}name`, errors)} value={value.name} aria-required="true" autoComplete="off" onChange={(e) => onChange({ name: e.target.value })} />
      </Field>
      <Field path={`${prefix}kind`} label={t('engagements.customers.field.kind')} errors={errors}>
        <select {...inputProps(`${prefix}kind`, errors)} value={value.kind} onChange={(e) => isKind(e.target.value) && onChange({ kind: e.target.value })}>
          {CUSTOMER_KINDS.map((k) => (
            <option key={k} value={k}>
              {kindLabel(k, t)}
            </option>
          ))}
        </select>
      </Field>
      <Field path={`${prefix}industry`} label={t('engagements.customers.field.industry')} errors={errors}>
        <input type="text" {...inputProps(`${prefix}industry`, errors)} value={value.industry} autoComplete="off" onChange={(e) => onChange({ industry: e.target.value })} />
      </Field>
      <Field path={`${prefix}region`} label={t('engagements.customers.field.region')} errors={errors}>
        <input type="text" {...inputProps(`${prefix}region`, errors)} value={value.region} autoComplete="off" onChange={(e) => onChange({ region: e.target.value })} />
      </Field>
    </div>
  );
}
