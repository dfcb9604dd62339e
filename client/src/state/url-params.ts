/**
 * Parsers for single query parameters, shared by the URL state and the themes' codecs.
 * Each gives the fallback for anything it cannot use, so that a bad link degrades to
 * the defaults instead of an error.
 */

/** `1`/`true` or `0`/`false`; anything else: the fallback. */
export function parseFlag(value: string | null, fallback: boolean): boolean {
  if (value === '1' || value === 'true') return true;
  if (value === '0' || value === 'false') return false;
  return fallback;
}

/** A non-negative integer written in digits within [min, max]; anything else: the fallback. */
export function parseIntegerIn(value: string | null, min: number, max: number, fallback: number): number {
  const n = Number(value);
  return value !== null && /^\d+$/.test(value) && n >= min && n <= max ? n : fallback;
}

/** One of `allowed`; anything else: the fallback. */
export function oneOf<T extends string>(value: string | null, allowed: readonly T[], fallback: T): T {
  return (allowed as readonly string[]).includes(value ?? '') ? (value as T) : fallback;
}
