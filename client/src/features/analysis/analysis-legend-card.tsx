/**
 * The analysis map's legend: one row per class with its colour, bounds (or meaning)
 * and the number of units in the shown month, plus "no value". It says where the
 * breaks come from, and for estimates that the colour is the low end of the range.
 */
import type { Indicator } from '../../../../server/src/schemas/analysis.ts';
import type { MessageKey } from '../../i18n/translate.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { NO_DATA } from '../../map/layers/palette.ts';
import type { AnalysisLegend } from './analysis-legend.ts';

export function AnalysisLegendCard({ legend, indicator, synthetic }: { legend: AnalysisLegend; indicator: Indicator; synthetic: boolean }) {
  const { t, integer } = useI18n();
  const none = legend.classes.filter((c) => c < 0).length;
  const warnings = legend.classification?.warnings ?? [];
  return (
    <section className="analysis-legend" data-testid="analysis-legend" aria-label={t('legend.title')}>
      <ul className="legend-list">
        {legend.entries.map((entry, i) => (
          <li key={i} className="legend-item" data-testid="analysis-legend-entry">
            <span className="swatch" style={{ background: entry.colour }} aria-hidden="true" />
            <span className="legend-label">
              {t(entry.label.key as MessageKey, entry.label.params)}
              {entry.sdLabel && <span className="muted"> ({t(entry.sdLabel.key as MessageKey, entry.sdLabel.params)})</span>}
            </span>
            <span className="legend-count">{integer(entry.count)}</span>
          </li>
        ))}
        {none > 0 && (
          <li className="legend-item">
            <span className="swatch swatch-outlined" style={{ background: NO_DATA }} aria-hidden="true" />
            <span className="legend-label">{t(legend.kind === 'classes' ? 'analysis.legend.noValue' : 'analysis.legend.noResult')}</span>
            <span className="legend-count">{integer(none)}</span>
          </li>
        )}
      </ul>
      {warnings.map((w) => (
        <p key={w} className="hint">
          {t(w as MessageKey, { classes: legend.classification?.classes ?? 0, requested: legend.classification?.requestedClasses ?? 0 })}
        </p>
      ))}
      <p className="hint">
        {legend.kind === 'classes' ? t('analysis.legend.breaksAllMonths') : t(`analysis.legend.${legend.kind}`)}
        {indicator === 'unregistered' && legend.kind === 'classes' ? ` ${t('analysis.legend.rangeLow')}` : ''}
        {synthetic ? ` ${t('analysis.legend.synthetic')}` : ''}
      </p>
    </section>
  );
}
