/**
 * The three sub-city area levels as map layer ids. The server names tile layers by
 * these ids (`/tiles/quarters/{z}/{x}/{y}.mvt`); the domain names the level
 * (`AreaDetail.level`). This module is the one place that maps between the two.
 */
import type { AreaLevel } from '../../../server/src/schemas/area.ts';
import type { LayerId } from '../../../server/src/schemas/layer.ts';

export type AreaLayerId = Extract<LayerId, 'boroughs' | 'quarters' | 'districts'>;

/** Coarse to fine: Stadtbezirke, Ortsteile, statistische Bezirke. */
export const AREA_LAYER_IDS: readonly AreaLayerId[] = ['boroughs', 'quarters', 'districts'];

const LEVEL_OF_LAYER: Record<AreaLayerId, AreaLevel> = { boroughs: 'borough', quarters: 'quarter', districts: 'district' };

export function levelOfAreaLayer(id: AreaLayerId): AreaLevel {
  return LEVEL_OF_LAYER[id];
}

/** The tile layer that draws areas of `level`; the city boundary is its own layer. */
export function tileLayerOfLevel(level: AreaLevel): Extract<LayerId, 'city' | AreaLayerId> {
  if (level === 'city') return 'city';
  return AREA_LAYER_IDS.find((id) => LEVEL_OF_LAYER[id] === level)!;
}

export function isAreaLayerId(value: unknown): value is AreaLayerId {
  return typeof value === 'string' && (AREA_LAYER_IDS as readonly string[]).includes(value);
}
