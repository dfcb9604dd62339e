/**
 * Colours for classed maps (choropleths, hot spot bins, local Moran clusters). Only
 * palettes that stay readable with a colour-vision deficiency are offered; the test
 * beside this file checks every palette and class count with `colour-vision.ts`.
 *
 * Sources:
 * - ColorBrewer 2.0 schemes by Cynthia Brewer, Mark Harrower and The Pennsylvania State
 *   University (https://colorbrewer2.org), Apache License 2.0: "This product includes
 *   color specifications and designs developed by Cynthia Brewer (http://colorbrewer.org/)."
 *   Hex values as published there (also in the `colorbrewer` npm package 1.7.0). Only
 *   schemes ColorBrewer rates colour-blind safe are used.
 * - viridis (van der Walt, Smith & Firing) and cividis (Nuñez, Anderton & Renslow 2018)
 *   from matplotlib's 256-entry tables (CC0), sampled as matplotlib's
 *   `colormaps[name].resampled(n)` does: entry ⌊i/(n−1)·256⌋, capped at 255, written
 *   with `to_hex` (matplotlib 3.6.3).
 */
import type { ClusterClass } from '../../../../server/src/schemas/analysis.ts';
import { MAX_CLASSES, MIN_CLASSES } from './class-count.ts';

/** Light (low) to dark (high). */
export type SequentialPaletteName = 'YlGnBu' | 'YlOrRd' | 'YlOrBr' | 'PuBu' | 'BuPu' | 'viridis' | 'cividis';
export type DivergingPaletteName = 'RdBu' | 'PuOr' | 'BrBG';

export const SEQUENTIAL_PALETTES: readonly SequentialPaletteName[] = ['YlGnBu', 'YlOrRd', 'YlOrBr', 'PuBu', 'BuPu', 'viridis', 'cividis'];
export const DIVERGING_PALETTES: readonly DivergingPaletteName[] = ['RdBu', 'PuOr', 'BrBG'];

type Scheme = Readonly<Partial<Record<number, readonly string[]>>>;

