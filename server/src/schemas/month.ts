import { Type, type Static } from 'typebox';

/** A month as `YYYY-MM`. */
export const Month = Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$', description: 'YYYY-MM' });
export type Month = Static<typeof Month>;

export const MonthQuery = Type.Object({
  month: Type.Optional(Month),
});

export const MonthRange = Type.Object({
  /** Months with resident counts, oldest first; empty when the city has none yet. */
  months: Type.Array(Month),
  latest: Type.Union([Month, Type.Null()]),
});
export type MonthRange = Static<typeof MonthRange>;
