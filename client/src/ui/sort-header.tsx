/**
 * A sortable column heading: a button that sorts by the column (again: the other way),
 * the direction as ▲/▼ and as `aria-sort` for screen readers.
 */
import type { ReactNode } from 'react';
import './sort-header.css';

export type SortDirection = 'ascending' | 'descending';

export interface SortHeaderProps {
  /** Shown direction when this column sorts the table; null: another column does. */
  direction: SortDirection | null;
  numeric?: boolean;
  title?: string;
  testId?: string;
  onSort: () => void;
  children: ReactNode;
}

export function SortHeader({ direction, numeric = false, title, testId, onSort, children }: SortHeaderProps) {
  return (
    <th scope="col" className={numeric ? 'numeric' : undefined} aria-sort={direction ?? 'none'}>
      <button type="button" className="sort-button" title={title} data-testid={testId} onClick={onSort}>
        {children}
        <span className="sort-mark" aria-hidden="true">
          {direction === null ? '' : direction === 'ascending' ? '▲' : '▼'}
        </span>
      </button>
    </th>
  );
}
