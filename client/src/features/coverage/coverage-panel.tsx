/**
 * The coverage mode's side panel: every case manager (by pseudonym) with employer and
 * funding, languages, FTE and the workload per FTE, sortable by each column. Clicking a
 * row highlights that person's areas on the map (`?cm=` in the URL); clicking it again
 * clears the highlight.
 */
import { useState } from 'react';
import type { CaseManager, Coverage } from '../../../../server/src/schemas/coverage.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import type { MessageKey } from '../../i18n/translate.ts';
import type { RequestResult } from '../../lib/use-request.ts';
import { SortHeader } from '../../ui/sort-header.tsx';
import { ProgressBar } from '../../ui/progress-bar.tsx';
import { ProvenanceBadge } from '../../ui/provenance-badge.tsx';
import { RequestErrorMessage } from '../../ui/request-error.tsx';
import { LanguageBadges } from './language-badges.tsx';
import { defaultDirection, sortCaseManagers, type CaseManagerColumn, type SortDirection } from './sort-case-managers.ts';
import './coverage.css';

export interface CoveragePanelProps {
  request: RequestResult<Coverage>;
  /** Case manager id → colour of the areas they cover alone (from the map's colouring). */
  colours: ReadonlyMap<number, string>;
  selectedId: number | null;
  onSelect: (id: number | null) => void;
}

const COLUMNS: Array<{ column: CaseManagerColumn; label: MessageKey; title: MessageKey; numeric: boolean }> = [
  { column: 'key', label: 'coverage.col.key', title: 'coverage.col.keyTitle', numeric: false },
  { column: 'languages', label: 'coverage.col.languages', title: 'coverage.col.languagesTitle', numeric: false },
  { column: 'fte', label: 'coverage.col.fte', title: 'coverage.col.fteTitle', numeric: true },
  { column: 'residentsPerFte', label: 'coverage.col.residentsPerFte', title: 'coverage.col.residentsPerFteTitle', numeric: true },
  { column: 'unregisteredPerFte', label: 'coverage.col.unregisteredPerFte', title: 'coverage.col.unregisteredPerFteTitle', numeric: true },
  { column: 'visitsPerFte', label: 'coverage.col.visitsPerFte', title: 'coverage.col.visitsPerFteTitle', numeric: true },
];

export function CoveragePanel({ request, colours, selectedId, onSelect }: CoveragePanelProps) {
  const { t, month } = useI18n();
  const [sort, setSort] = useState<{ column: CaseManagerColumn; direction: SortDirection }>({ column: 'key', direction: 'ascending' });
  const { state, reload } = request;
  const coverage = state.data;

  const sortBy = (column: CaseManagerColumn) =>
    setSort((s) =>
      s.column === column ? { column, direction: s.direction === 'ascending' ? 'descending' : 'ascending' } : { column, direction: defaultDirection(column) },
    );

  return (
    <section className="panel-card" data-testid="coverage-panel" aria-labelledby="coverage-panel-title" aria-busy={state.status === 'loading'}>
      <div className="panel-card-header">
        <div className="panel-card-heading">
          <p className="panel-kicker">{coverage ? month(coverage.month) : '\u00a0'}</p>
          <h2 id="coverage-panel-title" className="panel-title panel-title-small">
            {t('coverage.title')} {coverage?.synthetic && <ProvenanceBadge provenance="synthetic" />}
          </h2>
        </div>
      </div>
      {state.status === 'loading' && <ProgressBar label={t('coverage.loading')} />}
      {state.status === 'error' && <RequestErrorMessage message={t('error.coverage')} error={state.error} onRetry={reload} />}
      {coverage && (
        <div className={state.status === 'loading' ? 'panel-body panel-body-dimmed' : 'panel-body'}>
          {coverage.caseManagers.length === 0 ? (
            <p className="muted">{t('coverage.noCaseManagers')}</p>
          ) : (
            <>
              <p className="hint hint-top">{t('coverage.tableHint')}</p>
              <div className="table-scroll">
                <table className="data-table coverage-table" data-testid="coverage-table">
                  <thead>
                    <tr className="group-row">
                      <th colSpan={3} />
                      <th colSpan={3} className="group-heading" scope="colgroup">
                        {t('coverage.perFteGroup')}
                      </th>
                    </tr>
                    <tr>
                      {COLUMNS.map(({ column, label, title, numeric }) => (
                        <SortHeader
                          key={column}
                          numeric={numeric}
                          title={t(title)}
                          direction={sort.column === column ? sort.direction : null}
                          onSort={() => sortBy(column)}
                        >
                          {t(label)}
                        </SortHeader>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {sortCaseManagers(coverage.caseManagers, sort.column, sort.direction).map((cm) => (
                      <CaseManagerRow
                        key={cm.id}
                        cm={cm}
                        colour={colours.get(cm.id) ?? null}
                        selected={cm.id === selectedId}
                        onSelect={() => onSelect(cm.id === selectedId ? null : cm.id)}
                      />
                    ))}
                  </tbody>
                </table>
              </div>
              <p className="hint">{t('coverage.perFte')}</p>
              <p className="hint">
                {t('coverage.rules', { days: coverage.rules.maxDaysWithoutVisit, min: coverage.rules.minResidentsForLanguageNeed })}
              </p>
            </>
          )}
        </div>
      )}
    </section>
  );
}

function CaseManagerRow({ cm, colour, selected, onSelect }: { cm: CaseManager; colour: string | null; selected: boolean; onSelect: () => void }) {
  const { t, decimal, range, integer } = useI18n();
  const employer = `${cm.employer} · ${t(`coverage.funding.${cm.funding}`)}`;
  return (
    <tr className={selected ? 'row-selected' : undefined} data-testid={`coverage-row-${cm.key}`} onClick={onSelect}>
      <th scope="row" className="cm-cell">
        <button
          type="button"
          className="row-button"
          aria-pressed={selected}
          title={t('coverage.highlight', { key: cm.key })}
          onClick={(e) => {
            e.stopPropagation();
            onSelect();
          }}
        >
          <span
            className={colour ? 'cm-swatch' : 'cm-swatch cm-swatch-empty'}
            style={colour ? { background: colour } : undefined}
            title={colour ? undefined : t('coverage.sharedOnly')}
            aria-hidden="true"
          />
          <span className="cm-key">{cm.key}</span>
        </button>
        <span className="cm-employer" title={employer}>
          {employer}
        </span>
      </th>
      <td>
        <LanguageBadges codes={cm.languages} />
      </td>
      <td className="numeric">{decimal(cm.fte, 2)}</td>
      <td className="numeric">{integer(cm.residentsPerFte)}</td>
      <td className="numeric nowrap">{range(cm.unregisteredPerFte)}</td>
      <td className="numeric">{decimal(cm.visitsPerFte, 1)}</td>
    </tr>
  );
}
