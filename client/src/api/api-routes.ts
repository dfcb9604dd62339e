/**
 * Every URL of our server the client asks for, built by one named function per route,
 * so that no path is written by hand anywhere else (a test scans for `/api/` and `/tiles/`
 * literals outside this folder). Parameters at null are left out (the server's default).
 * The paths are relative; the map gets absolute ones (`tileRoutes`), as MapLibre needs.
 */
import type { Static } from 'typebox';
import type { AnalysisLevel, HotspotQuery } from '../../../server/src/schemas/analysis.ts';
import type { CoverageQuery } from '../../../server/src/schemas/coverage.ts';
import type { FiguresQuery } from '../../../server/src/schemas/figures.ts';
import type { ImportKind } from '../../../server/src/schemas/import.ts';
import type { LayerId } from '../../../server/src/schemas/layer.ts';
import { withQuery } from '../lib/versioned-url.ts';

type Nullable<T> = { [K in keyof T]-?: T[K] | null };

export type FiguresParams = { level: Static<typeof FiguresQuery>['level']; month: string | null };
export type CoverageParams = { level: Static<typeof CoverageQuery>['level']; month: string | null };
export type HotspotParams = Pick<HotspotQuery, 'layer' | 'level' | 'method'> & Nullable<Omit<HotspotQuery, 'layer' | 'level' | 'method'>>;

export const apiRoutes = {
  city: () => '/api/city',
  settings: () => '/api/settings',
  layers: () => '/api/layers',
  /** The full geometry of one layer. */
  layerGeojson: (layer: LayerId) => `/api/layers/${encodeURIComponent(layer)}.geojson`,
  area: (id: number) => `/api/areas/${id}`,
  months: () => '/api/months',
  figures: ({ level, month }: FiguresParams) => withQuery('/api/figures', { level, month }),
  /** The same figures as a CSV download. */
  figuresCsv: ({ level, month }: FiguresParams) => withQuery('/api/figures.csv', { level, month }),
  /** @param bbox `west,south,east,north` in degrees */
  summary: ({ bbox, month }: { bbox: string; month: string | null }) => withQuery('/api/summary', { bbox, month }),
  propertiesGeojson: ({ month }: { month: string | null }) => withQuery('/api/properties.geojson', { month }),
  property: (id: number, { month }: { month: string | null }) => withQuery(`/api/properties/${id}`, { month }),
  coverage: ({ level, month }: CoverageParams) => withQuery('/api/coverage', { level, month }),
  analysisSeries: ({ level }: { level: AnalysisLevel }) => withQuery('/api/analysis/series', { level }),
  /** The H3 hexagons covering the city. */
  analysisUnits: ({ level }: { level: AnalysisLevel }) => withQuery('/api/analysis/units.geojson', { level }),
  hotspots: (params: HotspotParams) =>
    withQuery('/api/analysis/hotspots', { ...params, fdr: params.fdr === null ? null : String(params.fdr) }),
  importFile: (kind: ImportKind, { dryRun }: { dryRun: boolean }) =>
    withQuery(`/api/imports/${encodeURIComponent(kind)}`, { dryRun: String(dryRun) }),
};

/** Vector tile URLs, absolute: `origin` is the page's (`location.origin`). */
export const tileRoutes = {
  /** TileJSON 3.0 of one layer. */
  tileJson: (origin: string, layer: LayerId) => `${origin}/tiles/${layer}.json`,
  /** The `{z}/{x}/{y}` template MapLibre fills in. */
  tiles: (origin: string, layer: LayerId) => `${origin}/tiles/${layer}/{z}/{x}/{y}.mvt`,
};
