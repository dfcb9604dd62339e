/**
 * The residents theme: registered RO+BG residents per area (a count, or per 1,000
 * Zensus inhabitants) as a choropleth, each label with the estimate of unregistered
 * residents as a range; the legend, the selected area's figures card, and the count /
 * per 1,000 switch. Data: `GET /api/figures` of the shown month and of the latest (whose
 * classes every month keeps, so colours stay comparable).
 */
import { useMemo } from 'react';
import { defineTheme, INACTIVE_VIEW, type AreaStates, type ThemeMapLayers, type ThemeView } from '../../app/theme.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { AREA_VALUE_STATE, residentsFillColour } from '../../map/layers/residents-layer.ts';
import { RequestErrorMessage } from '../../ui/request-error.tsx';
import { AreaFiguresCard } from './area-figures-card.tsx';
import { residentClassification, residentLabels, residentValues } from './area-values.ts';
import { ResidentsLegend } from './residents-legend.tsx';
import { residentsUrl, type ResidentsMode, type ResidentsState } from './residents-url-state.ts';
import { useFigures } from './use-figures.ts';
import './figures.css';

const MODES: readonly ResidentsMode[] = ['count', 'per1000'];
const NO_AREAS = { areas: [] };

export const residentsTheme = defineTheme<ResidentsState>({
  id: 'residents',
  label: ({ t }) => t('theme.residents'),
  url: residentsUrl,
  useView(ctx): ThemeView {
    const i18n = useI18n();
    const { t } = i18n;
    const { own, areaLevel, month, latestMonth, dataVersion } = ctx;
    const wanted = ctx.active && ctx.monthsKnown && ctx.areasVisible;
    const isLatest = month === latestMonth;
    const figures = useFigures(wanted ? areaLevel : null, month, dataVersion);
    // Class breaks come from the latest month, so that stepping back keeps colours comparable.
    const reference = useFigures(wanted && !isLatest ? areaLevel : null, latestMonth, dataVersion);
    // Only data of the level on the map counts (the previous level's stays visible while the next loads).
    const list = figures.state.data?.level === areaLevel ? figures.state.data : null;
    const referenceList = isLatest ? list : reference.state.data?.level === areaLevel ? reference.state.data : null;

    // Until the reference month has arrived: one class (as with no values at all).
    const classification = useMemo(() => residentClassification(referenceList ?? NO_AREAS, own.mode)!, [referenceList, own.mode]);
    const breaks = classification.breaks;
    const layers = useMemo(
      (): ThemeMapLayers => ({ areaFill: { colour: residentsFillColour(breaks), opacity: 0.85 }, fills: [], lines: [] }),
      // The breaks' numbers, not the array: a new month with the same classes keeps the layer as it is.
      // eslint-disable-next-line react-hooks/exhaustive-deps
      [breaks.join(',')],
    );
    const level = ctx.level;
    const areaStates = useMemo((): AreaStates | null => {
      if (!list) return null;
      const values = residentValues(list, own.mode);
      return { layer: level, states: new Map([...values].map(([id, value]) => [id, { [AREA_VALUE_STATE]: value }])) };
    }, [list, own.mode, level]);
    const labelDetails = useMemo(() => (list ? residentLabels(list, own.mode, i18n) : null), [list, own.mode, i18n]);

    if (!ctx.active) return INACTIVE_VIEW;
    const update = ctx.update;
    const switcherOptions = (
      <div className="sub-options sub-options-flush" role="radiogroup" aria-label={t('switcher.residentsMode')}>
        {MODES.map((mode) => (
          <label key={mode} className="option option-small">
            <input
              type="radio"
              name="residents-mode"
              value={mode}
              data-testid={`residents-mode-${mode}`}
              checked={own.mode === mode}
              onChange={() => update({ mode })}
            />
            <span className="option-label">{t(`switcher.residents.${mode}`)}</span>
          </label>
        ))}
      </div>
    );
    if (!ctx.areasVisible) return { ...INACTIVE_VIEW, switcherOptions };
    return {
      maps: [{ layers, areaStates, labelDetails, labelDetailsSynthetic: list?.synthetic ?? false }],
      legend: {
        block:
          list && month ? (
            <ResidentsLegend
              mode={own.mode}
              classification={classification}
              month={month}
              referenceMonth={latestMonth}
              synthetic={list.synthetic}
              hasNoData={own.mode === 'per1000' && list.areas.some((a) => !a.zensusPopulation)}
            />
          ) : (
            <p className="legend-block muted small">{t('legend.loading')}</p>
          ),
      },
      panel: {
        cards: (
          <>
            {ctx.url.property === null && list && <AreaFiguresCard list={list} areaId={ctx.url.area} />}
            {figures.state.status === 'error' && (
              <RequestErrorMessage message={t('error.figures')} error={figures.state.error} onRetry={figures.reload} />
            )}
          </>
        ),
      },
      switcherOptions,
      pending: figures.state.status === 'loading',
    };
  },
});
