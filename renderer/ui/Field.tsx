import type { ReactElement, ReactNode } from 'react';

/** Errors by field path ("contacts.1.email"), as the forms show them. */
type FieldErrors = Readonly<Record<string, string>>;

/** The DOM id of the input for a field path ("contacts.1.email" → "field-contacts-1-email"). */
export function fieldId(path: string): string {
  return `field-${path.replace(/\./g, '-')}`;
}

/** The accessibility attributes an input needs to announce its error. */
export function inputProps(path: string, errors: FieldErrors): { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string } {
  const id = fieldId(path);
  return errors[path] === undefined ? { id } : { id, 'aria-invalid': true, 'aria-describedby': `${id}-error` };
}

/**
 * A labelled form field with its error right below the input. The input itself (built with
 * `inputProps(path, errors)`) is the child, so selects, textareas and date inputs all fit.
 */
export function Field({
  path,
  label,
  errors,
  hint,
  className,
  children,
}: {
  path: string;
  label: string;
  errors: FieldErrors;
  hint?: string;
  className?: string;
  children: ReactElement;
}) {
  const id = fieldId(path);
  const error = errors[path];
  return (
    <div className={className ? `form-field ${className}` : 'form-field'}>
      <label htmlFor={id}>{label}</label>
      {children}
      {hint && <span className="form-hint">{hint}</span>}
      {error !== undefined && (
        <span className="form-error" id={`${id}-error`}>
          {error}
        </span>
      )}
    </div>
  );
}

/** A whole-form error (one that names no field), announced when it appears. */
export function FormError({ message }: { message: string | null }): ReactNode {
  if (message === null) return null;
  return (
    <p className="form-error-banner" role="alert">
      {message}
    </p>
  );
}
