/**
 * Zensus 2011 100 m grid: residents per cell, or the share of non-German residents,
 * in classes (see `palette.ts`). Cells under the suppression threshold carry no figures
 * (`suppressed: true`, set by the server: `zensusMinResidents` in server/src/privacy.ts)
 * and are drawn neutral grey: they still show where people live.
 *
 * Draw order: above the area fills, below area outlines and the city boundary.
 */
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import type { ZensusMode } from '../../state/url-state.ts';
import { ZENSUS_SUPPRESSED, zensusClasses } from './palette.ts';

export const ZENSUS_FILL_ID = 'zensus-fill';

export interface ZensusLayerOptions {
  visible: boolean;
  mode: ZensusMode;
  /** The server's suppression threshold (`GET /api/settings`, `zensusMinResidents`). */
  minResidents: number;
}

/** `['step', value, c0, from1, c1, …]`: class colour by the cell's figure. */
export function zensusFillColour(mode: ZensusMode, minResidents: number): ExpressionSpecification {
  const classes = zensusClasses(mode, minResidents);
  const property = mode === 'population' ? 'population' : 'nongerman_share';
  const steps: Array<number | string> = [classes[0].colour];
  for (const c of classes.slice(1)) steps.push(c.from, c.colour);
  return [
    'case',
    ['any', ['boolean', ['get', 'suppressed'], false], ['!', ['has', property]]],
    ZENSUS_SUPPRESSED,
    ['step', ['to-number', ['get', property]], ...steps],
  ] as unknown as ExpressionSpecification;
}

export function zensusLayer({ visible, mode, minResidents }: ZensusLayerOptions): LayerSpecification {
  return {
    id: ZENSUS_FILL_ID,
    type: 'fill',
    source: 'zensus',
    'source-layer': 'zensus',
    layout: { visibility: visible ? 'visible' : 'none' },
    paint: {
      'fill-color': zensusFillColour(mode, minResidents),
      'fill-opacity': 0.85,
      // A faint light seam between cells from zoom 14 on, where cells are ≥ 10 px wide.
      'fill-outline-color': ['interpolate', ['linear'], ['zoom'], 13, 'rgba(255,255,255,0)', 15, 'rgba(255,255,255,0.6)'],
    },
  };
}
