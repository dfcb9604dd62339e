/**
 * Whether two map colours stay apart for readers with a colour-vision deficiency: the
 * colours are run through a simulation of dichromacy and then compared with CIEDE2000.
 * Used by the palette tests (every exported palette is checked) and usable by a palette
 * picker that wants to warn about a custom palette.
 *
 * - Simulation: Machado, Oliveira & Fernandes (2009), "A Physiologically-based Model for
 *   Simulation of Color Vision Deficiency", IEEE TVCG 15(6), matrices for severity 1.0
 *   (full dichromacy), applied to linear RGB as the paper prescribes. Results outside the
 *   sRGB gamut are clipped, as a screen would show them.
 * - Difference: CIEDE2000 (CIE 142-2001), not CIE76, because CIE76 overstates differences
 *   between saturated blues and understates those between near-greys, which is exactly
 *   where the light ends of ColorBrewer ramps and the simulated palettes sit. Implemented
 *   after Sharma, Wu & Dalal (2005), whose test pairs the tests use. Lab uses D65, the
 *   sRGB white point.
 */

/**
 * The least CIEDE2000 difference two neighbouring classes may have, under typical vision
 * and each simulated dichromacy. Unitless (ΔE00). ΔE00 ≈ 1 is a just-noticeable
 * difference between large patches side by side; a map reader matches an area to a
 * legend swatch elsewhere on the screen, across outlines and labels, so the margin must
 * be several times that. Checked against ColorBrewer's ratings with this simulation: the
 * diverging schemes it rates unsafe for colour-blind readers fall below 5 (RdYlGn with 4
 * classes 2.0, Spectral with 6 classes 2.0 and with 7 classes 4.2, all for deuteranopes),
 * while every palette offered in `palettes.ts` stays above it (the lowest is YlOrRd with 6
 * classes, 5.3). Some schemes ColorBrewer rates safe miss it at 6–7 classes, mostly between
 * their two lightest steps (GnBu 3.7, BuGn 4.0, OrRd 4.4, Blues 4.8, YlGn 4.9; BrBG with 7
 * classes 3.3): those are not offered.
 */
export const MIN_DISTINGUISHABLE_DELTA_E = 5;

/** The three dichromacies the palettes are checked for. */
export type ColourVisionDeficiency = 'protanopia' | 'deuteranopia' | 'tritanopia';

/** A reader's vision in a check: typical, or one of the dichromacies. */
export type Vision = 'normal' | ColourVisionDeficiency;

export const VISIONS: readonly Vision[] = ['normal', 'protanopia', 'deuteranopia', 'tritanopia'];

/** CIE L*a*b* (D65). L 0..100. */
export interface Lab {
  L: number;
  a: number;
  b: number;
}

type Rgb = readonly [number, number, number];
type Matrix = readonly [Rgb, Rgb, Rgb];

/** Machado et al. (2009), Table 1, severity 1.0; rows give linear R′, G′, B′. */
const MACHADO: Record<ColourVisionDeficiency, Matrix> = {
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};

