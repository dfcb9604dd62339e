/**
 * The number on a cluster, drawn into an image for a symbol layer's `icon-image`: the
 * self-contained style has no glyphs, so MapLibre cannot draw text itself. Drawn on
 * demand (`styleimagemissing`) with a system font; nothing is downloaded.
 */
import { LABEL_FONT_FAMILY } from './layers/area-labels-layer.ts';

/** White bold digits on transparent, centred; the cluster circle underneath gives the background. */
export function countImage(text: string, pixelRatio: number): { width: number; height: number; data: Uint8ClampedArray } {
  const fontPx = 12 * pixelRatio;
  const width = Math.ceil((text.length * 8 + 6) * pixelRatio);
  const height = Math.ceil(16 * pixelRatio);
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d')!;
  context.font = `700 ${fontPx}px ${LABEL_FONT_FAMILY}`;
  context.textAlign = 'center';
  context.textBaseline = 'middle';
  context.fillStyle = '#ffffff';
  context.fillText(text, width / 2, height / 2 + pixelRatio * 0.5);
  return { width, height, data: context.getImageData(0, 0, width, height).data };
}
