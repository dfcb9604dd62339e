import { Type, type Static } from 'typebox';

export const Health = Type.Object({
  status: Type.Literal('ok'),
  engine: Type.Union([Type.Literal('pglite'), Type.Literal('postgis')]),
  postgresVersion: Type.String(),
  postgisVersion: Type.String(),
  tileEncoder: Type.Union([Type.Literal('st_asmvt'), Type.Literal('node')], {
    description: 'st_asmvt: tiles come from PostGIS; node: PGlite lacks ST_AsMVT, tiles are encoded in Node',
  }),
  cityAgs: Type.String(),
});
export type Health = Static<typeof Health>;
