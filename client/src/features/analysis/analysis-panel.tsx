/**
 * The analysis theme's side panel, top to bottom: what is shown (controls), when (the
 * month player), how it was computed (progress, refusal, method card), the selected
 * unit against the city over time, and the table of every unit. Selecting in the table
 * or the chart and on the map are the same action (cross-filter both ways).
 */
import { useI18n } from '../../i18n/use-i18n.ts';
import type { AreaLayerId } from '../../state/area-layer-id.ts';
import type { AnalysisState } from './analysis-url-state.ts';
import { ProgressBar } from '../../ui/progress-bar.tsx';
import { ProvenanceBadge } from '../../ui/provenance-badge.tsx';
import { RequestErrorMessage } from '../../ui/request-error.tsx';
import { AnalysisControls } from './analysis-controls.tsx';
import type { AnalysisRow } from './analysis-rows.ts';
import { seriesOf } from './analysis-rows.ts';
import { AnalysisTable } from './analysis-table.tsx';
import { MethodCard } from './method-card.tsx';
import { MonthPlayer } from './month-player.tsx';
import { TrendChart } from './trend-chart.tsx';
import { indicatorDigits, type AnalysisView } from './use-analysis-view.ts';
import './analysis.css';

export interface AnalysisPanelProps {
  view: AnalysisView;
  settings: AnalysisState;
  levels: readonly AreaLayerId[];
  level: AreaLayerId;
  cityName: string;
  /** Id of the selected unit (area id as text, or H3 index), or null. */
  selectedId: string | null;
  onChange: (patch: Partial<AnalysisState>) => void;
  onLevel: (level: AreaLayerId) => void;
  onSelectRow: (row: AnalysisRow) => void;
  onSelectMonth: (month: string) => void;
}

export function AnalysisPanel(props: AnalysisPanelProps) {
  const { view, settings } = props;
  const { t, month: formatMonth, integer } = useI18n();
  const series = view.series.state.data?.level === view.level ? view.series.state.data : null;
  const digits = indicatorDigits(settings.indicator);
  const selectedRow = view.rows.find((r) => r.id === props.selectedId) ?? null;
  const chart = series ? seriesOf(series, selectedRow?.id ?? null, settings.indicator) : null;
  const legend = view.legend;
  const classOf = (row: AnalysisRow) => {
    const index = legend?.classes[view.rows.indexOf(row)] ?? -1;
    const entry = index >= 0 ? legend?.entries[index] : undefined;
    return entry ? { colour: entry.colour, label: t(entry.label.key as never, entry.label.params) } : null;
  };
  const statisticAsked = settings.statistic !== 'none' && settings.indicator !== 'unregistered';

  return (
    <>
      <section className="panel-card analysis-panel" data-testid="analysis-panel" aria-labelledby="analysis-title" aria-busy={view.pending}>
        <div className="panel-card-header">
          <div className="panel-card-heading">
            <p className="panel-kicker">{view.month ? formatMonth(view.month) : '\u00a0'}</p>
            <h2 id="analysis-title" className="panel-title panel-title-small">
              {t('analysis.title')} {series && (series.synthetic || series.provenance === 'synthetic') && <ProvenanceBadge provenance="synthetic" />}
              {series && series.provenance === 'approximate' && <ProvenanceBadge provenance="approximate" />}
            </h2>
          </div>
        </div>
        <div className="panel-body">
          <AnalysisControls settings={settings} levels={props.levels} level={props.level} onChange={props.onChange} onLevel={props.onLevel} />
          {series && view.month && series.months.length > 0 && (
            <>
              <MonthPlayer months={series.months} month={view.month} onChange={props.onSelectMonth} pending={view.pending} />
              <label className="field compare-field">
                <span className="field-label">{t('analysis.compare')}</span>
                <select
                  data-testid="analysis-compare"
                  value={settings.compareMonth ?? ''}
                  onChange={(e) => props.onChange({ compareMonth: e.target.value === '' ? null : e.target.value })}
                >
                  <option value="">{t('analysis.compare.none')}</option>
                  {[...series.months].reverse().map((m) => (
                    <option key={m} value={m}>
                      {formatMonth(m)}
                    </option>
                  ))}
                </select>
              </label>
            </>
          )}
          {view.series.state.status === 'loading' && <ProgressBar label={t('app.loading')} />}
          {view.series.state.status === 'error' && (
            <RequestErrorMessage message={t('analysis.error.series')} error={view.series.state.error} onRetry={view.series.reload} />
          )}
          {statisticAsked && view.hotspots.state.status === 'loading' && (
            <div className="analysis-progress" data-testid="hotspot-progress">
              <ProgressBar label={t('analysis.computing', { permutations: integer(settings.permutations) })} />
              <p className="muted small">{t('analysis.computing', { permutations: integer(settings.permutations) })}</p>
            </div>
          )}
          {statisticAsked && view.hotspots.state.status === 'error' && (
            <RequestErrorMessage message={t('analysis.error.hotspots')} error={view.hotspots.state.error} onRetry={view.hotspots.reload} />
          )}
        </div>
      </section>

      {view.result && <MethodCard card={view.result.card} global={view.result.global} refusal={view.result.refusal} />}

      {chart && series && view.month && (
        <section className="panel-card" aria-labelledby="trend-chart-title">
          <div className="panel-body">
            <h3 id="trend-chart-title" className="section-title">
              {t(`analysis.indicator.${settings.indicator}`)}
            </h3>
            <TrendChart
              months={series.months}
              unit={selectedRow && chart.unit ? { name: selectedRow.name, points: chart.unit } : null}
              city={{ name: props.cityName, points: chart.city }}
              month={view.month}
              digits={digits}
              onSelectMonth={props.onSelectMonth}
            />
          </div>
        </section>
      )}
      {view.rows.length > 0 && (
        <section className="panel-card" aria-label={t('analysis.table')}>
          <AnalysisTable
            rows={view.rows}
            selectedId={props.selectedId}
            digits={digits}
            classOf={classOf}
            withStatistic={statisticAsked}
            onSelect={props.onSelectRow}
          />
        </section>
      )}
    </>
  );
}
