/**
 * Residents of one property over all months, as a small SVG: registered Romanian and
 * Bulgarian residents as a line, the estimate of unregistered residents as a shaded band
 * from its low to its high end (never a midpoint), the chosen month marked.
 */
import type { ResidentMonth } from '../../../../server/src/schemas/property.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { bandPaths, linePath, linearScale, monthNumber, niceTicks } from '../../lib/chart-scales.ts';
import './property-panel.css';

const WIDTH = 320;
const HEIGHT = 140;
const MARGIN = { top: 8, right: 10, bottom: 20, left: 30 };

export const CHART_LINE = '#0b4f9c';
export const CHART_BAND = '#ee7733';

export function ResidentsChart({ residents, month }: { residents: ResidentMonth[]; month: string | null }) {
  const { t, integer, range, month: formatMonth } = useI18n();
  if (residents.length === 0) return <p className="muted">{t('property.noResidents')}</p>;

  const sorted = [...residents].sort((a, b) => a.month.localeCompare(b.month));
  const first = monthNumber(sorted[0].month);
  const last = monthNumber(sorted[sorted.length - 1].month);
  const max = Math.max(1, ...sorted.map((r) => Math.max(r.registered.roBg, r.unregistered?.high ?? 0)));
  const ticks = niceTicks(max);
  const x = linearScale([first, last], [MARGIN.left, WIDTH - MARGIN.right]);
  const y = linearScale([0, ticks[ticks.length - 1]], [HEIGHT - MARGIN.bottom, MARGIN.top]);

  // One slot per calendar month, so that a month missing from the data breaks the line.
  const byMonth = new Map(sorted.map((r) => [monthNumber(r.month), r]));
  const slots = Array.from({ length: last - first + 1 }, (_, i) => byMonth.get(first + i) ?? null);
  const line = linePath(slots.map((r) => (r ? ([x(monthNumber(r.month)), y(r.registered.roBg)] as const) : null)));
  const bands = bandPaths(
    slots.map((r) => (r?.unregistered ? { x: x(monthNumber(r.month)), low: y(r.unregistered.low), high: y(r.unregistered.high) } : null)),
  );
  const years = [...new Set(sorted.map((r) => r.month.slice(0, 4)))].filter((year) => monthNumber(`${year}-01`) >= first);
  const current = sorted.find((r) => r.month === month) ?? sorted[sorted.length - 1];
  const cx = x(monthNumber(current.month));

  const summary = t('property.chartSummary', {
    from: formatMonth(sorted[0].month),
    to: formatMonth(sorted[sorted.length - 1].month),
    month: formatMonth(current.month),
    registered: integer(current.registered.roBg),
    unregistered: current.unregistered ? range(current.unregistered) : t('property.noEstimateShort'),
  });

  return (
    <figure className="chart" data-testid="property-residents-chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" role="img" aria-label={summary}>
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(tick)} y2={y(tick)} className="chart-grid" />
            <text x={MARGIN.left - 4} y={y(tick)} className="chart-tick" textAnchor="end" dominantBaseline="middle">
              {integer(tick)}
            </text>
          </g>
        ))}
        {years.map((year) => {
          const yx = x(monthNumber(`${year}-01`));
          return (
            <g key={year}>
              <line x1={yx} x2={yx} y1={HEIGHT - MARGIN.bottom} y2={HEIGHT - MARGIN.bottom + 4} className="chart-axis" />
              <text x={yx} y={HEIGHT - 4} className="chart-tick" textAnchor="middle">
                {year}
              </text>
            </g>
          );
        })}
        {bands.map((d) => (
          <path key={d} d={d} fill={CHART_BAND} fillOpacity={0.28} stroke={CHART_BAND} strokeOpacity={0.6} strokeWidth={0.8} />
        ))}
        <path d={line} fill="none" stroke={CHART_LINE} strokeWidth={1.8} strokeLinejoin="round" />
        <line x1={cx} x2={cx} y1={MARGIN.top} y2={HEIGHT - MARGIN.bottom} className="chart-current" />
        <circle cx={cx} cy={y(current.registered.roBg)} r={3.2} fill={CHART_LINE} stroke="#fff" strokeWidth={1.2} />
      </svg>
      <figcaption className="chart-caption">
        <span className="chart-key">
          <svg width="18" height="10" aria-hidden="true">
            <line x1="1" y1="5" x2="17" y2="5" stroke={CHART_LINE} strokeWidth="2" />
          </svg>
          {t('property.chartRegistered')}
        </span>
        <span className="chart-key">
          <svg width="18" height="10" aria-hidden="true">
            <rect x="1" y="1" width="16" height="8" fill={CHART_BAND} fillOpacity="0.28" stroke={CHART_BAND} strokeOpacity="0.6" />
          </svg>
          {t('property.chartUnregistered')}
        </span>
        <span className="chart-now">{summary}</span>
      </figcaption>
    </figure>
  );
}
