/**
 * The text twin of the map: every unit with the figure the map colours it by and, when
 * a statistic ran, z, p, its class and trend. Sortable by each column. A click on a row
 * selects the unit (the map highlights it, the chart shows it); the selected row is
 * marked and scrolled into view when the selection comes from the map.
 */
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../i18n/use-i18n.ts';
import { SortHeader } from '../../ui/sort-header.tsx';
import type { AnalysisRow } from './analysis-rows.ts';
import { formatP } from './method-card.tsx';
import { defaultDirection, sortAnalysisRows, type AnalysisColumn, type SortDirection } from './sort-analysis-rows.ts';
import './analysis.css';

export interface AnalysisTableProps {
  rows: readonly AnalysisRow[];
  /** Id of the selected unit, or null. */
  selectedId: string | null;
  /** Decimals of the values. */
  digits: number;
  /** Class label and colour of a row (the map's legend entry). */
  classOf: (row: AnalysisRow) => { label: string; colour: string } | null;
  /** Whether hotspot columns (z, p, trend) are shown. */
  withStatistic: boolean;
  onSelect: (row: AnalysisRow) => void;
}

export function AnalysisTable({ rows, selectedId, digits, classOf, withStatistic, onSelect }: AnalysisTableProps) {
  const { t, decimal, range } = useI18n();
  const [sort, setSort] = useState<{ column: AnalysisColumn; direction: SortDirection }>({ column: 'value', direction: 'descending' });
  const selectedRef = useRef<HTMLTableRowElement>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const sortBy = (column: AnalysisColumn) =>
    setSort((s) => (s.column === column ? { column, direction: s.direction === 'ascending' ? 'descending' : 'ascending' } : { column, direction: defaultDirection(column) }));

  // Scroll the table (not the page) so that a unit chosen on the map shows its row.
  useEffect(() => {
    const row = selectedRef.current;
    const box = scrollRef.current;
    if (!row || !box) return;
    const header = box.querySelector('thead')?.getBoundingClientRect().height ?? 0;
    const top = row.offsetTop - header;
    if (top < box.scrollTop || row.offsetTop + row.offsetHeight > box.scrollTop + box.clientHeight) box.scrollTop = Math.max(0, top - box.clientHeight / 3);
  }, [selectedId]);

  const columns: AnalysisColumn[] = withStatistic ? ['name', 'value', 'class', 'z', 'p', 'trend'] : ['name', 'value', 'class'];
  return (
    <div className="table-scroll analysis-table-scroll" ref={scrollRef}>
      <table className="data-table analysis-table" data-testid="analysis-table">
        <thead>
          <tr>
            {columns.map((column) => (
              <SortHeader
                key={column}
                numeric={column !== 'name'}
                testId={`analysis-sort-${column}`}
                direction={sort.column === column ? sort.direction : null}
                onSort={() => sortBy(column)}
              >
                {t(`analysis.table.${column}`)}
              </SortHeader>
            ))}
          </tr>
        </thead>
        <tbody>
          {sortAnalysisRows(rows, sort.column, sort.direction).map((row) => {
            const selected = row.id === selectedId;
            const cls = classOf(row);
            const h = row.hotspot;
            return (
              <tr
                key={row.id}
                ref={selected ? selectedRef : undefined}
                className={selected ? 'row-selected' : undefined}
                data-testid={`analysis-row-${row.id}`}
                aria-selected={selected}
                onClick={() => onSelect(row)}
              >
                <th scope="row">{row.name}</th>
                <td className="numeric">{row.range ? range(row.range, digits) : row.value !== null ? decimal(row.value, digits) : '–'}</td>
                <td className="class-cell">
                  {cls ? (
                    <>
                      <span className="swatch" style={{ background: cls.colour }} aria-hidden="true" />
                      {cls.label}
                    </>
                  ) : (
                    (h?.note ?? '–')
                  )}
                </td>
                {withStatistic && <td className="numeric">{h?.z != null ? decimal(h.z, 2) : '–'}</td>}
                {withStatistic && <td className="numeric">{h?.pDecision != null ? formatP(h.pDecision, decimal) : '–'}</td>}
                {withStatistic && <td>{h?.trend ? t(`analysis.trend.${h.trend.category}`) + (h.trend.direction ? ` (${t(`analysis.trend.${h.trend.direction}`)})` : '') : '–'}</td>}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
