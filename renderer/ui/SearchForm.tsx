import type { KeyboardEvent } from 'react';

type Props = {
  id: string;
  label: string;
  placeholder: string;
  value: string;
  onChange: (value: string) => void;
  /** Enter in the box; without it, Enter does nothing (the results follow the typing). */
  onSubmit?: () => void;
  onKeyDown?: (event: KeyboardEvent<HTMLInputElement>) => void;
};

/** A page's search box: a labelled search landmark with one input, no autocomplete or spellcheck. */
export function SearchForm({ id, label, placeholder, value, onChange, onSubmit, onKeyDown }: Props) {
  return (
    <form
      role="search"
      className="kb-search"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit?.();
      }}
    >
      <label className="visually-hidden" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        type="search"
        className="search-input"
        value={value}
        placeholder={placeholder}
        autoComplete="off"
        spellCheck={false}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={onKeyDown}
      />
    </form>
  );
}
