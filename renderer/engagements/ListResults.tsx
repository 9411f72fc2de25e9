import type { KeyboardEvent, ReactNode } from 'react';
import type { QueryHandle } from '../data/use-query';
import { ErrorView, Loading } from '../app/StateViews';

/** The free-text filter of a list page; ArrowDown from it moves into the rows (onKeyDown). */
export function FilterText({
  label,
  placeholder,
  value,
  onChange,
  onKeyDown,
}: {
  label: string;
  placeholder: string;
  value: string;
  onChange: (value: string) => void;
  onKeyDown: (event: KeyboardEvent<HTMLInputElement>) => void;
}) {
  return (
    <label className="filter-field grow">
      <span className="field-label">{label}</span>
      <input
        type="search"
        value={value}
        placeholder={placeholder}
        autoComplete="off"
        spellCheck={false}
        maxLength={200}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={onKeyDown}
      />
    </label>
  );
}

/**
 * Below a list's filters: the count of matching rows and the keyboard hint, then the rows
 * (children) or what stands in for them — the call's error, loading, or "no matches".
 */
export function ListResults<T>({
  list,
  rows,
  count,
  hint,
  noMatches,
  children,
}: {
  list: QueryHandle<unknown>;
  /** The sorted rows, null until the first answer. */
  rows: T[] | null;
  count: (n: number) => string;
  hint: string;
  noMatches: string;
  children: (rows: T[]) => ReactNode;
}) {
  return (
    <>
      <div className="results-bar">
        <p className="result-count" role="status">
          {rows && list.status !== 'error' ? count(rows.length) : ''}
        </p>
        <span className="muted list-hint">{hint}</span>
      </div>
      {list.status === 'error' ? (
        <ErrorView message={list.error} onRetry={list.reload} />
      ) : rows === null ? (
        <Loading />
      ) : rows.length === 0 ? (
        <p className="empty-results">{noMatches}</p>
      ) : (
        children(rows)
      )}
    </>
  );
}
