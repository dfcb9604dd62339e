/** What the pointer is over on the map; read by the tooltip only. */
import type { PropertyStatus } from '../../../server/src/schemas/property.ts';
import { createStore } from './create-store.ts';

export interface HoveredCell {
  /** True when the cell is under the server's suppression threshold; then it has no figures. */
  suppressed: boolean;
  population: number | null;
  /** 0..1 */
  nongermanShare: number | null;
}

export interface HoveredProperty {
  address: string;
  /** null: no procedure. */
  status: PropertyStatus | null;
  isProblem: boolean;
  /** From a synthetic dataset: the tooltip says so. */
  synthetic: boolean;
}

export interface HoveredCluster {
  /** Properties in the cluster. */
  count: number;
  /** Problem properties among them. */
  problems: number;
}

export interface HoverTarget {
  /** Pointer position in CSS pixels relative to the map container. */
  x: number;
  y: number;
  areaName: string | null;
  /** The figure the area's label carries in the thematic mode (e.g. "312 (+40–65)"). */
  areaDetail: string | null;
  /** The figure comes from a synthetic dataset. */
  areaDetailSynthetic: boolean;
  cell: HoveredCell | null;
  property: HoveredProperty | null;
  cluster: HoveredCluster | null;
}

export const hoverStore = createStore<HoverTarget | null>(null);
