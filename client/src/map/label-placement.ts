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
  /**
   * Round marks a label should not cover (property clusters and points): a label takes
   * the first of its spots that is clear of them; when none is, its first spot that is
   * clear of other labels (a name is worth more than an unobstructed dot). @default []
   */
  obstacles?: readonly LabelObstacle[];
}

/** A circle on the map, e.g. a cluster: centre [lon, lat] and radius in pixels. */
export interface LabelObstacle {
  position: [number, number];
  radiusPx: number;
}

/** [x, y] in Web Mercator pixels at `zoom` with 512-px tiles (MapLibre's convention). */
export function mercatorPixel([lon, lat]: [number, number], zoom: number): [number, number] {
  const worldSize = 512 * 2 ** zoom;
  const sin = Math.sin((lat * Math.PI) / 180);
  const x = ((lon + 180) / 360) * worldSize;
  const y = (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * worldSize;
  return [x, y];
}

/** Inverse of `mercatorPixel`: [lon, lat] of a Web Mercator pixel at `zoom`. */
export function mercatorLngLat([x, y]: [number, number], zoom: number): [number, number] {
  const worldSize = 512 * 2 ** zoom;
  const lon = (x / worldSize) * 360 - 180;
  const lat = (Math.atan(Math.sinh(Math.PI * (1 - (2 * y) / worldSize))) * 180) / Math.PI;
  return [lon, lat];
}

/** A label that fits: its area id and where it goes ([lon, lat]). */
export type PlacedLabels = Map<number, [number, number]>;

/**
 * The labels to show and where: each label takes its first position (the best spot,
 * then its alternatives) that overlaps no label placed before it and, if possible, no
 * obstacle.
 */
export function placeLabels(points: LabelPoint[], zoom: number, options: LabelPlacementOptions): PlacedLabels {
  const { fontSizePx, charWidthEm = 0.56, paddingPx = 4, priorityId = null, obstacles = [] } = options;
  const circles = obstacles.map((o) => {
    const [x, y] = mercatorPixel(o.position, zoom);
    return { x, y, r: o.radiusPx };
  });
  // Circle–box overlap: the box's nearest point to the centre lies within the radius.
  const blocked = (box: [number, number, number, number]) =>
    circles.some((c) => {
      const dx = c.x - Math.max(box[0], Math.min(c.x, box[2]));
      const dy = c.y - Math.max(box[1], Math.min(c.y, box[3]));
      return dx * dx + dy * dy < c.r * c.r;
    });
  const ordered = [...points].sort(
    (a, b) => Number(b.id === priorityId) - Number(a.id === priorityId) || b.areaKm2 - a.areaKm2 || a.id - b.id,
  );
  const boxes: Array<[number, number, number, number]> = [];
  const placed: PlacedLabels = new Map();
  for (const point of ordered) {
    // A label may have a second line (a figure under the name): widest line, all lines tall.
    const lines = point.name.split('\n');
    const halfWidth = (Math.max(...lines.map((l) => l.length)) * fontSizePx * charWidthEm) / 2 + paddingPx;
    const halfHeight = fontSizePx * 0.6 * lines.length + paddingPx;
    const spots = [point.position, ...(point.alternatives ?? [])];
    // Only where an obstacle is in the way: the same spots nudged just above or below it.
    const nudge = circles.length > 0 ? halfHeight + 14 : 0;
    const nudged = nudge === 0 ? [] : [-nudge, nudge].flatMap((dy) =>
      spots.map((spot) => {
        const [x, y] = mercatorPixel(spot, zoom);
        return mercatorLngLat([x, y + dy], zoom);
      }),
    );
    const candidates = [...spots, ...nudged].map((spot) => {
      const [x, y] = mercatorPixel(spot, zoom);
      const box: [number, number, number, number] = [x - halfWidth, y - halfHeight, x + halfWidth, y + halfHeight];
      const collides = boxes.some((b) => box[0] < b[2] && b[0] < box[2] && box[1] < b[3] && b[1] < box[3]);
      return { spot, box, collides };
    });
    const free = candidates.filter((c) => !c.collides || point.id === priorityId);
    // Without a clear spot the label keeps its own (never a nudged one over a neighbour).
    const chosen = free.find((c) => !blocked(c.box)) ?? free.find((c) => spots.includes(c.spot));
    if (!chosen) continue;
    boxes.push(chosen.box);
    placed.set(point.id, chosen.spot);
  }
  return placed;
}
