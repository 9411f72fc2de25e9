import { useI18n } from '../i18n/i18n';
import type { Sort } from './sort';

/** A sortable column header: a button that flips the order; aria-sort tells assistive tech the state. */
export function SortHeader<K extends string>({ column, label, sort, onSort }: { column: K; label: string; sort: Sort<K>; onSort: (key: K) => void }) {
  const { t } = useI18n();
  const active = sort.key === column;
  return (
    <th scope="col" aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <button type="button" className="sort-button" onClick={() => onSort(column)} title={t('engagements.sortBy', { column: label })}>
        {label}
        <span aria-hidden="true" className="sort-mark">
          {active ? (sort.dir === 'asc' ? '▲' : '▼') : ''}
        </span>
      </button>
    </th>
  );
}
