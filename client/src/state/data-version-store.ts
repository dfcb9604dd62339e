/**
 * Counts successful imports. Data hooks put the version into their request key, so an
 * import reloads every figure, list and map source that may have changed; an areas
 * import also changes the geometry, so it bumps `areas` too (tiles, shapes, the city).
 */
import type { ImportKind } from '../../../server/src/schemas/import.ts';
import { createStore } from './create-store.ts';

export interface DataVersion {
  /** Any import. */
  data: number;
  /** Imports of area geometry. */
  areas: number;
}

export const dataVersionStore = createStore<DataVersion>({ data: 0, areas: 0 });

export function bumpDataVersion(kind: ImportKind): void {
  const current = dataVersionStore.get();
  dataVersionStore.set({ data: current.data + 1, areas: current.areas + (kind === 'areas' ? 1 : 0) });
}