// ColorBrewer publishes 3 to 9 classes; 2 classes take the outer colours of the 3-class scheme.
const SEQUENTIAL: Record<SequentialPaletteName, Scheme> = {
  YlGnBu: {
    3: ['#edf8b1', '#7fcdbb', '#2c7fb8'],
    4: ['#ffffcc', '#a1dab4', '#41b6c4', '#225ea8'],
    5: ['#ffffcc', '#a1dab4', '#41b6c4', '#2c7fb8', '#253494'],
    6: ['#ffffcc', '#c7e9b4', '#7fcdbb', '#41b6c4', '#2c7fb8', '#253494'],
    7: ['#ffffcc', '#c7e9b4', '#7fcdbb', '#41b6c4', '#1d91c0', '#225ea8', '#0c2c84'],
  },
  YlOrRd: {
    3: ['#ffeda0', '#feb24c', '#f03b20'],
    4: ['#ffffb2', '#fecc5c', '#fd8d3c', '#e31a1c'],
    5: ['#ffffb2', '#fecc5c', '#fd8d3c', '#f03b20', '#bd0026'],
    6: ['#ffffb2', '#fed976', '#feb24c', '#fd8d3c', '#f03b20', '#bd0026'],
    7: ['#ffffb2', '#fed976', '#feb24c', '#fd8d3c', '#fc4e2a', '#e31a1c', '#b10026'],
  },
  YlOrBr: {
    3: ['#fff7bc', '#fec44f', '#d95f0e'],
    4: ['#ffffd4', '#fed98e', '#fe9929', '#cc4c02'],
    5: ['#ffffd4', '#fed98e', '#fe9929', '#d95f0e', '#993404'],
    6: ['#ffffd4', '#fee391', '#fec44f', '#fe9929', '#d95f0e', '#993404'],
    7: ['#ffffd4', '#fee391', '#fec44f', '#fe9929', '#ec7014', '#cc4c02', '#8c2d04'],
  },
  PuBu: {
    3: ['#ece7f2', '#a6bddb', '#2b8cbe'],
    4: ['#f1eef6', '#bdc9e1', '#74a9cf', '#0570b0'],
    5: ['#f1eef6', '#bdc9e1', '#74a9cf', '#2b8cbe', '#045a8d'],
    6: ['#f1eef6', '#d0d1e6', '#a6bddb', '#74a9cf', '#2b8cbe', '#045a8d'],
    7: ['#f1eef6', '#d0d1e6', '#a6bddb', '#74a9cf', '#3690c0', '#0570b0', '#034e7b'],
  },
  BuPu: {
    3: ['#e0ecf4', '#9ebcda', '#8856a7'],
    4: ['#edf8fb', '#b3cde3', '#8c96c6', '#88419d'],
    5: ['#edf8fb', '#b3cde3', '#8c96c6', '#8856a7', '#810f7c'],
    6: ['#edf8fb', '#bfd3e6', '#9ebcda', '#8c96c6', '#8856a7', '#810f7c'],
    7: ['#edf8fb', '#bfd3e6', '#9ebcda', '#8c96c6', '#8c6bb1', '#88419d', '#6e016b'],
  },
  // matplotlib runs dark → light; stored here as published and reversed on the way out
  // (see `sequentialPalette`).
  viridis: {
    2: ['#440154', '#fde725'],
    3: ['#440154', '#21918c', '#fde725'],
    4: ['#440154', '#31688e', '#35b779', '#fde725'],
    5: ['#440154', '#3b528b', '#21918c', '#5ec962', '#fde725'],
    6: ['#440154', '#414487', '#2a788e', '#22a884', '#7ad151', '#fde725'],
    7: ['#440154', '#443983', '#31688e', '#21918c', '#35b779', '#90d743', '#fde725'],
  },
  cividis: {
    2: ['#00224e', '#fee838'],
    3: ['#00224e', '#7d7c78', '#fee838'],
    4: ['#00224e', '#575d6d', '#a59c74', '#fee838'],
    5: ['#00224e', '#434e6c', '#7d7c78', '#bcae6c', '#fee838'],
    6: ['#00224e', '#35456c', '#666970', '#948e77', '#c8b866', '#fee838'],
    7: ['#00224e', '#2a3f6d', '#575d6d', '#7d7c78', '#a59c74', '#d2c060', '#fee838'],
  },
};

/** ColorBrewer order: the first colour is the low end (red, orange, brown). */
const DIVERGING: Record<DivergingPaletteName, Scheme> = {
  RdBu: {
    3: ['#ef8a62', '#f7f7f7', '#67a9cf'],
    4: ['#ca0020', '#f4a582', '#92c5de', '#0571b0'],
    5: ['#ca0020', '#f4a582', '#f7f7f7', '#92c5de', '#0571b0'],
    6: ['#b2182b', '#ef8a62', '#fddbc7', '#d1e5f0', '#67a9cf', '#2166ac'],
    7: ['#b2182b', '#ef8a62', '#fddbc7', '#f7f7f7', '#d1e5f0', '#67a9cf', '#2166ac'],
  },
  PuOr: {
    3: ['#f1a340', '#f7f7f7', '#998ec3'],
    4: ['#e66101', '#fdb863', '#b2abd2', '#5e3c99'],
    5: ['#e66101', '#fdb863', '#f7f7f7', '#b2abd2', '#5e3c99'],
    6: ['#b35806', '#f1a340', '#fee0b6', '#d8daeb', '#998ec3', '#542788'],
    7: ['#b35806', '#f1a340', '#fee0b6', '#f7f7f7', '#d8daeb', '#998ec3', '#542788'],
  },
  // No 7: its pale teal (#c7eae5) next to the neutral middle (#f5f5f5) is ΔE00 3.3 apart
  // for a protanope, below the threshold the palette test holds every palette to, although
  // ColorBrewer rates the scheme colour-blind safe as a whole.
  BrBG: {
    3: ['#d8b365', '#f5f5f5', '#5ab4ac'],
    4: ['#a6611a', '#dfc27d', '#80cdc1', '#018571'],
    5: ['#a6611a', '#dfc27d', '#f5f5f5', '#80cdc1', '#018571'],
    6: ['#8c510a', '#d8b365', '#f6e8c3', '#c7eae5', '#5ab4ac', '#01665e'],
  },
};

