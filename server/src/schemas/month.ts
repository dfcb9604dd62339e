/**
 * Months as the API and the URL write them. Which months have data, the default
 * month and the "no data" answer are decided in server/src/months/.
 */
import { Type, type Static } from 'typebox';

/**
 * `YYYY-MM`, years 1000–9999: the database has no year 0, so `0000-01` is malformed
 * (it answered 500, issue 10), not a month without data.
 */
export const monthPattern = '^[1-9][0-9]{3}-(0[1-9]|1[0-2])$';

/** A month as `YYYY-MM`. */
export const Month = Type.String({ pattern: monthPattern, description: 'YYYY-MM' });
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
