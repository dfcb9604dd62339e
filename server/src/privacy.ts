/**
 * Thresholds that keep small numbers out of sight, in one place.
 */

/**
 * Zensus 2011 grid cells with fewer residents than this are drawn without figures.
 * The source is perturbed for secrecy (SAFE); values under ~30 are mostly noise
 * (SOURCES.md §8 in SOURCE_DATA_DIR/herne: 997 category values are exactly 3).
 */
export const zensusMinResidents = 30;
