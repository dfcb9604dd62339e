/**
 * `data/<city>/city.json`: what the seed loads for a city beyond its boundary.
 * Checked when it is read, so a broken manifest names its problem at start-up.
 * Every `file` is relative to the manifest's folder (the project's own files), or
 * `source:<path>` for a public data set in SOURCE_DATA_DIR (listed in data/sources.json).
 */
import { Type, type Static } from 'typebox';
import { Provenance } from './common.ts';

const Level = Type.Union([Type.Literal('borough'), Type.Literal('quarter'), Type.Literal('district')]);

export const CityManifest = Type.Object({
  _comment: Type.Optional(Type.String()),
  ags: Type.String({ pattern: '^[0-9]{8}$' }),
  name: Type.String(),
  /** How many units the city officially has per level (shown next to the counts we have). */
  officialCounts: Type.Optional(Type.Partial(Type.Record(Level, Type.Integer({ minimum: 0 })))),
  areas: Type.Array(Type.Object({ level: Level, file: Type.String(), provenance: Provenance, datasets: Type.Array(Type.String()) })),
  officialNames: Type.Optional(Type.Object({ file: Type.String() })),
  zensusGrid: Type.Optional(Type.Object({ file: Type.String(), datasets: Type.Array(Type.String()) })),
  /** Files loaded through the importer after the areas, in this order (docs/import-formats.md). */
  imports: Type.Optional(Type.Array(Type.Object({ kind: Type.String(), file: Type.String(), datasets: Type.Array(Type.String()) }))),
});
export type CityManifest = Static<typeof CityManifest>;
