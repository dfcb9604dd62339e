/**
 * One invalid input with its reason in both languages: what the error handler answers
 * and what validation, parameter parsing and the finite-number check produce. A module
 * of its own so that those producers and the handler do not import each other.
 */
import type { LocalizedText } from '../schemas/common.ts';

/** A text for users: one string for both languages (names, numbers, English-only sources), or `{ de, en }`. */
export type Text = string | LocalizedText;

/** One invalid input, its reason in both languages. */
export interface LocalizedProblem {
  field: string;
  /** Machine-readable reason: `enum`, `pattern`, `type`, `required`, `minimum`, `out_of_range`, `invalid`, … */
  code: string;
  message: Text;
}
