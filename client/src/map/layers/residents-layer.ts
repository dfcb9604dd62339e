/**
 * The residents choropleth: the area fill coloured by each area's figure, which the map
 * view puts into the feature state `value` (feature id = area id, from `/api/figures`).
 * Areas without a figure (state missing or negative) stay white; areas with none get
 * the palest step, so "nobody registered" is never confused with "few".
 *
 * Draw order: this is the `fill-color` of `area-fill` (see area-layer.ts).
 */
import type { ExpressionSpecification } from 'maplibre-gl';
import { NO_DATA, RESIDENTS_RAMP, RESIDENTS_ZERO, type ColourClass } from './palette.ts';

/** Feature-state key holding an area's figure; −1 (or absent): no figure. */
export const AREA_VALUE_STATE = 'value';

/** The steps of `RESIDENTS_RAMP` used for `count` classes, spread from light to dark. */
function rampIndices(count: number): number[] {
  const last = RESIDENTS_RAMP.length - 1;
  if (count <= 1) return [Math.round(last / 2)];
  return Array.from({ length: count }, (_, i) => Math.round((i * last) / (count - 1)));
}

/**
 * The classes above zero: the first from just above 0 up to the first break, the last
 * open. `from: 0` of the first class means "more than 0" (0 has its own colour).
 * @param breaks of a quantile `classify` over the positive values, ascending (see features/figures/area-values.ts)
 */
export function residentsClasses(breaks: readonly number[]): ColourClass[] {
  const bounds = [0, ...breaks];
  const colours = rampIndices(bounds.length).map((i) => RESIDENTS_RAMP[i]);
  return bounds.map((from, i) => ({ from, to: bounds[i + 1] ?? null, colour: colours[i] }));
}

/** `['step', value, no data, 0, zero, >0, class 1, b1, class 2, …]` on the feature state. */
export function residentsFillColour(breaks: readonly number[]): ExpressionSpecification {
  const classes = residentsClasses(breaks);
  const steps: Array<number | string> = [0, RESIDENTS_ZERO, Number.MIN_VALUE, classes[0].colour];
  for (const c of classes.slice(1)) steps.push(c.from, c.colour);
  return ['step', ['number', ['feature-state', AREA_VALUE_STATE], -1], NO_DATA, ...steps] as unknown as ExpressionSpecification;
}