function pick(kind: string, name: string, scheme: Scheme | undefined, classes: number): string[] {
  if (!scheme) throw new RangeError(`unknown ${kind} palette "${name}"`);
  if (!Number.isInteger(classes) || classes < MIN_CLASSES || classes > MAX_CLASSES) {
    throw new RangeError(`${kind} palette ${name}: classes must be a whole number from ${MIN_CLASSES} to ${MAX_CLASSES}, got ${classes}`);
  }
  const exact = scheme[classes];
  if (exact) return [...exact];
  const three = scheme[3];
  if (classes === 2 && three) return [three[0], three[2]];
  const offered = Object.keys(scheme).map(Number);
  if (three) offered.unshift(2);
  throw new RangeError(`${kind} palette ${name} has no colour-blind-safe version with ${classes} classes (it has ${offered.join(', ')})`);
}

/**
 * `classes` colours from light (lowest class) to dark (highest), so that every
 * sequential map reads "darker = more", on the light base map as in print. viridis and
 * cividis are therefore reversed from matplotlib's order (dark → light).
 * @param classes 2–7
 */
export function sequentialPalette(name: SequentialPaletteName, classes: number): string[] {
  const colours = pick('sequential', name, SEQUENTIAL[name], classes);
  return name === 'viridis' || name === 'cividis' ? colours.reverse() : colours;
}

/**
 * `classes` colours from one end through a light middle to the other, in ColorBrewer's
 * order (RdBu: red = lowest class). An odd count has a neutral middle class (e.g. the
 * class around the mean), an even count meets at the middle break (e.g. the mean).
 * @param classes 2–7 (BrBG: 2–6)
 * @param options.reverse the other end first (RdBu: blue = lowest) @default false
 */
export function divergingPalette(name: DivergingPaletteName, classes: number, options: { reverse?: boolean } = {}): string[] {
  const colours = pick('diverging', name, DIVERGING[name], classes);
  return options.reverse ? colours.reverse() : colours;
}

/** A Gi* confidence bin: the `bin` of a hot spot unit, always an integer −3…+3. */
export type HotspotBin = -3 | -2 | -1 | 0 | 1 | 2 | 3;

/**
 * Gi* bins: cold spots at 99 / 95 / 90 % confidence (−3…−1), not significant (0), hot
 * spots at 90 / 95 / 99 % (1…3). ColorBrewer RdBu with 7 classes, blue for cold and red
 * for hot as in ArcGIS's Hot Spot Analysis; the neutral middle lets the not-significant
 * areas recede.
 */
export const HOTSPOT_BIN_COLOURS: Readonly<Record<HotspotBin, string>> = {
  [-3]: '#2166ac',
  [-2]: '#67a9cf',
  [-1]: '#d1e5f0',
  0: '#f7f7f7',
  1: '#fddbc7',
  2: '#ef8a62',
  3: '#b2182b',
};

/**
 * Local Moran's I clusters in GeoDa's colours, which readers of LISA maps know: high–high
 * red, low–low blue, the outliers in light tints of the colour of their own value
 * (high–low light red, low–high light blue), not significant light grey. Values as in
 * GeoDa / libgeoda (`lisa_colors`); the code-to-label order was confirmed by its
 * maintainer in GeoDaCenter/rgeoda#18.
 */
export const CLUSTER_COLOURS: Readonly<Record<ClusterClass, string>> = {
  HH: '#ff0000',
  LL: '#0000ff',
  HL: '#f4ada8',
  LH: '#a7adf9',
  ns: '#eeeeee',
};
