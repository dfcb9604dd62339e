/**
 * Which labels to draw at a zoom level, and where, so that none overlap: a greedy
 * pass in Web Mercator pixel space, larger areas first (they are the ones people look
 * for); a label that collides at its best spot tries its alternative spots.
 * deck.gl's TextLayer has no collision detection of its own, and the collision
 * extension is a separate package; at ≤ 50 labels this pass costs well under 1 ms.
 *
 * Collisions are independent of panning (only of zoom), so this runs on `zoomend`.
 */
import type { LabelPoint } from './label-points.ts';

export interface LabelPlacementOptions {
  /** Text size in CSS pixels. */
  fontSizePx: number;
  /**
   * Average glyph advance as a share of the font size. 0.56 was measured on the rendered
   * labels (DejaVu/Liberation Sans, weight 600): "Sodingen 1" at 13 px is 69 px wide.
   * @default 0.56
   */
  charWidthEm?: number;
  /** Free space kept around each label, in pixels. @default 4 */
  paddingPx?: number;
  /** Drawn first and always (e.g. the selected area). */
  priorityId?: number | null;
}

/** [x, y] in Web Mercator pixels at `zoom` with 512-px tiles (MapLibre's convention). */
export function mercatorPixel([lon, lat]: [number, number], zoom: number): [number, number] {
  const worldSize = 512 * 2 ** zoom;
  const sin = Math.sin((lat * Math.PI) / 180);
  const x = ((lon + 180) / 360) * worldSize;
  const y = (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * worldSize;
  return [x, y];
}

/** A label that fits: its area id and where it goes ([lon, lat]). */
export type PlacedLabels = Map<number, [number, number]>;

/**
 * The labels to show and where: each label takes its first position (the best spot,
 * then its alternatives) that overlaps no label placed before it.
 */
export function placeLabels(points: LabelPoint[], zoom: number, options: LabelPlacementOptions): PlacedLabels {
  const { fontSizePx, charWidthEm = 0.56, paddingPx = 4, priorityId = null } = options;
  const ordered = [...points].sort(
    (a, b) => Number(b.id === priorityId) - Number(a.id === priorityId) || b.areaKm2 - a.areaKm2 || a.id - b.id,
  );
  const boxes: Array<[number, number, number, number]> = [];
  const placed: PlacedLabels = new Map();
  const halfHeight = fontSizePx * 0.6 + paddingPx;
  for (const point of ordered) {
    const halfWidth = (point.name.length * fontSizePx * charWidthEm) / 2 + paddingPx;
    const spots = point.id === priorityId ? [point.position] : [point.position, ...(point.alternatives ?? [])];
    for (const spot of spots) {
      const [x, y] = mercatorPixel(spot, zoom);
      const box: [number, number, number, number] = [x - halfWidth, y - halfHeight, x + halfWidth, y + halfHeight];
      const collides = boxes.some((b) => box[0] < b[2] && b[0] < box[2] && box[1] < b[3] && b[1] < box[3]);
      if (collides && point.id !== priorityId) continue;
      boxes.push(box);
      placed.set(point.id, spot);
      break;
    }
  }
  return placed;
}
