import { Type, type Static } from 'typebox';
import { Bbox, Locale, Provenance } from './common.ts';
import { AreaLevel } from './area.ts';

export const LevelSummary = Type.Object({
  level: AreaLevel,
  count: Type.Integer(),
  provenance: Type.Union([Provenance, Type.Null()], { description: 'null when the level has no areas' }),
  officialCount: Type.Union([Type.Integer(), Type.Null()], { description: 'How many units the city officially has, where known' }),
});
export type LevelSummary = Static<typeof LevelSummary>;

export const City = Type.Object({
  ags: Type.String({ pattern: '^[0-9]{8}$' }),
  name: Type.String(),
  bbox: Bbox,
  center: Type.Tuple([Type.Number(), Type.Number()]),
  areaKm2: Type.Number(),
  zensusPopulation: Type.Union([Type.Integer(), Type.Null()]),
  levels: Type.Array(LevelSummary),
  /** False when no geometry below the city exists (a new city before its import). */
  hasDistricts: Type.Boolean(),
  hasZensusGrid: Type.Boolean(),
});
export type City = Static<typeof City>;

/** Settings the browser needs; nothing secret. */
export const ClientSettings = Type.Object({
  basemapStyleUrl: Type.Union([Type.String(), Type.Null()], { description: 'null: the self-contained style, no external requests' }),
  defaultLocale: Locale,
  /** Zensus cells with fewer residents are drawn without figures (server/src/privacy.ts). */
  zensusMinResidents: Type.Integer(),
});
export type ClientSettings = Static<typeof ClientSettings>;
