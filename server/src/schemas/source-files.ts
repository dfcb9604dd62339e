/**
 * `data/sources.json`: the public data sets the project reads where they are kept
 * (the folder `SOURCE_DATA_DIR`), not from copies in the repository. Each file names its
 * original publisher, so a start without them can say what is missing and from whom.
 */
import { Type, type Static } from 'typebox';

/** A path inside `SOURCE_DATA_DIR`, with `/` separators and no way out of the folder. */
const SourcePath = Type.String({ pattern: '^(?!/)(?!.*(^|/)\\.\\.(/|$))[^\\\\]+$' });

export const SourceFile = Type.Object({
  /** Path relative to `SOURCE_DATA_DIR`, e.g. `herne/nrw_kreise_dvg2_2018.geojson`. */
  path: SourcePath,
  /** What the file holds, in a few words. */
  title: Type.String(),
  /** The original publisher (not the repository it was found in). */
  publisher: Type.String(),
  /** Ids in data/datasets.json whose attribution covers it. */
  datasets: Type.Array(Type.String()),
});
export type SourceFile = Static<typeof SourceFile>;

export const SourceFiles = Type.Object({
  _comment: Type.Optional(Type.String()),
  files: Type.Array(SourceFile),
  /**
   * The boundary sets every city is looked up in (server/src/seed/resolve-city.ts), most
   * detailed first; each a path listed in `files`.
   */
  boundaries: Type.Object({
    /** NRW Kreise and kreisfreie Städte (DVG2), with names (`KN`, `GN`). */
    kreise: SourcePath,
    /** NRW municipalities (VG250, ~200 m generalised), with names (`AGS`, `GEN`). */
    nrwGemeinden: SourcePath,
    /** Every German municipality (VG250, strongly simplified), keys only (`AGS`, `ARS`). */
    germanyGemeinden: SourcePath,
  }),
});
export type SourceFiles = Static<typeof SourceFiles>;
