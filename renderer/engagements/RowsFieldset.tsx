import { useRef, type ReactNode } from 'react';
import { FormError } from '../ui/Field';

/**
 * A form's list of repeated rows (a customer's contacts, an engagement's team): each row a
 * numbered group of fields with a remove button, the list's own error, and an add button that
 * is disabled at the limit. Removing a row moves focus to the add button so it is not lost.
 */
export function RowsFieldset<R extends { key: string }>({
  legend,
  emptyText,
  rows,
  max,
  error,
  addLabel,
  removeLabel,
  onAdd,
  onRemove,
  children,
}: {
  legend: string;
  emptyText: string;
  rows: readonly R[];
  max: number;
  error: string | null;
  addLabel: string;
  removeLabel: (row: R, index: number) => string;
  onAdd: () => void;
  onRemove: (key: string) => void;
  /** The fields of one row. */
  children: (row: R) => ReactNode;
}) {
  const addButton = useRef<HTMLButtonElement>(null);
  return (
    <fieldset className="rows-fieldset">
      <legend>{legend}</legend>
      {rows.length === 0 && <p className="muted">{emptyText}</p>}
      {rows.map((row, index) => (
        <div className="form-row row-item" key={row.key} role="group" aria-label={`${legend} ${index + 1}`}>
          {children(row)}
          <button
            type="button"
            className="row-remove"
            onClick={() => {
              onRemove(row.key);
              addButton.current?.focus();
            }}
            aria-label={removeLabel(row, index)}
          >
            ×
          </button>
        </div>
      ))}
      <FormError message={error} />
      <button type="button" ref={addButton} onClick={onAdd} disabled={rows.length >= max}>
        + {addLabel}
      </button>
    </fieldset>
  );
}