/** `#rrggbb` (or `#rgb`) → linear RGB 0..1. Throws on anything else, naming the input. */
export function linearRgb(hex: string): Rgb {
  const match = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex);
  if (!match) throw new Error(`not a hex colour: "${hex}"`);
  const digits = match[1].length === 3 ? [...match[1]].map((d) => d + d).join('') : match[1];
  const channel = (i: number) => {
    const c = parseInt(digits.slice(i * 2, i * 2 + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return [channel(0), channel(1), channel(2)];
}

function toHex(linear: Rgb): string {
  const encode = (c: number) => {
    const s = c <= 0.0031308 ? 12.92 * c : 1.055 * c ** (1 / 2.4) - 0.055;
    return Math.round(Math.min(1, Math.max(0, s)) * 255)
      .toString(16)
      .padStart(2, '0');
  };
  return `#${linear.map(encode).join('')}`;
}

function simulateLinear(rgb: Rgb, vision: Vision): Rgb {
  if (vision === 'normal') return rgb;
  const m = MACHADO[vision];
  const row = (r: Rgb) => Math.min(1, Math.max(0, r[0] * rgb[0] + r[1] * rgb[1] + r[2] * rgb[2]));
  return [row(m[0]), row(m[1]), row(m[2])];
}

/** How `hex` looks to a reader with full `deficiency`, as `#rrggbb`. */
export function simulateColourVision(hex: string, deficiency: ColourVisionDeficiency): string {
  return toHex(simulateLinear(linearRgb(hex), deficiency));
}

// D65 reference white of sRGB (CIE 15, 2°), X and Z relative to Y = 1.
const WHITE_X = 0.95047;
const WHITE_Z = 1.08883;

function linearToLab([r, g, b]: Rgb): Lab {
  // sRGB → XYZ (IEC 61966-2-1) to seven digits, whose rows sum to the white point, so
  // that white and greys get a* = b* = 0
  const x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / WHITE_X;
  const y = 0.2126729 * r + 0.7151522 * g + 0.072175 * b;
  const z = (0.0193339 * r + 0.119192 * g + 0.9503041 * b) / WHITE_Z;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (t * 24389) / 27 / 116 + 16 / 116);
  const fy = f(y);
  return { L: 116 * fy - 16, a: 500 * (f(x) - fy), b: 200 * (fy - f(z)) };
}

/** `#rrggbb` → CIE L*a*b* (D65). */
export function hexToLab(hex: string): Lab {
  return linearToLab(linearRgb(hex));
}

const DEG = Math.PI / 180;

/** CIEDE2000 colour difference ΔE00 of two Lab colours (kL = kC = kH = 1). */
export function ciede2000(lab1: Lab, lab2: Lab): number {
  const c1 = Math.hypot(lab1.a, lab1.b);
  const c2 = Math.hypot(lab2.a, lab2.b);
  const cMean7 = ((c1 + c2) / 2) ** 7;
  const g = 0.5 * (1 - Math.sqrt(cMean7 / (cMean7 + 25 ** 7)));
  const a1 = (1 + g) * lab1.a;
  const a2 = (1 + g) * lab2.a;
  const cp1 = Math.hypot(a1, lab1.b);
  const cp2 = Math.hypot(a2, lab2.b);
  const hue = (b: number, a: number) => (b === 0 && a === 0 ? 0 : (Math.atan2(b, a) / DEG + 360) % 360);
  const h1 = hue(lab1.b, a1);
  const h2 = hue(lab2.b, a2);

  const dL = lab2.L - lab1.L;
  const dC = cp2 - cp1;
  let dh = 0;
  if (cp1 * cp2 !== 0) {
    dh = h2 - h1;
    if (dh > 180) dh -= 360;
    else if (dh < -180) dh += 360;
  }
  const dH = 2 * Math.sqrt(cp1 * cp2) * Math.sin((dh / 2) * DEG);

  const lMean = (lab1.L + lab2.L) / 2;
  const cpMean = (cp1 + cp2) / 2;
  let hMean = h1 + h2;
  if (cp1 * cp2 !== 0) {
    if (Math.abs(h1 - h2) <= 180) hMean = (h1 + h2) / 2;
    else hMean = h1 + h2 < 360 ? (h1 + h2 + 360) / 2 : (h1 + h2 - 360) / 2;
  }
  const t =
    1 -
    0.17 * Math.cos((hMean - 30) * DEG) +
    0.24 * Math.cos(2 * hMean * DEG) +
    0.32 * Math.cos((3 * hMean + 6) * DEG) -
    0.2 * Math.cos((4 * hMean - 63) * DEG);
  const dTheta = 30 * Math.exp(-(((hMean - 275) / 25) ** 2));
  const cpMean7 = cpMean ** 7;
  const rc = 2 * Math.sqrt(cpMean7 / (cpMean7 + 25 ** 7));
  const sl = 1 + (0.015 * (lMean - 50) ** 2) / Math.sqrt(20 + (lMean - 50) ** 2);
  const sc = 1 + 0.045 * cpMean;
  const sh = 1 + 0.015 * cpMean * t;
  const rt = -Math.sin(2 * dTheta * DEG) * rc;
  return Math.sqrt((dL / sl) ** 2 + (dC / sc) ** 2 + (dH / sh) ** 2 + rt * (dC / sc) * (dH / sh));
}

/** ΔE00 between two hex colours as a reader with `vision` sees them. @default vision 'normal' */
export function colourDifference(hex1: string, hex2: string, vision: Vision = 'normal'): number {
  const lab = (hex: string) => linearToLab(simulateLinear(linearRgb(hex), vision));
  return ciede2000(lab(hex1), lab(hex2));
}

/** The least distinguishable pair of a palette, under which vision, and how far apart. */
export interface WeakestPair {
  /** Indices into the palette. */
  first: number;
  second: number;
  vision: Vision;
  /** CIEDE2000 difference. */
  deltaE: number;
}

/**
 * The pair of colours that is hardest to tell apart under any of `VISIONS`. Classed
 * palettes compare neighbours only (classes 2 and 5 never need to be told apart, they
 * are told apart by the classes in between); qualitative ones compare every pair,
 * because any two categories can share a border.
 * @param pairs which pairs are compared @default 'adjacent'
 */
export function weakestPair(colours: readonly string[], pairs: 'adjacent' | 'all' = 'adjacent'): WeakestPair {
  if (colours.length < 2) throw new Error(`a palette needs two colours to compare, got ${colours.length}`);
  let weakest: WeakestPair | null = null;
  for (const vision of VISIONS) {
    for (let i = 0; i < colours.length; i++) {
      const last = pairs === 'adjacent' ? Math.min(i + 1, colours.length - 1) : colours.length - 1;
      for (let j = i + 1; j <= last; j++) {
        const deltaE = colourDifference(colours[i], colours[j], vision);
        if (!weakest || deltaE < weakest.deltaE) weakest = { first: i, second: j, vision, deltaE };
      }
    }
  }
  return weakest!;
}
