/**
 * A tileable diagonal hatching as raw RGBA pixels, for a `fill-pattern` (MapLibre
 * `addImage`). Drawn here rather than loaded as a sprite, because the self-contained
 * style has no sprite and makes no request.
 */
export interface PatternImage {
  width: number;
  height: number;
  data: Uint8Array;
}

/**
 * Lines from bottom-left to top-right. A pixel is inked when (x + y) mod size falls
 * inside the line width, which repeats seamlessly across tile edges.
 * @param sizePx side of the square tile in device pixels; the distance between lines
 * @param lineWidthPx width of a line in device pixels (measured along x)
 * @param rgba colour of the lines, 0–255 each; the rest is transparent
 */
export function hatchPattern(sizePx: number, lineWidthPx: number, rgba: readonly [number, number, number, number]): PatternImage {
  const data = new Uint8Array(sizePx * sizePx * 4);
  for (let y = 0; y < sizePx; y++) {
    for (let x = 0; x < sizePx; x++) {
      if ((x + y) % sizePx < lineWidthPx) data.set(rgba, (y * sizePx + x) * 4);
    }
  }
  return { width: sizePx, height: sizePx, data };
}

/** `#rrggbb` → [r, g, b, alpha]. */
export function rgba(hex: string, alpha = 255): [number, number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255, alpha];
}
