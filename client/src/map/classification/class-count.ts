/**
 * How many classes a classed map may have. Two is the least that classifies; seven is
 * the usual cartographic limit for matching a map's areas to legend swatches, and the
 * most for which the palettes in `palettes.ts` pass the colour-vision check.
 * `classify` and the palettes share it.
 */
export const MIN_CLASSES = 2;
export const MAX_CLASSES = 7;
