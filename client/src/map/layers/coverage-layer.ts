/**
 * The coverage mode: each area filled with its case manager's colour (one person),
 * pale grey (shared) or white under a red hatching (nobody), plus a mark per gap that
 * stays readable without colour vision because each has its own line style:
 *
 *   no case manager      red hatching + solid red outline
 *   no language match    broad orange band just inside the border
 *   no visit in N days   dashed dark line further inside
 *
 * Inside the border because MVT outer rings run clockwise on screen, so a positive
 * `line-offset` (to the right of the direction) moves a line into its own area: marks of
 * neighbouring areas do not overlap on their shared border.
 *
 * Draw order: `fills` right above `area-fill` (below the Zensus grid); `lines` above the
 * area outlines, below the city boundary and the selection.
 */
import type { ExpressionSpecification, FilterSpecification, LayerSpecification } from 'maplibre-gl';
import type { AreaLayerId } from '../../state/area-layer-id.ts';
import { COVERAGE_NONE_INDEX, COVERAGE_SHARED_INDEX, type CoverageGap } from '../coverage-colouring.ts';
import {
  CASE_MANAGER_HIGHLIGHT,
  COVERAGE_NONE,
  COVERAGE_PALETTE,
  COVERAGE_SHARED,
  GAP_LANGUAGE,
  GAP_NONE,
  GAP_VISIT,
  NO_DATA,
} from './palette.ts';

/** Feature-state key holding an area's coverage index (see coverage-colouring.ts). */
export const AREA_COVERAGE_STATE = 'coverage';
/** Image id of the red hatching (registered by the map view from `hatchPattern`). */
export const GAP_NONE_PATTERN = 'quartiersatlas-hatch-none';

export const COVERAGE_NONE_FILL_ID = 'coverage-none-fill';
export const COVERAGE_HIGHLIGHT_FILL_ID = 'coverage-highlight-fill';
export const COVERAGE_NONE_LINE_ID = 'coverage-none-line';
export const COVERAGE_LANGUAGE_LINE_ID = 'coverage-language-line';
export const COVERAGE_VISIT_LINE_ID = 'coverage-visit-line';
export const COVERAGE_HIGHLIGHT_LINE_ID = 'coverage-highlight-line';

/** Line styles of the gap marks, shared with the legend so that it draws the same. */
export const GAP_LINE_STYLE: Record<CoverageGap, { colour: string; widthPx: number; dash?: number[] }> = {
  no_case_manager: { colour: GAP_NONE, widthPx: 2 },
  no_language_match: { colour: GAP_LANGUAGE, widthPx: 4 },
  no_recent_visit: { colour: GAP_VISIT, widthPx: 1.8, dash: [2, 1.5] },
};

export interface CoverageLayerOptions {
  layer: AreaLayerId;
  /** True in the coverage mode with areas on the map. */
  visible: boolean;
  /** Area ids per gap (see `coverageColouring`). */
  gaps: Readonly<Record<CoverageGap, readonly number[]>>;
  /** Areas of the case manager picked in the table; empty: none picked. */
  highlighted: readonly number[];
}

/** `['match', state, −2, none, −1, shared, 0, colour 0, …, no data]` */
export function coverageFillColour(): ExpressionSpecification {
  const cases: Array<number | string> = [COVERAGE_NONE_INDEX, COVERAGE_NONE, COVERAGE_SHARED_INDEX, COVERAGE_SHARED];
  COVERAGE_PALETTE.forEach((colour, i) => cases.push(i, colour));
  return ['match', ['number', ['feature-state', AREA_COVERAGE_STATE], -99], ...cases, NO_DATA] as unknown as ExpressionSpecification;
}

const idIn = (ids: readonly number[]): FilterSpecification => ['in', ['id'], ['literal', [...ids]]];

export function coverageLayer({ layer, visible, gaps, highlighted }: CoverageLayerOptions): {
  fills: LayerSpecification[];
  lines: LayerSpecification[];
} {
  const source = { source: layer, 'source-layer': layer } as const;
  const visibility = visible ? 'visible' : 'none';
  const gapLine = (id: string, gap: CoverageGap, offsetPx: number): LayerSpecification => {
    const style = GAP_LINE_STYLE[gap];
    return {
      id,
      type: 'line',
      ...source,
      filter: idIn(gaps[gap]),
      layout: { visibility, 'line-join': 'round' },
      paint: {
        'line-color': style.colour,
        'line-width': style.widthPx,
        'line-offset': offsetPx,
        ...(style.dash ? { 'line-dasharray': style.dash } : {}),
      },
    };
  };
  return {
    fills: [
      {
        id: COVERAGE_NONE_FILL_ID,
        type: 'fill',
        ...source,
        filter: idIn(gaps.no_case_manager),
        layout: { visibility },
        paint: { 'fill-pattern': GAP_NONE_PATTERN, 'fill-opacity': 0.9 },
      },
      {
        id: COVERAGE_HIGHLIGHT_FILL_ID,
        type: 'fill',
        ...source,
        filter: idIn(highlighted),
        layout: { visibility },
        paint: { 'fill-color': CASE_MANAGER_HIGHLIGHT, 'fill-opacity': 0.22 },
      },
    ],
    lines: [
      gapLine(COVERAGE_NONE_LINE_ID, 'no_case_manager', 1),
      gapLine(COVERAGE_LANGUAGE_LINE_ID, 'no_language_match', 2.5),
      gapLine(COVERAGE_VISIT_LINE_ID, 'no_recent_visit', 7.5),
      {
        id: COVERAGE_HIGHLIGHT_LINE_ID,
        type: 'line',
        ...source,
        filter: idIn(highlighted),
        layout: { visibility, 'line-join': 'round' },
        paint: { 'line-color': CASE_MANAGER_HIGHLIGHT, 'line-width': 3 },
      },
    ],
  };
}
