/**
 * The selected unit against the city over all months, as two small panels on one time
 * axis (small multiples): a district's 40 residents and the city's 3,839 cannot share a
 * y axis without flattening one of them, and two y axes in one panel invite false
 * readings. Estimates are a band from low to high, never a line through a midpoint.
 * A click on a month selects it (the map follows).
 */
import type { Range } from '../../../../server/src/schemas/common.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { bandPaths, linePath, linearScale, niceDomainTicks } from '../../lib/chart-scales.ts';
import './analysis.css';

const WIDTH = 320;
const PANEL_HEIGHT = 96;
const MARGIN = { top: 14, right: 10, bottom: 6, left: 38 };
const AXIS_HEIGHT = 18;
export const UNIT_LINE = '#0b4f9c';
export const CITY_LINE = '#555555';
const BAND = '#ee7733';

export interface ChartPoint {
  value: number | null;
  range: Range | null;
}

export interface TrendChartProps {
  months: readonly string[];
  /** The selected unit's points (null: nothing selected, the city alone is drawn). */
  unit: { name: string; points: readonly ChartPoint[] } | null;
  city: { name: string; points: readonly ChartPoint[] };
  month: string;
  /** Decimals of the indicator's values. */
  digits: number;
  onSelectMonth: (month: string) => void;
}

export function TrendChart({ months, unit, city, month, digits, onSelectMonth }: TrendChartProps) {
  const { t, decimal, month: formatMonth } = useI18n();
  const panels = unit ? [{ ...unit, colour: UNIT_LINE }, { ...city, colour: CITY_LINE }] : [{ ...city, colour: CITY_LINE }];
  const height = panels.length * PANEL_HEIGHT + AXIS_HEIGHT;
  const x = linearScale([0, Math.max(1, months.length - 1)], [MARGIN.left, WIDTH - MARGIN.right]);
  const current = Math.max(0, months.indexOf(month));
  const years = months.flatMap((m, i) => (m.endsWith('-01') ? [{ year: m.slice(0, 4), i }] : []));

  const summary = panels
    .map((p) => {
      const point = p.points[current];
      const text = point?.range ? decimalRange(point.range, digits, decimal) : point?.value != null ? decimal(point.value, digits) : '–';
      return `${p.name}: ${text}`;
    })
    .join('; ');

  // A click anywhere in the plot picks the nearest month.
  const pick = (event: React.MouseEvent<SVGSVGElement>) => {
    const svg = event.currentTarget;
    const box = svg.getBoundingClientRect();
    const px = ((event.clientX - box.left) / box.width) * WIDTH;
    const i = Math.round(((px - MARGIN.left) / (WIDTH - MARGIN.left - MARGIN.right)) * (months.length - 1));
    if (i >= 0 && i < months.length) onSelectMonth(months[i]);
  };

  return (
    <figure className="chart trend-chart" data-testid="trend-chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        width="100%"
        role="img"
        aria-label={t('analysis.chart.summary', { month: formatMonth(month), values: summary })}
        onClick={pick}
        style={{ cursor: 'pointer' }}
      >
        {panels.map((panel, p) => {
          const top = p * PANEL_HEIGHT;
          const numbers = panel.points.flatMap((pt) => (pt.range ? [pt.range.low, pt.range.high] : pt.value !== null ? [pt.value] : []));
          const ticks = niceDomainTicks(Math.min(0, ...numbers), Math.max(0, ...numbers), 3);
          const y = linearScale([ticks[0], ticks[ticks.length - 1]], [top + PANEL_HEIGHT - MARGIN.bottom, top + MARGIN.top]);
          const line = linePath(panel.points.map((pt, i) => (pt.value === null ? null : ([x(i), y(pt.value)] as const))));
          const bands = bandPaths(panel.points.map((pt, i) => (pt.range ? { x: x(i), low: y(pt.range.low), high: y(pt.range.high) } : null)));
          const now = panel.points[current];
          return (
            <g key={panel.name} data-testid={p === 0 && unit ? 'trend-chart-unit' : 'trend-chart-city'}>
              <text x={MARGIN.left} y={top + 10} className="chart-title" fill={panel.colour}>
                {panel.name}
              </text>
              {ticks.map((tick) => (
                <g key={tick}>
                  <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(tick)} y2={y(tick)} className={tick === 0 ? 'chart-axis' : 'chart-grid'} />
                  <text x={MARGIN.left - 4} y={y(tick)} className="chart-tick" textAnchor="end" dominantBaseline="middle">
                    {decimal(tick, 2)}
                  </text>
                </g>
              ))}
              {bands.map((d) => (
                <path key={d} d={d} fill={BAND} fillOpacity={0.28} stroke={BAND} strokeOpacity={0.6} strokeWidth={0.8} />
              ))}
              <path d={line} fill="none" stroke={panel.colour} strokeWidth={1.8} strokeLinejoin="round" />
              {now?.value != null && <circle cx={x(current)} cy={y(now.value)} r={3.2} fill={panel.colour} stroke="#fff" strokeWidth={1.2} />}
            </g>
          );
        })}
        <line x1={x(current)} x2={x(current)} y1={MARGIN.top} y2={height - AXIS_HEIGHT} className="chart-current" />
        {years.map(({ year, i }) => (
          <g key={year}>
            <line x1={x(i)} x2={x(i)} y1={height - AXIS_HEIGHT} y2={height - AXIS_HEIGHT + 4} className="chart-axis" />
            <text x={x(i)} y={height - 4} className="chart-tick" textAnchor="middle">
              {year}
            </text>
          </g>
        ))}
      </svg>
      <figcaption className="chart-caption">{t('analysis.chart.caption')}</figcaption>
    </figure>
  );
}

function decimalRange(range: Range, digits: number, decimal: (v: number, d?: number) => string): string {
  return `${decimal(range.low, digits)}–${decimal(range.high, digits)}`;
}
