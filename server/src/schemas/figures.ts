/**
 * Figures per area and month. Counts of registered residents are exact numbers
 * from the register; unregistered residents are estimates and always a Range.
 */
import { Type, type Static } from 'typebox';
import { AreaLevel } from './area.ts';
import { Range } from './common.ts';
import { Month } from './month.ts';

export const ResidentCounts = Type.Object({
  ro: Type.Integer({ description: 'Registered Romanian nationals' }),
  bg: Type.Integer({ description: 'Registered Bulgarian nationals' }),
  other: Type.Integer({ description: 'Registered residents of other nationalities in the same properties' }),
  /** ro + bg */
  roBg: Type.Integer(),
  /** ro + bg under 6 years */
  roBgUnder6: Type.Integer(),
  /** ro + bg aged 6–17 */
  roBg6to17: Type.Integer(),
  /** ro + bg registered for more than five years */
  roBgOver5y: Type.Integer(),
});
export type ResidentCounts = Static<typeof ResidentCounts>;

export const AreaFigures = Type.Object({
  areaId: Type.Integer(),
  key: Type.String(),
  name: Type.String(),
  registered: ResidentCounts,
  /** Sum of the properties' ranges: sum of lows, sum of highs. null: no estimate for any property of the area. */
  unregistered: Type.Union([Range, Type.Null()]),
  properties: Type.Integer({ description: 'Properties with data in the area' }),
  problemProperties: Type.Integer(),
  visits: Type.Integer({ description: 'Visits in the month' }),
  lastVisit: Type.Union([Type.String({ format: 'date' }), Type.Null()], { description: 'Latest visit up to the end of the month' }),
  zensusPopulation: Type.Union([Type.Integer(), Type.Null()]),
});
export type AreaFigures = Static<typeof AreaFigures>;

export const FiguresQuery = Type.Object({
  level: AreaLevel,
  month: Type.Optional(Month),
});

export const AreaFiguresList = Type.Object({
  level: AreaLevel,
  month: Month,
  /** true when any figure comes from a synthetic dataset */
  synthetic: Type.Boolean(),
  areas: Type.Array(AreaFigures),
  /** The same figures summed over the city: every level adds up to this. */
  total: AreaFigures,
});
export type AreaFiguresList = Static<typeof AreaFiguresList>;

export const BboxSummaryQuery = Type.Object({
  bbox: Type.String({ description: 'west,south,east,north in degrees' }),
  month: Type.Optional(Month),
});

/** Totals over the properties inside a bbox (the map view). */
export const BboxSummary = Type.Object({
  month: Month,
  synthetic: Type.Boolean(),
  registered: ResidentCounts,
  unregistered: Type.Union([Range, Type.Null()]),
  properties: Type.Integer(),
  problemProperties: Type.Integer(),
  visits: Type.Integer(),
});
export type BboxSummary = Static<typeof BboxSummary>;
