/** What the pointer is over on the map; read by the tooltip only. */
import { createStore } from './create-store.ts';

export interface HoveredCell {
  /** True when the cell has fewer than 30 residents; then no figures are published. */
  suppressed: boolean;
  population: number | null;
  /** 0..1 */
  nongermanShare: number | null;
}

export interface HoverTarget {
  /** Pointer position in CSS pixels relative to the map container. */
  x: number;
  y: number;
  areaName: string | null;
  cell: HoveredCell | null;
}

export const hoverStore = createStore<HoverTarget | null>(null);
