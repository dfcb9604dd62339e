import { Type, type Static } from 'typebox';
import { LocalizedText, Provenance } from './common.ts';

/** Area levels from the city down. German terms: Stadt, Stadtbezirk, Ortsteil, statistischer Bezirk. */
export const areaLevels = ['city', 'borough', 'quarter', 'district'] as const;
export const AreaLevel = Type.Enum(areaLevels);
export type AreaLevel = Static<typeof AreaLevel>;

export const AreaRef = Type.Object({ id: Type.Integer(), key: Type.String(), name: Type.String(), level: AreaLevel });
export type AreaRef = Static<typeof AreaRef>;

export const AreaDetail = Type.Object({
  id: Type.Integer(),
  key: Type.String(),
  name: Type.String(),
  level: AreaLevel,
  parent: Type.Union([AreaRef, Type.Null()]),
  areaKm2: Type.Number({ description: 'Area in km², computed in EPSG:25832' }),
  zensusPopulation: Type.Union([Type.Integer(), Type.Null()], { description: 'Zensus 2011 residents whose 100 m cell centre lies in the area' }),
  provenance: Provenance,
  source: LocalizedText,
  method: Type.Union([LocalizedText, Type.Null()], { description: 'How an approximate or synthetic geometry was built' }),
  childCount: Type.Integer(),
  officialNames: Type.Array(Type.String(), {
    description: 'Real names of the units one level below that have no public boundary yet',
  }),
});
export type AreaDetail = Static<typeof AreaDetail>;

/** Ids are PostgreSQL `integer`s; a larger number is a bad request, not a server error. */
export const AreaIdParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2147483647 }) });
