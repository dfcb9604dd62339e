/**
 * Months as runs of consecutive months, so that a file replacing five years reads
 * "Okt. 2021 – Okt. 2026" instead of 61 names.
 */

const index = (month: string) => {
  const [year, m] = month.split('-').map(Number);
  return year * 12 + m - 1;
};

/** `['2021-10', '2021-11', '2022-03']` → `[['2021-10', '2021-11'], ['2022-03', '2022-03']]` (first and last of each run). */
export function monthRuns(months: readonly string[]): Array<[string, string]> {
  const sorted = [...new Set(months)].sort();
  const runs: Array<[string, string]> = [];
  for (const month of sorted) {
    const last = runs.at(-1);
    if (last && index(month) === index(last[1]) + 1) last[1] = month;
    else runs.push([month, month]);
  }
  return runs;
}
