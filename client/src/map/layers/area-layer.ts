/**
 * One area level (Stadtbezirke, Ortsteile or statistische Bezirke) as fill + outline,
 * with a hover highlight through feature-state (feature id = area id).
 *
 * Draw order: `area-fill` lies below the Zensus grid (so cell colours stay true);
 * `area-line` and `area-hover` lie above it, so borders stay visible over the grid.
 */
import type { DataDrivenPropertyValueSpecification, ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import type { Provenance } from '../../../../server/src/schemas/common.ts';
import type { AreaLayerId } from '../../state/area-layer-id.ts';
import { AREA_FILL_UNCOLOURED, AREA_LINE, AREA_PALETTE, HOVER_LINE } from './palette.ts';

export const AREA_FILL_ID = 'area-fill';
export const AREA_LINE_ID = 'area-line';
export const AREA_HOVER_ID = 'area-hover';

export interface AreaLayerOptions {
  layer: AreaLayerId;
  /** Provenance of the level; non-official borders are dashed so they never pass for official ones. */
  provenance: Provenance | null;
  /** Feature id → index into `AREA_PALETTE` (see `area-colouring.ts`); empty until known. */
  colouring: ReadonlyMap<number, number>;
  /** With the grid on, fills fade to a tint so the grid's colours stay readable. */
  zensusVisible: boolean;
  /** False when the level holds no areas or the user has no level to show. */
  visible: boolean;
  /**
   * A thematic fill instead of the neutral one (residents, coverage): its colour
   * expression and opacity (0–1). @default areaFillColour(colouring) at 0.55
   */
  thematic?: { colour: DataDrivenPropertyValueSpecification<string>; opacity: number };
}

const HOVERED: ExpressionSpecification = ['boolean', ['feature-state', 'hover'], false];

/** `['match', ['id'], 1, '#77aadd', 2, '#ee8866', …, fallback]` */
export function areaFillColour(colouring: ReadonlyMap<number, number>): DataDrivenPropertyValueSpecification<string> {
  if (colouring.size === 0) return AREA_FILL_UNCOLOURED;
  const cases: Array<number | string> = [];
  for (const [id, index] of [...colouring].sort((a, b) => a[0] - b[0])) {
    cases.push(id, AREA_PALETTE[index % AREA_PALETTE.length]);
  }
  return ['match', ['id'], ...cases, AREA_FILL_UNCOLOURED] as unknown as ExpressionSpecification;
}

/** Dash pattern (in line widths) per provenance; official borders are solid. */
export function areaDashArray(provenance: Provenance | null): number[] | undefined {
  if (provenance === 'synthetic') return [2, 1.5];
  if (provenance === 'approximate') return [5, 1.5];
  return undefined;
}

export function areaLayer({ layer, provenance, colouring, zensusVisible, visible, thematic }: AreaLayerOptions): {
  fill: LayerSpecification;
  lines: LayerSpecification[];
} {
  const source = { source: layer, 'source-layer': layer } as const;
  const visibility = visible ? 'visible' : 'none';
  const baseOpacity = zensusVisible ? 0.08 : (thematic?.opacity ?? 0.55);
  const dash = areaDashArray(provenance);
  return {
    fill: {
      id: AREA_FILL_ID,
      type: 'fill',
      ...source,
      layout: { visibility },
      paint: {
        'fill-color': thematic?.colour ?? areaFillColour(colouring),
        // A thematic fill is already strong: hover lifts it a little, the outline does the rest.
        'fill-opacity': ['case', HOVERED, Math.min(baseOpacity + (thematic ? 0.12 : 0.25), 0.95), baseOpacity],
      },
    },
    lines: [
      {
        id: AREA_LINE_ID,
        type: 'line',
        ...source,
        layout: { visibility, 'line-join': 'round' },
        paint: {
          'line-color': AREA_LINE,
          'line-width': ['interpolate', ['linear'], ['zoom'], 10, 0.8, 15, 2],
          ...(dash ? { 'line-dasharray': dash } : {}),
        },
      },
      {
        id: AREA_HOVER_ID,
        type: 'line',
        ...source,
        layout: { visibility, 'line-join': 'round' },
        paint: {
          'line-color': HOVER_LINE,
          'line-width': ['interpolate', ['linear'], ['zoom'], 10, 2, 15, 3.5],
          'line-opacity': ['case', HOVERED, 1, 0],
        },
      },
    ],
  };
}
